"""The statement's languages, and each one's locale for CLDR (babel) and Open Graph: the one place.

Norwegian Bokmål is the authoritative text and the site's default (at ``/``); English is at
``/en/``. English readers get British conventions (30 June 2025, "labour").
``mkdocs.yml`` lists the same languages for static-i18n; the hook checks the two agree.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Literal

LANGUAGES = ("nb", "en")
DEFAULT_LANGUAGE = "nb"
# The language of CI logs, tracebacks and the publication gate's lines: developers read them.
LOG_LANGUAGE = "en"
Language = Literal["nb", "en"]
# The published document's type of its authoritative language: the default language, and only it.
AuthoritativeLanguage = Literal["nb"]

# How the editors' JSON Schemas (data/schemas/) describe a text, and its value in each language.
TEXT_DESCRIPTION = "A text shown to the public, in Norwegian Bokmål (authoritative) and English."
TEXT_FIELD_DESCRIPTIONS = {
    "nb": "The text in Norwegian Bokmål (authoritative).",
    "en": "The same text in British English.",
}

# babel / CLDR locales: dates, numbers, country names.
BABEL_LOCALES = {"nb": "nb_NO", "en": "en_GB"}
# Open Graph wants language_TERRITORY.
OPEN_GRAPH_LOCALES = {"nb": "nb_NO", "en": "en_GB"}


def page_language(page: str) -> str:
    """The language of a page of ``docs/`` by its name, as static-i18n reads it: ``x.en.md`` is in
    English, ``x.md`` in the default language."""
    stem = page.removesuffix(".md")
    return next((language for language in LANGUAGES if stem.endswith(f".{language}")), DEFAULT_LANGUAGE)


def check_language(language: str) -> str:
    if language not in LANGUAGES:
        raise ValueError(f"unknown language «{language}» — expected {' or '.join(LANGUAGES)}")
    return language


# The environment variable that sets the language of the problem reports ``mkdocs build`` and
# ``mkdocs serve`` print (``AAPENHET_LANG=en``); unset or empty: the default language.
MESSAGES_LANGUAGE_SETTING = "AAPENHET_LANG"


def messages_language(environ: Mapping[str, str] | None = None) -> str:
    """The language the build reports problems in: ``AAPENHET_LANG``, else the default language.
    Raises ``ValueError`` (in every language) for a value that is not one of ``LANGUAGES``."""
    value = (os.environ if environ is None else environ).get(MESSAGES_LANGUAGE_SETTING, "").strip()
    if not value:
        return DEFAULT_LANGUAGE
    if value not in LANGUAGES:
        from aapenhet.words import message  # the word store reads this list: imported when needed

        said = (
            message(
                "languages.not_a_messages_language",
                language,
                setting=MESSAGES_LANGUAGE_SETTING,
                value=value,
                listed=", ".join(LANGUAGES),
            )
            for language in LANGUAGES
        )
        raise ValueError(" / ".join(said))  # every language's: the setting that would choose one is wrong
    return value
