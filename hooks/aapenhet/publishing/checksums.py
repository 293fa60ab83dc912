"""A record of what was published: each version's downloadable files with their SHA-256 checksums.

Beside each published version's files, at its permanent address, ``SHA256SUMS`` lists every one of
them as ``sha256sum`` writes it (``<64 hex digits>  <name>``), so that anyone can check with
``sha256sum -c SHA256SUMS`` that what they downloaded, or what is still there, is what was published;
``history.json`` names it for each version. A tracker that keeps the list notices any later change.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping

from aapenhet.model.history import sha256sum_lines

CHECKSUMS_FILE = "SHA256SUMS"


def checksums(sha256s: Mapping[str, str]) -> bytes:
    """The published files, each name with its SHA-256 (hex), listed by name as ``sha256sum`` writes them."""
    return sha256sum_lines(sha256s).encode("utf-8")


def sha256_of(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


def with_file(record: str, name: str, content: bytes) -> str:
    """``record`` (a ``SHA256SUMS``) with ``name`` listed as ``content``'s SHA-256, in its place by name:
    for a file made after the build (``aapenhet pdf``); a line already there for it is replaced."""
    lines = [line for line in record.splitlines() if line.partition("  ")[2] != name]
    lines.append(f"{hashlib.sha256(content).hexdigest()}  {name}")
    return "".join(line + "\n" for line in sorted(lines, key=lambda line: line.partition("  ")[2]))
