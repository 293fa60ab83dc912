"""Heading anchors: what people cite, so no letter may be lost.

Python-Markdown's own slugify drops what has no ASCII decomposition: «Slik gjør vi» became
``#slik-gjr-vi``, while «å» became «a». Norwegian letters are transliterated first (ø → o, æ → ae,
å → a), then Markdown's slugify does the rest as before.
"""

from __future__ import annotations

from markdown.extensions.toc import slugify as markdown_slugify

_NORWEGIAN = str.maketrans({"æ": "ae", "Æ": "Ae", "ø": "o", "Ø": "O", "å": "a", "Å": "A"})


def heading_slug(value: str, separator: str) -> str:
    """A heading's anchor, with every Norwegian letter kept as its transliteration."""
    return markdown_slugify(value.translate(_NORWEGIAN), separator)
