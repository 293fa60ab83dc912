"""What ``aapenhet bench`` prints: the machine it ran on, and a table of figures with the ratios of
the statement's build to the bare baseline's.

Units: seconds; MB = 1,000,000 bytes and kB = 1,000 bytes.
"""

from __future__ import annotations

import os
import platform
import textwrap
from collections.abc import Sequence
from importlib import metadata
from pathlib import Path

from aapenhet.bench.measure import BuildFigures
from aapenhet.bench.run import SINGLE_RUN_FROM, Comparison

PACKAGES = ("mkdocs", "mkdocs-material", "mkdocs-static-i18n")
_COLUMNS = (
    ("data", 9),
    ("suppliers", 9),
    ("rows", 6),
    ("runs", 4),
    ("site", 9),
    ("wall s", 7),
    ("CPU s", 7),
    ("CPU range", 11),
    ("peak MB", 8),
    ("pages", 5),
    ("largest kB", 10),
    ("suppliers gzip kB", 17),
    ("first view kB", 13),
)
NOTES = (
    "statement: this project's mkdocs build; baseline: plain Material + mkdocs-static-i18n, same theme, search and"
    " i18n settings, no hooks or overrides, as many pages per language, and a Markdown table with one row per"
    " supplier and product line (rows).",
    f"Medians of the runs shown (one run from {SINGLE_RUN_FROM:,} suppliers), the runs of each site taking turns."
    " CPU: user + system of the build process; CPU range: the fastest and the slowest run; peak: its largest"
    " resident set (from a launcher that holds nothing); pages: HTML files written;"
    " largest: the largest of them; suppliers gzip: the HTML under leverandorer/ in both languages, each gzip -9;"
    " first view: the heaviest page with the site's own stylesheets, scripts and images it loads, each gzip -9."
    " Ratio: statement ÷ baseline. cold: one build of the statement with an empty compiled-template cache, as on a"
    " fresh machine; the statement's other runs reuse the templates it compiled.",
    "same text: bare Material (the project's theme and i18n settings, no search, no hooks) building the"
    " statement's own pages, each page's content turned into Markdown (headings, lists, tables, links); ratio:"
    " statement ÷ same text.",
    "PDFs: «aapenhet pdf» after a strict build, as CI runs it before deploying: every version's statement.pdf"
    " in each language, printed by Chromium; its time is wall time (Chromium's own CPU may be outside the CPU"
    " figure).",
    "+N kept: the statement's build with N kept years in data/history/ (copies of the generated data with a final"
    " statement for each year before); its cold build has nothing kept read before. per year: the extra CPU time"
    " of one kept year, in proportion to the build with none.",
)


def format_ratio(value: float, baseline: float) -> str:
    """``value`` as a multiple of ``baseline``: ``2.4×``; a dash when the baseline is nothing."""
    return f"{value / baseline:.1f}×" if baseline > 0 else "–"


def report_lines(comparisons: Sequence[Comparison], environment: Sequence[str]) -> list[str]:
    return [*environment, "", *figures_table(comparisons), "", *(textwrap.fill(note, 100) for note in NOTES)]


def environment_lines() -> list[str]:
    """The machine and the versions the figures were measured with."""
    cpu = _cpu_model()
    return [
        f"machine: {os.cpu_count()} CPUs{f' ({cpu})' if cpu else ''}, {platform.system()} {platform.machine()}",
        f"python: {platform.python_version()} ({platform.python_implementation()})",
        "packages: " + ", ".join(f"{name} {_version(name)}" for name in PACKAGES),
    ]


def figures_table(comparisons: Sequence[Comparison]) -> list[str]:
    """Per data set three lines: the statement's build, the baseline's and their ratio (time and memory)."""
    lines = [_line([name for name, _ in _COLUMNS])]
    for comparison in comparisons:
        facts = [comparison.data, f"{comparison.suppliers:,}", f"{comparison.rows:,}", str(comparison.runs)]
        lines.append(_line([*facts, "statement", *_figures(comparison.statement)]))
        if comparison.statement_cold is not None:
            lines.append(_line(["", "", "", "1", "  cold", *_figures(comparison.statement_cold)]))
        lines.append(_line(["", "", "", "", "baseline", *_figures(comparison.baseline)]))
        statement, baseline = comparison.statement, comparison.baseline
        lines.append(_ratio_line(statement, baseline))
        if comparison.same_content is not None:
            lines.append(_line(["", "", "", str(comparison.runs), "same text", *_figures(comparison.same_content)]))
            lines.append(_ratio_line(statement, comparison.same_content))
        if comparison.pdf is not None:
            pdf = comparison.pdf
            cells = ["", "", "", "1", "PDFs", f"{pdf.wall_seconds:.2f}", f"{pdf.cpu_seconds:.2f}", ""]
            lines.append(_line([*cells, f"{pdf.peak_rss_bytes / 1e6:.0f}", "", "", "", ""]))
        for years, (warm, cold) in (comparison.kept or {}).items():
            lines.append(_line(["", "", "", str(comparison.runs), f"+{years} kept", *_figures(warm)]))
            lines.append(_line(["", "", "", "1", "  cold", *_figures(cold)]))
            per_year = (warm.cpu_seconds / statement.cpu_seconds - 1) / years if statement.cpu_seconds else 0
            lines.append(_line(["", "", "", "", "per year", "", f"{per_year:+.0%}", "", "", "", "", "", ""]))
    return lines


def _ratio_line(statement: BuildFigures, other: BuildFigures) -> str:
    """The statement's wall time, CPU time and peak memory as multiples of ``other``'s."""
    ratios = {
        "wall s": format_ratio(statement.wall_seconds, other.wall_seconds),
        "CPU s": format_ratio(statement.cpu_seconds, other.cpu_seconds),
        "peak MB": format_ratio(statement.peak_rss_bytes, other.peak_rss_bytes),
    }
    return _line([("ratio" if name == "site" else ratios.get(name, "")) for name, _ in _COLUMNS])


def _figures(figures: BuildFigures) -> list[str]:
    spread = figures.cpu_spread
    return [
        f"{figures.wall_seconds:.2f}",
        f"{figures.cpu_seconds:.2f}",
        f"{spread[0]:.2f}–{spread[1]:.2f}" if spread and spread[0] != spread[1] else "",
        f"{figures.peak_rss_bytes / 1e6:.0f}",
        str(figures.html_pages),
        f"{figures.largest_page_bytes / 1e3:,.1f}",
        f"{figures.suppliers_gzip_bytes / 1e3:,.1f}",
        f"{figures.heaviest_first_view_bytes / 1e3:,.1f}",
    ]


def _line(cells: Sequence[str]) -> str:
    # The first and the site column read as words (left), the rest as numbers (right).
    return " ".join(
        cell.ljust(width) if index in (0, 4) else cell.rjust(width)
        for index, (cell, (_, width)) in enumerate(zip(cells, _COLUMNS, strict=True))
    ).rstrip()


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "not installed"


def _cpu_model() -> str:
    cpuinfo = Path("/proc/cpuinfo")
    if not cpuinfo.is_file():
        return ""
    for line in cpuinfo.read_text(encoding="utf-8", errors="replace").splitlines():
        if line.startswith("model name"):
            return line.partition(":")[2].strip()
    return ""
