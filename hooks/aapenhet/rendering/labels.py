"""The readers' words (table headings, labels) in every language, from ``labels.yml``; the editors'
messages are beside it in ``messages.yml`` (``aapenhet.words``).

They live in ``templates/labels.yml`` beside the templates (package data) so that a translator edits
one file, and they go through the same loader as ``data/``: a label missing a language stops the
build with its line.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from pydantic import RootModel, ValidationError

from aapenhet.model.models import Text
from aapenhet.source.explain import validation_problems
from aapenhet.source.problems import DataProblems, Problem
from aapenhet.source.yaml_source import parse_yaml


class Labels(RootModel[dict[str, Text]]):
    def get(self, key: str, language: str) -> str:
        if key not in self.root:
            raise KeyError(f"no label «{key}» in labels.yml")  # a template bug, not an editor's
        return self.root[key].in_language(language)


LABELS_FILE = resources.files("aapenhet.rendering") / "templates" / "labels.yml"
# How messages name the file: its place in the repository.
LABELS_SHOWN_AS = "hooks/aapenhet/rendering/templates/labels.yml"


def load_labels(path: Path | None = None, *, shown_as: str = LABELS_SHOWN_AS) -> Labels:
    """The site's labels: the package's own, or ``path`` (tests lay a changed copy there)."""
    text = (path or LABELS_FILE).read_text(encoding="utf-8")
    parsed = parse_yaml(text, shown_as)
    problems: list[Problem] = parsed.problems
    if not problems:
        try:
            return Labels.model_validate(parsed.data)
        except ValidationError as error:
            problems = validation_problems(error, Labels, parsed.source)
    raise DataProblems(problems)
