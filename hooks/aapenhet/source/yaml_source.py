"""Read a YAML file into plain Python values, keeping where each value came from.

The text is parsed by libyaml (PyYAML's C parser) into events, and the values are built here from
those events, so:
- no scalar is given a type: every scalar stays a string and the models decide what is a number
  or a date. ``NO`` is the string "NO" (no Norway problem), ``010`` is not octal, ``1e3`` is not a
  float and ``2024-06-30`` is a date only where a model says so;
- every value and key keeps its line and column, for messages like ``data/x.yml:12:5``;
- duplicate keys are errors, not silently last-wins;
- what could make a small file huge or a parse endless is refused before it costs anything:
  anchors and aliases (a 400-byte "alias bomb" expands to millions of values), merge keys (``<<``),
  nesting deeper than ``MAX_DEPTH`` and files larger than ``MAX_FILE_BYTES``.
Problems come back as values, never as exceptions or tracebacks.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path as FilePath
from typing import Any

import yaml
from yaml import events

from aapenhet.source.problems import Path, Problem, dotted, unreadable
from aapenhet.words import Wording, message, messages, number, per_language, wording

# The data is at most about ten levels deep; anything much deeper is a mistake or an attack.
MAX_DEPTH = 64
# Generous for thousands of suppliers (about 1 kB each), far below what would exhaust memory.
MAX_FILE_BYTES = 32 * 1024 * 1024
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

    def problem(self, path: Path, said: Wording, *, at_key: bool = False) -> Problem:
        line, column = self.locate(path, at_key=at_key)
        return Problem(self.file, line, column, dotted(path), said)


@dataclass
class ParsedYaml:
    data: Any
    source: SourceMap
    problems: list[Problem]


def read_data_text(path: FilePath, shown: str) -> tuple[str | None, list[Problem]]:
    """A data file's text, or None and why it cannot be read: too large (checked before reading), not
    to be opened, or not UTF-8."""
    try:
        size = path.stat().st_size
    except OSError as error:
        return None, [unreadable(shown, error)]
    if size > MAX_FILE_BYTES:
        megabytes, most = number(size / 1024 / 1024, "0.0"), MAX_FILE_BYTES // 1024 // 1024
        return None, [Problem(shown, 1, 1, "", wording("yaml.too_large_file", megabytes=megabytes, most=most))]
    try:
        return path.read_text(encoding="utf-8"), []
    except UnicodeDecodeError as error:
        return None, [Problem(shown, 1, 1, "", wording("yaml.not_utf8", reason=error.reason))]
    except OSError as error:
        return None, [unreadable(shown, error)]


def file_problems(path: FilePath) -> list[Problem]:
    """What keeps the YAML file at ``path`` from being read at all (it cannot be opened, is too large,
    is not UTF-8, or has a syntax error), located and named by its file name; none when it can be read.
    For ``mkdocs.yml``, which MkDocs reads itself."""
    text, problems = read_data_text(path, path.name)
    return problems if text is None else parse_yaml(text, path.name).problems


def parse_yaml(text: str, file: str, *, positions: bool = True) -> ParsedYaml:
    """Parse ``text``; syntax errors, refused constructs and duplicate keys come back as problems.
    ``positions=False``: where each value is is not kept (as large as the data itself); its problems
    are still located, from the parser's own marks."""
    if len(text) > MAX_FILE_BYTES:
        return ParsedYaml(
            None,
            SourceMap(file),
            [
                Problem(
                    file,
                    1,
                    1,
                    "",
                    wording("yaml.too_large_text", most=MAX_FILE_BYTES // 1024 // 1024),
                )
            ],
        )
    builder = _Builder(file, positions=positions)
    loader = yaml.CSafeLoader(text) if hasattr(yaml, "CSafeLoader") else yaml.SafeLoader(text)
    try:
        # Scalars first: most events are, and a long list has a hundred thousand.
        next_event, take, take_scalar = loader.get_event, builder.take, builder.take_scalar
        while builder.problem is None:
            event = next_event()
            if isinstance(event, events.ScalarEvent) and event.anchor is None:
                take_scalar(event)
            elif event is None or isinstance(event, events.StreamEndEvent):
                break
            else:
                take(event)
    except yaml.MarkedYAMLError as error:
        return ParsedYaml(None, builder.source, [_syntax_problem(error, file, text)])
    except yaml.reader.ReaderError as error:
        return ParsedYaml(None, builder.source, [_character_problem(error, file, text)])
    finally:
        loader.dispose()
    if builder.problem is not None:
        return ParsedYaml(None, builder.source, [builder.problem])
    return ParsedYaml(builder.root, builder.source, builder.problems)


@dataclass(slots=True)
class _Open:
    """A mapping or list being built: where it is and, in a mapping, the key waiting for its value."""

    value: dict[str, Any] | list[Any]
    path: Path
    key: str | None = None
    # False while reading the value of a key given twice: read for its problems, not kept.
    keep_value: bool = True


class _Builder:
    """Builds plain values from parser events; stops at the first construct it refuses."""

    def __init__(self, file: str, *, positions: bool = True) -> None:
        self.source = SourceMap(file)
        self.positions = positions
        self.problems: list[Problem] = []  # problems after which reading can go on (duplicate keys)
        self.problem: Problem | None = None  # a problem that stops reading (aliases, depth, documents)
        self.root: Any = None
        self.documents = 0
        self._open: list[_Open] = []
        # Each distinct text once: a long list repeats its countries, kinds and notes thousands of times,
        # and the models keep the very strings read here.
        self._texts: dict[str, str] = {}

    def take(self, event: events.Event) -> None:
        """Any event but a scalar without an anchor, which ``take_scalar`` takes."""
        kind = type(event)
        if kind is events.MappingEndEvent or kind is events.SequenceEndEvent:
            finished = self._open.pop()
            self._place(finished.value)
        elif isinstance(event, events.DocumentStartEvent):
            self.documents += 1
            if self.documents > 1:
                self._stop(event, wording("yaml.second_document"))
        elif isinstance(event, events.AliasEvent):
            self._stop(event, wording("yaml.alias", anchor=event.anchor))
        elif isinstance(event, events.NodeEvent) and event.anchor is not None:
            self._stop(event, wording("yaml.anchor", anchor=event.anchor))
        elif isinstance(event, events.CollectionStartEvent):
            self._start(event)

    def take_scalar(self, event: events.ScalarEvent) -> None:
        # Most of a large file's events: written for speed (no path is made unless positions are kept).
        opened = self._open
        top = opened[-1] if opened else None
        if top is not None and top.key is None and isinstance(top.value, dict):
            self._key(top, event)
            return
        # Only an unquoted null-like scalar is "empty"; a quoted "" stays an empty string.
        text = event.value
        value = None if not event.style and text in _NULLS else self._texts.setdefault(text, text)
        if self.positions:
            self.source.values[self._next_path()] = _position(event)
        self._place(value)

    def _key(self, mapping: _Open, event: events.ScalarEvent) -> None:
        key = event.value
        if key == "<<" and _is_plain(event):
            self._stop(event, wording("yaml.merge_key"))
            return
        if self.positions:
            key_path = (*mapping.path, key)
            mapping.keep_value = key_path not in self.source.keys
            if mapping.keep_value:
                self.source.keys[key_path] = _position(event)
        else:
            mapping.keep_value = key not in mapping.value
        if not mapping.keep_value:
            key_path = (*mapping.path, key)
            # Without positions the first one's line is not known: the loader reads the file again with them.
            first_line = self.source.keys[key_path][0] if self.positions else 0
            self.problems.append(
                Problem(
                    self.source.file,
                    *_position(event),
                    dotted(key_path),
                    wording("yaml.duplicate_key", key=key, first_line=first_line),
                )
            )
        mapping.key = key

    def _start(self, event: events.CollectionStartEvent) -> None:
        top = self._open[-1] if self._open else None
        if top is not None and isinstance(top.value, dict) and top.key is None:
            self._stop(event, wording("yaml.key_not_plain"))
            return
        if len(self._open) >= MAX_DEPTH:
            self._stop(event, _too_deep())
            return
        path = self._next_path()
        if self.positions:
            self.source.values[path] = _position(event)
        value: dict[str, Any] | list[Any] = {} if isinstance(event, events.MappingStartEvent) else []
        self._open.append(_Open(value, path))

    def _next_path(self) -> Path:
        """The path of the value about to be read: the waiting key's, or the next list index."""
        if not self._open:
            return ()
        top = self._open[-1]
        if isinstance(top.value, dict):
            return top.path if top.key is None else (*top.path, top.key)
        return (*top.path, len(top.value))

    def _place(self, value: Any) -> None:
        if not self._open:
            self.root = value
            return
        top = self._open[-1]
        if isinstance(top.value, list):
            top.value.append(value)
        else:
            if top.keep_value and top.key is not None:
                top.value[top.key] = value
            top.key = None

    def _stop(self, event: events.Event, said: Wording) -> None:
        line, column = _position(event)
        self.problem = Problem(self.source.file, line, column, dotted(self._next_path()), said)


def _too_deep() -> Wording:
    return wording("yaml.too_deep", depth=MAX_DEPTH)


def _is_plain(event: events.ScalarEvent) -> bool:
    """Written without quotes (libyaml says ``""``, PyYAML's own parser ``None``)."""
    return not event.style


def _position(event: events.Event) -> tuple[int, int]:
    mark = event.start_mark
    return (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)


def _character_problem(error: yaml.reader.ReaderError, file: str, text: str) -> Problem:
    """A character YAML does not allow (a control character such as a form feed, NUL or ESC, often
    pasted from another program): where it is, and what it is, since no editor shows it."""
    position = min(max(error.position, 0), len(text))
    line = text.count("\n", 0, position) + 1
    column = position - (text.rfind("\n", 0, position) + 1) + 1
    code = error.character if isinstance(error.character, int) else ord(str(error.character)[:1] or "\0")
    return Problem(
        file,
        line,
        column,
        "",
        wording("yaml.control_character", code=code),
    )


def _syntax_problem(error: yaml.MarkedYAMLError, file: str, text: str) -> Problem:
    """The parser's complaint in an editor's words, at the line where the mistake is."""
    mark = error.problem_mark or error.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    problem, context = error.problem or "", error.context or ""
    started = error.context_mark
    lines = text.splitlines()
    if "maximum nesting depth" in problem:
        # libyaml's scanner, reading ahead, stops deep flow brackets before the events reach MAX_DEPTH.
        return Problem(file, line, column, "", _too_deep())
    if "cannot start any token" in problem and mark is not None and _char_at(lines, mark) == "\t":
        return Problem(
            file,
            line,
            column,
            "",
            wording("yaml.tab"),
        )
    if "quoted scalar" in context and "end of stream" in problem and started is not None:
        return Problem(
            file,
            started.line + 1,
            started.column + 1,
            "",
            wording("yaml.unclosed_quote"),
        )
    if context.startswith("while parsing a flow") and started is not None:
        opened = _char_at(lines, started)
        if mark is not None and mark.line != started.line:
            return Problem(
                file,
                started.line + 1,
                started.column + 1,
                "",
                wording("yaml.flow_not_closed", opened=opened, closing=_CLOSING.get(opened, "")),
            )
        return Problem(
            file,
            line,
            column,
            "",
            wording("yaml.flow_broken", opened=opened, closing=_CLOSING.get(opened, "")),
        )
    if "mapping values are not allowed" in problem and mark is not None:
        return Problem(
            file,
            line,
            1,
            "",
            wording("yaml.colon_or_indent"),
        )
    began = ""
    if started is not None and mark is not None and started.line != mark.line:
        began = str(started.line + 1)
    return Problem(file, line, column, "", _syntax_wording(context, problem, began))


def _syntax_wording(context: str, problem: str, began: str) -> Wording:
    """The YAML reader's own words, with where the construct began (``began``, a line, or empty); in
    each language's words where the store has them, else as the reader says them."""

    def in_language(language: str) -> str:
        where, what = _reader_words(context, language), _reader_words(problem, language)
        began_at = message("yaml.began", language, line=began) if began else ""
        key = "yaml.syntax" if where else "yaml.syntax_nowhere"
        return message(key, language, where=where, what=what, began=began_at)

    return per_language(in_language)


def _reader_words(said: str, language: str) -> str:
    key = f"yaml_reader.{said}"
    return message(key, language) if key in messages() else said


_CLOSING = {"[": "]", "{": "}"}


def _char_at(lines: list[str], mark: yaml.Mark) -> str:
    if mark.line < len(lines) and mark.column < len(lines[mark.line]):
        return lines[mark.line][mark.column]
    return ""
