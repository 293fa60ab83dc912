"""The guard that keeps tests off Exso's own statement (see ``conftest.py``): an audit hook records
every file and folder a test opens under the repository's ``data/``, ``docs/`` and ``mkdocs.yml``."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from site_build import REPO

EDITORS_FILES = (REPO / "data", REPO / "docs", REPO / "mkdocs.yml")
# The tool's own files kept beside the editors': the schemas it writes for them, and the site's styles
# and the form's script, which live in docs/assets/ and are tested as shipped.
ALLOWED = (REPO / "data" / "schemas", REPO / "docs" / "assets")
opened_by_test: list[str] = []


def editors_file(path: object) -> bool:
    """Whether ``path`` (as given to ``open``) is one of Exso's own files."""
    if not isinstance(path, (str, Path)):
        return False
    resolved = Path(path).absolute()
    return any(resolved == root or root in resolved.parents for root in EDITORS_FILES) and not any(
        resolved == root or root in resolved.parents for root in ALLOWED
    )


def reads_of_exsos_files() -> set[str]:
    """What was opened since ``opened_by_test`` was last cleared."""
    found = set(opened_by_test)
    opened_by_test.clear()
    return found


_WATCHED = frozenset({"open", "os.listdir", "os.scandir"})
_REPO = str(REPO) + os.sep


def _audit(event: str, arguments: tuple[object, ...]) -> None:
    # Runs for every audit event of the test process: the common case returns at once.
    if event not in _WATCHED or not arguments:
        return
    path = arguments[0]
    if isinstance(path, (str, Path)):
        text = os.fspath(path)
        if (not os.path.isabs(text) or text.startswith(_REPO)) and editors_file(text):
            opened_by_test.append(text)


sys.addaudithook(_audit)
