"""JSON Schemas of the files in ``data/``, generated from the models, for editors' YAML tools.

Each ``data/FILE.yml`` names its schema in its first lines (``# yaml-language-server:
$schema=schemas/FILE.schema.json``), so VS Code, Neovim and other editors that use the YAML
language server complete keys, show each field's description and flag wrong values as you type.
The schemas are committed; ``aapenhet schema`` writes them and ``aapenhet schema --check`` (and a
test) fails when the models have changed and they have not been written again.
"""

from __future__ import annotations

import json
from pathlib import Path

from aapenhet.model.models import DATA_FILES

SCHEMA_FOLDER = "schemas"
DIALECT = "https://json-schema.org/draft/2020-12/schema"


def schema_name(data_file: str) -> str:
    """``company.yml`` → ``company.schema.json``."""
    return data_file.removesuffix(".yml") + ".schema.json"


def data_file_schemas() -> dict[str, str]:
    """Every data file's schema as the text to commit, by schema file name."""
    schemas = {}
    for data_file, model in DATA_FILES.items():
        schema = {"$schema": DIALECT, "title": f"data/{data_file}", **model.model_json_schema()}
        schemas[schema_name(data_file)] = json.dumps(schema, ensure_ascii=False, indent=2) + "\n"
    return schemas


def write_schemas(data_dir: Path) -> list[Path]:
    folder = data_dir / SCHEMA_FOLDER
    folder.mkdir(exist_ok=True)
    written = []
    for name, text in data_file_schemas().items():
        (folder / name).write_text(text, encoding="utf-8")
        written.append(folder / name)
    return written


def stale_schemas(data_dir: Path) -> list[str]:
    """The schema files that are missing or differ from what the models give now."""
    folder = data_dir / SCHEMA_FOLDER
    return [
        name
        for name, text in data_file_schemas().items()
        if not (folder / name).is_file() or (folder / name).read_text(encoding="utf-8") != text
    ]
