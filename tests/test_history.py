"""Earlier statements: the current one in data/, each earlier version in data/history/YEAR/ (as
published) or data/history/YEAR/DATE/ (as updated that day), each at a permanent address in both
languages with a notice pointing to the current one, what changed since the version before computed
from the data by id, an archive page, and the history as data.

The earlier versions are invented test data (``site_build.add_earlier_versions``): 2024 as published,
2024 updated on 2025-09-15, and the filled-in 2025 statement as the current one. Fast tests load and
compare in-process; one build (``history_site``, conftest.py) is read with an HTML parser.
"""

from __future__ import annotations

import contextlib
import io
import itertools
import json
import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import urljoin

import pytest

from aapenhet.cli import main
from aapenhet.model.changes import compare
from aapenhet.model.history import load_history
from aapenhet.model.keeping import reset_fields
from aapenhet.model.loader import load_statement
from aapenhet.model.models import SignatoryRole
from aapenhet.publishing.export import MACHINE_READABLE_NAMES
from aapenhet.source.problems import DataProblems
from site_build import (
    PROJECT,
    BuiltSite,
    add_earlier_versions,
    copy_project,
    fill_data,
    replace_once,
    rewrite_yaml,
    start_project_build,
)
from site_build import (
    PUBLIC_URL as SITE_URL,
)


def project_with_history(folder: Path) -> Path:
    project = copy_project(folder / "project")
    fill_data(project / "data")
    add_earlier_versions(project / "data")
    return project


def versions_of(data_dir: Path):
    return load_history(data_dir, load_statement(data_dir))


def problems_of(data_dir: Path) -> list[str]:
    with pytest.raises(DataProblems) as raised:
        versions_of(data_dir)
    return [str(problem) for problem in raised.value.problems]


# --- The versions and what changed ---------------------------------------------------------------


def test_versions_are_read_oldest_first_each_with_its_year_date_and_address(history_project: Path) -> None:
    versions = versions_of(history_project / "data")
    assert [(version.path, version.year, str(version.date), version.is_update) for version in versions] == [
        ("2024/", 2024, "2025-06-15", False),
        ("2024/2025-09-15/", 2024, "2025-09-15", True),
        ("", 2025, "2026-06-25", False),
    ]
    assert versions[1].reason.en == "Viet Nam is now rated low risk (test value)."


def test_what_changed_is_computed_from_the_data_by_id(history_project: Path) -> None:
    annual, update, current = (version.loaded.data for version in versions_of(history_project / "data"))
    mid_year = compare(annual, update)
    assert [(change.code, change.before.value, change.after.value) for change in mid_year.ratings_lowered] == [
        ("VN", "elevated", "low")
    ]
    assert mid_year.ratings_raised == [] and mid_year.rated_countries_added == []
    assert not mid_year.suppliers_added and not mid_year.risks_new and not mid_year.measures_completed
    year = compare(update, current)
    assert [supplier.id for supplier in year.suppliers_added] == ["integration-wizard"]
    assert year.suppliers_removed == []
    assert [(change.code, change.before.value, change.after.value) for change in year.ratings_raised] == [
        ("VN", "low", "high")
    ]
    assert [(change.code, change.before, change.after.value) for change in year.rated_countries_added] == [
        ("IN", None, "high")
    ]
    assert year.ratings_lowered == year.ratings_given == year.ratings_withdrawn == year.rated_countries_removed == []
    assert year.signatories_added == year.signatories_removed == year.companies_added == year.risks_reassessed == []
    assert [(change.risk.id, change.before.value, change.after.value) for change in year.risks_raised] == [
        ("electronics-trade", "low", "elevated")
    ]
    assert year.risks_lowered == [] and year.risks_new == []
    assert [risk.id for risk in year.risks_closed] == ["logistics-norway"]
    assert [measure.id for measure in year.measures_completed] == ["zebra-interviews", "iw-visits"]
    assert [measure.id for measure in year.measures_dropped] == ["supplier-training"]
    assert year.measures_started == [] and year.measures_planned == []
    assert compare(current, current).nothing


def test_each_change_says_which_way_it_moved(tmp_path: Path) -> None:
    """A rating or level that went down is lowered, up is raised; severity, likelihood, countries,
    signatories and the companies covered are compared too."""
    before = load_statement(copy_project(tmp_path / "before", "complete") / "data").data
    data = copy_project(tmp_path / "after", "complete") / "data"

    def countries(document: dict) -> None:
        for entry in document["countries"]:
            if entry["code"] == "TW":
                entry.update(risk=None, source=None, areas=[])
            entry["risk"] = {"VN": "elevated", "CZ": "low"}.get(entry["code"], entry["risk"])
            if entry["code"] == "CZ":
                entry["source"] = "ituc-gri"
        document["countries"].append({"code": "MY", "risk": "high", "source": "ituc-gri"})

    def due_diligence(document: dict) -> None:
        exposed = next(risk for risk in document["risks"] if risk.get("severity"))
        exposed.update(severity="medium", likelihood="high")

    rewrite_yaml(data / "countries.yml", countries)
    rewrite_yaml(data / "due_diligence.yml", due_diligence)
    replace_once(
        data / "statement.yml", "{name: Ola Nordmann, role: board_member}", "{name: Siri Berg, role: board_member}"
    )
    replace_once(
        data / "statement.yml", "companies_covered: [Exempla AS]", "companies_covered: [Exempla AS, Exempla Drift AS]"
    )
    replace_once(data / "suppliers.yml", "countries: [CZ, CN]", "countries: [CZ, CN, MY]")
    before.countries.countries.append(before.countries.countries[0].model_copy(update={"code": "NO"}))  # removed
    changes = compare(before, load_statement(data).data)

    def moved(items: list) -> list[tuple]:
        return [(item.code, item.before and item.before.value, item.after and item.after.value) for item in items]

    assert moved(changes.ratings_lowered) == [("VN", "high", "elevated")]
    assert moved(changes.ratings_given) == [("CZ", None, "low")]
    assert moved(changes.ratings_withdrawn) == [("TW", "high", None)]
    assert moved(changes.rated_countries_added) == [("MY", None, "high")]
    assert moved(changes.rated_countries_removed) == [("NO", "high", None)]
    assert changes.ratings_raised == []
    (reassessed,) = changes.risks_reassessed
    assert (reassessed.severity.before.value, reassessed.severity.after.value, reassessed.severity.raised) == (
        "high",
        "medium",
        False,
    )
    assert (reassessed.likelihood.before.value, reassessed.likelihood.after.value, reassessed.likelihood.raised) == (
        "medium",
        "high",
        True,
    )
    assert [(each.name, each.role.value) for each in changes.signatories_added] == [("Siri Berg", "board_member")]
    assert [(each.name, each.role.value) for each in changes.signatories_removed] == [("Ola Nordmann", "board_member")]
    assert (changes.companies_added, changes.companies_removed) == (["Exempla Drift AS"], [])
    assert not changes.nothing
    # Given or withdrawn is neither raised nor lowered; a draft has not lost its board; a new role is a change.
    after = load_statement(data).data
    unassessed = after.model_copy(
        update={
            "due_diligence": after.due_diligence.model_copy(
                update={
                    "risks": [
                        risk.model_copy(update={"severity": None, "level": None})
                        if risk.id == reassessed.risk.id
                        else risk
                        for risk in after.due_diligence.risks
                    ]
                }
            )
        }
    )
    withdrawn = compare(after, unassessed)
    (change,) = withdrawn.risks_reassessed
    assert (change.severity.before.value, change.severity.after, change.severity.raised) == ("medium", None, False)
    assert [(each.before.value, each.after) for each in withdrawn.risks_level_withdrawn] == [("elevated", None)]
    assert withdrawn.risks_lowered == [] and [
        each.after.value for each in compare(unassessed, after).risks_level_given
    ] == ["elevated"]
    draft = after.model_copy(
        update={"statement": after.statement.model_copy(update={"approved_on": None, "signatories": []})}
    )
    assert compare(after, draft).signatories_removed == []
    promoted = after.model_copy(
        update={
            "statement": after.statement.model_copy(
                update={
                    "signatories": [
                        each.model_copy(
                            update={
                                "role": {
                                    SignatoryRole.board_member: SignatoryRole.board_chair,
                                    SignatoryRole.board_chair: SignatoryRole.board_member,
                                }.get(each.role, each.role)
                            }
                        )
                        for each in after.statement.signatories
                    ]
                }
            )
        }
    )
    moved = compare(after, promoted)
    assert moved.signatories_added == moved.signatories_removed == []
    assert [
        (each.after.name, each.before.role.value, each.after.role.value) for each in moved.signatories_role_changed
    ] == [("Kari Nordmann", "board_chair", "board_member"), ("Siri Berg", "board_member", "board_chair")]


# --- Bad input: each a located error -------------------------------------------------------------


def test_two_versions_with_the_same_date_are_an_error(tmp_path: Path) -> None:
    data = project_with_history(tmp_path) / "data"
    update = data / "history" / "2024" / "2025-09-15"
    replace_once(update / "statement.yml", "2025-09-15", "2025-06-15")
    update.rename(update.parent / "2025-06-15")
    assert any(
        line.startswith("data/history/2024/2025-06-15/statement.yml:")
        and "2025-06-15 is also the date of data/history/2024/" in line
        for line in problems_of(data)
    )


def test_two_current_statements_are_an_error(tmp_path: Path) -> None:
    data = project_with_history(tmp_path) / "data"
    replace_once(
        data / "statement.yml",
        "reporting_period: {start: 2025-01-01, end: 2025-12-31}",
        "reporting_period: {start: 2024-01-01, end: 2024-12-31}",
    )
    [problem] = problems_of(data)
    assert problem.startswith(
        "data/statement.yml:1:1 reporting_period: data/ and data/history/2024/ are both the"
        " statement on 2024 — two current statements"
    )


def test_a_version_published_without_approval_is_an_error(tmp_path: Path) -> None:
    data = project_with_history(tmp_path) / "data"
    replace_once(data / "history" / "2024" / "statement.yml", "approved_on: 2025-06-10", "approved_on:")
    assert (
        "data/history/2024/statement.yml:3:1 approved_on: published on 2025-06-15, but no approval date — a"
        " statement is published only after the board approved it: fill in approved_on" in problems_of(data)
    )


def test_a_folder_whose_year_is_not_its_periods_is_an_error(tmp_path: Path) -> None:
    data = project_with_history(tmp_path) / "data"
    (data / "history" / "2024").rename(data / "history" / "2023")
    assert any(
        line.startswith("data/history/2023/statement.yml:1:")
        and "the period ends in 2024, but the folder is data/history/2023/" in line
        for line in problems_of(data)
    )


def test_an_id_that_changes_meaning_between_years_is_an_error(tmp_path: Path) -> None:
    data = project_with_history(tmp_path) / "data"
    replace_once(data / "history" / "2024" / "due_diligence.yml", "id: supplier-training", "id: integration-wizard")
    found = problems_of(data)
    assert any(
        "«integration-wizard» is a measure in data/history/2024/ but a supplier here — an id keeps its meaning" in line
        and line.startswith("data/suppliers.yml:")
        for line in found
    ), found
    # Within one version, the message says so.
    replace_once(data / "history" / "2024" / "due_diligence.yml", "id: integration-wizard", "id: hp")
    assert any(
        "«hp» is also a supplier's id in this statement — an id names one thing" in line for line in problems_of(data)
    )


def test_an_update_without_its_reason_and_a_stray_folder_are_errors(tmp_path: Path) -> None:
    data = project_with_history(tmp_path) / "data"
    replace_once(data / "history" / "2024" / "2025-09-15" / "statement.yml", "date: '2025-09-15'", "date: '2025-09-14'")
    (data / "history" / "gammel").mkdir()
    found = problems_of(data)
    assert (
        "data/history/gammel:1:1 not a folder of an earlier statement — expected data/history/YYYY/ (the"
        " statement on year YYYY as published) or data/history/YYYY/YYYY-MM-DD/ (that statement as updated on"
        " that day)" in found
    )
    assert any(
        line.startswith("data/history/2024/2025-09-15/statement.yml:") and "no revision dated 2025-09-15" in line
        for line in found
    ), found


# --- Keeping a version, starting a new year --------------------------------------------------------


def run(*arguments: str) -> tuple[int, str]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
        code = main(list(arguments))
    return code, out.getvalue()


def test_new_year_keeps_the_statement_and_empties_what_is_filled_in_again(tmp_path: Path) -> None:
    project = project_with_history(tmp_path)
    data = project / "data"
    assert run("new-year", str(project)) == (
        0,
        "kept the current statement in data/history/2025/\nemptied in"
        " data/statement.yml: reporting_period, approved_on, published_on,"
        " signatories — fill them in for the new statement\nthe rest of"
        " data/ is last year's: «aapenhet check» lists each fact dated in"
        " last year's period, to confirm or update\n",
    )
    kept = load_statement(data / "history" / "2025").data.statement
    assert (str(kept.reporting_period.end), str(kept.published_on), len(kept.signatories)) == (
        "2025-12-31",
        "2026-06-25",
        3,
    )
    statement = load_statement(data).data.statement
    assert statement.reporting_period.start is None and statement.approved_on is None
    assert statement.published_on is None and statement.signatories == [] and statement.revisions == []
    assert statement.contact.email == "apenhet@example.no"  # what is not filled in again stays
    assert [version.path for version in versions_of(data)] == ["2024/", "2024/2025-09-15/", "2025/", ""]
    # A draft is not kept: it has not been published.
    code, said = run("keep", str(project))
    assert code == 1 and "only a statement the publication gate passes is kept in data/history/" in said


def test_keep_names_the_schema_from_where_the_copy_is(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    fill_data(project / "data")
    replace_once(
        project / "data" / "statement.yml",
        "reporting_period:",
        "# yaml-language-server: $schema=schemas/statement.schema.json\nreporting_period:",
    )
    assert run("keep", str(project))[0] == 0
    assert (
        (project / "data" / "history" / "2025" / "statement.yml")
        .read_text(encoding="utf-8")
        .startswith("# yaml-language-server: $schema=../../schemas/statement.schema.json\n")
    )


def test_emptying_keeps_every_comment_and_leaves_an_empty_statement_as_it_is() -> None:
    shipped = (PROJECT / "data" / "statement.yml").read_text(encoding="utf-8")
    assert reset_fields(shipped) == (shipped, [])
    filled = (
        shipped.replace("  start:\n  end:\n", "  start: 2025-01-01\n  end: 2025-12-31\n")
        .replace("approved_on:\n", "approved_on: 2026-06-20\n")
        .replace("signatories: []", "signatories:\n  - {name: A B, role: ceo}")
    )
    assert filled != shipped and reset_fields(filled) == (shipped, ["reporting_period", "approved_on", "signatories"])


# --- The site, built with two earlier versions ----------------------------------------------------


EARLIER = {
    "2024/": ("Redegjørelse for 2024", "Statement for 2024"),
    "2024/2025-09-15/": (
        "Redegjørelse for 2024, oppdatert 15. september 2025",
        "Statement for 2024, updated 15 September 2025",
    ),
}


@pytest.mark.parametrize("path", list(EARLIER))
def test_each_earlier_version_is_at_its_permanent_address_in_both_languages(history_site: BuiltSite, path: str) -> None:
    for prefix, title in zip(("", "en/"), EARLIER[path], strict=True):
        page = history_site.html(prefix + path)
        assert page.h1.get_text().rstrip("¶") == title
        notice = page.select_one(".aapenhet-earlier")
        assert notice is not None and notice.get_text().strip().startswith(
            "Dette er en tidligere redegjørelse" if not prefix else "This is an earlier statement"
        )
        assert notice.select_one("a")["href"] == f"/aapenhet/{prefix}redegjorelse/"
        assert page.select_one(".aapenhet-draft__details") is None  # not the current draft's banner
        assert page.select_one('link[rel="canonical"]')["href"] == f"{SITE_URL}{prefix}{path}"
        alternates = {link["hreflang"]: link["href"] for link in page.select('link[rel~="alternate"][hreflang]')}
        assert alternates == {"nb": f"{SITE_URL}{path}", "en": f"{SITE_URL}en/{path}", "x-default": f"{SITE_URL}{path}"}
        other = "en" if not prefix else "nb"
        switch = page.select_one(f'.md-select a[hreflang="{other}"]')["href"]
        depth = (prefix + path).count("/")
        assert switch == "../" * depth + ("en/" if other == "en" else "") + path
        # The version's own data: 2024's period, and the update's reason.
        assert "2024" in page.select_one(".aapenhet-header").get_text()
    update = history_site.text("en/2024/2025-09-15/")
    assert "Why it was updated: Viet Nam is now rated low risk (test value)." in update


def test_the_current_statement_has_no_notice_and_links_to_its_changes_and_the_archive(history_site: BuiltSite) -> None:
    for prefix, words in (
        ("", "Tidligere redegjørelser og hva som er endret"),
        ("en/", "Earlier statements and what changed"),
    ):
        page = history_site.html(prefix + "redegjorelse/")
        assert page.select_one(".aapenhet-earlier") is None
        changes, archive = page.select(".aapenhet-archive-link a")
        assert (archive.get_text(), archive["href"]) == (words, f"/aapenhet/{prefix}arkiv/")
        assert changes["href"] == f"/aapenhet/{prefix}endringer/"


def test_the_archive_lists_every_version_newest_first_with_its_facts(history_site: BuiltSite) -> None:
    page = history_site.html("en/arkiv/")
    versions = page.select("section.aapenhet-version")
    assert [section.h2.get_text(" ", strip=True) for section in versions] == [
        "Statement for 2025 (current)",
        "Statement for 2024, updated 15 September 2025",
        "Statement for 2024",
    ]
    assert [section.h2.a["href"] for section in versions] == [
        "/aapenhet/en/2025/",
        "/aapenhet/en/2024/2025-09-15/",
        "/aapenhet/en/2024/",
    ]
    oldest = " ".join(versions[-1].get_text(" ").split())
    for fact in (
        "1 January 2024 – 31 December 2024",
        "Approved by the board 10 June 2025",
        "Published 15 June 2025",
        "Kari Nordmann (chair of the board)",
    ):
        assert fact in oldest, fact
    assert "15 September 2025 : Viet Nam is now rated low risk (test value)." in " ".join(
        versions[1].get_text(" ").split()
    )
    assert [a["href"] for a in page.select("section.aapenhet-version a[href$='/endringer/']")] == [
        "/aapenhet/en/endringer/",
        "/aapenhet/en/2024/2025-09-15/endringer/",
    ]


def test_what_changed_is_a_page_per_version_and_data_beside_its_statement(history_site: BuiltSite) -> None:
    page = history_site.html("en/endringer/")
    lists = {
        h2["id"]: [li.get_text(" ", strip=True) for li in h2.find_next_sibling("ul").select("li")]
        for h2 in page.select("article h2[id]")
    }
    assert lists == {
        "suppliers_added": ["Integration Wizard (IW)"],
        "rated_countries_added": ["India: high risk"],
        "ratings_raised": ["Vietnam: raised from low risk to high risk"],
        "risks_raised": ["Trade in electronic equipment: raised from low risk to higher risk"],
        "risks_closed": ["Logistics in Norway"],
        "measures_completed": ["Interviews with Zebra Technologies", "Visits to Integration Wizard (IW)"],
        "measures_dropped": ["Training for suppliers"],
    }
    mid_year = json.loads(
        (history_site.root / "en" / "2024" / "2025-09-15" / "changes.json").read_text(encoding="utf-8")
    )
    assert mid_year["ratings_lowered"] == [{"country_code": "VN", "before": "elevated", "after": "low"}]
    assert mid_year["ratings_raised"] == []
    norwegian = history_site.html("2024/2025-09-15/endringer/").select_one("#ratings_lowered")
    assert norwegian.get_text(strip=True).rstrip("¶") == "Land med senket risikoklassifisering (1)"
    assert (
        norwegian.find_next_sibling("ul").get_text(" ", strip=True)
        == "Vietnam: senket fra høyere risiko til lav risiko"
    )
    assert mid_year["compared_with"]["page"] == f"{SITE_URL}en/2024/"
    current = json.loads((history_site.root / "changes.json").read_text(encoding="utf-8"))
    assert [entry["id"] for entry in current["measures_dropped"]] == ["supplier-training"]


def test_each_version_has_its_data_and_an_index_of_all(history_site: BuiltSite) -> None:
    earlier = json.loads((history_site.root / "en" / "2024" / "statement.json").read_text(encoding="utf-8"))
    assert earlier["statement"]["reporting_period"] == {"start": "2024-01-01", "end": "2024-12-31"}
    assert "integration-wizard" not in {supplier["id"] for supplier in earlier["suppliers"]}
    assert (history_site.root / "2024" / "2025-09-15" / "suppliers.csv").is_file()
    index = json.loads((history_site.root / "history.json").read_text(encoding="utf-8"))
    assert [(entry["label"], entry["kind"], entry["current"], entry["page"]) for entry in index["versions"]] == [
        ("2024", "annual", False, f"{SITE_URL}2024/"),
        ("2024, oppdatert 15. september 2025", "update", False, f"{SITE_URL}2024/2025-09-15/"),
        ("2025", "annual", True, f"{SITE_URL}redegjorelse/"),
    ]
    sitemap = (history_site.root / "sitemap.xml").read_text(encoding="utf-8")
    for path in ("2024/", "en/2024/", "2024/2025-09-15/", "en/2024/2025-09-15/endringer/", "arkiv/", "en/endringer/"):
        assert f"<loc>{SITE_URL}{path}</loc>" in sitemap, path


def test_an_atom_feed_in_each_language_announces_each_published_version(history_site: BuiltSite) -> None:
    """Parsed as a feed reader would: Atom's namespace, absolute addresses, the newest version first,
    each entry's id its permanent address; every page's head names the feed."""
    from xml.etree import ElementTree

    atom = {"atom": "http://www.w3.org/2005/Atom"}
    for prefix, language, first_title in (
        ("", "nb", "Redegjørelse for 2025"),
        ("en/", "en", "Statement for 2025"),
    ):
        feed = ElementTree.fromstring((history_site.root / prefix / "feed.xml").read_bytes())
        assert feed.tag == "{http://www.w3.org/2005/Atom}feed"
        assert feed.get("{http://www.w3.org/XML/1998/namespace}lang") == language
        assert feed.findtext("atom:title", namespaces=atom).startswith("Exempla AS: ")
        entries = feed.findall("atom:entry", atom)
        assert [entry.findtext("atom:id", namespaces=atom) for entry in entries] == [
            f"{SITE_URL}{prefix}2025/",
            f"{SITE_URL}{prefix}2024/2025-09-15/",
            f"{SITE_URL}{prefix}2024/",
        ]
        assert entries[0].findtext("atom:title", namespaces=atom) == first_title
        assert entries[0].findtext("atom:updated", namespaces=atom).startswith("2026-06-25")
        assert feed.findtext("atom:updated", namespaces=atom) == entries[0].findtext("atom:updated", namespaces=atom)
        update = entries[1].findtext("atom:summary", namespaces=atom)
        assert update.startswith(
            {"nb": "Oppdatert 15. september 2025: ", "en": "Updated 15 September 2025: "}[language]
        )
        for page in ("", "redegjorelse/", "arkiv/", "2024/"):
            link = history_site.html(prefix + page).select_one('link[type="application/atom+xml"]')
            assert link is not None and urljoin(SITE_URL, link["href"]) == f"{SITE_URL}{prefix}feed.xml", page


def test_a_build_loads_the_feeds_library_only_to_write_a_feed() -> None:
    """feedgen brings lxml, about 5 MB of a build's memory: a statement with nothing published yet
    does not load it (a fresh interpreter, as mkdocs imports the hook)."""
    loaded = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys, aapenhet.statement_build; print(sorted({'feedgen', 'lxml'} & set(sys.modules)))",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    assert loaded.stdout.strip() == "[]"


def test_each_published_version_lists_what_was_published_with_checksums(history_site: BuiltSite) -> None:
    """``sha256sum -c SHA256SUMS`` at a version's permanent address checks every file published there,
    and history.json names the list."""
    for folder in ("2024", "2024/2025-09-15", "en/2024", "2025"):
        listed = (history_site.root / folder / "SHA256SUMS").read_text(encoding="utf-8").splitlines()
        names = [line.split("  ", 1)[1] for line in listed]
        assert {"statement.json", "suppliers.csv", "measures.csv"} <= set(names), folder
        done = subprocess.run(
            ["sha256sum", "--check", "--strict", "SHA256SUMS"],
            cwd=history_site.root / folder,
            capture_output=True,
            text=True,
        )
        assert done.returncode == 0, done.stdout + done.stderr
    assert "changes.json" in (history_site.root / "2024" / "2025-09-15" / "SHA256SUMS").read_text(encoding="utf-8")
    index = json.loads((history_site.root / "history.json").read_text(encoding="utf-8"))
    assert [entry["checksums"] for entry in index["versions"]] == [
        f"{SITE_URL}2024/SHA256SUMS",
        f"{SITE_URL}2024/2025-09-15/SHA256SUMS",
        f"{SITE_URL}2025/SHA256SUMS",
    ]


def jsonld(site: BuiltSite, page: str) -> dict:
    [script] = site.html(page).select('head script[type="application/ld+json"]')
    return json.loads(script.string)


def test_the_statement_and_its_versions_are_described_for_search_engines(history_site: BuiltSite) -> None:
    """schema.org JSON-LD, read as JSON: the report (its period, publication, language, publisher)
    and its data downloads on the statement page and each version's page; the archive lists them."""
    current = {node["@type"]: node for node in jsonld(history_site, "en/redegjorelse/")["@graph"]}
    report = current["Report"]
    assert (report["inLanguage"], report["creativeWorkStatus"], report["datePublished"]) == (
        "en",
        "Published",
        "2026-06-25",
    )
    assert report["temporalCoverage"] == "2025-01-01/2025-12-31" and report["publisher"]["name"] == "Exempla AS"
    downloads = {each["contentUrl"] for each in current["Dataset"]["distribution"]}
    data_files = (
        "statement.json",
        "suppliers.csv",
        "risks_and_impacts.csv",
        "measures.csv",
        "registry_summary.csv",
        "registry_summary.json",
        "datapackage.json",
    )
    assert downloads == {f"{SITE_URL}en/2025/{name}" for name in data_files}
    assert all((history_site.root / "en" / "2025" / name).is_file() for name in data_files), "a download is not there"
    # The document itself, as the board signs it: made by «aapenhet pdf» after the build.
    assert report["encoding"]["contentUrl"] == f"{SITE_URL}en/2025/statement.pdf"
    earlier = {node["@type"]: node for node in jsonld(history_site, "2024/2025-09-15/")["@graph"]}
    assert earlier["Report"]["url"] == f"{SITE_URL}2024/2025-09-15/"
    assert earlier["Report"]["dateModified"] == "2025-09-15" and earlier["Report"]["inLanguage"] == "nb"
    archive = jsonld(history_site, "arkiv/")
    assert archive["@type"] == "CollectionPage"
    assert [part["url"] for part in archive["hasPart"]] == [
        f"{SITE_URL}2025/",
        f"{SITE_URL}2024/2025-09-15/",
        f"{SITE_URL}2024/",
    ]
    assert not history_site.html("leverandorer/").select('script[type="application/ld+json"]')


def test_a_draft_is_described_as_a_draft(built_site: BuiltSite) -> None:
    report = {node["@type"]: node for node in jsonld(built_site, "redegjorelse/")["@graph"]}["Report"]
    assert report["creativeWorkStatus"] == "Draft" and "datePublished" not in report


def test_without_earlier_versions_there_is_no_archive(built_site: BuiltSite) -> None:
    assert not (built_site.root / "feed.xml").exists()
    assert built_site.html("").select_one('link[type="application/atom+xml"]') is None
    assert not (built_site.root / "arkiv").exists() and not (built_site.root / "history.json").exists()
    assert built_site.html("redegjorelse/").select_one(".aapenhet-archive-link") is None


def test_the_check_reports_a_problem_in_an_earlier_version(tmp_path: Path) -> None:
    project = project_with_history(tmp_path)
    replace_once(project / "data" / "history" / "2024" / "statement.yml", "approved_on: 2025-06-10", "approved_on:")
    code, said = run("check", str(project), "--lang", "en")
    assert code == 1 and said.startswith("data/history/2024/statement.yml:3:1 approved_on: published on 2025-06-15")


def test_keep_refuses_a_statement_published_without_approval(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    fill_data(project / "data")
    replace_once(project / "data" / "statement.yml", "approved_on: 2026-06-20", "approved_on:")
    code, said = run("keep", str(project))
    assert code == 1 and "Not kept: only a statement the publication gate passes is kept" in said
    assert (
        "data/statement.yml:3:1 approved_on: empty, so the statement is still a draft — fill in the date the"
        " board approved and signed it" in said
    )
    assert not (project / "data" / "history").exists()


def test_keep_twice_says_the_statement_is_kept_already(tmp_path: Path) -> None:
    project = project_with_history(tmp_path)
    assert run("keep", str(project))[0] == 0
    code, said = run("keep", str(project))
    assert code == 1 and said.startswith("data/history/2025/ holds this statement already, as it is in data/")


def test_a_statement_kept_after_it_was_edited_is_an_error(tmp_path: Path) -> None:
    """Keep before editing: a year's folder holds the statement as first published, without later revisions."""
    data = project_with_history(tmp_path) / "data"
    replace_once(
        data / "history" / "2024" / "statement.yml",
        "revisions: []",
        "revisions:\n  - {date: 2025-08-01, summary: {nb: Endret (testverdi), en: Changed (test value)}}",
    )
    assert any(
        line.startswith("data/history/2024/statement.yml:")
        and "a revision dated 2025-08-01, after the statement was published (2025-06-15)" in line
        for line in problems_of(data)
    )


def test_a_supplier_producing_in_other_countries_is_a_change(history_project: Path) -> None:
    *_, update, current = (version.loaded.data for version in versions_of(history_project / "data"))
    hp = next(supplier for supplier in current.suppliers.suppliers if supplier.id == "hp")
    lines = [
        line.model_copy(update={"countries": [*line.countries, "IN"]}) if index == 0 else line
        for index, line in enumerate(hp.production)
    ]
    moved = hp.model_copy(update={"production": lines})
    suppliers = [moved if supplier.id == "hp" else supplier for supplier in current.suppliers.suppliers]
    later = current.model_copy(update={"suppliers": current.suppliers.model_copy(update={"suppliers": suppliers})})
    [change] = compare(current, later).suppliers_countries_changed
    assert (change.supplier.id, change.added, change.removed) == ("hp", ["IN"], [])
    assert compare(update, current).suppliers_countries_changed == []


def test_an_earlier_versions_page_has_its_sections_in_order_and_in_its_table_of_contents(
    history_site: BuiltSite,
) -> None:
    page = history_site.html("en/2024/")
    levels = [int(heading.name[1]) for heading in page.select("article :is(h1, h2, h3, h4, h5, h6)")]
    assert levels[0] == 1 and all(later <= earlier + 1 for earlier, later in itertools.pairwise(levels)), levels
    toc = [link.get_text(" ", strip=True) for link in page.select("nav.md-nav--secondary a.md-nav__link")]
    assert toc[:3] == [
        "a) The enterprise, guidelines and routines",
        "Organisation and areas of operation",
        "Guidelines",
    ]
    assert "c) Measures and results" in toc and "Changes after publication" in toc and "Signatures" in toc
    assert not any("\n" in entry or len(entry) > 80 for entry in toc), toc  # headings' own text, no body text
    ids = [element["id"] for element in page.select("[id]")]
    assert len(ids) == len(set(ids)), "an id is used twice on the page"


def test_text_from_earlier_versions_is_shown_as_text(tmp_path: Path) -> None:
    from aapenhet.view.versions import version_changes, version_views
    from rendering import renderer as make_renderer

    payload = '<script>alert("x")</script>'
    data = project_with_history(tmp_path) / "data"
    replace_once(data / "suppliers.yml", "name: Integration Wizard (IW)", f"name: '{payload}'")
    replace_once(
        data / "history" / "2024" / "2025-09-15" / "statement.yml", "Viet Nam vurderes", f"{payload} Viet Nam vurderes"
    )
    versions = versions_of(data)
    renderers = {version.path: make_renderer(version.loaded.data) for version in versions}
    views = version_views(
        versions, version_changes(versions), lambda version: renderers[version.path].view("nb"), "nb", lambda key: key
    )
    for template, version_index in (("changes", 2), ("archive", 2), ("earlier_statement", 1)):
        html = renderers[versions[version_index].path].render(template, "nb", entry=views[version_index], entries=views)
        assert "<script>" not in html and "&lt;script&gt;" in html, template


# --- Permanent from the day of publication; a draft is never current ------------------------------


def test_the_published_statement_is_at_its_years_address_from_the_first_day(filled_site: BuiltSite) -> None:
    """No earlier version yet: the current statement is at /2025/ too, named on /redegjorelse/, with
    its data beside it, and the archive lists it."""
    for prefix in ("", "en/"):
        page = filled_site.html(prefix + "2025/")
        assert page.h1.get_text().rstrip("¶") == ("Redegjørelse for 2025" if not prefix else "Statement for 2025")
        assert page.select_one(".aapenhet-earlier") is None  # it is the current statement, not an earlier one
        assert page.select_one("link[rel=canonical]")["href"].endswith(f"/{prefix}2025/")
        header = filled_site.html(prefix + "redegjorelse/").select_one(".aapenhet-header")
        named = header.find("a", href=f"/{prefix}2025/")
        assert named is not None and named.get_text().endswith(f"/{prefix}2025/")
        for name in MACHINE_READABLE_NAMES:  # made once, the same bytes at both addresses
            at_root = (filled_site.root / prefix / name).read_bytes()
            assert (filled_site.root / prefix / "2025" / name).read_bytes() == at_root, name
        archive = filled_site.html(prefix + "arkiv/").select("section.aapenhet-version")
        assert [section.h2.get_text(" ", strip=True).rstrip("¶").strip() for section in archive] == [
            "Redegjørelse for 2025 (gjeldende)" if not prefix else "Statement for 2025 (current)"
        ]
    history = json.loads((filled_site.root / "en" / "history.json").read_text(encoding="utf-8"))
    assert [(entry["permanent_page"], entry["current"]) for entry in history["versions"]] == [
        ("http://127.0.0.1:8000/en/2025/", True)
    ]


def test_a_published_statements_files_are_made_once_for_both_its_addresses(tmp_path: Path) -> None:
    """The build writes a file once per maker and copies it to its other address: the current
    statement's files at the language's root and at its year's address have one maker each."""
    project = copy_project(tmp_path / "project")
    fill_data(project / "data")
    makers = start_project_build(project).file_makers("en")
    assert "2025/statement.json" in makers
    for name in MACHINE_READABLE_NAMES:
        assert makers["2025/" + name] is makers[name], name


def test_a_draft_has_no_address_of_its_own_and_never_says_it_was_published(built_site: BuiltSite) -> None:
    assert not (built_site.root / "2025").exists() and not (built_site.root / "arkiv").exists()
    for prefix, said in (
        ("", "Redegjørelsen er ikke publisert ennå."),
        ("en/", "The statement has not been published yet."),
    ):
        text = built_site.text(prefix + "redegjorelse/")
        assert said in text
        assert "Ingen endringer etter publisering" not in text and "No changes since publication" not in text
        assert (
            built_site.html(prefix + "redegjorelse/")
            .select_one(".aapenhet-header")
            .find(string=re.compile("Fast adresse|Permanent address"))
            is None
        )


def test_next_years_draft_is_a_draft_in_the_archive_and_in_every_notice(tmp_path: Path) -> None:
    project = project_with_history(tmp_path)
    assert run("new-year", str(project))[0] == 0
    build = start_project_build(project)
    pages = build.made_pages("nb")
    archive = pages["arkiv.md"]
    html = archive.renderer.render(archive.template, "nb", **archive.values)
    assert "neste periode (utkast)</a></h2>" in html and html.count("(gjeldende)") == 1
    assert "2025.md" in pages and "2026.md" not in pages  # kept last year; next year's draft has no address
    kept = pages["2025.md"]
    notice = kept.renderer.render("earlier_notice", "nb", **kept.values)
    assert "Dette er den sist publiserte redegjørelsen" in notice and "Se utkastet til neste redegjørelse" in notice
    oldest = pages["2024.md"]
    assert "Dette er en tidligere redegjørelse" in oldest.renderer.render("earlier_notice", "nb", **oldest.values)
    assert "2025</a> (gjeldende)" in html  # the statement in force is the newest published one
    history = json.loads(b"".join(build.history_file_makers("en")["history.json"]()))
    assert [(entry["label"], entry["current"], entry["status"]) for entry in history["versions"]] == [
        ("2024", False, "published"),
        ("2024, updated 15 September 2025", False, "published"),
        ("2025", True, "published"),
        ("the next period (draft)", False, "draft"),
    ]


def test_a_measure_and_a_risk_with_the_same_id_keep_their_own_titles_in_what_changed(tmp_path: Path) -> None:
    """Measures and risks have ids of their own: the changes name each by its own kind's title."""
    from aapenhet.view.versions import version_changes, version_views
    from rendering import renderer as make_renderer

    data = project_with_history(tmp_path) / "data"
    versions = versions_of(data)
    renderers = {version.path: make_renderer(version.loaded.data) for version in versions}
    views = version_views(
        versions, version_changes(versions), lambda version: renderers[version.path].view("en"), "en", lambda k: k
    )
    current = views[-1]
    risk_id = next(iter(current.statement.findings))
    measure = current.statement.document.due_diligence.measures[0]
    assert current.finding_title(risk_id) == current.statement.findings[risk_id].title
    assert current.measure_title(measure.id) == measure.title
    # The same id in both: each lookup keeps to its own kind.
    both = replace_measure_id(current, measure.id, risk_id)
    assert both.measure_title(risk_id) == measure.title
    assert both.finding_title(risk_id) == current.statement.findings[risk_id].title


def replace_measure_id(entry, old: str, new: str):  # type: ignore[no-untyped-def]
    """``entry`` with its statement's measure ``old`` renamed ``new``."""
    from dataclasses import replace

    from aapenhet.view.statement_view import StatementView

    document = entry.statement.document
    measures = [m.model_copy(update={"id": new}) if m.id == old else m for m in document.due_diligence.measures]
    changed = document.model_copy(
        update={"due_diligence": document.due_diligence.model_copy(update={"measures": measures})}
    )
    view = StatementView(changed)
    return replace(entry, statement_view=lambda: view)
