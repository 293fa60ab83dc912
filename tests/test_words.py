"""The word store: every message for editors (``messages.yml``) and every label for readers
(``labels.yml``) is written in every language of ``LANGUAGES``, and the code names only keys it holds.

Proves: each key has a text in each language, and nothing else; the file reads without problems
through the same YAML reader as ``data/`` (so a key written twice is caught, which a plain YAML
loader would let pass); a message names the same fields in every language (but for the few listed
with their reason); every language has its name in the messages that name a text's language; every
key the code asks for with a literal exists, and every key in the store is asked for.
"""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest

from aapenhet.languages import LANGUAGES
from aapenhet.rendering.labels import LABELS_FILE, load_labels
from aapenhet.source.yaml_source import parse_yaml
from aapenhet.words import MESSAGES_FILE, Wording, message, messages, number, verbatim, wording

HOOKS = Path(__file__).resolve().parent.parent / "hooks"
# The package and the MkDocs hook beside it: the code that names keys.
CODE = [*sorted((HOOKS / "aapenhet").rglob("*.py")), HOOKS / "statement_site.py"]

# A language may leave out a detail another gives; each such message, with why.
FIELDS_LEFT_OUT = {
    # Norwegian says where the construct began only when it can also say what was being read.
    "yaml.syntax_nowhere": {"began"},
}
# Keys the code chooses among by a condition or from a table, not with a literal or an f-string.
CHOSEN_KEYS = (
    "history.incomplete_",
    "active_content.",
    "form.settings_",
    "pattern.",
    "report.heading_",
    "explain.too_few_",
)


def fields_of(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_message_is_written_in_every_language_and_only_those() -> None:
    untranslated = {key: sorted(texts) for key, texts in messages().items() if set(texts) != set(LANGUAGES)}
    assert untranslated == {}
    empty = [f"{key}.{language}" for key, texts in messages().items() for language, text in texts.items() if not text]
    assert empty == [] or all(key.startswith("yaml_reader.") for key in empty)


def test_every_label_is_written_in_every_language() -> None:
    labels = load_labels()
    assert labels.root, "no labels read"
    assert all(label.in_language(language) for label in labels.root.values() for language in LANGUAGES)


@pytest.mark.parametrize("store", [MESSAGES_FILE, LABELS_FILE], ids=["messages", "labels"])
def test_the_store_reads_without_problems_through_the_data_reader(store: Path) -> None:
    parsed = parse_yaml(Path(str(store)).read_text(encoding="utf-8"), store.name)
    assert [str(problem) for problem in parsed.problems] == []


def test_a_message_names_the_same_fields_in_every_language() -> None:
    differing = {}
    for key, texts in messages().items():
        named = {language: fields_of(text) for language, text in texts.items()}
        every = set().union(*named.values())
        left_out = {field for fields in named.values() for field in every - fields}
        if left_out != FIELDS_LEFT_OUT.get(key, set()):
            differing[key] = named
    assert differing == {}


def test_every_language_has_its_name_for_a_texts_messages() -> None:
    assert all(f"language.{language}" in messages() for language in LANGUAGES)


def _keys_in_code() -> tuple[set[str], set[str]]:
    """The keys the package names with a literal, and the prefixes it puts keys together from."""
    literal, assembled = set(), set()
    for path in CODE:
        text = path.read_text(encoding="utf-8")
        literal |= set(re.findall(r'(?:wording|message)\(\s*"([a-z_.0-9]+)"', text))
        assembled |= set(re.findall(r'f"([a-z_]+\.[a-z_.0-9]*)\{', text))
    return literal, assembled


def test_every_key_the_code_names_is_in_the_store() -> None:
    literal, assembled = _keys_in_code()
    assert literal, "no keys found in the code: the pattern is stale"
    assert sorted(literal - set(messages())) == []
    store = [*messages(), *load_labels().root]  # an f-string may name a label: «area.{code}»
    assert sorted(prefix for prefix in assembled if not any(key.startswith(prefix) for key in store)) == []


def test_every_key_in_the_store_is_used() -> None:
    _, assembled = _keys_in_code()
    # Any string in the code that is a key: a key is also passed on (``_finding(…, "check.no_result")``).
    quoted = {key for path in CODE for key in re.findall(r"[\"']([a-z_.0-9]+)[\"']", path.read_text())}
    prefixes = (*assembled, *CHOSEN_KEYS)
    unused = [key for key in messages() if key not in quoted and not key.startswith(prefixes)]
    assert unused == []


def test_a_message_is_filled_in_per_language_with_its_fields_in_that_language() -> None:
    text = wording("language.en")
    said = wording("explain.translation_missing", text=text, code="en")
    assert said.in_language("en") == "missing English (en) translation — add «en: …»"
    assert said.in_language("nb") == "den engelske teksten (en) mangler — legg til «en: …»"
    assert message("explain.translation_missing", "nb", text=text, code="en") == said.in_language("nb")
    assert number(1.5, "0.0") == Wording((("nb", "1,5"), ("en", "1.5")))
    assert verbatim("x").in_language("nb") == verbatim("x").in_language("en") == "x"


def test_the_typed_languages_are_the_list() -> None:
    """The published document's types (view/document.py) name the same languages as the list."""
    from typing import get_args

    from aapenhet.languages import DEFAULT_LANGUAGE, LANGUAGES, AuthoritativeLanguage, Language

    assert get_args(Language) == LANGUAGES
    assert get_args(AuthoritativeLanguage) == (DEFAULT_LANGUAGE,)
