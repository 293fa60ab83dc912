"""Load every file in ``data/``, validate it against its model and cross-check the whole tree.

``load_statement`` either returns the complete ``StatementData`` with where each value of each file
is (for rules that report located problems later), or raises ``DataProblems`` with every problem in
every file, so an editor sees them all at once.
"""

from __future__ import annotations

import functools
import hashlib
from collections import OrderedDict
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from aapenhet.model.crosscheck import cross_check
from aapenhet.model.models import DATA_FILES, TEXTS_SEEN, Company, Statement, StatementData
from aapenhet.source.explain import describe, validation_problems
from aapenhet.source.problems import DataProblems, Problem
from aapenhet.source.problems import Path as DataPath
from aapenhet.source.yaml_source import ParsedYaml, SourceMap, parse_yaml, read_data_text
from aapenhet.words import Wording, wording

# The things an id names, and where each kind is listed: ids keep their meaning across versions (history.py).
IDENTIFIED = {
    "supplier": ("suppliers", ("suppliers",)),
    "risk": ("due_diligence", ("risks",)),
    "impact": ("due_diligence", ("actual_impacts", "impacts")),
    "measure": ("due_diligence", ("measures",)),
}


@dataclass(frozen=True)
class Outline:
    """A statement without its lists: its statement.yml and company.yml, and the ids of its suppliers,
    risks, impacts and measures by kind (``IDENTIFIED``). What places a kept version among the others,
    heads its pages and checks its ids, without reading all of it."""

    statement: Statement
    company: Company
    ids: Mapping[str, tuple[str, ...]]

    @classmethod
    def of(cls, data: StatementData) -> Outline:
        ids = {kind: _ids_listed(data, file, path) for kind, (file, path) in IDENTIFIED.items()}
        return cls(data.statement, data.company, ids)


def _ids_listed(data: StatementData, file: str, path: tuple[str, ...]) -> tuple[str, ...]:
    """The ids of what ``file``'s part of ``data`` lists at ``path`` (none where a step of it is empty,
    as ``actual_impacts`` may be): the same path locates a problem with one of them (history.py)."""
    listed: Any = getattr(data, file)
    for step in path:
        listed = getattr(listed, step, None)
    return tuple(item.id for item in listed or ())


class LoadedStatement:
    """The validated data, and where each of its values is, by file (``statement``, ``suppliers``…)."""

    def __init__(self, data: StatementData, sources: Mapping[str, SourceMap]) -> None:
        self._data = data
        self.sources = sources

    @property
    def data(self) -> StatementData:
        return self._data

    @functools.cached_property
    def outline(self) -> Outline:
        return Outline.of(self.data)


def load_statement_data(data_dir: Path, *, shown_as: str = "data") -> StatementData:
    """Load ``data_dir``; ``shown_as`` is the folder name used in messages (``data/company.yml``)."""
    return load_statement(data_dir, shown_as=shown_as).data


def load_statement(data_dir: Path, *, shown_as: str = "data", positions: bool = True) -> LoadedStatement:
    """Load, validate and cross-check ``data_dir``; raises ``DataProblems`` with every problem.

    ``positions=False`` (a build): where each value is, as large as the data itself, is read only if a
    message needs it (``LazySources``); data with a problem is read again with them, to say where."""
    problems: list[Problem] = []
    parts: dict[str, BaseModel] = {}
    sources: dict[str, SourceMap] = {}
    for file_name, model in DATA_FILES.items():
        shown = f"{shown_as}/{file_name}"
        part, source, file_problems = load_data_file(data_dir / file_name, shown, model, positions=positions)
        problems += file_problems
        if part is not None:
            parts[file_name.removesuffix(".yml")] = part
            sources[file_name.removesuffix(".yml")] = source
    if problems and not positions:
        return load_statement(data_dir, shown_as=shown_as)  # to say where each problem is
    if problems:
        raise DataProblems(problems)
    data = StatementData(**parts)
    located: Mapping[str, SourceMap] = sources if positions else LazySources(data_dir, shown_as)
    problems = cross_check(data, located)
    if problems:
        raise DataProblems(problems)
    return LoadedStatement(data, located)


def load_data_file(
    path: Path, shown: str, model: type[BaseModel], *, positions: bool = True
) -> tuple[BaseModel | None, SourceMap, list[Problem]]:
    """One file against its model: the model (or None) with where its values are (none with
    ``positions=False``), and its problems.

    A file whose text is the same as at its last load is not parsed or validated again: under
    ``mkdocs serve`` an edit to one file re-reads only that file. (Keyed on a digest of the text, so
    an edit is never missed and the text itself is not kept: with 10,000 suppliers it was 17 MB; the
    models are frozen, so sharing them between builds is safe.)
    """
    source = SourceMap(shown)
    expected = describe(model)
    if not path.is_file():
        return None, source, [Problem(shown, 1, 1, "", wording("file.missing", expected=expected))]
    text, problems = read_data_text(path, shown)
    if text is None:
        return None, source, problems
    key = (str(path.resolve()), shown, model, positions)
    digest = hashlib.blake2b(text.encode("utf-8"), digest_size=32).digest()
    cached = _loaded_files.get(key)
    if cached is not None and cached[0] == digest:
        _loaded_files.move_to_end(key)
        return cached[1]
    parsed = parse_yaml(text, shown, positions=positions)
    del text  # read into values: not held while they are checked
    result = _validate(parsed, shown, model, expected)
    _loaded_files[key] = (digest, result)
    if len(_loaded_files) > _CACHED_FILES:
        _loaded_files.popitem(last=False)
    return result


def _validate(
    parsed: ParsedYaml, shown: str, model: type[BaseModel], expected: Wording
) -> tuple[BaseModel | None, SourceMap, list[Problem]]:
    if parsed.problems:
        return None, parsed.source, parsed.problems
    if parsed.data is None:
        return None, parsed.source, [Problem(shown, 1, 1, "", wording("file.empty", expected=expected))]
    if not isinstance(parsed.data, dict):
        return None, parsed.source, [Problem(shown, 1, 1, "", wording("file.not_a_mapping", expected=expected))]
    try:
        return model.model_validate(parsed.data, context={TEXTS_SEEN: {}}), parsed.source, []
    except ValidationError as error:
        return None, parsed.source, validation_problems(error, model, parsed.source)


# The last load of each data file, by where it is: (its text's digest, what loading it gave). Bounded,
# so a long `mkdocs serve` or a test session that loads many folders does not grow without end.
_CACHED_FILES = 32
_loaded_files: OrderedDict[
    tuple[str, str, type[BaseModel], bool], tuple[bytes, tuple[BaseModel | None, SourceMap, list[Problem]]]
] = OrderedDict()


def forget_loaded_files() -> None:
    """Let go of the last load of every data file (a build's, once its data is checked)."""
    _loaded_files.clear()


class _OnDemandSourceMap(SourceMap):
    """A file's positions, read the first time one is asked for."""

    def __init__(self, path: Path, shown: str) -> None:
        super().__init__(shown)
        self._path: Path | None = path

    def locate(self, path: DataPath, *, at_key: bool = False) -> tuple[int, int]:
        if self._path is not None:
            text, _ = read_data_text(self._path, self.file)
            self._path = None
            if text is not None:
                source = parse_yaml(text, self.file).source
                self.values, self.keys = source.values, source.keys
        return super().locate(path, at_key=at_key)


class LazySources(Mapping[str, SourceMap]):
    """Where each value of a statement is, read from its file only when a message needs it (a kept
    version's, and a build's): as large as the data itself, and most builds need none of it."""

    def __init__(self, folder: Path, shown_as: str) -> None:
        self._sources = {
            name.removesuffix(".yml"): _OnDemandSourceMap(folder / name, f"{shown_as}/{name}") for name in DATA_FILES
        }

    def __getitem__(self, part: str) -> SourceMap:
        return self._sources[part]

    def __iter__(self) -> Iterator[str]:
        return iter(self._sources)

    def __len__(self) -> int:
        return len(self._sources)


def unlocated(shown_as: str = "data") -> dict[str, SourceMap]:
    """Sources that know no positions (every problem at 1:1): for counting problems, not showing them."""
    return {name.removesuffix(".yml"): SourceMap(f"{shown_as}/{name}") for name in DATA_FILES}
