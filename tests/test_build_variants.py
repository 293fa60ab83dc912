"""Real builds of changed copies of the project: what editors' changes do to the published site.

Proves: filling in the period, approval, signatories and contact turns the draft into a signed
statement; text from YAML is escaped in every kind of field; bad data, an unknown placeholder or a
page without its translation stop the build with a located message and no traceback.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from site_build import FILLED_STATEMENT, BuiltSite, copy_project, run_build

PAYLOAD = '<script>alert("x")</script><img src=x onerror=alert(1)>'



def build_copy(tmp_path: Path, edit) -> tuple[int, str, BuiltSite]:
    project = copy_project(tmp_path / "project")
    edit(project)
    result = run_build(project, tmp_path / "site")
    return result.returncode, result.output, BuiltSite(result.site)


@pytest.fixture(scope="module")
def filled_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    def fill(project: Path) -> None:
        (project / "data" / "statement.yml").write_text(FILLED_STATEMENT, encoding="utf-8")

    code, output, site = build_copy(tmp_path_factory.mktemp("filled"), fill)
    assert code == 0, output
    return site


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_filled_in_statement_is_no_longer_a_draft(filled_site: BuiltSite, prefix: str) -> None:
    for page in ("", "redegjorelse/", "leverandorer/", "innsynskrav/"):
        assert filled_site.html(prefix + page).select_one(".aapenhet-draft") is None
    assert "Utkast" not in filled_site.text(prefix + "redegjorelse/")


def test_signature_block_shows_names_roles_and_date(filled_site: BuiltSite) -> None:
    block = filled_site.html("redegjorelse/").select_one(".aapenhet-signatures")
    text = " ".join(block.get_text(" ").split())
    assert "Kari Nordmann Styreleder" in text and "Ola Nordmann Styremedlem" in text
    assert "Per Hansen Daglig leder" in text and "20. juni 2026" in text
    english = " ".join(filled_site.html("en/redegjorelse/").select_one(".aapenhet-signatures").get_text(" ").split())
    assert "Kari Nordmann Chair of the board" in english and "20 June 2026" in english


def test_header_shows_period_and_dates_per_language(filled_site: BuiltSite) -> None:
    assert "1. januar 2025 – 31. desember 2025" in filled_site.text("redegjorelse/")
    assert "1 January 2025 – 31 December 2025" in filled_site.text("en/redegjorelse/")
    assert "Godkjent og signert" in filled_site.text("redegjorelse/")


def test_contact_addresses_on_innsynskrav_page(filled_site: BuiltSite) -> None:
    page = filled_site.html("innsynskrav/")
    assert page.select_one('a[href="mailto:apenhet@example.no"]') is not None
    assert "Postboks 1" in page.select_one("address").get_text()


def test_contact_block_names_only_what_is_missing(tmp_path: Path) -> None:
    def email_only(project: Path) -> None:
        statement = FILLED_STATEMENT.replace("  postal_address: [Exso AS, Postboks 1, 0101 Oslo]\n", "")
        assert statement != FILLED_STATEMENT
        (project / "data" / "statement.yml").write_text(statement, encoding="utf-8")

    code, output, site = build_copy(tmp_path, email_only)
    assert code == 0, output
    nb, en = site.text("innsynskrav/"), site.text("en/innsynskrav/")
    assert "Postadresse for innsynskrav er ikke oppgitt ennå." in nb and "E-post- og postadresse" not in nb
    assert "The postal address for requests has not been given yet." in en
    assert site.html("innsynskrav/").select_one('.aapenhet-contact a[href="mailto:apenhet@example.no"]')


def test_text_from_data_is_escaped_in_every_kind_of_field(tmp_path: Path) -> None:
    def inject(project: Path) -> None:
        data = project / "data"
        suppliers = (data / "suppliers.yml").read_text(encoding="utf-8")
        suppliers = suppliers.replace("name: HP Inc.", f"name: '{PAYLOAD}'", 1)
        suppliers = suppliers.replace("supplies: {nb: IT-utstyr, en: IT equipment}",
                                      f"supplies: {{nb: '{PAYLOAD}', en: '{PAYLOAD}'}}", 1)
        (data / "suppliers.yml").write_text(suppliers, encoding="utf-8")
        company = (data / "company.yml").read_text(encoding="utf-8")
        (data / "company.yml").write_text(company.replace("{nb: Varehandel, en: Retail}",
                                          f"{{nb: '{PAYLOAD}', en: '{PAYLOAD}'}}"), encoding="utf-8")
        # Single-quoted YAML: the payload has no single quote of its own to double.
        statement = FILLED_STATEMENT.replace("Kari Nordmann", f"'{PAYLOAD}'")
        statement = statement.replace("[Exso AS, Postboks 1, 0101 Oslo]", f"['{PAYLOAD}']")
        (data / "statement.yml").write_text(statement, encoding="utf-8")

    code, output, site = build_copy(tmp_path, inject)
    assert code == 0, output
    for page in ("redegjorelse/", "leverandorer/", "innsynskrav/", "en/redegjorelse/", "en/leverandorer/"):
        soup = site.html(page)
        scripts = [tag for tag in soup.select("script") if "alert" in tag.get_text()]
        assert scripts == [], f"{page}: a <script> from data became markup"
        assert soup.select("img[onerror]") == [], f"{page}: an <img> from data became markup"
        assert "<script>alert" in soup.get_text(), f"{page}: the payload should be shown as text"


@pytest.mark.parametrize(
    ("file", "old", "new", "expected"),
    [
        ("data/suppliers.yml", "countries: [CZ, CN]", "countries: [CZ, XX]",
         "data/suppliers.yml:19:25 suppliers[0].production[0].countries[1]: «XX» is not an ISO 3166 country code"),
        ("data/company.yml", "employees: 250", "employes: 250",
         "data/company.yml:28:1 employes: unknown key «employes» — did you mean «employees»?"),
        ("data/countries.yml", "  - code: IN\n", "  - code: IN\n  code: IN\n",
         "data/countries.yml:13:3 YAML syntax error"),
        ("data/due_diligence.yml", "en: Audits and general assessments", "fr: Audits",
         "data/due_diligence.yml:26:5 supplier_follow_up[0].en: missing English (en) translation"),
    ],
    ids=["unknown-country", "misspelt-key", "malformed-structure", "missing-translation"],
)
def test_bad_data_stops_the_build_with_a_located_message(tmp_path: Path, file: str, old: str, new: str, expected: str) -> None:
    def break_it(project: Path) -> None:
        path = project / file
        text = path.read_text(encoding="utf-8")
        assert old in text
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    code, output, _ = build_copy(tmp_path, break_it)
    assert code != 0
    assert expected in output
    assert "Traceback" not in output


def test_an_empty_site_url_stops_the_build(tmp_path: Path) -> None:
    result = run_build(copy_project(tmp_path / "project"), tmp_path / "site", env={"SITE_URL": ""})
    assert result.returncode != 0
    assert "mkdocs.yml:7:11 site_url: empty (is SITE_URL set to nothing?)" in result.output
    assert "Traceback" not in result.output


def test_unknown_placeholder_stops_the_build(tmp_path: Path) -> None:
    def typo(project: Path) -> None:
        page = project / "docs" / "leverandorer.md"
        page.write_text(page.read_text(encoding="utf-8").replace("aapenhet:supplier_table", "aapenhet:supplier_tabel"))

    code, output, _ = build_copy(tmp_path, typo)
    assert code != 0 and "Traceback" not in output
    assert re.search(r"docs/leverandorer\.md:\d+:1 unknown placeholder «supplier_tabel»", output)


def test_page_without_translation_fails_the_strict_build(tmp_path: Path) -> None:
    code, output, _ = build_copy(tmp_path, lambda project: (project / "docs" / "innsynskrav.en.md").unlink())
    assert code != 0
    assert "docs/innsynskrav.en.md is missing" in output
