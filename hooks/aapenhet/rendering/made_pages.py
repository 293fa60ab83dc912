"""The pages the build makes from the data, beside the pages written in ``docs/``.

- a long list of suppliers: a page per initial letter (``leverandorer/a/``);
- each published version of the statement at its permanent address (``2024/``, ``2024/2025-09-15/``),
  the current one too from the day it is published (``2025/`` beside ``redegjorelse/``);
- what changed in each version since the one before (``2024/endringer/``; the current one's at
  ``endringer/``);
- the archive of every version (``arkiv/``), from the first publication.

Each is made in every language, at the same path under the language's prefix: its Markdown is only
its title, and its content is a template rendered into its HTML after Markdown (``MadePage``). Nothing
here imports MkDocs: ``hooks/statement_site.py`` adds the pages as files and fills them in.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

from aapenhet.model.history import Version
from aapenhet.rendering.renderer import Renderer
from aapenhet.view.versions import VersionView, has_archive
from aapenhet.website.addresses import ARCHIVE_PAGE, SUPPLIERS_PAGE

# What Markdown would read as markup in a heading's text, backslash-escaped (& < > are entities first).
_MARKDOWN_PUNCTUATION = re.compile(r"[\\`*_{}\[\]()#+\-.!|~]")


@dataclass(frozen=True)
class MadePage:
    """One made page in one language."""

    title: str  # its Markdown is this title, as its <h1>
    template: str  # rendered into its HTML, by ``renderer``, with ``values``
    renderer: Renderer  # the data it shows: the current statement's, or an earlier version's
    path: str  # from the language's root: "leverandorer/a/", "2024/"
    urls: dict[str, str]  # the page in each language, from the site's root ("en/2024/")
    values: dict[str, object] = field(default_factory=dict)
    # An earlier version's pages: a notice that it is not the current statement replaces the draft banner.
    earlier: Version | None = None

    @property
    def src_uri(self) -> str:
        return self.path.rstrip("/") + ".md"

    @property
    def markdown(self) -> str:
        """The title as a Markdown heading, as text: labels.yml is editable, and a title never becomes markup."""
        return "# " + _MARKDOWN_PUNCTUATION.sub(r"\\\g<0>", html.escape(self.title, quote=False)) + "\n"


def made_pages(
    renderer: Renderer, views: list[VersionView], renderers: dict[str, Renderer], language: str
) -> dict[str, MadePage]:
    """Every made page in ``language``, by its source path (``leverandorer/a.md``).

    ``views``: every version in ``language`` (``version_views``), oldest first, the current one last
    (only the current one when there is no history); ``renderers``: each earlier version's, by its path.
    """
    site = renderer.site

    def t(key: str) -> str:
        return renderer.label(key, language)

    def urls(path: str) -> dict[str, str]:
        return {each: site.language_prefix(each) + path for each in site.languages}

    pages: list[MadePage] = []
    for group in renderer.view(language).supplier_groups:
        path = f"{SUPPLIERS_PAGE}{group.key}/"
        title = f"{t('supplier.group_title')}: {group.letter or t('supplier.group_other')}"
        if group.parts > 1:
            title += f" ({t('supplier.group_part')} {group.part}/{group.parts})"
        pages.append(MadePage(title, "supplier_group", renderer, path, urls(path), {"group": group}))
    for view in views:
        version = view.version
        version_renderer = renderers.get(version.path, renderer)
        earlier = None if version.is_current else version
        values = {"entry": view, "entries": views}
        if view.address:
            # The current statement too, once published: a citation made today still leads here next year.
            pages.append(
                MadePage(
                    f"{t('history.statement_for')} {view.label}",
                    "earlier_statement",
                    version_renderer,
                    view.address,
                    urls(view.address),
                    values,
                    earlier,
                )
            )
        if view.changes_path:
            pages.append(
                MadePage(
                    f"{t('history.changes_in')} {view.label}",
                    "changes",
                    version_renderer,
                    view.changes_path,
                    urls(view.changes_path),
                    values,
                    earlier,
                )
            )
    if has_archive(views):
        pages.append(
            MadePage(
                t("history.archive_title"), "archive", renderer, ARCHIVE_PAGE, urls(ARCHIVE_PAGE), {"entries": views}
            )
        )
    return {page.src_uri: page for page in pages}
