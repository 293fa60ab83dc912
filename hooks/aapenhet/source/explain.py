"""Turn pydantic's validation errors into messages an editor can act on.

Each message says what is wrong and what is expected, and points at the key or value in the YAML
file. Messages are keyed on pydantic's error *types*, which are stable, not on its English wording.
"""

from __future__ import annotations

import datetime
import difflib
import enum
import re
import types
from typing import Annotated, Any, Union, get_args, get_origin

from pydantic import BaseModel, RootModel, ValidationError
from pydantic_core import ErrorDetails

from aapenhet.source.problems import Path, Problem
from aapenhet.source.yaml_source import SourceMap

_LANGUAGE_NAMES = {"nb": "Norwegian (nb)", "en": "English (en)"}
_PATTERN_EXPECTATIONS = {
    r"^\d{9}$": "nine digits, such as 123456789",
    r"^[a-z0-9]+(-[a-z0-9]+)*$": "an id of lower-case letters, digits and hyphens, such as «hp»",
}


_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def validation_problems(error: ValidationError, model: type[BaseModel], source: SourceMap) -> list[Problem]:
    problems = []
    for detail in error.errors(include_url=False):
        path: Path = tuple(detail["loc"])
        at_key = detail["type"] in {"extra_forbidden", "missing"}
        problems.append(source.problem(path, _message(detail, path, model), at_key=at_key))
    return problems


def _message(detail: ErrorDetails, path: Path, model: type[BaseModel]) -> str:
    kind, value, ctx = detail["type"], detail.get("input"), detail.get("ctx") or {}
    field = path[-1] if path else ""
    expected = describe(annotation_at(model, path))
    if kind == "missing":
        if field in _LANGUAGE_NAMES:
            return f"missing {_LANGUAGE_NAMES[field]} translation — add «{field}: …»"
        return f"required field is missing — expected {expected}"
    if kind == "extra_forbidden":
        known = _field_names(annotation_at(model, path[:-1]))
        close = difflib.get_close_matches(str(field), known, n=1, cutoff=0.6)
        hint = f"did you mean «{close[0]}»?" if close else "expected one of: " + ", ".join(known)
        return f"unknown key «{field}» — {hint}"
    if kind == "string_too_short":
        if field in _LANGUAGE_NAMES:
            return f"missing {_LANGUAGE_NAMES[field]} translation: the text is empty — write it"
        return f"is empty — expected {expected}"
    if kind == "string_pattern_mismatch":
        wanted = _PATTERN_EXPECTATIONS.get(ctx.get("pattern", ""), "an e-mail address such as post@example.no")
        return f"«{value}» is not valid — expected {wanted}"
    if kind == "value_error":
        return str(ctx.get("error", detail["msg"]))
    if kind == "enum":
        return f"«{value}» is not allowed — expected one of: {ctx.get('expected', '')}".replace("'", "")
    if kind == "too_short":
        count = ctx.get("min_length", 1)
        return f"is empty — expected at least {count} item{'s' if count != 1 else ''}"
    if kind in {"greater_than", "greater_than_equal", "less_than", "less_than_equal"}:
        bound = next(iter(ctx.values()), "")
        words = {
            "greater_than": "more than",
            "greater_than_equal": "at least",
            "less_than": "less than",
            "less_than_equal": "at most",
        }[kind]
        return f"«{value}» is out of range — expected {words} {bound}"
    if value is None:
        if field in _LANGUAGE_NAMES:
            return f"the {_LANGUAGE_NAMES[field]} text is empty — write it"
        return f"is empty — expected {expected}"
    if kind.startswith("date") and isinstance(value, str) and _ISO_DATE.match(value):
        return f"«{value}» is not a real date — expected a date in the calendar as YYYY-MM-DD"
    shown = f"«{value}»" if isinstance(value, str) else _shape(value)
    return f"{shown} is not valid here — expected {expected}"


def _shape(value: Any) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return f"«{value}»"


def _unwrap(annotation: Any) -> Any:
    """Strip ``Annotated[...]`` and ``X | None`` down to the type that matters."""
    while True:
        origin = get_origin(annotation)
        if origin is Annotated:
            annotation = get_args(annotation)[0]
        elif origin in (Union, types.UnionType):
            options = [arg for arg in get_args(annotation) if arg is not type(None)]
            if len(options) != 1:
                return annotation
            annotation = options[0]
        else:
            return annotation


def annotation_at(model: type[BaseModel], path: Path) -> Any:
    """The declared type at ``path`` in the model tree, or ``None`` where the path leaves it."""
    current: Any = model
    for part in path:
        current = _unwrap(current)
        if isinstance(current, type) and issubclass(current, RootModel):
            current = _unwrap(current.model_fields["root"].annotation)
        if get_origin(current) is dict:
            current = get_args(current)[1]
        elif isinstance(part, int):
            args = get_args(current) if get_origin(current) is list else ()
            current = args[0] if args else None
        elif isinstance(current, type) and issubclass(current, BaseModel) and part in current.model_fields:
            current = current.model_fields[part].annotation
        else:
            return None
    return current


def _field_names(annotation: Any) -> list[str]:
    annotation = _unwrap(annotation)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return list(annotation.model_fields)
    return []


def describe(annotation: Any) -> str:
    """What an editor should write for a value of this type, in a few words."""
    annotation = _unwrap(annotation)
    if get_origin(annotation) is list:
        return f"a list of {describe(get_args(annotation)[0])} (one «- » line each)"
    if not isinstance(annotation, type):
        return "a value"
    if annotation.__name__ == "Text":
        return "a text in both languages, {nb: …, en: …}"
    if issubclass(annotation, BaseModel):
        return "a mapping with keys " + ", ".join(annotation.model_fields)
    if issubclass(annotation, enum.Enum):
        return "one of: " + ", ".join(member.value for member in annotation)
    if issubclass(annotation, bool):
        return "true or false"
    if issubclass(annotation, int):
        return "a whole number, such as 250"
    if issubclass(annotation, float):
        return "a number, such as 100"
    if issubclass(annotation, datetime.date):
        return "a date as YYYY-MM-DD, such as 2025-06-30"
    if issubclass(annotation, str):
        return "text"
    if "Url" in annotation.__name__:
        return "a web address starting with https://"
    return annotation.__name__
