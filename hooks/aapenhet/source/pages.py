"""Reading the editors' pages in ``docs/``: their Markdown, and which are not saved as UTF-8.

Read by the build's page checks (``rendering/docs_pages.py``) and by the publication verdict
(``model/publishable.py``), which compares numbers written in the pages with the data.
"""

from __future__ import annotations

from pathlib import Path

from aapenhet.source.problems import Problem


def page_texts(docs_dir: Path) -> dict[str, str]:
    """Every page's Markdown, by how messages name it (``docs/index.en.md``); none when there is no docs/.
    A page not in UTF-8 is read with its bad bytes replaced: ``undecodable_pages`` reports it."""
    return {
        f"docs/{path.relative_to(docs_dir).as_posix()}": path.read_bytes().decode("utf-8", errors="replace")
        for path in sorted(docs_dir.rglob("*.md"))
    }


def undecodable_pages(docs_dir: Path) -> list[Problem]:
    """Each page saved in another encoding than UTF-8 (Latin-1, Windows-1252), where its first
    character that is not UTF-8 is."""
    problems = []
    for path in sorted(docs_dir.rglob("*.md")):
        content = path.read_bytes()
        try:
            content.decode("utf-8")
        except UnicodeDecodeError as error:
            line = content.count(b"\n", 0, error.start) + 1
            column = error.start - (content.rfind(b"\n", 0, error.start) + 1) + 1
            problems.append(
                Problem(
                    f"docs/{path.relative_to(docs_dir).as_posix()}",
                    line,
                    column,
                    "",
                    "the page is not saved as UTF-8 (Latin-1 or Windows-1252?) — save it again as UTF-8 in your editor",
                )
            )
    return problems
