"""What the site published of a kept version, kept with it, and held to.

``keep`` (and ``new-year``) write, beside a kept version's YAML files, the ``statement.json`` the site
published of it in each language (``published.nb.json``, ``published.en.json``; recorded in the
folder's ``SHA256SUMS`` with the rest). From then on the site publishes those bytes at the version's
address, whatever the tool has added to statement.json since, so what was published stays what is
there. And a build refuses a kept version whose data no longer gives what it recorded: every value
the record holds must come out the same (a field the tool added since is not a difference), so a
change to the tool or to the kept files that would alter a published statement is found, located,
before anything is published.
"""

from __future__ import annotations

import json
from pathlib import Path

from aapenhet.languages import LANGUAGES
from aapenhet.model.history import HISTORY_FOLDER, Version, published_record_name, published_schema_name
from aapenhet.model.models import StatementData
from aapenhet.publishing.export import statement_json, statement_schema_bytes
from aapenhet.source.problems import Problem
from aapenhet.view.statement_view import StatementView, statement_view
from aapenhet.words import verbatim, wording

_ABSENT = object()

# The top-level fields of statement.json when keep began recording it: every record has them all.
RECORDED_SINCE_THE_FIRST = frozenset(
    {
        "schema",
        "language",
        "authoritative_language",
        "status",
        "missing",
        "carried_over",
        "company",
        "statement",
        "suppliers",
        "countries",
        "rating_sources",
        "due_diligence",
    }
)


def published_files(data: StatementData) -> dict[str, bytes]:
    """What ``keep`` writes beside a kept version: its statement.json in every language, and the schema
    they were written to (published with them from then on, so each still validates against its own)."""
    return {
        **{published_record_name(language): statement_json(statement_view(data, language)) for language in LANGUAGES},
        published_schema_name(): statement_schema_bytes(),
    }


def recorded_schema(data_dir: Path, version: Version) -> bytes | None:
    """The statement.schema.json ``keep`` recorded with ``version``; None when it recorded none."""
    # One that cannot be read is not published: SHA256SUMS lists it, and the build refuses a kept
    # file that changed (history.changed_since_kept).
    return _kept_file(data_dir, version, published_schema_name(), unreadable=None)


def recorded_json(data_dir: Path, version: Version, language: str) -> bytes | None:
    """The statement.json ``keep`` recorded of ``version`` in ``language``; None for the current
    statement, or a version kept before keep recorded it."""
    # One that cannot be read is not a statement.json: the record's check says so, located in it.
    return _kept_file(data_dir, version, published_record_name(language), unreadable=b"")


def _kept_file(data_dir: Path, version: Version, name: str, *, unreadable: bytes | None) -> bytes | None:
    """The bytes of ``name`` in ``version``'s kept folder; None for the current statement or a file keep
    did not write, ``unreadable`` for one that cannot be read as UTF-8 text."""
    if version.is_current:
        return None
    path = data_dir / HISTORY_FOLDER / version.path / name
    if not path.is_file():
        return None
    try:
        content = path.read_bytes()
        content.decode("utf-8")
    except (OSError, UnicodeDecodeError):
        return unreadable
    return content


def record_problems(recorded: bytes, view: StatementView, shown_as: str) -> list[Problem]:
    """The first value of ``recorded`` that the kept data no longer gives, located in its record."""
    try:
        then = json.loads(recorded.decode("utf-8"))  # as text: a byte order mark is not JSON
    except ValueError:
        then = _ABSENT
    now = json.loads(statement_json(view))
    # A record holds the whole document of its day: every top-level field there has been since
    # records began, so a part of one (a truncated or hand-made file) is not taken for the whole.
    if isinstance(then, dict) and not then.keys() >= RECORDED_SINCE_THE_FIRST:
        missing = sorted(RECORDED_SINCE_THE_FIRST - then.keys())
        found: tuple[str, object, object] | None = (missing[0], _ABSENT, now.get(missing[0]))
    else:
        found = _first_difference(then, now, "")
    if found is None:
        return []
    path, before, after = found
    return [
        Problem(
            shown_as,
            1,
            1,
            path,
            wording(
                "history.published_record_differs",
                then=verbatim(_shown(before)),
                now=verbatim(_shown(after)),
                folder=verbatim(shown_as.rsplit("/", 1)[0] + "/"),
            ),
        )
    ]


def _first_difference(then: object, now: object, path: str) -> tuple[str, object, object] | None:
    """Where ``now`` first differs from ``then``, looking only at what ``then`` holds."""
    if isinstance(then, dict) and isinstance(now, dict):
        for key, value in then.items():
            found = _first_difference(value, now.get(key, _ABSENT), f"{path}.{key}" if path else key)
            if found is not None:
                return found
        return None
    if isinstance(then, list) and isinstance(now, list):
        if len(then) != len(now):
            return (path, f"{len(then)} items", f"{len(now)} items")
        for index, (before, after) in enumerate(zip(then, now, strict=True)):
            found = _first_difference(before, after, f"{path}[{index}]")
            if found is not None:
                return found
        return None
    return None if then == now and type(then) is type(now) else (path, then, now)


def _shown(value: object) -> str:
    if value is _ABSENT:
        return "—"
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 80 else text[:77] + "…"
