"""Whether the statement may be shown as final, or is still a draft ("Utkast").

The seed statement names no reporting period, approval date, signatories or contact address, and
says nothing of actual adverse impacts, of the rating source's edition, of how severe and likely
each risk is, or of the measures' results. None of it may be invented, so until an editor fills it
in, every page says the statement is a draft and what it lacks. ``Missing`` is the one list of what
can be missing: its value is the code ``statement.json`` publishes, and each member knows the file
and field to fill, the label the pages show and what an editor is told to do.
"""

from __future__ import annotations

import enum

from aapenhet.model.models import Exposure, Measure, MeasureStatus, RatingSource, Risk, SignatoryRole, StatementData

BOARD_ROLES = {SignatoryRole.board_chair, SignatoryRole.board_member, SignatoryRole.employee_representative}


class Missing(str, enum.Enum):
    """Something the statement lacks before it is final, in the order an editor fills it in."""

    reporting_period = "reporting_period"
    approved_on = "approved_on"
    published_on = "published_on"
    board_signatures = "board_signatures"
    ceo_signature = "ceo_signature"
    contact_email = "contact_email"
    postal_address = "postal_address"
    actual_impacts = "actual_impacts"
    source_edition = "source_edition"
    risk_assessment = "risk_assessment"
    measure_results = "measure_results"
    measure_dates = "measure_dates"

    @property
    def file(self) -> str:
        """The data file (without ``.yml``) to fill it in."""
        return _FIELDS[self][0]

    @property
    def field_path(self) -> tuple[str, ...]:
        """Where in that file to fill it in."""
        return _FIELDS[self][1]

    @property
    def label_key(self) -> str:
        """The label the pages name it by (``missing.approved_on`` in labels.yml)."""
        return f"missing.{self.value}"

    @property
    def located_per_item(self) -> bool:
        """The §5 check (check.py) names each risk, measure or source that lacks it, at its own line."""
        return self in _LOCATED_PER_ITEM

    @property
    def advice(self) -> str:
        """What is wrong — what to do, for the editor."""
        return _ADVICE[self]

    @property
    def advice_nb(self) -> str:
        """The same in Norwegian (``aapenhet check --lang nb``)."""
        return _ADVICE_NB[self]


_FIELDS: dict[Missing, tuple[str, tuple[str, ...]]] = {
    Missing.reporting_period: ("statement", ("reporting_period",)),
    Missing.approved_on: ("statement", ("approved_on",)),
    Missing.published_on: ("statement", ("published_on",)),
    Missing.board_signatures: ("statement", ("signatories",)),
    Missing.ceo_signature: ("statement", ("signatories",)),
    Missing.contact_email: ("statement", ("contact", "email")),
    Missing.postal_address: ("statement", ("contact", "postal_address")),
    Missing.actual_impacts: ("due_diligence", ("actual_impacts",)),
    Missing.source_edition: ("countries", ("sources",)),
    Missing.risk_assessment: ("due_diligence", ("risks",)),
    Missing.measure_results: ("due_diligence", ("measures",)),
    Missing.measure_dates: ("due_diligence", ("measures",)),
}

_LOCATED_PER_ITEM = {
    Missing.actual_impacts,
    Missing.source_edition,
    Missing.risk_assessment,
    Missing.measure_results,
    Missing.measure_dates,
}

_ADVICE: dict[Missing, str] = {
    Missing.reporting_period: "empty, so the statement is still a draft — fill in start and end (YYYY-MM-DD)",
    Missing.approved_on: "empty, so the statement is still a draft — fill in the date the board approved and"
    " signed it (YYYY-MM-DD)",
    Missing.published_on: "empty, so the statement is still a draft — fill in the date it goes out on the website"
    " (YYYY-MM-DD), on or after the approval; the site shows it as «Published»",
    Missing.board_signatures: "no board member signs, so the statement is still a draft — list every board member"
    " (board_chair, board_member, employee_representative)",
    Missing.ceo_signature: "the daglig leder (CEO) does not sign, so the statement is still a draft — add a"
    " signatory with role: ceo",
    Missing.contact_email: "empty, so the statement is still a draft — fill in the e-mail address for innsynskrav",
    Missing.postal_address: "empty, so the statement is still a draft — fill in the postal address for"
    " innsynskrav, one line per item",
    Missing.actual_impacts: "empty, so the statement is still a draft — list the actual adverse impacts found"
    " (impacts:), or say none_identified: true and how_looked_for:",
    Missing.source_edition: "a rating source in use has no year, so the statement is still a draft — give the"
    " edition (year:) of each source the ratings come from",
    Missing.risk_assessment: "a risk Exso is exposed to has no severity or likelihood, so the statement is"
    " still a draft — give severity: and likelihood: (low, medium, high) for each",
    Missing.measure_results: "a measure has no result, so the statement is still a draft — give result: for"
    " each measure taken (done or ongoing) and expected_result: for each one planned or committed to",
    Missing.measure_dates: "a measure taken has no date, so the statement is still a draft — give started_on:"
    " for each ongoing measure and completed_on: for each one done (YYYY-MM-DD)",
}


_DRAFT_NB = "tom, så redegjørelsen er fortsatt et utkast"
_ADVICE_NB: dict[Missing, str] = {
    Missing.reporting_period: f"{_DRAFT_NB} — fyll inn start og end (ÅÅÅÅ-MM-DD)",
    Missing.approved_on: f"{_DRAFT_NB} — fyll inn datoen styret godkjente og signerte den (ÅÅÅÅ-MM-DD)",
    Missing.published_on: f"{_DRAFT_NB} — fyll inn datoen den legges ut på nettstedet (ÅÅÅÅ-MM-DD), samme dag"
    " som eller etter godkjenningen; nettstedet viser den som «Publisert»",
    Missing.board_signatures: "ingen i styret signerer, så redegjørelsen er fortsatt et utkast — før opp hele styret"
    " (board_chair, board_member, employee_representative)",
    Missing.ceo_signature: "daglig leder signerer ikke, så redegjørelsen er fortsatt et utkast — legg til en med"
    " role: ceo",
    Missing.contact_email: f"{_DRAFT_NB} — fyll inn e-postadressen for innsynskrav",
    Missing.postal_address: f"{_DRAFT_NB} — fyll inn postadressen for innsynskrav, én linje per del",
    Missing.actual_impacts: f"{_DRAFT_NB} — før opp faktiske negative konsekvenser (impacts:), eller skriv"
    " none_identified: true og how_looked_for:",
    Missing.source_edition: "en kilde som brukes, mangler år, så redegjørelsen er fortsatt et utkast — oppgi utgaven"
    " (year:) for hver kilde",
    Missing.risk_assessment: "en risiko Exso er eksponert for, mangler alvorlighet eller sannsynlighet, så"
    " redegjørelsen er fortsatt et utkast — oppgi severity: og likelihood: (low, medium,"
    " high)",
    Missing.measure_results: "et tiltak mangler resultat, så redegjørelsen er fortsatt et utkast — oppgi result: for"
    " tiltak som er gjennomført eller pågår, og expected_result: for planlagte og dem selskapet forplikter seg til",
    Missing.measure_dates: "et gjennomført tiltak mangler dato, så redegjørelsen er fortsatt et utkast — oppgi"
    " started_on: for tiltak som pågår og completed_on: for gjennomførte (ÅÅÅÅ-MM-DD)",
}


def missing_for_publication(data: StatementData) -> list[Missing]:
    """What is still missing, in the order an editor would fill it in; empty when final."""
    statement, dd = data.statement, data.due_diligence
    missing = []
    if statement.reporting_period.start is None or statement.reporting_period.end is None:
        missing.append(Missing.reporting_period)
    if statement.approved_on is None:
        missing.append(Missing.approved_on)
    if statement.published_on is None:
        missing.append(Missing.published_on)
    roles = {signatory.role for signatory in statement.signatories}
    # regnskapsloven §3-5: the whole board and the daglig leder sign.
    if not roles & BOARD_ROLES:
        missing.append(Missing.board_signatures)
    if SignatoryRole.ceo not in roles:
        missing.append(Missing.ceo_signature)
    if statement.contact.email is None:
        missing.append(Missing.contact_email)
    if not statement.contact.postal_address:
        missing.append(Missing.postal_address)
    if dd.actual_impacts is None:
        missing.append(Missing.actual_impacts)
    if any(lacks_edition(source, data) for source in data.countries.sources):
        missing.append(Missing.source_edition)
    if any(lacks_assessment(risk) for risk in dd.risks):
        missing.append(Missing.risk_assessment)
    if any(lacks_result(measure) for measure in dd.measures):
        missing.append(Missing.measure_results)
    if any(lacks_date(measure) for measure in dd.measures):
        missing.append(Missing.measure_dates)
    return missing


# One test each of what an item lacks: the draft's list above and the §5 check (check.py) share them.


def lacks_assessment(risk: Risk) -> bool:
    """OECD: prioritise by severity and likelihood; a risk Exso is not exposed to needs neither."""
    return risk.exposure is not Exposure.none and (risk.severity is None or risk.likelihood is None)


def lacks_edition(source: RatingSource, data: StatementData) -> bool:
    """A source the ratings or risks come from needs its edition (year); an unused one does not."""
    used = {entry.source for entry in data.countries.countries} | {risk.source for risk in data.due_diligence.risks}
    return source.id in used and source.year is None


def lacks_date(measure: Measure) -> bool:
    if measure.status is MeasureStatus.done:
        return measure.completed_on is None
    return measure.status is MeasureStatus.ongoing and measure.started_on is None


def lacks_result(measure: Measure) -> bool:
    if measure.status.is_ahead:
        return measure.expected_result is None
    return measure.result is None
