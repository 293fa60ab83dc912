"""Country codes (ISO 3166-1 alpha-2) and their names per language, from babel's CLDR data."""

from __future__ import annotations

from functools import cache

from babel import Locale

from aapenhet.languages import DEFAULT_LANGUAGE, LANGUAGES
from aapenhet.source.problems import WordedError
from aapenhet.words import wording

# CLDR territories that are two letters but not countries.
_NOT_COUNTRIES = frozenset({"EU", "EZ", "UN", "QO", "ZZ"})


@cache
def _territories(language: str) -> dict[str, str]:
    # CLDR data never changes during a run, so caching it is safe under `mkdocs serve`.
    names = Locale.parse(language).territories
    return {
        code: name for code, name in names.items() if len(code) == 2 and code.isalpha() and code not in _NOT_COUNTRIES
    }


def country_codes() -> list[str]:
    """Every ISO 3166 country code CLDR names, sorted."""
    return sorted(_territories(DEFAULT_LANGUAGE))  # every language's names have the same codes


def country_name(code: str, language: str) -> str:
    return _territories(language)[code]


def code_for_name(name: str) -> str | None:
    """The code of a country written out by name in nb or en (``Kina`` → ``CN``), for suggestions."""
    wanted = name.strip().casefold()
    for language in LANGUAGES:
        for code, territory in _territories(language).items():
            if territory.casefold() == wanted:
                return code
    return None


# Codes people write that ISO 3166 spells otherwise.
_COMMON_MISTAKES = {"UK": "GB", "EL": "GR"}


def check_country_code(value: str) -> str:
    codes = _territories(DEFAULT_LANGUAGE)
    if value in codes:
        return value
    suggestion = _COMMON_MISTAKES.get(value.upper()) or code_for_name(value)
    if value.upper() in codes:
        suggestion = value.upper()
    if suggestion:
        raise WordedError(wording("country.not_a_code", value=value, suggestion=suggestion))
    raise WordedError(wording("country.not_a_code_at_all", value=value))
