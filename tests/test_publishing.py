"""What a published site needs, on a real build for a public address under a path (as GitHub Pages
project sites are): every page's head, the sitemap and robots.txt, the 404 pages, the
machine-readable statement and the security headers.
"""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from jsonschema import Draft202012Validator

from aapenhet.model.loader import load_statement_data
from aapenhet.publishing.export import SUPPLIER_COLUMNS, statement_schema
from aapenhet.view.statement_view import statement_view
from site_build import LANGUAGE_PREFIXES, PAGES, PROJECT, PUBLIC_URL, BuiltSite

DEFAULT_LANGUAGE = "nb"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"
ALL_PAGES = [
    pytest.param(language, page, id=f"{language}-{page.strip('/') or 'home'}")
    for language in LANGUAGE_PREFIXES
    for page in PAGES
]


@pytest.fixture(scope="session")
def public_site(built_site: BuiltSite) -> BuiltSite:
    """The shared build of the shipped project: it is made for ``PUBLIC_URL``."""
    return built_site


def page_url(language: str, page: str) -> str:
    return PUBLIC_URL + LANGUAGE_PREFIXES[language] + page


def head_alternates(site: BuiltSite, path: str) -> dict[str, str]:
    links = site.html(path).select('head link[rel="alternate"][hreflang]')
    return {link["hreflang"]: link["href"] for link in links}


# --- Every page's head --------------------------------------------------------------------------


@pytest.mark.parametrize(("language", "page"), ALL_PAGES)
def test_canonical_and_hreflang_are_absolute_and_reciprocal(public_site: BuiltSite, language: str, page: str) -> None:
    path = LANGUAGE_PREFIXES[language] + page
    soup = public_site.html(path)
    assert soup.select_one('link[rel="canonical"]')["href"] == page_url(language, page)
    alternates = head_alternates(public_site, path)
    assert alternates == {
        "nb": page_url("nb", page),
        "en": page_url("en", page),
        "x-default": page_url(DEFAULT_LANGUAGE, page),
    }
    for other, url in alternates.items():
        if other == "x-default":
            continue
        other_path = urlsplit(url).path.removeprefix(urlsplit(PUBLIC_URL).path)
        assert head_alternates(public_site, other_path)[language] == page_url(language, page), (
            f"{other_path} does not link back to {path}"
        )


@pytest.mark.parametrize("page", PAGES)
def test_each_page_describes_itself_in_its_language(public_site: BuiltSite, page: str) -> None:
    descriptions = {}
    for language, prefix in LANGUAGE_PREFIXES.items():
        soup = public_site.html(prefix + page)
        description = soup.select_one('meta[name="description"]')["content"]
        assert len(description) > 40
        assert soup.select_one('meta[property="og:description"]')["content"] == description
        assert soup.select_one('meta[property="og:title"]')["content"].strip()
        assert soup.select_one('meta[property="og:url"]')["content"] == page_url(language, page)
        assert soup.select_one('meta[property="og:locale"]')["content"] == {"nb": "nb_NO", "en": "en_GB"}[language]
        assert (
            soup.select_one('meta[property="og:locale:alternate"]')["content"]
            != soup.select_one('meta[property="og:locale"]')["content"]
        )
        descriptions[language] = description
    assert descriptions["nb"] != descriptions["en"], "the English page repeats the Norwegian description"


def test_the_thank_you_pages_are_not_indexed(public_site: BuiltSite) -> None:
    for prefix in LANGUAGE_PREFIXES.values():
        soup = public_site.html(f"{prefix}innsynskrav/takk/")
        assert soup.select_one('meta[name="robots"]')["content"] == "noindex"
        assert soup.select_one('link[rel="canonical"]') is None


# --- Sitemap and robots.txt ---------------------------------------------------------------------


def indexable_pages(site: BuiltSite) -> set[str]:
    """Absolute URL of every built HTML page that search engines may index."""
    urls = set()
    for file in site.root.rglob("index.html"):
        relative = file.parent.relative_to(site.root).as_posix()
        soup = site.html(f"{relative}/" if relative != "." else "")
        robots = soup.select_one('meta[name="robots"]')
        if robots is None or "noindex" not in robots["content"]:
            urls.add(PUBLIC_URL + (f"{relative}/" if relative != "." else ""))
    return urls


def test_the_sitemap_lists_every_indexable_page_with_its_alternates(public_site: BuiltSite) -> None:
    from xml.etree import ElementTree

    root = ElementTree.parse(public_site.root / "sitemap.xml").getroot()
    entries = {
        url.findtext(f"{SITEMAP}loc"): {link.get("hreflang"): link.get("href") for link in url.findall(f"{XHTML}link")}
        for url in root.findall(f"{SITEMAP}url")
    }
    assert set(entries) == indexable_pages(public_site)
    assert len(entries) == len(PAGES) * len(LANGUAGE_PREFIXES)
    for loc, alternates in entries.items():
        page = next(page for page in PAGES if loc in (page_url("nb", page), page_url("en", page)))
        assert alternates == {
            "nb": page_url("nb", page),
            "en": page_url("en", page),
            "x-default": page_url(DEFAULT_LANGUAGE, page),
        }


def test_robots_txt_points_to_the_sitemap(public_site: BuiltSite) -> None:
    robots = (public_site.root / "robots.txt").read_text(encoding="utf-8")
    assert f"Sitemap: {PUBLIC_URL}sitemap.xml" in robots.splitlines()
    assert "Disallow: /" not in robots
    assert not (public_site.root / "en" / "robots.txt").exists()


# --- 404 ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "file", "heading", "home"),
    [
        ("nb", "404.html", "Fant ikke siden", PUBLIC_URL),
        ("en", "en/404.html", "Page not found", PUBLIC_URL + "en/"),
    ],
)
def test_404_pages_in_both_languages_link_to_their_front_page(
    public_site: BuiltSite, language: str, file: str, heading: str, home: str
) -> None:
    soup = public_site.html(file)
    assert soup.html["lang"] == language
    assert soup.title.get_text() == f"{heading} – Exempla AS"
    assert soup.select_one('meta[name="robots"]')["content"] == "noindex"
    article = soup.select_one("article")
    assert article.h1.get_text(strip=True) == heading
    links = {urljoin(PUBLIC_URL, link["href"]): link for link in article.select("a[href]")}
    assert home in links, f"no link to {home} on {file}"
    other_home = PUBLIC_URL if language == "en" else PUBLIC_URL + "en/"
    assert links[other_home].find_parent(lang=True)["lang"] != language
    # The language switch offers each language's front page, not whatever page was built last.
    switch = {link["hreflang"]: urljoin(PUBLIC_URL, link["href"]) for link in soup.select(".md-select a[hreflang]")}
    assert switch == {"nb": PUBLIC_URL, "en": PUBLIC_URL + "en/"}
    # Served at any missing address, so every asset must be addressed from the root.
    for asset in soup.select("link[rel=stylesheet][href], script[src]"):
        assert (asset.get("href") or asset.get("src")).startswith(urlsplit(PUBLIC_URL).path)


# --- The machine-readable statement -------------------------------------------------------------


@pytest.mark.parametrize("language", list(LANGUAGE_PREFIXES))
def test_statement_json_is_valid_and_equal_to_the_data(public_site: BuiltSite, language: str) -> None:
    root = public_site.root / LANGUAGE_PREFIXES[language]
    document = json.loads((root / "statement.json").read_text(encoding="utf-8"))
    schema = json.loads((root / "statement.schema.json").read_text(encoding="utf-8"))
    assert schema == statement_schema()
    Draft202012Validator.check_schema(schema)
    errors = list(
        Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER).iter_errors(document)
    )
    assert errors == []
    assert document == statement_view(load_statement_data(PROJECT / "data"), language).document.model_dump(
        mode="json", by_alias=True
    )
    assert document["language"] == language


@pytest.mark.parametrize("language", list(LANGUAGE_PREFIXES))
def test_suppliers_csv_parses_with_the_documented_columns(public_site: BuiltSite, language: str) -> None:
    raw = (public_site.root / LANGUAGE_PREFIXES[language] / "suppliers.csv").read_bytes()
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8"), newline="")))
    assert rows and list(rows[0]) == list(SUPPLIER_COLUMNS)
    data = load_statement_data(PROJECT / "data")
    ratings = {entry.code: entry.risk for entry in data.countries.countries}
    for row in rows:
        expected = ratings[row["country_code"]]
        assert row["risk_level"] == (expected.value if expected else "")


@pytest.mark.parametrize("language", list(LANGUAGE_PREFIXES))
def test_the_statement_page_links_the_data_files(public_site: BuiltSite, language: str) -> None:
    path = LANGUAGE_PREFIXES[language] + "redegjorelse/"
    soup = public_site.html(path)
    targets = {urljoin(PUBLIC_URL + path, link["href"]) for link in soup.select("article a[href]")}
    for name in ("statement.json", "statement.schema.json", "suppliers.csv", "risks_and_impacts.csv", "measures.csv"):
        url = PUBLIC_URL + LANGUAGE_PREFIXES[language] + name
        assert url in targets, f"{path} does not link {name}"
        assert (public_site.root / Path(urlsplit(url).path).relative_to(urlsplit(PUBLIC_URL).path)).is_file()


# --- Security headers ---------------------------------------------------------------------------


def test_headers_file_matches_the_pages_policy(public_site: BuiltSite) -> None:
    headers = (public_site.root / "_headers").read_text(encoding="utf-8")
    lines = headers.splitlines()
    assert lines[0] == "/*"
    values = dict(line.strip().split(": ", 1) for line in lines[1:])
    assert values["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert values["X-Content-Type-Options"] == "nosniff"
    assert "camera=()" in values["Permissions-Policy"]
    header_policy = values["Content-Security-Policy"]
    for path in ("", "en/innsynskrav/", "404.html"):
        meta = public_site.html(path).select_one('meta[http-equiv="Content-Security-Policy"]')["content"]
        for directive in meta.split(";"):
            name, *sources = directive.split()
            header_sources = re.search(rf"(?:^|; ){name} ([^;]*)", header_policy).group(1).split()
            assert set(sources) <= set(header_sources), f"{name} on {path or '/'} differs from _headers"
