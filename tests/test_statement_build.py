"""The start of a build, in-process: everything is read and checked once, and every problem found
in the settings, the data and the pages is reported together.

Proves: the shipped project starts a build whose renderer has the data; ``mkdocs.yml``'s languages
must be nb then en (listed later, static-i18n would build nb twice); an empty ``site_url``, bad data
and a placeholder typo are reported at once, each located.
"""

from __future__ import annotations

import gc
import json
import re
import shutil
import weakref
from pathlib import Path

import pytest

from aapenhet.source.problems import DataProblems
from aapenhet.statement_build import Process, StatementBuild, start_build
from site_build import PROJECT, build_settings, start_project_build

MKDOCS_YML = (PROJECT / "mkdocs.yml").read_text(encoding="utf-8")


def start(
    project: Path = PROJECT,
    *,
    site_url: str | None = "https://exempla.no/",
    languages: list[str] | None = None,
    default: str = "nb",
):
    return start_project_build(
        project, site_url=site_url, languages=languages, default=default, mkdocs_yml_text=MKDOCS_YML
    )


def test_the_shipped_project_starts_a_build() -> None:
    build = start()
    assert build.renderer.statement.data.company.name == "Exempla AS"
    assert build.site.language_prefix("en") == "en/"


@pytest.mark.parametrize(("languages", "default"), [(["en", "nb"], "nb"), (["nb", "en"], "en"), (["nb"], "nb")])
def test_the_languages_must_be_nb_then_en(languages: list[str], default: str) -> None:
    with pytest.raises(DataProblems) as raised:
        start(languages=languages, default=default)
    (problem,) = [problem for problem in raised.value.problems if problem.path == "plugins.i18n.languages"]
    line = next(number for number, text in enumerate(MKDOCS_YML.splitlines(), 1) if "languages:" in text)
    assert (problem.file, problem.line, problem.path) == ("mkdocs.yml", line, "plugins.i18n.languages")
    assert "expected nb, en in that order" in problem.message_in("en")


def test_every_problem_is_reported_at_once(tmp_path: Path) -> None:
    project = tmp_path / "project"
    shutil.copytree(PROJECT / "data", project / "data")
    shutil.copytree(PROJECT / "docs", project / "docs")
    company = project / "data" / "company.yml"
    company.write_text(company.read_text(encoding="utf-8").replace("employees: 250", "employees: many"))
    # An earlier version's own mistake is reported too, though the current statement cannot be read.
    earlier = shutil.copytree(PROJECT / "data", project / "data" / "history" / "2024")
    (earlier / "statement.yml").write_text(
        (earlier / "statement.yml").read_text(encoding="utf-8").replace("approved_on:", "approved_on: 2025-02-30"),
        encoding="utf-8",
    )
    page = project / "docs" / "redegjorelse.md"
    page.write_text(page.read_text(encoding="utf-8").replace("aapenhet:routines", "aapenhet:rutiner"))
    with pytest.raises(DataProblems) as raised:
        start(project, site_url="")
    found = [str(problem) for problem in raised.value.problems]
    assert any(re.match(r"mkdocs\.yml:\d+:\d+ site_url: empty", line) for line in found), found
    assert any(line.startswith("data/company.yml:29:12 employees:") for line in found), found
    assert any(re.match(r"docs/redegjorelse\.md:\d+:1 unknown placeholder «rutiner»", line) for line in found), found
    assert any(
        line.startswith("data/history/2024/statement.yml:11:14 approved_on:") and "not a real date" in line
        for line in found
    ), found


def test_a_page_in_nav_without_its_english_title_is_a_problem_with_the_fix() -> None:
    nav = [{"Forside": "index.md"}, {"Ny side": "ny.md"}]
    with pytest.raises(DataProblems) as raised:
        start_build(
            **build_settings(PROJECT, mkdocs_yml_text=MKDOCS_YML), nav=nav, nav_translations={"en": {"Forside": "Home"}}
        )
    (problem,) = raised.value.problems
    assert str(problem).startswith("mkdocs.yml:")
    assert problem.message_in("en") == (
        "«Ny side» has no en title — add «Ny side: …» under nav_translations: of the en"
        " language (plugins: i18n: languages:) in mkdocs.yml"
    )


def test_the_shipped_nav_has_every_title_in_english() -> None:
    from mkdocs.config import load_config

    config = load_config(str(PROJECT / "mkdocs.yml"))
    english = next(language for language in config.plugins["i18n"].config.languages if language.locale == "en")
    titles = [title for entry in config.nav for title in entry]
    assert [title for title in titles if title not in english.nav_translations] == []


def test_an_empty_page_and_a_page_in_one_language_only_are_problems(tmp_path: Path) -> None:
    project = tmp_path / "project"
    shutil.copytree(PROJECT / "data", project / "data")
    shutil.copytree(PROJECT / "docs", project / "docs")
    (project / "docs" / "ny.md").write_text("---\ntitle: Ny\n---\n\n", encoding="utf-8")
    (project / "docs" / "innsynskrav.en.md").unlink()
    with pytest.raises(DataProblems) as raised:
        start(project)
    found = [str(problem) for problem in raised.value.problems]
    assert (
        "docs/ny.md:1:1 the page is empty — write its text, or remove it in both languages and its line under"
        " nav: in mkdocs.yml" in found
    )
    assert (
        "docs/innsynskrav.md:1:1 docs/innsynskrav.en.md is missing: the page exists only in nb — add the"
        " translation" in found
    )
    assert any(line.startswith("docs/ny.md:1:1 docs/ny.en.md is missing") for line in found)


def test_the_builds_report_is_norwegian_by_default_and_english_when_asked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What ``mkdocs build`` and ``serve`` print for broken data: in Norwegian, the statement's
    authoritative language, unless AAPENHET_LANG asks for English; each line safe for a CI log."""
    from aapenhet.ci_log import safe_for_ci_log

    project = tmp_path / "project"
    shutil.copytree(PROJECT / "data", project / "data")
    shutil.copytree(PROJECT / "docs", project / "docs")
    suppliers = project / "data" / "suppliers.yml"
    suppliers.write_text(suppliers.read_text(encoding="utf-8").replace("countries: [CZ, CN]", "countries: [CZ, XX]"))
    with pytest.raises(DataProblems) as raised:
        start(project, site_url="")
    problems = raised.value

    norwegian = problems.report()
    assert norwegian.startswith("2 problemer i nettstedet med redegjørelsen:\n")
    assert "site_url: tom (er SITE_URL satt til ingenting?)" in norwegian
    assert "«XX» er ikke en landkode etter ISO 3166" in norwegian and "is not" not in norwegian
    assert all(safe_for_ci_log(line) == line for line in norwegian.splitlines())

    monkeypatch.setenv("AAPENHET_LANG", "en")
    english = problems.report()
    assert english.startswith("2 problems in the statement site:\n")
    assert "site_url: empty (is SITE_URL set to nothing?)" in english
    assert "«XX» is not an ISO 3166 country code" in english
    assert problems.report("nb") == norwegian  # a language asked for is that language
    monkeypatch.setenv("AAPENHET_LANG", "")
    assert problems.report() == norwegian
    assert str(problems) == problems.report("en")  # what a traceback shows: for developers


def test_the_messages_language_setting_takes_only_the_statements_languages() -> None:
    from aapenhet.languages import DEFAULT_LANGUAGE, messages_language

    assert messages_language({}) == messages_language({"AAPENHET_LANG": " "}) == DEFAULT_LANGUAGE
    assert messages_language({"AAPENHET_LANG": "en"}) == "en"
    with pytest.raises(ValueError, match=r"AAPENHET_LANG=de .* nb, en"):
        messages_language({"AAPENHET_LANG": "de"})


def test_the_files_beside_the_pages_are_made_only_when_asked_for(monkeypatch: pytest.MonkeyPatch) -> None:
    # The preview writes them empty and makes one when it is requested (website/preview.py): naming
    # them must not make them, or every rebuild would still pay for them.
    from aapenhet.publishing import export

    made: list[str] = []
    real = export.statement_json_pieces
    monkeypatch.setattr(export, "statement_json_pieces", lambda view: made.append(view.language) or real(view))
    build = start()
    makers = {language: build.file_makers(language) for language in ("nb", "en")}
    assert not made
    assert {"statement.json", "suppliers.csv", "robots.txt"} <= set(makers["nb"])
    assert json.loads(b"".join(makers["en"]["statement.json"]()))["language"] == "en"
    assert made == ["en"]
    assert build.files("en") == {path: b"".join(make()) for path, make in makers["en"].items()}


def test_what_a_build_let_go_of_is_made_again_the_same(history_project: Path) -> None:
    # A build lets go of each language once its pass is done (memory); the end of the build still asks
    # for its PDFs' addresses, and nothing may differ when it is made again.
    build = start_project_build(history_project)
    before = {language: (build.files(language), build.made_page_sources(language)) for language in ("nb", "en")}
    jobs = build.pdf_jobs()
    for language in ("nb", "en"):
        build.let_go_of_language(language)
    assert build.pdf_jobs() == jobs
    assert {language: (build.files(language), build.made_page_sources(language)) for language in ("nb", "en")} == before


def test_a_language_let_go_of_is_freed_at_once() -> None:
    """The next language's pass must not hold the last one's view too: it is in reference cycles, so
    letting go of it has to free it then, not whenever Python's collector next looks."""
    build = start()
    view = weakref.ref(build.renderer.view("nb"))
    build.files("nb")
    build.theme_context("nb")
    for src_uri in build.made_pages("nb"):
        build.page_content(src_uri, "", "nb")
        build.page_context(src_uri, "", "nb", "")
    gc.disable()  # as during a build's pass, the collector may not run at all meanwhile
    try:
        build.let_go_of_languages(["nb"])
        assert view() is None
    finally:
        gc.enable()


def test_a_preview_lets_go_of_the_build_before_it() -> None:
    """Under mkdocs serve every save starts a build in the same process: the one before, once its
    pages and files were made, is let go of, or each rebuild's data would stay to the end."""
    process = Process(command="serve")
    settings = build_settings(PROJECT)
    try:
        first = process.begin(**settings)
        assert isinstance(first, StatementBuild)
        for language in ("nb", "en"):
            first.files(language)
            first.theme_context(language)
            first.sitemap_entries(language)
            for src_uri in first.made_pages(language):
                first.page_content(src_uri, "", language)
                first.page_context(src_uri, "", language, "")
        before = weakref.ref(first)
        del first
        process.begin(**settings)
        assert before() is None
    finally:
        gc.unfreeze()


@pytest.mark.parametrize(("command", "keeps"), [("serve", True), ("build", False)])
def test_only_a_preview_keeps_its_suppliers_and_their_entries_for_its_next_rebuild(command: str, keeps: bool) -> None:
    """A build renders each entry once, and keeping them would only cost memory."""
    process = Process(command=command)
    try:
        build = process.begin(**build_settings(PROJECT))
        assert isinstance(build, StatementBuild)
        build.renderer.render("supplier_follow_up", "nb")
        assert bool(process.kept.entries.by_language) is keeps
        assert bool(process.kept.suppliers.by_language) is keeps
    finally:
        gc.unfreeze()
