"""Every version of the statement as the pages and files name it in one language: its label, its
addresses, what changed since the one before, and which version is in force.

Read by the made pages (``rendering/made_pages.py``) and the history files (``publishing/history_export.py``);
each version's statement is its ``StatementView`` in the same language, what its pages and files show.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import TypeVar

from aapenhet.model import kept_cache
from aapenhet.model.changes import Changes, compare
from aapenhet.model.history import Version
from aapenhet.view import document as out
from aapenhet.view import formatting
from aapenhet.view.mapping import company_part, statement_part
from aapenhet.view.statement_view import StatementView
from aapenhet.website.addresses import CHANGES_PAGE, STATEMENT_PAGE

Named = TypeVar("Named")


@dataclass(frozen=True)
class VersionView:
    """A version as the archive and the notices show it."""

    version: Version
    language: str
    label: str  # "2024", "2024, oppdatert 15. september 2025"
    path: str  # its statement: "2024/", or STATEMENT_PAGE for the current one
    changes_path: str | None  # what changed since the version before; None for the first
    changes: Changes | None
    previous: VersionView | None  # the version before
    # Its whole statement, made only when a page or file needs more than its header: a kept version's
    # pages and files come from the cache of kept versions (kept_cache.py), and making it costs.
    statement_view: Callable[[], StatementView] = field(repr=False, compare=False)
    # The statement in force: the newest published version (an earlier one while data/ is a draft).
    in_force: bool = False

    @cached_property
    def statement(self) -> StatementView:
        """The version's whole statement in the same language, as its own pages and files show it."""
        return self.statement_view()

    @cached_property
    def header(self) -> out.Statement:
        """Its period, approval, signatures and revisions, mapped as in its statement.json."""
        return statement_part(self.version.loaded.outline.statement, self.language)

    @cached_property
    def company(self) -> out.Company:
        return company_part(self.version.loaded.outline.company, self.language)

    @property
    def address(self) -> str | None:
        """Its permanent page ("2025/"); None for a draft."""
        return self.version.address

    @property
    def data_path(self) -> str:
        """Where its statement.json and CSV files are: under its permanent address, or at the root for a draft."""
        return self.version.address or ""

    @property
    def is_draft(self) -> bool:
        return self.version.address is None

    @property
    def reason(self) -> str | None:
        """An update's reason, in the view's language: the summary of its revision of that day."""
        revisions = self.header.revisions
        return next((each.summary for each in revisions if each.date == self.version.date), None)

    def country_name(self, code: str) -> str:
        """A country's name as this version names it, or, for one it no longer names, the version before."""
        return self._named(lambda view: view.countries, code).country_name

    def finding_title(self, id: str) -> str:
        """A risk's or an impact's title by its id (a risk closed: the version before's)."""
        return self._named(lambda view: view.findings, id).title

    def measure_title(self, id: str) -> str:
        """A measure's title by its id (measures and risks have ids of their own: one may be both)."""
        return self._named(lambda view: view.measures, id).title

    def _named(self, table: Callable[[StatementView], Mapping[str, Named]], key: str) -> Named:
        """``key`` in this version's ``table``, or, only if it is not there, the version before's: a
        thing this version no longer has is named as it was."""
        if key in (found := table(self.statement)):
            return found[key]
        if self.previous is not None and key in (before := table(self.previous.statement)):
            return before[key]
        raise KeyError(key)


def version_changes(versions: list[Version]) -> list[Changes | None]:
    """What changed in each version since the one before (None for the first): once per build, for
    every language's pages and files."""
    return [_changes(versions[index - 1], version) if index else None for index, version in enumerate(versions)]


def _changes(before: Version, after: Version) -> Changes:
    """What changed from ``before`` to ``after``; between two kept versions, compared once and then
    read from the cache of kept versions, so that neither's data is read for it."""
    if before.key is None or after.key is None:
        return compare(before.loaded.data, after.loaded.data)
    return kept_cache.object_made_once(
        after.key, f"changes-since-{before.key}.pickle", Changes, lambda: compare(before.loaded.data, after.loaded.data)
    )


def version_views(
    versions: list[Version],
    changes: list[Changes | None],
    statements: Callable[[Version], StatementView],
    language: str,
    t: Callable[[str], str],
) -> list[VersionView]:
    """Every version, oldest first, with its statement (``statements``: a version's, in ``language``),
    its label in ``language`` and what changed since the one before."""
    views: list[VersionView] = []
    in_force = max((index for index, version in enumerate(versions) if version.address), default=None)
    for index, (version, changed) in enumerate(zip(versions, changes, strict=True)):
        path = version.path or STATEMENT_PAGE
        changes_path = (version.path + CHANGES_PAGE if version.path else CHANGES_PAGE) if views else None
        views.append(
            VersionView(
                version,
                language,
                version_label(version, language, t),
                path,
                changes_path,
                changed,
                views[-1] if views else None,
                functools.partial(statements, version),
                in_force=index == in_force,
            )
        )
    return views


def version_label(version: Version, language: str, t: Callable[[str], str]) -> str:
    if version.year is None:
        return t("history.next_draft")
    if version.is_update and version.date:
        return f"{version.year}, {t('history.updated')} {formatting.long_date(version.date, language)}"
    return str(version.year)


def has_archive(versions: list[VersionView] | list[Version]) -> bool:
    """The archive exists from the first publication: when any version has a permanent address."""
    return any(version.address for version in versions)
