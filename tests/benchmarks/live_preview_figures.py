"""Benchmark: how long a data edit takes to reach the open page under ``mkdocs serve``. Prints
figures; asserts nothing.

Run: ``python tests/benchmarks/live_preview_figures.py [edits] [project]``. Serves a copy of the
project (default: this one, the shipped data), opens a supplier page in Debian's Chromium, then
renames a supplier ``edits`` times (default 9), each time timing from saving ``data/suppliers.yml``
to the new name showing on the open page, and prints the median, fastest and slowest.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from site_build import PROJECT, copy_project  # noqa: E402
from test_serve import fetch, serving, wait_for  # noqa: E402

SUPPLIER = "name: HP Inc."


def main(edits: int, source: Path) -> None:
    with tempfile.TemporaryDirectory() as folder, sync_playwright() as playwright:
        project = copy_project(Path(folder) / "project") if source == PROJECT else source
        suppliers = project / "data" / "suppliers.yml"
        original = suppliers.read_text(encoding="utf-8")
        if SUPPLIER not in original:
            raise SystemExit(f"{suppliers} has no «{SUPPLIER}» to rename")
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium")
        durations = []
        try:
            with serving(project) as (_, port, _log):
                url = f"http://127.0.0.1:{port}/leverandorer/"
                wait_for(lambda: "HP Inc." in fetch(url), "the first build to be served", timeout=600)
                page = browser.new_page()
                page.goto(url)
                page.wait_for_timeout(500)  # the live-reload script connects after the page has loaded
                for edit in range(1, edits + 1):
                    name = f"HP Inc. (edit {edit})"
                    suppliers.write_text(original.replace(SUPPLIER, f"name: {name}"), encoding="utf-8")
                    started = time.monotonic()
                    page.wait_for_function(f"() => document.body.innerText.includes({name!r})", timeout=600_000)
                    durations.append(time.monotonic() - started)
                    page.wait_for_timeout(300)
        finally:
            suppliers.write_text(original, encoding="utf-8")
            browser.close()
    print(f"data edit → open page, {edits} edits: median {statistics.median(durations):.2f} s, "
          f"fastest {min(durations):.2f} s, slowest {max(durations):.2f} s")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 9, Path(sys.argv[2]).resolve() if len(sys.argv) > 2 else PROJECT)
