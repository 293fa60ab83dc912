"""The browser the tests drive.

The tests run Debian's old headless shell of Chromium (package ``chromium-headless-shell``): a
separate, lighter program built from the same Chromium source and version as ``/usr/bin/chromium``
(``test_browser.py`` checks the version), the same engine (Blink and V8) without the desktop
browser around it, at less than half the CPU per page; it is what Playwright itself runs headless
tests in. It is not the program that prints the site's PDFs: CI prints them with
``/usr/bin/chromium``, and ``test_pdf_printed.py`` checks those PDFs as made by it (``test_print.py``'s
print layout runs in the shell). ``AAPENHET_TEST_CHROMIUM`` names another binary, e.g.
``/usr/bin/chromium`` to run every browser test in the desktop browser.
"""

from __future__ import annotations

import os
from pathlib import Path

DEBIAN_CHROMIUM = Path("/usr/bin/chromium")
DEBIAN_HEADLESS_SHELL = Path("/usr/bin/chromium-headless-shell")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


def chromium_for_tests() -> Path:
    """The Chromium binary the browser tests launch: ``AAPENHET_TEST_CHROMIUM`` if set, else Debian's
    headless shell, else (not installed) Debian's desktop build, which runs the same tests slower."""
    if named := os.environ.get("AAPENHET_TEST_CHROMIUM"):
        return Path(named)
    return DEBIAN_HEADLESS_SHELL if DEBIAN_HEADLESS_SHELL.exists() else DEBIAN_CHROMIUM
