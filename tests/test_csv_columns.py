"""The CSV files' columns, each defined once (``publishing/csv_columns.py``), in-process.

They prove: each CSV file's header is its definitions' names, in order, and no writer fills a cell
its file has no column for (in both languages, for the draft and the complete statement); a column
marked as the same in every language is the same in the nb and the en file, row by row; every
description names its codes where it has them; and DEVELOPING.md's table of each file's columns is,
row for row, the definitions' own documentation.
"""

from __future__ import annotations

import csv
import io
import re
import shutil
from collections.abc import Iterable, Iterator, Mapping

import pytest

from aapenhet.model.loader import load_statement_data
from aapenhet.model.models import StatementData
from aapenhet.publishing import csv_cells, export
from aapenhet.publishing.csv_columns import TABLES, Table
from aapenhet.view.statement_view import statement_view
from site_build import PROJECT, REPO, fill_data

LANGUAGES = ("nb", "en")


@pytest.fixture(scope="module")
def statements(tmp_path_factory: pytest.TempPathFactory) -> dict[str, StatementData]:
    """The draft and the complete test statement (tests/statements/)."""
    data_dir = shutil.copytree(PROJECT / "data", tmp_path_factory.mktemp("complete") / "data")
    fill_data(data_dir)
    return {"draft": load_statement_data(PROJECT / "data"), "complete": load_statement_data(data_dir)}


def csv_files(data: StatementData, language: str) -> dict[str, str]:
    """The language's files as text (each is written as UTF-8)."""
    return {
        name: content.decode("utf-8")
        for name, content in export.machine_readable_files(statement_view(data, language)).items()
    }


def rows_of(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text, newline="")))


@pytest.mark.parametrize("statement", ["draft", "complete"])
@pytest.mark.parametrize("language", LANGUAGES)
def test_each_csv_header_is_its_definitions_names(
    statements: dict[str, StatementData], statement: str, language: str
) -> None:
    files = csv_files(statements[statement], language)
    for table in TABLES:
        header = next(csv.reader(io.StringIO(files[table.file], newline="")))
        assert tuple(header) == table.names, table.file


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_writer_fills_a_cell_its_file_has_no_column_for(
    statements: dict[str, StatementData], language: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """csv_pieces writes only the columns it is given: a cell under any other name would be lost unseen."""
    written: list[tuple[tuple[str, ...], set[str]]] = []
    real = csv_cells.csv_pieces

    def checking_csv_pieces(columns: Iterable[str], rows: Iterable[Mapping[str, object]]) -> Iterator[bytes]:
        names, rows = tuple(columns), list(rows)
        written.append((names, {key for row in rows for key in row}))
        return real(names, rows)

    monkeypatch.setattr(export, "csv_pieces", checking_csv_pieces)
    monkeypatch.setattr(csv_cells, "csv_pieces", checking_csv_pieces)  # csv_bytes' own, for the small files
    csv_files(statements["complete"], language)
    assert [names for names, _ in written] == [table.names for table in TABLES]
    for names, keys in written:
        assert keys, "every file has rows in the complete statement"
        assert keys - set(names) == set()


def test_a_column_marked_the_same_in_every_language_is(statements: dict[str, StatementData]) -> None:
    nb, en = (csv_files(statements["complete"], language) for language in LANGUAGES)
    for table in TABLES:
        nb_rows, en_rows = rows_of(nb[table.file]), rows_of(en[table.file])
        assert len(nb_rows) == len(en_rows) > 0
        differ = {
            column.name
            for column in table.columns
            if any(a[column.name] != b[column.name] for a, b in zip(nb_rows, en_rows, strict=True))
        }
        in_language = {column.name for column in table.columns if column.in_language}
        assert differ - in_language == set(), f"{table.file}: these differ by language but are not marked so"
        assert differ, table.file


@pytest.mark.parametrize("table", TABLES, ids=lambda table: table.file)
def test_every_closed_set_is_named_where_its_description_says(table: Table) -> None:
    for column in table.columns:
        assert column.documentation and "{" not in column.documentation, column.name
        if "{codes}" in column.description:
            assert column.codes, f"{column.name} names codes it does not have"
        assert not (column.codes and column.pattern), column.name


@pytest.mark.parametrize("table", TABLES, ids=lambda table: table.file)
def test_the_developers_guide_lists_each_column_as_defined(table: Table) -> None:
    guide = (REPO / "DEVELOPING.md").read_text(encoding="utf-8")
    section = guide.split("## Machine-readable statement", 1)[1].split("\n## ", 1)[0]
    lines = section.split(f"Columns of `{table.file}`", 1)[1].split("\n")
    start = lines.index("| column | what |") + 2
    end = next(i for i in range(start, len(lines)) if not lines[i].startswith("|"))
    listed = []
    for line in lines[start:end]:
        row = re.fullmatch(r"\| `([A-Za-z0-9_]+)` \| (.*) \|", line)
        assert row, f"DEVELOPING.md, {table.file}: not a row of the table: {line}"
        listed.append(row.groups())
    expected = [(column.name, column.documentation) for column in table.columns]
    rows = "\n".join(f"| `{name}` | {text} |" for name, text in expected)
    assert listed == expected, f"DEVELOPING.md's table of {table.file} should read:\n{rows}"
