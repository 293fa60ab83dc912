"""Every page loads in a real browser without a console error and without breaking its own
Content-Security-Policy: the policy (a <meta> in each page) must allow everything the theme really
runs, Material's inline scripts included, or the page would silently lose its form. The language
switch is plain links: no page fetches a sitemap to find its translation. (The visit, shared with
the privacy and accessibility tests, is in page_visit.py.)
"""

from __future__ import annotations

import pytest

from page_visit import PageVisit, visit_page


def test_page_runs_within_its_policy_without_console_errors(page_visit: PageVisit) -> None:
    assert_runs_cleanly(page_visit)


@pytest.mark.parametrize("path", ["404.html", "en/404.html"])
def test_not_found_pages_run_within_their_policy(chromium_browser, site_url: str, path: str) -> None:
    assert_runs_cleanly(visit_page(chromium_browser, site_url + path, site_url, run_axe=False))


def assert_runs_cleanly(visit: PageVisit) -> None:
    assert visit.script_policy and "script-src 'self' 'sha256-" in visit.script_policy, (
        f"{visit.url} has no script policy"
    )
    assert visit.policy_violations == []
    assert visit.console_errors == [], f"{visit.url} logged errors:\n  " + "\n  ".join(visit.console_errors)
    # The language switch is plain links: Material must not fetch a sitemap beside the alternate pages.
    assert [entry for entry in visit.requests if entry.endswith("sitemap.xml")] == []
