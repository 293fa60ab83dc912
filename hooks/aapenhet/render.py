"""Fill ``<!-- aapenhet:NAME -->`` placeholders in Markdown pages with HTML from Jinja templates.

Each placeholder names a template ``overrides/aapenhet/NAME.html``; ``PLACEHOLDERS`` is the one list
of them. Templates render in an environment of their own with autoescape on, because MkDocs' theme
environment does not escape: no text from YAML can become markup.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from aapenhet import facts, formatting
from aapenhet.countries import country_name
from aapenhet.draft import missing_for_publication
from aapenhet.form_settings import FormSettings, form_view
from aapenhet.labels import Labels
from aapenhet.models import StatementData, Text
from aapenhet.problems import Problem

PLACEHOLDERS = (
    "key_figures",
    "statement_header",
    "company_profile",
    "policies_and_guidelines",
    "due_diligence_method",
    "routines",
    "sector_findings",
    "supplier_follow_up",
    "country_risk_table",
    "supplier_table",
    "measures",
    "commitments",
    "revisions",
    "signatures",
    "innsynskrav_contact",
    "innsynskrav_form",
)
# Templates for the theme (not placeholders): the draft banner on every page, the 404 page's text.
PAGE_TEMPLATES = ("draft_banner", "not_found")

PLACEHOLDER_PATTERN = re.compile(r"<!--\s*aapenhet:(?P<name>[\w-]+)\s*-->")


THANK_YOU_PAGE = "innsynskrav/takk/"


@dataclass(frozen=True)
class Site:
    """What the templates need to know of the site itself: its address and the form's receiver."""

    url: str
    default_language: str
    languages: tuple[str, ...]
    form: FormSettings

    def language_prefix(self, language: str) -> str:
        """Where a language's pages are under the site root: ``""`` for the default, ``en/``."""
        return "" if language == self.default_language else f"{language}/"

    def page_path(self, page: str, language: str) -> str:
        """The path of a page in a language, from the site's root: ``/en/innsynskrav/takk/``."""
        return f"{urlsplit(self.url).path.rstrip('/')}/{self.language_prefix(language)}{page}"

    def page_url(self, page: str, language: str) -> str:
        return urljoin(self.url, self.page_path(page, language))


@dataclass(frozen=True)
class Renderer:
    """Renders templates for one language from validated data; build a new one for every build."""

    environment: Environment
    data: StatementData
    labels: Labels
    site: Site

    def render(self, name: str, language: str) -> str:
        template = self.environment.get_template(f"{name}.html")
        return template.render(self._context(language)).strip()

    def _context(self, language: str) -> dict[str, object]:
        data = self.data
        return {
            "data": data,
            "language": language,
            "draft_missing": missing_for_publication(data.statement),
            "ratings": {entry.code: entry for entry in data.countries.countries},
            "rating_sources": {source.id: source for source in data.countries.sources},
            "production_countries": facts.production_countries(data),
            "high_risk_countries": facts.high_risk_production_countries(data),
            "suppliers_producing_in": lambda code: facts.suppliers_producing_in(data, code),
            "t": lambda key: self.labels.get(key, language),
            "t_in": self.labels.get,  # a label in another language, for links to that language
            "text": lambda value: value.in_language(language) if isinstance(value, Text) else value,
            "country": lambda code: country_name(code, language),
            "long_date": lambda value: formatting.long_date(value, language),
            "iso_date": formatting.iso_date,
            "number": lambda value: formatting.number(value, language),
            "percent": lambda value: formatting.percent(value, language),
            "form": form_view(self.site.form,
                              thank_you_url=self.site.page_url(THANK_YOU_PAGE, language),
                              thank_you_path=self.site.page_path(THANK_YOU_PAGE, language),
                              subject=self.labels.get("form.subject", language)),
            "form_provider": self.site.form.provider.value,
            "form_service_name": self.site.form.service_name,
            "form_privacy_url": self.site.form.privacy_url,
            "home_paths": {other: self.site.page_path("", other) for other in self.site.languages},
        }


def make_renderer(templates_dir: Path, data: StatementData, labels: Labels, site: Site) -> Renderer:
    environment = Environment(
        loader=FileSystemLoader(templates_dir),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
    )
    return Renderer(environment, data, labels, site)


def unknown_placeholders(markdown: str, page_path: str) -> list[Problem]:
    """Placeholders in a page that name no template: errors, so a typo never renders as nothing."""
    problems = []
    for match in PLACEHOLDER_PATTERN.finditer(markdown):
        name = match.group("name")
        if name not in PLACEHOLDERS:
            line = markdown.count("\n", 0, match.start()) + 1
            column = match.start() - (markdown.rfind("\n", 0, match.start()) + 1) + 1
            message = f"unknown placeholder «{name}» — expected one of: {', '.join(PLACEHOLDERS)}"
            problems.append(Problem(page_path, line, column, "", message))
    return problems


def fill_placeholders(markdown: str, renderer: Renderer, language: str) -> str:
    """Replace each known placeholder with its rendered HTML, as a block of its own."""
    return PLACEHOLDER_PATTERN.sub(lambda match: "\n" + renderer.render(match.group("name"), language) + "\n", markdown)
