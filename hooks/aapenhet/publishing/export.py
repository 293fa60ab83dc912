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

import collections
import functools
import hashlib
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path

from aapenhet.publishing import csv_columns, cycle_csv, registry_summary
from aapenhet.publishing.csv_cells import csv_pieces, joined
from aapenhet.publishing.datapackage import DATAPACKAGE_FILE, FileDigest, datapackage_json
from aapenhet.publishing.json_files import json_bytes, model_json_pieces
from aapenhet.rendering.labels import Labels, load_labels
from aapenhet.view import document as out
from aapenhet.view.statement_view import StatementView

JSON_FILE = "statement.json"
SCHEMA_FILE = out.SCHEMA_URL
CSV_FILE = csv_columns.SUPPLIERS.file

FileMaker = Callable[[], Iterator[bytes]]
"""What makes a file: its bytes in pieces, made as they are written, so that a long list's files are
never held whole (``b"".join(make())`` when they must be)."""

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
    return b"".join(suppliers_csv_pieces(view, labels=labels))


def suppliers_csv_pieces(view: StatementView, *, labels: Labels | None = None) -> Iterator[bytes]:
    """``suppliers_csv`` in pieces, as it is written."""
    return csv_pieces(SUPPLIER_COLUMNS, _supplier_rows(view, labels if labels is not None else load_labels()))


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
    return b"".join(statement_json_pieces(view))


def statement_json_pieces(view: StatementView) -> Iterator[bytes]:
    """``statement.json`` as it is written: the document in pieces (json_files.model_json_pieces), then
    its final newline."""
    # Pydantic's own serialiser writes the same bytes as json.dumps(…, indent=2), four times faster,
    # and as bytes: model_dump_json's text of a long list is twice as large and made from them.
    yield from model_json_pieces(view.document)
    yield b"\n"


def machine_readable_makers(
    view: Callable[[], StatementView],
    *,
    labels: Labels | None = None,
    published_json: bytes | None = None,
    published_schema: bytes | None = None,
    digests: dict[str, FileDigest] | None = None,
) -> dict[str, FileMaker]:
    """What makes each file of ``view()``'s language, by file name: what a language's site root holds.
    Each file is made when it is written, one at a time, and ``digests`` records its size and SHA-256
    once it has been (``datapackage.json`` describes the others with them, making any not made yet).
    ``published_json``: the statement.json a kept version published, kept with it, published again as
    it was (publishing/published_record.py); ``published_schema``: the schema it was written to."""
    given = labels if labels is not None else load_labels()
    recorded = digests if digests is not None else {}
    schema = published_schema if published_schema is not None else statement_schema_bytes()
    makers: dict[str, FileMaker] = {
        JSON_FILE: _given(published_json) if published_json is not None else lambda: statement_json_pieces(view()),
        SCHEMA_FILE: _given(schema),
        CSV_FILE: lambda: suppliers_csv_pieces(view(), labels=given),
        cycle_csv.RISKS_FILE: whole(lambda: cycle_csv.risks_csv(view().document)),
        cycle_csv.MEASURES_FILE: whole(lambda: cycle_csv.measures_csv(view().document)),
        registry_summary.REGISTRY_CSV_FILE: whole(
            lambda: registry_summary.registry_summary_csv(view().document, labels=given)
        ),
        registry_summary.REGISTRY_JSON_FILE: whole(
            lambda: registry_summary.registry_summary_json(view().document, labels=given)
        ),
    }
    makers = digesting(makers, recorded)
    described = dict(makers)

    def datapackage() -> Iterator[bytes]:
        # Last: it describes the files above, each with its size and SHA-256.
        yield datapackage_json(
            view().document,
            digests_of(described, recorded),
            statement_file=JSON_FILE,
            schema_file=SCHEMA_FILE,
            registry_json_file=registry_summary.REGISTRY_JSON_FILE,
        )

    makers[DATAPACKAGE_FILE] = _digested(DATAPACKAGE_FILE, datapackage, recorded)
    return makers


def whole(make: Callable[[], bytes]) -> FileMaker:
    """A file small enough to be made whole, as a ``FileMaker``."""
    return lambda: iter((make(),))


def _given(content: bytes) -> FileMaker:
    """A file whose bytes are already made (what a kept version published)."""
    return whole(lambda: content)


def digesting(makers: Mapping[str, FileMaker], digests: dict[str, FileDigest]) -> dict[str, FileMaker]:
    """``makers``, each recording its file's size and SHA-256 in ``digests`` once all of it is made."""
    return {name: _digested(name, make, digests) for name, make in makers.items()}


def digests_of(makers: Mapping[str, FileMaker], digests: dict[str, FileDigest]) -> dict[str, FileDigest]:
    """The size and SHA-256 of each of ``makers``' files (``digesting``'s, recording in ``digests``):
    as recorded when it was written, or made now only to be described."""
    for name, make in makers.items():
        if name not in digests:
            collections.deque(make(), maxlen=0)
    return {name: digests[name] for name in makers}


def _digested(name: str, make: FileMaker, digests: dict[str, FileDigest]) -> FileMaker:
    return lambda: _digesting(make(), functools.partial(digests.__setitem__, name))


def _digesting(pieces: Iterable[bytes], found: Callable[[FileDigest], None]) -> Iterator[bytes]:
    """``pieces`` as they come, and then ``found`` with the size and SHA-256 of them all."""
    digest = hashlib.sha256()
    size = 0
    for piece in pieces:
        digest.update(piece)
        size += len(piece)
        yield piece
    found(FileDigest(size, digest.hexdigest()))


def machine_readable_files(
    view: StatementView,
    *,
    labels: Labels | None = None,
    published_json: bytes | None = None,
    published_schema: bytes | None = None,
) -> dict[str, bytes]:
    """``machine_readable_makers``' files, each made whole."""
    makers = machine_readable_makers(
        lambda: view, labels=labels, published_json=published_json, published_schema=published_schema
    )
    return {name: b"".join(make()) for name, make in makers.items()}


def write_machine_readable(directory: Path, view: StatementView, *, labels: Labels | None = None) -> list[Path]:
    """Write the machine-readable files (``machine_readable_files``) of ``view``'s language into ``directory``.

    ``directory`` is the root of that language's site (``site/`` for nb, ``site/en/`` for en); it is
    created when missing. Returns the paths written, in that order.
    """
    directory.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, make in machine_readable_makers(lambda: view, labels=labels).items():
        path = directory / name
        with path.open("wb") as file:
            file.writelines(make())
        paths.append(path)
    return paths


@functools.cache
def statement_schema_bytes() -> bytes:
    """The same for every language and every build of this package."""
    return json_bytes(statement_schema())
