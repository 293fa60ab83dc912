"""The machine-readable statement, one per language, for NGOs and researchers.

Three files, written beside the statement page of each language (``site/`` and ``site/en/``):

- ``statement.json``: the whole validated statement in one language (``statement_document``), built
  through the output models in ``export_models.py``;
- ``statement.schema.json``: its JSON Schema (draft 2020-12), generated from those same models;
- ``suppliers.csv``: one row per supplier and production country, with the country's risk rating
  (``suppliers_csv``; the columns are ``SUPPLIER_COLUMNS``);
- ``risks_and_impacts.csv`` and ``measures.csv``: the due-diligence cycle (``cycle_csv.py``).

Everything here is a plain function of the validated data; nothing imports MkDocs. The words for
risk areas in the CSV are the site's own (``rendering/templates/labels.yml``), so the CSV and the
pages never name an area differently: the MkDocs hook passes the ``labels`` it loaded in
``on_config``; without them the package's own are read.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable, Sequence
from pathlib import Path, PurePosixPath

from aapenhet.languages import check_language
from aapenhet.model.completeness import missing_for_publication
from aapenhet.model.countries import country_name
from aapenhet.model.facts import measures_by_finding, measures_by_supplier
from aapenhet.model.models import (
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
from aapenhet.publishing import cycle_csv
from aapenhet.publishing import export_models as out
from aapenhet.publishing.csv_cells import csv_text, joined
from aapenhet.rendering.labels import Labels, load_labels
from aapenhet.source.problems import Problem

JSON_FILE = "statement.json"
SCHEMA_FILE = out.SCHEMA_URL
CSV_FILE = "suppliers.csv"


SUPPLIER_COLUMNS = (
    "supplier_id",
    "supplier_name",
    "supplies",
    "headquarters_country_code",
    "headquarters_country_name",
    "owner",
    "owner_share_percent",
    "product_lines",
    "supply_kind",
    "production_notes",
    "production_places",
    "country_code",
    "country_name",
    "risk_level",
    "risk_areas",
    "risk_area_codes",
    "rating_source",
    "rating_source_publisher",
    "rating_source_year",
    "rating_source_url",
    "follow_up_kinds",
)
"""The columns of ``suppliers.csv``, in order; README.md says what each holds."""


# --- statement.json ----------------------------------------------------------------------------


def statement_document(data: StatementData, language: str) -> dict[str, object]:
    """The whole statement in ``language`` as JSON-ready data (what ``statement.json`` holds)."""
    return statement_model(data, language).model_dump(mode="json", by_alias=True)


def data_path(problem: Problem) -> str:
    """Where a problem is in the data, from its file's name: ``due_diligence.measures[2].result``."""
    file = PurePosixPath(problem.file).stem
    return f"{file}.{problem.path}" if problem.path else file


def statement_schema() -> dict[str, object]:
    """The JSON Schema (draft 2020-12) of ``statement_document``; the same for every language."""
    return out.statement_json_schema()


def statement_model(
    data: StatementData, language: str, *, carried_over: Sequence[Problem] = ()
) -> out.StatementDocument:
    """The statement in ``language`` as the validated output model; ``carried_over``: the facts still
    as the period before's (``Version.carried_over``), which keep it a draft."""
    _check_language(language)
    text = texts_in(language)
    missing = missing_for_publication(data)
    company, statement, dd = data.company, data.statement, data.due_diligence
    follow_ups, measures_for = measures_by_supplier(data), measures_by_finding(data)
    return out.StatementDocument(
        schema=out.SCHEMA_URL,
        language=language,
        authoritative_language="nb",
        status="draft" if missing or carried_over else "final",
        missing=[item.value for item in missing],
        carried_over=[data_path(problem) for problem in carried_over],
        company=out.Company(
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
        ),
        statement=out.Statement(
            reporting_period=out.ReportingPeriod(
                start=statement.reporting_period.start, end=statement.reporting_period.end
            ),
            companies_covered=list(statement.companies_covered),
            approved_on=statement.approved_on,
            published_on=statement.published_on,
            signatories=[out.Signatory(name=s.name, role=s.role) for s in statement.signatories],
            contact=out.Contact(email=statement.contact.email, postal_address=list(statement.contact.postal_address)),
            revisions=[out.Revision(date=r.date, summary=text(r.summary)) for r in statement.revisions],
        ),
        suppliers=[
            _supplier(supplier, follow_ups.get(supplier.id, []), language) for supplier in data.suppliers.suppliers
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


def _supplier(supplier: Supplier, follow_ups: list[Measure], language: str) -> out.Supplier:
    """One supplier, built without validating again what the input models validated: a long list
    has thousands, and validating each output model again took half the time of writing the file.
    (Tests validate the written statement.json against its published schema, long lists included.)"""
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
        production=[
            out.ProductionLine.model_construct(
                product_line=line.product_line.in_language(language),
                countries=[_country(code, language) for code in line.countries],
                kind=line.kind,
                note=text(line.note),
                place=text(line.place),
            )
            for line in supplier.production
        ],
        measure_ids=[measure.id for measure in follow_ups],
    )


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


def _location(location: Location, language: str) -> out.Location:
    city = location.city.in_language(language) if location.city else None
    return out.Location(country_code=location.country, country_name=country_name(location.country, language), city=city)


# --- suppliers.csv -----------------------------------------------------------------------------


def suppliers_csv(data: StatementData, language: str, *, labels: Labels | None = None) -> str:
    """One row per supplier and production country (RFC 4180, ``\\r\\n``), headed by ``SUPPLIER_COLUMNS``.

    A country a supplier makes several product lines in is one row, with the lines joined by
    ``LIST_SEPARATOR``. ``labels`` gives the risk areas' names; by default the site's labels.yml.
    """
    _check_language(language)
    if labels is None:
        labels = load_labels()
    ratings = {entry.code: entry for entry in data.countries.countries}
    sources = {source.id: source for source in data.countries.sources}
    rows = []
    follow_ups = measures_by_supplier(data)
    for supplier in data.suppliers.suppliers:
        supplier_cells = _supplier_cells(supplier, follow_ups.get(supplier.id, []), language)
        for code, lines in _lines_by_country(supplier).items():
            rating = ratings[code]  # crosscheck: every production country has an entry
            source = sources.get(rating.source) if rating.source else None
            rows.append(
                {
                    **supplier_cells,
                    "product_lines": joined(line.product_line.in_language(language) for line in lines),
                    "supply_kind": joined(dict.fromkeys(line.kind.value for line in lines)),
                    "production_notes": joined(line.note.in_language(language) for line in lines if line.note),
                    "production_places": joined(
                        dict.fromkeys(line.place.in_language(language) for line in lines if line.place)
                    ),
                    "country_code": code,
                    "country_name": country_name(code, language),
                    "risk_level": rating.risk.value if rating.risk else "",
                    "risk_areas": joined(labels.get(f"area.{area.value}", language) for area in rating.areas),
                    "risk_area_codes": joined(area.value for area in rating.areas),
                    "rating_source": source.name.in_language(language) if source else "",
                    "rating_source_publisher": source.publisher if source else "",
                    "rating_source_year": source.year if source and source.year is not None else "",
                    "rating_source_url": str(source.url) if source and source.url else "",
                }
            )
    return csv_text(SUPPLIER_COLUMNS, rows)


def _supplier_cells(supplier: Supplier, follow_ups: list[Measure], language: str) -> dict[str, object]:
    """The cells that are the same on every row of one supplier (``follow_ups``: its measures)."""
    ownership = supplier.ownership
    return {
        "supplier_id": supplier.id,
        "supplier_name": supplier.name,
        "supplies": supplier.supplies.in_language(language),
        "headquarters_country_code": supplier.headquarters.country,
        "headquarters_country_name": country_name(supplier.headquarters.country, language),
        "owner": ownership.owner if ownership else "",
        # 100.0 → "100", 50.5 → "50.5": a plain number, not the float's repr.
        "owner_share_percent": f"{ownership.share_percent:g}" if ownership else "",
        "follow_up_kinds": joined(dict.fromkeys(measure.kind.value for measure in follow_ups)),
    }


def _lines_by_country(supplier: Supplier) -> dict[str, list[ProductionLine]]:
    """Production countries in the order the supplier's lines first name them, each with its lines."""
    countries: dict[str, list[ProductionLine]] = {}
    for line in supplier.production:
        for code in dict.fromkeys(line.countries):
            countries.setdefault(code, []).append(line)
    return countries


# --- writing the files -------------------------------------------------------------------------


# The names of those files, known without data (a preview with wrong data still links to them).
MACHINE_READABLE_NAMES = (JSON_FILE, SCHEMA_FILE, CSV_FILE, cycle_csv.RISKS_FILE, cycle_csv.MEASURES_FILE)


def machine_readable_files(
    data: StatementData, language: str, *, labels: Labels | None = None, carried_over: Sequence[Problem] = ()
) -> dict[str, str]:
    """The files for ``language``, by file name: what a language's site root holds."""
    document = statement_model(data, language, carried_over=carried_over)
    return {
        # Pydantic's own serialiser writes the same bytes as json.dumps(…, indent=2), four times faster.
        JSON_FILE: document.model_dump_json(by_alias=True, indent=2) + "\n",
        SCHEMA_FILE: _schema_text(),
        CSV_FILE: suppliers_csv(data, language, labels=labels),
        cycle_csv.RISKS_FILE: cycle_csv.risks_csv(document),
        cycle_csv.MEASURES_FILE: cycle_csv.measures_csv(document),
    }


def write_machine_readable(
    directory: Path, data: StatementData, language: str, *, labels: Labels | None = None
) -> list[Path]:
    """Write the machine-readable files (``machine_readable_files``) for ``language`` into ``directory``.

    ``directory`` is the root of that language's site (``site/`` for nb, ``site/en/`` for en); it is
    created when missing. Returns the paths written, in that order.
    """
    directory.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, content in machine_readable_files(data, language, labels=labels).items():
        path = directory / name
        # newline="": the CSV's \r\n and any newline inside a text are written exactly as they are.
        path.write_text(content, encoding="utf-8", newline="")
        paths.append(path)
    return paths


def json_text(value: object) -> str:
    """A JSON file as every file of the statement is written: UTF-8 text, indented, a final newline."""
    return json.dumps(value, ensure_ascii=False, indent=2) + "\n"


@functools.cache
def _schema_text() -> str:
    """The same for every language and every build of this package."""
    return json_text(statement_schema())


# --- helpers -----------------------------------------------------------------------------------


def _check_language(language: str) -> None:
    check_language(language)


def texts_in(language: str) -> Callable[[Text | None], str | None]:
    """``text(value)``: a ``Text`` in ``language``, or None for a missing optional text."""

    def text(value: Text | None) -> str | None:
        return value.in_language(language) if value is not None else None

    return text
