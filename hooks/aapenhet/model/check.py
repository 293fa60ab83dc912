"""The §5 check: what a reader, the supervisor or the board would miss in the statement, from the data.

``check_statement`` runs every rule and returns findings grouped by what they are about — §5 a (the
enterprise, guidelines, routines), §5 b (impacts and risks), §5 c (measures and results), publication
and consistency — each located in ``data/`` and worded in Norwegian and English. For a draft they are
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


class Section(str, enum.Enum):
    a = "a"
    b = "b"
    c = "c"
    publication = "publication"
    consistency = "consistency"
    carried_over = "carried_over"
    kept = "kept"


SECTION_TITLES = {
    Section.a: {
        "nb": "§ 5 a) Virksomheten, retningslinjer og rutiner",
        "en": "Section 5 a) The enterprise, guidelines and routines",
    },
    Section.b: {
        "nb": "§ 5 b) Negative konsekvenser og vesentlig risiko",
        "en": "Section 5 b) Adverse impacts and significant risks",
    },
    Section.c: {"nb": "§ 5 c) Tiltak og resultater", "en": "Section 5 c) Measures and results"},
    Section.publication: {"nb": "Publisering", "en": "Publication"},
    Section.consistency: {"nb": "Sammenheng i dataene", "en": "Consistency of the data"},
    Section.carried_over: {
        "nb": "Fra perioden før: bekreft, oppdater eller fjern",
        "en": "From the period before: confirm, update or remove",
    },
    Section.kept: {"nb": "Tidligere versjoner i data/history/", "en": "Earlier versions in data/history/"},
}


@dataclass(frozen=True)
class Finding:
    """A located problem (in both languages, ``Problem.message_nb``) and the part of §5 it is about."""

    section: Section
    problem: Problem

    @property
    def nb(self) -> str:
        return self.problem.message_nb or self.problem.message

    @property
    def en(self) -> str:
        return self.problem.message

    def message(self, language: str) -> str:
        """What is wrong and what to do, without where: for a reader of the draft banner."""
        return self.nb if language == "nb" else self.en

    def text(self, language: str) -> str:
        return self.problem.text(language)


def _finding(section: Section, source: SourceMap, path: Path, nb: str, en: str, *, at_key: bool = False) -> Finding:
    return Finding(section, source.problem(path, en, at_key=at_key, message_nb=nb))


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
        yield _finding(
            Section.a,
            source,
            ("responsible",),
            "hvem som har ansvaret for aktsomhetsvurderingene er ikke oppgitt — fyll inn responsible:",
            "who is responsible for the due diligence is not stated — fill in responsible:",
            at_key=True,
        )
    if dd.concerns_channel is None:
        yield _finding(
            Section.a,
            source,
            ("concerns_channel",),
            "hvor man kan melde fra om en bekymring er ikke oppgitt — fyll inn concerns_channel:",
            "where to raise a concern is not stated — fill in concerns_channel:",
            at_key=True,
        )


# --- §5 b -------------------------------------------------------------------------------------


def impacts_and_risks(loaded: LoadedStatement) -> Iterator[Finding]:
    dd, source = loaded.data.due_diligence, loaded.sources["due_diligence"]
    if dd.actual_impacts is None:
        yield _finding(
            Section.b,
            source,
            ("actual_impacts",),
            "redegjørelsen sier ikke om det er funnet faktiske negative konsekvenser — før dem opp under"
            " impacts:, eller skriv none_identified: true og how_looked_for:",
            "the statement does not say whether actual adverse impacts were found — list them under"
            " impacts:, or write none_identified: true and how_looked_for:",
            at_key=True,
        )
    for index, risk in enumerate(dd.risks):
        if risk.exposure is Exposure.none:
            continue
        path = ("risks", index)
        title_nb, title_en = risk.title.nb, risk.title.en
        if lacks_assessment(risk):
            yield _finding(
                Section.b,
                source,
                path,
                f"«{title_nb}»: alvorlighet og sannsynlighet er ikke vurdert — fyll inn severity: og"
                " likelihood: (low, medium, high)",
                f"«{title_en}»: severity and likelihood are not assessed — fill in severity: and"
                " likelihood: (low, medium, high)",
            )
        if risk.source is None:
            yield _finding(
                Section.b,
                source,
                path,
                f"«{title_nb}»: risikoen har ingen kilde — oppgi source: (en kilde under sources: i countries.yml)",
                f"«{title_en}»: the risk has no source — give source: (a source under sources: in countries.yml)",
            )
    countries = loaded.sources["countries"]
    for index, rating_source in enumerate(loaded.data.countries.sources):
        if lacks_edition(rating_source, loaded.data):
            yield _finding(
                Section.b,
                countries,
                ("sources", index, "year"),
                f"«{rating_source.name.nb}»: utgaven (året) er ikke oppgitt — fyll inn year:",
                f"«{rating_source.name.en}»: the edition (year) is not given — fill in year:",
                at_key=True,
            )


# --- §5 c -------------------------------------------------------------------------------------


def measures_and_results(loaded: LoadedStatement) -> Iterator[Finding]:
    data, source = loaded.data, loaded.sources["due_diligence"]
    dd = data.due_diligence
    addressed = {target for measure in dd.measures for target in measure.addresses}
    for index, risk in enumerate(dd.risks):
        if risk.exposure is not Exposure.none and risk.id not in addressed:
            yield _finding(
                Section.c,
                source,
                ("risks", index),
                f"«{risk.title.nb}»: ingen tiltak er knyttet til risikoen — legg risikoens id i"
                " addresses: på tiltakene som gjelder den",
                f"«{risk.title.en}»: no measure addresses this risk — put its id in addresses: of the"
                " measures meant for it",
            )
    for index, measure in enumerate(dd.measures):
        path = ("measures", index)
        if not measure.addresses:
            yield _finding(
                Section.c,
                source,
                path,
                f"«{measure.title.nb}»: tiltaket er ikke knyttet til noen risiko — fyll inn addresses:",
                f"«{measure.title.en}»: the measure addresses no risk — fill in addresses:",
            )
        if lacks_result(measure) and measure.status.is_ahead:
            yield _finding(
                Section.c,
                source,
                path,
                f"«{measure.title.nb}»: forventet resultat er ikke oppgitt — fyll inn expected_result:",
                f"«{measure.title.en}»: the expected result is not given — fill in expected_result:",
            )
        elif lacks_result(measure):
            yield _finding(
                Section.c,
                source,
                path,
                f"«{measure.title.nb}»: resultatet er ikke oppgitt — fyll inn result:",
                f"«{measure.title.en}»: the result is not given — fill in result:",
            )
        if lacks_date(measure) and measure.status is MeasureStatus.done:
            yield _finding(
                Section.c,
                source,
                path,
                f"«{measure.title.nb}»: tiltaket er gjennomført, men datoen er ikke oppgitt — fyll inn"
                " completed_on: (ÅÅÅÅ-MM-DD)",
                f"«{measure.title.en}»: the measure is done, but its date is not given — fill in"
                " completed_on: (YYYY-MM-DD)",
            )
        elif lacks_date(measure):
            yield _finding(
                Section.c,
                source,
                path,
                f"«{measure.title.nb}»: tiltaket pågår, men startdatoen er ikke oppgitt — fyll inn"
                " started_on: (ÅÅÅÅ-MM-DD)",
                f"«{measure.title.en}»: the measure is ongoing, but its start date is not given — fill"
                " in started_on: (YYYY-MM-DD)",
            )
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
                f"«{supplier.name}» leverer fra land med høy risiko ({', '.join(high)}), men ingen"
                " oppfølging er registrert — legg til et tiltak med supplier: " + supplier.id,
                f"«{supplier.name}» supplies from high-risk countries ({', '.join(high)}), but no follow-up"
                " is recorded — add a measure with supplier: " + supplier.id,
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
            f"publisert {published}, etter fristen 30. juni {end.year + 1}",
            f"published on {published}, after the deadline of 30 June {end.year + 1}",
        )


def unused_country_ratings(loaded: LoadedStatement) -> Iterator[Finding]:
    data, source = loaded.data, loaded.sources["countries"]
    used = {code for supplier in data.suppliers.suppliers for line in supplier.production for code in line.countries}
    used |= {code for risk in data.due_diligence.risks for code in risk.where.countries}
    for index, entry in enumerate(data.countries.countries):
        if entry.code not in used:
            yield _finding(
                Section.consistency,
                source,
                ("countries", index),
                f"{entry.code} er vurdert, men ingen leverandør eller risiko bruker landet — fjern det,"
                " eller knytt det til en leverandør",
                f"{entry.code} is rated, but no supplier or risk uses it — remove it, or link it to a supplier",
            )


CHECKS: list[Callable[[LoadedStatement], Iterator[Finding]]] = [
    responsibility_and_concerns,
    impacts_and_risks,
    measures_and_results,
    published_by_30_june,
    unused_country_ratings,
]
