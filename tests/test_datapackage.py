"""``datapackage.json``: each version's machine-readable files described as a Frictionless Data Package.

They prove, with the ``frictionless`` library as a reader would run it (``frictionless.validate``):
the package written beside the files is valid and every row of every CSV file is checked against its
Table Schema, for the draft, 300 generated suppliers and texts with quotes, line breaks and a leading
«=» (a code outside its closed set, or a file changed after it was written, is reported); it
says the files' language and which columns are text in it, the company that publishes it and nothing
the data does not say (no title, no licence); ``statement.json`` points at its JSON Schema, which it
passes; the same data gives the same bytes. In the shared builds: the draft's package in both
languages, and, with earlier versions (``history_site``), the current statement's at each language's
root and every published version's at its permanent address, each listed in that address's
``SHA256SUMS``.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import frictionless
import pytest
from jsonschema import Draft202012Validator

from aapenhet.bench.generate import write_data_folder
from aapenhet.model.loader import load_statement_data
from aapenhet.model.models import StatementData, Suppliers, Text
from aapenhet.publishing.csv_columns import TABLES
from aapenhet.publishing.datapackage import DATAPACKAGE_FILE, package_name
from aapenhet.publishing.export import JSON_FILE, SCHEMA_FILE, machine_readable_files, write_machine_readable
from aapenhet.publishing.registry_summary import REGISTRY_CSV_FILE, REGISTRY_JSON_FILE
from aapenhet.view.statement_view import statement_view
from site_build import PROJECT, BuiltSite

# frictionless finds its plugins once, by listing every folder on the import path, the project's own
# among them when pytest runs as «python -m pytest» (data/ and docs/ too): done here, at collection,
# before the guard that keeps tests off Exso's statement watches what each test reads.
frictionless.system.plugins  # noqa: B018

LANGUAGES = ("nb", "en")
PREFIXES = {"nb": "", "en": "en/"}


@pytest.fixture(scope="module")
def draft() -> StatementData:
    return load_statement_data(PROJECT / "data")


def csv_rows(path: Path) -> int:
    """The data rows of a CSV file, as RFC 4180 reads them (a quoted line break stays in its row)."""
    with path.open(encoding="utf-8", newline="") as file:
        return sum(1 for _ in csv.reader(file)) - 1


def problems_of(report: frictionless.Report) -> list[tuple[str, str, str]]:
    """What a validation reported wrong: (resource, error type, note)."""
    problems = [("", error.type, error.note) for error in report.errors]
    problems += [(task.name, error.type, error.note) for task in report.tasks for error in task.errors]
    assert report.valid == (not problems)
    return problems


def assert_valid_package(folder: Path, language: str) -> None:
    """``folder``'s datapackage.json is valid, every resource was read, and every CSV row was checked."""
    package = folder / DATAPACKAGE_FILE
    assert package.is_file(), f"{package} was not written"
    report = frictionless.validate(str(package))
    assert problems_of(report) == [], package
    checked = {task.name: task.stats.get("rows") for task in report.tasks}
    expected = {table.file.removesuffix(".csv"): csv_rows(folder / table.file) for table in TABLES}
    assert checked == {"statement": None, **expected, "registry_summary_json": None}, package
    descriptor = json.loads(package.read_text(encoding="utf-8"))
    assert descriptor["languages"] == [language]


# --- in-process --------------------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_written_package_is_valid_row_by_row(draft: StatementData, tmp_path: Path, language: str) -> None:
    write_machine_readable(tmp_path, statement_view(draft, language))
    assert_valid_package(tmp_path, language)


def test_a_long_generated_list_is_valid_row_by_row(tmp_path: Path) -> None:
    """Generated suppliers (aapenhet bench generate): many countries, ratings, follow-ups and names."""
    write_data_folder(PROJECT / "data", tmp_path / "data", suppliers=300)
    data = load_statement_data(tmp_path / "data")
    for language in LANGUAGES:
        write_machine_readable(tmp_path / language, statement_view(data, language))
        assert_valid_package(tmp_path / language, language)


def test_quotes_line_breaks_and_formula_guards_stay_valid(draft: StatementData, tmp_path: Path) -> None:
    """A name and a product line with a comma, quotes, a line break, the list separator and a leading
    «=» (written with a guarding «'»): one row each, valid."""
    tricky = '=Acme, "the best"\nsecond line; still one value'
    first, *rest = draft.suppliers.suppliers
    line, *other_lines = first.production
    line = line.model_copy(update={"product_line": Text(nb=tricky, en=tricky)})
    first = first.model_copy(update={"name": tricky, "production": [line, *other_lines]})
    data = draft.model_copy(update={"suppliers": Suppliers(suppliers=[first, *rest])})
    for language in LANGUAGES:
        write_machine_readable(tmp_path / language, statement_view(data, language))
        assert_valid_package(tmp_path / language, language)


def test_a_code_outside_its_set_or_a_changed_file_is_reported(draft: StatementData, tmp_path: Path) -> None:
    """The validation reads the rows: it is not a check of the descriptor alone."""
    write_machine_readable(tmp_path, statement_view(draft, "en"))
    measures = tmp_path / "measures.csv"
    measures.write_bytes(measures.read_bytes().replace(b",done,", b",finished,", 1))
    problems = problems_of(frictionless.validate(str(tmp_path / DATAPACKAGE_FILE)))
    assert {(resource, kind) for resource, kind, _ in problems} == {
        ("measures", "constraint-error"),
        ("measures", "hash-count"),
        ("measures", "byte-count"),
    }


@pytest.mark.parametrize("language", LANGUAGES)
def test_it_describes_every_column_and_says_only_what_the_data_says(draft: StatementData, language: str) -> None:
    files = machine_readable_files(statement_view(draft, language))
    package = json.loads(files[DATAPACKAGE_FILE])
    assert package["name"] == f"exempla-as-apenhetsloven-{language}"
    assert package["contributors"] == [{"title": "Exempla AS", "role": "publisher"}]
    assert "title" not in package and "licenses" not in package and "created" not in package
    resources = {resource["path"]: resource for resource in package["resources"]}
    assert list(resources) == [JSON_FILE, *(table.file for table in TABLES), REGISTRY_JSON_FILE]
    for table in TABLES:
        fields = resources[table.file]["schema"]["fields"]
        assert [field["name"] for field in fields] == list(table.names)
        for field, column in zip(fields, table.columns, strict=True):
            assert field["type"] == column.type and field["description"] == column.documentation
            assert field["language"] == (language if column.in_language else None), column.name
    suppliers = {field["name"]: field for field in resources["suppliers.csv"]["schema"]["fields"]}
    assert suppliers["risk_level"]["constraints"] == {"enum": ["high", "elevated", "low"]}
    assert suppliers["country_code"]["constraints"] == {"pattern": "[A-Z]{2}"}
    assert suppliers["supply_kind"]["constraints"] == {"pattern": "(goods|services)(; (goods|services))*"}
    assert suppliers["rating_source_year"]["type"] == "year"
    assert suppliers["owner_share_percent"]["type"] == "number"
    assert suppliers["country_name"]["language"] == language and suppliers["country_code"]["language"] is None
    registry = {field["name"]: field for field in resources[REGISTRY_CSV_FILE]["schema"]["fields"]}
    assert "primaryKey" not in resources[REGISTRY_CSV_FILE]["schema"], "one row, and the registry has no key"
    assert (registry["NoRisks"]["trueValues"], registry["NoRisks"]["falseValues"]) == (["Yes"], ["No"])
    assert registry["Risk1Area"]["constraints"] == {"enum": ["Within your own operations", "Within your supply chains"]}


def test_statement_json_points_at_its_schema_and_passes_it(draft: StatementData) -> None:
    files = machine_readable_files(statement_view(draft, "nb"))
    [statement] = [
        resource for resource in json.loads(files[DATAPACKAGE_FILE])["resources"] if resource["path"] == JSON_FILE
    ]
    assert statement["jsonSchema"] == SCHEMA_FILE and statement["mediatype"] == "application/json"
    schema = json.loads(files[statement["jsonSchema"]])
    assert list(Draft202012Validator(schema).iter_errors(json.loads(files[JSON_FILE]))) == []


def test_the_same_data_gives_the_same_bytes(draft: StatementData) -> None:
    first = machine_readable_files(statement_view(draft, "en"))[DATAPACKAGE_FILE]
    again = machine_readable_files(statement_view(load_statement_data(PROJECT / "data"), "en"))[DATAPACKAGE_FILE]
    assert first == again and first.endswith(b"}\n")


def test_the_package_name_is_plain_ascii_and_keeps_the_company() -> None:
    assert package_name("Exso AS", "nb") == "exso-as-apenhetsloven-nb"
    assert package_name("Bærum Ørsta Åsane A/S", "en") == "baerum-orsta-asane-a-s-apenhetsloven-en"
    assert package_name("株式会社", "nb") == "apenhetsloven-nb"


# --- the shared builds -------------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_drafts_package_is_valid_in_each_language(built_site: BuiltSite, language: str) -> None:
    assert_valid_package(built_site.root / PREFIXES[language], language)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_published_versions_package_is_valid_and_recorded(history_site: BuiltSite, language: str) -> None:
    """The current statement at the language's root and at its permanent address (2025/), and the kept
    versions at theirs."""
    root = history_site.root / PREFIXES[language]
    assert_valid_package(root, language)
    for address in ("2024", "2024/2025-09-15", "2025"):
        assert_valid_package(root / address, language)
        listed = (root / address / "SHA256SUMS").read_text(encoding="utf-8")
        assert f"  {DATAPACKAGE_FILE}\n" in listed, address
    assert (root / DATAPACKAGE_FILE).read_bytes() == (root / "2025" / DATAPACKAGE_FILE).read_bytes()
