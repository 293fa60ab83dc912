"""How every JSON file of the statement is written: UTF-8 (letters as they are, not ``\\u`` escapes),
indented by two spaces, and a final newline."""

from __future__ import annotations

import json


def json_bytes(value: object) -> bytes:
    return (json.dumps(value, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
