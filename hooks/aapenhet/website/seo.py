"""What search engines and link previews read: language alternates, Open Graph locale, robots.txt.

Every address is absolute (from ``site_url``), as hreflang, canonical and Open Graph require.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import urljoin

from aapenhet.languages import OPEN_GRAPH_LOCALES


@dataclass(frozen=True)
class Alternate:
    hreflang: str
    url: str


def absolute_url(site_url: str, url: str) -> str:
    """``url`` (site-relative, as MkDocs gives it: ``en/``, ``./``) as an absolute address."""
    return urljoin(site_url, "" if url in (".", "./") else url)


def page_alternates(site_url: str, urls_by_language: Mapping[str, str], default_language: str) -> list[Alternate]:
    """One link per language the page exists in, and ``x-default`` (the default language's page)."""
    alternates = [Alternate(language, absolute_url(site_url, url)) for language, url in urls_by_language.items()]
    if default_language in urls_by_language:
        alternates.append(Alternate("x-default", absolute_url(site_url, urls_by_language[default_language])))
    return alternates


@dataclass(frozen=True)
class SitemapEntry:
    url: str
    alternates: list[Alternate]


def sitemap_entries(site_url: str, urls_by_language: Mapping[str, str], default_language: str) -> list[SitemapEntry]:
    """A page the hook makes (not one of docs/), in each of its languages, for sitemap.xml."""
    alternates = page_alternates(site_url, urls_by_language, default_language)
    return [SitemapEntry(absolute_url(site_url, url), alternates) for url in urls_by_language.values()]


def open_graph_locale(language: str) -> str:
    return OPEN_GRAPH_LOCALES[language]


def robots_txt(site_url: str) -> str:
    return f"User-agent: *\nAllow: /\n\nSitemap: {absolute_url(site_url, 'sitemap.xml')}\n"
