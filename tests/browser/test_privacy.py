"""No page of the site makes the visitor's browser contact anyone but the site itself.

Every page, in Norwegian and English, is loaded in a real Chromium from a local server; every request
the page makes (documents, styles, scripts, fonts, images, XHR/fetch, the search worker and its
index) is recorded until the network is idle, after scrolling to the bottom so lazy content loads too.
Each request must go to the site's own origin: no Google Fonts, no CDN, no analytics. Off-site
requests are recorded and then aborted, so a regression fails fast here instead of waiting on a
network the tests do not have. Resource hints (preconnect, dns-prefetch, prefetch, preload) open
connections without a request event, so their targets are checked in the DOM as well.
"""

from __future__ import annotations

from urllib.parse import urlsplit

# Schemes that never leave the browser.
LOCAL_SCHEMES = {"data", "blob", "about"}
RESOURCE_HINTS = ("preconnect", "dns-prefetch", "prefetch", "preload", "modulepreload", "prerender")


def origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def is_off_site(url: str, site_origin: str) -> bool:
    return urlsplit(url).scheme not in LOCAL_SCHEMES and origin(url) != site_origin


def test_page_makes_no_third_party_requests(site_context, site_url, page_url):
    site_origin = origin(site_url)
    requested: list[str] = []
    websockets: list[str] = []
    # On the context, not only the page: it also sees requests from workers the page starts.
    site_context.on("request", lambda request: requested.append(f"{request.resource_type}: {request.url}"))
    site_context.route(lambda url: is_off_site(url, site_origin), lambda route: route.abort())
    page = site_context.new_page()
    page.on("websocket", lambda socket: websockets.append(socket.url))

    page.goto(page_url, wait_until="networkidle")
    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    page.wait_for_load_state("networkidle")

    assert requested, f"no request was recorded for {page_url}"
    off_site = [entry for entry in requested if is_off_site(entry.split(": ", 1)[1], site_origin)]
    assert not off_site, (
        f"{page_url} made {len(off_site)} request(s) outside {site_origin}:\n  " + "\n  ".join(off_site)
    )
    assert not websockets, f"{page_url} opened WebSocket(s):\n  " + "\n  ".join(websockets)

    hints = page.eval_on_selector_all(
        "link[rel][href]",
        "(links, kinds) => links"
        "  .filter(l => l.rel.split(/\\s+/).some(r => kinds.includes(r.toLowerCase())))"
        "  .map(l => `${l.rel} ${l.href}`)",
        list(RESOURCE_HINTS),
    )
    off_site_hints = [hint for hint in hints if is_off_site(hint.split(" ")[-1], site_origin)]
    assert not off_site_hints, (
        f"{page_url} has resource hints to other origins:\n  " + "\n  ".join(off_site_hints)
    )
