"""Names are names: a person's or a company's name must show letters, and two spellings that look the
same are the same name.

A name is refused when nothing is left of it but format, combining, filler and variation characters
(the Hangul fillers, the Braille blank and a combining grapheme joiner all pass a plain "is it
visible" test), or when it holds a direction mark, which reorders what a reader sees. "Listed twice"
compares skeletons: NFKC, case-folded, invisible characters removed, and letters from Cyrillic or
Greek that look Latin mapped to the Latin ones (Unicode's confusables, via confusable_homoglyphs),
so «Kаri» with a Cyrillic а is Kari.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from aapenhet.source.problems import WordedError
from aapenhet.words import wording

# Characters that look like nothing but are letters or symbols to Unicode.
_FILLERS = frozenset("\u115f\u1160\u3164\uffa0\u2800")
_DIRECTION_MARKS = frozenset("\u200e\u200f\u061c")


def _invisible(char: str) -> bool:
    return char in _FILLERS or unicodedata.category(char) in ("Cf", "Mn", "Me", "Cc", "Zs", "Zl", "Zp")


def check_name(value: str) -> str:
    """A name with at least one letter or digit left once invisible characters are removed, and no
    direction mark inside it."""
    if any(char in _DIRECTION_MARKS for char in value):
        raise WordedError(wording("name.direction_mark"))
    if not any(unicodedata.category(char)[0] in "LN" and char not in _FILLERS for char in value):
        raise WordedError(wording("name.no_letter"))
    return value


def name_skeleton(name: str) -> str:
    """What a reader sees of ``name``, for comparing: «Kari  Nordmann», «KARI NORDMANN», «Kаri» (Cyrillic
    а) and «Ｋａｒｉ» (full width) are one name."""
    text = unicodedata.normalize("NFKC", name).casefold()
    kept = "".join(_latin(char) for char in text if not _invisible(char) or char == " ")
    return " ".join(kept.split())


@lru_cache(maxsize=4096)
def _latin(char: str) -> str:
    """A Cyrillic or Greek letter that looks Latin, as that Latin letter; any other character as it is."""
    # Only Cyrillic and Greek letters are looked up: æ, ø, å and every other Latin letter are
    # themselves, so a statement in Latin script never loads the table (6 MB of a build's memory).
    if not char.isalpha() or not unicodedata.name(char, "").startswith(("CYRILLIC ", "GREEK ")):
        return char
    from confusable_homoglyphs import confusables  # its table is large: loaded only for such a letter

    found = confusables.is_confusable(char, greedy=True, preferred_aliases=["latin"])
    for entry in found or []:
        if entry["alias"] in ("CYRILLIC", "GREEK"):
            latin = [glyph["c"] for glyph in entry["homoglyphs"] if glyph["c"].isascii()]
            if latin:
                return str(latin[0]).casefold()
    return char
