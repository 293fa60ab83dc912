"""Real-browser fixtures: the built site served over HTTP, and Debian's Chromium driven by Playwright.

* ``site_url``: a static HTTP server on 127.0.0.1 and a free port over the project built for that
  address (``mkdocs build --strict``), so pages load exactly as from a web host: at ``/`` and ``/en/``.
* ``chromium_browser``: one Chromium for the whole session, Debian's headless build of
  ``/usr/bin/chromium`` (``browsers.py``; never a browser downloaded by ``playwright install``).
* ``site_page``: a fresh browser context and page per test, so no cookies, storage or cache leak
  between tests.
* ``page_visit``: the one visit per page that the console, privacy and accessibility tests share
  (``page_visit.py``): loading a page is the expensive part.
* ``form_receiver``: a local stand-in for the form service (``form_receiver.py``), for the session;
  ``form_site_url``: a copy of the project built against it (preset formspree, a contact e-mail)
  and served like ``site_url``; ``generic_form_site_url``: the same copy built with the generic
  preset (the service answers with a page, not JSON). See tests/browser/test_form.py.

The names differ from pytest-playwright's ``browser``/``context``/``page`` on purpose: the plugin is
installed, and its fixtures would launch a Playwright-downloaded browser that does not exist here.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from browsers import CHROMIUM_ARGS, chromium_for_tests
from form_receiver import FormReceiver
from page_visit import PageVisit, visit_page

# Every page (its path in the default language) and each language's path prefix: the same lists the
# build tests use, from tests/site_build.py (importable: tests/ is on sys.path via tests/conftest.py).
from site_build import LANGUAGE_PREFIXES, PAGES, PROJECT, copy_project, run_build
from static_server import serve_directory

# The other language of each language, for the language switch.
OTHER_LANGUAGE = {"nb": "en", "en": "nb"}


def page_path(language: str, page_name: str) -> str:
    """The site-relative path of a page in a language: ``en/redegjorelse/``; ``""`` is nb's home page."""
    return LANGUAGE_PREFIXES[language] + page_name


def _page_id(page_name: str) -> str:
    return page_name.strip("/") or "home"


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Run every test that takes ``language`` and ``page_name`` on every page in both languages.

    Ids read ``nb-home``, ``en-innsynskrav``. A test marked ``@pytest.mark.pages("", …)`` runs on
    those pages only: for behaviour that is the same template on every page, where what differs per
    page is checked with the HTML parser. (Only tests under tests/browser/ see this hook.)
    """
    if {"language", "page_name"} <= set(metafunc.fixturenames):
        only = metafunc.definition.get_closest_marker("pages")
        pages = only.args if only else PAGES
        metafunc.parametrize(
            ("language", "page_name"),
            [
                pytest.param(language, page_name, id=f"{language}-{_page_id(page_name)}")
                for language in LANGUAGE_PREFIXES
                for page_name in pages
            ],
        )


# With pytest-xdist (the README's test command), each group of browser tests runs in one worker, so
# the builds and page visits its tests share are made once there, and the groups share out the CPUs:
# the page visits that the accessibility, console, privacy and weight tests share; the site with
# earlier versions and its PDFs; every other module on its own (the form's sites, the live preview…).
BROWSER_GROUPS = {
    "test_accessibility.py": "browser-pages",
    "test_console.py": "browser-pages",
    "test_privacy.py": "browser-pages",
    "test_weight.py": "browser-pages",
    "test_history_pages.py": "browser-history",
    "test_pdf_printed.py": "browser-history",
    "test_browser.py": "browser-history",
}


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test under tests/browser/ ``browser``, so ``-m "not browser"`` leaves them out.

    tryfirst: the mark must be on the items before pytest's own ``-m`` selection runs.
    """
    here = Path(__file__).resolve().parent
    for item in items:
        if item.path.resolve().is_relative_to(here):
            item.add_marker(pytest.mark.browser)
            group = BROWSER_GROUPS.get(item.path.name, f"browser-{item.path.stem.removeprefix('test_')}")
            item.add_marker(pytest.mark.xdist_group(group))


@pytest.fixture(scope="session")
def site_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Base URL (ending in ``/``) of a local HTTP server over the project built for that address.

    The server starts first, over an empty folder, so the build knows its address (``SITE_URL``),
    exactly as a published site is built for the address it is served at: that address is in every
    canonical and hreflang link.
    """
    site_dir = tmp_path_factory.mktemp("browser-site")
    with serve_directory(site_dir) as base_url:
        result = run_build(PROJECT, site_dir, env={"SITE_URL": base_url})
        assert result.returncode == 0, f"mkdocs build --strict failed:\n{result.output}"
        yield base_url


@pytest.fixture(scope="session")
def chromium_browser():
    """One headless Chromium for the session: Debian's (``browsers.chromium_for_tests``), never a
    downloaded one."""
    chromium = chromium_for_tests()
    if not chromium.exists():
        pytest.skip(
            f"{chromium} not found: install Debian's chromium packages (apt-get install chromium "
            "chromium-headless-shell) to run the browser tests; no browser is downloaded"
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(chromium), args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture
def site_context(chromium_browser):
    """A fresh browser context (no shared cookies, storage or cache) per test."""
    context = chromium_browser.new_context(viewport={"width": 1280, "height": 800}, reduced_motion="reduce")
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


@pytest.fixture(scope="session")
def page_visits(chromium_browser, site_url: str) -> dict[str, PageVisit]:
    """Every page visited so far, by address: each page is loaded once for all page-level checks."""
    return {}


@pytest.fixture
def page_visit(page_visits: dict[str, PageVisit], chromium_browser, site_url: str, page_url: str) -> PageVisit:
    """The session's visit to the page under test (see page_visit.py), made on first use."""
    if page_url not in page_visits:
        page_visits[page_url] = visit_page(chromium_browser, page_url, site_url)
    return page_visits[page_url]


@pytest.fixture
def other_language(language: str) -> str:
    return OTHER_LANGUAGE[language]


@pytest.fixture
def translation_url(site_url: str, other_language: str, page_name: str) -> str:
    """Full URL of the same page in the other language."""
    return site_url + page_path(other_language, page_name)


# The innsynskrav form's test site: built against the local form receiver.

# The contact e-mail in the form site's copy of data/statement.yml (the shipped data has none yet).
FORM_CONTACT_EMAIL = "innsyn@exso.no"
# The path the form site posts to on the receiver, like a Formspree form's /f/<id>.
FORM_ENDPOINT_PATH = "/f/innsynskrav"
# The path the generic form site posts to.
GENERIC_FORM_ENDPOINT_PATH = "/generic/innsynskrav"


@pytest.fixture(scope="session")
def form_receiver() -> Iterator[FormReceiver]:
    """The local stand-in for the form service, for the whole session (tests reset it)."""
    receiver = FormReceiver().start()
    try:
        yield receiver
    finally:
        receiver.stop()


@pytest.fixture(scope="session")
def form_contact_email() -> str:
    """The contact e-mail of ``form_site_url``'s statement, where failures offer to send the request."""
    return FORM_CONTACT_EMAIL


@pytest.fixture(scope="session")
def form_endpoint(form_receiver: FormReceiver) -> str:
    return form_receiver.origin + FORM_ENDPOINT_PATH


def _with_contact_email(statement_yml: str, email: str) -> str:
    """``data/statement.yml`` with ``contact.email`` filled in."""
    changed, count = re.subn(
        r"(?m)^(contact:\n(?:[ \t]*#.*\n)*[ \t]+email:)[ \t]*(?:#.*)?$", rf"\g<1> {email}", statement_yml
    )
    assert count == 1, "data/statement.yml has no «contact: email:» line to fill in"
    return changed


@pytest.fixture(scope="session")
def generic_form_endpoint(form_receiver: FormReceiver) -> str:
    return form_receiver.origin + GENERIC_FORM_ENDPOINT_PATH


@pytest.fixture(scope="session")
def form_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the project whose statement gives a contact e-mail, so failures offer ``mailto:``."""
    project = copy_project(tmp_path_factory.mktemp("form-project"))
    statement = project / "data" / "statement.yml"
    statement.write_text(
        _with_contact_email(statement.read_text(encoding="utf-8"), FORM_CONTACT_EMAIL), encoding="utf-8"
    )
    return project


def _serve_form_site(
    tmp_path_factory: pytest.TempPathFactory, project: Path, provider: str, endpoint: str
) -> Iterator[str]:
    """Build ``project`` with ``provider`` posting to ``endpoint``, serve it, yield its base URL.

    The server starts first, over an empty folder, so the build knows its address (``SITE_URL``):
    the form's thank-you address (``_next``) is absolute.
    """
    site_dir = tmp_path_factory.mktemp(f"form-site-{provider}")
    with serve_directory(site_dir) as base_url:
        result = run_build(
            project,
            site_dir,
            env={
                "INNSYNSKRAV_PROVIDER": provider,
                "INNSYNSKRAV_ENDPOINT": endpoint,
                "SITE_URL": base_url,
            },
        )
        assert result.returncode == 0, f"mkdocs build --strict of the {provider} form site failed:\n{result.output}"
        yield base_url


@pytest.fixture(scope="session")
def form_site_url(tmp_path_factory: pytest.TempPathFactory, form_project: Path, form_endpoint: str) -> Iterator[str]:
    """Base URL of a copy of the site whose form posts to ``form_receiver`` (preset formspree)."""
    yield from _serve_form_site(tmp_path_factory, form_project, "formspree", form_endpoint)


@pytest.fixture(scope="session")
def generic_form_site_url(
    tmp_path_factory: pytest.TempPathFactory, form_project: Path, generic_form_endpoint: str
) -> Iterator[str]:
    """Base URL of the same copy built with the generic preset (``data-reply="ok"``: any 2xx is success)."""
    yield from _serve_form_site(tmp_path_factory, form_project, "generic", generic_form_endpoint)
