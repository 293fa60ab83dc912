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
from aapenhet.words import Wording, wording

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
    def advice(self) -> Wording:
        """What is wrong — what to do, for the editor (``missing_advice.*`` in the word store)."""
        return wording(f"missing_advice.{self.value}")


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
