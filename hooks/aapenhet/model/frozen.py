"""What every model, read and written, does once made: frozen models given the same fields share
pydantic's record of them."""

from __future__ import annotations

from pydantic import BaseModel

# Each distinct set of field names given, once.
_FIELDS_SETS: dict[frozenset[str], set[str]] = {}


def share_fields_set(model: BaseModel) -> None:
    """pydantic keeps, on every instance, its own set of the fields it was given (for exclude_unset,
    which nothing here uses): a third of the validated data's memory at 2,000 suppliers, and the same
    few sets over and over. A frozen model's set never changes (model_copy copies it first), so
    instances given the same fields share one. Call from a frozen model's ``model_post_init``."""
    given = model.__pydantic_fields_set__
    shared = _FIELDS_SETS.setdefault(frozenset(given), given)
    if shared is not given:
        object.__setattr__(model, "__pydantic_fields_set__", shared)
