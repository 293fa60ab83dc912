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

from aapenhet.languages import LANGUAGES
from aapenhet.source.problems import Path, Problem, WordedError
from aapenhet.source.yaml_source import SourceMap
from aapenhet.words import Wording, message, per_language, wording

# What a pattern wants: the word store's key.
_PATTERN_EXPECTATIONS = {r"^\d{9}$": "pattern.organisation_number", r"^[a-z0-9]+(-[a-z0-9]+)*$": "pattern.identifier"}
_BOUNDS = ("greater_than", "greater_than_equal", "less_than", "less_than_equal")


_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def validation_problems(error: ValidationError, model: type[BaseModel], source: SourceMap) -> list[Problem]:
    problems = []
    for detail in error.errors(include_url=False):
        path: Path = tuple(detail["loc"])
        at_key = detail["type"] in {"extra_forbidden", "missing"}
        problems.append(source.problem(path, _message(detail, path, model), at_key=at_key))
    return problems


def _message(detail: ErrorDetails, path: Path, model: type[BaseModel]) -> Wording:
    """What is wrong and what is expected, in every language."""
    kind, value, ctx = detail["type"], detail.get("input"), detail.get("ctx") or {}
    field = path[-1] if path else ""
    in_a_text = field in LANGUAGES  # a text's value in one language: the message names the language
    text = wording(f"language.{field}") if in_a_text else None
    if kind == "missing":
        if in_a_text:
            return wording("explain.translation_missing", text=text, code=field)
        return wording("explain.missing", expected=describe(annotation_at(model, path)))
    if kind == "extra_forbidden":
        return _unknown_key(str(field), _field_names(annotation_at(model, path[:-1])))
    if kind == "string_too_short":
        if in_a_text:
            return wording("explain.translation_empty", text=text)
        return wording("explain.empty", expected=describe(annotation_at(model, path)))
    if kind == "string_pattern_mismatch":
        wanted = _PATTERN_EXPECTATIONS.get(ctx.get("pattern", ""), "pattern.email")
        return wording("explain.not_valid", value=value, wanted=wording(wanted))
    if kind == "value_error":
        refusal = ctx.get("error", detail["msg"])
        return refusal.wording if isinstance(refusal, WordedError) else verbatim_refusal(refusal)
    if kind == "enum":
        return _not_allowed(str(value), str(ctx.get("expected", "")))
    if kind == "too_short":
        count = ctx.get("min_length", 1)
        return wording("explain.too_few_one" if count == 1 else "explain.too_few_many", count=count)
    if kind in _BOUNDS:
        bound = next(iter(ctx.values()), "")
        return wording("explain.out_of_range", value=value, bound_words=wording(f"bound.{kind}"), bound=bound)
    if value is None:
        if in_a_text:
            return wording("explain.text_empty", text=text)
        return wording("explain.empty", expected=describe(annotation_at(model, path)))
    if kind.startswith("date") and isinstance(value, str) and _ISO_DATE.match(value):
        return wording("explain.not_a_real_date", value=value)
    return wording("explain.not_valid_here", shown=_shape(value), expected=describe(annotation_at(model, path)))


def verbatim_refusal(refusal: object) -> Wording:
    """A validator's refusal that is not worded (a bug in the tool, or pydantic's own words): as it is."""
    return per_language(lambda language: str(refusal))


def _unknown_key(field: str, known: list[str]) -> Wording:
    close = difflib.get_close_matches(field, known, n=1, cutoff=0.6)
    if close:
        return wording("explain.unknown_key_close", key=field, close=close[0])
    return wording("explain.unknown_key", key=field, known=", ".join(known))


def _not_allowed(value: str, expected: str) -> Wording:
    """pydantic's list of allowed values («'high', 'elevated' or 'low'») with each language's «or»; no
    quotes, here or in the value."""
    allowed = expected.replace("'", "")
    return per_language(
        lambda language: message(
            "explain.not_allowed",
            language,
            value=value.replace("'", ""),
            allowed=allowed.replace(" or ", f" {message('word.or', language)} "),
        )
    )


def _shape(value: Any) -> Wording:
    """What a value is, in every language."""
    if isinstance(value, dict):
        return wording("shape.mapping")
    if isinstance(value, list):
        return wording("shape.list")
    return wording("shape.value", value=value)


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


def describe(annotation: Any) -> Wording:
    """What an editor should write for a value of this type, in a few words, in every language."""
    annotation = _unwrap(annotation)
    if get_origin(annotation) is list:
        return wording("expected.list", item=describe(get_args(annotation)[0]))
    if not isinstance(annotation, type):
        return wording("expected.value")
    if annotation.__name__ == "Text":
        return wording("expected.text", shape="{" + ", ".join(f"{language}: …" for language in LANGUAGES) + "}")
    if issubclass(annotation, BaseModel):
        return wording("expected.mapping", keys=", ".join(annotation.model_fields))
    if issubclass(annotation, enum.Enum):
        return wording("expected.one_of", values=", ".join(member.value for member in annotation))
    for kind, key in _PLAIN_TYPES:
        if issubclass(annotation, kind):
            return wording(key)
    if "Url" in annotation.__name__:
        return wording("expected.url")
    return wording("expected.type", name=annotation.__name__)


# Checked in this order: bool is an int, and a date's subclass a datetime.
_PLAIN_TYPES: tuple[tuple[type, str], ...] = (
    (bool, "expected.bool"),
    (int, "expected.int"),
    (float, "expected.float"),
    (datetime.date, "expected.date"),
    (str, "expected.str"),
)
