"""How every CSV file of the statement is written: RFC 4180 (``\\r\\n``, quotes where needed), a
header row, lists in one cell joined by ``LIST_SEPARATOR``, and no cell a spreadsheet would run as a
formula (OWASP's rule against CSV injection)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator, Mapping

LIST_SEPARATOR = "; "
"""Between the items of a list in one CSV cell (risk areas, product lines, follow-up kinds)."""

# A cell a spreadsheet would run as a formula (OWASP, CSV injection): these first characters.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def joined(items: Iterable[str]) -> str:
    return LIST_SEPARATOR.join(items)


def neutralised(value: object) -> object:
    """``value``, with a leading ' when it is text a spreadsheet would read as a formula."""
    return "'" + value if isinstance(value, str) and value.startswith(FORMULA_STARTS) else value


def csv_pieces(columns: Iterable[str], rows: Iterable[Mapping[str, object]]) -> Iterator[bytes]:
    """The CSV file's bytes (UTF-8) in pieces, as they are written: a header of ``columns``, then each
    row (missing cells empty), every cell neutralised. ``rows`` is read as the pieces are: a long
    list's rows and file are never held whole."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer)  # excel dialect: RFC 4180, \r\n
    names = list(columns)
    writer.writerow(names)
    for count, row in enumerate(rows, 1):
        writer.writerow([neutralised(row.get(name, "")) for name in names])
        if count % ROWS_A_PIECE == 0:
            yield _taken(buffer)
    yield _taken(buffer)


def csv_bytes(columns: Iterable[str], rows: Iterable[Mapping[str, object]]) -> bytes:
    """``csv_pieces``, whole: a file small enough to hold."""
    return b"".join(csv_pieces(columns, rows))


# Rows written before a piece is given: few enough to stay small, enough to write in large blocks.
ROWS_A_PIECE = 500


def _taken(buffer: io.StringIO) -> bytes:
    piece = buffer.getvalue().encode("utf-8")
    buffer.seek(0)
    buffer.truncate()
    return piece
