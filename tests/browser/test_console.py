"""Every page loads in a real browser without a console error and without breaking its own
Content-Security-Policy: the policy (a <meta> in each page) must allow everything the theme really
runs, Material's inline scripts included, or the page would silently lose its search, language
switch or form.
"""

from __future__ import annotations

import pytest

# Records each violation of the page's policy as the browser reports it, before any script runs.
RECORD_VIOLATIONS = """
window.__policyViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__policyViolations.push(`${event.violatedDirective} blocked ${event.blockedURI || "inline code"}`);
});
"""


def test_page_runs_within_its_policy_without_console_errors(site_context, page_url):
    assert_runs_cleanly(site_context, page_url)


@pytest.mark.parametrize("path", ["404.html", "en/404.html"])
def test_not_found_pages_run_within_their_policy(site_context, site_url, path):
    assert_runs_cleanly(site_context, site_url + path)


def assert_runs_cleanly(site_context, page_url: str) -> None:
    errors: list[str] = []
    requested: list[str] = []
    site_context.add_init_script(RECORD_VIOLATIONS)
    page = site_context.new_page()
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("request", lambda request: requested.append(request.url))

    page.goto(page_url, wait_until="networkidle")
    # Open the search and type, so the search worker and its index load under the policy too.
    page.keyboard.press("/")
    page.keyboard.type("risiko")
    page.wait_for_load_state("networkidle")

    policy = page.get_attribute('meta[http-equiv="Content-Security-Policy"]', "content")
    assert policy and "script-src 'self' 'sha256-" in policy, f"{page_url} has no script policy"
    assert page.evaluate("window.__policyViolations") == []
    assert errors == [], f"{page_url} logged errors:\n  " + "\n  ".join(errors)
    # The language switch is plain links: Material must not fetch a sitemap beside the alternate pages.
    assert [url for url in requested if url.endswith("sitemap.xml")] == []
