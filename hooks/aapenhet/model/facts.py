"""Groupings of the data that do not depend on a language: the long list's pages by initial letter
(the same addresses in every language), and the measures by what they address and follow up (what the
published document's ``measure_ids`` come from). What the pages show is worked out on the view
(``view/statement_view.py``)."""

from __future__ import annotations

import string
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Generic, Protocol, TypeVar

from aapenhet.model.models import Measure, StatementData


class Named(Protocol):
    """A supplier, as the data holds it or as the published document does."""

    @property
    def name(self) -> str: ...


NamedT = TypeVar("NamedT", bound=Named)


# A supplier list longer than this is split into pages by initial letter, and the statement counts
# suppliers and their follow-ups instead of naming each one: a page stays light on a phone.
LONG_LIST = 50
# The letters of the Norwegian alphabet after Z, each with its place in an address.
_LETTERS_AFTER_Z = {"Æ": "ae", "Ø": "oe", "Å": "aa"}
# Names that start with anything else (a digit, another script).
OTHER_GROUP = "andre"


def is_long_list(data: StatementData) -> bool:
    return len(data.suppliers.suppliers) > LONG_LIST


@dataclass(frozen=True)
class SupplierGroup(Generic[NamedT]):
    """Suppliers whose names start with the same letter: one page of a long list. A letter with more
    than ``GROUP_SIZE`` suppliers takes several pages, its parts: "a", "a-2", "a-3"."""

    key: str  # in the page's address: "a", "ae" (Æ), "oe" (Ø), "aa" (Å), "andre"; "a-2" for a second part
    letter: str  # as shown: "A", "Æ"; empty for the other names
    suppliers: tuple[NamedT, ...]
    part: int = 1
    parts: int = 1


# At most this many suppliers on one letter's page: a list whose names mostly share one initial would
# otherwise put them all on one page (2,000 suppliers: 3 MB, 114 kB gzip). 400 entries are about
# 25 kB gzip.
GROUP_SIZE = 400


# Norwegian alphabetical order files these with the Norwegian letters: Ä with Æ, Ö with Ø, Ü with Y.
_FILED_AS = {"Ä": "Æ", "Ö": "Ø", "Ü": "Y"}


def initial(name: str) -> str:
    """The letter a name is listed under: A–Z (É under E), Æ (and Ä), Ø (and Ö), Å, or "" for
    anything else. Spaces and invisible format characters before the first letter are skipped."""
    visible = "".join(char for char in name if unicodedata.category(char)[0] not in "CZ")
    first = _FILED_AS.get(visible[:1].upper(), visible[:1].upper())
    if first in _LETTERS_AFTER_Z:
        return first
    base = unicodedata.normalize("NFKD", first)[:1]
    return base if base in string.ascii_uppercase else ""


def supplier_groups(suppliers: Sequence[NamedT]) -> list[SupplierGroup[NamedT]]:
    """The suppliers by initial letter in Norwegian alphabetical order (A–Z, Æ, Ø, Å, then the rest),
    each group sorted by name."""
    order = [*string.ascii_uppercase, *_LETTERS_AFTER_Z, ""]
    grouped: dict[str, list[NamedT]] = {}
    for supplier in suppliers:
        grouped.setdefault(initial(supplier.name), []).append(supplier)
    groups = []
    for letter in order:
        if letter not in grouped:
            continue
        key = _LETTERS_AFTER_Z.get(letter, letter.lower()) or OTHER_GROUP
        ordered = sorted(grouped[letter], key=lambda supplier: supplier.name.casefold())
        chunks = [ordered[start : start + GROUP_SIZE] for start in range(0, len(ordered), GROUP_SIZE)]
        groups += [
            SupplierGroup(key if part == 1 else f"{key}-{part}", letter, tuple(chunk), part, len(chunks))
            for part, chunk in enumerate(chunks, start=1)
        ]
    return groups


def measures_by_finding(data: StatementData) -> dict[str, list[Measure]]:
    """The measures addressing each risk or impact, by its id, in one pass over the measures."""
    by_finding: dict[str, list[Measure]] = {}
    for measure in data.due_diligence.measures:
        for finding_id in measure.addresses:
            by_finding.setdefault(finding_id, []).append(measure)
    return by_finding


def measures_by_supplier(data: StatementData) -> dict[str, list[Measure]]:
    """Each supplier's follow-up measures, by supplier id, in one pass over the measures."""
    by_supplier: dict[str, list[Measure]] = {}
    for measure in data.due_diligence.measures:
        if measure.supplier:
            by_supplier.setdefault(measure.supplier, []).append(measure)
    return by_supplier
