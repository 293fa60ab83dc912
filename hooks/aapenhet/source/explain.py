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

from aapenhet.languages import DEFAULT_LANGUAGE
from aapenhet.source.problems import Path, Problem, WordedError
from aapenhet.source.yaml_source import SourceMap

# A text's language, as messages name it: in English, and in Norwegian (with its article).
_LANGUAGE_NAMES = {"nb": "Norwegian (nb)", "en": "English (en)"}
_LANGUAGE_TEXTS_NB = {"nb": "den norske teksten (nb)", "en": "den engelske teksten (en)"}
# What a pattern wants, in English and Norwegian.
_PATTERN_EXPECTATIONS = {
    r"^\d{9}$": ("nine digits, such as 123456789", "ni sifre, for eksempel 123456789"),
    r"^[a-z0-9]+(-[a-z0-9]+)*$": (
        "an id of lower-case letters, digits and hyphens, such as «hp»",
        "en id av små bokstaver, sifre og bindestreker, for eksempel «hp»",
    ),
}
_EMAIL_EXPECTATION = ("an e-mail address such as post@example.no", "en e-postadresse som post@example.no")
_BOUNDS = {
    "greater_than": ("more than", "mer enn"),
    "greater_than_equal": ("at least", "minst"),
    "less_than": ("less than", "mindre enn"),
    "less_than_equal": ("at most", "høyst"),
}


_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def validation_problems(error: ValidationError, model: type[BaseModel], source: SourceMap) -> list[Problem]:
    problems = []
    for detail in error.errors(include_url=False):
        path: Path = tuple(detail["loc"])
        at_key = detail["type"] in {"extra_forbidden", "missing"}
        message, message_nb = _message(detail, path, model)
        problems.append(source.problem(path, message, at_key=at_key, message_nb=message_nb))
    return problems


def _message(detail: ErrorDetails, path: Path, model: type[BaseModel]) -> tuple[str, str]:
    """What is wrong and what is expected, in English and in Norwegian."""
    kind, value, ctx = detail["type"], detail.get("input"), detail.get("ctx") or {}
    field = path[-1] if path else ""
    annotation = annotation_at(model, path)
    expected, expected_nb = describe(annotation), describe(annotation, DEFAULT_LANGUAGE)
    text_nb = _LANGUAGE_TEXTS_NB.get(str(field), "")
    if kind == "missing":
        if field in _LANGUAGE_NAMES:
            return (
                f"missing {_LANGUAGE_NAMES[field]} translation — add «{field}: …»",
                f"{text_nb} mangler — legg til «{field}: …»",
            )
        return (
            f"required field is missing — expected {expected}",
            f"feltet mangler, men må være med — forventet {expected_nb}",
        )
    if kind == "extra_forbidden":
        known = _field_names(annotation_at(model, path[:-1]))
        close = difflib.get_close_matches(str(field), known, n=1, cutoff=0.6)
        if close:
            return (
                f"unknown key «{field}» — did you mean «{close[0]}»?",
                f"ukjent nøkkel «{field}» — mente du «{close[0]}»?",
            )
        listed = ", ".join(known)
        return (
            f"unknown key «{field}» — expected one of: {listed}",
            f"ukjent nøkkel «{field}» — forventet en av: {listed}",
        )
    if kind == "string_too_short":
        if field in _LANGUAGE_NAMES:
            return (
                f"missing {_LANGUAGE_NAMES[field]} translation: the text is empty — write it",
                f"{text_nb} er tom — skriv den",
            )
        return f"is empty — expected {expected}", f"feltet er tomt — forventet {expected_nb}"
    if kind == "string_pattern_mismatch":
        wanted, wanted_nb = _PATTERN_EXPECTATIONS.get(ctx.get("pattern", ""), _EMAIL_EXPECTATION)
        return f"«{value}» is not valid — expected {wanted}", f"«{value}» er ikke gyldig — forventet {wanted_nb}"
    if kind == "value_error":
        refusal = ctx.get("error", detail["msg"])
        return str(refusal), refusal.message_nb if isinstance(refusal, WordedError) else str(refusal)
    if kind == "enum":
        allowed = str(ctx.get("expected", "")).replace("'", "")
        return (
            f"«{value}» is not allowed — expected one of: {allowed}".replace("'", ""),
            f"«{value}» er ikke tillatt — forventet en av: {allowed.replace(' or ', ' eller ')}".replace("'", ""),
        )
    if kind == "too_short":
        count = ctx.get("min_length", 1)
        return (
            f"is empty — expected at least {count} item{'s' if count != 1 else ''}",
            f"listen er tom — forventet minst {count} {'punkt' if count == 1 else 'punkter'}",
        )
    if kind in _BOUNDS:
        bound = next(iter(ctx.values()), "")
        words, words_nb = _BOUNDS[kind]
        return (
            f"«{value}» is out of range — expected {words} {bound}",
            f"«{value}» er utenfor det tillatte — forventet {words_nb} {bound}",
        )
    if value is None:
        if field in _LANGUAGE_NAMES:
            return f"the {_LANGUAGE_NAMES[field]} text is empty — write it", f"{text_nb} er tom — skriv den"
        return f"is empty — expected {expected}", f"feltet er tomt — forventet {expected_nb}"
    if kind.startswith("date") and isinstance(value, str) and _ISO_DATE.match(value):
        return (
            f"«{value}» is not a real date — expected a date in the calendar as YYYY-MM-DD",
            f"«{value}» er ingen ekte dato — forventet en dato som finnes i kalenderen, skrevet ÅÅÅÅ-MM-DD",
        )
    shown, shown_nb = (f"«{value}»", f"«{value}»") if isinstance(value, str) else _shape(value)
    return (
        f"{shown} is not valid here — expected {expected}",
        f"{shown_nb} er ikke gyldig her — forventet {expected_nb}",
    )


def _shape(value: Any) -> tuple[str, str]:
    """What a value is, in English and Norwegian."""
    if isinstance(value, dict):
        return "a mapping", "en blokk med nøkler"
    if isinstance(value, list):
        return "a list", "en liste"
    return f"«{value}»", f"«{value}»"


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


def describe(annotation: Any, language: str = "en") -> str:
    """What an editor should write for a value of this type, in a few words, in ``language``."""
    words = _DESCRIPTIONS_NB if language == DEFAULT_LANGUAGE else _DESCRIPTIONS
    annotation = _unwrap(annotation)
    if get_origin(annotation) is list:
        return words["list"].format(describe(get_args(annotation)[0], language))
    if not isinstance(annotation, type):
        return words["value"]
    if annotation.__name__ == "Text":
        return words["text in both languages"]
    if issubclass(annotation, BaseModel):
        return words["mapping"].format(", ".join(annotation.model_fields))
    if issubclass(annotation, enum.Enum):
        return words["one of"].format(", ".join(member.value for member in annotation))
    if issubclass(annotation, bool):
        return words["bool"]
    if issubclass(annotation, int):
        return words["int"]
    if issubclass(annotation, float):
        return words["float"]
    if issubclass(annotation, datetime.date):
        return words["date"]
    if issubclass(annotation, str):
        return words["str"]
    if "Url" in annotation.__name__:
        return words["url"]
    return annotation.__name__


_DESCRIPTIONS = {
    "list": "a list of {} (one «- » line each)",
    "value": "a value",
    "text in both languages": "a text in both languages, {nb: …, en: …}",
    "mapping": "a mapping with keys {}",
    "one of": "one of: {}",
    "bool": "true or false",
    "int": "a whole number, such as 250",
    "float": "a number, such as 100",
    "date": "a date as YYYY-MM-DD, such as 2025-06-30",
    "str": "text",
    "url": "a web address starting with https://",
}
_DESCRIPTIONS_NB = {
    "list": "en liste med {} (én linje med «- » for hvert punkt)",
    "value": "en verdi",
    "text in both languages": "en tekst på begge språk, {nb: …, en: …}",
    "mapping": "en blokk med nøklene {}",
    "one of": "en av: {}",
    "bool": "true eller false",
    "int": "et heltall, for eksempel 250",
    "float": "et tall, for eksempel 100",
    "date": "en dato som ÅÅÅÅ-MM-DD, for eksempel 2025-06-30",
    "str": "tekst",
    "url": "en nettadresse som begynner med https://",
}
