"""Checks that span files: every reference points at something that exists, once.

Kept in one place so that the rule for each reference is written once: which ids must be unique,
which countries need a risk entry, which rating sources must exist.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Iterator, Mapping
from functools import partial

from aapenhet.model.countries import country_name
from aapenhet.model.models import StatementData, Where
from aapenhet.model.names import name_skeleton
from aapenhet.source.problems import Path, Problem
from aapenhet.source.yaml_source import SourceMap
from aapenhet.words import Wording, number, per_language, verbatim, wording


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
                    wording(
                        "crosscheck.country_not_rated", code=code, country=per_language(partial(country_name, code))
                    ),
                )
            )

    source_ids = {source.id for source in data.countries.sources}
    for index, entry in enumerate(data.countries.countries):
        path = ("countries", index)
        if entry.source is not None and entry.source not in source_ids:
            problems.append(
                countries.problem(
                    (*path, "source"),
                    wording(
                        "crosscheck.unknown_rating_source",
                        value=entry.source,
                        listed=some_ids(entry.source, source_ids),
                    ),
                )
            )
        if entry.risk is not None and entry.source is None:
            problems.append(
                countries.problem(
                    (*path, "risk"),
                    wording("crosscheck.rating_without_source"),
                )
            )
        if entry.risk is None and (entry.source is not None or entry.areas):
            problems.append(
                countries.problem(
                    (*path, "risk"),
                    wording("crosscheck.source_without_rating"),
                )
            )
    return problems


# Ids listed in full in a message up to this many; beyond, the closest few (2,000 suppliers would
# otherwise print 2,000 ids for one mistake).
_LISTED_IN_FULL = 8


def some_ids(value: str, known: set[str]) -> Wording:
    """The ids ``value`` could have meant: all of them when they are few, else the closest three."""
    if len(known) <= _LISTED_IN_FULL:
        return verbatim(", ".join(sorted(known))) if known else wording("crosscheck.no_ids_yet")
    closest = ", ".join(difflib.get_close_matches(value, sorted(known), n=3, cutoff=0.0))
    return wording("crosscheck.closest_ids", count=number(len(known), "#,##0"), closest=closest)


def _due_diligence_references(data: StatementData, source: SourceMap) -> list[Problem]:
    """Measures address risks and impacts that exist; suppliers and rating sources named exist."""
    dd = data.due_diligence
    impacts = dd.actual_impacts.impacts if dd.actual_impacts else []
    findings = {risk.id for risk in dd.risks} | {impact.id for impact in impacts}
    suppliers = {supplier.id for supplier in data.suppliers.suppliers}
    sources = {rating_source.id for rating_source in data.countries.sources}
    problems = []

    def unknown(path: Path, kind: str, value: str, known: set[str]) -> None:
        problems.append(
            source.problem(path, wording(f"crosscheck.unknown_{kind}", value=value, listed=some_ids(value, known)))
        )

    for index, measure in enumerate(dd.measures):
        for position, target in enumerate(measure.addresses):
            if target not in findings:
                unknown(("measures", index, "addresses", position), "finding", target, findings)
        if measure.supplier is not None and measure.supplier not in suppliers:
            unknown(("measures", index, "supplier"), "supplier", measure.supplier, suppliers)
    located: list[tuple[Path, Where]] = [(("risks", i), risk.where) for i, risk in enumerate(dd.risks)]
    located += [(("actual_impacts", "impacts", i), impact.where) for i, impact in enumerate(impacts)]
    for path, where in located:
        for position, supplier in enumerate(where.suppliers):
            if supplier not in suppliers:
                unknown((*path, "where", "suppliers", position), "supplier", supplier, suppliers)
    for index, risk in enumerate(dd.risks):
        if risk.source is not None and risk.source not in sources:
            unknown(("risks", index, "source"), "source", risk.source, sources)
    return problems


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
                    wording(
                        "crosscheck.supplier_twice", name=supplier.name, first=first.name, first_id=first.id, line=line
                    ),
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
                    wording("crosscheck.used_twice", key=key, line=line),
                )
            )
        else:
            seen[key] = path
    return problems
