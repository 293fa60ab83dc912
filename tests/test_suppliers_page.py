"""The suppliers page and the statement's short view of the suppliers, in the shared build.

Proves, in Norwegian and English: the suppliers page has one entry per supplier, each under a heading
that the page's table of contents lists (under the heading of the suppliers' section), with every
country the supplier produces in and that country's rating; the country view lists each country
once, with its rating, the rating's source (and edition, or that none is given) and links to the
entries of the suppliers producing there; the statement page does not repeat the suppliers' entries
or the country view, but has one short row per supplier and links to both on the suppliers page.
The data is the shipped ``data/``; the facts of the seed statement are in ``test_site.py``.
"""

from __future__ import annotations

import pytest

from aapenhet.model.countries import country_name
from aapenhet.model.loader import load_statement_data
from aapenhet.rendering.labels import load_labels
from site_build import LANGUAGE_PREFIXES, PROJECT, BuiltSite

SUPPLIERS_PAGE, STATEMENT_PAGE = "leverandorer/", "redegjorelse/"
LANGUAGES = pytest.mark.parametrize("language", list(LANGUAGE_PREFIXES))
# The heading of the suppliers' section on the suppliers page, and its id (the statement links to it).
SUPPLIERS_SECTION = {"nb": ("Leverandørene", "leverandorene"), "en": ("The suppliers", "the-suppliers")}
COUNTRY_VIEW = {"nb": "risiko-etter-land", "en": "risk-by-country"}


@pytest.fixture(scope="module")
def data():
    return load_statement_data(PROJECT / "data")


@pytest.fixture(scope="module")
def labels():
    return load_labels()


def text(element) -> str:
    return " ".join(element.get_text(" ").split())


def heading_text(heading) -> str:
    """A heading's own text, without the permalink (¶) the toc extension adds to it."""
    return " ".join("".join(heading.find_all(string=True, recursive=False)).split())


def risk_label(labels, language: str, risk) -> str:
    return labels.get(f"risk.{risk.value}" if risk else "risk.not_rated", language)


@LANGUAGES
def test_table_of_contents_lists_each_supplier_under_the_suppliers_section(
    built_site: BuiltSite, data, language: str
) -> None:
    toc = built_site.html(LANGUAGE_PREFIXES[language] + SUPPLIERS_PAGE).select_one("nav.md-nav--secondary")
    heading, anchor = SUPPLIERS_SECTION[language]
    section = toc.select_one(f'a[href="#{anchor}"]')
    assert section is not None and text(section) == heading
    entries = section.find_next_sibling("nav").select("a")
    assert [(link["href"], text(link)) for link in entries] == [
        (f"#supplier-{supplier.id}", supplier.name) for supplier in data.suppliers.suppliers
    ]


@LANGUAGES
def test_each_supplier_has_one_entry_with_its_countries_and_their_ratings(
    built_site: BuiltSite, data, labels, language: str
) -> None:
    page = built_site.html(LANGUAGE_PREFIXES[language] + SUPPLIERS_PAGE)
    ratings = {rating.code: rating.risk for rating in data.countries.countries}
    entries = page.select("article section.aapenhet-supplier")
    assert [entry["aria-labelledby"] for entry in entries] == [f"supplier-{s.id}" for s in data.suppliers.suppliers]
    for entry, supplier in zip(entries, data.suppliers.suppliers, strict=True):
        assert heading_text(entry.select_one("h3")) == supplier.name
        shown = [
            (link["href"], text(link), text(link.find_next_sibling(class_="aapenhet-risk")))
            for link in entry.select(".aapenhet-production a")
        ]
        assert shown == [
            (f"#country-{code.lower()}", country_name(code, language), risk_label(labels, language, ratings[code]))
            for line in supplier.production
            for code in line.countries
        ], supplier.id


@LANGUAGES
def test_country_view_lists_each_country_once_with_rating_source_and_suppliers(
    built_site: BuiltSite, data, labels, language: str
) -> None:
    page = built_site.html(LANGUAGE_PREFIXES[language] + SUPPLIERS_PAGE)
    rows = page.select("article tr[id^=country-]")
    assert [row["id"] for row in rows] == [f"country-{rating.code.lower()}" for rating in data.countries.countries]
    sources = {source.id: source for source in data.countries.sources}
    for row, rating in zip(rows, data.countries.countries, strict=True):
        # A country where every line names a place in it is shown as the statement names it: England.
        lines = [line for supplier in data.suppliers.suppliers for line in supplier.production]
        there = [line for line in lines if rating.code in line.countries]
        places = list(dict.fromkeys(line.place.in_language(language) for line in there if line.place))
        name = country_name(rating.code, language)
        expected = f"{', '.join(places)} ({name})" if places and all(line.place for line in there) else name
        assert text(row.select_one("th")) == expected
        assert text(row.select_one(".aapenhet-risk")) == risk_label(labels, language, rating.risk)
        source_cell = text(row.select("td")[2])
        if rating.source:
            source = sources[rating.source]
            assert source_cell.startswith(source.name.in_language(language))
            edition = str(source.year) if source.year else f"({labels.get('source.year_unknown', language)})"
            assert source_cell.endswith(edition), source_cell
        else:
            assert source_cell == ""
        producing_there = [
            supplier
            for supplier in data.suppliers.suppliers
            if any(rating.code in line.countries for line in supplier.production)
        ]
        assert [(link["href"], text(link)) for link in row.select("td")[3].select("a")] == [
            (f"#supplier-{supplier.id}", supplier.name) for supplier in producing_there
        ]


@LANGUAGES
def test_statement_has_a_row_per_supplier_and_links_to_the_suppliers_page(
    built_site: BuiltSite, data, labels, language: str
) -> None:
    page = built_site.html(LANGUAGE_PREFIXES[language] + STATEMENT_PAGE)
    assert page.select("article .aapenhet-supplier") == [], "the suppliers' entries are on the suppliers page only"
    assert page.select("article tr[id^=country-]") == [], "the country view is on the suppliers page only"
    caption = labels.get("table.supplier_caption", language)
    [summary] = [table for table in page.select("article table") if text(table.caption) == caption]
    assert [text(row.select_one("th")) for row in summary.select("tbody tr")] == [
        supplier.name for supplier in data.suppliers.suppliers
    ]
    links = {link["href"] for link in page.select("article a[href]")}
    assert f"../{SUPPLIERS_PAGE}#{COUNTRY_VIEW[language]}" in links
    assert f"../{SUPPLIERS_PAGE}#{SUPPLIERS_SECTION[language][1]}" in links
