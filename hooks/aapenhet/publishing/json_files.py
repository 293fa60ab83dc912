"""How every JSON file of the statement is written: UTF-8 (letters as they are, not ``\\u`` escapes),
indented by two spaces, and a final newline."""

from __future__ import annotations

import json
from collections.abc import Iterator

from pydantic import BaseModel

_INDENT = b"  "


def json_bytes(value: object) -> bytes:
    return (json.dumps(value, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def model_json_pieces(model: BaseModel) -> Iterator[bytes]:
    """``model`` as pydantic's own serialiser writes it (keys by alias, indented by two), byte for byte,
    in pieces: each model in a list of models on its own. Whole, a long list's document was made in
    pydantic's growing buffer and then copied into Python, about three times its size at once."""
    yield from _object_pieces(model, 0)


def _object_pieces(model: BaseModel, level: int) -> Iterator[bytes]:
    serializer = model.__pydantic_serializer__
    fields = type(model).model_fields
    if not _plain(model):
        # Written whole: only plain fields are taken apart here.
        yield _indented(serializer.to_json(model, by_alias=True, indent=2), level)
        return
    inner = _INDENT * (level + 1)
    yield b"{"
    for index, (name, field) in enumerate(fields.items()):
        yield b",\n" if index else b"\n"
        value = getattr(model, name)
        key = inner + json.dumps(field.serialization_alias or field.alias or name, ensure_ascii=False).encode()
        if isinstance(value, BaseModel):
            yield key + b": "
            yield from _object_pieces(value, level + 1)
        elif _is_list_of_models(value):
            yield key + b": ["
            for number, item in enumerate(value):
                yield b",\n" if number else b"\n"
                yield (
                    inner
                    + _INDENT
                    + _indented(item.__pydantic_serializer__.to_json(item, by_alias=True, indent=2), level + 2)
                )
            yield b"\n" + inner + b"]"
        else:
            # The model with only this field, {"key": value}: its one member, as the whole writes it.
            alone = serializer.to_json(model, by_alias=True, indent=2, include={name})
            yield _INDENT * level + _indented(alone.removeprefix(b"{\n").removesuffix(b"\n}"), level)
    yield b"\n" + _INDENT * level + b"}"


def _plain(model: BaseModel) -> bool:
    """Fields only, each written as it is: no computed or excluded fields, no serialisers of its own,
    no extra keys (pydantic would write those differently from the field alone)."""
    kind = type(model)
    decorators = kind.__pydantic_decorators__
    return (
        bool(kind.model_fields)
        and not kind.model_computed_fields
        and not any(field.exclude for field in kind.model_fields.values())
        and not decorators.field_serializers
        and not decorators.model_serializers
        and not model.__pydantic_extra__
    )


def _is_list_of_models(value: object) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(item, BaseModel) for item in value)


def _indented(written: bytes, level: int) -> bytes:
    """JSON written at the left margin, each line after the first moved ``level`` indents right (a
    newline inside a string is written ``\\n``, never as a line break)."""
    return written.replace(b"\n", b"\n" + _INDENT * level) if level else written
