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

from babel.numbers import get_group_symbol
from pydantic import BaseModel

from aapenhet.languages import BABEL_LOCALES, LANGUAGES, page_language
from aapenhet.model.loader import LoadedStatement
from aapenhet.model.models import StatementData, Text
from aapenhet.source.problems import Problem
from aapenhet.words import Wording, message, wording

# Numbers written as words, two to twelve, in the word store (one is left out: "en leverandør" is no
# claim about a count); a language may give more than one word for a number ("sju syv").
_COUNTED_IN_WORDS = range(2, 13)


@functools.cache
def _number_words(language: str) -> dict[str, int]:
    return {
        word: count for count in _COUNTED_IN_WORDS for word in message(f"key_figures.number.{count}", language).split()
    }


@dataclass(frozen=True)
class KeyFigure:
    noun: str  # the noun after the number, plural: ``key_figures.noun.<noun>`` in the word store
    field: str  # where the data gives it, as the message names it
    value: Callable[[StatementData], int]

    def noun_in(self, language: str) -> str:
        return message(f"key_figures.noun.{self.noun}", language)


# The data files whose texts speak for Exso itself.
OWN_TEXTS = ("company", "statement")

KEY_FIGURES = (
    KeyFigure("employees", "company.yml employees", lambda data: data.company.employees),
    KeyFigure("locations", "company.yml locations_in_norway", lambda data: data.company.locations_in_norway),
    KeyFigure("suppliers", "the suppliers in suppliers.yml", lambda data: len(data.suppliers.suppliers)),
)


def _number(written: str, language: str) -> int:
    return _number_words(language).get(written.casefold()) or int(re.sub(r"\D", "", written))


@dataclass(frozen=True)
class FigureClaim:
    """A number written in a text that disagrees with the data."""

    written: str
    stated: int
    actual: int
    field: str

    @property
    def wording(self) -> Wording:
        return wording(
            "key_figures.disagrees", written=self.written, stated=self.stated, field=self.field, actual=self.actual
        )


@functools.cache
def _pattern(language: str) -> re.Pattern[str]:
    """A number (digits, grouped digits or a word) and then any key figure's noun: one pass a text."""
    words = "|".join(_number_words(language))
    nouns = "|".join(figure.noun_in(language) for figure in KEY_FIGURES)
    # Thousands grouped with a space (plain, no-break or narrow), or with the language's own group
    # sign (CLDR's: 1,200 in English).
    group = "[" + re.escape(" \u00a0\u202f" + get_group_symbol(BABEL_LOCALES[language])) + "]"
    return re.compile(rf"(?<![\w.,])(\d{{1,3}}(?:{group}\d{{3}})+|\d+|{words})\s+({nouns})\b", re.IGNORECASE)


def claims_in(text: str, language: str, data: StatementData) -> Iterator[tuple[int, FigureClaim]]:
    """Each number before a key figure's noun in ``text`` that disagrees with the data, by offset."""
    for match in _pattern(language).finditer(text):
        figure = next(each for each in KEY_FIGURES if each.noun_in(language) == match.group(2).casefold())
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
            for language in LANGUAGES:
                for _, claim in claims_in(text.in_language(language), language, data):
                    problems.append(source.problem((*path, language), claim.wording))
    for shown_as, markdown in pages.items():
        language = page_language(shown_as)
        for offset, claim in claims_in(markdown, language, data):
            line = markdown.count("\n", 0, offset) + 1
            column = offset - (markdown.rfind("\n", 0, offset) + 1) + 1
            problems.append(Problem(shown_as, line, column, "", claim.wording))
    return problems
