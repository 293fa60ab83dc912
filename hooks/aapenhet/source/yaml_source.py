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
from typing import Any, cast

import yaml
from yaml import events

from aapenhet.source.problems import Path, Problem, dotted, unreadable

# The data is at most about ten levels deep; anything much deeper is a mistake or an attack.
MAX_DEPTH = 64
# Generous for thousands of suppliers (about 1 kB each), far below what would exhaust memory.
MAX_FILE_BYTES = 32 * 1024 * 1024
_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_HINT = "check indentation, colons and quotes near here"
_HINT_NB = "sjekk innrykk, kolon og anførselstegn i nærheten"


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

    def problem(self, path: Path, message: str, *, at_key: bool = False, message_nb: str = "") -> Problem:
        line, column = self.locate(path, at_key=at_key)
        return Problem(self.file, line, column, dotted(path), message, message_nb)


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
        megabytes, most = f"{size / 1024 / 1024:.1f}", MAX_FILE_BYTES // 1024 // 1024
        return None, [
            Problem(
                shown,
                1,
                1,
                "",
                f"the file is {megabytes} MB — a data file may be at most {most} MB; is it the right file?",
                f"filen er på {megabytes.replace('.', ',')} MB — en datafil kan være på høyst {most} MB;"
                " er det riktig fil?",
            )
        ]
    try:
        return path.read_text(encoding="utf-8"), []
    except UnicodeDecodeError as error:
        return None, [
            Problem(
                shown,
                1,
                1,
                "",
                f"is not UTF-8 text ({error.reason}) — save it as UTF-8",
                f"er ikke lagret som UTF-8 ({error.reason}) — lagre filen på nytt som UTF-8",
            )
        ]
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
                    f"the text is larger than the {MAX_FILE_BYTES // 1024 // 1024} MB a data file may be",
                    f"teksten er større enn {MAX_FILE_BYTES // 1024 // 1024} MB, det meste en datafil kan være på",
                )
            ],
        )
    builder = _Builder(file, positions=positions)
    loader = yaml.CSafeLoader(text) if hasattr(yaml, "CSafeLoader") else yaml.SafeLoader(text)
    try:
        while builder.problem is None:
            event = loader.get_event()
            if event is None or isinstance(event, events.StreamEndEvent):
                break
            builder.take(event)
    except yaml.MarkedYAMLError as error:
        return ParsedYaml(None, builder.source, [_syntax_problem(error, file, text)])
    except yaml.reader.ReaderError as error:
        return ParsedYaml(None, builder.source, [_character_problem(error, file, text)])
    finally:
        loader.dispose()
    if builder.problem is not None:
        return ParsedYaml(None, builder.source, [builder.problem])
    return ParsedYaml(builder.root, builder.source, builder.problems)


@dataclass
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

    def take(self, event: events.Event) -> None:
        kind = type(event)  # scalars first: most events are, and the file may hold thousands
        if kind is events.ScalarEvent and cast(events.ScalarEvent, event).anchor is None:
            self._scalar(cast(events.ScalarEvent, event))
        elif kind is events.MappingEndEvent or kind is events.SequenceEndEvent:
            finished = self._open.pop()
            self._place(finished.value, finished.path)
        elif isinstance(event, events.DocumentStartEvent):
            self.documents += 1
            if self.documents > 1:
                self._stop(
                    event,
                    "a second YAML document («---») — keep one document per file",
                    "et YAML-dokument til («---») — ha bare ett dokument i hver fil",
                )
        elif isinstance(event, events.AliasEvent):
            self._stop(
                event,
                f"an alias (*{event.anchor}) — anchors and aliases are not supported here; write the value out in full",
                f"et alias (*{event.anchor}) — ankre og aliaser kan ikke brukes her; skriv verdien helt ut",
            )
        elif isinstance(event, events.NodeEvent) and event.anchor is not None:
            self._stop(
                event,
                f"an anchor (&{event.anchor}) — anchors and aliases are not supported here;"
                " write the value out in full",
                f"et anker (&{event.anchor}) — ankre og aliaser kan ikke brukes her; skriv verdien helt ut",
            )
        elif isinstance(event, events.CollectionStartEvent):
            self._start(event)

    def _scalar(self, event: events.ScalarEvent) -> None:
        top = self._open[-1] if self._open else None
        if isinstance(top, _Open) and isinstance(top.value, dict) and top.key is None:
            self._key(top, event)
            return
        # Only an unquoted null-like scalar is "empty"; a quoted "" stays an empty string.
        value = None if _is_plain(event) and event.value in _NULLS else event.value
        path = self._next_path()
        if self.positions:
            self.source.values[path] = _position(event)
        self._place(value, path)

    def _key(self, mapping: _Open, event: events.ScalarEvent) -> None:
        key = event.value
        if key == "<<" and _is_plain(event):
            self._stop(
                event,
                "a merge key («<<») — merge keys are not supported here; write the keys out",
                "en flettenøkkel («<<») — flettenøkler kan ikke brukes her; skriv nøklene helt ut",
            )
            return
        key_path = (*mapping.path, key)
        seen = key_path in self.source.keys if self.positions else key in mapping.value
        mapping.keep_value = not seen
        if mapping.keep_value:
            if self.positions:
                self.source.keys[key_path] = _position(event)
        else:
            # Without positions the first one's line is not known: the loader reads the file again with them.
            first_line = self.source.keys[key_path][0] if self.positions else 0
            self.problems.append(
                Problem(
                    self.source.file,
                    *_position(event),
                    dotted(key_path),
                    f"duplicate key «{key}» (first at line {first_line}) — give each key once",
                    f"nøkkelen «{key}» står to ganger (første gang på linje {first_line}) — skriv hver nøkkel bare"
                    " én gang",
                )
            )
        mapping.key = key

    def _start(self, event: events.CollectionStartEvent) -> None:
        top = self._open[-1] if self._open else None
        if top is not None and isinstance(top.value, dict) and top.key is None:
            self._stop(
                event,
                "a key must be a plain word — expected «key: value»",
                "en nøkkel må være et enkelt ord — forventet «nøkkel: verdi»",
            )
            return
        if len(self._open) >= MAX_DEPTH:
            self._stop(event, *_too_deep())
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

    def _place(self, value: Any, path: Path) -> None:
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

    def _stop(self, event: events.Event, message: str, message_nb: str) -> None:
        line, column = _position(event)
        self.problem = Problem(self.source.file, line, column, dotted(self._next_path()), message, message_nb)


def _too_deep() -> tuple[str, str]:
    """The message, in English and Norwegian."""
    return (
        f"nested more than {MAX_DEPTH} levels deep — the data is never nested this deeply; check the"
        " indentation and brackets",
        f"mer enn {MAX_DEPTH} nivåer inni hverandre — dataene har aldri så mange nivåer; sjekk innrykkene og klammene",
    )


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
        f"an invisible control character (U+{code:04X}) that YAML does not allow — delete it (retype the"
        " text around it if your editor does not show it); only tabs and line breaks may be used",
        f"et usynlig kontrolltegn (U+{code:04X}) som YAML ikke tillater — slett det (skriv teksten rundt det"
        " på nytt hvis redigeringsprogrammet ikke viser det); bare tabulatorer og linjeskift kan brukes",
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
        return Problem(file, line, column, "", *_too_deep())
    if "cannot start any token" in problem and mark is not None and _char_at(lines, mark) == "\t":
        return Problem(
            file,
            line,
            column,
            "",
            "a tab — indent with spaces, not tabs",
            "en tabulator — bruk mellomrom til innrykk, ikke tabulatorer",
        )
    if "quoted scalar" in context and "end of stream" in problem and started is not None:
        return Problem(
            file,
            started.line + 1,
            started.column + 1,
            "",
            "this quote is never closed — add the closing quote (\" or ') where the text ends",
            "dette anførselstegnet blir aldri lukket — sett inn det avsluttende anførselstegnet (\" eller ')"
            " der teksten slutter",
        )
    if context.startswith("while parsing a flow") and started is not None:
        opened = _char_at(lines, started)
        if mark is not None and mark.line != started.line:
            return Problem(
                file,
                started.line + 1,
                started.column + 1,
                "",
                f"this «{opened}» is not closed on its line — close it with «{_CLOSING.get(opened, '')}»,"
                " or put text that holds a comma, colon or # in quotes",
                f"denne «{opened}» blir ikke lukket på samme linje — lukk den med «{_CLOSING.get(opened, '')}»,"
                " eller sett tekst med komma, kolon eller # i anførselstegn",
            )
        return Problem(
            file,
            line,
            column,
            "",
            f"a comma, colon or # in unquoted text breaks the"
            f' «{opened}…{_CLOSING.get(opened, "")}» here — put the text in quotes ("…")',
            f"et komma, kolon eller # i tekst uten anførselstegn bryter"
            f' «{opened}…{_CLOSING.get(opened, "")}» her — sett teksten i anførselstegn ("…")',
        )
    if "mapping values are not allowed" in problem and mark is not None:
        return Problem(
            file,
            line,
            1,
            "",
            "a colon inside unquoted text, or a line indented differently from the"
            ' lines above — put text that holds a colon in quotes ("…"), and line up keys of the'
            " same level with the same number of spaces",
            "et kolon i tekst uten anførselstegn, eller en linje som er rykket inn annerledes enn linjene"
            ' over — sett tekst med kolon i anførselstegn ("…"), og la nøkler på samme nivå'
            " begynne med like mange mellomrom",
        )
    # The YAML reader's own words, with where the construct began; in Norwegian where they are known.
    what = " ".join(part for part in (context, problem) if part)
    began = began_nb = ""
    if started is not None and mark is not None and started.line != mark.line:
        began = f" (the construct began at line {started.line + 1})"
        began_nb = f" (fra linje {started.line + 1})"
    where_nb = _READER_WORDS_NB.get(context, context)
    what_nb = f"{where_nb}{began_nb}: " if where_nb else ""
    what_nb += _READER_WORDS_NB.get(problem, problem)
    return Problem(
        file,
        line,
        column,
        "",
        f"YAML syntax error: {what}{began} — {_HINT}",
        f"feil i YAML-oppsettet{' ' if where_nb else ': '}{what_nb} — {_HINT_NB}",
    )


# The YAML reader's (libyaml's) words for where it was and what it found, in Norwegian; any other
# words of its own stay as it says them.
_READER_WORDS_NB = {
    "while parsing a block mapping": "i en blokk med nøkler",
    "while parsing a block collection": "i en liste",
    "while parsing a flow sequence": "i en liste i «[…]»",
    "while parsing a flow mapping": "i en blokk i «{…}»",
    "while parsing a block node": "i en verdi",
    "while parsing a flow node": "i en verdi",
    "while parsing a quoted scalar": "i en tekst i anførselstegn",
    "while scanning a quoted scalar": "i en tekst i anførselstegn",
    "while scanning a simple key": "i en nøkkel",
    "while scanning a plain scalar": "i en tekst",
    "while scanning a block scalar": "i en tekstblokk («|» eller «>»)",
    "while scanning an alias": "i et alias («*»)",
    "while scanning an anchor": "i et anker («&»)",
    "while scanning a tag": "i en tagg («!»)",
    "while scanning for the next token": "",
    "did not find expected key": "fant ikke nøkkelen som skulle komme her (er linjen rykket inn for lite"
    " eller for mye, eller står det noe etter verdien?)",
    "did not find expected '-' indicator": "fant ikke «-» der neste punkt i listen skulle begynne (er linjen"
    " rykket inn for lite eller for mye?)",
    "could not find expected ':'": "fant ikke «:» etter nøkkelen",
    "found unknown escape character": "fant en omvendt skråstrek (\\) med et tegn etter som YAML ikke kjenner",
    "found a tab character that violates indentation": "fant en tabulator som ødelegger innrykket",
    "did not find expected <document start>": "fant tekst etter slutten av dokumentet",
    "found character that cannot start any token": "fant et tegn som ikke kan stå først i en verdi uten"
    " anførselstegn (som %, @ eller `)",
    "did not find expected comment or line break": "fant ikke linjeskift eller kommentar der det skulle være",
    "did not find expected alphabetic or numeric character": "fant ikke bokstav eller siffer der det skulle være",
    "did not find expected node content": "fant ingen verdi der det skulle være en",
    "found unexpected end of stream": "filen slutter før det som ble åpnet, er lukket",
    "block sequence entries are not allowed in this context": "et listepunkt («- ») kan ikke stå her",
    "did not find expected ',' or ']'": "fant ikke «,» eller «]»",
    "did not find expected ',' or '}'": "fant ikke «,» eller «}»",
}


_CLOSING = {"[": "]", "{": "}"}


def _char_at(lines: list[str], mark: yaml.Mark) -> str:
    if mark.line < len(lines) and mark.column < len(lines[mark.line]):
        return lines[mark.line][mark.column]
    return ""
