"""The benchmark (``aapenhet bench``): the statement's site and its bare baseline, each built for the
shipped data and for generated data of each size, with the medians of several runs.

Every build runs on a copy in a temporary folder (``mkdocs.yml``, ``docs``, ``overrides``, ``hooks``
and the data set as ``data/``), so the project itself is only read. The copy's ``hooks`` come first on
the build's import path: what is measured is this project's ``aapenhet``, not an installed one. The
baseline gets as many pages per language as the statement's build wrote, and a table row per
supplier and product line. Statement and baseline runs alternate, so a machine that slows down
during the run slows both alike.
"""

from __future__ import annotations

import shutil
import statistics
import tempfile
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from aapenhet.bench.baseline import read_mkdocs_config, table_rows, write_baseline
from aapenhet.bench.generate import DEFAULT_SEED, write_data_folder, write_kept_years
from aapenhet.bench.measure import (
    BuildFigures,
    Launched,
    build_environment,
    pages_per_language,
    timed_build,
    timed_pdfs,
)
from aapenhet.bench.same_content import write_same_content_baseline
from aapenhet.model.loader import load_statement_data

DEFAULT_SIZES = (200, 2000, 10_000)
# Builds with kept years (data/history/), at this size of the generated data when it is measured.
KEPT_YEARS_SIZE = 2000
KEPT_YEARS = (1, 5)
DEFAULT_RUNS = 3
# Builds this large take minutes each: one run.
SINGLE_RUN_FROM = 10_000
PROJECT_INPUTS = ("mkdocs.yml", "docs", "overrides", "hooks")

Progress = Callable[[str], None]


@dataclass(frozen=True)
class Comparison:
    """The statement's build and the baseline's, for one data set."""

    data: str  # "shipped" or "generated"
    suppliers: int
    rows: int  # suppliers × product lines: the baseline table's rows
    runs: int
    statement: BuildFigures
    baseline: BuildFigures
    # The statement's build with an empty compiled-template cache, as on a fresh CI machine (one run).
    statement_cold: BuildFigures | None = None
    # The statement's build with kept years in data/history/, by how many: medians of warm runs, and
    # the first, cold build (nothing kept read before).
    kept: dict[int, tuple[BuildFigures, BuildFigures]] | None = None
    # Bare Material building the statement's own pages as Markdown (same_content.py): medians.
    same_content: BuildFigures | None = None
    # ``aapenhet pdf`` after a strict build, as CI runs it (one run); None where nothing can print.
    pdf: Launched | None = None


def run_benchmark(
    project: Path,
    *,
    sizes: Sequence[int] = DEFAULT_SIZES,
    runs: int = DEFAULT_RUNS,
    seed: int = DEFAULT_SEED,
    progress: Progress,
) -> list[Comparison]:
    """The shipped data first, then generated data of each size."""
    project_config = read_mkdocs_config(project / "mkdocs.yml")
    with tempfile.TemporaryDirectory(prefix="aapenhet-bench-") as folder:
        work = Path(folder)
        comparisons = [
            compare(
                project,
                project / "data",
                work / "shipped",
                data="shipped",
                runs=runs,
                project_config=project_config,
                progress=progress,
            )
        ]
        for size in sizes:
            progress(f"generating {size} suppliers (seed {seed}) …")
            data = work / f"data-{size}"
            write_data_folder(project / "data", data, suppliers=size, seed=seed)
            comparison = compare(
                project,
                data,
                work / f"generated-{size}",
                data="generated",
                runs=1 if size >= SINGLE_RUN_FROM else runs,
                project_config=project_config,
                progress=progress,
            )
            shutil.rmtree(work / f"generated-{size}")  # sites of thousands of suppliers are large
            if size == KEPT_YEARS_SIZE:
                comparison = replace(
                    comparison, kept=with_kept_years(project, data, work / f"kept-{size}", runs=runs, progress=progress)
                )
                shutil.rmtree(work / f"kept-{size}")
            comparisons.append(comparison)
    return comparisons


def compare(
    project: Path,
    data_dir: Path,
    work: Path,
    *,
    data: str,
    runs: int,
    project_config: Mapping[str, Any],
    progress: Progress,
) -> Comparison:
    """``runs`` builds of the statement and of its baseline, alternating; the medians of each."""
    loaded = load_statement_data(data_dir)
    rows = table_rows(loaded)
    suppliers = len(loaded.suppliers.suppliers)
    copy = copy_project(project, data_dir, work / "project")
    label = f"{data}, {suppliers} suppliers"
    statement_runs: list[BuildFigures] = []
    baseline_runs: list[BuildFigures] = []
    same_content_runs: list[BuildFigures] = []
    baseline_config_file: Path | None = None
    same_content_config_file: Path | None = None
    # First, cold: Jinja's compiled templates are kept in the temporary folder, which a fresh machine
    # has empty; an empty one of its own gives this build nothing compiled before.
    cold_cache = work / "cold-tmp"
    shutil.rmtree(cold_cache, ignore_errors=True)
    cold_cache.mkdir(parents=True)
    cold = timed_build(
        copy / "mkdocs.yml",
        work / "site",
        environment={**build_environment(copy / "hooks"), "TMPDIR": str(cold_cache)},
        log_file=work / "statement.log",
    )
    progress(f"[{label}] statement build, cold template cache: {_progress_figures(cold)}")
    for run in range(1, runs + 1):
        statement_runs.append(
            timed_build(
                copy / "mkdocs.yml",
                work / "site",
                # The temporary folder the cold build filled: every later run finds it as a second build would.
                environment={**build_environment(copy / "hooks"), "TMPDIR": str(cold_cache)},
                log_file=work / "statement.log",
            )
        )
        progress(f"[{label}] statement build {run}/{runs}: {_progress_figures(statement_runs[-1])}")
        if baseline_config_file is None:  # as many pages as the statement's site has
            baseline_config_file = write_baseline(
                work / "baseline", project_config, pages_per_language=pages_per_language(work / "site"), rows=rows
            )
        baseline_runs.append(_bare_build(baseline_config_file, work, "baseline"))
        progress(f"[{label}] baseline build {run}/{runs}: {_progress_figures(baseline_runs[-1])}")
        if same_content_config_file is None:  # the statement's own pages, as the last build wrote them
            same_content_config_file = write_same_content_baseline(work / "same-content", project_config, work / "site")
        same_content_runs.append(_bare_build(same_content_config_file, work, "same-content"))
        progress(f"[{label}] same-content baseline {run}/{runs}: {_progress_figures(same_content_runs[-1])}")
    pdf = _pdf_step(copy, work, label, progress)
    return Comparison(
        data,
        suppliers,
        len(rows),
        runs,
        median_figures(statement_runs),
        median_figures(baseline_runs),
        cold,
        same_content=median_figures(same_content_runs),
        pdf=pdf,
    )


def _pdf_step(copy: Path, work: Path, label: str, progress: Progress) -> Launched | None:
    """The PDFs of a strict build, as CI makes them after the build (publishing/pdf_print.py)."""
    environment = {**build_environment(copy / "hooks"), "TMPDIR": str(work / "cold-tmp")}
    timed_build(copy / "mkdocs.yml", work / "site", environment=environment, log_file=work / "strict.log", strict=True)
    pdf = timed_pdfs(work / "site", environment=environment, log_file=work / "pdf.log")
    if pdf is None:
        progress(f"[{label}] PDFs: not measured (no Playwright or no /usr/bin/chromium here)")
    else:
        progress(
            f"[{label}] PDFs: {pdf.wall_seconds:.2f} s, CPU {pdf.cpu_seconds:.2f} s, {pdf.peak_rss_bytes / 1e6:.0f} MB"
        )
    return pdf


def with_kept_years(
    project: Path, data_dir: Path, work: Path, *, runs: int, progress: Progress
) -> dict[int, tuple[BuildFigures, BuildFigures]]:
    """The statement's build of ``data_dir`` with each number of ``KEPT_YEARS`` kept: one cold build
    (an empty temporary folder: nothing kept read before, no compiled templates), then ``runs`` warm
    builds of each, alternating, with the temporary folder the cold build filled."""
    copies, cold = {}, {}
    for years in KEPT_YEARS:
        copies[years] = copy_project(project, data_dir, work / f"project-{years}")
        write_kept_years(copies[years] / "data", years)
        cold_cache = work / f"cold-tmp-{years}"
        cold_cache.mkdir(parents=True)
        environment = {**build_environment(copies[years] / "hooks"), "TMPDIR": str(cold_cache)}
        cold[years] = timed_build(
            copies[years] / "mkdocs.yml", work / "site", environment=environment, log_file=work / "kept.log"
        )
        progress(f"[{years} kept years] statement build, cold: {_progress_figures(cold[years])}")
    warm: dict[int, list[BuildFigures]] = {years: [] for years in KEPT_YEARS}
    for run in range(1, runs + 1):
        for years in KEPT_YEARS:
            environment = {**build_environment(copies[years] / "hooks"), "TMPDIR": str(work / f"cold-tmp-{years}")}
            warm[years].append(
                timed_build(
                    copies[years] / "mkdocs.yml", work / "site", environment=environment, log_file=work / "kept.log"
                )
            )
            progress(f"[{years} kept years] statement build {run}/{runs}: {_progress_figures(warm[years][-1])}")
    return {years: (median_figures(warm[years]), cold[years]) for years in KEPT_YEARS}


def _bare_build(config_file: Path, work: Path, name: str) -> BuildFigures:
    """A baseline's build: no hooks of the project's on the import path."""
    return timed_build(
        config_file, work / f"{name}-site", environment=build_environment(None), log_file=work / f"{name}.log"
    )


def copy_project(project: Path, data_dir: Path, destination: Path) -> Path:
    """The project's inputs with ``data_dir`` as its ``data/``."""
    destination.mkdir(parents=True, exist_ok=True)
    ignored = shutil.ignore_patterns("__pycache__", "*.egg-info")
    for name in PROJECT_INPUTS:
        source = project / name
        if source.is_dir():
            shutil.copytree(source, destination / name, ignore=ignored)
        elif source.is_file():
            shutil.copy2(source, destination / name)
    shutil.copytree(data_dir, destination / "data", ignore=ignored)
    return destination


def median_figures(runs: Sequence[BuildFigures]) -> BuildFigures:
    """The median of each measured figure; what the build wrote is the same in every run."""
    return BuildFigures(
        wall_seconds=statistics.median(run.wall_seconds for run in runs),
        cpu_seconds=statistics.median(run.cpu_seconds for run in runs),
        peak_rss_bytes=round(statistics.median(run.peak_rss_bytes for run in runs)),
        html_pages=runs[-1].html_pages,
        largest_page_bytes=runs[-1].largest_page_bytes,
        suppliers_gzip_bytes=runs[-1].suppliers_gzip_bytes,
        heaviest_first_view_bytes=runs[-1].heaviest_first_view_bytes,
        cpu_spread=(min(run.cpu_seconds for run in runs), max(run.cpu_seconds for run in runs)),
    )


def _progress_figures(figures: BuildFigures) -> str:
    return (
        f"{figures.wall_seconds:.2f} s, CPU {figures.cpu_seconds:.2f} s, {figures.peak_rss_bytes / 1e6:.0f} MB,"
        f" {figures.html_pages} pages"
    )
