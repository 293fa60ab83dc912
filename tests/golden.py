"""Golden files: what an editor must see, kept as text beside the case that gives it.

One scheme for every golden file in ``tests/golden/``: a case (a bad data file, or a folder of files
laid over a statement) and ``<case>.expected`` beside it, holding the lines the code must give in
English, one per line, and ``<case>.nb.expected`` the same lines in Norwegian (one file per language:
``<case>.<language>.expected``, English without its code). ``pytest --refresh-golden`` writes each
from what the code gives now instead of comparing: review the diff before committing it, as any
change to what editors read.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path

GOLDEN = Path(__file__).resolve().parent / "golden"
SUFFIX = ".expected"


# The language of ``<case>.expected``; each other language's file names it (``<case>.nb.expected``).
ENGLISH = "en"


def expected_path(case: Path, language: str = ENGLISH) -> Path:
    """``suppliers/many_mistakes.yml`` → ``suppliers/many_mistakes.expected`` (``.nb.expected`` in
    Norwegian); a folder gets the suffix."""
    suffix = SUFFIX if language == ENGLISH else f".{language}{SUFFIX}"
    return case.with_suffix(suffix) if case.is_file() else case.with_name(case.name + suffix)


@dataclass(frozen=True)
class Golden:
    refresh: bool = False

    def check(self, case: Path, lines: list[str], language: str = ENGLISH) -> None:
        """``lines`` are what ``case``'s golden file in ``language`` holds (or, refreshing, become it)."""
        path = expected_path(case, language)
        if self.refresh:
            path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
            return
        expected = path.read_text(encoding="utf-8").splitlines() if path.is_file() else []
        if lines != expected:
            diff = "\n".join(difflib.unified_diff(expected, lines, str(path), "what the code gives", lineterm=""))
            raise AssertionError(f"{path.name} differs (pytest --refresh-golden rewrites it):\n{diff}")
