"""Benchmark: build time and page weight of the shipped site. Prints figures; asserts nothing.

Run: ``python tests/benchmarks/site_figures.py [runs]``. Page weight counts the page's HTML plus
every stylesheet, script and image it links to on the same site, uncompressed and as a static host
serves them (each file gzip -9). The browser test test_weight.py measures the same in Chromium.
"""

from __future__ import annotations

import gzip
import statistics
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from bs4 import BeautifulSoup

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from site_build import REPO, run_build


def page_weight(site: Path, page: Path) -> tuple[int, int, int]:
    """(HTML bytes, HTML + same-site assets bytes, the same gzipped file by file) for one built page."""
    html = page.read_bytes()
    soup = BeautifulSoup(html, "lxml")
    url = "/" + page.relative_to(site).as_posix()
    assets = {tag.get("src") for tag in soup.select("script[src], img[src]")}
    assets |= {tag.get("href") for tag in soup.select('link[rel~="stylesheet"], link[rel~="icon"]')}
    total, compressed = len(html), len(gzip.compress(html, 9))
    for asset in filter(None, assets):
        path = urlsplit(urljoin(url, asset)).path.lstrip("/")
        if (site / path).is_file():
            total += (site / path).stat().st_size
            compressed += len(gzip.compress((site / path).read_bytes(), 9))
    return len(html), total, compressed


def main(runs: int) -> None:
    durations = []
    with tempfile.TemporaryDirectory() as folder:
        for _ in range(runs):
            start = time.perf_counter()
            result = run_build(REPO, Path(folder) / "site")
            durations.append(time.perf_counter() - start)
            if result.returncode != 0:
                raise SystemExit(result.output)
        site = Path(folder) / "site"
        print(
            "mkdocs build --strict (both languages, subprocess):"
            f" median {statistics.median(durations):.2f} s over {runs} runs"
        )
        print(f"{'page':32} {'HTML kB':>8} {'with assets kB':>15} {'gzip kB':>8}")
        for page in sorted(site.rglob("index.html")):
            html, total, compressed = page_weight(site, page)
            print(
                f"{'/' + page.parent.relative_to(site).as_posix():32} {html / 1024:8.1f} {total / 1024:15.1f}"
                f" {compressed / 1024:8.1f}"
            )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 3)
