"""The §5 check: what a reader, the supervisor or the board would miss in the statement, from the data.

``check_statement`` runs every rule and returns findings grouped by what they are about — §5 a (the
enterprise, guidelines, routines), §5 b (impacts and risks), §5 c (measures and results), publication
and consistency — each located in ``data/`` and worded in every language. For a draft they are
things to do; for a statement marked for publication (``published_on`` given) they are errors. The
publication rules (``rules.PUBLICATION_RULES``) and the key figures written in texts
(``key_figures``) are part of it, so the gate and the check never disagree about publishing.
"""

from __future__ import annotations

import datetime
import enum
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass

from aapenhet.model.completeness import lacks_assessment, lacks_date, lacks_edition, lacks_result
from aapenhet.model.key_figures import key_figure_problems
from aapenhet.model.loader import LoadedStatement
from aapenhet.model.models import Exposure, MeasureStatus, RiskLevel
from aapenhet.model.rules import PUBLICATION_RULES
from aapenhet.source.problems import Path, Problem
from aapenhet.source.yaml_source import SourceMap
from aapenhet.words import message, wording


class Section(str, enum.Enum):
    a = "a"
    b = "b"
    c = "c"
    publication = "publication"
    consistency = "consistency"
    carried_over = "carried_over"
    kept = "kept"


def section_title(section: Section, language: str) -> str:
    return message(f"check.section.{section.value}", language)


@dataclass(frozen=True)
class Finding:
    """A located problem (in every language) and the part of §5 it is about."""

    section: Section
    problem: Problem

    def message(self, language: str) -> str:
        """What is wrong and what to do, without where: for a reader of the draft banner."""
        return self.problem.message_in(language)

    def text(self, language: str) -> str:
        return self.problem.text(language)


def _finding(
    section: Section, source: SourceMap, path: Path, key: str, *, at_key: bool = False, **fields: object
) -> Finding:
    return Finding(section, source.problem(path, wording(key, **fields), at_key=at_key))


def check_statement(
    loaded: LoadedStatement,
    pages: Mapping[str, str] | None = None,
    kept: Sequence[LoadedStatement] = (),
    *,
    today: datetime.date | None = None,
) -> list[Finding]:
    """Every finding, in the order of the sections. ``pages``: the Markdown of ``docs/`` by file
    (``source.pages.page_texts``), for numbers written there that disagree with the data. ``kept``: the
    earlier versions in data/history/, each held to the publication rules (``rules.PUBLICATION_RULES``:
    final, dates in order, one board chair and one CEO, the company covered), which it passed when it
    was kept; not to the §5 checks, which may grow stricter after a version is kept for good. Their
    findings are located in their own folder, under ``Section.kept``."""
    today = today or datetime.date.today()  # the one clock of the checks; tests pass their own day
    findings = [finding for check in CHECKS for finding in check(loaded)]
    findings += [Finding(Section.publication, problem) for rule in PUBLICATION_RULES for problem in rule(loaded, today)]
    findings += [Finding(Section.consistency, problem) for problem in key_figure_problems(loaded, pages or {})]
    for version in kept:
        findings += [Finding(Section.kept, problem) for rule in PUBLICATION_RULES for problem in rule(version, today)]
    order = list(Section)
    return sorted(findings, key=lambda finding: order.index(finding.section))


def is_marked_for_publication(loaded: LoadedStatement) -> bool:
    """A statement with a publication date is meant to be published: its findings are errors."""
    return loaded.data.statement.published_on is not None


# --- §5 a -------------------------------------------------------------------------------------


def responsibility_and_concerns(loaded: LoadedStatement) -> Iterator[Finding]:
    dd, source = loaded.data.due_diligence, loaded.sources["due_diligence"]
    if dd.responsible is None:
        yield _finding(Section.a, source, ("responsible",), "check.no_responsible", at_key=True)
    if dd.concerns_channel is None:
        yield _finding(Section.a, source, ("concerns_channel",), "check.no_concerns_channel", at_key=True)


# --- §5 b -------------------------------------------------------------------------------------


def impacts_and_risks(loaded: LoadedStatement) -> Iterator[Finding]:
    dd, source = loaded.data.due_diligence, loaded.sources["due_diligence"]
    if dd.actual_impacts is None:
        yield _finding(Section.b, source, ("actual_impacts",), "check.no_actual_impacts", at_key=True)
    for index, risk in enumerate(dd.risks):
        if risk.exposure is Exposure.none:
            continue
        path = ("risks", index)
        title = risk.title.as_wording()
        if lacks_assessment(risk):
            yield _finding(Section.b, source, path, "check.risk_not_assessed", title=title)
        if risk.source is None:
            yield _finding(Section.b, source, path, "check.risk_without_source", title=title)
    countries = loaded.sources["countries"]
    for index, rating_source in enumerate(loaded.data.countries.sources):
        if lacks_edition(rating_source, loaded.data):
            yield _finding(
                Section.b,
                countries,
                ("sources", index, "year"),
                "check.source_without_edition",
                at_key=True,
                title=rating_source.name.as_wording(),
            )


# --- §5 c -------------------------------------------------------------------------------------


def measures_and_results(loaded: LoadedStatement) -> Iterator[Finding]:
    data, source = loaded.data, loaded.sources["due_diligence"]
    dd = data.due_diligence
    addressed = {target for measure in dd.measures for target in measure.addresses}
    for index, risk in enumerate(dd.risks):
        if risk.exposure is not Exposure.none and risk.id not in addressed:
            yield _finding(
                Section.c, source, ("risks", index), "check.risk_without_measure", title=risk.title.as_wording()
            )
    for index, measure in enumerate(dd.measures):
        path = ("measures", index)
        if not measure.addresses:
            yield _finding(Section.c, source, path, "check.measure_without_risk", title=measure.title.as_wording())
        if lacks_result(measure) and measure.status.is_ahead:
            yield _finding(Section.c, source, path, "check.no_expected_result", title=measure.title.as_wording())
        elif lacks_result(measure):
            yield _finding(Section.c, source, path, "check.no_result", title=measure.title.as_wording())
        if lacks_date(measure) and measure.status is MeasureStatus.done:
            yield _finding(Section.c, source, path, "check.done_without_date", title=measure.title.as_wording())
        elif lacks_date(measure):
            yield _finding(Section.c, source, path, "check.ongoing_without_date", title=measure.title.as_wording())
    ratings = {entry.code: entry.risk for entry in data.countries.countries}
    followed = {measure.supplier for measure in dd.measures if measure.supplier}
    suppliers = loaded.sources["suppliers"]
    for index, supplier in enumerate(data.suppliers.suppliers):
        high = [code for line in supplier.production for code in line.countries if ratings.get(code) is RiskLevel.high]
        if high and supplier.id not in followed:
            yield _finding(
                Section.c,
                suppliers,
                ("suppliers", index),
                "check.high_risk_not_followed",
                name=supplier.name,
                countries=", ".join(high),
                id=supplier.id,
            )


# --- publication and consistency -----------------------------------------------------------------


def published_by_30_june(loaded: LoadedStatement) -> Iterator[Finding]:
    statement, source = loaded.data.statement, loaded.sources["statement"]
    end, published = statement.reporting_period.end, statement.published_on
    if (
        end is not None
        and published is not None
        and published > datetime.date(min(end.year + 1, datetime.MAXYEAR), 6, 30)
    ):
        yield _finding(
            Section.publication,
            source,
            ("published_on",),
            "check.published_late",
            published=published,
            year=end.year + 1,
        )


def unused_country_ratings(loaded: LoadedStatement) -> Iterator[Finding]:
    data, source = loaded.data, loaded.sources["countries"]
    used = {code for supplier in data.suppliers.suppliers for line in supplier.production for code in line.countries}
    used |= {code for risk in data.due_diligence.risks for code in risk.where.countries}
    for index, entry in enumerate(data.countries.countries):
        if entry.code not in used:
            yield _finding(Section.consistency, source, ("countries", index), "check.unused_rating", code=entry.code)


CHECKS: list[Callable[[LoadedStatement], Iterator[Finding]]] = [
    responsibility_and_concerns,
    impacts_and_risks,
    measures_and_results,
    published_by_30_june,
    unused_country_ratings,
]
