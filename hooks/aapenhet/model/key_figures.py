"""Key figures written in running text must agree with the data the pages count them from.

The key figures on the front page are computed from ``data/`` and cannot be wrong; a number written
by hand in a text ("17 lokasjoner", "three suppliers") can fall behind when the data changes. Each
such number before the figure's noun, in Exso's own texts (``company.yml``, ``statement.yml``) or a
page in ``docs/``, is compared with the data: a claim about a part ("10 leverandører i Kina") is
written differently ("10 av leverandørene") or it is reported, so that the board never signs two
different numbers. Texts about suppliers, risks and measures are not read: "HP har 58 000 ansatte"
is about HP.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass

from pydantic import BaseModel

from aapenhet.model.loader import LoadedStatement
from aapenhet.model.models import StatementData, Text
from aapenhet.source.problems import Problem

# Numbers written as words (one is left out: "en leverandør" is no claim about a count).
_NUMBER_WORDS = {
    "nb": {
        "to": 2,
        "tre": 3,
        "fire": 4,
        "fem": 5,
        "seks": 6,
        "sju": 7,
        "syv": 7,
        "åtte": 8,
        "ni": 9,
        "ti": 10,
        "elleve": 11,
        "tolv": 12,
    },
    "en": {
        "two": 2,
        "three": 3,
        "four": 4,
        "five": 5,
        "six": 6,
        "seven": 7,
        "eight": 8,
        "nine": 9,
        "ten": 10,
        "eleven": 11,
        "twelve": 12,
    },
}


@dataclass(frozen=True)
class KeyFigure:
    nouns: Mapping[str, str]  # the noun after the number, plural, per language
    field: str  # where the data gives it, as the message names it
    value: Callable[[StatementData], int]


# The data files whose texts speak for Exso itself.
OWN_TEXTS = ("company", "statement")

KEY_FIGURES = (
    KeyFigure({"nb": "ansatte", "en": "employees"}, "company.yml employees", lambda data: data.company.employees),
    KeyFigure(
        {"nb": "lokasjoner", "en": "locations"},
        "company.yml locations_in_norway",
        lambda data: data.company.locations_in_norway,
    ),
    KeyFigure(
        {"nb": "leverandører", "en": "suppliers"},
        "the suppliers in suppliers.yml",
        lambda data: len(data.suppliers.suppliers),
    ),
)


def _number(written: str, language: str) -> int:
    return _NUMBER_WORDS[language].get(written.casefold()) or int(re.sub(r"\D", "", written))


@dataclass(frozen=True)
class FigureClaim:
    """A number written in a text that disagrees with the data."""

    written: str
    stated: int
    actual: int
    field: str

    @property
    def message(self) -> str:
        return (
            f"«{self.written}» says {self.stated}, but {self.field} gives {self.actual} — make them agree"
            f" (the key figures show {self.actual})"
        )

    @property
    def message_nb(self) -> str:
        return (
            f"«{self.written}» sier {self.stated}, men {self.field} gir {self.actual} — få dem til å stemme"
            f" (nøkkeltallene viser {self.actual})"
        )


@functools.cache
def _pattern(language: str) -> re.Pattern[str]:
    """A number (digits, grouped digits or a word) and then any key figure's noun: one pass a text."""
    words = "|".join(_NUMBER_WORDS[language])
    nouns = "|".join(figure.nouns[language] for figure in KEY_FIGURES)
    # Thousands grouped as each language writes them: 1 200 (space, no-break or narrow space), 1,200.
    group = "[ \u00a0\u202f]" if language == "nb" else "[ \u00a0\u202f,]"
    return re.compile(rf"(?<![\w.,])(\d{{1,3}}(?:{group}\d{{3}})+|\d+|{words})\s+({nouns})\b", re.IGNORECASE)


def claims_in(text: str, language: str, data: StatementData) -> Iterator[tuple[int, FigureClaim]]:
    """Each number before a key figure's noun in ``text`` that disagrees with the data, by offset."""
    for match in _pattern(language).finditer(text):
        figure = next(each for each in KEY_FIGURES if each.nouns[language] == match.group(2).casefold())
        stated, actual = _number(match.group(1), language), figure.value(data)
        if stated != actual:
            yield match.start(), FigureClaim(match.group(0), stated, actual, figure.field)


def _texts(value: object, path: tuple[str | int, ...]) -> Iterator[tuple[tuple[str | int, ...], Text]]:
    if isinstance(value, Text):
        yield path, value
    elif isinstance(value, BaseModel):
        for name, field_value in value.__dict__.items():  # a model's fields, without a lookup each
            if isinstance(field_value, (BaseModel, list, tuple)):
                yield from _texts(field_value, (*path, name))
    elif isinstance(value, (list, tuple)):
        for index, item in enumerate(value):
            if isinstance(item, (BaseModel, list, tuple)):
                yield from _texts(item, (*path, index))


def key_figure_problems(loaded: LoadedStatement, pages: Mapping[str, str]) -> list[Problem]:
    """Numbers in ``data/`` texts and in ``pages`` (``{"docs/x.md": text}``) that disagree with the data."""
    data, problems = loaded.data, []
    for file_name in OWN_TEXTS:
        source = loaded.sources[file_name]
        for path, text in _texts(getattr(data, file_name), ()):
            for language in ("nb", "en"):
                for _, claim in claims_in(text.in_language(language), language, data):
                    problems.append(source.problem((*path, language), claim.message, message_nb=claim.message_nb))
    for shown_as, markdown in pages.items():
        language = "en" if shown_as.endswith(".en.md") else "nb"
        for offset, claim in claims_in(markdown, language, data):
            line = markdown.count("\n", 0, offset) + 1
            column = offset - (markdown.rfind("\n", 0, offset) + 1) + 1
            problems.append(Problem(shown_as, line, column, "", claim.message, claim.message_nb))
    return problems
