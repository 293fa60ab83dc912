"""Rendering the statement's templates in-process, without MkDocs: the cheapest way to test them.

``render_block(name, language, …)`` renders one placeholder's template with the kept draft test statement (or a
changed copy) and returns it parsed, as the page's HTML parser would see it.
"""

from __future__ import annotations

from bs4 import BeautifulSoup

from aapenhet.form.settings import FormSettings, Provider
from aapenhet.languages import DEFAULT_LANGUAGE, LANGUAGES
from aapenhet.model.loader import load_statement_data
from aapenhet.model.models import StatementData
from aapenhet.rendering.labels import load_labels
from aapenhet.rendering.renderer import Renderer, make_renderer
from aapenhet.website.addresses import Site
from site_build import DRAFT_DATA

SITE = Site(url="https://exempla.no/aapenhet/", default_language=DEFAULT_LANGUAGE, languages=LANGUAGES)
FORMSPREE = FormSettings(provider=Provider.formspree, endpoint="https://formspree.io/f/abc")


def shipped_data() -> StatementData:
    """The kept draft test statement (``tests/statements/draft``)."""
    return load_statement_data(DRAFT_DATA)


def renderer(data: StatementData | None = None, form: FormSettings = FORMSPREE, site: Site = SITE) -> Renderer:
    return make_renderer(data if data is not None else shipped_data(), load_labels(), site, form)


def render_block(
    name: str, language: str, *, data: StatementData | None = None, form: FormSettings = FORMSPREE
) -> BeautifulSoup:
    return BeautifulSoup(renderer(data, form).render(name, language), "lxml")


def visible_text(soup: BeautifulSoup) -> str:
    """The text a reader sees (hidden print-only blocks included), whitespace collapsed."""
    return " ".join(soup.get_text(" ").split())
