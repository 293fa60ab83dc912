"""A long list of suppliers (more than ``facts.LONG_LIST``) stays readable and light: the suppliers
page lists the initial letters with counts, each letter has a page of its own in both languages
(language switch, hreflang and sitemap name the same letter), every supplier is reachable at a
stable address (``leverandorer/<letter>/#supplier-<id>``) in plain HTML, and the statement counts
what is per supplier (production countries, follow-ups) instead of listing it. With 2,000 generated
suppliers no HTML page is over 100 kB gzip. Exso's own three suppliers stay on one page
(test_suppliers_page.py).

Fast tests render the templates in-process; one build of 2,000 generated suppliers
(``aapenhet bench generate``) is read with an HTML parser.
"""

from __future__ import annotations

import gzip
import json
import shutil
from pathlib import Path

import lxml.html
import pytest
from bs4 import BeautifulSoup

from aapenhet.bench.generate import write_data_folder
from aapenhet.model import facts
from aapenhet.model.loader import load_statement_data
from aapenhet.model.models import MeasureStatus, StatementData
from aapenhet.view.statement_view import statement_view
from rendering import SITE, renderer
from site_build import PROJECT, BuiltSite, copy_project, run_build

# The module's real builds are shared by its tests: with pytest-xdist they run in one worker, so
# each build is made once.
pytestmark = pytest.mark.xdist_group("long-list")

LONG = 2_000
PAGE_LIMIT = 100 * 1024


def supplier_named(data: StatementData, index: int, name: str) -> StatementData:
    suppliers = list(data.suppliers.suppliers)
    suppliers[index] = suppliers[index].model_copy(update={"name": name})
    return data.model_copy(update={"suppliers": data.suppliers.model_copy(update={"suppliers": suppliers})})


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> StatementData:
    folder = tmp_path_factory.mktemp("sixty") / "data"
    write_data_folder(PROJECT / "data", folder, suppliers=facts.LONG_LIST + 10)
    return load_statement_data(folder)


# --- The facts ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "letter"),
    [
        ("acme", "A"),
        ("Élan", "E"),
        ("Æra AS", "Æ"),
        ("øst", "Ø"),
        ("Åsen", "Å"),
        ("3M", ""),
        ("  Zeta", "Z"),
        ("Ωmega", ""),
        ("Ölfabrik", "Ø"),
        ("Ärlig", "Æ"),
        ("Über", "Y"),
        ("\u200bZero", "Z"),
    ],
)
def test_each_name_is_listed_under_its_initial(name: str, letter: str) -> None:
    assert facts.initial(name) == letter


def test_groups_follow_the_norwegian_alphabet_and_hold_every_supplier_once(generated: StatementData) -> None:
    data = supplier_named(supplier_named(generated, 0, "Åsen"), 1, "3M Norge")
    groups = facts.supplier_groups(data.suppliers.suppliers)
    keys = [group.key for group in groups]
    # A–Z in order, then Æ, Ø and Å (those the names use), then every other initial.
    assert keys[-2:] == ["aa", "andre"]
    latin = [key for key in keys if len(key) == 1]
    assert latin == sorted(latin) and keys[: len(latin)] == latin
    listed = [supplier.id for group in groups for supplier in group.suppliers]
    assert sorted(listed) == sorted(supplier.id for supplier in data.suppliers.suppliers)
    for group in groups:
        names = [supplier.name.casefold() for supplier in group.suppliers]
        assert names == sorted(names)


def test_the_split_starts_only_above_the_limit(generated: StatementData) -> None:
    suppliers = generated.suppliers.suppliers
    at_limit = generated.model_copy(
        update={"suppliers": generated.suppliers.model_copy(update={"suppliers": suppliers[: facts.LONG_LIST]})}
    )
    assert not facts.is_long_list(at_limit) and facts.is_long_list(generated)


# --- The templates, in-process -----------------------------------------------------------------


@pytest.mark.parametrize("language", ["nb", "en"])
def test_the_suppliers_page_lists_the_letters_with_counts(generated: StatementData, language: str) -> None:
    page = BeautifulSoup(renderer(generated).render("supplier_follow_up", language), "lxml")
    assert page.select("section.aapenhet-supplier") == []
    links = page.select("nav.aapenhet-letters a")
    groups = facts.supplier_groups(generated.suppliers.suppliers)
    prefix = "/aapenhet/" + ("en/" if language == "en" else "")
    assert [link["href"] for link in links] == [f"{prefix}leverandorer/{group.key}/" for group in groups]
    counts = [int(link.select_one(".aapenhet-letters__count").get_text().strip("()")) for link in links]
    assert counts == [len(group.suppliers) for group in groups]
    assert sum(counts) == len(generated.suppliers.suppliers)


def test_a_letter_page_shows_its_suppliers_in_full_and_marks_its_letter(generated: StatementData) -> None:
    group = statement_view(generated, "nb").supplier_groups[0]
    page = BeautifulSoup(renderer(generated).render("supplier_group", "nb", group=group), "lxml")
    # Each supplier's heading is an h2 here: the page's own heading is the h1.
    assert [section.h2["id"] for section in page.select("section.aapenhet-supplier")] == [
        f"supplier-{supplier.id}" for supplier in group.suppliers
    ]
    assert page.select_one("a[aria-current=page]")["href"].endswith(f"leverandorer/{group.key}/")
    # Countries link to the country view on the suppliers page, not to this page.
    assert all(
        link["href"].startswith("/aapenhet/leverandorer/#country-") for link in page.select("ul.aapenhet-production a")
    )


def test_the_statement_counts_what_is_per_supplier(generated: StatementData) -> None:
    render = renderer(generated)
    table = BeautifulSoup(render.render("supplier_table", "en"), "lxml")
    rows = table.select("tbody tr")
    by_country: dict[str, set[str]] = {}
    for supplier in generated.suppliers.suppliers:
        for line in supplier.production:
            for code in line.countries:
                by_country.setdefault(code, set()).add(supplier.id)
    assert len(rows) == len(by_country)
    for row in rows:
        code = row.th.a["href"].rsplit("#country-", 1)[1].upper()
        assert int(row.select("td")[-1].get_text().replace(",", "")) == len(by_country[code])
    measures = BeautifulSoup(render.render("measures", "en"), "lxml")
    follow_ups = [m for m in generated.due_diligence.measures if m.supplier and not m.status.is_ahead]
    assert follow_ups, "the generated data has follow-ups of single suppliers, or this proves nothing"
    listed = {section["id"] for section in measures.select("section[id^=measure-]")}
    assert not listed & {f"measure-{measure.id}" for measure in follow_ups}
    counted = measures.select_one(".aapenhet-follow-up-counts").get_text()
    assert counted.startswith("Follow-up of individual suppliers:")
    total = sum(
        int(part.rsplit(" ", 1)[1].replace(",", "")) for part in counted.split(":", 1)[1].split(".")[0].split(", ")
    )
    assert total == len(follow_ups)


# --- One build of 2,000 suppliers -------------------------------------------------------------


# A hook beside the statement's: as the theme renders each page, which other pages still hold the
# HTML of their blocks of facts (written to held.json when the build ends).
HELD_PROBE = """
import json
from pathlib import Path
from mkdocs.plugins import event_priority

pages, held = [], []

def on_page_markdown(markdown, *, page, **kwargs):
    pages.append(page)

@event_priority(-1000)
def on_page_context(context, *, page, **kwargs):
    filled = [each for each in pages if 'class="aapenhet-' in (each.content or "")]
    held.append([each.file.dest_uri for each in filled if each is not page])
    return context

def on_shutdown():
    Path(__file__).with_name("held.json").write_text(json.dumps(held))
"""


@pytest.fixture(scope="module")
def long_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    project = copy_project(tmp_path_factory.mktemp("long") / "project")
    shutil.rmtree(project / "data")
    write_data_folder(PROJECT / "data", project / "data", suppliers=LONG)
    (project / "held_probe.py").write_text(HELD_PROBE, encoding="utf-8")
    settings = project / "mkdocs.yml"
    hooks = "  - hooks/statement_site.py\n"
    settings.write_text(settings.read_text(encoding="utf-8").replace(hooks, hooks + "  - held_probe.py\n"))
    result = run_build(project, project.parent / "site", env={"SITE_URL": SITE.url})
    assert result.returncode == 0, f"mkdocs build --strict of {LONG} suppliers failed:\n{result.output}"
    return BuiltSite(result.site, result.output)


def test_a_build_holds_the_html_of_one_page_at_a_time(long_site: BuiltSite) -> None:
    """MkDocs makes every page's HTML before the theme renders any, and keeps every page to the end of
    the build, the other language's pass included: a page's blocks of facts are filled in just before
    it is rendered and let go of once it is written, or 2,000 suppliers' letter pages are all held at once."""
    held = json.loads((long_site.root.parent / "project" / "held.json").read_text(encoding="utf-8"))
    assert len(held) > 60, "the probe saw too few pages"
    assert [others for others in held if others] == []


def test_no_page_is_over_100_kb_gzip(long_site: BuiltSite) -> None:
    pages = list(long_site.root.rglob("*.html"))
    sizes = {page.relative_to(long_site.root).as_posix(): len(gzip.compress(page.read_bytes(), 9)) for page in pages}
    assert len(sizes) > 60, "the letter pages were not built"
    assert max(sizes.values()) <= PAGE_LIMIT, sorted(sizes.items(), key=lambda item: -item[1])[:3]


def test_the_risk_picture_of_2000_suppliers_stays_light_with_a_bar_per_country(long_site: BuiltSite) -> None:
    html = (long_site.root / "redegjorelse" / "index.html").read_text(encoding="utf-8")  # in the signed statement
    start = html.index('<figure class="aapenhet-overview"')
    svg = html[html.index("<svg", start) : html.index("</svg>", start) + len("</svg>")]
    assert len(gzip.compress(svg.encode("utf-8"), 9)) < 15 * 1024
    picture = BeautifulSoup(svg, "lxml")
    table = long_site.html("leverandorer/").select("tr[id^=country-]")
    with_suppliers = [row for row in table if row.select("td")[-1].get_text(strip=True) not in ("", "0")]
    assert len(picture.select("rect.aapenhet-overview__bar")) == len(with_suppliers) > 10


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_every_supplier_is_reachable_from_the_suppliers_page_without_script(long_site: BuiltSite, prefix: str) -> None:
    # lxml's own tree and XPath: the same parser as the other build tests use, without BeautifulSoup's
    # cost on 35 pages of 100 kB.
    def page(path: str) -> lxml.html.HtmlElement:
        return lxml.html.fromstring((long_site.root / path / "index.html").read_bytes())

    found: dict[str, str] = {}
    for href in page(f"{prefix}leverandorer").xpath("//nav[contains(@class, 'aapenhet-letters')]//a/@href"):
        path = href.removeprefix("/aapenhet/").rstrip("/")
        letter_page = page(path)
        assert not letter_page.xpath("//script[@src]")
        ids = letter_page.xpath("//section[contains(@class, 'aapenhet-supplier')]/h2/@id")
        for heading_id in ids:
            found[heading_id] = path
        permalinks = set(
            letter_page.xpath("//section[contains(@class, 'aapenhet-supplier')]/h2/a[@class='headerlink']/@href")
        )
        assert permalinks == {f"#{heading_id}" for heading_id in ids}
        # The page's table of contents lists its suppliers.
        toc = set(
            letter_page.xpath("//nav[contains(@class, 'md-nav--secondary')]//a[contains(@class, 'md-nav__link')]/@href")
        )
        assert {f"#{heading_id}" for heading_id in ids} <= toc
    assert len(found) == LONG


def test_a_letter_page_names_itself_in_both_languages_and_in_the_sitemap(long_site: BuiltSite) -> None:
    page = long_site.html("en/leverandorer/m/")
    alternates = {link["hreflang"]: link["href"] for link in page.select('link[rel~="alternate"][hreflang]')}
    assert alternates == {
        "nb": f"{SITE.url}leverandorer/m/",
        "en": f"{SITE.url}en/leverandorer/m/",
        "x-default": f"{SITE.url}leverandorer/m/",
    }
    switch = {link["hreflang"]: link["href"] for link in page.select(".md-select a.md-select__link")}
    assert switch == {"nb": "../../../leverandorer/m/", "en": "./"}
    assert page.title.get_text().startswith("Suppliers: M")
    sitemap = (long_site.root / "sitemap.xml").read_text(encoding="utf-8")
    assert f"<loc>{SITE.url}leverandorer/m/</loc>" in sitemap and f"<loc>{SITE.url}en/leverandorer/m/</loc>" in sitemap


def test_a_suppliers_own_follow_ups_show_their_status_dates_and_expected_result(generated: StatementData) -> None:
    """In a long list the statement only counts them: the entry is where they are in full."""
    planned = next(
        measure
        for measure in generated.due_diligence.measures
        if measure.supplier and measure.status is MeasureStatus.planned and measure.expected_result
    )
    group = next(
        group
        for group in statement_view(generated, "en").supplier_groups
        if any(supplier.id == planned.supplier for supplier in group.suppliers)
    )
    page = BeautifulSoup(renderer(generated).render("supplier_group", "en", group=group), "lxml")
    entry = " ".join(page.select_one(f"section[aria-labelledby='supplier-{planned.supplier}']").get_text(" ").split())
    assert "(planned)" in entry
    assert f"Expected result: {planned.expected_result.en}" in entry


def test_statement_json_of_a_long_list_is_valid_for_its_published_schema(generated: StatementData) -> None:
    """Suppliers are written without validating each output model again (export.py): the schema
    readers validate against must still accept every one of them."""
    import json

    import jsonschema

    from aapenhet.publishing.export import machine_readable_files

    files = machine_readable_files(statement_view(generated, "en"))
    document = json.loads(files["statement.json"])
    assert len(document["suppliers"]) == len(generated.suppliers.suppliers)
    jsonschema.validate(document, json.loads(files["statement.schema.json"]))


def test_a_letter_with_many_suppliers_takes_several_light_pages(tmp_path: Path) -> None:
    """Names that mostly share one initial: the letter is split into parts of at most GROUP_SIZE,
    each its own page, each under the page bound."""
    folder = tmp_path / "data"
    write_data_folder(PROJECT / "data", folder, suppliers=facts.GROUP_SIZE + 50, seed=5)
    data = load_statement_data(folder)
    suppliers = [
        supplier.model_copy(update={"name": f"A{index:04d} {supplier.name}"})
        for index, supplier in enumerate(data.suppliers.suppliers)
    ]
    data = data.model_copy(update={"suppliers": data.suppliers.model_copy(update={"suppliers": suppliers})})
    groups = facts.supplier_groups(data.suppliers.suppliers)
    assert [(group.key, group.part, group.parts, len(group.suppliers)) for group in groups] == [
        ("a", 1, 2, facts.GROUP_SIZE),
        ("a-2", 2, 2, 50),
    ]
    assert [supplier for group in groups for supplier in group.suppliers] == sorted(
        suppliers, key=lambda supplier: supplier.name.casefold()
    )
    page = renderer(data).render("supplier_group", "en", group=statement_view(data, "en").supplier_groups[0])
    assert len(gzip.compress(page.encode("utf-8"))) < PAGE_LIMIT
    index = BeautifulSoup(page, "lxml").select("nav.aapenhet-letters li a")
    assert [" ".join(link.get_text(" ").split()) for link in index] == ["A 1 (400)", "A 2 (50)"]


@pytest.mark.parametrize("language", ["nb", "en"])
def test_a_long_lists_statement_json_is_written_in_small_pieces_the_same_bytes(
    generated: StatementData, language: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """pydantic writing the whole document at once held about three times its size: it is written a
    supplier and a measure at a time, byte for byte what pydantic writes whole."""
    from aapenhet.publishing.export import statement_json_pieces

    document = statement_view(generated, language).document
    pieces = list(statement_json_pieces(statement_view(generated, language)))
    whole = document.__pydantic_serializer__.to_json(document, by_alias=True, indent=2) + b"\n"
    assert b"".join(pieces) == whole
    assert max(len(piece) for piece in pieces) < len(whole) / 20
    from aapenhet.publishing import csv_cells
    from aapenhet.publishing.export import suppliers_csv, suppliers_csv_pieces

    whole_csv = suppliers_csv(statement_view(generated, language))
    monkeypatch.setattr(csv_cells, "ROWS_A_PIECE", 10)  # the CSV's rows too, a few at a time
    rows = list(suppliers_csv_pieces(statement_view(generated, language)))
    assert len(rows) > 10 and b"".join(rows) == whole_csv
