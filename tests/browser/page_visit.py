"""One visit to a page in a real browser, recording everything the page-level checks read.

Loading a page in Chromium is the expensive part of a browser test, so each page of the site is
visited once per session (``visit_page``) and the console, privacy and accessibility tests each
assert on what that visit recorded. A visit: a fresh context whose requests (a worker's
included) are recorded and whose off-site requests are aborted; the page loads; axe-core runs on it
as loaded (WCAG 2.1 A/AA); it is scrolled to the bottom, so lazy content loads too; then the network
goes idle.
"""

from __future__ import annotations

import gzip
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from axe_playwright_python.sync_playwright import Axe

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]}
# Schemes that never leave the browser.
LOCAL_SCHEMES = {"data", "blob", "about"}
RESOURCE_HINTS = ("preconnect", "dns-prefetch", "prefetch", "preload", "modulepreload", "prerender")

# Records each violation of the page's policy as the browser reports it, before any script runs.
RECORD_VIOLATIONS = """
window.__policyViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__policyViolations.push(`${event.violatedDirective} blocked ${event.blockedURI || "inline code"}`);
});
"""


@dataclass
class PageVisit:
    url: str
    site_origin: str
    # "resource type: url" of every request the page and its workers made.
    requests: list[str] = field(default_factory=list)
    websockets: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    policy_violations: list[str] = field(default_factory=list)
    script_policy: str | None = None
    # "rel href" of every resource hint in the page.
    resource_hints: list[str] = field(default_factory=list)
    axe_violations: list[dict] = field(default_factory=list)
    # Bytes of each response from the site, gzip-compressed as a static host serves them, by URL.
    gzip_bytes: dict[str, int] = field(default_factory=dict)

    def is_off_site(self, url: str) -> bool:
        return urlsplit(url).scheme not in LOCAL_SCHEMES and origin(url) != self.site_origin


def origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def visit_page(browser, url: str, site_url: str, *, run_axe: bool = True) -> PageVisit:
    visit = PageVisit(url=url, site_origin=origin(site_url))
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    context.set_default_timeout(10_000)
    try:
        # On the context, not only the page: it also sees requests from workers the page starts.
        context.on("request", lambda request: visit.requests.append(f"{request.resource_type}: {request.url}"))
        finished: list = []
        context.on("requestfinished", lambda request: finished.append(request))
        context.route(lambda address: visit.is_off_site(address), lambda route: route.abort())
        context.add_init_script(RECORD_VIOLATIONS)
        page = context.new_page()
        page.on("websocket", lambda socket: visit.websockets.append(socket.url))
        page.on(
            "console", lambda message: visit.console_errors.append(message.text) if message.type == "error" else None
        )
        page.on("pageerror", lambda error: visit.console_errors.append(str(error)))

        page.goto(url)  # "load": the theme's scripts have run and changed the DOM (e.g. table wrappers)
        if run_axe:
            visit.axe_violations = Axe().run(page, options=AXE_OPTIONS).response["violations"]
        page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
        page.wait_for_load_state("networkidle")
        for request in finished:
            response = request.response()
            if response is not None and not visit.is_off_site(request.url):
                visit.gzip_bytes[request.url] = len(gzip.compress(response.body(), compresslevel=9))

        visit.policy_violations = page.evaluate("window.__policyViolations")
        visit.script_policy = page.get_attribute('meta[http-equiv="Content-Security-Policy"]', "content")
        visit.resource_hints = page.eval_on_selector_all(
            "link[rel][href]",
            "(links, kinds) => links"
            "  .filter(l => l.rel.split(/\\s+/).some(r => kinds.includes(r.toLowerCase())))"
            "  .map(l => `${l.rel} ${l.href}`)",
            list(RESOURCE_HINTS),
        )
    finally:
        context.close()
    return visit
