"""The site's own words (table headings, labels, messages) in nb and en, from ``labels.yml``.

They live in a YAML file beside the templates so that a translator edits one file, and they go
through the same loader as ``data/``: a label missing a language stops the build with its line.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import RootModel, ValidationError

from aapenhet.explain import validation_problems
from aapenhet.models import Text
from aapenhet.problems import DataProblems, Problem
from aapenhet.yaml_source import parse_yaml


class Labels(RootModel[dict[str, Text]]):
    def get(self, key: str, language: str) -> str:
        if key not in self.root:
            raise KeyError(f"no label «{key}» in labels.yml")  # a template bug, not an editor's
        return self.root[key].in_language(language)


def load_labels(path: Path, *, shown_as: str) -> Labels:
    parsed = parse_yaml(path.read_text(encoding="utf-8"), shown_as)
    problems: list[Problem] = parsed.problems
    if not problems:
        try:
            return Labels.model_validate(parsed.data)
        except ValidationError as error:
            problems = validation_problems(error, Labels, parsed.source)
    raise DataProblems(problems)
