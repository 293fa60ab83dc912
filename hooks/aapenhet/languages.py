"""The statement's languages, and each one's locale for CLDR (babel) and Open Graph: the one place.

Norwegian Bokmål is the authoritative text and the site's default (at ``/``); English is at
``/en/``. English readers get British conventions (30 June 2025, "labour").
``mkdocs.yml`` lists the same languages for static-i18n; the hook checks the two agree.
"""

from __future__ import annotations

from typing import Literal

LANGUAGES = ("nb", "en")
DEFAULT_LANGUAGE = "nb"
Language = Literal["nb", "en"]

# babel / CLDR locales: dates, numbers, country names.
BABEL_LOCALES = {"nb": "nb_NO", "en": "en_GB"}
# Open Graph wants language_TERRITORY.
OPEN_GRAPH_LOCALES = {"nb": "nb_NO", "en": "en_GB"}


def check_language(language: str) -> str:
    if language not in LANGUAGES:
        raise ValueError(f"unknown language «{language}» — expected {' or '.join(LANGUAGES)}")
    return language
