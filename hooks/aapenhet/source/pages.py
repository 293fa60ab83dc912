"""Reading the editors' pages in ``docs/``: their Markdown, and which cannot be read as pages.

Read by the build's page checks (``rendering/docs_pages.py``) and by the publication verdict
(``model/publishable.py``), which compares numbers written in the pages with the data. A page that is
not a regular file (a pipe, a device, a link to one), is far too large, cannot be opened or is not
saved as UTF-8 is a located problem (``unreadable_pages``), never a hang or a traceback.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from aapenhet.source.problems import Problem, unreadable
from aapenhet.words import number, wording

# A page of the statement is a few kB; anything this large is the wrong file (or /dev/zero).
MAX_PAGE_BYTES = 2 * 1024 * 1024


def page_paths(docs_dir: Path) -> list[Path]:
    return sorted(docs_dir.rglob("*.md")) if docs_dir.is_dir() else []


def page_texts(docs_dir: Path) -> dict[str, str]:
    """Every readable page's Markdown, by how messages name it (``docs/index.en.md``); none when there
    is no docs/. A page not in UTF-8 is read with its bad bytes replaced: ``unreadable_pages`` reports
    it, and the pages that cannot be read at all."""
    texts = {}
    for path in page_paths(docs_dir):
        content, _ = _read_page(path, docs_dir)
        if content is not None:
            texts[_shown(path, docs_dir)] = content.decode("utf-8", errors="replace")
    return texts


def unreadable_pages(docs_dir: Path) -> list[Problem]:
    """Each page that cannot be read as a page: not a regular file, too large, not to be opened, or
    saved in another encoding than UTF-8 (Latin-1, Windows-1252), located at its first character
    that is not UTF-8."""
    problems = []
    for path in page_paths(docs_dir):
        content, problem = _read_page(path, docs_dir)
        if problem is not None:
            problems.append(problem)
            continue
        assert content is not None
        try:
            content.decode("utf-8")
        except UnicodeDecodeError as error:
            line = content.count(b"\n", 0, error.start) + 1
            column = error.start - (content.rfind(b"\n", 0, error.start) + 1) + 1
            problems.append(
                Problem(
                    _shown(path, docs_dir),
                    line,
                    column,
                    "",
                    wording("page.not_utf8"),
                )
            )
    return problems


def _read_page(path: Path, docs_dir: Path) -> tuple[bytes | None, Problem | None]:
    shown = _shown(path, docs_dir)
    try:
        info = os.stat(path)  # through a link: what is read is what it points to
        if not stat.S_ISREG(info.st_mode):
            return None, Problem(
                shown,
                1,
                1,
                "",
                wording("page.not_a_file"),
            )
        if info.st_size > MAX_PAGE_BYTES:
            megabytes, most = number(info.st_size / 1024 / 1024, "0.0"), MAX_PAGE_BYTES // 1024 // 1024
            return None, Problem(
                shown,
                1,
                1,
                "",
                wording("page.too_large", megabytes=megabytes, most=most),
            )
        return path.read_bytes(), None
    except OSError as error:
        return None, unreadable(shown, error)


def _shown(path: Path, docs_dir: Path) -> str:
    return f"docs/{path.relative_to(docs_dir).as_posix()}"
