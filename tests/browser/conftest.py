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

# Every page (its path in the default language) and each language's path prefix: the same lists the
# build tests use, from tests/site_build.py (importable: tests/ is on sys.path via tests/conftest.py).
from site_build import LANGUAGE_PREFIXES, PAGES

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


def page_path(language: str, page_name: str) -> str:
    """The site-relative path of a page in a language: ``en/redegjorelse/``; ``""`` is nb's home page."""
    return LANGUAGE_PREFIXES[language] + page_name


def _page_id(page_name: str) -> str:
    return page_name.strip("/") or "home"


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Run every test that takes ``language`` and ``page_name`` on every page in both languages.

    Ids read ``nb-home``, ``en-innsynskrav``. (Only tests under tests/browser/ see this hook.)
    """
    if {"language", "page_name"} <= set(metafunc.fixturenames):
        metafunc.parametrize(
            ("language", "page_name"),
            [pytest.param(language, page_name, id=f"{language}-{_page_id(page_name)}")
             for language in LANGUAGE_PREFIXES for page_name in PAGES],
        )


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test under tests/browser/ ``browser``, so ``-m "not browser"`` leaves them out.

    tryfirst: the mark must be on the items before pytest's own ``-m`` selection runs.
    """
    here = Path(__file__).resolve().parent
    for item in items:
        if item.path.resolve().is_relative_to(here):
            item.add_marker(pytest.mark.browser)


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


@pytest.fixture
def page_url(site_url: str, language: str, page_name: str) -> str:
    """Full URL of the page under test (``language``, ``page_name`` come from pytest_generate_tests)."""
    return site_url + page_path(language, page_name)


@pytest.fixture
def other_language(language: str) -> str:
    return OTHER_LANGUAGE[language]


@pytest.fixture
def translation_url(site_url: str, other_language: str, page_name: str) -> str:
    """Full URL of the same page in the other language."""
    return site_url + page_path(other_language, page_name)
