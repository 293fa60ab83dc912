"""Keeping a version for good, and starting next year, refuse what the gate refuses and change
``data/`` all at once or not at all; the gate holds every kept version to the rules it passed.

Proves: ``keep`` refuses exactly the statements the gate refuses (two CEOs, no chair, another
company covered, no publication date), with the gate's located reasons and nothing written; the
gate refuses a kept version that breaks a rule, located in its folder; a half-written version folder
is one located problem that says how to recover; a keep interrupted by Ctrl-C or a full disk leaves
``data/`` as it was; ``new-year`` on a draft, twice, or after an interrupted run each says what
happened and loses nothing; emptying statement.yml names only what it emptied, also with a BOM,
quoted keys, a space before the colon, and refuses a file written as one mapping in braces.
"""

from __future__ import annotations

import contextlib
import errno
import io
import json
import os
import subprocess
from pathlib import Path

import pytest

from aapenhet.cli import main
from aapenhet.model import keeping
from aapenhet.model.keeping import HistoryError, reset_fields
from aapenhet.model.loader import load_statement
from aapenhet.model.publishable import publication_verdict
from site_build import (
    FILLED_STATEMENT,
    PROJECT,
    add_earlier_versions,
    copy_project,
    fill_data,
    replace_once,
    start_project_build,
)


def run(*arguments: str) -> tuple[int, str]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
        code = main(list(arguments))
    return code, out.getvalue()


def complete_project(folder: Path, statement: str = FILLED_STATEMENT) -> Path:
    project = copy_project(folder / "project")
    fill_data(project / "data", statement)
    return project


def gate_reasons(project: Path) -> list[str]:
    return publication_verdict(project / "data", project / "docs").reasons()


def files_under(folder: Path) -> dict[str, bytes]:
    return {
        path.relative_to(folder).as_posix(): path.read_bytes() for path in sorted(folder.rglob("*")) if path.is_file()
    }


# --- keep refuses what the gate refuses ----------------------------------------------------------


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("{name: Ola Nordmann, role: board_member}", "{name: Ola Nordmann, role: ceo}"),
        ("{name: Kari Nordmann, role: board_chair}", "{name: Kari Nordmann, role: board_member}"),
        ("companies_covered: [Exempla AS]", "companies_covered: [Exempla Holding AS]"),
        ("published_on: 2026-06-25\n", ""),
    ],
    ids=["two-ceos", "no-chair", "another-company", "no-publication-date"],
)
def test_keep_refuses_exactly_what_the_gate_refuses(tmp_path: Path, old: str, new: str) -> None:
    project = complete_project(tmp_path, FILLED_STATEMENT.replace(old, new))
    refused = gate_reasons(project)
    assert refused, "the gate passes it"
    before = files_under(project / "data")
    code, said = run("keep", str(project))
    assert code == 1 and said.startswith("Not kept: only a statement the publication gate passes is kept")
    assert [line for line in said.splitlines()[1:]] == sorted(set(refused))
    assert files_under(project / "data") == before and not (project / "data" / "history").exists()


def test_keep_keeps_a_statement_the_gate_passes(tmp_path: Path) -> None:
    project = complete_project(tmp_path)
    assert gate_reasons(project) == []
    assert run("keep", str(project)) == (0, "kept the current statement in data/history/2025/\n")
    kept = project / "data" / "history" / "2025"
    assert sorted(path.name for path in kept.iterdir()) == sorted(
        [
            *(path.name for path in (project / "data").glob("*.yml")),
            "SHA256SUMS",
            "published.en.json",
            "published.nb.json",
            "published.schema.json",
        ]
    )
    assert [path.name for path in kept.parent.iterdir()] == ["2025"]  # nothing left from writing it
    # What was kept is recorded, as sha256sum writes it: a later edit to a kept file is refused, located.
    done = subprocess.run(["sha256sum", "--check", "--strict", "SHA256SUMS"], cwd=kept, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    replace_once(kept / "suppliers.yml", "name: HP Inc.", "name: HP Incorporated")
    assert gate_reasons(project) == [
        "data/history/2025/suppliers.yml:1:1 changed since it was kept (not what"
        " data/history/2025/SHA256SUMS records) — a kept version is never edited: restore it from git"
        " (git checkout -- data/history/2025/)"
    ]


# --- the gate holds kept versions to their rules --------------------------------------------------


def test_the_gate_refuses_a_kept_version_that_breaks_a_rule_located_in_its_folder(tmp_path: Path) -> None:
    project = complete_project(tmp_path)
    add_earlier_versions(project / "data")
    assert gate_reasons(project) == []
    replace_once(project / "data" / "history" / "2024" / "statement.yml", "role: board_member", "role: ceo")
    assert gate_reasons(project) == [
        "data/history/2024/statement.yml:6:3 signatories: more than one signatory has"
        " role: ceo — a company has one daglig leder"
    ]
    code, said = run("check", str(project), "--lang", "nb")
    assert (
        code == 1 and "Tidligere versjoner i data/history/\n  data/history/2024/statement.yml:6:3 signatories:" in said
    )


def test_a_half_written_version_folder_says_how_to_recover(tmp_path: Path) -> None:
    project = complete_project(tmp_path)
    add_earlier_versions(project / "data")
    (project / "data" / "history" / "2024" / "statement.yml").unlink()
    (project / "data" / "history" / "2024" / "suppliers.yml").unlink()
    found = gate_reasons(project)
    assert found[0] == (
        "data/history/2024:1:1 incomplete: statement.yml, suppliers.yml are missing — a kept version is"
        " never edited: restore them from git (git checkout -- data/history/2024/), or, if this"
        " folder was never published, delete it and run «aapenhet keep» again"
    )


# --- all or nothing -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "failure", [KeyboardInterrupt(), OSError(errno.ENOSPC, "No space left on device")], ids=["ctrl-c", "disk-full"]
)
def test_an_interrupted_keep_leaves_data_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failure: BaseException
) -> None:
    project = complete_project(tmp_path)
    add_earlier_versions(project / "data")
    before = files_under(project / "data")
    written = []
    real_fsync = os.fsync

    def fsync_then_fail(descriptor: int) -> None:
        written.append(descriptor)
        if len(written) == 3:  # the third of five files
            raise failure
        real_fsync(descriptor)

    monkeypatch.setattr(keeping.os, "fsync", fsync_then_fail)
    code, said = run("keep", str(project))
    assert code in (1, 130) and "Traceback" not in said
    assert said.strip().endswith("data/ is as it was"), said
    assert len(said.strip().splitlines()) == 1
    assert files_under(project / "data") == before
    assert not list((project / "data" / "history").glob(".*"))
    monkeypatch.setattr(keeping.os, "fsync", real_fsync)
    assert run("keep", str(project))[0] == 0  # nothing stands in the way of trying again


def test_a_folder_left_by_a_killed_keep_is_not_a_version_and_is_cleared(tmp_path: Path) -> None:
    project = complete_project(tmp_path)
    add_earlier_versions(project / "data")
    leftover = project / "data" / "history" / ".keep-abc123"
    leftover.mkdir()
    (leftover / "company.yml").write_text("name: half\n", encoding="utf-8")
    assert gate_reasons(project) == []
    assert run("keep", str(project))[0] == 0
    assert not leftover.exists()


# --- new-year ------------------------------------------------------------------------------------


def test_new_year_on_a_draft_is_refused_and_changes_nothing(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    before = files_under(project / "data")
    code, said = run("new-year", str(project))
    assert code == 1 and said.startswith("Not kept: only a statement the publication gate passes is kept")
    assert "data/statement.yml:11:1 approved_on: empty, so the statement is still a draft" in said
    assert files_under(project / "data") == before


def test_new_year_twice_says_it_has_been_run_and_changes_nothing(tmp_path: Path) -> None:
    project = complete_project(tmp_path)
    assert run("new-year", str(project))[0] == 0
    after_first = files_under(project / "data")
    code, said = run("new-year", str(project))
    assert code == 1 and said.startswith(
        "data/statement.yml: new-year has been run already — data/ is next year's draft"
    )
    assert files_under(project / "data") == after_first


def test_new_year_interrupted_after_keeping_finishes_when_run_again(tmp_path: Path) -> None:
    project = complete_project(tmp_path)
    assert run("keep", str(project))[0] == 0  # as if new-year had stopped right after keeping
    code, said = run("new-year", str(project))
    assert code == 0 and said.startswith(
        "kept the current statement in data/history/2025/\nemptied in"
        " data/statement.yml: reporting_period, approved_on, published_on,"
        " signatories — "
    )
    assert load_statement(project / "data").data.statement.approved_on is None


def test_new_year_interrupted_while_writing_statement_yml_keeps_it_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = complete_project(tmp_path)
    statement = project / "data" / "statement.yml"
    before = statement.read_bytes()

    def full_disk(*_: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(keeping.os, "replace", full_disk)
    code, said = run("new-year", str(project))
    assert code == 130 and said.strip().splitlines() == [
        "interrupted: the statement is kept in data/history/2025/,"
        " and data/statement.yml is as it was — run new-year again"
        " to empty it"
    ]
    assert statement.read_bytes() == before
    assert [path.name for path in statement.parent.iterdir() if path.name.startswith(".")] == []


# --- emptying statement.yml -----------------------------------------------------------------------

DRAFT_STATEMENT = (PROJECT / "data" / "statement.yml").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("written", "emptied"),
    [
        (
            "\ufeffreporting_period: {start: 2025-01-01, end: 2025-12-31}\napproved_on: 2026-06-20\nrevisions: []\n",
            ["reporting_period", "approved_on"],
        ),
        (
            "\"reporting_period\":\n  start: 2025-01-01\n  end: 2025-12-31\n'approved_on': 2026-06-20\n",
            ["reporting_period", "approved_on"],
        ),
        ("approved_on : 2026-06-20\npublished_on:\ncompanies_covered: [Exempla AS]\n", ["approved_on"]),
        ("companies_covered: [Exempla AS]\nsignatories: []\n", []),
    ],
    ids=["bom", "quoted-keys", "space-before-colon", "nothing-to-empty"],
)
def test_emptying_names_only_what_it_emptied(written: str, emptied: list[str]) -> None:
    text, said = reset_fields(written)
    assert said == emptied
    assert text.startswith("\ufeff") == written.startswith("\ufeff")
    assert "2026" not in text and "2025" not in text
    assert "companies_covered: [Exempla AS]" in text or "companies_covered" not in written


def test_emptying_refuses_a_statement_written_as_one_mapping() -> None:
    with pytest.raises(HistoryError, match="not written one field per line"):
        reset_fields("{reporting_period: {start: 2025-01-01, end: 2025-12-31}, approved_on: 2026-06-20}\n")


def test_emptying_the_draft_changes_nothing() -> None:
    assert reset_fields(DRAFT_STATEMENT) == (DRAFT_STATEMENT, [])


# --- after new-year: last year's facts are named, one finding each ----------------------------------


def test_after_new_year_each_fact_of_the_year_before_is_a_finding(tmp_path: Path) -> None:
    project = complete_project(tmp_path)
    assert run("new-year", str(project))[0] == 0
    verdict = publication_verdict(project / "data", project / "docs")
    carried = [finding.text("en") for finding in verdict.findings if finding.section.value == "carried_over"]
    done = (
        "done on 2025-06-01, before this period — it belongs to the statement kept for the year before: remove"
        " it here, or, if it went on this year, give its new status, date and result"
    )
    assert carried == [
        "data/due_diligence.yml:183:3 measures[0]: «Updated sustainability policy and guidelines for suppliers»:"
        f" {done}",
        "data/due_diligence.yml:200:3 measures[1]: «Requirement for suppliers to report significant changes»: under"
        " way since 2025-06-01, with last year's result — confirm it is still under way and write this year's"
        " result:, or mark it done with completed_on:",
        f"data/due_diligence.yml:215:3 measures[2]: «Interviews with HP Inc.»: {done}",
        f"data/due_diligence.yml:243:3 measures[3]: «Interviews with Zebra Technologies»: {done}",
        f"data/due_diligence.yml:271:3 measures[4]: «Visits to Integration Wizard (IW)»: {done}",
        "data/countries.yml:9:9 sources[0].year: «ITUC Global Rights Index»: the 2025 edition, older than the period"
        " (2026) — give the edition the ratings are taken from this year (year:) and update the ratings, or, if it"
        " is still the newest, the date you checked that (checked_on:)",
    ]
    code, said = run("check", str(project), "--lang", "nb")
    assert code == 0 and "\nFra perioden før: bekreft, oppdater eller fjern\n" in said
    assert (
        "  data/countries.yml:9:9 sources[0].year: «ITUC Global Rights Index»: utgaven fra 2025, eldre enn"
        " perioden (2026) — oppgi utgaven vurderingene er hentet fra i år (year:) og oppdater vurderingene" in said
    )
    # Confirming (checked in the new period) or updating a fact answers its finding.
    replace_once(project / "data" / "countries.yml", "year: '2025'", "year: '2025'\n  checked_on: 2025-12-01")
    verdict = publication_verdict(project / "data", project / "docs")
    assert [finding for finding in verdict.findings if "sources[0]" in finding.text("en")]  # checked last year
    replace_once(project / "data" / "countries.yml", "checked_on: 2025-12-01", "checked_on: 2026-01-10")
    verdict = publication_verdict(project / "data", project / "docs")
    assert not [finding for finding in verdict.findings if "sources[0]" in finding.text("en")]


def test_the_draft_banner_names_what_is_from_the_period_before(tmp_path: Path) -> None:
    project = complete_project(tmp_path)
    assert run("new-year", str(project))[0] == 0
    build = start_project_build(project)
    banner = build.renderer.render("draft_banner", "en")
    assert "From the period before – confirm or update (6)" in banner
    assert "the 2025 edition, older than the period (2026)" in banner and "data/" not in banner


def test_an_update_within_the_year_carries_nothing_over(tmp_path: Path) -> None:
    project = complete_project(tmp_path)
    add_earlier_versions(project / "data")
    verdict = publication_verdict(project / "data", project / "docs")
    assert verdict.publishable, verdict.reasons()
    assert run("keep", str(project))[0] == 0
    replace_once(
        project / "data" / "statement.yml",
        "revisions: []",
        "revisions:\n  - {date: 2026-09-01, summary: {nb: Oppdatert (testverdi), en: Updated (test value)}}",
    )
    verdict = publication_verdict(project / "data", project / "docs")
    assert [finding for finding in verdict.findings if finding.section.value == "carried_over"] == []


def test_a_kept_version_is_byte_for_byte_what_was_published(tmp_path: Path) -> None:
    """Line endings and file modes as they were; new-year then recognises the copy as this statement."""
    project = complete_project(tmp_path)
    data = project / "data"
    for path in data.glob("*.yml"):
        path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
        path.chmod(0o644)
    assert run("keep", str(project))[0] == 0
    kept = data / "history" / "2025"
    copied, original = (kept / "company.yml").read_bytes(), (data / "company.yml").read_bytes()
    assert copied == original.replace(b"$schema=schemas/", b"$schema=../../schemas/") and b"\r\n" in copied
    assert oct(kept.stat().st_mode & 0o077) != "0o0" and (kept / "company.yml").stat().st_mode & 0o777 == 0o644
    code, said = run("new-year", str(project))
    assert code == 0, said
    text = (data / "statement.yml").read_bytes()
    assert b"approved_on:\r\n" in text and b"\n" not in text.replace(b"\r\n", b"")
    assert (data / "statement.yml").stat().st_mode & 0o777 == 0o644


def test_a_statement_with_last_years_facts_is_a_draft_everywhere(tmp_path: Path) -> None:
    """Nothing missing, but the source's edition is last year's: not final, so no permanent address,
    «Utkast» in the header, and never «no changes since publication»."""
    from aapenhet.model.history import load_history

    project = complete_project(tmp_path)
    add_earlier_versions(project / "data")
    replace_once(project / "data" / "countries.yml", "year: '2025'", "year: '2024'")
    data = project / "data"
    assert load_history(data, load_statement(data))[-1].address is None
    build = start_project_build(project)
    assert "Utkast" in build.renderer.render("statement_header", "nb")
    assert "Fast adresse" not in build.renderer.render("statement_header", "nb")
    assert "Redegjørelsen er ikke publisert ennå." in build.renderer.render("revisions", "nb")
    assert "2025.md" not in build.made_pages("nb")
    # The machine-readable statement says the same, and which facts keep it a draft.
    document = json.loads(build.files("en")["statement.json"])
    assert (document["status"], document["missing"]) == ("draft", [])
    assert [path for path in document["carried_over"] if path.startswith("countries.")] == ["countries.sources[0].year"]


def test_the_day_a_statement_is_judged_on_is_passed_in(tmp_path: Path) -> None:
    """One clock: the same statement, judged before its approval date and after it."""
    import datetime

    project = complete_project(tmp_path)
    before = publication_verdict(project / "data", project / "docs", today=datetime.date(2026, 6, 21)).reasons()
    assert before == [
        "data/statement.yml:4:15 published_on: 2026-06-25 is in the future — expected the date it happened, on or"
        " before today (2026-06-21)"
    ]
    assert publication_verdict(project / "data", project / "docs", today=datetime.date(2026, 6, 25)).reasons() == []


def test_dates_still_to_come_are_refused_wherever_they_are(tmp_path: Path) -> None:
    """A typo such as 2099 in a measure's date, an impact's discovery or a source's edition; a period
    that never ends is judged without a traceback."""
    import datetime

    project = complete_project(tmp_path)
    replace_once(project / "data" / "due_diligence.yml", "completed_on: '2025-06-01'", "completed_on: '2099-06-01'")
    replace_once(project / "data" / "countries.yml", "year: '2025'", "year: '2099'")
    found = publication_verdict(project / "data", project / "docs", today=datetime.date(2026, 12, 3))
    reasons = found.reasons()
    assert (
        "data/due_diligence.yml:199:17 measures[0].completed_on: 2099-06-01 is in the future — expected the date"
        " it happened, on or before today (2026-12-03)" in reasons
    ), reasons
    assert any(
        line.startswith("data/countries.yml:9:9 sources[0].year: the 2099 edition is in the future") for line in reasons
    ), reasons
    replace_once(project / "data" / "statement.yml", "end: 2025-12-31", "end: 9999-12-31")
    code, said = run("check", str(project), "--lang", "en")
    assert code == 1 and "Traceback" not in said and "approved (2026-06-20) before the reporting period ended" in said


def test_a_problem_is_one_line_whatever_the_data_quotes() -> None:
    from aapenhet.source.problems import Problem
    from aapenhet.words import verbatim

    line = str(Problem("data/x.yml", 3, 5, "name", verbatim("«x\n::error::forged\r\n::add-mask::y» is wrong")))
    assert "\n" not in line and "\r" not in line and line.startswith("data/x.yml:3:5 name: «x ::error::forged")


def test_check_says_where_mkdocs_yml_cannot_be_read(tmp_path: Path) -> None:
    """The statement may be complete, but no site is built from a mkdocs.yml with a syntax error."""
    project = complete_project(tmp_path)
    replace_once(project / "mkdocs.yml", "theme:", "theme: [")
    code, said = run("check", str(project), "--lang", "nb")
    assert code == 1 and said.startswith("mkdocs.yml:") and "«[» blir ikke lukket" in said, said
    # The located problems follow --lang, as the findings do.
    code, said = run("check", str(project), "--lang", "en")
    assert code == 1 and said.startswith("mkdocs.yml:") and "«[» is not closed" in said, said
