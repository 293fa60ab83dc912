"""Figures derived from the data (counts, groupings), computed once here rather than in templates."""

from __future__ import annotations

from aapenhet.model.models import Impact, Measure, MeasureStatus, Risk, RiskLevel, StatementData, Supplier, SupplyKind


def production_countries(data: StatementData, kind: SupplyKind = SupplyKind.goods) -> list[str]:
    """Every country where a named supplier makes goods (or, with ``kind``, delivers services from),
    in the order the data first names them."""
    codes: dict[str, None] = {}
    for supplier in data.suppliers.suppliers:
        for line in supplier.production:
            if line.kind is kind:
                codes.update(dict.fromkeys(line.countries))
    return list(codes)


def high_risk_countries(data: StatementData, kind: SupplyKind = SupplyKind.goods) -> list[str]:
    ratings = {entry.code: entry.risk for entry in data.countries.countries}
    return [code for code in production_countries(data, kind) if ratings.get(code) == RiskLevel.high]


def suppliers_producing_in(data: StatementData, code: str) -> list[Supplier]:
    """Suppliers that make goods in, or deliver services from, a country."""
    return [s for s in data.suppliers.suppliers if any(code in line.countries for line in s.production)]


def findings_by_id(data: StatementData) -> dict[str, Risk | Impact]:
    """Every risk and actual impact, by id: what a measure's ``addresses`` names."""
    dd = data.due_diligence
    impacts = dd.actual_impacts.impacts if dd.actual_impacts else []
    return {finding.id: finding for finding in [*dd.risks, *impacts]}


def measures_addressing(data: StatementData, finding_id: str) -> list[Measure]:
    return [measure for measure in data.due_diligence.measures if finding_id in measure.addresses]


def measures_for_supplier(data: StatementData, supplier_id: str) -> list[Measure]:
    return [measure for measure in data.due_diligence.measures if measure.supplier == supplier_id]


def measures_taken(data: StatementData) -> list[Measure]:
    """Measures done or under way (§5 c, "measures taken"), in the data's order."""
    return [measure for measure in data.due_diligence.measures if measure.status is not MeasureStatus.planned]


def measures_planned(data: StatementData) -> list[Measure]:
    """Measures the company commits to ("Fokus fremover")."""
    return [measure for measure in data.due_diligence.measures if measure.status is MeasureStatus.planned]
