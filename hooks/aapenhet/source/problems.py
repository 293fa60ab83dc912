"""Problems found in the data, located and worded for the editors who fix them."""

from __future__ import annotations

from dataclasses import dataclass, field

Path = tuple[str | int, ...]


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in one place: ``data/FILE.yml:LINE:COL path.to.field: what — expected``."""

    file: str
    line: int
    column: int
    path: str
    message: str
    # The same in Norwegian, where the problem is shown to editors in either language (aapenhet check).
    message_nb: str = field(default="", compare=False)

    def __str__(self) -> str:
        """One line, whatever text from the data it quotes: a line break in a quoted value would start a
        line of its own in a CI log, which GitHub reads as a command when it starts with ``::``."""
        where = f"{self.file}:{self.line}:{self.column}"
        text = f"{where} {self.path}: {self.message}" if self.path else f"{where} {self.message}"
        return " ".join(text.splitlines())


class DataProblems(Exception):
    """Raised when the data cannot be published; carries every problem found, sorted, once each."""

    def __init__(self, problems: list[Problem], *, about: str = "the statement data") -> None:
        self.problems = sorted(set(problems))
        self.about = about
        super().__init__(self.report())

    def report(self) -> str:
        count = len(self.problems)
        heading = f"{count} problem{'s' if count != 1 else ''} in {self.about}:"
        return "\n".join([heading, *(f"  {problem}" for problem in self.problems)])


def dotted(path: Path) -> str:
    """``("suppliers", 2, "name")`` → ``suppliers[2].name``."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text


def unreadable(shown: str, error: OSError) -> Problem:
    """A file that cannot be opened (its permissions, or it vanished): where, and what to do."""
    return Problem(shown, 1, 1, "", f"cannot be read ({error.strerror or error}) — check the file's permissions")
