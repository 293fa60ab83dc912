"""The editors' messages, keyed, in every language of ``LANGUAGES``: the word store's code.

The texts are in ``rendering/templates/messages.yml``, beside the readers' labels (``labels.yml``), so
that a translator finds every word of the site in one folder. Code names a message by its key and gives
its fields (``str.format`` names); it never holds the text::

    wording("placeholder.unknown", name="routines")   # the message in every language
    message("placeholder.unknown", "en", name="routines")   # in one

A field may itself be a ``Wording`` (a word that differs by language, such as a language's name): each
language's message gets that language's text of it.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import yaml
from babel.numbers import format_decimal

from aapenhet.languages import BABEL_LOCALES, LANGUAGES

MESSAGES_FILE = Path(__file__).parent / "rendering" / "templates" / "messages.yml"


@dataclass(frozen=True, order=True)
class Wording:
    """One message in every language of ``LANGUAGES``, as (language, text) pairs in the list's order."""

    texts: tuple[tuple[str, str], ...]

    def in_language(self, language: str) -> str:
        for code, text in self.texts:
            if code == language:
                return text
        raise KeyError(f"no text in «{language}» for {self.texts}")  # a bug: every language is built


def wording(key: str, /, **fields: object) -> Wording:
    """The message ``key`` in every language, its fields filled in."""
    return per_language(lambda language: message(key, language, **fields))


def verbatim(text: str) -> Wording:
    """A text that reads the same in every language: what someone else wrote (a system's error, a
    heading the caller was given), never a message of the tool's own."""
    return Wording(tuple((language, text) for language in LANGUAGES))


def per_language(text_in: Callable[[str], str]) -> Wording:
    """A wording whose parts are chosen language by language (``text_in(language)``): where a message is
    put together from others, and a part may be empty in one language and not in another."""
    return Wording(tuple((language, text_in(language)) for language in LANGUAGES))


def number(value: float, pattern: str) -> Wording:
    """A number as each language writes it (``pattern`` as CLDR's, e.g. ``0.0``): 1,5 in nb, 1.5 in en."""
    return per_language(lambda language: format_decimal(value, pattern, locale=BABEL_LOCALES[language]))


def message(key: str, language: str, /, **fields: object) -> str:
    """The message ``key`` in ``language``, its fields filled in. An unknown key is a bug in the tool
    (``KeyError``); ``tests/test_words.py`` checks every key is written in every language."""
    shown = {
        name: value.in_language(language) if isinstance(value, Wording) else value for name, value in fields.items()
    }
    return messages()[key][language].format(**shown)


# The package's own file, not the editors' data: it changes only with the tool's code, so one read per
# process is right even under ``mkdocs serve``.
@functools.cache
def messages() -> dict[str, dict[str, str]]:
    """Every message by key, each by language. Read as plain strings (PyYAML's base loader: no value is
    given a type); a key that lacks a language, or has one not in ``LANGUAGES``, is refused here."""
    loaded = yaml.load(MESSAGES_FILE.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    for key, texts in loaded.items():
        if not isinstance(texts, dict) or set(texts) != set(LANGUAGES):
            raise ValueError(f"{MESSAGES_FILE}: «{key}» must give its text in each of {', '.join(LANGUAGES)}")
    return dict(loaded)
