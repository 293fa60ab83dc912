"""A test-only third language: the language list and the word store extended, for proving that no
code is wired to the two languages the statement has (issue 18).

``add_language`` writes a project (from ``site_build.copy_project``) and a word store for one more
language: each text in ``data/`` and each message and label gets a text in it (its English text,
marked so a test can tell it apart), each English page a copy, and ``mkdocs.yml`` the language after
the others. ``python tests/third_language.py STORE CODE LOCALE -- mkdocs build …`` then runs MkDocs
with the list extended before anything else of the package is imported, and the store's files in
place of the package's own.
"""

from __future__ import annotations

import json
import runpy
import shutil
import sys
from pathlib import Path
from typing import Any, Literal

import yaml

# Nothing of the package beside its language list is imported here: run as a script, this module
# extends the list before any other module takes it.
from aapenhet.languages import LANGUAGES

# What the third language's texts in data/ start with: its pages show them.
MARK = "[3] "


def add_language(project: Path, store: Path, code: str) -> None:
    """The project's data, pages and settings, and a word store in ``store``, with ``code`` added."""
    from aapenhet.rendering.labels import LABELS_FILE
    from aapenhet.words import MESSAGES_FILE

    for data_file in sorted((project / "data").glob("*.yml")):
        _add_to_data_file(data_file, code)
    for page in sorted((project / "docs").rglob("*.en.md")):
        shutil.copy2(page, page.with_name(page.name.removesuffix(".en.md") + f".{code}.md"))
    _add_to_settings(project / "mkdocs.yml", code)
    store.mkdir(parents=True, exist_ok=True)
    for source in (Path(str(MESSAGES_FILE)), Path(str(LABELS_FILE))):
        words = _plain(source)
        for texts in words.values():
            texts[code] = texts["en"]
        if source.name == "messages.yml":  # how messages name a text's language, in every language
            words[f"language.{code}"] = {language: f"the text in {code}" for language in (*LANGUAGES, code)}
        (store / source.name).write_text(yaml.safe_dump(words, allow_unicode=True, sort_keys=False), encoding="utf-8")


def _plain(path: Path) -> dict[str, Any]:
    from aapenhet.source.yaml_source import parse_yaml

    parsed = parse_yaml(path.read_text(encoding="utf-8"), path.name, positions=False)
    assert not parsed.problems, parsed.problems
    data: dict[str, Any] = parsed.data
    return data


def _add_to_data_file(path: Path, code: str) -> None:
    data = _with_language(_plain(path), code)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def _with_language(value: Any, code: str) -> Any:
    """Every text ({nb: …, en: …}) with a text in ``code``: the English one, marked."""
    if isinstance(value, dict):
        changed = {key: _with_language(item, code) for key, item in value.items()}
        if {"nb", "en"} <= set(value) and all(isinstance(item, str) for item in value.values()):
            changed[code] = MARK + value["en"]
        return changed
    if isinstance(value, list):
        return [_with_language(item, code) for item in value]
    return value


def _add_to_settings(path: Path, code: str) -> None:
    """The language after the others in static-i18n's list, its menu titles the English ones."""
    text = path.read_text(encoding="utf-8")
    start = text.index("        - locale: en\n")
    end = text.index("\n\n", start)
    english = text[start:end]
    added = english.replace("- locale: en", f"- locale: {code}").replace("name: English", f"name: Test ({code})")
    path.write_text(text[:end] + "\n" + added + text[end:], encoding="utf-8")


def extend_languages(store: Path, code: str, locale: str) -> None:
    """The language list with ``code`` added, and the word store read from ``store``: before any other
    module of the package is imported, so that each takes the extended list."""
    import aapenhet.languages as languages

    languages.LANGUAGES = (*languages.LANGUAGES, code)
    languages.Language = Literal[languages.LANGUAGES]  # type: ignore[misc,valid-type]
    languages.BABEL_LOCALES[code] = locale
    languages.OPEN_GRAPH_LOCALES[code] = locale
    languages.TEXT_FIELD_DESCRIPTIONS[code] = f"The same text in {code}."

    import aapenhet.rendering.labels as labels
    import aapenhet.words as words

    words.MESSAGES_FILE = store / "messages.yml"
    labels.LABELS_FILE = store / "labels.yml"  # type: ignore[assignment]


if __name__ == "__main__":
    store_folder, language_code, babel_locale, separator, *command = sys.argv[1:]
    assert separator == "--", json.dumps(sys.argv)
    extend_languages(Path(store_folder), language_code, babel_locale)
    sys.argv = command
    runpy.run_module(command[0], run_name="__main__", alter_sys=True)
