"""The crosswalk places every published field: each field of ``statement.json``, at every depth, and
each column of the CSV files, against the UK registry, ESRS S2 and Forbrukertilsynet's guidance.

A field added to the document's models (``view/document.py``) or a column added to ``csv_columns.py``
turns this red until the crosswalk says where it stands; the paths are read from the models, not from
a list kept here.
"""

from __future__ import annotations

import re
import types
import typing
from collections.abc import Iterator

from pydantic import BaseModel

from aapenhet.publishing.csv_columns import MEASURES, RISKS_AND_IMPACTS, SUPPLIERS
from aapenhet.view.document import StatementDocument
from site_build import REPO

DEVELOPING = REPO / "DEVELOPING.md"
CROSSWALK_HEADING = "## Crosswalk: "


def field_paths(model: type[BaseModel], prefix: str = "") -> Iterator[str]:
    """Every field of ``model`` as written (by alias), nested ones as ``a.b``, a list's items as ``a[].b``."""
    for name, field in model.model_fields.items():
        path = prefix + (field.alias or name)
        yield path
        annotation = field.annotation
        inner: tuple[object, ...] = (annotation,)
        items = ""
        if typing.get_origin(annotation) is list:
            inner, items = typing.get_args(annotation), "[]"
        elif typing.get_origin(annotation) in (typing.Union, types.UnionType):
            inner = typing.get_args(annotation)
        for kind in inner:
            if isinstance(kind, type) and issubclass(kind, BaseModel):
                yield from field_paths(kind, f"{path}{items}.")


def crosswalk_text() -> str:
    """The crosswalk: DEVELOPING.md's section of that name, to the next section."""
    after = DEVELOPING.read_text(encoding="utf-8").split(CROSSWALK_HEADING, 1)[1]
    return after.split("\n## ", 1)[0]


def placed() -> set[str]:
    """What the crosswalk names in code spans."""
    return set(re.findall(r"`([^`]+)`", crosswalk_text()))


def test_the_paths_reach_into_every_level() -> None:
    paths = set(field_paths(StatementDocument))
    assert {"schema", "statement.signatories[].role", "due_diligence.actual_impacts.impacts[].where.tier"} <= paths
    assert "suppliers[].ownership.headquarters.city" in paths, "an optional model is entered too"


def test_every_field_of_statement_json_is_placed() -> None:
    missing = [path for path in field_paths(StatementDocument) if path not in placed()]
    assert missing == [], f"The crosswalk does not place these fields of statement.json: {missing}"


def test_every_csv_column_is_placed_with_its_field() -> None:
    text = crosswalk_text()
    paths = set(field_paths(StatementDocument))
    for table in (SUPPLIERS, RISKS_AND_IMPACTS, MEASURES):
        for column in table.names:
            row = re.search(rf"^\| `{re.escape(table.file)}` \| `{column}` \| `([^`]+)` \|$", text, re.MULTILINE)
            assert row, f"The crosswalk does not place {table.file}'s {column}"
            assert row.group(1) in paths, f"{table.file}'s {column}: «{row.group(1)}» is not a field of statement.json"


def test_no_field_is_placed_that_is_not_published() -> None:
    """A field renamed or removed leaves no stale row behind."""
    text = crosswalk_text()
    section = text.split("### Fields", 1)[1].split("#### The CSV files' columns", 1)[0]
    first_cells = [line.split(" | ", 1)[0] for line in section.splitlines() if line.startswith("| `")]
    named = {path for cell in first_cells for path in re.findall(r"`([^`]+)`", cell)}
    assert named - set(field_paths(StatementDocument)) == set()
