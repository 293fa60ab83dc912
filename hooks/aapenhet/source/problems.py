"""Problems found in the data, located and worded for the editors who fix them.

Each problem's message is a ``Wording`` from the word store (``aapenhet.words``), in every language
of ``LANGUAGES``: what an editor reads (the build's report, the preview's problem page, ``aapenhet
check``) is in the language asked for, the default language unless asked; ``str(problem)`` and the
publication gate's lines, read in CI logs, are in ``LOG_LANGUAGE``.
"""

from __future__ import annotations

from dataclasses import dataclass

from aapenhet.languages import DEFAULT_LANGUAGE, LOG_LANGUAGE, messages_language
from aapenhet.words import Wording, message, wording

Path = tuple[str | int, ...]


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in one place: ``data/FILE.yml:LINE:COL path.to.field: what — expected``."""

    file: str
    line: int
    column: int
    path: str
    wording: Wording

    def message_in(self, language: str) -> str:
        """What is wrong and what to do, in ``language``."""
        return self.wording.in_language(language)

    def text(self, language: str) -> str:
        """One line, whatever text from the data it quotes: a line break in a quoted value would start a
        line of its own in a CI log, which GitHub reads as a command when it starts with ``::``."""
        where, message = f"{self.file}:{self.line}:{self.column}", self.message_in(language)
        text = f"{where} {self.path}: {message}" if self.path else f"{where} {message}"
        return " ".join(text.splitlines())

    def __str__(self) -> str:
        """The line for CI logs and the gate."""
        return self.text(LOG_LANGUAGE)


class DataProblems(Exception):
    """Raised when the data cannot be published; carries every problem found, sorted, once each.
    ``about`` names what was read, in every language."""

    def __init__(self, problems: list[Problem], *, about: Wording | None = None) -> None:
        self.problems = sorted(set(problems))
        self.about = about or wording("about.statement_data")
        super().__init__(self.report(LOG_LANGUAGE))  # what a traceback shows: for developers

    def report(self, language: str | None = None) -> str:
        """Every problem, one line each under a heading, in ``language``; by default in the language
        ``AAPENHET_LANG`` sets, else the default language."""
        language = language or report_language()
        count = len(self.problems)
        key = "report.heading_one" if count == 1 else "report.heading_many"
        heading = message(key, language, count=count, about=self.about)
        return "\n".join([heading, *(f"  {problem.text(language)}" for problem in self.problems)])


def report_language() -> str:
    """The language of the build's problem reports: ``AAPENHET_LANG`` (``languages.messages_language``),
    or the default language when it is unset or not a language (the hook refuses such a value itself,
    before any report)."""
    try:
        return messages_language()
    except ValueError:
        return DEFAULT_LANGUAGE


class WordedError(ValueError):
    """A validator's refusal in every language: pydantic keeps the error, and ``explain`` makes a
    problem of its wording (``str(error)`` is the text in ``LOG_LANGUAGE``)."""

    def __init__(self, refusal: Wording) -> None:
        super().__init__(refusal.in_language(LOG_LANGUAGE))
        self.wording = refusal


def dotted(path: Path) -> str:
    """``("suppliers", 2, "name")`` → ``suppliers[2].name``."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text


def unreadable(shown: str, error: OSError) -> Problem:
    """A file that cannot be opened (its permissions, or it vanished): where, and what to do."""
    return Problem(shown, 1, 1, "", wording("file.unreadable", reason=error.strerror or error))
