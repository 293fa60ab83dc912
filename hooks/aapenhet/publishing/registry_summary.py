"""The statement in the UK Modern Slavery Statement Registry's shape: ``registry_summary.csv`` and ``.json``.

The registry publishes every summary it holds as a yearly file (``StatementSummaries{year}.csv``, and
the same as JSON), one row per organisation, its columns those of the registry's
``StatementSummaryDownloadModel`` (``csv_columns.REGISTRY_SUMMARY`` names them, in order; DEVELOPING.md's crosswalk
gives the source). These two files are this statement as one such row, so that a reader who compares
statements from the registry can load ours with the same code.

Mapped from the language's document alone (``StatementView.document``), and only where the document
says the thing: a column our data has nothing for is empty (``null`` in the JSON), an area the
statement does not cover is «No» with no reason (our data gives none), and the approving person and
date are there only once the statement is approved and signed. DEVELOPING.md's crosswalk says, column by column,
what each is made from. Values: the registry's own words for its closed sets (``Yes``/``No``, a risk's
area and tier), ISO 8601 dates, texts in the file's language, several items in one cell one per line
(``\\r\\n``), as the registry joins them.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from aapenhet.model.models import Exposure, MeasureKind, SignatoryRole, SupplyChainTier
from aapenhet.publishing.csv_cells import csv_bytes
from aapenhet.publishing.csv_columns import NO, REGISTRY_SUMMARY, RISK_AREAS, SUPPLY_CHAIN_TIERS, YES
from aapenhet.publishing.json_files import json_bytes
from aapenhet.rendering.labels import Labels, load_labels
from aapenhet.view import document as out

REGISTRY_CSV_FILE = REGISTRY_SUMMARY.file
REGISTRY_JSON_FILE = "registry_summary.json"

REGISTRY_COLUMNS = REGISTRY_SUMMARY.names
"""The registry's columns, in its order: the CSV's header and the JSON object's keys."""

LINE = "\r\n"
"""Between the items of one cell (an address's lines, countries, measures), as the registry writes them."""

RISKS_IN_SUMMARY = 3
"""The registry's summary has room for three risks: the statement's first three, in its order."""

_AREA = {
    SupplyChainTier.own_operations: RISK_AREAS[0],
    SupplyChainTier.tier_1: RISK_AREAS[1],
    SupplyChainTier.tier_2_or_beyond: RISK_AREAS[1],
}
# Our tier_2_or_beyond is the registry's «Tier 2 suppliers» or «Tier 3 suppliers and below»: not one of them.
_TIER = {SupplyChainTier.tier_1: SUPPLY_CHAIN_TIERS[0]}

Value = str | int | bool | datetime.date | None


def registry_summary(document: out.StatementDocument, labels: Labels) -> dict[str, Value]:
    """The registry's row for ``document``: every column, ``None`` where our data has nothing."""
    statement, dd = document.statement, document.due_diligence
    # The registry's risks are those the organisation faces: not the ones named to say Exso is not exposed.
    exposed = [risk for risk in dd.risks if risk.exposure is not Exposure.none]
    covered = statement.companies_covered
    group = len(covered) > 1 if covered else None
    row: dict[str, Value] = dict.fromkeys(REGISTRY_COLUMNS)
    row |= {
        "StatementYear": registry_year(statement.reporting_period.end),
        "OrganisationName": document.company.name,
        "Address": LINE.join(statement.contact.postal_address) or None,
        "LastUpdated": max((revision.date for revision in statement.revisions), default=statement.published_on),
        "GroupSubmission": group,
        "ParentName": document.company.name if group else None,
        "StatementStartDate": statement.reporting_period.start,
        "StatementEndDate": statement.reporting_period.end,
        "ApprovingPerson": _approving_person(statement, labels, document.language),
        "DateApproved": statement.approved_on,
        **_areas_covered(document),
        "NoRisks": not exposed,
    }
    measures = {measure.id: measure for measure in dd.measures}
    for number, risk in enumerate(exposed[:RISKS_IN_SUMMARY], start=1):
        tier = risk.where.tier
        row |= {
            f"Risk{number}": risk.title,
            f"Risk{number}Area": _AREA.get(tier) if tier else None,
            f"Risk{number}SupplyChainTier": _TIER.get(tier) if tier else None,
            f"Risk{number}Location": _lines(country.country_name for country in risk.where.countries),
            f"Risk{number}Mitigation": _lines(measures[i].title for i in risk.measure_ids if i in measures),
        }
    return row


def registry_year(period_end: datetime.date | None) -> int | None:
    """The registry's year of a statement whose period ends on ``period_end``: that year when it ends in
    January–June, the year after when it ends in July–December (the registry's published rule: the
    year-end plus the six months it expects a statement to take)."""
    if period_end is None:
        return None
    return period_end.year if period_end.month <= 6 else period_end.year + 1


def _approving_person(statement: out.Statement, labels: Labels, language: str) -> str | None:
    """«Name (role)», as the registry writes the one who approved: the chair of the board who signed,
    only once the board's approval is dated."""
    chairs = [person for person in statement.signatories if person.role is SignatoryRole.board_chair]
    if statement.approved_on is None or len(chairs) != 1:
        return None
    return f"{chairs[0].name} ({labels.get('role.board_chair', language)})"


def _areas_covered(document: out.StatementDocument) -> dict[str, Value]:
    """The six areas the registry asks about, each covered (True) when the document has its facts and
    not (False) when it has none; ``None`` for goals and KPIs, which our data has no place for."""
    dd = document.due_diligence
    kinds = {measure.kind for measure in dd.measures}
    return {
        "StatementIncludesOrgStructure": bool(document.company.description and document.suppliers),
        "StatementIncludesPolicies": bool(document.company.policies or dd.ethical_guidelines.summary),
        "StatementIncludesRisksAssessment": bool(dd.method.risk_mapping and (dd.risks or document.countries)),
        "StatementIncludesDueDiligence": bool(dd.measures),
        "StatementIncludesTraining": MeasureKind.training in kinds,
        "StatementIncludesGoals": None,
    }


def _lines(items: Iterable[str]) -> str | None:
    return LINE.join(items) or None


# --- the two files -----------------------------------------------------------------------------


def registry_summary_csv(document: out.StatementDocument, *, labels: Labels | None = None) -> bytes:
    """The registry's CSV: its header and our one row (RFC 4180, as every CSV file of the statement)."""
    row = registry_summary(document, labels or load_labels())
    return csv_bytes(REGISTRY_COLUMNS, [{name: _cell(value) for name, value in row.items()}])


def registry_summary_json(document: out.StatementDocument, *, labels: Labels | None = None) -> bytes:
    """The registry's JSON: a list of summaries (here one), its keys the CSV's columns in their order,
    booleans as ``true``/``false``, the year a number, dates ISO 8601, ``null`` where our data has nothing."""
    row = registry_summary(document, labels or load_labels())
    values = {name: value.isoformat() if isinstance(value, datetime.date) else value for name, value in row.items()}
    return json_bytes([values])


def _cell(value: Value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return YES if value else NO
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)
