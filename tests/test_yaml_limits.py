"""The YAML reader against hostile or careless input: it never types a scalar, never expands an
alias, never recurses without end, and answers every such file quickly with a located problem.

Proves: ``NO``, ``yes``, ``1e3``, ``010`` and ``2025-01-01`` stay strings until a model types them;
anchors, aliases (an alias bomb, a self-referencing alias), merge keys, a second document, nesting
past ``MAX_DEPTH`` and a file past ``MAX_FILE_BYTES`` are each one located problem within a second;
a data file whose text has not changed is not parsed again (what ``mkdocs serve`` relies on).
"""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest

from aapenhet.model import loader
from aapenhet.model.loader import load_statement_data
from aapenhet.source import yaml_source
from aapenhet.source.problems import DataProblems
from aapenhet.source.yaml_source import MAX_DEPTH, MAX_FILE_BYTES, parse_yaml
from site_build import PROJECT

# A "billion laughs": each level names the one before nine times; expanded, 10^9 values.
ALIAS_BOMB = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{chr(98 + level)}: &{chr(98 + level)} [" + ", ".join([f"*{chr(97 + level)}"] * 9) + "]\n" for level in range(8)
)


def parse_quickly(text: str) -> yaml_source.ParsedYaml:
    started = time.monotonic()
    parsed = parse_yaml(text, "data/x.yml")
    assert time.monotonic() - started < 1, "the reader took more than a second"
    return parsed


def only_problem(text: str) -> str:
    parsed = parse_quickly(text)
    assert parsed.data is None and len(parsed.problems) == 1, parsed.problems
    return str(parsed.problems[0])


@pytest.mark.parametrize(
    "scalar", ["NO", "no", "yes", "off", "y", "1e3", "010", "0x1F", "2025-01-01", "12:30", ".inf", "true"]
)
def test_plain_scalars_stay_strings(scalar: str) -> None:
    assert parse_quickly(f"value: {scalar}\nlist: [{scalar}]\n").data == {"value": scalar, "list": [scalar]}


def test_an_alias_bomb_is_refused_at_its_first_anchor() -> None:
    assert len(ALIAS_BOMB) < 400
    assert only_problem(ALIAS_BOMB) == (
        "data/x.yml:1:4 a: an anchor (&a) — anchors and aliases are not supported here; write the value out in full"
    )


def test_a_self_referencing_alias_is_refused() -> None:
    message = only_problem("countries:\n  - &loop [*loop]\n")
    assert message.startswith("data/x.yml:2:5 countries[0]: an anchor (&loop)")


def test_an_alias_alone_is_refused_where_it_is() -> None:
    message = only_problem("a: 1\nb: *a\n")
    assert message.startswith("data/x.yml:2:4 b: an alias (*a) — anchors and aliases are not supported here")


def test_merge_keys_are_refused() -> None:
    message = only_problem("supplier:\n  <<: {name: x}\n  id: hp\n")
    assert message == (
        "data/x.yml:2:3 supplier: a merge key («<<») — merge keys are not supported here; write the keys out"
    )


def test_a_quoted_merge_key_is_just_a_key() -> None:
    assert parse_quickly('"<<": x\n').data == {"<<": "x"}


@pytest.mark.parametrize("shape", ["flow", "block"])
def test_nesting_deeper_than_the_limit_is_refused(shape: str) -> None:
    depth = 5000
    if shape == "flow":
        text = "a: " + "[" * depth + "]" * depth + "\n"
    else:
        text = "".join(" " * level + "- \n" for level in range(depth))
    message = only_problem(text)
    assert f"nested more than {MAX_DEPTH} levels deep" in message


def test_nesting_within_the_limit_is_read() -> None:
    depth = MAX_DEPTH - 1
    assert parse_quickly("[" * depth + "]" * depth).data is not None


def test_a_hundred_thousand_brackets_do_not_crash_the_reader() -> None:
    # libyaml's own composer recurses once per level and overflows the C stack at this depth.
    depth = 100_000
    assert f"nested more than {MAX_DEPTH}" in only_problem("[" * depth + "]" * depth)


def test_a_second_document_is_refused() -> None:
    assert only_problem("a: 1\n---\nb: 2\n").startswith("data/x.yml:2:1 a second YAML document")


def test_duplicate_keys_are_each_a_problem_and_reading_goes_on() -> None:
    parsed = parse_quickly("a: 1\nb: 2\na: 3\nb: {c: 1, c: 2}\n")
    assert [str(problem) for problem in parsed.problems] == [
        "data/x.yml:3:1 a: duplicate key «a» (first at line 1) — give each key once",
        "data/x.yml:4:1 b: duplicate key «b» (first at line 2) — give each key once",
        "data/x.yml:4:11 b.c: duplicate key «c» (first at line 4) — give each key once",
    ]


def test_the_size_limit_is_generous_for_thousands_of_suppliers() -> None:
    shipped = (PROJECT / "data" / "suppliers.yml").stat().st_size / 3  # bytes per supplier, as shipped
    assert 10_000 * shipped < MAX_FILE_BYTES


def test_a_file_larger_than_the_limit_is_refused_before_it_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A 2 MB limit stands in for the real one, so the test writes 2 MB, not 32.
    monkeypatch.setattr(yaml_source, "MAX_FILE_BYTES", 2 * 1024 * 1024)
    data_dir = shutil.copytree(PROJECT / "data", tmp_path / "data")
    with (data_dir / "suppliers.yml").open("a", encoding="utf-8") as file:
        file.write("#" * (2 * 1024 * 1024 + 1))
    read = []
    monkeypatch.setattr(Path, "read_text", lambda self, *args, **kwargs: read.append(self.name) or "")
    with pytest.raises(DataProblems) as raised:
        load_statement_data(data_dir)
    assert "suppliers.yml" not in read, "the file was read although it is too large"
    assert [str(problem) for problem in raised.value.problems if problem.file == "data/suppliers.yml"] == [
        "data/suppliers.yml:1:1 the file is 2.0 MB — a data file may be at most 2 MB; is it the right file?"
    ]


def test_hostile_data_stops_loading_with_every_files_problem(tmp_path: Path) -> None:
    data_dir = shutil.copytree(PROJECT / "data", tmp_path / "data")
    (data_dir / "countries.yml").write_text(ALIAS_BOMB, encoding="utf-8")
    (data_dir / "company.yml").write_text("a: " + "[" * 10_000 + "]" * 10_000, encoding="utf-8")
    with pytest.raises(DataProblems) as raised:
        load_statement_data(data_dir)
    assert [problem.file for problem in raised.value.problems] == ["data/company.yml", "data/countries.yml"]


def test_an_unchanged_file_is_not_parsed_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data_dir = shutil.copytree(PROJECT / "data", tmp_path / "data")
    parsed: list[str] = []
    real_parse = loader.parse_yaml
    monkeypatch.setattr(
        loader, "parse_yaml", lambda text, file, **kwargs: parsed.append(file) or real_parse(text, file, **kwargs)
    )

    first = load_statement_data(data_dir)
    assert sorted(parsed) == sorted(f"data/{name}" for name in loader.DATA_FILES)
    parsed.clear()
    assert load_statement_data(data_dir) == first
    assert parsed == []

    suppliers = data_dir / "suppliers.yml"
    suppliers.write_text(
        suppliers.read_text(encoding="utf-8").replace("name: HP Inc.", "name: HP Inc. (ny)"), encoding="utf-8"
    )
    changed = load_statement_data(data_dir)
    assert parsed == ["data/suppliers.yml"]
    assert changed.suppliers.suppliers[0].name == "HP Inc. (ny)"


@pytest.mark.parametrize(
    ("text", "where", "code"),
    [
        ("employees: 2\x0c50\n", "1:13", "000C"),
        ('name: "a\x00b"\n', "1:9", "0000"),
        ("a: 1\nb: \x1b[31m\n", "2:4", "001B"),
    ],
    ids=["form-feed", "nul", "escape"],
)
def test_a_control_character_is_one_located_problem(text: str, where: str, code: str) -> None:
    """Pasted from another program and invisible in most editors: never a traceback."""
    assert only_problem(text) == (
        f"data/x.yml:{where} an invisible control character (U+{code}) that YAML does not allow — delete it"
        " (retype the text around it if your editor does not show it); only tabs and line breaks may be used"
    )
