"""Figures derived from the data (counts, groupings), computed once here rather than in templates."""

from __future__ import annotations

import string
import unicodedata
from dataclasses import dataclass

from aapenhet.model.models import (
    Impact,
    Measure,
    MeasureKind,
    Risk,
    RiskLevel,
    StatementData,
    Supplier,
    SupplyKind,
    Text,
)


def production_countries(data: StatementData, kind: SupplyKind = SupplyKind.goods) -> list[str]:
    """Every country where a named supplier makes goods (or, with ``kind``, delivers services from),
    in the order the data first names them."""
    codes: dict[str, None] = {}
    for supplier in data.suppliers.suppliers:
        for line in supplier.production:
            if line.kind is kind:
                codes.update(dict.fromkeys(line.countries))
    return list(codes)


def high_risk_countries(data: StatementData, kind: SupplyKind = SupplyKind.goods) -> list[str]:
    ratings = {entry.code: entry.risk for entry in data.countries.countries}
    return [code for code in production_countries(data, kind) if ratings.get(code) == RiskLevel.high]


def findings_by_id(data: StatementData) -> dict[str, Risk | Impact]:
    """Every risk and actual impact, by id: what a measure's ``addresses`` names."""
    dd = data.due_diligence
    impacts = dd.actual_impacts.impacts if dd.actual_impacts else []
    found: list[Risk | Impact] = [*dd.risks, *impacts]
    return {finding.id: finding for finding in found}


def measures_taken(data: StatementData) -> list[Measure]:
    """Measures done or under way (§5 c, "measures taken"), in the data's order."""
    return [measure for measure in data.due_diligence.measures if not measure.status.is_ahead]


def measures_planned(data: StatementData) -> list[Measure]:
    """Measures planned or committed to ("Fokus fremover")."""
    return [measure for measure in data.due_diligence.measures if measure.status.is_ahead]


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
class SupplierGroup:
    """Suppliers whose names start with the same letter: one page of a long list. A letter with more
    than ``GROUP_SIZE`` suppliers takes several pages, its parts: "a", "a-2", "a-3"."""

    key: str  # in the page's address: "a", "ae" (Æ), "oe" (Ø), "aa" (Å), "andre"; "a-2" for a second part
    letter: str  # as shown: "A", "Æ"; empty for the other names
    suppliers: tuple[Supplier, ...]
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


def supplier_groups(data: StatementData) -> list[SupplierGroup]:
    """The suppliers by initial letter in Norwegian alphabetical order (A–Z, Æ, Ø, Å, then the rest),
    each group sorted by name."""
    order = [*string.ascii_uppercase, *_LETTERS_AFTER_Z, ""]
    grouped: dict[str, list[Supplier]] = {}
    for supplier in data.suppliers.suppliers:
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


def production_places(supplier: Supplier) -> dict[str, list[Text]]:
    """Each country a supplier makes or delivers from, in order, with the places in it that the
    statement names (``place:``; none when it names only the country)."""
    places: dict[str, list[Text]] = {}
    for line in supplier.production:
        for code in line.countries:
            named = places.setdefault(code, [])
            if line.place is not None and line.place not in named:
                named.append(line.place)
    return places


def suppliers_by_country(data: StatementData) -> dict[str, list[Supplier]]:
    """Each country's suppliers (goods made or services delivered there), worked out in one pass."""
    by_country: dict[str, dict[str, Supplier]] = {}
    for supplier in data.suppliers.suppliers:
        for line in supplier.production:
            for code in line.countries:
                by_country.setdefault(code, {})[supplier.id] = supplier
    return {code: list(suppliers.values()) for code, suppliers in by_country.items()}


@dataclass(frozen=True)
class MeasuresShown:
    """Measures as the statement shows them: one by one, except, in a long list of suppliers, the
    follow-ups of single suppliers, which are counted by kind (each is shown with its supplier)."""

    listed: list[Measure]
    supplier_follow_ups: list[tuple[MeasureKind, int]]


def measures_shown(measures: list[Measure], long_list: bool) -> MeasuresShown:
    if not long_list:
        return MeasuresShown(measures, [])
    counts: dict[MeasureKind, int] = {}
    for measure in measures:
        if measure.supplier:
            counts[measure.kind] = counts.get(measure.kind, 0) + 1
    return MeasuresShown([measure for measure in measures if not measure.supplier], list(counts.items()))


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
