"""How every CSV file of the statement is written: RFC 4180 (``\\r\\n``, quotes where needed), a
header row, lists in one cell joined by ``LIST_SEPARATOR``, and no cell a spreadsheet would run as a
formula (OWASP's rule against CSV injection)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping

LIST_SEPARATOR = "; "
"""Between the items of a list in one CSV cell (risk areas, product lines, follow-up kinds)."""

# A cell a spreadsheet would run as a formula (OWASP, CSV injection): these first characters.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def joined(items: Iterable[str]) -> str:
    return LIST_SEPARATOR.join(items)


def neutralised(value: object) -> object:
    """``value``, with a leading ' when it is text a spreadsheet would read as a formula."""
    return "'" + value if isinstance(value, str) and value.startswith(FORMULA_STARTS) else value


def csv_bytes(columns: Iterable[str], rows: Iterable[Mapping[str, object]]) -> bytes:
    """The CSV file as written (UTF-8): a header of ``columns``, then each row (missing cells empty),
    every cell neutralised. ``rows`` is read one at a time: a long list's rows are never all held."""
    written = io.BytesIO()
    # UTF-8 as each row is written: held as text, one letter beyond Latin-1 makes every letter 2 bytes.
    buffer = io.TextIOWrapper(written, encoding="utf-8", newline="")
    writer = csv.writer(buffer)  # excel dialect: RFC 4180, \r\n
    names = list(columns)
    writer.writerow(names)
    for row in rows:
        writer.writerow([neutralised(row.get(name, "")) for name in names])
    buffer.flush()
    return written.getvalue()
