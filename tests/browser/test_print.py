"""The statement prints cleanly on A4, so that the board and the CEO can sign a paper copy.

On the statement page, in Norwegian and English, with print media emulated in a real Chromium
(``docs/assets/print.css``):

* the site's chrome (header, sidebars, language switch, footer, skip link,
  heading permalinks) does not print; the article does, across the full width, black on white;
* headings stay with what follows them, table rows and signature blocks are not split, a table's
  header row repeats on every page;
* an external link prints its address after its text (``::after``); in-page links do not;
* the draft banner still prints, in black on white, because a draft must never look final on paper;
* the signature block prints a line to sign on, a name, a role and a place-and-date line in the
  page's language: while nobody has signed (the shipped draft), blank blocks for the chair and the
  CEO, and blank blocks on which the other board members write their role in (the data does not say
  how many they are), one block per signatory once the statement is filled in (a changed copy, built as in
  ``tests/conftest.py``, the same build ``test_build_variants.py`` reads);
* ``page.pdf(format="A4")`` gives an A4 PDF.

On screen, the print-only lines stay hidden and out of the accessibility tree, and the signature
section reads as before (``test_accessibility.py`` runs axe on the same pages).

Every test only reads the page (each sets the media it needs), so each statement page is loaded once
for the module.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from signatories import SIGNATORIES

from site_build import LANGUAGE_PREFIXES
from static_server import serve_directory

STATEMENT = "redegjorelse/"
LANGUAGES = pytest.mark.parametrize("language", list(LANGUAGE_PREFIXES))

# Material's chrome, which must not print. Each selector is on the statement page on screen.
CHROME = {
    "header": ".md-header",
    "primary navigation": ".md-sidebar--primary",
    "table of contents": ".md-sidebar--secondary",
    "language switch": ".md-select",
    "footer": ".md-footer",
    "skip link": ".md-skip",
    "heading permalinks": "article .headerlink",
}

WORDS = {
    "nb": {
        "signature": "Underskrift",
        "place_date": "Sted og dato",
        "name": "Navn med blokkbokstaver",
        "chair": "Styreleder",
        "ceo": "Daglig leder",
        "draft": "Utkast",
        "role": "Rolle i styret",
    },
    "en": {
        "signature": "Signature",
        "place_date": "Place and date",
        "name": "Name in block capitals",
        "chair": "Chair of the board",
        "ceo": "Chief executive (daglig leder)",
        "draft": "Draft",
        "role": "Role on the board",
    },
}
OTHER = {"nb": "en", "en": "nb"}
BLACK, WHITE = "rgb(0, 0, 0)", "rgb(255, 255, 255)"
A4_MEDIA_BOX = re.compile(rb"/MediaBox \[0 0 595\.9\d* 842\.8\d*\]")  # 210 × 297 mm in points


# --- Helpers ----------------------------------------------------------------------------------------


def open_statement(pages: dict, base_url: str, language: str, *, media: str = "print"):
    """The statement page of ``base_url`` in ``language``, loaded once for the module (every test here
    only reads it), shown as ``media``."""
    url = base_url + LANGUAGE_PREFIXES[language] + STATEMENT
    if url not in pages:
        pages[url] = pages["context"].new_page()
        pages[url].goto(url)
    page = pages[url]
    page.emulate_media(media=media)
    return page


def visible(page, selector: str) -> list[bool]:
    return [page.locator(selector).nth(i).is_visible() for i in range(page.locator(selector).count())]


def style(page, selector: str, prop: str, pseudo: str | None = None) -> list[str]:
    """The computed ``prop`` of every element matching ``selector`` (or of its ``::after``, ...)."""
    return page.evaluate(
        "([selector, prop, pseudo]) => [...document.querySelectorAll(selector)]"
        "  .map(e => getComputedStyle(e, pseudo).getPropertyValue(prop))",
        [selector, prop, pseudo],
    )


def texts(page, selector: str) -> list[str]:
    return [" ".join(text.split()) for text in page.locator(selector).all_inner_texts()]


def signing_blocks(page) -> list[dict[str, list[str]]]:
    """Each printed signature block: its labels, name and role, as the reader of the paper sees them."""
    return page.evaluate(
        "() => [...document.querySelectorAll('.aapenhet-signing__signatory')].map(block => ({"
        "  labels: [...block.querySelectorAll('.aapenhet-signing__label')].map(e => e.innerText.trim()),"
        "  names: [...block.querySelectorAll('.aapenhet-signing__name')].map(e => e.innerText.trim()),"
        "  roles: [...block.querySelectorAll('.aapenhet-signing__role')].map(e => e.innerText.trim()),"
        "  lines: block.querySelectorAll('.aapenhet-signing__line').length,"
        "}))"
    )


@pytest.fixture(scope="module")
def statement_pages(chromium_browser) -> Iterator[dict]:
    """The module's statement pages, by address, in one browser context (see ``open_statement``)."""
    context = chromium_browser.new_context(viewport={"width": 1280, "height": 800}, reduced_motion="reduce")
    context.set_default_timeout(10_000)
    try:
        yield {"context": context}
    finally:
        context.close()


@pytest.fixture(scope="module")
def filled_site_url(filled_site) -> Iterator[str]:
    """The shared build of the copy whose statement is filled in (period, approval, three signatories)."""
    with serve_directory(filled_site.root) as url:
        yield url


# --- The shipped draft, printed ---------------------------------------------------------------------


@LANGUAGES
def test_site_chrome_does_not_print(statement_pages, site_url, language):
    page = open_statement(statement_pages, site_url, language, media="screen")
    missing = [name for name, selector in CHROME.items() if page.locator(selector).count() == 0]
    assert not missing, f"not on the page, so this test would prove nothing: {missing}"
    page.emulate_media(media="print")
    printed = [name for name, selector in CHROME.items() if any(visible(page, selector))]
    assert printed == [], f"{language}: prints the site's {', '.join(printed)}"


@LANGUAGES
def test_article_prints_full_width_black_on_white(statement_pages, site_url, language):
    page = open_statement(statement_pages, site_url, language)
    article = page.locator("article")
    assert article.is_visible()
    width, page_width = page.evaluate(
        "() => [document.querySelector('article').getBoundingClientRect().width,"
        "       document.documentElement.clientWidth]"
    )
    assert width >= 0.9 * page_width, f"{language}: the article is {width}px of {page_width}px"
    assert style(page, "article", "color") == [BLACK]
    assert style(page, "body", "background-color") == [WHITE]
    assert style(page, "article p", "color") == [BLACK] * page.locator("article p").count()
    font_size = float(style(page, "article p", "font-size")[0].removesuffix("px"))
    assert 9 * 4 / 3 <= font_size <= 12 * 4 / 3, f"{language}: body text is {font_size}px, not 9–12 pt"


@LANGUAGES
def test_page_breaks_keep_headings_rows_and_signatures_together(statement_pages, site_url, language):
    page = open_statement(statement_pages, site_url, language)
    assert set(style(page, "article h2, article h3", "break-after")) == {"avoid"}
    assert set(style(page, "article tr", "break-inside")) == {"avoid"}
    assert set(style(page, "article thead", "display")) == {"table-header-group"}, "header rows must repeat"
    assert style(page, ".aapenhet-signatures", "break-inside") == ["avoid"]
    assert set(style(page, ".aapenhet-signing__signatory", "break-inside")) == {"avoid"}


@LANGUAGES
def test_external_links_print_their_address(statement_pages, site_url, language):
    page = open_statement(statement_pages, site_url, language)
    hrefs = page.eval_on_selector_all("article a[href^='http']", "links => links.map(a => a.getAttribute('href'))")
    assert hrefs, f"{language}: no external link in the statement, so this test would prove nothing"
    assert style(page, "article a[href^='http']", "content", "::after") == [f'" ({href})"' for href in hrefs]

    in_page = page.locator("article a[href^='#']:not(.headerlink)").count()
    assert in_page > 0
    assert set(style(page, "article a[href^='#']", "content", "::after")) == {"none"}, (
        "in-page links and heading permalinks must not print an address"
    )

    page.emulate_media(media="screen")
    assert set(style(page, "article a[href^='http']", "content", "::after")) == {"none"}, (
        "the address is for paper only"
    )


@LANGUAGES
def test_the_page_prints_its_own_address(statement_pages, site_url, language):
    page = open_statement(statement_pages, site_url, language)
    address = page.locator(".aapenhet-print-address")
    assert address.is_visible()
    label = {"nb": "Nettadresse", "en": "Web address"}[language]
    assert address.inner_text() == f"{label}: {site_url}{LANGUAGE_PREFIXES[language]}{STATEMENT}"
    page.emulate_media(media="screen")
    assert not address.is_visible()


@LANGUAGES
def test_draft_banner_prints_black_on_white(statement_pages, site_url, language):
    page = open_statement(statement_pages, site_url, language)
    banner = page.locator(".md-banner")
    assert banner.is_visible(), f"{language}: the draft banner does not print"
    assert texts(page, ".md-banner")[0].lower().startswith(WORDS[language]["draft"].lower())
    # Browsers leave out backgrounds when printing: white text on the screen's dark red would vanish.
    assert style(page, ".md-banner", "color") == [BLACK]
    assert style(page, ".md-banner", "background-color") == [WHITE]
    assert float(style(page, ".md-banner", "border-top-width")[0].removesuffix("px")) >= 2


@LANGUAGES
def test_draft_prints_blank_signature_lines_for_board_and_ceo(statement_pages, site_url, language):
    page = open_statement(statement_pages, site_url, language)
    words = WORDS[language]
    assert page.locator(".aapenhet-signing").is_visible()
    blocks = signing_blocks(page)
    roles = [block["roles"] for block in blocks]
    # The chair and the CEO by role; the other members, however many, write their role in by hand.
    assert roles[0] == [words["chair"]] and roles[-1] == [words["ceo"]], f"{language}: roles {roles}"
    assert len(blocks) > 2 and all(role == [] for role in roles[1:-1]), f"{language}: roles {roles}"
    for block in blocks:
        assert block["names"] == [], "nobody has signed: the name is to be written in"
        if block["roles"]:
            assert block["labels"] == [words["signature"], words["name"], words["place_date"]], block
            assert block["lines"] == 3, block
        else:
            assert block["labels"] == [words["signature"], words["name"], words["role"], words["place_date"]], block
            assert block["lines"] == 4, block
    other = WORDS[OTHER[language]]
    signatures_text = " ".join(texts(page, ".aapenhet-signatures"))
    for key in ("signature", "place_date"):
        assert other[key] not in signatures_text, f"{language}: {other[key]!r} printed on the {language} page"
    assert page.locator(".aapenhet-signatures__draft").is_visible(), "the 'not signed yet' note prints too"


@LANGUAGES
def test_statement_prints_as_an_a4_pdf(statement_pages, site_url, language):
    page = open_statement(statement_pages, site_url, language)
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF-")
    assert 20_000 < len(pdf) < 5_000_000, f"{language}: a PDF of {len(pdf)} bytes"
    assert A4_MEDIA_BOX.search(pdf), f"{language}: the PDF's pages are not A4"
    pages = len(re.findall(rb"/Type\s*/Page\b", pdf))
    assert 2 <= pages <= 20, f"{language}: the PDF has {pages} pages"


@LANGUAGES
def test_print_only_lines_stay_hidden_on_screen(statement_pages, site_url, language):
    page = open_statement(statement_pages, site_url, language, media="screen")
    assert page.locator(".aapenhet-print-only").count() > 0
    assert not any(visible(page, ".aapenhet-print-only")), f"{language}: print-only lines show on screen"
    # Out of the accessibility tree on screen by `hidden`; no aria-hidden, which would keep the
    # signatories out of the printed PDF's tags as well.
    assert set(page.eval_on_selector_all(".aapenhet-print-only", "els => els.map(e => e.hidden)")) == {True}
    assert page.locator(".aapenhet-print-only[aria-hidden]").count() == 0
    # innerText is what is rendered: the signature section reads as it did before the paper version.
    on_screen = " ".join(texts(page, ".aapenhet-signatures"))
    words = WORDS[language]
    assert words["signature"] not in on_screen and words["place_date"] not in on_screen
    assert page.locator(".aapenhet-signatures__draft").is_visible()
    assert page.get_by_role("paragraph").filter(has_text=words["place_date"]).count() == 0, (
        "the print-only labels must not be in the accessibility tree"
    )


# --- A filled-in statement, printed -----------------------------------------------------------------


@LANGUAGES
def test_filled_statement_prints_one_signature_block_per_signatory(statement_pages, filled_site_url, language):
    page = open_statement(statement_pages, filled_site_url, language)
    words = WORDS[language]
    blocks = signing_blocks(page)
    assert [(block["names"], block["roles"]) for block in blocks] == [
        ([name], [role]) for name, role in SIGNATORIES[language]
    ]
    for block in blocks:
        assert block["labels"] == [words["signature"], words["place_date"]], block
        assert block["lines"] == 2, block
    # The on-screen list would print every name twice.
    assert not any(visible(page, ".aapenhet-signatories"))
    assert page.locator(".md-banner").count() == 0 or not any(visible(page, ".md-banner"))
    assert words["draft"] not in " ".join(texts(page, "article"))


@LANGUAGES
def test_filled_statement_on_screen_lists_signatories_without_print_lines(statement_pages, filled_site_url, language):
    page = open_statement(statement_pages, filled_site_url, language, media="screen")
    assert page.locator(".aapenhet-signatories").is_visible()
    assert texts(page, ".aapenhet-signatories li") == [f"{name} {role}" for name, role in SIGNATORIES[language]]
    assert not any(visible(page, ".aapenhet-print-only"))
