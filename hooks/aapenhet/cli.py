"""The project's command line: ``aapenhet SUBCOMMAND`` (also ``python -m aapenhet``).

Subcommands:
- ``gate``: may the statement be published? One reason per line; exit 0 publishable, 1 refused.
- ``check``: the §5 check, grouped by §5 a, b, c, publication and consistency; ``--lang nb|en`` (the
  findings and any problem in the files). Exit 0, or 1 when the statement is marked for publication
  (``published_on``) and anything is found.
- ``schema``: write the JSON Schemas of ``data/`` for editors (``--check``: exit 1 if out of date).
- ``keep``: copy the current, published statement to its permanent folder in ``data/history/``.
- ``new-year``: ``keep``, then empty what next year's statement fills in again.
- ``bench generate``: write a valid data folder with N generated suppliers (``--suppliers N --out DIR``).
- ``pdf``: after the build, print each version's statement to ``statement.pdf`` in Chromium (on a built
  ``site/``, not a project folder); exit 1 when any PDF the pages link could not be made.
- ``bench``: build the site for the shipped and generated data, and a bare Material site of the same size,
  and print the figures (time, memory, pages) with the ratios.

Exit status 2 is a usage error. Every subcommand works outside MkDocs, on a project folder (the one
holding ``mkdocs.yml`` and ``data/``). A mistake in the files is a located message, never a
traceback; a bug in the tool keeps its traceback, with a line saying it is one (exit status 3).
"""

from __future__ import annotations

import argparse
import os
import sys
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeVar

from aapenhet.bench.generate import DEFAULT_SEED, write_data_folder
from aapenhet.bench.measure import BuildFailed
from aapenhet.bench.report import environment_lines, report_lines
from aapenhet.bench.run import DEFAULT_RUNS, DEFAULT_SIZES, run_benchmark
from aapenhet.ci_log import safe_for_ci_log
from aapenhet.form.settings import read_form_settings
from aapenhet.languages import DEFAULT_LANGUAGE, LANGUAGES, LOG_LANGUAGE
from aapenhet.model.check import Section, is_marked_for_publication, section_title
from aapenhet.model.keeping import HistoryError, Interrupted, NotPublishable, keep_current, start_next_year
from aapenhet.model.loader import load_statement
from aapenhet.model.publishable import publication_verdict
from aapenhet.model.schemas import SCHEMA_FOLDER, stale_schemas, write_schemas
from aapenhet.model.signed_pdf import unsigned_versions
from aapenhet.publishing.gate import PublishSettings, publication_problems
from aapenhet.publishing.pdf_print import PdfError, make_pdfs
from aapenhet.publishing.published_record import published_files
from aapenhet.source.problems import DataProblems
from aapenhet.source.yaml_source import file_problems
from aapenhet.words import message, verbatim, wording

PROG = "aapenhet"
# argparse cannot give «bench» both an optional PROJECT and an optional subcommand: «bench generate»
# is a subcommand of its own, named with a space, and its two words are joined before parsing.
BENCH_GENERATE = "bench generate"
# Subcommands on a built site/ (their argument is that folder, not a project folder).
SITE_COMMANDS = ("pdf",)
T = TypeVar("T")


def main(argv: Sequence[str] | None = None) -> int:
    """Run one subcommand; returns its exit status (the console script exits with it)."""
    parser = _parser()
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:2] == BENCH_GENERATE.split():
        argv = [BENCH_GENERATE, *argv[2:]]
    try:
        arguments = parser.parse_args(argv)
    except SystemExit as exit_:  # argparse has printed the usage and what is wrong
        return 0 if exit_.code == 0 else 2
    if arguments.command is None:
        parser.print_usage(sys.stderr)
        print(_say("cli.no_subcommand", prog=PROG, subcommands=", ".join(SUBCOMMANDS)), file=sys.stderr)
        return 2
    project = Path(arguments.project)
    if arguments.command not in SITE_COMMANDS and not (project / "data").is_dir():
        print(_say("cli.no_data_folder", prog=PROG, command=arguments.command, project=project), file=sys.stderr)
        return 2
    try:
        return SUBCOMMANDS[arguments.command](arguments, project)
    except KeyboardInterrupt:  # Ctrl-C: what writes to data/ writes all or nothing
        print("\n" + _say("cli.interrupted", prog=PROG, command=arguments.command), file=sys.stderr)
        return 130
    except BrokenPipeError:  # the reader stopped reading (`aapenhet check | head`): nothing is wrong here
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - Python flushes stdout at exit; it must not fail
        return 0
    except Exception:  # a bug in the tool, not a mistake in the data: its traceback is what fixes it
        traceback.print_exc()
        print(_say("cli.bug", prog=PROG, command=arguments.command), file=sys.stderr)
        return 3


def _say(key: str, **fields: object) -> str:
    """A line of the command line's own (not ``check``'s, which takes --lang): in ``LOG_LANGUAGE``, as
    CI logs and the other commands' lines are."""
    return message(key, LOG_LANGUAGE, **fields)


def gate(arguments: argparse.Namespace, project: Path) -> int:
    """Print the reasons not to publish; 0 when there are none, 1 otherwise."""
    settings = PublishSettings(
        site_url=arguments.site_url,
        form=read_form_settings(project),
        host=arguments.host,
        built=Path(arguments.built) if arguments.built else None,
    )
    reasons = publication_problems(project, settings)
    if not reasons:
        built = wording("cli.publishable_build", built=arguments.built) if arguments.built else verbatim("")
        print(_say("cli.publishable", site_url=arguments.site_url.strip(), built=built))
        return 0
    print("\n".join(safe_for_ci_log(reason) for reason in reasons), flush=True)
    count = len(reasons)
    print(_say(f"cli.not_publishable_{'one' if count == 1 else 'many'}", count=count), file=sys.stderr)
    return 1


def section_title_signed(language: str) -> str:
    return message("check.section.signed_pdf", language)


def _findings_count(count: int, publishing: bool, language: str) -> str:
    """How many findings: errors in a statement marked for publication, things to do in a draft."""
    kind = "errors" if publishing else "things_to_do"
    return message(f"check.count.{kind}_{'one' if count == 1 else 'many'}", language, count=count)


def check(arguments: argparse.Namespace, project: Path) -> int:
    """Print what the statement lacks, grouped by §5 point; 1 when it is marked for publication and lacks anything."""
    language = arguments.lang
    verdict = publication_verdict(project / "data", project / "docs")
    # The site cannot be built from a mkdocs.yml that cannot be read: said here too, where it is.
    unreadable = file_problems(project / "mkdocs.yml") if (project / "mkdocs.yml").exists() else []
    if verdict.loaded is None or verdict.problems or unreadable:
        print("\n".join(safe_for_ci_log(problem.text(language)) for problem in [*verdict.problems, *unreadable]))
        return 1
    loaded, findings = verdict.loaded, verdict.findings
    for section in Section:
        found = [finding for finding in findings if finding.section is section]
        if found:
            print(f"\n{section_title(section, language)}")
            print("\n".join("  " + safe_for_ci_log(finding.text(language)) for finding in found))
    # Advice, not a finding: not counted, and the gate does not ask for it (model/signed_pdf.py).
    unsigned = unsigned_versions(project / "data", verdict.versions)
    if unsigned:
        print(f"\n{section_title_signed(language)}")
        print("\n".join("  " + safe_for_ci_log(problem.text(language)) for problem in unsigned))
    publishing = is_marked_for_publication(loaded)
    if not findings:
        print(message("check.nothing_found", language))
        return 0
    print(f"\n{_findings_count(len(findings), publishing, language)}")
    return 1 if publishing else 0


def schema(arguments: argparse.Namespace, project: Path) -> int:
    """Write data/schemas/*.schema.json from the models; with --check, only say whether they are current."""
    data_dir = project / "data"
    if arguments.check:
        stale = stale_schemas(data_dir)
        for name in stale:
            print(_say("cli.schema_stale", folder=SCHEMA_FOLDER, name=name))
        return 1 if stale else 0
    for path in write_schemas(data_dir):
        print(_say("cli.wrote", path=path.relative_to(project).as_posix()))
    return 0


def pdf(arguments: argparse.Namespace, site_dir: Path) -> int:
    """Make every PDF the built site's pages link (publishing/pdf_print.py); 1 when any could not be made."""
    try:
        made = make_pdfs(site_dir, progress=lambda path: print(f"  {path}", file=sys.stderr, flush=True))
    except PdfError as failed:
        print(_say("cli.pdf_failed", prog=PROG, reason=failed.wording), file=sys.stderr)
        return 1
    print(_say("cli.pdf_made", made=len(made.made), site=site_dir, signed=len(made.signed)))
    return 0


def bench_generate(arguments: argparse.Namespace, project: Path) -> int:
    """Write a data folder of ``--suppliers`` generated suppliers, and load it as a build would."""
    out = Path(arguments.out)
    if out.resolve().is_relative_to((project / "data").resolve()):
        print(
            f"{PROG} {BENCH_GENERATE}: --out is in the project's own data/ (the statement, or a kept version)"
            " — give another folder",
            file=sys.stderr,
        )
        return 2
    if out.exists() and (not out.is_dir() or any(out.iterdir())):
        print(
            f"{PROG} {BENCH_GENERATE}: {out} is not an empty folder — give a new or empty folder: nothing in"
            " it is ever overwritten",
            file=sys.stderr,
        )
        return 2
    written = write_data_folder(project / "data", out, suppliers=arguments.suppliers, seed=arguments.seed)
    try:
        load_statement(out, shown_as=str(out))
    except DataProblems as problems:  # a bug in the generator: the data must always load
        print("\n".join(str(problem) for problem in problems.problems), file=sys.stderr)
        return 1
    print(
        f"wrote {len(written)} files to {out}: {arguments.suppliers:,} suppliers (seed {arguments.seed});"
        " they load without problems"
    )
    return 0


def bench(arguments: argparse.Namespace, project: Path) -> int:
    """Build the statement and the bare baseline for each data set; print the figures (progress on stderr)."""

    def progress(message: str) -> None:
        print(message, file=sys.stderr, flush=True)

    try:
        comparisons = run_benchmark(
            project, sizes=arguments.sizes, runs=arguments.runs, seed=arguments.seed, progress=progress
        )
    except DataProblems as problems:  # the shipped data: the generated data always loads
        print("\n".join(safe_for_ci_log(str(problem)) for problem in problems.problems), file=sys.stderr)
        return 1
    except BuildFailed as failed:
        print(f"{PROG} bench: a build failed — {failed}", file=sys.stderr)
        return 1
    report = "\n".join(report_lines(comparisons, environment_lines()))
    print(report)
    if arguments.out:
        Path(arguments.out).write_text(report + "\n", encoding="utf-8")
        progress(f"wrote {arguments.out}")
    return 0


def keep(arguments: argparse.Namespace, project: Path) -> int:
    """Copy the current, published statement to its permanent folder in data/history/."""
    kept = _history_step(lambda: keep_current(project / "data", project / "docs", published=published_files))
    if isinstance(kept, int):
        return kept
    print(_say("cli.kept", folder=kept.relative_to(project).as_posix()))
    return 0


def new_year(arguments: argparse.Namespace, project: Path) -> int:
    """Keep the current statement, and empty in data/statement.yml what next year's must fill in again."""
    started = _history_step(lambda: start_next_year(project / "data", project / "docs", published=published_files))
    if isinstance(started, int):
        return started
    print(_say("cli.kept", folder=started.kept.relative_to(project).as_posix()))
    if started.emptied:
        print(_say("cli.emptied", fields=", ".join(started.emptied)))
    print(_say("cli.rest_is_last_years"))
    return 0


def _history_step(step: Callable[[], T]) -> T | int:
    """The step's result, or its exit status when it refused or was interrupted (having said why)."""
    try:
        return step()
    except NotPublishable as refused:
        print(_say("cli.not_kept"), file=sys.stderr)
        print("\n".join(safe_for_ci_log(str(problem)) for problem in refused.problems))
    except DataProblems as problems:
        print("\n".join(safe_for_ci_log(str(problem)) for problem in problems.problems))
    except Interrupted as stopped:
        print(stopped, file=sys.stderr)
        return 130
    except HistoryError as refused:
        print(refused, file=sys.stderr)
    return 1


SUBCOMMANDS: dict[str, Callable[[argparse.Namespace, Path], int]] = {
    "gate": gate,
    "check": check,
    "schema": schema,
    "keep": keep,
    "pdf": pdf,
    "new-year": new_year,
    "bench": bench,
    BENCH_GENERATE: bench_generate,
}


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog=PROG, description="Exso's åpenhetsloven statement: tools for editors and CI.")
    commands = parser.add_subparsers(dest="command", metavar="SUBCOMMAND")
    gate_parser = commands.add_parser(
        "gate",
        help="may the statement be published?",
        description="Check that the statement may be published: data complete and final, a public https"
        " site_url, and a form that reaches Exso. Exit 0 publishable, 1 refused, 2 usage error.",
    )
    _project_argument(gate_parser)
    gate_parser.add_argument(
        "--host",
        choices=["github-pages", "netlify", "other"],
        default="other",
        help="where site/ is deployed (a netlify form works only on Netlify)",
    )
    gate_parser.add_argument(
        "--site-url",
        default=os.environ.get("SITE_URL"),
        help="the address the site is published at (default: $SITE_URL)",
    )
    gate_parser.add_argument(
        "--built",
        metavar="SITE_DIR",
        help="the built site about to be deployed: refused unless it was built from the files"
        " judged here, for this address and form (CI: --built site)",
    )
    check_parser = commands.add_parser(
        "check",
        help="what the statement lacks, by §5 point",
        description="The §5 check: findings grouped by §5 a, b, c, publication and consistency, each located in"
        " data/. Exit 0 for a draft; 1 when the statement is marked for publication (published_on)"
        " and anything is found.",
    )
    _project_argument(check_parser)
    check_parser.add_argument(
        "--lang",
        choices=LANGUAGES,
        default=DEFAULT_LANGUAGE,
        help=f"the language of the findings and of any problem in the files (default {DEFAULT_LANGUAGE})",
    )
    schema_parser = commands.add_parser(
        "schema",
        help="write the JSON Schemas of data/ for editors",
        description="Write data/schemas/*.schema.json from the models, for YAML editors. Exit 0, or 1 with"
        " --check when they are out of date.",
    )
    _project_argument(schema_parser)
    schema_parser.add_argument("--check", action="store_true", help="only check that they are up to date")
    keep_parser = commands.add_parser(
        "keep",
        help="keep the published statement at its permanent address before updating it",
        description="Copy data/*.yml, the current statement, which must be published, to data/history/YEAR/ (or,"
        " when that year is kept already and data/ is an update of it, data/history/YEAR/DATE/). Do"
        " this before editing a published statement for an update, then add a revisions: entry.",
    )
    _project_argument(keep_parser)
    new_year_parser = commands.add_parser(
        "new-year",
        help="keep this year's statement and start next year's",
        description="Keep the current, published statement (as «keep» does), then empty in data/statement.yml"
        " what next year's statement fills in again: reporting_period, approved_on, published_on,"
        " signatories and revisions. Everything else stays, to be updated.",
    )
    _project_argument(new_year_parser)
    pdf_parser = commands.add_parser(
        "pdf",
        help="print each version's statement to statement.pdf, after the build",
        description="On a site built with «mkdocs build --strict»: print each version's statement, in each language,"
        " to an A4 PDF (tagged, with bookmarks, the signature page, page numbers and the permanent address) in"
        " Debian's Chromium, beside its statement.json, and list it in its SHA256SUMS; a signed PDF an editor"
        " added is left as it is. Needs the pdf extra (Playwright). Exit 1 when any PDF could not be made.",
    )
    pdf_parser.add_argument(
        "project",
        nargs="?",
        default="site",
        metavar="SITE_DIR",
        help="the built site (default: site)",
    )
    bench_parser = commands.add_parser(
        "bench",
        help="build times and sizes at scale, against a bare Material site",
        description="Build the site (mkdocs build, in a subprocess, on a copy) for the shipped data and for generated"
        " data of each size, and a bare Material + mkdocs-static-i18n site with as many pages and table"
        " rows; print wall and CPU time, peak memory, pages, the largest page and the suppliers pages"
        f" gzipped, with the ratios to the bare site. See also «{PROG} {BENCH_GENERATE}».",
    )
    _project_argument(bench_parser)
    bench_parser.add_argument(
        "--sizes",
        type=_sizes,
        default=",".join(map(str, DEFAULT_SIZES)),
        metavar="N,N,…",
        help="numbers of generated suppliers (default: %(default)s)",
    )
    bench_parser.add_argument(
        "--runs",
        type=_positive_int,
        default=DEFAULT_RUNS,
        help="builds of each, whose median is shown; one from 10,000 suppliers (default %(default)s)",
    )
    bench_parser.add_argument(
        "--seed", type=int, default=DEFAULT_SEED, help="the generated data's seed (default %(default)s)"
    )
    bench_parser.add_argument("--out", metavar="FILE", help="also write the figures to FILE")
    generate_parser = commands.add_parser(
        BENCH_GENERATE,
        help="write a valid data folder with N generated suppliers",
        description="Write a complete data folder (the five files, valid for the models) with N generated suppliers:"
        " company.yml and statement.yml as shipped, suppliers, rated countries, risks and follow-up"
        " measures generated. The same seed writes the same bytes.",
    )
    _project_argument(generate_parser)
    generate_parser.add_argument(
        "--suppliers", type=_positive_int, required=True, metavar="N", help="how many suppliers"
    )
    generate_parser.add_argument("--out", required=True, metavar="DIR", help="the folder to write (created if missing)")
    generate_parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help="the random seed (default %(default)s)")
    return parser


def _positive_int(text: str) -> int:
    number = int(text) if text.strip().isdigit() else 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"«{text}» is not a whole number of at least 1")
    return number


def _sizes(text: str) -> list[int]:
    """``200,2000,10000`` (thousands may be written with ``_``: ``10_000``)."""
    return [_positive_int(size.replace("_", "")) for size in text.split(",") if size.strip()]


def _project_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "project",
        nargs="?",
        default=".",
        help="the project directory, holding mkdocs.yml and data/ (default: current directory)",
    )


if __name__ == "__main__":
    sys.exit(main())
