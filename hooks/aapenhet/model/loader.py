"""Load every file in ``data/``, validate it against its model and cross-check the whole tree.

``load_statement`` either returns the complete ``StatementData`` with where each value of each file
is (for rules that report located problems later), or raises ``DataProblems`` with every problem in
every file, so an editor sees them all at once.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel, ValidationError

from aapenhet.model.crosscheck import cross_check
from aapenhet.source.explain import describe, validation_problems
from aapenhet.model.models import DATA_FILES, StatementData
from aapenhet.source.problems import DataProblems, Problem
from aapenhet.source.yaml_source import SourceMap, read_yaml_file


@dataclass(frozen=True)
class LoadedStatement:
    """The validated data, and where each of its values is, by file (``statement``, ``suppliers``…)."""

    data: StatementData
    sources: dict[str, SourceMap]


def load_statement_data(data_dir: Path, *, shown_as: str = "data") -> StatementData:
    """Load ``data_dir``; ``shown_as`` is the folder name used in messages (``data/company.yml``)."""
    return load_statement(data_dir, shown_as=shown_as).data


def load_statement(data_dir: Path, *, shown_as: str = "data") -> LoadedStatement:
    """Load, validate and cross-check ``data_dir``; raises ``DataProblems`` with every problem."""
    problems: list[Problem] = []
    parts: dict[str, BaseModel] = {}
    sources: dict[str, SourceMap] = {}
    for file_name, model in DATA_FILES.items():
        shown = f"{shown_as}/{file_name}"
        part, source, file_problems = load_data_file(data_dir / file_name, shown, model)
        problems += file_problems
        if part is not None:
            parts[file_name.removesuffix(".yml")] = part
            sources[file_name.removesuffix(".yml")] = source
    if problems:
        raise DataProblems(problems)
    data = StatementData(**parts)
    problems = cross_check(data, sources)
    if problems:
        raise DataProblems(problems)
    return LoadedStatement(data, sources)


def load_data_file(path: Path, shown: str, model: type[BaseModel]) -> tuple[BaseModel | None, SourceMap, list[Problem]]:
    """One file against its model: the model (or None) with where its values are, and its problems."""
    source = SourceMap(shown)
    expected = describe(model)
    if not path.is_file():
        return None, source, [Problem(shown, 1, 1, "", f"file is missing — expected {expected}")]
    parsed = read_yaml_file(path, shown)
    if parsed.problems:
        return None, parsed.source, parsed.problems
    if parsed.data is None:
        return None, source, [Problem(shown, 1, 1, "", f"file is empty — expected {expected}")]
    if not isinstance(parsed.data, dict):
        return None, source, [Problem(shown, 1, 1, "", f"the file is not a mapping — expected {expected}")]
    try:
        return model.model_validate(parsed.data), parsed.source, []
    except ValidationError as error:
        return None, parsed.source, validation_problems(error, model, parsed.source)
