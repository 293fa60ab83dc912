"""The signed PDF an editor adds to a kept version: the document the board signed, published as it is.

Once the board has signed a version's PDF (on paper and scanned, or electronically), an editor puts the
signed file in that version's folder in ``data/history/``: ``signed.pdf`` for the statement in the
default language (Norwegian, the authoritative text, the one the board signs) and, if there is one,
``signed.en.pdf`` for a signed English copy. The build then publishes that file, byte for byte, as the
version's ``statement.pdf`` in that language (listed in its ``SHA256SUMS``), and ``aapenhet pdf``
leaves it alone. A kept version's ``SHA256SUMS`` (``keep``'s record) lists only its YAML files, so
adding the signed file later changes nothing ``keep`` recorded.

``aapenhet check`` reports each kept version without ``signed.pdf``: advice, not a reason to refuse
publication (the gate does not ask for it: the PDF to sign is made after the build).
"""

from __future__ import annotations

from pathlib import Path

from aapenhet.languages import DEFAULT_LANGUAGE
from aapenhet.model.history import HISTORY_FOLDER, Version
from aapenhet.source.problems import Problem
from aapenhet.words import wording

SIGNED_STEM = "signed"
SIGNED_PDF = f"{SIGNED_STEM}.pdf"


def signed_pdf_name(language: str) -> str:
    """``signed.pdf`` in the default language, ``signed.<language>.pdf`` in another."""
    return SIGNED_PDF if language == DEFAULT_LANGUAGE else f"{SIGNED_STEM}.{language}.pdf"


def signed_pdf(data_dir: Path, version: Version, language: str) -> Path | None:
    """The signed PDF an editor added to ``version``'s folder in ``language``; None when there is none
    (or ``version`` is the current statement, which has no folder of its own yet)."""
    if version.is_current:
        return None
    path = data_dir / HISTORY_FOLDER / version.path / signed_pdf_name(language)
    return path if path.is_file() else None


def unsigned_versions(data_dir: Path, versions: list[Version]) -> list[Problem]:
    """Each kept version without its signed PDF in the default language, with what to do."""
    return [
        Problem(
            version.shown_as,
            1,
            1,
            "",
            wording("check.no_signed_pdf", folder=version.shown_as, address=version.path, name=SIGNED_PDF),
        )
        for version in versions
        if not version.is_current and signed_pdf(data_dir, version, DEFAULT_LANGUAGE) is None
    ]
