"""The due-diligence cycle as CSV: ``risks_and_impacts.csv`` and ``measures.csv``, one per language.

Built from the same document as ``statement.json`` (``view/statement_view.py``), so the two can
never disagree. Conventions as in ``suppliers.csv``: RFC 4180, ``\\r\\n``, UTF-8 without BOM, a header
row, lists in one cell joined by ``; ``, codes for closed sets, empty where the statement says nothing.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable

from aapenhet.publishing.csv_cells import csv_bytes, joined
from aapenhet.publishing.csv_columns import MEASURES, RISKS_AND_IMPACTS
from aapenhet.view import document as out

RISKS_FILE = RISKS_AND_IMPACTS.file
MEASURES_FILE = MEASURES.file

RISK_COLUMNS = RISKS_AND_IMPACTS.names
"""The columns of ``risks_and_impacts.csv``, in order, as ``csv_columns.RISKS_AND_IMPACTS`` defines them."""

MEASURE_COLUMNS = MEASURES.names
"""The columns of ``measures.csv``, in order, as ``csv_columns.MEASURES`` defines them."""


def risks_csv(document: out.StatementDocument) -> bytes:
    """One row per risk (``type`` risk) and per actual impact (``type`` actual_impact)."""
    dd = document.due_diligence
    risks = (
        {
            **_where_cells(risk.where),
            "id": risk.id,
            "type": "risk",
            "title": risk.title,
            "rights": _codes(risk.rights_at_risk),
            "risk_level": _code(risk.risk_level),
            "severity": _code(risk.severity),
            "likelihood": _code(risk.likelihood),
            "exposure": _code(risk.exposure),
            "rating_source": risk.rating_source or "",
            "measure_ids": joined(risk.measure_ids),
            "description": risk.description,
        }
        for risk in dd.risks
    )
    impacts = (
        {
            **_where_cells(impact.where),
            "id": impact.id,
            "type": "actual_impact",
            "title": impact.title,
            "rights": _codes(impact.rights_affected),
            "identified_on": impact.identified_on.isoformat() if impact.identified_on else "",
            "remediation": impact.remediation or "",
            "remediation_status": _code(impact.remediation_status),
            "measure_ids": joined(impact.measure_ids),
            "description": impact.description,
        }
        for impact in dd.actual_impacts.impacts
    )
    return csv_bytes(RISK_COLUMNS, itertools.chain(risks, impacts))


def measures_csv(document: out.StatementDocument) -> bytes:
    """One row per measure, taken or planned."""
    rows = (
        {
            "measure_id": measure.id,
            "title": measure.title,
            "kind": measure.kind.value,
            "status": measure.status.value,
            "addresses": joined(measure.addresses),
            "supplier_id": measure.supplier_id or "",
            "started_on": measure.started_on.isoformat() if measure.started_on else "",
            "completed_on": measure.completed_on.isoformat() if measure.completed_on else "",
            "result": measure.result or "",
            "expected_result": measure.expected_result or "",
            "supplier_said": measure.supplier_said or "",
            "description": measure.description or "",
        }
        for measure in document.due_diligence.measures
    )
    return csv_bytes(MEASURE_COLUMNS, rows)


def _where_cells(where: out.Where) -> dict[str, str]:
    return {
        "country_codes": joined(country.country_code for country in where.countries),
        "country_names": joined(country.country_name for country in where.countries),
        "sector": where.sector or "",
        "supplier_ids": joined(where.supplier_ids),
        "product_line": where.product_line or "",
        "tier": _code(where.tier),
    }


def _code(value: object) -> str:
    return "" if value is None else str(getattr(value, "value", value))


def _codes(values: Iterable[object]) -> str:
    return joined(_code(value) for value in values)
