"""Every version of the statement as the pages and files name it in one language: its label, its
addresses, what changed since the one before, and which version is in force.

Read by the made pages (``rendering/made_pages.py``) and the history files (``publishing/history_export.py``);
each version's statement is its ``StatementView`` in the same language, what its pages and files show.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from aapenhet.model.changes import Changes, compare
from aapenhet.model.history import Version
from aapenhet.view import formatting
from aapenhet.view.statement_view import StatementView
from aapenhet.website.addresses import CHANGES_PAGE, STATEMENT_PAGE


@dataclass(frozen=True)
class VersionView:
    """A version as the archive and the notices show it."""

    version: Version
    statement: StatementView  # the version's statement in the same language
    label: str  # "2024", "2024, oppdatert 15. september 2025"
    path: str  # its statement: "2024/", or STATEMENT_PAGE for the current one
    changes_path: str | None  # what changed since the version before; None for the first
    changes: Changes | None
    previous: VersionView | None  # the version before
    # The statement in force: the newest published version (an earlier one while data/ is a draft).
    in_force: bool = False

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
        revisions = self.statement.document.statement.revisions
        return next((each.summary for each in revisions if each.date == self.version.date), None)

    def title(self, id: str) -> str:
        """The title of a risk, impact or measure by its id: in this version, or, for one it no longer
        has (a risk closed, a measure dropped), in the version before."""
        for view in (self.statement, self.previous.statement if self.previous else None):
            if view is not None and (found := view.findings.get(id) or view.measures.get(id)) is not None:
                return found.title
        raise KeyError(id)


def version_changes(versions: list[Version]) -> list[Changes | None]:
    """What changed in each version since the one before (None for the first): once per build, for
    every language's pages and files."""
    return [
        compare(versions[index - 1].loaded.data, version.loaded.data) if index else None
        for index, version in enumerate(versions)
    ]


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
                statements(version),
                version_label(version, language, t),
                path,
                changes_path,
                changed,
                views[-1] if views else None,
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
