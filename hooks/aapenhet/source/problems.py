"""Problems found in the data, located and worded for the editors who fix them.

Each problem is worded in English (``message``) and in Norwegian Bokmål (``message_nb``), the
statement's authoritative language: what an editor reads (the build's report, the preview's problem
page, ``aapenhet check``) is in the language asked for, Norwegian by default; ``str(problem)`` and the
publication gate's lines, read in CI logs, are English.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from aapenhet.languages import DEFAULT_LANGUAGE, messages_language

Path = tuple[str | int, ...]


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in one place: ``data/FILE.yml:LINE:COL path.to.field: what — expected``."""

    file: str
    line: int
    column: int
    path: str
    message: str
    # The same in Norwegian Bokmål: what editors read by default (empty only where no one wrote it).
    message_nb: str = field(default="", compare=False)

    def message_in(self, language: str) -> str:
        """What is wrong and what to do, in ``language`` (the English where no Norwegian was written)."""
        return (self.message_nb or self.message) if language == DEFAULT_LANGUAGE else self.message

    def text(self, language: str) -> str:
        """One line, whatever text from the data it quotes: a line break in a quoted value would start a
        line of its own in a CI log, which GitHub reads as a command when it starts with ``::``."""
        where, message = f"{self.file}:{self.line}:{self.column}", self.message_in(language)
        text = f"{where} {self.path}: {message}" if self.path else f"{where} {message}"
        return " ".join(text.splitlines())

    def __str__(self) -> str:
        """The English line (CI logs, the gate)."""
        return self.text("en")


class DataProblems(Exception):
    """Raised when the data cannot be published; carries every problem found, sorted, once each.
    ``about`` and ``about_nb`` name what was read, in English and Norwegian."""

    def __init__(
        self,
        problems: list[Problem],
        *,
        about: str = "the statement data",
        about_nb: str = "dataene til redegjørelsen",
    ) -> None:
        self.problems = sorted(set(problems))
        self.about = about
        self.about_nb = about_nb
        super().__init__(self.report("en"))  # what a traceback shows: for developers

    def report(self, language: str | None = None) -> str:
        """Every problem, one line each under a heading, in ``language``; by default in the language
        ``AAPENHET_LANG`` sets, else the default language (Norwegian)."""
        language = language or report_language()
        count = len(self.problems)
        if language == DEFAULT_LANGUAGE:
            heading = f"{count} {'problem' if count == 1 else 'problemer'} i {self.about_nb}:"
        else:
            heading = f"{count} problem{'s' if count != 1 else ''} in {self.about}:"
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
    """A validator's refusal in both languages: pydantic keeps the error, and ``explain`` makes a
    problem of it with its Norwegian (``str(error)`` is the English)."""

    def __init__(self, message: str, message_nb: str) -> None:
        super().__init__(message)
        self.message_nb = message_nb


def dotted(path: Path) -> str:
    """``("suppliers", 2, "name")`` → ``suppliers[2].name``."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text


def unreadable(shown: str, error: OSError) -> Problem:
    """A file that cannot be opened (its permissions, or it vanished): where, and what to do."""
    reason = error.strerror or error
    return Problem(
        shown,
        1,
        1,
        "",
        f"cannot be read ({reason}) — check the file's permissions",
        f"kan ikke leses ({reason}) — sjekk tilgangsrettighetene til filen",
    )
