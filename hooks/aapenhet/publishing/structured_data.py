"""What search engines and registries read from a page: schema.org JSON-LD for the statement.

The statement page and each version's permanent page describe the statement as a ``Report`` (its
period, its publication date or that it is a draft, its language, the company that publishes it) and
its machine-readable files as a ``Dataset`` with a ``DataDownload`` per file; the archive lists every
version. Built from the same version views as the pages, so the two cannot disagree.
"""

from __future__ import annotations

import json
from pathlib import PurePosixPath

from aapenhet.publishing.export import MACHINE_READABLE_NAMES, SCHEMA_FILE
from aapenhet.publishing.pdf import PDF_FILE
from aapenhet.view import document as out
from aapenhet.view.versions import VersionView
from aapenhet.website.addresses import Site

CONTEXT = "https://schema.org"
# Every data file published beside a version's statement (publishing/export.py), with its media type:
# all but the schema, which describes them.
_MEDIA_TYPES = {".json": "application/json", ".csv": "text/csv"}
_DOWNLOADS = tuple(
    (name, _MEDIA_TYPES[PurePosixPath(name).suffix]) for name in MACHINE_READABLE_NAMES if name != SCHEMA_FILE
)


def report_jsonld(view: VersionView, page: str, site: Site, language: str, *, title: str) -> str:
    """The version in ``view``, shown at ``page`` (its path from the language's root), as JSON-LD."""
    period = view.header.reporting_period
    report: dict[str, object] = {
        "@type": "Report",
        "@id": site.page_url(page, language) + "#report",
        "name": title,
        "url": site.page_url(page, language),
        "inLanguage": language,
        "publisher": _company(view.company),
        "creativeWorkStatus": "Draft" if view.is_draft else "Published",
        # The document itself, as the board signs and files it (publishing/pdf.py).
        "encoding": {
            "@type": "MediaObject",
            "contentUrl": site.page_url(view.data_path + PDF_FILE, language),
            "encodingFormat": "application/pdf",
        },
    }
    if period.start and period.end:
        report["temporalCoverage"] = f"{period.start.isoformat()}/{period.end.isoformat()}"
    if view.header.published_on and not view.is_draft:
        report["datePublished"] = view.header.published_on.isoformat()
    if view.version.is_update and view.version.date:
        report["dateModified"] = view.version.date.isoformat()
    dataset = {
        "@type": "Dataset",
        "name": title,
        "inLanguage": language,
        "isBasedOn": {"@id": report["@id"]},
        "creator": _company(view.company),
        "distribution": [
            {
                "@type": "DataDownload",
                "contentUrl": site.page_url(view.data_path + name, language),
                "encodingFormat": kind,
            }
            for name, kind in _DOWNLOADS
        ],
    }
    return _text({"@context": CONTEXT, "@graph": [report, dataset]})


def archive_jsonld(views: list[VersionView], page: str, site: Site, language: str, *, title: str) -> str:
    """The archive at ``page``: every published version, newest first, each at its permanent address."""
    parts = [
        {
            "@type": "Report",
            "url": site.page_url(view.address, language),
            "name": view.label,
            **({"datePublished": view.version.date.isoformat()} if view.version.date else {}),
        }
        for view in reversed(views)
        if view.address
    ]
    return _text(
        {
            "@context": CONTEXT,
            "@type": "CollectionPage",
            "name": title,
            "url": site.page_url(page, language),
            "inLanguage": language,
            "hasPart": parts,
        }
    )


def _company(company: out.Company) -> dict[str, object]:
    organisation: dict[str, object] = {"@type": "Organization", "name": company.name}
    if company.organisation_number:
        organisation["identifier"] = company.organisation_number
    return organisation


def _text(document: dict[str, object]) -> str:
    """JSON that can stand in a <script> element: no «<» in it can close the element."""
    return json.dumps(document, ensure_ascii=False, indent=None).replace("<", "\\u003c")
