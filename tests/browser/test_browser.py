"""The browser the tests drive is Debian's Chromium: its headless shell of the very version installed
as ``/usr/bin/chromium``, which prints the site's PDFs in CI (``browsers.py`` says why the tests use
the shell). A Chromium upgraded without its headless shell, or the reverse (installed otherwise than
by apt, which holds the two packages to one version), would have the tests pass on one engine while
the PDFs are printed with another.
"""

from __future__ import annotations

import pytest

from browsers import CHROMIUM_ARGS, DEBIAN_CHROMIUM, chromium_for_tests


def test_the_tests_chromium_is_the_version_of_debians_chromium(chromium_browser) -> None:
    if not DEBIAN_CHROMIUM.exists():
        pytest.skip(f"{DEBIAN_CHROMIUM} not found: install Debian's chromium package (apt-get install chromium)")
    if chromium_for_tests() == DEBIAN_CHROMIUM:
        pytest.skip(f"the tests run in {DEBIAN_CHROMIUM} itself (no headless shell, or AAPENHET_TEST_CHROMIUM)")
    desktop = chromium_browser.browser_type.launch(executable_path=str(DEBIAN_CHROMIUM), args=CHROMIUM_ARGS)
    try:
        desktop_version = desktop.version
    finally:
        desktop.close()
    assert chromium_browser.version == desktop_version
