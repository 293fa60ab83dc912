"""Load every file in ``data/``, validate it against its model and cross-check the whole tree.

``load_statement_data`` either returns a complete ``StatementData`` or raises ``DataProblems`` with
every problem in every file, so an editor sees them all at once.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, ValidationError

from aapenhet.crosscheck import cross_check
from aapenhet.explain import describe, validation_problems
from aapenhet.models import DATA_FILES, StatementData
from aapenhet.problems import DataProblems, Problem
from aapenhet.yaml_source import SourceMap, parse_yaml


def load_statement_data(data_dir: Path, *, shown_as: str = "data") -> StatementData:
    """Load ``data_dir``; ``shown_as`` is the folder name used in messages (``data/company.yml``)."""
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
    return data


def load_data_file(path: Path, shown: str, model: type[BaseModel]) -> tuple[BaseModel | None, SourceMap, list[Problem]]:
    """One file against its model: the model (or None) with where its values are, and its problems."""
    source = SourceMap(shown)
    expected = describe(model)
    if not path.is_file():
        return None, source, [Problem(shown, 1, 1, "", f"file is missing — expected {expected}")]
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        return None, source, [Problem(shown, 1, 1, "", f"is not UTF-8 text ({error.reason}) — save it as UTF-8")]
    parsed = parse_yaml(text, shown)
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
