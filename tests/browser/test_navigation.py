"""A visitor can switch language on every page, and a keyboard user can skip straight to the content.

Language switch: the header's language selector (Material's ``.md-select``) links to the same page
in the other language, nb ↔ en (its ``href`` as the browser resolves it). Using it, as a mouse user
does (hover to open the menu, then click) and as a keyboard user does (Tab into the menu, which
opens on focus, then Enter), lands on that page, and ``<html lang>`` changes to the new language.
The selector is the same plain links on every page, so this runs on the front page and the longest
page in each language; that every page's links name its own translation is checked on every page
with the HTML parser (``test_site.py``).

Skip link: on every page, the first Tab stop is Material's "skip to content" link (``.md-skip``); it
becomes visible when focused, and following it moves the focus to the page's content, so the next
Tab goes to the content, not back through the header and navigation.
"""

from __future__ import annotations

import pytest

MAX_TABS = 15  # enough to reach the header's language menu from the top of the page


def language_link(page, language: str):
    return page.locator(f".md-header .md-select a.md-select__link[hreflang='{language}']")


def html_lang(page) -> str:
    return page.evaluate("document.documentElement.lang")


def active_element(page) -> str:
    """A short description of the focused element, for failure messages."""
    return page.evaluate(
        "(() => { const e = document.activeElement;"
        "  return e ? e.outerHTML.replace(/\\s+/g, ' ').slice(0, 160) : 'nothing'; })()"
    )


SWITCH_PAGES = pytest.mark.pages("", "redegjorelse/")


@SWITCH_PAGES
def test_language_switch_by_mouse(site_page, page_url, language, other_language, translation_url):
    site_page.goto(page_url)
    assert html_lang(site_page) == language, f"{page_url}: <html lang> is {html_lang(site_page)!r}"
    link = language_link(site_page, other_language)
    assert link.count() == 1, f"{page_url}: no single language link with hreflang={other_language!r}"
    href = link.evaluate("a => a.href")  # resolved against the page, as the browser follows it
    assert href == translation_url, f"{page_url}: the {other_language} link goes to {href}"

    site_page.hover(".md-header .md-select button")  # the menu opens on hover
    link.click()

    site_page.wait_for_url(translation_url, wait_until="load")
    assert html_lang(site_page) == other_language, (
        f"after switching language on {page_url}: <html lang> is {html_lang(site_page)!r} at {site_page.url}"
    )


@SWITCH_PAGES
def test_language_switch_by_keyboard(site_page, page_url, language, other_language, translation_url):
    site_page.goto(page_url)
    link = language_link(site_page, other_language)
    for _ in range(MAX_TABS):
        site_page.keyboard.press("Tab")
        if link.evaluate("a => a === document.activeElement"):
            break
    else:
        raise AssertionError(
            f"{page_url}: the {other_language} language link is not reachable "
            f"with {MAX_TABS} Tabs; focus is on {active_element(site_page)}"
        )

    # The menu opens on focus (:focus-within): a sighted keyboard user must see the focused link.
    site_page.wait_for_function(
        "inner => getComputedStyle(inner).opacity === '1'",
        arg=site_page.locator(".md-header .md-select__inner").element_handle(),
    )
    site_page.keyboard.press("Enter")

    site_page.wait_for_url(translation_url, wait_until="load")
    assert html_lang(site_page) == other_language, (
        f"after switching language on {page_url}: <html lang> is {html_lang(site_page)!r} at {site_page.url}"
    )


def test_skip_link_is_first_tab_stop_and_moves_focus_to_content(site_page, page_url):
    site_page.goto(page_url)
    site_page.keyboard.press("Tab")
    skip = site_page.locator("a.md-skip")
    assert skip.count() == 1, f"{page_url} has no skip link (a.md-skip)"
    assert skip.evaluate("a => a === document.activeElement"), (
        f"{page_url}: the first Tab stop is {active_element(site_page)}, not the skip link"
    )
    # Hidden until focused; focused, it must be visible.
    site_page.wait_for_function("a => getComputedStyle(a).opacity === '1'", arg=skip.element_handle())

    fragment = skip.get_attribute("href")
    assert fragment and fragment.startswith("#") and len(fragment) > 1, f"{page_url}: skip link href {fragment!r}"
    target = site_page.locator(f"[id='{fragment[1:]}']")
    assert target.count() == 1, f"{page_url}: the skip link's target {fragment} does not exist"
    assert target.evaluate("t => !!t.closest('.md-content')"), (
        f"{page_url}: the skip link's target {fragment} is not in the content (.md-content)"
    )

    site_page.keyboard.press("Enter")
    site_page.wait_for_url(page_url + fragment)
    # The target (a heading) is not focusable itself: following the link moves the sequential focus
    # starting point there, so the next Tab must land in the content, after the header and nav.
    site_page.keyboard.press("Tab")
    in_content = site_page.evaluate(
        "t => { const e = document.activeElement;"
        "  return !!e && e !== document.body && !!e.closest('.md-content')"
        "    && !!(t.compareDocumentPosition(e) & Node.DOCUMENT_POSITION_FOLLOWING || t.contains(e)); }",
        target.element_handle(),
    )
    assert in_content, (
        f"{page_url}: after following the skip link, Tab went to {active_element(site_page)}, not into the content"
    )


@pytest.mark.pages("redegjorelse/")
def test_on_a_phone_without_javascript_the_menu_and_language_switch_work(
    chromium_browser, site_url, page_url, language, other_language, translation_url
):
    """The site loads no theme script: the menu drawer and the language list must work as CSS alone."""
    context = chromium_browser.new_context(
        viewport={"width": 390, "height": 844},
        java_script_enabled=False,
        has_touch=True,
        is_mobile=True,
        reduced_motion="reduce",
    )
    try:
        page = context.new_page()
        page.goto(page_url)
        menu_link = page.locator(".md-nav--primary a.md-nav__link[href$='leverandorer/']").first
        # Closed, the drawer waits off the screen's left edge; open, it slides in.
        on_screen = (
            "link => { const box = link.getBoundingClientRect(); return box.left >= 0 && box.right <= innerWidth; }"
        )
        assert not menu_link.evaluate(on_screen), "the menu is open before it is asked for"
        page.tap("label.md-header__button[for='__drawer']")
        page.wait_for_function(on_screen, arg=menu_link.element_handle())
        menu_link.tap()
        page.wait_for_url(f"**{site_url.rstrip('/')}/{'en/' if language == 'en' else ''}leverandorer/")

        page.goto(page_url)
        page.tap(".md-header .md-select button")
        link = language_link(page, other_language)
        page.wait_for_function(
            "inner => getComputedStyle(inner).opacity === '1'",
            arg=page.locator(".md-header .md-select__inner").element_handle(),
        )
        link.tap()
        page.wait_for_url(translation_url)
        assert html_lang(page) == other_language
    finally:
        context.close()
