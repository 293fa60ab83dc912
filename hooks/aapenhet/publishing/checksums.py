"""A record of what was published: each version's downloadable files with their SHA-256 checksums.

Beside each published version's files, at its permanent address, ``SHA256SUMS`` lists every one of
them as ``sha256sum`` writes it (``<64 hex digits>  <name>``), so that anyone can check with
``sha256sum -c SHA256SUMS`` that what they downloaded, or what is still there, is what was published;
``history.json`` names it for each version. A tracker that keeps the list notices any later change.
"""

from __future__ import annotations

from collections.abc import Mapping

from aapenhet.model.history import sha256_lines

CHECKSUMS_FILE = "SHA256SUMS"


def checksums(files: Mapping[str, str]) -> str:
    """``files`` (name: text, written as UTF-8) listed with their SHA-256, by name."""
    return sha256_lines({name: text.encode("utf-8") for name, text in files.items()})
