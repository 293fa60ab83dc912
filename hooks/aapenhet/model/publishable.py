"""May this statement be published? One rule set, for every command that answers it.

The gate (before a deploy), ``keep`` and ``new-year`` (before a version is kept for good) ask the
same question of ``data/``: does it load, do the versions in ``data/history/`` fit together, and
does the §5 check find nothing — in the current statement and in every kept version, each held to
the rules it passed when it was kept — and is nothing carried over from the period before
(``carried_over``: last year's measures, impacts and source editions, left in data/ by new-year). A
statement the gate would refuse is never kept, and a kept version the rules refuse is never
published.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from pathlib import Path

from aapenhet.languages import LOG_LANGUAGE
from aapenhet.model.check import Finding, Section, check_statement
from aapenhet.model.history import Version, earlier_version_problems, load_history
from aapenhet.model.loader import LoadedStatement, load_statement
from aapenhet.source.pages import page_texts, unreadable_pages
from aapenhet.source.problems import DataProblems, Problem
from aapenhet.words import wording


@dataclass(frozen=True)
class Verdict:
    """What was read, and every reason not to publish it (empty when it may be)."""

    loaded: LoadedStatement | None
    versions: list[Version] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)  # the files cannot be read, or do not fit
    findings: list[Finding] = field(default_factory=list)  # the §5 check, current and kept versions

    @property
    def publishable(self) -> bool:
        return self.loaded is not None and not self.problems and not self.findings

    def reasons(self, language: str = LOG_LANGUAGE) -> list[str]:
        """One located line per reason, in ``language``."""
        return [problem.text(language) for problem in self.problems] + [
            finding.text(language) for finding in self.findings
        ]


def publication_verdict(data_dir: Path, docs_dir: Path, *, today: datetime.date | None = None) -> Verdict:
    """Read ``data_dir`` (and ``data_dir/history/``) and the pages in ``docs_dir``, and judge them on
    ``today`` (default: the clock's). A page not saved as UTF-8 is a problem like a data file's."""
    unreadable = unreadable_pages(docs_dir)
    if unreadable:
        return Verdict(None, problems=unreadable)
    pages = page_texts(docs_dir)
    try:
        loaded = load_statement(data_dir)
    except DataProblems as error:
        # The earlier versions' own mistakes too, so that an editor sees every problem at once.
        return Verdict(None, problems=[*error.problems, *earlier_version_problems(data_dir)])
    except OSError as error:
        return Verdict(
            None,
            problems=[
                Problem(
                    f"{data_dir}",
                    1,
                    1,
                    "",
                    wording("publishable.unreadable", reason=error.strerror or error),
                )
            ],
        )
    try:
        versions = load_history(data_dir, loaded)
    except DataProblems as error:
        return Verdict(loaded, problems=list(error.problems), findings=check_statement(loaded, pages, today=today))
    kept = [version.loaded for version in versions if not version.is_current]
    findings = check_statement(loaded, pages, kept, today=today) + list(versions[-1].carried_over)
    return Verdict(
        loaded, versions, findings=sorted(findings, key=lambda finding: list(Section).index(finding.section))
    )
