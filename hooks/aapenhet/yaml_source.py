"""Read a YAML file into plain Python values, keeping where each value came from.

Only the YAML 1.2 *syntax* is parsed here (ruamel.yaml's composer); no scalar is given a type.
Every scalar stays a string, and the models decide what is a number or a date. So ``NO`` is the
string "NO" (no Norway problem), ``010`` is not octal, and ``2024-06-30`` is a date only where a
model says so. Duplicate keys are errors, not silently last-wins.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.error import MarkedYAMLError
from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from aapenhet.problems import Path, Problem, dotted

_NULLS = frozenset({"", "~", "null", "Null", "NULL"})


@dataclass
class SourceMap:
    """Line and column (1-based) of every value and key, by its path in the document."""

    file: str
    values: dict[Path, tuple[int, int]] = field(default_factory=dict)
    keys: dict[Path, tuple[int, int]] = field(default_factory=dict)

    def locate(self, path: Path, *, at_key: bool = False) -> tuple[int, int]:
        """The nearest known position: the key or value itself, else its closest parent."""
        table = self.keys if at_key else self.values
        for end in range(len(path), -1, -1):
            prefix = path[:end]
            if prefix in table:
                return table[prefix]
            if prefix in self.values:
                return self.values[prefix]
        return (1, 1)

    def problem(self, path: Path, message: str, *, at_key: bool = False) -> Problem:
        line, column = self.locate(path, at_key=at_key)
        return Problem(self.file, line, column, dotted(path), message)


@dataclass
class ParsedYaml:
    data: Any
    source: SourceMap
    problems: list[Problem]


def _position(node: Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


def parse_yaml(text: str, file: str) -> ParsedYaml:
    """Parse ``text``; syntax errors and duplicate keys come back as problems, never raised."""
    source = SourceMap(file)
    try:
        root = YAML(typ="rt").compose(text)
    except MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        what = " ".join(part for part in (error.context, error.problem) if part)
        started = error.context_mark
        if started is not None and mark is not None and started.line != mark.line:
            what += f" (the construct began at line {started.line + 1})"
        message = f"YAML syntax error: {what} — check indentation, colons and quotes near here"
        return ParsedYaml(None, source, [Problem(file, line, column, "", message)])
    problems: list[Problem] = []
    data = None if root is None else _to_python(root, (), source, problems)
    return ParsedYaml(data, source, problems)


def _to_python(node: Node, path: Path, source: SourceMap, problems: list[Problem]) -> Any:
    source.values[path] = _position(node)
    if isinstance(node, ScalarNode):
        # Only an unquoted null-like scalar is "empty"; a quoted "" stays an empty string.
        if node.style is None and node.value in _NULLS:
            return None
        # ruamel's round-trip composer marks the folds of a ">" scalar with BEL; drop the marks.
        return node.value.replace("\a", "") if node.style == ">" else node.value
    if isinstance(node, SequenceNode):
        return [_to_python(item, (*path, index), source, problems) for index, item in enumerate(node.value)]
    if isinstance(node, MappingNode):
        mapping: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode):
                problems.append(source.problem(path, "a key must be a plain word — expected «key: value»"))
                continue
            key = key_node.value
            key_path = (*path, key)
            if key in mapping:
                first_line = source.keys[key_path][0]
                problems.append(
                    Problem(file=source.file, line=_position(key_node)[0], column=_position(key_node)[1],
                            path=dotted(key_path),
                            message=f"duplicate key «{key}» (first at line {first_line}) — give each key once")
                )
                continue
            source.keys[key_path] = _position(key_node)
            mapping[key] = _to_python(value_node, key_path, source, problems)
        return mapping
    raise TypeError(f"unexpected YAML node {node!r}")  # a bug, not an editor's mistake
