"""Render the statement's blocks of facts from Jinja templates, for one language at a time.

The templates are package data in ``templates/`` (one per placeholder, see ``placeholders.py``,
plus the theme's draft banner and 404 text). They render in an environment of their own with
autoescape on, because MkDocs' theme environment does not escape: no text from YAML can become
markup. ``StrictUndefined``: a misspelt name in a template is an error, not an empty string.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from jinja2 import Environment, FileSystemBytecodeCache, PackageLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from aapenhet.form.settings import FormSettings
from aapenhet.form.view import form_view
from aapenhet.model import facts
from aapenhet.model.completeness import Missing, missing_for_publication
from aapenhet.model.countries import country_name
from aapenhet.model.models import Exposure, StatementData, SupplyKind, Text
from aapenhet.rendering import formatting
from aapenhet.rendering.labels import Labels
from aapenhet.rendering.overview import country_overview
from aapenhet.website.addresses import ARCHIVE_PAGE, STATEMENT_PAGE, SUPPLIERS_PAGE, THANK_YOU_PAGE, Site

# Compiled templates, kept between builds in the system's temporary folder (Jinja's own cache, keyed
# on each template's text): compiling them took a tenth of every build, and of every preview rebuild.
COMPILED_TEMPLATES = FileSystemBytecodeCache()

# Templates for the theme (not placeholders): the draft banner on every page, the 404 page's text.
PAGE_TEMPLATES = ("draft_banner", "not_found")


def template_environment() -> Environment:
    return Environment(
        loader=PackageLoader("aapenhet.rendering", "templates"),
        bytecode_cache=COMPILED_TEMPLATES,
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
    )


@dataclass(frozen=True)
class Renderer:
    """Renders templates from validated data; build a new one for every build."""

    environment: Environment
    data: StatementData
    labels: Labels
    site: Site
    form: FormSettings
    # More of the context, the same in every language (the current statement's archive address).
    extra: dict[str, object] = field(default_factory=dict, compare=False)
    # Each language's context, worked out at its first render: every page of the build renders
    # several blocks, and the data does not change within a build (the models are frozen).
    _contexts: dict[str, dict[str, object]] = field(default_factory=dict, compare=False, repr=False)

    def render(self, name: str, language: str, **values: object) -> str:
        """The template ``name`` in ``language``; ``values`` add to its context (a page's own part)."""
        template = self.environment.get_template(f"{name}.html")
        if language not in self._contexts:
            self._contexts[language] = self._with_country_cells(self._context(language))
        context = {**self._contexts[language], **values} if values else self._contexts[language]
        return template.render(context).strip()

    def for_data(self, data: StatementData) -> Renderer:
        """The same templates, labels, site and form for other data (an earlier version's)."""
        # An earlier version's suppliers are not on today's suppliers pages: its pages do not link there.
        return replace(self, data=data, extra={"suppliers_path": None}, _contexts={})

    def label(self, key: str, language: str) -> str:
        return self.labels.get(key, language)

    def _with_country_cells(self, context: dict[str, object]) -> dict[str, object]:
        """Each rated country as a supplier's entry shows it, rendered once (_country_with_risk.html)."""
        template = self.environment.get_template("_country_with_risk.html")
        context["country_with_risk"] = {
            entry.code: Markup(template.render({**context, "code": entry.code}).strip())
            for entry in self.data.countries.countries
        }
        return context

    def _context(self, language: str) -> dict[str, object]:
        data = self.data
        long_list = facts.is_long_list(data)
        by_country, by_finding = facts.suppliers_by_country(data), facts.measures_by_finding(data)
        groups = facts.supplier_groups(data) if long_list else []
        # A draft: something is missing, or a fact is still the period before's (carried_over).
        missing = missing_for_publication(data)
        return {
            "data": data,
            "language": language,
            "draft_missing": missing,
            "Missing": Missing,
            "Exposure": Exposure,
            "ratings": {entry.code: entry for entry in data.countries.countries},
            "rating_sources": {source.id: source for source in data.countries.sources},
            "production_countries": facts.production_countries(data),
            "high_risk_countries": facts.high_risk_countries(data),
            "high_risk_service_countries": facts.high_risk_countries(data, SupplyKind.services),
            "service_countries": facts.production_countries(data, SupplyKind.services),
            "suppliers_producing_in": lambda code: by_country.get(code, []),
            "suppliers_by_id": {supplier.id: supplier for supplier in data.suppliers.suppliers},
            "production_places": facts.production_places,
            "findings_by_id": facts.findings_by_id(data),
            "measures_addressing": lambda finding_id: facts.measures_shown(by_finding.get(finding_id, []), long_list),
            "measures_for_supplier": facts.measures_by_supplier(data).get,
            "measures_taken": facts.measures_shown(facts.measures_taken(data), long_list),
            "measures_planned": facts.measures_shown(facts.measures_planned(data), long_list),
            # A long list of suppliers is split into pages by initial letter (supplier_group.html).
            "long_list": long_list,
            "supplier_groups": groups,
            "t": lambda key: self.labels.get(key, language),
            "t_in": self.labels.get,  # a label in another language, for links to that language
            "text": lambda value: value.in_language(language) if isinstance(value, Text) else value,
            "country": lambda code: country_name(code, language),
            "long_date": lambda value: formatting.long_date(value, language),
            "iso_date": formatting.iso_date,
            "number": lambda value: formatting.number(value, language),
            "percent": lambda value: formatting.percent(value, language),
            "form": form_view(
                self.form,
                thank_you_url=self.site.page_url(THANK_YOU_PAGE, language),
                thank_you_path=self.site.page_path(THANK_YOU_PAGE, language),
                subject=self.labels.get("form.subject", language),
            ),
            "form_provider": self.form.provider.value,
            "form_service_name": self.form.service_name,
            "form_privacy_url": self.form.privacy_url,
            "home_paths": {other: self.site.page_path("", other) for other in self.site.languages},
            "page_path": lambda page: self.site.page_path(page, language),
            "page_url": lambda page: self.site.page_url(page, language),
            "overview": country_overview(data, language, counts_only=long_list),
            "suppliers_path": SUPPLIERS_PAGE,
            "statement_path": STATEMENT_PAGE,
            "archive_page": ARCHIVE_PAGE,
            "archive_path": None,
            "changes_path": None,
            "permanent_path": None,
            "carried_over": [],
            **self.extra,
        } | {"is_draft": bool(missing or self.extra.get("carried_over"))}


def make_renderer(
    data: StatementData, labels: Labels, site: Site, form: FormSettings, extra: dict[str, object] | None = None
) -> Renderer:
    return Renderer(template_environment(), data, labels, site, form, extra or {})
