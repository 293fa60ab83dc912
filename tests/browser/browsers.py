"""The browser the tests drive.

The tests run Debian's Chromium in its headless build, ``chromium-headless-shell``: the same source
and version as ``/usr/bin/chromium`` (``test_browser.py`` checks), packaged by Debian, without the
desktop browser's layers that a test never sees, at less than half the CPU per page. (It is what
Playwright itself runs headless tests in.) The site's PDFs are printed with ``/usr/bin/chromium``,
as CI prints them (``test_pdf_printed.py``). ``AAPENHET_TEST_CHROMIUM`` names another binary, e.g.
``/usr/bin/chromium`` to run every browser test in the desktop build.
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


def tests_chromium() -> Path:
    """The Chromium binary the browser tests launch: ``AAPENHET_TEST_CHROMIUM`` if set, else Debian's
    headless shell, else (not installed) Debian's desktop build, which runs the same tests slower."""
    if named := os.environ.get("AAPENHET_TEST_CHROMIUM"):
        return Path(named)
    return DEBIAN_HEADLESS_SHELL if DEBIAN_HEADLESS_SHELL.exists() else DEBIAN_CHROMIUM
