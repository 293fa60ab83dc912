"""Every page reads on a phone and at 200 % and 400 % zoom without scrolling sideways.

Each page of the site in Norwegian and English (the four pages, the thank-you page after the form
and the 404 page) is loaded once in a real Chromium (device pixel ratio 2, reduced motion) and
measured in a window 390 px wide (a phone), 640 px wide (a 1280 px screen zoomed to 200 %) and
320 px wide (the width WCAG 2.1's 1.4.10 Reflow asks for: a 1280 px screen at 400 %), by resizing
the window, not reloading the page. At each width:

* the page as a whole does not scroll sideways: the document is no wider than the window;
* body text (the article and the draft banner, outside tables) is at least 16 px, text in tables
  (cells, captions, badges and the column names shown before a value) at least 14 px, as computed
  by the browser; on a page with a table that text is really measured;
* anything that still scrolls sideways inside the page can be reached by keyboard (tabindex) and
  has an accessible name, so a keyboard or screen-reader user can scroll it too;
* at 320 px, where each table row is laid out as a card (statement.css), every table is still a
  table in Chromium's accessibility tree (named by its caption, with its rows, row and column
  headers and cells), and no cell's name repeats the column name shown before its value.

The tests never hover or click: what they read is what a phone, which cannot hover, shows.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field

import pytest

from site_build import PAGES

# The pages every test here runs on, as their path in the default language (conftest's
# pytest_generate_tests makes one test per page and language).
PHONE_PAGES = (*PAGES, "innsynskrav/takk/", "404.html")
pytestmark = pytest.mark.pages(*PHONE_PAGES)

PHONE, ZOOM_200, REFLOW = 390, 640, 320
WIDTHS = (PHONE, ZOOM_200, REFLOW)
BODY_TEXT_PX = 16
TABLE_TEXT_PX = 14

# What a page looks like at the window's current width. Text is sampled per text node (and per
# column name a cell shows before its value) from the article and the draft banner.
MEASURE = """
() => {
  const visible = (el) => el.checkVisibility({opacityProperty: true, visibilityProperty: true});
  const describe = (el) => el.tagName.toLowerCase()
    + (el.id ? '#' + el.id : '') + [...el.classList].map((c) => '.' + c).join('');
  const text = {body: [], table: []};
  for (const root of document.querySelectorAll('article, .md-banner')) {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const words = node.textContent.trim();
      const element = node.parentElement;
      if (!words || !visible(element)) continue;
      const size = parseFloat(getComputedStyle(element).fontSize);
      (element.closest('table') ? text.table : text.body).push([size, describe(element), words.slice(0, 50)]);
    }
  }
  for (const cell of document.querySelectorAll('article td[data-label]')) {
    const label = getComputedStyle(cell, '::before');
    if (visible(cell) && label.content !== 'none') {
      text.table.push([parseFloat(label.fontSize), describe(cell) + '::before', cell.dataset.label]);
    }
  }
  const nameOf = (el) => (el.getAttribute('aria-labelledby') || '').split(/\\s+/)
    .map((id) => document.getElementById(id)).filter(Boolean).map((e) => e.textContent.trim()).join(' ')
    || (el.getAttribute('aria-label') || '').trim();
  const scrollers = [...document.querySelectorAll('body *')]
    .filter((el) => ['auto', 'scroll'].includes(getComputedStyle(el).overflowX)
      && el.clientWidth > 0 && el.scrollWidth > el.clientWidth + 1 && visible(el))
    .map((el) => ({element: describe(el), focusable: el.tabIndex >= 0, name: nameOf(el)}));
  return {
    window: window.innerWidth,
    document: Math.max(document.documentElement.scrollWidth, document.body.scrollWidth),
    text, scrollers,
    tables: [...document.querySelectorAll('article table')].map((table) => ({
      caption: table.caption ? table.caption.textContent.trim() : '',
      headers: table.querySelectorAll('th').length,
      cells: table.querySelectorAll('td').length,
    })),
    labels: [...new Set([...document.querySelectorAll('article td[data-label]')].map((cell) => cell.dataset.label))],
  };
}
"""


@dataclass
class Layout:
    """What one page looked like at one width."""

    window: int
    document: int
    # (font size in px, element, start of its text)
    body_text: list[tuple[float, str, str]]
    table_text: list[tuple[float, str, str]]
    scrollers: list[dict]
    tables: list[dict]
    labels: list[str]


@dataclass
class PhoneVisit:
    url: str
    layouts: dict[int, Layout] = field(default_factory=dict)
    # At REFLOW: role → count of the nodes in Chromium's accessibility tree, and each table's and
    # cell's name there.
    roles: Counter = field(default_factory=Counter)
    table_names: list[str] = field(default_factory=list)
    cell_names: list[str] = field(default_factory=list)


def visit_at_widths(page, url: str) -> PhoneVisit:
    """Load ``url`` once in ``page`` and lay it out at each width in turn."""
    visit = PhoneVisit(url)
    page.set_viewport_size({"width": WIDTHS[0], "height": 800})
    page.goto(url)  # "load": the theme's script has wrapped the tables
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 800})
        found = page.evaluate(MEASURE)
        visit.layouts[width] = Layout(
            window=found["window"],
            document=found["document"],
            body_text=[tuple(sample) for sample in found["text"]["body"]],
            table_text=[tuple(sample) for sample in found["text"]["table"]],
            scrollers=found["scrollers"],
            tables=found["tables"],
            labels=found["labels"],
        )
    # The last width is REFLOW: read the tree Chromium gives assistive technology, as laid out now.
    session = page.context.new_cdp_session(page)
    try:
        nodes = [node for node in session.send("Accessibility.getFullAXTree")["nodes"] if not node.get("ignored")]
    finally:
        session.detach()
    visit.roles = Counter(node["role"]["value"] for node in nodes)
    visit.table_names = [ax_name(node) for node in nodes if node["role"]["value"] == "table"]
    visit.cell_names = [ax_name(node) for node in nodes if node["role"]["value"] == "cell"]
    return visit


def ax_name(node: dict) -> str:
    return node.get("name", {}).get("value", "")


@pytest.fixture(scope="module")
def phone_page(chromium_browser) -> Iterator:
    """One page for the module, navigated from page to page (cheaper than a page per visit), in its
    own context: a phone's pixel ratio, no animation."""
    context = chromium_browser.new_context(
        viewport={"width": WIDTHS[0], "height": 800}, device_scale_factor=2, reduced_motion="reduce"
    )
    context.set_default_timeout(10_000)
    try:
        yield context.new_page()
    finally:
        context.close()


@pytest.fixture(scope="module")
def phone_visits() -> dict[str, PhoneVisit]:
    return {}


@pytest.fixture
def phone_visit(phone_visits: dict[str, PhoneVisit], phone_page, page_url: str) -> PhoneVisit:
    """The module's one visit to the page under test, made on first use."""
    if page_url not in phone_visits:
        phone_visits[page_url] = visit_at_widths(phone_page, page_url)
    return phone_visits[page_url]


def listed(samples) -> str:
    return "\n  ".join(f"{size:g}px {element}: {words!r}" for size, element, words in samples)


# --- Tests ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("width", WIDTHS)
def test_page_does_not_scroll_sideways(phone_visit: PhoneVisit, width: int) -> None:
    layout = phone_visit.layouts[width]
    assert layout.window == width
    assert layout.document <= layout.window, (
        f"{phone_visit.url} is {layout.document}px wide in a {width}px window: the whole page scrolls sideways"
    )


@pytest.mark.parametrize("width", WIDTHS)
def test_body_text_is_at_least_16px(phone_visit: PhoneVisit, width: int) -> None:
    layout = phone_visit.layouts[width]
    assert layout.body_text, f"{phone_visit.url}: no body text found, so this test would prove nothing"
    small = [sample for sample in layout.body_text if sample[0] < BODY_TEXT_PX]
    assert small == [], f"{phone_visit.url} at {width}px: body text under {BODY_TEXT_PX}px:\n  {listed(small)}"


@pytest.mark.parametrize("width", WIDTHS)
def test_table_text_is_at_least_14px(phone_visit: PhoneVisit, width: int) -> None:
    layout = phone_visit.layouts[width]
    if layout.tables:
        assert layout.table_text, f"{phone_visit.url}: tables without text found, so this test would prove nothing"
    small = [sample for sample in layout.table_text if sample[0] < TABLE_TEXT_PX]
    assert small == [], f"{phone_visit.url} at {width}px: table text under {TABLE_TEXT_PX}px:\n  {listed(small)}"


@pytest.mark.parametrize("width", WIDTHS)
def test_whatever_scrolls_sideways_is_focusable_and_named(phone_visit: PhoneVisit, width: int) -> None:
    unreachable = [
        scroller
        for scroller in phone_visit.layouts[width].scrollers
        if not (scroller["focusable"] and scroller["name"])
    ]
    assert unreachable == [], (
        f"{phone_visit.url} at {width}px: boxes that scroll sideways without tabindex or an accessible name: "
        f"{unreachable}"
    )


@pytest.mark.pages("redegjorelse/", "leverandorer/")
def test_tables_laid_out_as_cards_are_still_tables(phone_visit: PhoneVisit) -> None:
    tables = phone_visit.layouts[REFLOW].tables
    assert tables, f"{phone_visit.url}: no table, so this test would prove nothing"
    assert sorted(phone_visit.table_names) == sorted(table["caption"] for table in tables), (
        "each table must be a table named by its caption in the accessibility tree"
    )
    headers = phone_visit.roles["rowheader"] + phone_visit.roles["columnheader"]
    assert headers == sum(table["headers"] for table in tables)
    assert phone_visit.roles["cell"] == sum(table["cells"] for table in tables)
    labels = tuple(f"{label}:" for label in phone_visit.layouts[REFLOW].labels)
    read_twice = [name for name in phone_visit.cell_names if name.startswith(labels)] if labels else []
    assert read_twice == [], f"a screen reader would read the column name twice: {read_twice}"
