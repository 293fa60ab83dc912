"""Real-browser fixtures: the built site served over HTTP, and Debian's Chromium driven by Playwright.

* ``site_url``: a static HTTP server over the session's ``built_site`` (``mkdocs build --strict``),
  on 127.0.0.1 and a free port, so pages load exactly as from a web host: at ``/`` and ``/en/``.
* ``chromium_browser``: one Chromium for the whole session, launched from ``/usr/bin/chromium``
  (never a browser downloaded by ``playwright install``).
* ``site_page``: a fresh browser context and page per test, so no cookies, storage or cache leak
  between tests.

The names differ from pytest-playwright's ``browser``/``context``/``page`` on purpose: the plugin is
installed, and its fixtures would launch a Playwright-downloaded browser that does not exist here.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

# Same pages and language prefixes as tests/conftest.py (its module is not importable from here).
PAGES = ("", "redegjorelse/", "leverandorer/", "innsynskrav/")
LANGUAGE_PREFIXES = {"nb": "", "en": "en/"}
# The other language of each language, for the language switch.
OTHER_LANGUAGE = {"nb": "en", "en": "nb"}

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


def page_path(language: str, page: str) -> str:
    """The site-relative path of ``page`` in ``language``: ``en/redegjorelse/``, ``""`` for nb's home."""
    return LANGUAGE_PREFIXES[language] + page


def page_id(page: str) -> str:
    return page.strip("/") or "home"


# Every page in every language, as (language, page) pairs with readable ids: "nb-home", "en-innsynskrav".
PAGE_PARAMS = [
    pytest.param(language, page, id=f"{language}-{page_id(page)}")
    for language in LANGUAGE_PREFIXES
    for page in PAGES
]


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base class's name
        pass


@pytest.fixture(scope="session")
def site_url(built_site) -> Iterator[str]:
    """Base URL (ending in ``/``) of a local HTTP server over the built site."""
    handler = functools.partial(_QuietHandler, directory=str(built_site.root))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, name="site-server", daemon=True)
    thread.start()
    host, port = server.server_address[:2]
    try:
        yield f"http://{host}:{port}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@pytest.fixture(scope="session")
def chromium_browser():
    """One headless Chromium for the session: Debian's ``/usr/bin/chromium``, never a downloaded one."""
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} not found: install Debian's chromium package (apt-get install chromium) "
                    "to run the browser tests; no browser is downloaded")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture
def site_context(chromium_browser):
    """A fresh browser context (no shared cookies, storage or cache) per test."""
    context = chromium_browser.new_context(viewport={"width": 1280, "height": 800})
    context.set_default_timeout(10_000)
    context.set_default_navigation_timeout(15_000)
    try:
        yield context
    finally:
        context.close()


@pytest.fixture
def site_page(site_context):
    """A new page in a fresh context."""
    return site_context.new_page()
