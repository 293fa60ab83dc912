"""``datapackage.json``: one version's machine-readable files in one language, described for tools.

A Frictionless Data Package (https://specs.frictionlessdata.io/data-package/, v1; Data Package v2
readers read v1 descriptors too) beside ``statement.json`` and the CSV files, wherever they are
written: each language's site root and each published version's permanent address. It names each
file with its size and SHA-256, and describes

- each CSV file as a tabular resource with a Table Schema: every column's name, type, description
  and constraints (a closed set's codes, a country code's pattern), from ``csv_columns.py``, where the
  CSV writers take their header, and ``language``: the file's language for a column of text in it,
  ``null`` for one that is the same in every language (codes, identifiers, names, numbers, dates);
- ``statement.json`` as a JSON resource whose ``jsonSchema`` is ``statement.schema.json``;
- ``registry_summary.json``, the same row as ``registry_summary.csv`` in the registry's JSON, as a JSON
  resource described by its CSV twin's Table Schema.

Only what the data says: the package's language and the company that publishes it. No title and no
licence, for the data gives neither; no date of making, so identical builds write identical bytes.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass

from aapenhet.publishing.csv_cells import LIST_SEPARATOR
from aapenhet.publishing.csv_columns import NO, TABLES, YES, Column, Table
from aapenhet.publishing.json_files import json_bytes
from aapenhet.view import document as out

DATAPACKAGE_FILE = "datapackage.json"


@dataclass(frozen=True)
class FileDigest:
    """A file as a package describes it: its size in bytes and its SHA-256 (hex)."""

    size: int
    sha256: str


# The CSV files as csv_cells.csv_bytes writes them (RFC 4180, Python's excel dialect), said in full.
CSV_DIALECT = {"delimiter": ",", "lineTerminator": "\r\n", "quoteChar": '"', "doubleQuote": True, "header": True}

STATEMENT_DESCRIPTION = (
    "The whole statement in the package's language, as one JSON document; its JSON Schema (draft 2020-12)"
    " is `jsonSchema`."
)
REGISTRY_JSON_DESCRIPTION = (
    "The same summary as `registry_summary.csv`, as the registry's JSON: a list of one object whose keys are"
    " that file's columns, in order; true/false for Yes/No, the year a number, ISO 8601 dates, null for empty."
)
TABLE_CONVENTIONS = (
    " Lists inside one cell are separated by `; ` (each such column's `delimiter`); an empty cell means the"
    " statement gives nothing."
)


def datapackage_json(
    document: out.StatementDocument,
    digests: Mapping[str, FileDigest],
    *,
    statement_file: str,
    schema_file: str,
    registry_json_file: str,
) -> bytes:
    """The ``datapackage.json`` of the files of ``document``'s language, each by its name's ``digests``."""
    language = document.language
    package: dict[str, object] = {
        "profile": "data-package",
        "name": package_name(document.company.name, language),
        # Data Package v2's recipe for languages: the language of every text in the data.
        "languages": [language],
        "contributors": [{"title": document.company.name, "role": "publisher"}],
        "resources": [
            {
                "name": statement_file.removesuffix(".json"),
                "path": statement_file,
                "description": STATEMENT_DESCRIPTION,
                "format": "json",
                "mediatype": "application/json",
                "encoding": "utf-8",
                **_size_and_hash(digests[statement_file]),
                # Not "schema", which Data Package v1 and the frictionless library read as a Table Schema.
                "jsonSchema": schema_file,
            },
            *(_table_resource(table, digests[table.file], language) for table in TABLES),
            {
                "name": registry_json_file.replace(".", "_"),
                "path": registry_json_file,
                "description": REGISTRY_JSON_DESCRIPTION,
                "format": "json",
                "mediatype": "application/json",
                "encoding": "utf-8",
                **_size_and_hash(digests[registry_json_file]),
            },
        ],
    }
    return json_bytes(package)


def package_name(company: str, language: str) -> str:
    """A name that stays the same from version to version: the company's name in lower-case ASCII
    letters, digits and hyphens (``exso-as``), ``apenhetsloven`` and the language."""
    folded = unicodedata.normalize("NFKD", company.lower().replace("æ", "ae").replace("ø", "o"))
    slug = re.sub(r"[^a-z0-9]+", "-", folded.encode("ascii", "ignore").decode("ascii")).strip("-")
    return "-".join(part for part in (slug, "apenhetsloven", language) if part)


def _table_resource(table: Table, digest: FileDigest, language: str) -> dict[str, object]:
    return {
        "name": table.file.removesuffix(".csv"),
        "path": table.file,
        "profile": "tabular-data-resource",
        "description": table.description + TABLE_CONVENTIONS,
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        **_size_and_hash(digest),
        "dialect": CSV_DIALECT,
        "schema": {
            "fields": [_field(column, language) for column in table.columns],
            # The registry's one row has no key of its own: no primaryKey rather than an empty one.
            **({"primaryKey": list(table.primary_key)} if table.primary_key else {}),
            "missingValues": [""],
        },
    }


def _field(column: Column, language: str) -> dict[str, object]:
    """The column's Table Schema field descriptor."""
    field: dict[str, object] = {
        "name": column.name,
        "type": column.type,
        "description": column.documentation,
        "language": language if column.in_language else None,
    }
    if column.type == "boolean":
        field |= {"trueValues": [YES], "falseValues": [NO]}
    if column.format != "default":
        field["format"] = column.format
    if column.is_list:
        field["delimiter"] = LIST_SEPARATOR
    constraints: dict[str, object] = {}
    # A closed set and a pattern as XML Schema's regular expressions, as Table Schema reads them
    # (implicitly anchored; plain groups, which Python's re reads the same).
    item = "(" + "|".join(column.codes) + ")" if column.codes else column.pattern
    if column.codes and not column.is_list:
        constraints["enum"] = list(column.codes)
    elif item is not None:
        constraints["pattern"] = f"{item}({LIST_SEPARATOR}{item})*" if column.is_list else item
    if constraints:
        field["constraints"] = constraints
    return field


def _size_and_hash(digest: FileDigest) -> dict[str, object]:
    return {"bytes": digest.size, "hash": "sha256:" + digest.sha256}
