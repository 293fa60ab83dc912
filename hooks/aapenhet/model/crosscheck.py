"""Checks that span files: every reference points at something that exists, once.

Kept in one place so that the rule for each reference is written once: which ids must be unique,
which countries need a risk entry, which rating sources must exist.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from aapenhet.model.models import StatementData
from aapenhet.source.problems import Path, Problem
from aapenhet.source.yaml_source import SourceMap


def cross_check(data: StatementData, sources: dict[str, SourceMap]) -> list[Problem]:
    problems: list[Problem] = []
    countries, suppliers, due_diligence = sources["countries"], sources["suppliers"], sources["due_diligence"]

    problems += _duplicates(countries, ((("countries", i, "code"), c.code) for i, c in enumerate(data.countries.countries)))
    problems += _duplicates(countries, ((("sources", i, "id"), s.id) for i, s in enumerate(data.countries.sources)))
    problems += _duplicates(suppliers, ((("suppliers", i, "id"), s.id) for i, s in enumerate(data.suppliers.suppliers)))
    problems += _duplicates(
        due_diligence, ((("sector_findings", i, "id"), f.id) for i, f in enumerate(data.due_diligence.sector_findings))
    )

    listed = {entry.code for entry in data.countries.countries}
    for path, code in _production_countries(data):
        if code not in listed:
            problems.append(suppliers.problem(
                path, f"«{code}» has no entry in countries.yml — add «- code: {code}» there with its risk rating"))

    source_ids = {source.id for source in data.countries.sources}
    for index, entry in enumerate(data.countries.countries):
        path: Path = ("countries", index)
        if entry.source is not None and entry.source not in source_ids:
            known = ", ".join(sorted(source_ids)) or "none yet"
            problems.append(countries.problem(
                (*path, "source"), f"unknown source «{entry.source}» — expected an id under sources: ({known})"))
        if entry.risk is not None and entry.source is None:
            problems.append(countries.problem(
                (*path, "risk"), "a risk rating needs its source — add «source:» with an id under sources:"))
        if entry.risk is None and (entry.source is not None or entry.areas):
            problems.append(countries.problem(
                (*path, "risk"), "source or areas given without a rating — add «risk:» (high, elevated or low)"))
    return problems


def _production_countries(data: StatementData) -> Iterator[tuple[Path, str]]:
    for s_index, supplier in enumerate(data.suppliers.suppliers):
        for p_index, line in enumerate(supplier.production):
            for c_index, code in enumerate(line.countries):
                yield ("suppliers", s_index, "production", p_index, "countries", c_index), code


def _duplicates(source: SourceMap, keyed: Iterable[tuple[Path, str]]) -> list[Problem]:
    seen: dict[str, Path] = {}
    problems = []
    for path, key in keyed:
        if key in seen:
            line = source.locate(seen[key])[0]
            problems.append(source.problem(path, f"«{key}» is used twice (first at line {line}) — each must be unique"))
        else:
            seen[key] = path
    return problems
