"""A failed build never leaves a rejected site/ in place of the last good one.

MkDocs empties ``site/`` before it builds (all but its hidden entries) and writes pages as it goes;
a strict build that logs a warning is refused only at the very end, after site/ holds the rejected
build. So before MkDocs empties it, the last good build's entries are moved into a hidden folder
inside site/ (which MkDocs leaves alone, and which is always on the same disk), and moved back if the
build fails; a build that succeeds removes them. Hidden entries of site/ (``.git``, ``.well-known``)
are never touched.
"""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

from mkdocs.utils import CountHandler

ASIDE = ".aapenhet-last-good"


def set_aside(site_dir: Path) -> Path | None:
    """Move the built entries of ``site_dir`` aside; returns where, or None when there is nothing to
    keep. A folder left by a build that was killed holds the last good build: it stays."""
    aside = site_dir / ASIDE
    if aside.is_dir():
        return aside
    entries = [entry for entry in site_dir.iterdir() if not entry.name.startswith(".")] if site_dir.is_dir() else []
    if not entries:
        return None
    aside.mkdir()
    for entry in entries:
        entry.rename(aside / entry.name)
    return aside


def restore(aside: Path) -> None:
    """The build failed: what it wrote goes, and the last good build comes back."""
    site_dir = aside.parent
    for entry in site_dir.iterdir():
        if not entry.name.startswith("."):
            shutil.rmtree(entry) if entry.is_dir() and not entry.is_symlink() else entry.unlink()
    for entry in aside.iterdir():
        entry.rename(site_dir / entry.name)
    aside.rmdir()


def discard(aside: Path) -> None:
    """The build succeeded: the build it replaced is no longer needed."""
    shutil.rmtree(aside, ignore_errors=True)


def strict_build_will_fail() -> bool:
    """Whether MkDocs, in strict mode, has counted a warning: it refuses the build once the last
    on_post_build has run. (MkDocs counts them with a ``CountHandler`` on its logger.)"""
    return any(
        isinstance(handler, CountHandler) and handler.get_counts() for handler in logging.getLogger("mkdocs").handlers
    )
