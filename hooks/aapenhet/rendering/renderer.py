"""Render the statement's blocks of facts from Jinja templates, for one language at a time.

Every template reads the statement through one ``StatementView`` per language (``view``, and its
document as ``doc``): the same object ``statement.json`` and the CSV files are written from. Beside it,
a template gets a small page context: the site's words (``t``), dates and numbers in the language,
the site's addresses, and the form's settings.

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
from aapenhet.model.check import Finding
from aapenhet.model.completeness import Missing
from aapenhet.model.loader import LoadedStatement, unlocated
from aapenhet.model.models import StatementData
from aapenhet.rendering.labels import Labels
from aapenhet.rendering.overview import country_overview
from aapenhet.rendering.supplier_entries import KeptEntries, supplier_entries
from aapenhet.view import formatting
from aapenhet.view.mapping import KeptSuppliers
from aapenhet.view.statement_view import StatementView, statement_view
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


@dataclass
class KeptForPreview:
    """What the preview keeps from one rebuild for the next, so that an edit to one supplier of
    thousands costs little more than that supplier: the suppliers as published, and their entries."""

    suppliers: KeptSuppliers = field(default_factory=KeptSuppliers)
    entries: KeptEntries = field(default_factory=KeptEntries)


@dataclass(frozen=True)
class Renderer:
    """Renders templates from validated data; build a new one for every build."""

    environment: Environment
    # Its data: an earlier version's is read when first needed (its pages and files are in the cache
    # of kept versions, so most builds never need it).
    statement: LoadedStatement
    labels: Labels
    site: Site
    form: FormSettings
    # The facts still as the period before's (model/carried_over.py): they keep the statement a draft,
    # and the draft banner lists them.
    carried_over: tuple[Finding, ...] = ()
    # More of the context, the same in every language (the current statement's archive address).
    extra: dict[str, object] = field(default_factory=dict, compare=False)
    # What the preview kept from its last rebuild (the current statement's only).
    kept: KeptForPreview | None = field(default=None, compare=False)
    # Each language's view and context, worked out at their first use: every page of the build renders
    # several blocks, and the data does not change within a build (the models are frozen).
    _views: dict[str, StatementView] = field(default_factory=dict, compare=False, repr=False)
    _contexts: dict[str, dict[str, object]] = field(default_factory=dict, compare=False, repr=False)

    def render(self, name: str, language: str, **values: object) -> str:
        """The template ``name`` in ``language``; ``values`` add to its context (a page's own part)."""
        template = self.environment.get_template(f"{name}.html")
        if language not in self._contexts:
            context = self._with_country_cells(self.context(language), self.view(language))
            context["supplier_entry"] = supplier_entries(
                self.environment,
                context,
                self.view(language),
                self.labels,
                self.site,
                self.kept.entries if self.kept is not None else None,
            )
            self._contexts[language] = context
        context = {**self._contexts[language], **values} if values else self._contexts[language]
        return template.render(context).strip()

    def view(self, language: str) -> StatementView:
        """The statement in ``language``, as every page and file of it reads it: once per build."""
        if language not in self._views:
            problems = [finding.problem for finding in self.carried_over]
            self._views[language] = statement_view(
                self.statement.data,
                language,
                carried_over=problems,
                kept_suppliers=self.kept.suppliers if self.kept is not None else None,
            )
        return self._views[language]

    def let_go_of(self, language: str) -> None:
        """``language``'s view and context, no longer needed (its pages are built): made again if asked for."""
        self._views.pop(language, None)
        self._contexts.pop(language, None)

    def for_statement(self, statement: LoadedStatement, carried_over: tuple[Finding, ...] = ()) -> Renderer:
        """The same templates, labels, site and form for another statement (an earlier version's)."""
        # An earlier version's suppliers are not on today's suppliers pages: its pages do not link there.
        return replace(
            self,
            statement=statement,
            carried_over=carried_over,
            extra={"suppliers_path": None},
            kept=None,
            _views={},
            _contexts={},
        )

    def label(self, key: str, language: str) -> str:
        return self.labels.get(key, language)

    def _with_country_cells(self, context: dict[str, object], view: StatementView) -> dict[str, object]:
        """Each rated country as a supplier's entry shows it, rendered once (_country_with_risk.html)."""
        template = self.environment.get_template("_country_with_risk.html")
        context["country_with_risk"] = {
            code: Markup(template.render({**context, "country": country}).strip())
            for code, country in view.countries.items()
        }
        return context

    def context(self, language: str) -> dict[str, object]:
        """What every template gets in ``language``: the view, and a small page context."""
        view = self.view(language)
        return {
            "view": view,
            "doc": view.document,
            "language": language,
            "Missing": Missing,
            "long_list": view.long_list,
            "overview": country_overview(view),
            "t": lambda key: self.labels.get(key, language),
            "t_in": self.labels.get,  # a label in another language, for links to that language
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
            "suppliers_path": SUPPLIERS_PAGE,
            "statement_path": STATEMENT_PAGE,
            "archive_page": ARCHIVE_PAGE,
            "archive_path": None,
            "changes_path": None,
            "permanent_path": None,
            "carried_over": self.carried_over,
            **self.extra,
        }


def make_renderer(
    data: StatementData,
    labels: Labels,
    site: Site,
    form: FormSettings,
    extra: dict[str, object] | None = None,
    carried_over: tuple[Finding, ...] = (),
    kept: KeptForPreview | None = None,
) -> Renderer:
    return Renderer(
        template_environment(),
        LoadedStatement(data, unlocated()),
        labels,
        site,
        form,
        carried_over,
        extra or {},
        kept,
    )
