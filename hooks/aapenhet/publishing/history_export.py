"""The history as data: each version's changes (``changes.json`` beside its ``statement.json``) and an
index of every version (``history.json`` at each language's root), with absolute addresses.

The changes are the same comparison the pages show (``model/changes.py``), by id, with each thing's
name or title in the file's language.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from aapenhet.model.changes import LevelChange
from aapenhet.publishing.checksums import CHECKSUMS_FILE
from aapenhet.publishing.json_files import json_bytes
from aapenhet.publishing.pdf import PDF_FILE
from aapenhet.view.versions import VersionView
from aapenhet.website.addresses import Site

CHANGES_FILE = "changes.json"
HISTORY_FILE = "history.json"


def changes_json(view: VersionView, previous: VersionView, site: Site, language: str) -> bytes:
    """What changed in ``view``'s version since ``previous``, with both versions' addresses."""
    changes = view.changes
    assert changes is not None  # every version after the first has what changed since the one before

    def titled(items: list[Any], title: Callable[[str], str] = view.finding_title) -> list[dict[str, object]]:
        return [{"id": item.id, "title": title(item.id)} for item in items]

    def levels(items: list[LevelChange]) -> list[dict[str, object]]:
        return [
            {
                "id": change.risk.id,
                "title": view.finding_title(change.risk.id),
                "before": change.before.value if change.before else None,
                "after": change.after.value if change.after else None,
            }
            for change in items
        ]

    document = {
        "language": language,
        "version": _entry(view, site, language),
        "compared_with": _entry(previous, site, language),
        "suppliers_added": [{"id": supplier.id, "name": supplier.name} for supplier in changes.suppliers_added],
        "suppliers_removed": [{"id": supplier.id, "name": supplier.name} for supplier in changes.suppliers_removed],
        "suppliers_countries_changed": [
            {
                "id": change.supplier.id,
                "name": change.supplier.name,
                "countries_added": change.added,
                "countries_removed": change.removed,
            }
            for change in changes.suppliers_countries_changed
        ],
        **{
            kind: [
                {
                    "country_code": change.code,
                    "before": change.before.value if change.before else None,
                    "after": change.after.value if change.after else None,
                }
                for change in getattr(changes, kind)
            ]
            for kind in (
                "rated_countries_added",
                "rated_countries_removed",
                "ratings_raised",
                "ratings_lowered",
                "ratings_given",
                "ratings_withdrawn",
            )
        },
        "risks_new": titled(changes.risks_new),
        "risks_raised": levels(changes.risks_raised),
        "risks_lowered": levels(changes.risks_lowered),
        "risks_level_given": levels(changes.risks_level_given),
        "risks_level_withdrawn": levels(changes.risks_level_withdrawn),
        "risks_reassessed": [
            {
                "id": change.risk.id,
                "title": view.finding_title(change.risk.id),
                **{
                    name: {
                        "before": scale.before.value if scale.before else None,
                        "after": scale.after.value if scale.after else None,
                    }
                    if scale
                    else None
                    for name, scale in (("severity", change.severity), ("likelihood", change.likelihood))
                },
            }
            for change in changes.risks_reassessed
        ],
        "risks_closed": titled(changes.risks_closed),
        "impacts_identified": titled(changes.impacts_identified),
        "impacts_remediated": titled(changes.impacts_remediated),
        "measures_started": titled(changes.measures_started, view.measure_title),
        "measures_completed": titled(changes.measures_completed, view.measure_title),
        "measures_planned": titled(changes.measures_planned, view.measure_title),
        "measures_dropped": titled(changes.measures_dropped, view.measure_title),
        "companies_added": changes.companies_added,
        "companies_removed": changes.companies_removed,
        "signatories_added": [{"name": each.name, "role": each.role.value} for each in changes.signatories_added],
        "signatories_removed": [{"name": each.name, "role": each.role.value} for each in changes.signatories_removed],
        "signatories_role_changed": [
            {"name": each.after.name, "before": each.before.role.value, "after": each.after.role.value}
            for each in changes.signatories_role_changed
        ],
    }
    return json_bytes(document)


def history_json(views: list[VersionView], site: Site, language: str) -> bytes:
    """Every version, oldest first, with the addresses of its page and its data."""
    return json_bytes({"language": language, "versions": [_entry(view, site, language) for view in views]})


def _entry(view: VersionView, site: Site, language: str) -> dict[str, object]:
    version = view.version
    statement = view.header
    return {
        "label": view.label,
        "reporting_year": version.year,
        "kind": "update" if version.is_update else "annual",
        "date": version.date.isoformat() if version.date else None,
        "current": view.in_force,  # the statement in force: never a draft
        "status": "draft" if view.is_draft else "published",
        "approved_on": statement.approved_on.isoformat() if statement.approved_on else None,
        "published_on": statement.published_on.isoformat() if statement.published_on else None,
        "page": site.page_url(view.path, language),
        "permanent_page": site.page_url(view.address, language) if view.address else None,
        "statement_json": site.page_url(view.data_path + "statement.json", language),
        # The statement as a PDF, made after the build (publishing/pdf.py), or the signed one an editor added.
        "pdf": site.page_url(view.data_path + PDF_FILE, language),
        "changes_page": site.page_url(view.changes_path, language) if view.changes_path else None,
        "changes_json": site.page_url(version.path + CHANGES_FILE, language) if view.changes_path else None,
        # The checksums of every file published at its permanent address (publishing/checksums.py).
        "checksums": site.page_url(view.address + CHECKSUMS_FILE, language) if view.address else None,
    }
