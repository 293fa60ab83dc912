"""Benchmark: Lighthouse (mobile) on every page of both languages. Prints figures; asserts nothing.

Run: ``python tests/benchmarks/lighthouse_figures.py [PROJECT]``. Builds the project (default: this
one) for the address of a local server that serves the site gzipped, as static hosts do, and runs
Lighthouse's mobile audit (performance, accessibility, best practices, SEO) on Debian's Chromium
(``CHROME_PATH=/usr/bin/chromium``, headless, no sandbox) for each page. Lighthouse comes from the
npm registry: it is installed once into ``~/.cache/aapenhet-lighthouse`` (``npm install lighthouse``).
Prints each page's four scores and its transfer size (Lighthouse's total byte weight).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "browser"))
from site_build import REPO, run_build
from static_server import serve_directory

LIGHTHOUSE_HOME = Path.home() / ".cache" / "aapenhet-lighthouse"
LIGHTHOUSE = LIGHTHOUSE_HOME / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")


def install_lighthouse() -> Path:
    if not LIGHTHOUSE.exists():
        LIGHTHOUSE_HOME.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            ["npm", "install", "--prefix", str(LIGHTHOUSE_HOME), "--no-audit", "--no-fund", "lighthouse@12"],
            check=True,
            capture_output=True,
        )
    return LIGHTHOUSE


def audit(lighthouse: Path, url: str) -> dict:
    done = subprocess.run(
        [
            str(lighthouse),
            url,
            "--output=json",
            "--quiet",
            f"--only-categories={','.join(CATEGORIES)}",
            "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
        ],
        capture_output=True,
        text=True,
        env={**os.environ, "CHROME_PATH": "/usr/bin/chromium"},
        timeout=300,
    )
    if done.returncode != 0:
        raise SystemExit(f"lighthouse failed on {url}:\n{done.stderr[-2000:]}")
    return json.loads(done.stdout)


def main(project: Path) -> None:
    lighthouse = install_lighthouse()
    with tempfile.TemporaryDirectory() as folder:
        site = Path(folder) / "site"
        site.mkdir()
        with serve_directory(site, compressed=True) as base_url:
            result = run_build(project, site, env={"SITE_URL": base_url})
            if result.returncode != 0:
                raise SystemExit(result.output)
            pages = sorted(path.parent.relative_to(site).as_posix() for path in site.rglob("index.html"))
            print(f"{'page':28} {'perf':>5} {'a11y':>5} {'best':>5} {'seo':>5} {'transfer kB':>12}")
            for page in pages:
                report = audit(lighthouse, base_url + ("" if page == "." else page + "/"))
                scores = [report["categories"][name]["score"] for name in CATEGORIES]
                weight = report["audits"]["total-byte-weight"]["numericValue"] / 1024
                failed = [
                    audit_id
                    for name in CATEGORIES
                    for ref in report["categories"][name]["auditRefs"]
                    if ref["weight"]
                    and (audit_id := ref["id"])
                    and report["audits"][audit_id]["score"] not in (None, 1)
                ]
                print(
                    f"{'/' + ('' if page == '.' else page + '/'):28} "
                    + " ".join(f"{score:5.2f}" for score in scores)
                    + f" {weight:12.1f}"
                    + (f"  below 1: {', '.join(failed)}" if failed else "")
                )


if __name__ == "__main__":
    main(Path(sys.argv[1]).resolve() if len(sys.argv) > 1 else REPO)
