"""Checks that span files: every reference points at something that exists, once.

Kept in one place so that the rule for each reference is written once: which ids must be unique,
which countries need a risk entry, which rating sources must exist.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Iterator, Mapping

from aapenhet.languages import DEFAULT_LANGUAGE
from aapenhet.model.countries import country_name
from aapenhet.model.models import StatementData, Where
from aapenhet.model.names import name_skeleton
from aapenhet.source.problems import Path, Problem
from aapenhet.source.yaml_source import SourceMap


def cross_check(data: StatementData, sources: Mapping[str, SourceMap]) -> list[Problem]:
    problems: list[Problem] = []
    countries, suppliers, due_diligence = sources["countries"], sources["suppliers"], sources["due_diligence"]

    problems += _duplicates(
        countries, ((("countries", i, "code"), c.code) for i, c in enumerate(data.countries.countries))
    )
    problems += _duplicates(countries, ((("sources", i, "id"), s.id) for i, s in enumerate(data.countries.sources)))
    problems += _duplicates(suppliers, ((("suppliers", i, "id"), s.id) for i, s in enumerate(data.suppliers.suppliers)))
    problems += _same_names(suppliers, data)
    dd = data.due_diligence
    impacts = dd.actual_impacts.impacts if dd.actual_impacts else []
    # Risks and impacts share one set of ids: a measure's addresses: names either.
    problems += _duplicates(
        due_diligence,
        [
            *((("risks", i, "id"), r.id) for i, r in enumerate(dd.risks)),
            *((("actual_impacts", "impacts", i, "id"), m.id) for i, m in enumerate(impacts)),
        ],
    )
    problems += _duplicates(due_diligence, ((("measures", i, "id"), m.id) for i, m in enumerate(dd.measures)))
    problems += _due_diligence_references(data, due_diligence)

    listed = {entry.code for entry in data.countries.countries}
    for path, code in _production_countries(data):
        if code not in listed:
            problems.append(
                suppliers.problem(
                    path,
                    f"«{code}» ({country_name(code, 'en')}) has no entry in countries.yml — add «- code: {code}»"
                    " there with its risk rating",
                    message_nb=f"«{code}» ({country_name(code, DEFAULT_LANGUAGE)}) står ikke i countries.yml — legg til"
                    f" «- code: {code}» der, med risikovurderingen",
                )
            )

    source_ids = {source.id for source in data.countries.sources}
    for index, entry in enumerate(data.countries.countries):
        path = ("countries", index)
        if entry.source is not None and entry.source not in source_ids:
            known, known_nb = some_ids(entry.source, source_ids), some_ids(entry.source, source_ids, DEFAULT_LANGUAGE)
            problems.append(
                countries.problem(
                    (*path, "source"),
                    f"unknown source «{entry.source}» — expected an id under sources: ({known})",
                    message_nb=f"ukjent kilde «{entry.source}» — forventet en id under sources: ({known_nb})",
                )
            )
        if entry.risk is not None and entry.source is None:
            problems.append(
                countries.problem(
                    (*path, "risk"),
                    "a risk rating needs its source — add «source:» with an id under sources:",
                    message_nb="en risikovurdering trenger kilden sin — legg til «source:» med en id under sources:",
                )
            )
        if entry.risk is None and (entry.source is not None or entry.areas):
            problems.append(
                countries.problem(
                    (*path, "risk"),
                    "source or areas given without a rating — add «risk:» (high, elevated or low)",
                    message_nb="source eller areas er fylt ut uten en vurdering — legg til «risk:» (high, elevated"
                    " eller low)",
                )
            )
    return problems


# Ids listed in full in a message up to this many; beyond, the closest few (2,000 suppliers would
# otherwise print 2,000 ids for one mistake).
_LISTED_IN_FULL = 8


def some_ids(value: str, known: set[str], language: str = "en") -> str:
    """The ids ``value`` could have meant: all of them when they are few, else the closest three; in
    ``language``."""
    if len(known) <= _LISTED_IN_FULL:
        return ", ".join(sorted(known)) or ("ingen ennå" if language == DEFAULT_LANGUAGE else "none yet")
    closest = ", ".join(difflib.get_close_matches(value, sorted(known), n=3, cutoff=0.0))
    if language == DEFAULT_LANGUAGE:  # thousands grouped with a space, as Norwegian writes them
        return f"de nærmeste av {len(known):,}".replace(",", "\u00a0") + f": {closest}"
    return f"the closest of {len(known):,}: {closest}"


def _due_diligence_references(data: StatementData, source: SourceMap) -> list[Problem]:
    """Measures address risks and impacts that exist; suppliers and rating sources named exist."""
    dd = data.due_diligence
    impacts = dd.actual_impacts.impacts if dd.actual_impacts else []
    findings = {risk.id for risk in dd.risks} | {impact.id for impact in impacts}
    suppliers = {supplier.id for supplier in data.suppliers.suppliers}
    sources = {rating_source.id for rating_source in data.countries.sources}
    problems = []

    def unknown(path: Path, kind: str, value: str, known: set[str], where: str) -> None:
        listed, listed_nb = some_ids(value, known), some_ids(value, known, DEFAULT_LANGUAGE)
        kind_nb, where_nb = _UNKNOWN_NB[kind], _WHERE_NB[where]
        problems.append(
            source.problem(
                path,
                f"unknown {kind} «{value}» — expected an id under {where} ({listed})",
                message_nb=f"{kind_nb} «{value}» — forventet en id {where_nb} ({listed_nb})",
            )
        )

    for index, measure in enumerate(dd.measures):
        for position, target in enumerate(measure.addresses):
            if target not in findings:
                unknown(
                    ("measures", index, "addresses", position),
                    "risk or impact",
                    target,
                    findings,
                    "risks: or actual_impacts.impacts:",
                )
        if measure.supplier is not None and measure.supplier not in suppliers:
            unknown(("measures", index, "supplier"), "supplier", measure.supplier, suppliers, "suppliers.yml")
    located: list[tuple[Path, Where]] = [(("risks", i), risk.where) for i, risk in enumerate(dd.risks)]
    located += [(("actual_impacts", "impacts", i), impact.where) for i, impact in enumerate(impacts)]
    for path, where in located:
        for position, supplier in enumerate(where.suppliers):
            if supplier not in suppliers:
                unknown((*path, "where", "suppliers", position), "supplier", supplier, suppliers, "suppliers.yml")
    for index, risk in enumerate(dd.risks):
        if risk.source is not None and risk.source not in sources:
            unknown(("risks", index, "source"), "source", risk.source, sources, "sources: in countries.yml")
    return problems


# An unknown reference, in Norwegian: what it should name, and where those are listed.
_UNKNOWN_NB = {
    "risk or impact": "ukjent risiko eller konsekvens",
    "supplier": "ukjent leverandør",
    "source": "ukjent kilde",
}
_WHERE_NB = {
    "risks: or actual_impacts.impacts:": "under risks: eller actual_impacts.impacts:",
    "suppliers.yml": "fra suppliers.yml",
    "sources: in countries.yml": "under sources: i countries.yml",
}


def _production_countries(data: StatementData) -> Iterator[tuple[Path, str]]:
    for s_index, supplier in enumerate(data.suppliers.suppliers):
        for p_index, line in enumerate(supplier.production):
            for c_index, code in enumerate(line.countries):
                yield ("suppliers", s_index, "production", p_index, "countries", c_index), code


def _same_names(source: SourceMap, data: StatementData) -> list[Problem]:
    """A supplier listed twice under two ids: names compared as a reader sees them (names.py: case,
    width, invisible characters and look-alike letters from other scripts do not tell them apart)."""
    seen: dict[str, int] = {}
    problems = []
    for index, supplier in enumerate(data.suppliers.suppliers):
        skeleton = name_skeleton(supplier.name)
        if skeleton in seen:
            first = data.suppliers.suppliers[seen[skeleton]]
            line = source.locate(("suppliers", seen[skeleton], "name"))[0]
            problems.append(
                source.problem(
                    ("suppliers", index, "name"),
                    f"«{supplier.name}» is listed twice: it reads as «{first.name}» ({first.id}, line {line}) —"
                    " list each supplier once, under one id",
                    message_nb=f"«{supplier.name}» står to ganger: det er samme navn som «{first.name}»"
                    f" ({first.id}, linje {line}) — før opp hver leverandør én gang, under én id",
                )
            )
        else:
            seen[skeleton] = index
    return problems


def _duplicates(source: SourceMap, keyed: Iterable[tuple[Path, str]]) -> list[Problem]:
    seen: dict[str, Path] = {}
    problems = []
    for path, key in keyed:
        if key in seen:
            line = source.locate(seen[key])[0]
            problems.append(
                source.problem(
                    path,
                    f"«{key}» is used twice (first at line {line}) — each must be unique",
                    message_nb=f"«{key}» er brukt to ganger (første gang på linje {line}) — hver må være unik",
                )
            )
        else:
            seen[key] = path
    return problems
