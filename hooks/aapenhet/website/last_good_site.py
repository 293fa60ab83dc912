"""A failed build never leaves a rejected site/ in place of the last good one.

MkDocs empties ``site/`` before it builds and writes pages as it goes; a strict build that logs a
warning is refused only at the very end, after site/ holds the rejected build. So before MkDocs
empties it, the last good site/ is moved aside (``site.last-good`` beside it, a rename on one disk),
and put back if the build fails; a build that succeeds removes it.
"""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

from mkdocs.utils import CountHandler

SET_ASIDE_SUFFIX = ".last-good"


def set_aside(site_dir: Path) -> Path | None:
    """Move a built ``site_dir`` aside; returns where, or None when there was nothing to keep."""
    aside = site_dir.with_name(site_dir.name + SET_ASIDE_SUFFIX)
    if aside.exists():
        # A build killed before it could tidy up left its own site/ (unfinished) and the good one here.
        shutil.rmtree(site_dir, ignore_errors=True)
        return aside
    if not site_dir.is_dir() or not any(site_dir.iterdir()):
        return None
    site_dir.rename(aside)
    return aside


def restore(site_dir: Path, aside: Path) -> None:
    """The build failed: the site that was there before is put back."""
    shutil.rmtree(site_dir, ignore_errors=True)
    aside.rename(site_dir)


def discard(aside: Path) -> None:
    """The build succeeded: the site it replaced is no longer needed."""
    shutil.rmtree(aside, ignore_errors=True)


def strict_build_will_fail() -> bool:
    """Whether MkDocs, in strict mode, has counted a warning: it refuses the build once the last
    on_post_build has run. (MkDocs counts them with a ``CountHandler`` on its logger.)"""
    return any(isinstance(handler, CountHandler) and handler.get_counts()
               for handler in logging.getLogger("mkdocs").handlers)
