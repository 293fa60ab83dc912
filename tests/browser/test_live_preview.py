"""The live preview as an editor uses it: under ``mkdocs serve`` the open page reloads by itself when
a data file changes (MkDocs' live-reload script runs under the preview's policy), with no policy
violation; a mistake shows on the page, located, and the fix brings the page back. Built sites keep
the strict policy (test_form_config.py).
"""

from __future__ import annotations

import time
from pathlib import Path

from site_build import copy_project
from test_serve import fetch, serving, wait_for


def test_a_data_edit_shows_on_the_open_page_by_itself(chromium_browser, tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    context = chromium_browser.new_context()
    with serving(project) as (_, port, _log):
        url = f"http://127.0.0.1:{port}/leverandorer/"
        try:
            wait_for(lambda: "HP Inc." in fetch(url), "the first build to be served")
            page = context.new_page()
            violations: list[str] = []
            page.on(
                "console",
                lambda message: violations.append(message.text) if "Content Security Policy" in message.text else None,
            )
            page.goto(url)
            page.wait_for_timeout(300)  # the live-reload script connects after the page has loaded
            # The waits below read the page as it reloads: between two documents there is no body yet.

            suppliers = project / "data" / "suppliers.yml"
            suppliers.write_text(
                suppliers.read_text(encoding="utf-8").replace("name: HP Inc.", "name: HP Inc. (rettet)"),
                encoding="utf-8",
            )
            started = time.monotonic()
            page.wait_for_function("() => document.body?.innerText.includes('HP Inc. (rettet)')", timeout=20_000)
            print(f"\nthe data edit reached the open page in {time.monotonic() - started:.2f} s")
            assert violations == [], violations

            # A mistake shows on the open page by itself, located; saving the fix brings the page back.
            suppliers.write_text(
                suppliers.read_text(encoding="utf-8").replace("countries: [CZ, CN]", "countries: [CZ, XX]"),
                encoding="utf-8",
            )
            page.wait_for_function(
                "() => document.body?.innerText.includes('data/suppliers.yml:21:25')", timeout=20_000
            )
            assert page.locator("h1").inner_text() == "Feil i dataene"
            assert "«XX» er ikke en landkode etter ISO 3166" in page.locator("[role=alert]").inner_text()
            suppliers.write_text(
                suppliers.read_text(encoding="utf-8").replace("countries: [CZ, XX]", "countries: [CZ, CN]"),
                encoding="utf-8",
            )
            page.wait_for_function("() => document.body?.innerText.includes('HP Inc. (rettet)')", timeout=20_000)
            assert page.locator("[role=alert]").count() == 0
            assert violations == [], violations
        finally:
            context.close()
