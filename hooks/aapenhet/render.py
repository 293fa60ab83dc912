"""Fill ``<!-- aapenhet:NAME -->`` placeholders in Markdown pages with HTML from Jinja templates.

Each placeholder names a template ``overrides/aapenhet/NAME.html``; ``PLACEHOLDERS`` is the one list
of them. Templates render in an environment of their own with autoescape on, because MkDocs' theme
environment does not escape: no text from YAML can become markup.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from aapenhet import facts, formatting
from aapenhet.countries import country_name
from aapenhet.draft import missing_for_publication
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
)
# Templates for the theme (not placeholders): the draft banner shown on every page.
PAGE_TEMPLATES = ("draft_banner",)

PLACEHOLDER_PATTERN = re.compile(r"<!--\s*aapenhet:(?P<name>[\w-]+)\s*-->")


@dataclass(frozen=True)
class Renderer:
    """Renders templates for one language from validated data; build a new one for every build."""

    environment: Environment
    data: StatementData
    labels: Labels

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
            "text": lambda value: value.in_language(language) if isinstance(value, Text) else value,
            "country": lambda code: country_name(code, language),
            "long_date": lambda value: formatting.long_date(value, language),
            "iso_date": formatting.iso_date,
            "number": lambda value: formatting.number(value, language),
            "percent": lambda value: formatting.percent(value, language),
        }


def make_renderer(templates_dir: Path, data: StatementData, labels: Labels) -> Renderer:
    environment = Environment(
        loader=FileSystemLoader(templates_dir),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
    )
    return Renderer(environment, data, labels)


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
