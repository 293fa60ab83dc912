"""The pages made for earlier statements (each version, what changed, the archive) pass axe-core
(WCAG 2.1 A/AA) and do not scroll sideways on a phone (390 px), in both languages. They exist only
in a build with earlier versions (``history_site``, test data), served here as it was built.
"""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from page_visit import AXE_OPTIONS
from static_server import serve_directory

PAGES = ["arkiv/", "en/arkiv/", "2024/", "en/2024/2025-09-15/", "endringer/", "en/2024/2025-09-15/endringer/"]


@pytest.fixture(scope="module")
def history_url(history_site):
    with serve_directory(history_site.root) as url:
        yield url


@pytest.mark.parametrize("path", PAGES)
def test_history_page_is_accessible_and_fits_a_phone(chromium_browser, history_url: str, path: str) -> None:
    context = chromium_browser.new_context(viewport={"width": 390, "height": 844}, reduced_motion="reduce")
    try:
        page = context.new_page()
        page.goto(history_url + path)
        assert page.locator("article h1").count() == 1, f"{path} was not found"
        violations = Axe().run(page, options=AXE_OPTIONS).response["violations"]
        assert violations == [], [(v["id"], [node["target"] for node in v["nodes"]]) for v in violations]
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 390, f"{path} is {width}px wide at 390 px"
    finally:
        context.close()
