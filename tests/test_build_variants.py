"""Real builds of changed copies of the project: what editors' changes do to the published site.

Proves: filling in the period, approval, signatories and contact turns the draft into a signed
statement on every page (the shared ``filled_site`` build); a risk, an actual impact and a measure
added as an editor would reach the statement page, linked both ways, and the exports; one build of a
copy with many mistakes at once (bad data in four files, an empty ``site_url``, a non-https form
endpoint, placeholder typos and a placeholder missing from one language) stops before writing any
page, with every problem located and no traceback; a page without its translation fails the strict
build. What the blocks themselves show is tested in-process in ``test_rendering.py``; Markdown's
pass over them here (text from the data stays text, and each supplier's heading reaches the page's
table of contents).
"""

from __future__ import annotations

import csv
import io
import json
import re
from html import unescape
from pathlib import Path

import markdown
import pytest

from aapenhet.model.loader import load_statement_data
from aapenhet.rendering.page_toc import toc_tokens
from aapenhet.rendering.placeholders import fill_placeholders
from rendering import renderer
from site_build import (
    MKDOCS_MARKDOWN_EXTENSIONS,
    MKDOCS_MARKDOWN_SETTINGS,
    BuiltSite,
    copy_project,
    replace_once,
    run_build,
)

# The module's real builds are shared by its tests: with pytest-xdist they run in one worker, so
# each build is made once.
pytestmark = pytest.mark.xdist_group("build-variants")

PAYLOAD = '<script>alert("x")</script><img src=x onerror=alert(1)>'


def build_copy(tmp_path: Path, edit, env: dict[str, str] | None = None) -> tuple[int, str, BuiltSite]:
    project = copy_project(tmp_path / "project")
    edit(project)
    result = run_build(project, tmp_path / "site", env=env)
    return result.returncode, result.output, BuiltSite(result.site, result.output)


def replace_in(project: Path, file: str, old: str, new: str) -> None:
    replace_once(project / file, old, new)


# --- A filled-in statement ----------------------------------------------------------------------


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_filled_in_statement_is_no_longer_a_draft(filled_site: BuiltSite, prefix: str) -> None:
    for page in ("", "redegjorelse/", "leverandorer/", "innsynskrav/"):
        assert filled_site.html(prefix + page).select_one(".aapenhet-draft") is None
    assert "Utkast" not in filled_site.text(prefix + "redegjorelse/")


def test_signature_block_and_contact_reach_the_pages(filled_site: BuiltSite) -> None:
    block = filled_site.html("redegjorelse/").select_one(".aapenhet-signatures")
    assert "Kari Nordmann Styreleder" in " ".join(block.get_text(" ").split())
    assert "1. januar 2025 – 31. desember 2025" in filled_site.text("redegjorelse/")
    page = filled_site.html("en/innsynskrav/")
    assert page.select_one('a[href="mailto:apenhet@example.no"]') is not None
    assert "Postboks 1" in page.select_one("address").get_text()


# --- Escaping survives Markdown -----------------------------------------------------------------


def page_with_block(markdown_text: str, block: str) -> str:
    """The page's HTML as the hook makes it: Markdown first (with mkdocs.yml's extensions), then the
    placeholder, which Markdown keeps as a comment, swapped for the rendered block."""
    html = markdown.markdown(
        markdown_text, extensions=MKDOCS_MARKDOWN_EXTENSIONS, extension_configs=MKDOCS_MARKDOWN_SETTINGS
    )
    return fill_placeholders(html, lambda name: block)


def test_escaped_text_stays_text_in_the_page(tmp_path: Path) -> None:
    data_dir = copy_project(tmp_path / "project") / "data"
    replace_in(data_dir.parent, "data/suppliers.yml", "name: HP Inc.", f"name: '{PAYLOAD}'")
    block = renderer(load_statement_data(data_dir)).render("supplier_table", "nb")
    html = page_with_block("# Leverandører\n\n<!-- aapenhet:supplier_table -->\n", block)
    assert "<!-- aapenhet" not in html and "<table>" in html
    assert "<script>" not in html and "<img" not in html
    assert "&lt;script&gt;alert" in html


def test_a_plugin_that_reads_each_page_reads_it_with_its_facts(tmp_path: Path) -> None:
    """The blocks of facts are filled in as the theme is about to render a page (to hold one page's
    at a time): before any plugin reads the page there, as Material's search does for its index."""
    project = copy_project(tmp_path / "project", "complete")
    replace_in(project, "mkdocs.yml", "plugins:\n", "plugins:\n  - search\n")
    result = run_build(project, tmp_path / "site")
    assert result.returncode == 0, result.output
    index = (result.site / "search" / "search_index.json").read_text(encoding="utf-8")
    # A supplier's profile, shown only by a block of facts.
    assert "A global manufacturer headquartered in the US" in index
    assert "<!-- aapenhet:" not in index


def test_supplier_headings_reach_the_table_of_contents_as_text(tmp_path: Path) -> None:
    """Each supplier's heading has a permalink and a place in the page's table of contents, under the
    page's own heading; a name from the data stays text there, never Markdown or markup."""
    name = f"*Acme* [x](javascript:alert(1)) {PAYLOAD}"
    data_dir = copy_project(tmp_path / "project") / "data"
    replace_in(data_dir.parent, "data/suppliers.yml", "name: HP Inc.", f"name: '{name}'")
    block = renderer(load_statement_data(data_dir)).render("supplier_follow_up", "nb")
    html = page_with_block("## Leverandørene\n\n<!-- aapenhet:supplier_follow_up -->\n\n## Risiko\n", block)
    assert "<em>" not in html and "<script>" not in html and "<img" not in html
    assert [href for href in re.findall(r'href="([^"]*)"', html) if href.startswith("javascript")] == []
    suppliers, risk = toc_tokens(html)
    assert (suppliers["name"], risk["name"], risk["children"]) == ("Leverandørene", "Risiko", [])
    # The table of contents shows each name as text: escaped once, exactly as written in the data.
    entries = [(entry["id"], entry["name"]) for entry in suppliers["children"]]
    assert [(anchor, unescape(label)) for anchor, label in entries] == [
        ("supplier-hp", name),
        ("supplier-zebra", "Zebra Technologies"),
        ("supplier-integration-wizard", "Integration Wizard (IW)"),
    ]
    assert "<" not in entries[0][1]
    assert 'href="#supplier-zebra">&para;</a></h3>' in html


# --- Mistakes stop the build --------------------------------------------------------------------

MISTAKES = [
    # (file, old, new): each an editor's mistake
    ("data/suppliers.yml", "countries: [CZ, CN]", "countries: [CZ, XX]"),
    ("data/company.yml", "employees: 250", "employes: 250"),
    ("data/countries.yml", "  - code: IN\n", "  - code: IN\n  code: IN\n"),
    ("data/due_diligence.yml", "en: Audits and general assessments", "fr: Audits"),
    ("docs/redegjorelse.md", "<!-- aapenhet:supplier_table -->", "<!-- aapenhet:supplier_tabel -->"),
    ("docs/redegjorelse.en.md", "<!-- aapenhet:routines -->", "<!-- aapenhet: routines -->"),
    ("docs/index.en.md", "<!-- aapenhet:key_figures -->", ""),
]
# What the build prints for them: in Norwegian, the default (AAPENHET_LANG=en prints the English).
EXPECTED = [
    "data/suppliers.yml:21:25 suppliers[0].production[0].countries[1]: «XX» er ikke en landkode etter ISO 3166",
    "data/company.yml:29:1 employes: ukjent nøkkel «employes» — mente du «employees»?",
    "data/countries.yml:13:3 feil i YAML-oppsettet",
    "data/due_diligence.yml:26:5 supplier_follow_up[0].en: den engelske teksten (en) mangler",
    r"docs/redegjorelse\.md:\d+:1 ukjent plassholder «supplier_tabel» — "
    r"mente du «<!-- aapenhet:supplier_table -->»\?",
    r"docs/redegjorelse\.en\.md:\d+:1 «<!-- aapenhet: routines -->» er ikke en plassholder slik den er skrevet",
    r"docs/index\.md:\d+:1 plassholderen «key_figures» står her, men ikke i docs/index\.en\.md",
    r"mkdocs\.yml:7:11 site_url: tom \(er SITE_URL satt til ingenting\?\)",
    r"mkdocs\.yml:\d+:\d+ extra\.innsynskrav\.endpoint: «http://formspree\.io/f/x» er ikke https",
]


@pytest.fixture(scope="module")
def broken_build(tmp_path_factory: pytest.TempPathFactory) -> tuple[int, str, BuiltSite]:
    def break_it(project: Path) -> None:
        for file, old, new in MISTAKES:
            replace_in(project, file, old, new)

    env = {"SITE_URL": "", "INNSYNSKRAV_PROVIDER": "formspree", "INNSYNSKRAV_ENDPOINT": "http://formspree.io/f/x"}
    return build_copy(tmp_path_factory.mktemp("broken"), break_it, env)


@pytest.mark.parametrize("expected", EXPECTED, ids=[re.sub(r"\W+", "-", e[:40]) for e in EXPECTED])
def test_each_mistake_is_reported_where_it_is(broken_build: tuple[int, str, BuiltSite], expected: str) -> None:
    code, output, _ = broken_build
    assert code != 0
    assert re.search(re.escape(expected) if expected.startswith("data/") else expected, output), output


def test_mistakes_stop_the_build_before_any_page_without_a_traceback(broken_build: tuple[int, str, BuiltSite]) -> None:
    code, output, site = broken_build
    assert code != 0 and "Traceback" not in output
    assert "problemer i nettstedet med redegjørelsen:" in output
    assert not (site.root / "index.html").exists(), "a page was written although the build stopped"


def test_page_without_translation_fails_the_strict_build(tmp_path: Path) -> None:
    """Reported in English when AAPENHET_LANG asks for it (Norwegian by default: broken_build)."""
    unlink = lambda project: (project / "docs" / "innsynskrav.en.md").unlink()  # noqa: E731
    code, output, _ = build_copy(tmp_path, unlink, {"AAPENHET_LANG": "en"})
    assert code != 0
    assert "1 problem in the statement site:" in output
    assert "docs/innsynskrav.md:1:1 docs/innsynskrav.en.md is missing: the page exists only in nb" in output


def test_a_messages_language_the_tool_does_not_write_stops_the_build(tmp_path: Path) -> None:
    code, output, _ = build_copy(tmp_path, lambda project: None, {"AAPENHET_LANG": "de"})
    assert code != 0 and "Traceback" not in output
    assert "AAPENHET_LANG=de er ikke et språk verktøyet skriver på — bruk ett av: nb, en" in output


# --- An editor adds a risk, an impact and a measure --------------------------------------------

ADDED_RISK = """  - id: cobalt-drc
    title: {nb: Kobolt fra Kongo, en: Cobalt from the Congo}
    where:
      countries: [CD]
      suppliers: [hp]
      product_line: {nb: Batterier, en: Batteries}
      tier: tier_2_or_beyond
    rights: [child_labour, forced_labour]
    level: high
    severity: high
    likelihood: medium
    exposure: some
    description:
      nb: Batterier i bærbare PC-er kan inneholde kobolt utvunnet med barnearbeid.
      en: Batteries in laptops may contain cobalt mined with child labour.
"""
ADDED_IMPACT = """actual_impacts:
  impacts:
    - id: overtime-vn
      title: {nb: Ulovlig overtid i Vietnam, en: Unlawful overtime in Vietnam}
      where: {countries: [VN], suppliers: [zebra], tier: tier_1}
      rights: [workers_rights]
      identified_on: 2025-03-01
      description: {nb: Arbeidere hadde for mye overtid., en: Workers had too much overtime.}
      remediation: {nb: Ny turnusplan hos fabrikken., en: A new rota at the factory.}
      remediation_status: ongoing
"""
ADDED_MEASURE = """  - id: cobalt-audit
    title: {nb: Revisjon av batterileverandørene, en: Audit of the battery suppliers}
    kind: audit
    status: planned
    supplier: hp
    addresses: [cobalt-drc, overtime-vn]
    started_on: 2026-01-15
    expected_result: {nb: Sporbar kobolt innen 2027., en: Traceable cobalt by 2027.}
"""


@pytest.fixture(scope="module")
def added_by_an_editor(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    def add(project: Path) -> None:
        replace_in(project, "data/due_diligence.yml", "risks:\n", "risks:\n" + ADDED_RISK)
        replace_in(project, "data/due_diligence.yml", "actual_impacts:\n", ADDED_IMPACT)
        replace_in(project, "data/due_diligence.yml", "measures:\n", "measures:\n" + ADDED_MEASURE)
        replace_in(project, "data/countries.yml", "countries:\n", "countries:\n  - code: CD\n")

    code, output, site = build_copy(tmp_path_factory.mktemp("added"), add)
    assert code == 0, output
    return site


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_an_added_risk_impact_and_measure_reach_the_statement(added_by_an_editor: BuiltSite, prefix: str) -> None:
    page = added_by_an_editor.html(prefix + "redegjorelse/")
    risk = page.select_one("#risk-cobalt-drc")
    assert [link["href"] for link in risk.select("a")] == ["#measure-cobalt-audit"]
    impact = page.select_one("#risk-overtime-vn")
    assert impact is not None and "2025" in impact.get_text()
    measure = page.select_one("#measure-cobalt-audit")
    assert [link["href"] for link in measure.select("a")] == ["#risk-cobalt-drc", "#risk-overtime-vn"]
    assert {"": "Sporbar kobolt innen 2027.", "en/": "Traceable cobalt by 2027."}[prefix] in measure.get_text()


def test_an_added_risk_impact_and_measure_reach_the_export(added_by_an_editor: BuiltSite) -> None:
    document = json.loads((added_by_an_editor.root / "en" / "statement.json").read_text(encoding="utf-8"))
    dd = document["due_diligence"]
    cobalt = dd["risks"][0]
    assert (cobalt["id"], cobalt["where"]["tier"], cobalt["measure_ids"]) == (
        "cobalt-drc",
        "tier_2_or_beyond",
        ["cobalt-audit"],
    )
    assert cobalt["where"]["countries"] == [{"country_code": "CD", "country_name": "Congo - Kinshasa"}]
    assert dd["actual_impacts"]["status"] == "identified"
    assert dd["actual_impacts"]["impacts"][0]["measure_ids"] == ["cobalt-audit"]
    assert dd["measures"][0]["addresses"] == ["cobalt-drc", "overtime-vn"]
    rows = list(csv.DictReader(io.StringIO((added_by_an_editor.root / "measures.csv").read_text(encoding="utf-8"))))
    assert rows[0]["measure_id"] == "cobalt-audit" and rows[0]["addresses"] == "cobalt-drc; overtime-vn"
    assert "actual_impacts" not in document["missing"]


def test_the_table_of_contents_lists_only_headings_with_permalinks_each_with_its_own_text() -> None:
    page = (
        '<h1 id="t">Title<a class="headerlink" href="#t">&para;</a></h1>'
        '<h2 id="a">A &amp; B<a class="headerlink" href="#a">&para;</a></h2>'
        '<h4 id="r">A risk without a permalink</h4><p>its text</p>'
        '<h3 id="s">Supplier<a class="headerlink" href="#s">&para;</a></h3>'
        '<h2 id="c">C<a class="headerlink" href="#c">&para;</a></h2>'
    )
    [title] = toc_tokens(page)
    assert [(entry["id"], entry["name"]) for entry in title["children"]] == [("a", "A &amp; B"), ("c", "C")]
    assert [(entry["id"], entry["name"]) for entry in title["children"][0]["children"]] == [("s", "Supplier")]


def test_a_refused_strict_build_leaves_the_last_good_site(tmp_path: Path) -> None:
    """MkDocs empties site/ before it builds and refuses a strict build only at the end: the last good
    site/ must come back, whichever language's pass logged the warning, and its hidden entries (a
    gh-pages worktree's .git) are never touched. A refused build leaves no build.json, so the gate
    never passes it; build.json names the address as MkDocs writes it, with or without a slash."""
    from aapenhet.form.settings import read_form_settings
    from aapenhet.publishing.build_record import built_site_problems

    project = copy_project(tmp_path / "project")
    site = project / "site"
    result = run_build(project, site, env={"SITE_URL": "https://exempla.no/aapenhet"})
    assert result.returncode == 0, result.output
    assert built_site_problems(site, project, "https://exempla.no/aapenhet", read_form_settings(project)) == []
    (site / ".git").mkdir()
    (site / ".git" / "HEAD").write_text("ref: refs/heads/gh-pages\n", encoding="utf-8")

    def files() -> dict[Path, bytes]:
        return {path.relative_to(site): path.read_bytes() for path in site.rglob("*") if path.is_file()}

    good = files()
    for page in ("index.md", "index.en.md"):
        replace_in(project, f"docs/{page}", "\n", "\n\n[en lenke](finnes-ikke.md)\n")
        result = run_build(project, site, env={"SITE_URL": "https://exempla.no/aapenhet"})
        assert result.returncode != 0 and "strict mode" in result.output, result.output
        assert files() == good
        replace_in(project, f"docs/{page}", "\n\n[en lenke](finnes-ikke.md)\n", "\n")
    # Ctrl-C in the middle of writing pages: one line, and the last good site/ is back.
    (project / "interrupt.py").write_text("def on_post_page(output, **kwargs):\n    raise KeyboardInterrupt\n")
    replace_in(
        project, "mkdocs.yml", "  - hooks/statement_site.py\n", "  - hooks/statement_site.py\n  - interrupt.py\n"
    )
    result = run_build(project, site, env={"SITE_URL": "https://exempla.no/aapenhet"})
    assert result.returncode != 0 and "Aborted!" in result.output and "Traceback" not in result.output
    assert files() == good
    replace_in(project, "mkdocs.yml", "  - interrupt.py\n", "")
    assert run_build(project, site).returncode == 0
    assert (site / ".git" / "HEAD").is_file() and not (site / ".aapenhet-last-good").exists()
    # A first build that is refused leaves its pages, but no record: the gate refuses them.
    fresh = tmp_path / "fresh"
    replace_in(project, "docs/index.md", "\n", "\n\n[en lenke](finnes-ikke.md)\n")
    assert run_build(project, fresh).returncode != 0
    assert (fresh / "index.html").is_file() and not (fresh / "build.json").exists()
