"""Dates, numbers and country names in the reader's language (babel / CLDR)."""

from __future__ import annotations

import datetime
import functools

from babel.dates import format_date
from babel.numbers import format_decimal, format_percent

from aapenhet.languages import BABEL_LOCALES


# Cached, as number(): a long list gives the same few dates thousands of times, and each call of
# babel's formatting with a locale's name makes the locale again (a fifth of the suppliers' pages).
@functools.lru_cache(maxsize=4096)
def long_date(value: datetime.date, language: str) -> str:
    return format_date(value, format="long", locale=BABEL_LOCALES[language])


def iso_date(value: datetime.date) -> str:
    return value.isoformat()


@functools.lru_cache(maxsize=4096)  # a long list formats the same few numbers thousands of times
def number(value: int | float, language: str) -> str:
    return format_decimal(value, locale=BABEL_LOCALES[language])


@functools.lru_cache(maxsize=4096)
def percent(value: float, language: str) -> str:
    """``100`` → ``100 %`` (nb) / ``100%`` (en)."""
    return format_percent(value / 100, locale=BABEL_LOCALES[language])
