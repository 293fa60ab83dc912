"""One ``mkdocs build`` in a subprocess, measured: wall time, CPU time and peak memory of the build's
process, and what it wrote (HTML pages, the largest, the suppliers pages gzipped).

``os.wait4`` on the child's pid gives that child's own resource use (user and system CPU, peak
resident set), exactly and without counting any other process this one started.
"""

from __future__ import annotations

import gzip
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from aapenhet.bench.baseline import SUPPLIERS_PAGE
from aapenhet.languages import DEFAULT_LANGUAGE, LANGUAGES

# ru_maxrss is in kilobytes on Linux, in bytes on macOS.
_MAXRSS_BYTES = 1 if sys.platform == "darwin" else 1024


class BuildFailed(Exception):
    """A build in the benchmark did not succeed: its command's output says why."""


@dataclass(frozen=True)
class BuildFigures:
    wall_seconds: float
    cpu_seconds: float  # user + system, of the build's process
    peak_rss_bytes: int
    html_pages: int
    largest_page_bytes: int
    suppliers_gzip_bytes: int  # the HTML under leverandorer/ in every language, each gzip -9


def build_environment(hooks: Path | None) -> dict[str, str]:
    """The build's environment: ``hooks`` first on the import path, so the ``aapenhet`` measured is the
    copy's, not whichever one is installed."""
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    if hooks is not None:
        environment["PYTHONPATH"] = os.pathsep.join(filter(None, [str(hooks), os.environ.get("PYTHONPATH")]))
    return environment


def timed_build(config_file: Path, site_dir: Path, *, environment: Mapping[str, str], log_file: Path) -> BuildFigures:
    """Build ``config_file`` into a fresh ``site_dir``; raises ``BuildFailed`` with the build's output."""
    shutil.rmtree(site_dir, ignore_errors=True)
    command = [
        sys.executable,
        "-m",
        "mkdocs",
        "build",
        "--clean",
        "--config-file",
        str(config_file),
        "--site-dir",
        str(site_dir),
    ]
    # The output goes to a file: a pipe nobody reads while waiting could fill and stall the build.
    with log_file.open("wb") as log:
        started = time.perf_counter()
        process = subprocess.Popen(
            command, cwd=config_file.parent, env=dict(environment), stdout=log, stderr=subprocess.STDOUT
        )
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)  # reaped here: Popen must not wait again
    if process.returncode != 0:
        output = log_file.read_text(encoding="utf-8", errors="replace")
        raise BuildFailed(f"{' '.join(command)} exited {process.returncode}:\n{output[-4000:]}")
    pages = sorted(site_dir.rglob("*.html"))
    return BuildFigures(
        wall_seconds=wall,
        cpu_seconds=usage.ru_utime + usage.ru_stime,
        peak_rss_bytes=usage.ru_maxrss * _MAXRSS_BYTES,
        html_pages=len(pages),
        largest_page_bytes=max((page.stat().st_size for page in pages), default=0),
        suppliers_gzip_bytes=suppliers_gzip_bytes(site_dir),
    )


def suppliers_gzip_bytes(site_dir: Path) -> int:
    """What a static host serves of the suppliers pages: each HTML page under ``leverandorer/`` (at the
    root or in a language's folder), compressed as ``gzip -9``."""
    return sum(
        len(gzip.compress(page.read_bytes(), compresslevel=9, mtime=0))
        for page in site_dir.rglob("*.html")
        if is_suppliers_page(page.relative_to(site_dir))
    )


def is_suppliers_page(relative: Path) -> bool:
    """``leverandorer/…`` or ``LANG/leverandorer/…``, ``relative`` to the site's root."""
    return SUPPLIERS_PAGE in relative.parent.parts[:2]


def pages_per_language(site_dir: Path) -> int:
    """How many pages (``index.html``) the default language has: those outside the other languages' folders."""
    other_languages = [language for language in LANGUAGES if language != DEFAULT_LANGUAGE]
    return sum(1 for page in site_dir.rglob("index.html") if page.relative_to(site_dir).parts[0] not in other_languages)
