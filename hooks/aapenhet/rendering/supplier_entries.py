"""A supplier's entry in full (``_supplier_entry.html``), rendered from the supplier and a short,
named list of what else it shows (``SHOWN``), never from the whole statement.

So the preview can keep each entry from one rebuild to the next (``KeptEntries``) and render again
only the suppliers an edit changed: at 2,000 suppliers, the letter pages' 4,000 entries were a fifth
of every rebuild. An entry is kept while its supplier and that supplier's follow-ups are equal, and
while everything else it shows (the words, the site's addresses, each country's risk, the templates'
text) is as it was. The template sees nothing but these names, so an entry that came to show something
else would fail to render (``StrictUndefined``), not be kept stale.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from jinja2 import Environment
from markupsafe import Markup

from aapenhet.rendering.labels import Labels
from aapenhet.view import document as out
from aapenhet.view.statement_view import StatementView
from aapenhet.website.addresses import Site

ENTRY_TEMPLATE = "_supplier_entry.html"
# The templates an entry is made of: a change to one renders every entry again.
ENTRY_TEMPLATES = (ENTRY_TEMPLATE, "_macros.html")

# What an entry reads of the page context, besides its supplier, its heading's level, its follow-ups
# and each country's risk (``risk_levels``). The functions among them read only the language, the
# labels and the site, which are part of what a kept entry must still show (``_shown_fingerprint``).
SHOWN = (
    "language",
    "t",
    "number",
    "percent",
    "long_date",
    "iso_date",
    "page_path",
    "suppliers_path",
    "statement_path",
    "long_list",
    "country_with_risk",
)
# What a kept entry's fingerprint holds as it is; ``SHOWN``'s functions, by what they read (the language,
# labels and site). Reordered countries only render every entry again.
_FINGERPRINTED = ("language", "suppliers_path", "statement_path", "long_list", "country_with_risk", "risk_levels")

SupplierEntry = Callable[[out.Supplier, int], Markup]
# An entry as kept: the supplier and follow-ups it shows, and its HTML; by its heading's level and supplier's id.
Entries = dict[tuple[int, str], tuple[out.Supplier, list[out.Measure], Markup]]


@dataclass
class KeptEntries:
    """The entries of the last rebuild, by language: what they showed besides their own suppliers
    (a fingerprint), and each entry with the supplier and follow-ups it shows."""

    by_language: dict[str, tuple[str, Entries]] = field(default_factory=dict)

    def start(self, language: str, fingerprint: str) -> tuple[Entries, Entries]:
        """The last rebuild's entries in ``language`` (none if anything else they show changed), and
        the table this rebuild's go into: only what this rebuild shows is kept for the next."""
        last_fingerprint, last = self.by_language.get(language, ("", {}))
        current: Entries = {}
        self.by_language[language] = (fingerprint, current)
        return (last if last_fingerprint == fingerprint else {}), current


def supplier_entries(
    environment: Environment,
    context: dict[str, object],
    view: StatementView,
    labels: Labels,
    site: Site,
    kept: KeptEntries | None,
) -> SupplierEntry:
    """Each supplier's entry in ``context``'s language, with its heading at ``level``: kept from the
    last rebuild in ``kept`` (the preview's), or rendered anew (a build renders each once)."""
    template = environment.get_template(ENTRY_TEMPLATE)
    risk_levels = {code: country.risk_level for code, country in view.countries.items()}
    shown = {**{name: context[name] for name in SHOWN}, "risk_levels": risk_levels}

    def render(supplier: out.Supplier, level: int, followed_up: list[out.Measure]) -> Markup:
        values = {**shown, "supplier": supplier, "level": level, "followed_up": followed_up}
        return Markup(template.render(values).strip())

    if kept is None:
        return lambda supplier, level: render(supplier, level, view.measures_of(supplier))
    fingerprint = _shown_fingerprint(environment, shown, labels, site)
    last, current = kept.start(view.language, fingerprint)

    def render_or_keep(supplier: out.Supplier, level: int) -> Markup:
        followed_up = view.measures_of(supplier)
        key = (level, supplier.id)
        before = current.get(key) or last.get(key)
        # Equal models show the same; the supplier is most often the very one (view/mapping.KeptSuppliers).
        if before is not None and (before[0] is supplier or before[0] == supplier) and before[1] == followed_up:
            entry = before[2]
        else:
            entry = render(supplier, level, followed_up)
        current[key] = (supplier, followed_up, entry)
        return entry

    return render_or_keep


def _shown_fingerprint(environment: Environment, shown: dict[str, object], labels: Labels, site: Site) -> str:
    """Everything an entry shows besides its own supplier, as one text."""
    assert environment.loader is not None
    sources = [environment.loader.get_source(environment, name)[0] for name in ENTRY_TEMPLATES]
    values = [shown[name] for name in _FINGERPRINTED]
    return repr((values, labels.model_dump_json(), site, sources))
