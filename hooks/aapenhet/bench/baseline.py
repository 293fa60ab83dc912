"""The bare baseline: what a plain Material + mkdocs-static-i18n site of the same size costs to build.

Same theme and i18n settings as the project's ``mkdocs.yml``, but no hooks, no theme overrides, no
extra CSS and no ``md_in_html``, and with Material's search, as a stock Material site has it (the
statement's site left search out to keep its pages light: the baseline does not get that saving); as
many pages per language as the statement's site, and on its suppliers page (``leverandorer.md`` and
its translations) a plain Markdown table with one row per supplier and product line. What the
statement's build costs beyond this is the price of its own work: the data, the templates, the
checks.
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from aapenhet.languages import DEFAULT_LANGUAGE, LANGUAGES
from aapenhet.model.models import StatementData

SUPPLIERS_PAGE = "leverandorer"
# What the baseline leaves out of the project's mkdocs.yml: the project's own work and its settings.
_LEFT_OUT_SETTINGS = ("hooks", "watch", "extra_css", "nav", "not_in_nav")
_LEFT_OUT_EXTENSIONS = ("md_in_html",)

_TABLE_HEADINGS = {
    "nb": ("Leverandør", "Produktlinje", "Land", "Type"),
    "en": ("Supplier", "Product line", "Countries", "Kind"),
}
_KINDS = {"nb": ("varer", "tjenester"), "en": ("goods", "services")}
_TITLES = {"nb": ("Forside", "Leverandører", "Side"), "en": ("Home", "Suppliers", "Page")}
_FILLER = {
    "nb": "Denne siden er en del av en enkel sammenligningsside uten egne maler eller data.",
    "en": "This page is part of a plain comparison site without templates or data of its own.",
}


@dataclass(frozen=True)
class TableRow:
    """One row of the suppliers table: a supplier's product line and where it is made."""

    supplier: str
    product_line: Mapping[str, str]  # by language
    countries: tuple[str, ...]
    services: bool


def table_rows(data: StatementData) -> list[TableRow]:
    """One row per supplier and product line, in the data's order."""
    return [
        TableRow(
            supplier.name,
            {language: line.product_line.in_language(language) for language in LANGUAGES},
            tuple(line.countries),
            line.kind.value == "services",
        )
        for supplier in data.suppliers.suppliers
        for line in supplier.production
    ]


def baseline_config(project_config: Mapping[str, Any]) -> dict[str, Any]:
    """The project's settings (as ``mkdocs.utils.yaml.yaml_load`` read them) without its own work."""
    config = {key: value for key, value in project_config.items() if key not in _LEFT_OUT_SETTINGS}
    config["theme"] = {key: value for key, value in project_config["theme"].items() if key != "custom_dir"}
    config["markdown_extensions"] = [
        extension
        for extension in project_config.get("markdown_extensions", [])
        if _extension_name(extension) not in _LEFT_OUT_EXTENSIONS
    ]
    # Stock Material: search first (MkDocs' default plugin), and static-i18n building its index per language.
    plugins = [plugin for plugin in config.get("plugins", []) if _extension_name(plugin) != "search"]
    config["plugins"] = ["search", *plugins]
    for plugin in config["plugins"]:
        if isinstance(plugin, dict) and "i18n" in plugin:
            plugin["i18n"]["reconfigure_search"] = True
    # The form's settings are read by the hooks only.
    extra = {key: value for key, value in project_config.get("extra", {}).items() if key != "innsynskrav"}
    if extra:
        config["extra"] = extra
    else:
        config.pop("extra", None)
    return config


def write_baseline(
    folder: Path, project_config: Mapping[str, Any], *, pages_per_language: int, rows: Sequence[TableRow]
) -> Path:
    """The baseline project in ``folder`` (its ``mkdocs.yml`` and ``docs/``); returns its ``mkdocs.yml``."""
    folder.mkdir(parents=True, exist_ok=True)
    config_file = folder / "mkdocs.yml"
    config_file.write_text(
        yaml.safe_dump(baseline_config(project_config), allow_unicode=True, sort_keys=False), encoding="utf-8"
    )
    write_baseline_docs(folder / "docs", pages_per_language=pages_per_language, rows=rows)
    return config_file


def write_baseline_docs(docs: Path, *, pages_per_language: int, rows: Sequence[TableRow]) -> list[Path]:
    """``pages_per_language`` pages in every language (static-i18n's suffix layout: ``NAME.md`` in the
    default language, ``NAME.LANG.md`` in the others): a home page, the suppliers page with its table,
    and plain pages to make up the number. Returns the files written."""
    if pages_per_language < 2:
        raise ValueError("the baseline needs at least a home page and a suppliers page")
    docs.mkdir(parents=True, exist_ok=True)
    written = []
    for language in LANGUAGES:
        home, suppliers, page = _TITLES[language]
        pages = {
            "index": f"# {home}\n\n{_FILLER[language]}\n",
            SUPPLIERS_PAGE: f"# {suppliers}\n\n{suppliers_table(rows, language)}",
        }
        for number in range(1, pages_per_language - 1):
            pages[f"side-{number}"] = f"# {page} {number}\n\n{_FILLER[language]}\n"
        for name, text in pages.items():
            path = docs / (f"{name}.md" if language == DEFAULT_LANGUAGE else f"{name}.{language}.md")
            path.write_text(text, encoding="utf-8")
            written.append(path)
    return written


def suppliers_table(rows: Sequence[TableRow], language: str) -> str:
    """A Markdown table, one line per row."""
    headings = _TABLE_HEADINGS[language]
    lines = [_table_line(headings), _table_line(["---"] * len(headings))]
    lines += [
        _table_line(
            [
                _cell(row.supplier),
                _cell(row.product_line[language]),
                ", ".join(row.countries),
                _KINDS[language][row.services],
            ]
        )
        for row in rows
    ]
    return "\n".join(lines) + "\n"


def _table_line(cells: Sequence[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def _cell(text: str) -> str:
    """Text as itself in a table cell: no markup, no column break."""
    return html.escape(text, quote=False).replace("|", "\\|")


def _extension_name(extension: str | Mapping[str, Any]) -> str:
    return extension if isinstance(extension, str) else next(iter(extension))


def read_mkdocs_config(config_file: Path) -> dict[str, Any]:
    """A ``mkdocs.yml`` as MkDocs reads it (``!ENV`` resolved), before MkDocs validates it."""
    from mkdocs.utils.yaml import yaml_load  # MkDocs' own tags; only the benchmark needs them

    with config_file.open("rb") as stream:
        return yaml_load(stream)
