"""The one mapping from the validated input models (``model/models.py``, what an editor writes in
``data/``) to the published shape in one language (``document.py``, what ``statement.json`` holds and
what every page and file reads through ``StatementView``).

A new field is mapped here and nowhere else. Suppliers are built without validating again what the
input models validated: a long list has thousands (tests validate the written statement.json against
its published schema, long lists included).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import PurePosixPath

from aapenhet.languages import DEFAULT_LANGUAGE, check_language
from aapenhet.model.completeness import missing_for_publication
from aapenhet.model.countries import country_name
from aapenhet.model.facts import measures_by_finding, measures_by_supplier
from aapenhet.model.models import (
    Company,
    CountryRisk,
    Location,
    Measure,
    ProductionLine,
    RatingSource,
    Risk,
    StatementData,
    Supplier,
    Text,
    Where,
)
from aapenhet.model.models import Statement as StatementInfo
from aapenhet.source.problems import Problem
from aapenhet.view import document as out

SupplierMapping = Callable[[Supplier, list[Measure]], out.Supplier]
# The production lines one document has mapped, by the identity of each (held beside it).
MappedLines = dict[int, tuple[ProductionLine, out.ProductionLine]]


@dataclass
class KeptSuppliers:
    """The preview's suppliers as published in its last rebuild, by language and id, with the data
    and follow-ups each was mapped from: a supplier an edit left as it was is not mapped again (at
    2,000 suppliers, mapping them was a tenth of every rebuild)."""

    by_language: dict[str, dict[str, tuple[Supplier, list[str], out.Supplier]]] = field(default_factory=dict)

    def mapping(self, language: str, lines: MappedLines) -> SupplierMapping:
        """Maps a supplier in ``language``, or gives it as last time if its data and follow-ups are
        the same (equal models: the mapping reads nothing else). Only this rebuild's are kept."""
        last = self.by_language.get(language, {})
        current: dict[str, tuple[Supplier, list[str], out.Supplier]] = {}
        self.by_language[language] = current

        def mapped(supplier: Supplier, follow_ups: list[Measure]) -> out.Supplier:
            follow_up_ids = [measure.id for measure in follow_ups]
            kept = last.get(supplier.id)
            if kept is not None and kept[1] == follow_up_ids and kept[0] == supplier:
                published = kept[2]
            else:
                published = _supplier(supplier, follow_ups, language, lines)
            current[supplier.id] = (supplier, follow_up_ids, published)
            return published

        return mapped


def statement_document(
    data: StatementData,
    language: str,
    *,
    carried_over: Sequence[Problem] = (),
    kept_suppliers: KeptSuppliers | None = None,
) -> out.StatementDocument:
    """The statement in ``language`` as the validated output model; ``carried_over``: the facts still
    as the period before's (``Version.carried_over``), which keep it a draft; ``kept_suppliers``: the
    preview's, from its last rebuild."""
    check_language(language)
    text = texts_in(language)
    missing = missing_for_publication(data)
    company, statement, dd = data.company, data.statement, data.due_diligence
    follow_ups, measures_for = measures_by_supplier(data), measures_by_finding(data)
    lines: MappedLines = {}
    supplier_in_language: SupplierMapping = (
        kept_suppliers.mapping(language, lines)
        if kept_suppliers is not None
        else lambda supplier, measures: _supplier(supplier, measures, language, lines)
    )
    return out.StatementDocument(
        schema=out.SCHEMA_URL,
        language=language,
        authoritative_language=DEFAULT_LANGUAGE,
        status="draft" if missing or carried_over else "final",
        missing=[item.value for item in missing],
        carried_over=[data_path(problem) for problem in carried_over],
        company=company_part(company, language),
        statement=statement_part(statement, language),
        suppliers=[
            supplier_in_language(supplier, follow_ups.get(supplier.id, [])) for supplier in data.suppliers.suppliers
        ],
        countries=[_country_risk(entry, language) for entry in data.countries.countries],
        rating_sources=[_rating_source(source, language) for source in data.countries.sources],
        due_diligence=out.DueDiligence(
            method=out.Method(
                frameworks=[text(item) for item in dd.method.frameworks],
                risk_mapping=text(dd.method.risk_mapping),
                scope=text(dd.method.scope),
            ),
            supplier_follow_up=[text(item) for item in dd.supplier_follow_up],
            onboarding_criteria=[text(item) for item in dd.onboarding_criteria],
            strategic_partner_criteria=[text(item) for item in dd.strategic_partner_criteria],
            partner_relationships=text(dd.partner_relationships),
            ethical_guidelines=out.EthicalGuidelines(
                summary=text(dd.ethical_guidelines.summary),
                global_compact=text(dd.ethical_guidelines.global_compact),
                standards=text(dd.ethical_guidelines.standards),
                supplier_obligations=[text(item) for item in dd.ethical_guidelines.supplier_obligations],
            ),
            routines=out.Routines(summary=text(dd.routines.summary), items=[text(item) for item in dd.routines.items]),
            responsible=text(dd.responsible),
            concerns_channel=text(dd.concerns_channel),
            risks=[_risk(risk, measures_for, language) for risk in dd.risks],
            actual_impacts=_actual_impacts(data, measures_for, language),
            measures=[_measure(measure, language) for measure in dd.measures],
        ),
    )


def company_part(company: Company, language: str) -> out.Company:
    """The company as the document gives it in ``language``: the archive and the JSON-LD need no more."""
    text = texts_in(language)
    return out.Company(
        name=company.name,
        organisation_number=company.organisation_number,
        description=text(company.description),
        offerings_summary=text(company.offerings_summary),
        products=[text(item) for item in company.products],
        services=[text(item) for item in company.services],
        resale=text(company.resale),
        employees=company.employees,
        locations_in_norway=company.locations_in_norway,
        locations_note=text(company.locations_note),
        markets=[_country(code, language) for code in company.markets],
        customer_sectors=[text(item) for item in company.customer_sectors],
        sustainability=out.Sustainability(
            aim=text(company.sustainability.aim),
            practices=[text(item) for item in company.sustainability.practices],
        ),
        policies=[out.Policy(name=text(p.name), updated_for_act=p.updated_for_act) for p in company.policies],
    )


def statement_part(statement: StatementInfo, language: str) -> out.Statement:
    """The statement's period, approval, signatures, contact and revisions in ``language``."""
    text = texts_in(language)
    return out.Statement(
        reporting_period=out.ReportingPeriod(
            start=statement.reporting_period.start, end=statement.reporting_period.end
        ),
        companies_covered=list(statement.companies_covered),
        approved_on=statement.approved_on,
        published_on=statement.published_on,
        signatories=[out.Signatory(name=s.name, role=s.role) for s in statement.signatories],
        contact=out.Contact(email=statement.contact.email, postal_address=list(statement.contact.postal_address)),
        revisions=[out.Revision(date=r.date, summary=text(r.summary)) for r in statement.revisions],
    )


def _where(where: Where, language: str) -> out.Where:
    return out.Where(
        countries=[_country(code, language) for code in where.countries],
        sector=texts_in(language)(where.sector),
        supplier_ids=list(where.suppliers),
        product_line=texts_in(language)(where.product_line),
        tier=where.tier,
    )


def _risk(risk: Risk, measures_for: dict[str, list[Measure]], language: str) -> out.Risk:
    text = texts_in(language)
    return out.Risk(
        id=risk.id,
        title=text(risk.title),
        where=_where(risk.where, language),
        rights_at_risk=list(risk.rights),
        risk_level=risk.level,
        severity=risk.severity,
        likelihood=risk.likelihood,
        exposure=risk.exposure,
        rating_source=risk.source,
        description=text(risk.description),
        measure_ids=[measure.id for measure in measures_for.get(risk.id, [])],
    )


def _actual_impacts(data: StatementData, measures_for: dict[str, list[Measure]], language: str) -> out.ActualImpacts:
    text = texts_in(language)
    found = data.due_diligence.actual_impacts
    if found is None:
        return out.ActualImpacts(status="not_stated", how_looked_for=None, impacts=[])
    impacts = [
        out.Impact(
            id=impact.id,
            title=text(impact.title),
            where=_where(impact.where, language),
            rights_affected=list(impact.rights),
            identified_on=impact.identified_on,
            description=text(impact.description),
            remediation=text(impact.remediation),
            remediation_status=impact.remediation_status,
            measure_ids=[measure.id for measure in measures_for.get(impact.id, [])],
        )
        for impact in found.impacts
    ]
    return out.ActualImpacts(
        status="none_identified" if found.none_identified else "identified",
        how_looked_for=text(found.how_looked_for),
        impacts=impacts,
    )


def _measure(measure: Measure, language: str) -> out.Measure:
    text = texts_in(language)
    return out.Measure(
        id=measure.id,
        title=text(measure.title),
        kind=measure.kind,
        status=measure.status,
        addresses=list(measure.addresses),
        supplier_id=measure.supplier,
        started_on=measure.started_on,
        completed_on=measure.completed_on,
        description=text(measure.description),
        result=text(measure.result),
        expected_result=text(measure.expected_result),
        supplier_said=text(measure.supplier_said),
    )


def _supplier(supplier: Supplier, follow_ups: list[Measure], language: str, lines: MappedLines) -> out.Supplier:
    """One supplier, not validated again: validating each output model again took half the time of
    writing statement.json for a long list."""
    text = texts_in(language)
    ownership = supplier.ownership
    return out.Supplier.model_construct(
        id=supplier.id,
        name=supplier.name,
        supplies=supplier.supplies.in_language(language),
        significance=text(supplier.significance),
        profile=text(supplier.profile),
        headquarters=_location(supplier.headquarters, language),
        ownership=out.Ownership(
            owner=ownership.owner,
            share_percent=ownership.share_percent,
            headquarters=_location(ownership.headquarters, language) if ownership.headquarters else None,
        )
        if ownership
        else None,
        relationship_years=supplier.relationship_years,
        relationship_years_approximate=supplier.relationship_years_approximate,
        production=[_production_line(line, language, lines) for line in supplier.production],
        measure_ids=[measure.id for measure in follow_ups],
    )


def _production_line(line: ProductionLine, language: str, lines: MappedLines) -> out.ProductionLine:
    """A production line as published. Equal lines read in one file are one object (model.HeldOnce),
    mapped once per document in ``lines``: the one frozen published shape serves every supplier
    that has it."""
    mapped = lines.get(id(line))  # by identity: ``lines`` holds each line, so its id stays its own
    if mapped is not None:
        return mapped[1]
    text = texts_in(language)
    published = out.ProductionLine.model_construct(
        product_line=line.product_line.in_language(language),
        countries=[_country(code, language) for code in line.countries],
        kind=line.kind,
        note=text(line.note),
        place=text(line.place),
    )
    lines[id(line)] = (line, published)
    return published


def _country_risk(entry: CountryRisk, language: str) -> out.CountryRisk:
    return out.CountryRisk(
        country_code=entry.code,
        country_name=country_name(entry.code, language),
        risk_level=entry.risk,
        rating_source=entry.source,
        risk_areas=list(entry.areas),
    )


def _rating_source(source: RatingSource, language: str) -> out.RatingSource:
    return out.RatingSource(
        id=source.id,
        name=source.name.in_language(language),
        publisher=source.publisher,
        year=source.year,
        url=source.url,
    )


@functools.lru_cache(maxsize=1024)  # frozen, so one per country and language serves every supplier
def _country(code: str, language: str) -> out.Country:
    return out.Country(country_code=code, country_name=country_name(code, language))


@functools.lru_cache(maxsize=1024)  # frozen: thousands of suppliers have their headquarters in a few places
def _location(location: Location, language: str) -> out.Location:
    city = location.city.in_language(language) if location.city else None
    return out.Location(country_code=location.country, country_name=country_name(location.country, language), city=city)


def data_path(problem: Problem) -> str:
    """Where a problem is in the data, from its file's name: ``due_diligence.measures[2].result``."""
    file = PurePosixPath(problem.file).stem
    return f"{file}.{problem.path}" if problem.path else file


def texts_in(language: str) -> Callable[[Text | None], str | None]:
    """``text(value)``: a ``Text`` in ``language``, or None for a missing optional text."""

    def text(value: Text | None) -> str | None:
        return value.in_language(language) if value is not None else None

    return text
