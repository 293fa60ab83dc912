"""The §5 check (``aapenhet check``): findings grouped by §5 point, located, in nb or en; warnings for
a draft, errors (exit 1) for a statement marked for publication.

Proves: the shipped draft gives its findings under §5 a, b, c and publication and exits 0, within a
second; each rule finds what it is for (no one responsible, impacts not stated, a risk without
severity, likelihood, source or measure, a measure addressing no risk or without its result, a
supplier in a high-risk country without follow-up, publication after 30 June, a rated country no
supplier uses); a statement marked for publication with findings exits 1.
"""

from __future__ import annotations

import contextlib
import io
import shutil
import time
from pathlib import Path

import pytest
import yaml

from aapenhet.cli import main
from aapenhet.model.check import Section, check_statement
from aapenhet.model.loader import load_statement
from aapenhet.source.pages import page_texts
from aapenhet.source.yaml_source import parse_yaml
from site_build import PROJECT, copy_project, fill_data, replace_once


def run_check(*arguments: str) -> tuple[int, str]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = main(["check", *arguments])
    return code, out.getvalue()


def test_the_shipped_draft_is_checked_within_a_second_and_passes_as_a_draft() -> None:
    started = time.monotonic()
    code, out = run_check(str(PROJECT))
    assert time.monotonic() - started < 1
    assert code == 0
    for heading in (
        "§ 5 a) Virksomheten, retningslinjer og rutiner",
        "§ 5 b) Negative konsekvenser og vesentlig risiko",
        "§ 5 c) Tiltak og resultater",
        "Publisering",
    ):
        assert f"\n{heading}\n" in out
    assert "data/due_diligence.yml:90:1 actual_impacts: redegjørelsen sier ikke om det er funnet faktiske" in out
    assert out.rstrip().endswith("ting å gjøre (utkast)")
    code, english = run_check(str(PROJECT), "--lang", "en")
    assert code == 0 and "\nSection 5 c) Measures and results\n" in english and english.rstrip().endswith("(draft)")


def findings_for(tmp_path: Path, change_due_diligence=None, statement: str | None = None) -> list[str]:
    data_dir = shutil.copytree(PROJECT / "data", tmp_path / "data")
    if statement is not None:
        fill_data(data_dir, statement)
    if change_due_diligence is not None:
        path = data_dir / "due_diligence.yml"
        data = parse_yaml(path.read_text(encoding="utf-8"), "due_diligence.yml").data
        change_due_diligence(data)
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return [
        f"{finding.section.value}: {finding.message('en')}" for finding in check_statement(load_statement(data_dir))
    ]


def test_each_rule_finds_what_it_is_for(tmp_path: Path) -> None:
    found = findings_for(tmp_path)
    expected = [
        "a: who is responsible for the due diligence is not stated — fill in responsible:",
        "a: where to raise a concern is not stated — fill in concerns_channel:",
        "b: «Trade in electronic equipment»: severity and likelihood are not assessed — fill in severity: and"
        " likelihood: (low, medium, high)",
        "b: «Trade in electronic equipment»: the risk has no source — give source: (a source under sources: in"
        " countries.yml)",
        "b: «ITUC Global Rights Index»: the edition (year) is not given — fill in year:",
        "c: «Updated sustainability policy and guidelines for suppliers»: the measure addresses no risk — fill in"
        " addresses: where the statement links it to a risk",
        "c: «Interviews with HP Inc.»: the result is not given — fill in result:",
        "c: «Interviews with HP Inc.»: the measure is done, but its date is not given — fill in completed_on:"
        " (YYYY-MM-DD)",
        "c: «Requirement for suppliers to report significant changes»: the measure is ongoing, but its start date"
        " is not given — fill in started_on: (YYYY-MM-DD)",
    ]
    assert [line for line in expected if line not in found] == []
    assert not any("supplies from high-risk countries" in line for line in found), "every such supplier is followed up"


def test_a_risk_without_measures_and_a_supplier_without_follow_up_are_found(tmp_path: Path) -> None:
    def unlink(data: dict) -> None:
        data["measures"] = [m for m in data["measures"] if m["id"] not in ("hp-interviews", "zebra-interviews")]

    found = findings_for(tmp_path, unlink)
    assert (
        "c: «Trade in electronic equipment»: no measure addresses this risk — put its id in addresses: of the"
        " measures meant for it, but only where the statement itself links them" in found
    )
    assert any(
        line.startswith(
            "c: «Zebra Technologies» supplies from high-risk countries (CN, TW, VN), but no follow-up is recorded"
        )
        for line in found
    )


def test_publication_after_30_june_and_an_unused_rating_are_found(tmp_path: Path) -> None:
    from site_build import FILLED_STATEMENT

    late = FILLED_STATEMENT.replace("published_on: 2026-06-25", "published_on: 2026-07-15")
    data_dir = shutil.copytree(PROJECT / "data", tmp_path / "data")
    fill_data(data_dir, late)
    countries = data_dir / "countries.yml"
    countries.write_text(
        countries.read_text(encoding="utf-8").replace("countries:\n", "countries:\n- code: MY\n", 1), encoding="utf-8"
    )
    found = {(finding.section, finding.message("en")) for finding in check_statement(load_statement(data_dir))}
    assert (Section.publication, "published on 2026-07-15, after the deadline of 30 June 2026") in found
    assert (
        Section.consistency,
        "MY is rated, but no supplier or risk uses it — remove it, or link it to a supplier",
    ) in found


def test_a_statement_marked_for_publication_with_findings_fails(tmp_path: Path) -> None:
    project = tmp_path / "project"
    shutil.copytree(PROJECT / "data", project / "data")
    fill_data(project / "data")
    assert run_check(str(project), "--lang", "en") == (0, "Nothing found.\n")
    due_diligence = project / "data" / "due_diligence.yml"
    data = parse_yaml(due_diligence.read_text(encoding="utf-8"), "due_diligence.yml").data
    data["responsible"] = None
    due_diligence.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    code, out = run_check(str(project), "--lang", "en")
    assert code == 1, out
    assert "who is responsible for the due diligence is not stated" in out
    assert out.splitlines()[-1] == "1 error" and "(draft)" not in out


@pytest.mark.parametrize("arguments", [["--lang", "de"], ["/no/such/project"]])
def test_usage_errors_exit_2(arguments: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", *arguments]) == 2
    capsys.readouterr()


def test_the_publication_findings_are_in_norwegian_too() -> None:
    from aapenhet.model.completeness import Missing

    assert all(missing.advice.in_language("nb") != missing.advice.in_language("en") for missing in Missing)
    _, out = run_check(str(PROJECT))
    publication = out.split("\nPublisering\n", 1)[1]
    assert "still a draft" not in publication and "fortsatt et utkast" in publication


def test_a_number_written_in_a_text_that_disagrees_with_the_data_is_found_where_it_is(tmp_path: Path) -> None:
    project = tmp_path / "project"
    shutil.copytree(PROJECT / "data", project / "data")
    shutil.copytree(PROJECT / "docs", project / "docs")
    company = project / "data" / "company.yml"
    company.write_text(
        company.read_text(encoding="utf-8").replace(
            "  nb: en tilstedeværelse", "  nb: 18 lokasjoner og 1 200 ansatte gir en tilstedeværelse"
        ),
        encoding="utf-8",
    )
    page = project / "docs" / "index.en.md"
    page.write_text(
        page.read_text(encoding="utf-8") + "\nExso buys from four suppliers and three suppliers of services.\n",
        encoding="utf-8",
    )
    last_line = page.read_text(encoding="utf-8").count("\n")
    found = [
        (finding.section, str(finding.problem))
        for finding in check_statement(load_statement(project / "data"), page_texts(project / "docs"))
    ]
    assert (
        Section.consistency,
        "data/company.yml:32:7 locations_note.nb: «18 lokasjoner» says 18, but company.yml"
        " locations_in_norway gives 17 — make them agree (the key figures show 17)",
    ) in found
    assert (
        Section.consistency,
        "data/company.yml:32:7 locations_note.nb: «1 200 ansatte» says 1200, but"
        " company.yml employees gives 250 — make them agree (the key figures show 250)",
    ) in found
    assert (
        Section.consistency,
        f"docs/index.en.md:{last_line}:16 «four suppliers» says 4, but the suppliers in"
        " suppliers.yml gives 3 — make them agree (the key figures show 3)",
    ) in found
    # "three suppliers" agrees with the three in suppliers.yml; the shipped texts agree throughout.
    assert sum("says" in text for _, text in found) == 3
    assert not [
        finding
        for finding in check_statement(load_statement(PROJECT / "data"), page_texts(PROJECT / "docs"))
        if finding.section is Section.consistency
    ]


def test_numbers_about_a_supplier_are_not_exsos_key_figures(tmp_path: Path) -> None:
    project = tmp_path / "project"
    shutil.copytree(PROJECT / "data", project / "data")
    suppliers = project / "data" / "suppliers.yml"
    text = suppliers.read_text(encoding="utf-8")
    suppliers.write_text(
        text.replace(
            "en: One of the company's two largest suppliers of IT equipment.",
            "en: One of the two largest, with 58,000 employees.",
            1,
        ),
        encoding="utf-8",
    )
    company = project / "data" / "company.yml"
    company.write_text(
        company.read_text(encoding="utf-8").replace("  en: a presence", "  en: 1,250 employees and a presence"),
        encoding="utf-8",
    )
    found = [
        str(finding.problem)
        for finding in check_statement(load_statement(project / "data"))
        if finding.section is Section.consistency
    ]
    assert found == [
        "data/company.yml:33:7 locations_note.en: «1,250 employees» says 1250, but company.yml employees"
        " gives 250 — make them agree (the key figures show 250)"
    ]


def test_a_mistake_in_the_files_is_said_in_the_language_asked_for(tmp_path: Path) -> None:
    """The located problems that keep the check from running follow --lang too: Norwegian by default."""
    project = copy_project(tmp_path / "project")
    replace_once(project / "data" / "suppliers.yml", "countries: [CZ, CN]", "countries: [CZ, XX]")
    code, out = run_check(str(project))
    assert code == 1
    assert out.startswith("data/suppliers.yml:21:25 suppliers[0].production[0].countries[1]: «XX» er ikke en landkode")
    code, out = run_check(str(project), "--lang", "en")
    assert code == 1 and "«XX» is not an ISO 3166 country code" in out
