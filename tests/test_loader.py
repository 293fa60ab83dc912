"""Unit tests for the data loader: the shipped data loads, and bad data gives the exact messages.

Golden files (golden.py): each ``tests/golden/<file>/<case>.yml`` is a bad version of
``data/<file>.yml``, and each ``tests/golden/crosscheck/<case>/`` holds files laid over a copy of the
fixture statement; ``<case>.expected`` holds, line by line, the messages an editor must see for it.
"""

from __future__ import annotations

import datetime
import shutil
import sys
from pathlib import Path

import pytest

from aapenhet.languages import LANGUAGES
from aapenhet.model.loader import load_data_file, load_statement, load_statement_data
from aapenhet.model.models import DATA_FILES, MeasureStatus, RiskLevel
from aapenhet.source.problems import DataProblems, Problem
from aapenhet.source.yaml_source import parse_yaml
from golden import GOLDEN, Golden
from site_build import PROJECT, STATEMENTS

FILE_CASES = sorted(case for case in GOLDEN.glob("*/*.yml") if case.parent.name != "crosscheck")
CROSSCHECK_CASES = sorted(path for path in (GOLDEN / "crosscheck").iterdir() if path.is_dir())


def file_case_problems(case: Path) -> list[Problem]:
    model = DATA_FILES[f"{case.parent.name}.yml"]
    part, _, problems = load_data_file(case, f"data/{case.parent.name}.yml", model)
    assert part is None
    return sorted(set(problems))


def crosscheck_case_problems(case: Path, tmp_path: Path) -> list[Problem]:
    data_dir = shutil.copytree(PROJECT / "data", tmp_path / "data")
    for overlay in case.glob("*.yml"):
        shutil.copy(overlay, data_dir / overlay.name)
    with pytest.raises(DataProblems) as raised:
        load_statement_data(data_dir)
    return raised.value.problems


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("case", FILE_CASES, ids=lambda case: f"{case.parent.name}/{case.stem}")
def test_bad_file_gives_exactly_the_expected_messages(case: Path, language: str, golden: Golden) -> None:
    golden.check(case, [problem.text(language) for problem in file_case_problems(case)], language)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("case", CROSSCHECK_CASES, ids=lambda case: case.name)
def test_cross_file_problems_are_located(case: Path, language: str, tmp_path: Path, golden: Golden) -> None:
    golden.check(case, [problem.text(language) for problem in crosscheck_case_problems(case, tmp_path)], language)


def test_every_golden_problem_is_worded_in_norwegian_too(tmp_path: Path) -> None:
    """Editors read Norwegian by default: no problem an editor can get falls back to the English."""
    problems = [problem for case in FILE_CASES for problem in file_case_problems(case)]
    problems += [
        problem
        for index, case in enumerate(CROSSCHECK_CASES)
        for problem in crosscheck_case_problems(case, tmp_path / str(index))
    ]
    assert problems
    # Every message comes from the word store in every language; none reads the same as the English.
    untranslated = [str(problem) for problem in problems if problem.message_in("nb") == problem.message_in("en")]
    assert untranslated == []
    # str() stays English (CI logs, the gate); text() is in the language asked for.
    assert all(str(problem) == problem.text("en") for problem in problems)


def test_shipped_data_loads_with_every_seed_fact() -> None:
    data = load_statement_data(PROJECT / "data")
    assert data.company.name == "Exempla AS"
    assert (data.company.employees, data.company.locations_in_norway) == (250, 17)
    assert data.company.markets == ["NO"]
    assert [s.name for s in data.suppliers.suppliers] == ["HP Inc.", "Zebra Technologies", "Integration Wizard (IW)"]
    zebra = data.suppliers.suppliers[1]
    assert [line.countries for line in zebra.production] == [["CN", "TW", "VN"], ["GB"]]
    high = {c.code for c in data.countries.countries if c.risk is RiskLevel.high}
    assert high == {"IN", "CN", "TW", "VN"}
    iw = data.suppliers.suppliers[2]
    assert iw.ownership is not None and iw.ownership.owner == "SparkCognition"
    assert iw.ownership.share_percent == 100 and iw.relationship_years == 7
    assert len(data.due_diligence.routines.items) == 3
    planned = [m.id for m in data.due_diligence.measures if m.status is MeasureStatus.planned]
    assert planned == ["follow-up-suppliers", "evaluate-risk", "onboarding-evaluation"]


def test_seed_lacks_period_approval_signatories_and_contact() -> None:
    statement = load_statement_data(PROJECT / "data").statement
    assert statement.reporting_period.start is None and statement.approved_on is None
    assert statement.signatories == [] and statement.contact.email is None


@pytest.mark.parametrize("scalar", ["NO", "no", "No", "off", "y", "yes", "010", "1e3", "2024-06-30"])
def test_scalars_stay_strings_until_a_model_types_them(scalar: str) -> None:
    """The Norway problem, octal and sexagesimal surprises: the loader itself types nothing."""
    assert parse_yaml(f"value: {scalar}\n", "x.yml").data == {"value": scalar}


def test_model_decides_dates_and_numbers() -> None:
    parsed = parse_yaml("start: 2025-01-01\nend: 2025-12-31\n", "x.yml").data
    period = DATA_FILES["statement.yml"].model_fields["reporting_period"].annotation.model_validate(parsed)
    assert period.end == datetime.date(2025, 12, 31)


def test_folded_text_is_plain_text() -> None:
    text = "a: >-\n  first line\n  second line\n"
    assert parse_yaml(text, "x.yml").data == {"a": "first line second line"}


def test_empty_values_are_none_but_quoted_empty_strings_are_not() -> None:
    assert parse_yaml("a:\nb: ~\nc: ''\n", "x.yml").data == {"a": None, "b": None, "c": ""}


def test_missing_file_is_reported(tmp_path: Path) -> None:
    data_dir = shutil.copytree(PROJECT / "data", tmp_path / "data")
    (data_dir / "countries.yml").unlink()
    with pytest.raises(DataProblems) as raised:
        load_statement_data(data_dir)
    [problem] = raised.value.problems
    assert str(problem).startswith(
        "data/countries.yml:1:1 file is missing — expected a mapping with keys sources, countries"
    )


def test_problems_in_several_files_come_together(tmp_path: Path) -> None:
    data_dir = shutil.copytree(PROJECT / "data", tmp_path / "data")
    shutil.copy(GOLDEN / "statement" / "empty.yml", data_dir / "statement.yml")
    shutil.copy(GOLDEN / "suppliers" / "duplicate_key.yml", data_dir / "suppliers.yml")
    with pytest.raises(DataProblems) as raised:
        load_statement_data(data_dir)
    assert {problem.file for problem in raised.value.problems} == {"data/statement.yml", "data/suppliers.yml"}


def test_an_unknown_id_among_many_names_the_closest_few_not_all(tmp_path: Path) -> None:
    """With 2,000 suppliers one mistyped id would print 2,000 ids: the message names the closest three."""
    from aapenhet.model.crosscheck import some_ids

    known = {f"supplier-{number:04d}" for number in range(2000)} | {"lenovo-pc-assembly"}
    assert (
        some_ids("lenovo-pc-asembly", known).in_language("en").startswith("the closest of 2,001: lenovo-pc-assembly, ")
    )
    assert (
        some_ids("lenovo-pc-asembly", known)
        .in_language("nb")
        .startswith("de nærmeste av 2\u00a0001: lenovo-pc-assembly, ")
    )
    assert some_ids("x", {"hp", "zebra"}).in_language("en") == "hp, zebra"


def test_a_golden_file_is_compared_and_refreshed_on_request(tmp_path: Path) -> None:
    case = tmp_path / "case.yml"
    case.write_text("a: 1\n", encoding="utf-8")
    (tmp_path / "case.expected").write_text("one\ntwo\n", encoding="utf-8")
    Golden().check(case, ["one", "two"])
    with pytest.raises(AssertionError, match=r"(?s)case\.expected differs.*-two\n\+three"):
        Golden().check(case, ["one", "three"])
    Golden(refresh=True).check(case, ["one", "three"])
    assert (tmp_path / "case.expected").read_text(encoding="utf-8") == "one\nthree\n"


def test_a_data_file_that_cannot_be_opened_is_located_by_its_name(tmp_path: Path, monkeypatch) -> None:
    from aapenhet.source.yaml_source import read_data_text

    path = tmp_path / "suppliers.yml"
    path.write_text("suppliers: []\n", encoding="utf-8")

    def refused(self: Path, *args, **kwargs) -> str:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "read_text", refused)
    text, problems = read_data_text(path, "data/suppliers.yml")
    assert text is None
    assert [str(problem) for problem in problems] == [
        "data/suppliers.yml:1:1 cannot be read (Permission denied) — check the file's permissions"
    ]


def test_a_build_reads_no_positions_yet_every_message_is_located_as_before(tmp_path: Path) -> None:
    """positions=False (a build): the same data; a problem, or a finding of the §5 check, is located
    exactly as when the positions are read first."""
    from aapenhet.model.check import check_statement

    quick, full = load_statement(PROJECT / "data", positions=False), load_statement(PROJECT / "data")
    assert quick.data == full.data
    assert [str(f.problem) for f in check_statement(quick)] == [str(f.problem) for f in check_statement(full)]
    for case in CROSSCHECK_CASES:
        data_dir = shutil.copytree(PROJECT / "data", tmp_path / case.name / "data")
        for overlay in case.glob("*.yml"):
            shutil.copy(overlay, data_dir / overlay.name)
        found = []
        for positions in (False, True):
            with pytest.raises(DataProblems) as raised:
                load_statement(data_dir, positions=positions)
            found.append([str(problem) for problem in raised.value.problems])
        assert found[0] == found[1] and found[0], case.name


def test_models_given_the_same_fields_share_one_record_of_them() -> None:
    """pydantic's record of the fields each model was given is kept once per distinct set (a third of
    the data's memory at scale), and a changed copy of a model leaves the others' alone."""
    data = load_statement_data(STATEMENTS / "complete" / "data")
    suppliers = data.suppliers.suppliers
    same = [
        (one, other)
        for one in suppliers
        for other in suppliers
        if one is not other and one.model_fields_set == other.model_fields_set
    ]
    assert same, "the test statement has two suppliers given the same fields"
    one, other = same[0]
    assert one.model_fields_set is other.model_fields_set
    given = set(other.model_fields_set)
    not_given = next(name for name in type(one).model_fields if name not in given)
    changed = one.model_copy(update={not_given: None})
    assert changed.model_fields_set == given | {not_given}
    assert other.model_fields_set == given and one.model_fields_set == given


def test_a_latin_name_is_compared_without_the_confusables_table(monkeypatch: pytest.MonkeyPatch) -> None:
    """The table of look-alike letters is 6 MB of a build's memory: a name in Latin script, æ, ø and å
    included, is compared without it; a Cyrillic letter that looks Latin still reads as that letter."""
    from aapenhet.model import names

    names._latin.cache_clear()
    with monkeypatch.context() as without_table:
        without_table.setitem(sys.modules, "confusable_homoglyphs", None)  # importing it now fails
        assert names.name_skeleton("Ærlige  ØSTBY Åsen-Müller") == "ærlige østby åsen-müller"
        with pytest.raises(ImportError):
            names.name_skeleton("K\u0430ri")
    names._latin.cache_clear()
    assert names.name_skeleton("K\u0430ri") == "kari"


def test_a_text_said_twice_is_held_once(tmp_path: Path) -> None:
    """A long list says the same things of many suppliers (a note, a country, a kind): each distinct
    text is held once, whether the model keeps it as read or strips it first, and a text equal in
    every language is one model."""
    data_dir = tmp_path / "data"
    shutil.copytree(STATEMENTS / "complete" / "data", data_dir)
    path = data_dir / "suppliers.yml"
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines(keepends=True)
    start = next(i for i, line in enumerate(lines) if line.startswith("  - id: "))
    end = next(i for i, line in enumerate(lines[start + 1 :], start + 1) if line.startswith("  - id: "))
    twin = "".join(lines[start:end]).replace("- id: ", "- id: twin-", 1).replace("name: ", "name: Twin of ", 1)
    # A third says the same in Norwegian only: another text.
    other = (
        twin.replace("twin-", "other-", 1)
        .replace("Twin of ", "Other than ", 1)
        .replace("en: IT equipment}", "en: IT hardware}", 1)
    )
    path.write_text("".join(lines[:end]) + twin + other + "".join(lines[end:]), encoding="utf-8")
    suppliers = load_statement_data(data_dir).suppliers.suppliers
    first, copy = suppliers[0], next(each for each in suppliers if each.id.startswith("twin-"))
    different = next(each for each in suppliers if each.id.startswith("other-"))
    assert (different.supplies.nb, different.supplies.en) == (first.supplies.nb, "IT hardware")
    assert different.profile is first.profile
    for text in ("supplies", "profile"):  # a short text and a long one
        assert getattr(copy, text) is getattr(first, text)
        assert all(
            getattr(getattr(copy, text), language) is getattr(getattr(first, text), language) for language in LANGUAGES
        )
    assert copy.headquarters.country is first.headquarters.country
    assert copy.headquarters is first.headquarters  # a place too (model.HeldOnce)
    assert copy.production[0] is first.production[0]  # and a production line
