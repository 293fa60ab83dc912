"""Benchmark: how long a data edit takes to reach the open page under ``mkdocs serve``. Prints
figures; asserts nothing.

Run: ``python tests/benchmarks/live_preview_figures.py [edits] [project]``. Serves a copy of the
project (default: this one, the shipped data), opens a supplier page in Debian's Chromium, then
renames its first supplier ``edits`` times (default 9), each time timing from saving
``data/suppliers.yml`` to the new name showing on the open page (the supplier's letter page when the
list is long), and prints the median, fastest and slowest. ``project``: another project folder, such
as a copy with ``aapenhet bench generate``'s data.
"""

from __future__ import annotations

import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from aapenhet.model.facts import is_long_list, supplier_groups
from aapenhet.model.loader import load_statement_data
from site_build import REPO, copy_shipped_project
from test_serve import fetch, serving, wait_for

FIRST_NAME = re.compile(r"^ *(?:- )?name: (.+)$", re.MULTILINE)  # the first supplier's name in suppliers.yml


def main(edits: int, source: Path) -> None:
    with tempfile.TemporaryDirectory() as folder, sync_playwright() as playwright:
        project = copy_shipped_project(Path(folder) / "project") if source == REPO else source
        suppliers = project / "data" / "suppliers.yml"
        original = suppliers.read_text(encoding="utf-8")
        first = FIRST_NAME.search(original)
        if first is None:
            raise SystemExit(f"{suppliers} has no supplier name to change")
        name = first.group(1).strip("'\"")
        data = load_statement_data(project / "data")
        page_path = "leverandorer/"
        if is_long_list(data):
            supplier = next(each for each in data.suppliers.suppliers if each.name == name)
            page_path += (
                next(group.key for group in supplier_groups(data.suppliers.suppliers) if supplier in group.suppliers)
                + "/"
            )
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium")
        durations = []
        try:
            with serving(project) as (_, port, _log):
                url = f"http://127.0.0.1:{port}/{page_path}"
                wait_for(lambda: name in fetch(url), "the first build to be served", timeout=600)
                page = browser.new_page()
                page.goto(url)
                page.wait_for_timeout(500)  # the live-reload script connects after the page has loaded
                for edit in range(1, edits + 1):
                    edited = f"{name} (edit {edit})"
                    suppliers.write_text(
                        original[: first.start(1)] + f"'{edited}'" + original[first.end(1) :], encoding="utf-8"
                    )
                    started = time.monotonic()
                    page.wait_for_function(f"() => document.body?.innerText.includes({edited!r})", timeout=600_000)
                    durations.append(time.monotonic() - started)
                    page.wait_for_timeout(300)
        finally:
            suppliers.write_text(original, encoding="utf-8")
            browser.close()
    print(
        f"data edit → open page, {edits} edits: median {statistics.median(durations):.2f} s, "
        f"fastest {min(durations):.2f} s, slowest {max(durations):.2f} s"
    )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 9, Path(sys.argv[2]).resolve() if len(sys.argv) > 2 else REPO)
