"""The machine-readable statement, one per language, for NGOs and researchers.

The files written beside the statement page of each language (``site/`` and ``site/en/``), each from
that language's ``StatementView`` (``view/statement_view.py``), the same object its pages read:

- ``statement.json``: the view's document, the whole validated statement in one language;
- ``statement.schema.json``: its JSON Schema (draft 2020-12), generated from the document's models
  (``view/document.py``);
- ``suppliers.csv``: one row per supplier and production country, with the country's risk rating
  (``suppliers_csv``; the columns are ``SUPPLIER_COLUMNS``);
- ``risks_and_impacts.csv`` and ``measures.csv``: the due-diligence cycle (``cycle_csv.py``);
- ``registry_summary.csv`` and ``registry_summary.json``: the statement in the UK Modern Slavery
  Statement Registry's shape (``registry_summary.py``);
- ``datapackage.json``: those files described as a Frictionless Data Package (``datapackage.py``),
  every CSV column from its one definition in ``csv_columns.py``.

Nothing here imports MkDocs. The words for risk areas in the CSV are the site's own
(``rendering/templates/labels.yml``), so the CSV and the pages never name an area differently: the
build passes the ``labels`` it loaded; without them the package's own are read.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from pathlib import Path

from aapenhet.publishing import csv_columns, cycle_csv, registry_summary
from aapenhet.publishing.csv_cells import csv_bytes, joined
from aapenhet.publishing.datapackage import DATAPACKAGE_FILE, datapackage_json
from aapenhet.publishing.json_files import json_bytes
from aapenhet.rendering.labels import Labels, load_labels
from aapenhet.view import document as out
from aapenhet.view.statement_view import StatementView

JSON_FILE = "statement.json"
SCHEMA_FILE = out.SCHEMA_URL
CSV_FILE = csv_columns.SUPPLIERS.file

SUPPLIER_COLUMNS = csv_columns.SUPPLIERS.names
"""The columns of ``suppliers.csv``, in order, as ``csv_columns.SUPPLIERS`` defines and describes them."""


# --- statement.json ----------------------------------------------------------------------------


def statement_schema() -> dict[str, object]:
    """The JSON Schema (draft 2020-12) of ``statement.json``; the same for every language."""
    return out.statement_json_schema()


# --- suppliers.csv -----------------------------------------------------------------------------


def suppliers_csv(view: StatementView, *, labels: Labels | None = None) -> bytes:
    """One row per supplier and production country (RFC 4180, ``\\r\\n``), headed by ``SUPPLIER_COLUMNS``.

    A country a supplier makes several product lines in is one row, with the lines joined by
    ``LIST_SEPARATOR``. ``labels`` gives the risk areas' names; by default the site's labels.yml.
    """
    return csv_bytes(SUPPLIER_COLUMNS, _supplier_rows(view, labels if labels is not None else load_labels()))


def _supplier_rows(view: StatementView, labels: Labels) -> Iterator[dict[str, object]]:
    """``suppliers.csv``'s rows, one at a time (a long list's would be megabytes held at once)."""
    language = view.language
    for supplier in view.document.suppliers:
        supplier_cells = _supplier_cells(supplier, view.measures_of(supplier))
        for code, lines in _lines_by_country(supplier).items():
            rating = view.countries[code]  # crosscheck: every production country has an entry
            source = view.rating_sources.get(rating.rating_source) if rating.rating_source else None
            yield {
                **supplier_cells,
                "product_lines": joined(line.product_line for line in lines),
                "supply_kind": joined(dict.fromkeys(line.kind.value for line in lines)),
                "production_notes": joined(line.note for line in lines if line.note),
                "production_places": joined(dict.fromkeys(line.place for line in lines if line.place)),
                "country_code": code,
                "country_name": rating.country_name,
                "risk_level": rating.risk_level.value if rating.risk_level else "",
                "risk_areas": joined(labels.get(f"area.{area.value}", language) for area in rating.risk_areas),
                "risk_area_codes": joined(area.value for area in rating.risk_areas),
                "rating_source": source.name if source else "",
                "rating_source_publisher": source.publisher if source else "",
                "rating_source_year": source.year if source and source.year is not None else "",
                "rating_source_url": str(source.url) if source and source.url else "",
            }


def _supplier_cells(supplier: out.Supplier, follow_ups: list[out.Measure]) -> dict[str, object]:
    """The cells that are the same on every row of one supplier (``follow_ups``: its measures)."""
    ownership = supplier.ownership
    return {
        "supplier_id": supplier.id,
        "supplier_name": supplier.name,
        "supplies": supplier.supplies,
        "headquarters_country_code": supplier.headquarters.country_code,
        "headquarters_country_name": supplier.headquarters.country_name,
        "owner": ownership.owner if ownership else "",
        # 100.0 → "100", 50.5 → "50.5": a plain number, not the float's repr.
        "owner_share_percent": f"{ownership.share_percent:g}" if ownership else "",
        "follow_up_kinds": joined(dict.fromkeys(measure.kind.value for measure in follow_ups)),
    }


def _lines_by_country(supplier: out.Supplier) -> dict[str, list[out.ProductionLine]]:
    """Production countries in the order the supplier's lines first name them, each with its lines."""
    countries: dict[str, list[out.ProductionLine]] = {}
    for line in supplier.production:
        for code in dict.fromkeys(country.country_code for country in line.countries):
            countries.setdefault(code, []).append(line)
    return countries


# --- writing the files -------------------------------------------------------------------------


# The names of those files, known without data (a preview with wrong data still links to them).
MACHINE_READABLE_NAMES = (
    JSON_FILE,
    SCHEMA_FILE,
    CSV_FILE,
    cycle_csv.RISKS_FILE,
    cycle_csv.MEASURES_FILE,
    registry_summary.REGISTRY_CSV_FILE,
    registry_summary.REGISTRY_JSON_FILE,
    DATAPACKAGE_FILE,
)


def statement_json(view: StatementView) -> bytes:
    """``statement.json``: the view's document."""
    document = view.document
    # Pydantic's own serialiser writes the same bytes as json.dumps(…, indent=2), four times faster,
    # and as bytes: model_dump_json's text of a long list is twice as large and made from them.
    return document.__pydantic_serializer__.to_json(document, by_alias=True, indent=2) + b"\n"


def machine_readable_files(
    view: StatementView,
    *,
    labels: Labels | None = None,
    published_json: bytes | None = None,
    published_schema: bytes | None = None,
) -> dict[str, bytes]:
    """The files of ``view``'s language, by file name: what a language's site root holds.
    ``published_json``: the statement.json a kept version published, kept with it, published again as
    it was (publishing/published_record.py); ``published_schema``: the schema it was written to."""
    document = view.document
    if labels is None:
        labels = load_labels()
    files = {
        JSON_FILE: published_json if published_json is not None else statement_json(view),
        SCHEMA_FILE: published_schema if published_schema is not None else statement_schema_bytes(),
        CSV_FILE: suppliers_csv(view, labels=labels),
        cycle_csv.RISKS_FILE: cycle_csv.risks_csv(document),
        cycle_csv.MEASURES_FILE: cycle_csv.measures_csv(document),
        registry_summary.REGISTRY_CSV_FILE: registry_summary.registry_summary_csv(document, labels=labels),
        registry_summary.REGISTRY_JSON_FILE: registry_summary.registry_summary_json(document, labels=labels),
    }
    # Last: it describes the files above, each with its size and SHA-256.
    files[DATAPACKAGE_FILE] = datapackage_json(
        document,
        files,
        statement_file=JSON_FILE,
        schema_file=SCHEMA_FILE,
        registry_json_file=registry_summary.REGISTRY_JSON_FILE,
    )
    return files


def write_machine_readable(directory: Path, view: StatementView, *, labels: Labels | None = None) -> list[Path]:
    """Write the machine-readable files (``machine_readable_files``) of ``view``'s language into ``directory``.

    ``directory`` is the root of that language's site (``site/`` for nb, ``site/en/`` for en); it is
    created when missing. Returns the paths written, in that order.
    """
    directory.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, content in machine_readable_files(view, labels=labels).items():
        path = directory / name
        path.write_bytes(content)
        paths.append(path)
    return paths


@functools.cache
def statement_schema_bytes() -> bytes:
    """The same for every language and every build of this package."""
    return json_bytes(statement_schema())
