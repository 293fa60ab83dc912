"""The JSON Schemas editors get for ``data/`` (``data/schemas/``): current, described, and right.

Proves: the committed schemas are what the models give now (``aapenhet schema --check``); every field
has a description and country codes are listed; each data file names its schema for the YAML
language server; the shipped files validate against them with a standard validator, as an editor's
YAML tools read them (YAML 1.2 core types); and a handful of bad files the model refuses, the schema
refuses too.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from aapenhet.cli import main
from aapenhet.model.loader import load_data_file
from aapenhet.model.models import DATA_FILES
from aapenhet.model.schemas import SCHEMA_FOLDER, data_file_schemas, schema_name, stale_schemas
from aapenhet.source.yaml_source import parse_yaml
from site_build import PROJECT, REPO

# The kept draft (its files validated) and the schemas the repository ships for editors.
DATA = PROJECT / "data"
SHIPPED_DATA = REPO / "data"
# YAML 1.2 core schema: what an editor's YAML tools read a plain scalar as (our loader types nothing).
_INT = re.compile(r"^[-+]?[0-9]+$")
_FLOAT = re.compile(r"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")


def as_yaml_12(value: object) -> object:
    if isinstance(value, dict):
        return {key: as_yaml_12(item) for key, item in value.items()}
    if isinstance(value, list):
        return [as_yaml_12(item) for item in value]
    if value in ("true", "false"):
        return value == "true"
    if isinstance(value, str) and _INT.match(value):
        return int(value)
    if isinstance(value, str) and _FLOAT.match(value):
        return float(value)
    return value


def validator(data_file: str) -> Draft202012Validator:
    schema = json.loads(data_file_schemas()[schema_name(data_file)])  # as the models give it; committed: above
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def test_the_committed_schemas_are_current(capsys: pytest.CaptureFixture[str]) -> None:
    assert stale_schemas(SHIPPED_DATA) == [], "run «aapenhet schema» and commit data/schemas/"
    assert main(["schema", str(REPO), "--check"]) == 0
    capsys.readouterr()


def test_a_changed_model_makes_the_check_fail(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "data" / SCHEMA_FOLDER).mkdir(parents=True)
    (tmp_path / "data" / SCHEMA_FOLDER / "company.schema.json").write_text("{}", encoding="utf-8")
    assert main(["schema", str(tmp_path), "--check"]) == 1
    assert "data/schemas/company.schema.json is out of date — run «aapenhet schema»" in capsys.readouterr().out


@pytest.mark.parametrize("data_file", sorted(DATA_FILES))
def test_every_field_is_described_and_each_file_names_its_schema(data_file: str) -> None:
    schema = json.loads(data_file_schemas()[schema_name(data_file)])
    undescribed = [
        f"{name}.{field}"
        for name, definition in [("(file)", schema), *schema.get("$defs", {}).items()]
        for field, spec in definition.get("properties", {}).items()
        if not spec.get("description")
    ]
    assert undescribed == []
    head = (DATA / data_file).read_text(encoding="utf-8").splitlines()[:3]
    assert f"# yaml-language-server: $schema={SCHEMA_FOLDER}/{schema_name(data_file)}" in head


@pytest.mark.parametrize("data_file", sorted(DATA_FILES))
def test_the_shipped_files_validate_against_their_schemas(data_file: str) -> None:
    data = parse_yaml((DATA / data_file).read_text(encoding="utf-8"), data_file).data
    errors = [
        f"{'.'.join(map(str, error.absolute_path))}: {error.message}"
        for error in validator(data_file).iter_errors(as_yaml_12(data))
    ]
    assert errors == []


BAD = [
    ("company.yml", "employees: 250", "employes: 250"),
    ("company.yml", "markets: [NO]", "markets: [UK]"),
    ("suppliers.yml", "kind: services", "kind: both"),
    ("countries.yml", "  - code: IN\n    risk: high", "  - code: IN\n    risk: severe"),
    ("statement.yml", "companies_covered: [Exempla AS]", "companies_covered: Exempla AS"),
    ("due_diligence.yml", "    kind: policy", "    kind: brochure"),
]


@pytest.mark.parametrize(("data_file", "old", "new"), BAD, ids=[f"{case[0]}-{case[2][:14]}" for case in BAD])
def test_what_the_model_refuses_the_schema_refuses(tmp_path: Path, data_file: str, old: str, new: str) -> None:
    text = (DATA / data_file).read_text(encoding="utf-8")
    assert old in text
    bad = tmp_path / data_file
    bad.write_text(text.replace(old, new, 1), encoding="utf-8")
    part, _, problems = load_data_file(bad, f"data/{data_file}", DATA_FILES[data_file])
    assert part is None and problems
    data = parse_yaml(bad.read_text(encoding="utf-8"), data_file).data
    assert list(validator(data_file).iter_errors(as_yaml_12(data))), f"the schema accepts {new!r}"
