"""The statement as a PDF, for signing and filing: which PDFs a build links, and where each comes from.

Every version has ``statement.pdf`` beside its ``statement.json``, in each language: the current
statement's at each language's root (made from the statement page, ``redegjorelse/``) and each
published version's at its permanent address (made from that address's page). The build links them
(the statement's header, each version's page, the archive, ``history.json``) but cannot make them:
Chromium prints them after the build (``aapenhet pdf``, ``publishing/pdf_print.py``). So the build
writes what is to be made into ``build.json`` (``PdfJob``, one per file), and the command makes each,
adds it to its address's ``SHA256SUMS`` and fails when one could not be made.

A kept version whose folder holds the signed PDF (``model/signed_pdf.py``) is published with that
file instead: the build copies it byte for byte and lists it in ``SHA256SUMS`` itself; its job says
``signed``, and the command only checks that it is there.

The PDF is a document, not data: ``datapackage.json`` does not list it (``SHA256SUMS`` does).
"""

from __future__ import annotations

import datetime
from dataclasses import asdict, dataclass
from typing import Any

PDF_FILE = "statement.pdf"
# Where build.json lists the PDFs to make (publishing/build_record.py).
PDF_JOBS = "pdf"


@dataclass(frozen=True)
class PdfJob:
    """One PDF the build links, as ``build.json`` lists it; paths from the site's root."""

    pdf: str  # where it goes: "statement.pdf", "en/2024/statement.pdf"
    page: str  # the page it is printed from: the statement page, or a version's (en/2024/)
    language: str
    address: str  # the version's permanent address (a draft: its page's), printed on every page
    checksums: str | None  # the SHA256SUMS that lists it, at a permanent address; None at the root
    signed: bool = False  # an editor's signed file, copied by the build: not made, only checked
    date: str | None = None  # ISO 8601: the day the version was published (or updated); None for a draft

    def as_record(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_record(cls, record: dict[str, Any]) -> PdfJob:
        return cls(**record)

    @property
    def made_on(self) -> datetime.date | None:
        return datetime.date.fromisoformat(self.date) if self.date else None
