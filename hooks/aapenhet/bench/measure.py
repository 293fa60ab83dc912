"""One ``mkdocs build`` in a subprocess, measured: wall time, CPU time and peak memory of the build's
process, and what it wrote (HTML pages, the largest, the suppliers pages gzipped).

The build is started by a small launcher (``python -I -S``, a few megabytes), which waits for it with
``os.wait4`` and reports its resource use: Linux carries a parent's resident memory into a child's
peak across ``fork`` (a 150 MB benchmark process made ``python -c pass`` report 161 MB), so the
process that forks the build must hold nothing but itself.
"""

from __future__ import annotations

import gzip
import importlib.util
import os
import shutil
import subprocess
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import IO
from urllib.parse import urlsplit

from aapenhet.bench.baseline import SUPPLIERS_PAGE
from aapenhet.languages import DEFAULT_LANGUAGE, LANGUAGES


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
    # The heaviest page's first view: it and the stylesheets, scripts and images it loads, each gzip -9.
    heaviest_first_view_bytes: int = 0
    # Of a median of several runs: the spread of their CPU times, fastest to slowest.
    cpu_spread: tuple[float, float] | None = None


def build_environment(hooks: Path | None) -> dict[str, str]:
    """The build's environment: ``hooks`` first on the import path, so the ``aapenhet`` measured is the
    copy's, not whichever one is installed."""
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    if hooks is not None:
        environment["PYTHONPATH"] = os.pathsep.join(filter(None, [str(hooks), os.environ.get("PYTHONPATH")]))
    return environment


def timed_build(
    config_file: Path, site_dir: Path, *, environment: Mapping[str, str], log_file: Path, strict: bool = False
) -> BuildFigures:
    """Build ``config_file`` into a fresh ``site_dir``; raises ``BuildFailed`` with the build's output.
    ``strict``: as CI builds, so that build.json lists the PDFs to make."""
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
        *(["--strict"] if strict else []),
    ]
    figures = _succeeded(command, cwd=config_file.parent, environment=environment, log_file=log_file)
    pages = sorted(site_dir.rglob("*.html"))
    return BuildFigures(
        wall_seconds=figures.wall_seconds,
        cpu_seconds=figures.cpu_seconds,
        peak_rss_bytes=figures.peak_rss_bytes,
        html_pages=len(pages),
        largest_page_bytes=max((page.stat().st_size for page in pages), default=0),
        suppliers_gzip_bytes=suppliers_gzip_bytes(site_dir),
        heaviest_first_view_bytes=heaviest_first_view_bytes(site_dir),
    )


def timed_pdfs(site_dir: Path, *, environment: Mapping[str, str], log_file: Path) -> Launched | None:
    """``aapenhet pdf`` on a strict build's ``site_dir``, as CI runs it before deploying; None when this
    machine cannot print (no Playwright, or no Chromium at /usr/bin/chromium). Its CPU time counts the
    command and the processes it waits for; Chromium's own may be outside it: the wall time is the figure."""
    if importlib.util.find_spec("playwright") is None or not Path("/usr/bin/chromium").exists():
        return None
    command = [sys.executable, "-m", "aapenhet", "pdf", str(site_dir)]
    return _succeeded(command, cwd=site_dir.parent, environment=environment, log_file=log_file)


def _succeeded(command: list[str], *, cwd: Path, environment: Mapping[str, str], log_file: Path) -> Launched:
    """``command``'s figures (``launched``); raises ``BuildFailed`` with the end of its output when it fails."""
    # The output goes to a file: a pipe nobody reads while waiting could fill and stall the command.
    with log_file.open("wb") as log:
        figures = launched(command, cwd=cwd, environment=environment, log=log)
    if figures.exit_code != 0:
        output = log_file.read_text(encoding="utf-8", errors="replace")
        raise BuildFailed(f"{' '.join(command)} exited {figures.exit_code}:\n{output[-4000:]}")
    return figures


# Runs ``argv[1:]``, waits for it and prints its exit code, wall and CPU seconds and peak RSS (bytes).
_LAUNCHER = """
import os, subprocess, sys, time
started = time.perf_counter()
child = subprocess.Popen(sys.argv[1:], stderr=subprocess.STDOUT)
_, status, usage = os.wait4(child.pid, 0)
wall = time.perf_counter() - started
peak = usage.ru_maxrss * (1 if sys.platform == "darwin" else 1024)
print(os.waitstatus_to_exitcode(status), wall, usage.ru_utime + usage.ru_stime, peak, file=sys.stderr)
"""


@dataclass(frozen=True)
class Launched:
    exit_code: int
    wall_seconds: float
    cpu_seconds: float
    peak_rss_bytes: int


def launched(command: list[str], *, cwd: Path, environment: Mapping[str, str], log: IO[bytes]) -> Launched:
    """``command`` run by the launcher, its output to ``log``; its own figures, not this process's."""
    done = subprocess.run(
        [sys.executable, "-I", "-S", "-c", _LAUNCHER, *command],
        cwd=cwd,
        env=dict(environment),
        stdout=log,
        stderr=subprocess.PIPE,
        check=False,
    )
    *_, last = done.stderr.decode("utf-8", errors="replace").strip().splitlines() or [""]
    try:
        code, wall, cpu, peak = last.split()
        return Launched(int(code), float(wall), float(cpu), int(peak))
    except ValueError:
        log.write(done.stderr)
        return Launched(done.returncode or 1, 0.0, 0.0, 0)


def launcher_baseline(environment: Mapping[str, str] | None = None) -> Launched:
    """What the launcher measures for a process that does nothing: the floor of every peak."""
    with open(os.devnull, "wb") as log:
        return launched([sys.executable, "-c", "pass"], cwd=Path.cwd(), environment=environment or os.environ, log=log)


def suppliers_gzip_bytes(site_dir: Path) -> int:
    """What a static host serves of the suppliers pages: each HTML page under ``leverandorer/`` (at the
    root or in a language's folder), compressed as ``gzip -9``."""
    return sum(
        len(gzip.compress(page.read_bytes(), compresslevel=9, mtime=0))
        for page in site_dir.rglob("*.html")
        if is_suppliers_page(page.relative_to(site_dir))
    )


class _LoadedFiles(HTMLParser):
    """The files a page loads when it is opened: stylesheets, scripts, images and icons."""

    def __init__(self) -> None:
        super().__init__()
        self.addresses: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "link" and {"stylesheet", "icon"} & set((values.get("rel") or "").split()):
            self.addresses.append(values.get("href") or "")
        elif tag in ("script", "img"):
            self.addresses.append(values.get("src") or "")


def heaviest_first_view_bytes(site_dir: Path) -> int:
    """The most any page costs a reader on opening it: the page and every file of the site it loads
    (``_LoadedFiles``), each compressed as ``gzip -9`` the way a static host serves it. A file of
    another site is not counted (the site loads none). The browser test (test_weight.py) measures
    the same with the network, for the test statements."""
    compressed: dict[Path, int] = {}

    def size(path: Path) -> int:
        if path not in compressed:
            compressed[path] = len(gzip.compress(path.read_bytes(), compresslevel=9, mtime=0))
        return compressed[path]

    heaviest = 0
    for page in site_dir.rglob("*.html"):
        parser = _LoadedFiles()
        parser.feed(page.read_text(encoding="utf-8", errors="replace"))
        files = set()
        for address in parser.addresses:
            path = urlsplit(address).path
            if not path or urlsplit(address).netloc or path.startswith("/"):
                continue  # another site's, or the site's own root: this project writes relative addresses
            target = (page.parent / path).resolve()
            if target.is_file() and target.is_relative_to(site_dir.resolve()):
                files.add(target)
        heaviest = max(heaviest, size(page) + sum(size(path) for path in files))
    return heaviest


def is_suppliers_page(relative: Path) -> bool:
    """``leverandorer/…`` or ``LANG/leverandorer/…``, ``relative`` to the site's root."""
    return SUPPLIERS_PAGE in relative.parent.parts[:2]


def pages_per_language(site_dir: Path) -> int:
    """How many pages (``index.html``) the default language has: those outside the other languages' folders."""
    other_languages = [language for language in LANGUAGES if language != DEFAULT_LANGUAGE]
    return sum(1 for page in site_dir.rglob("index.html") if page.relative_to(site_dir).parts[0] not in other_languages)
