"""The live preview when MkDocs itself cannot rebuild: mkdocs.yml cannot be read.

``mkdocs serve`` answers no request until a rebuild succeeds, so one saved mistake in mkdocs.yml
would leave the editor's browser waiting. The hook catches MkDocs' error and this module writes
every page of the preview (and its 404 page) as the located problem, in the page's language: the
live-reload script MkDocs adds to each page brings the site back once the fix is saved.
"""

from __future__ import annotations

from pathlib import Path

from aapenhet.languages import DEFAULT_LANGUAGE, LANGUAGES
from aapenhet.rendering.problems_page import problems_document
from aapenhet.source.problems import DataProblems, Problem
from aapenhet.source.yaml_source import file_problems
from aapenhet.words import verbatim, wording


def settings_problems(settings_file: Path, error: Exception) -> DataProblems:
    """What is wrong with ``settings_file``, located when the YAML reader can say where; otherwise
    MkDocs' own message, on one line."""
    shown = settings_file.name
    problems = file_problems(settings_file)
    if not problems:
        said = " ".join(str(error).split())  # MkDocs' own words: English only
        problems = [Problem(shown, 1, 1, "", wording("settings.mkdocs_cannot_read", said=said))]
    return DataProblems(problems, about=verbatim(shown))


def show_settings_problems(site_dir: Path, settings_file: Path, error: Exception) -> str:
    """Every page under ``site_dir`` becomes the problems with ``settings_file``, each in the page's
    language; returns their report, in the build's (``DataProblems.report``)."""
    problems = settings_problems(settings_file, error)
    pages = {*site_dir.rglob("*.html"), site_dir / "404.html"}
    for page in pages:
        page.write_text(problems_document(problems.problems, page_language(page.relative_to(site_dir))), "utf-8")
    return problems.report()


def page_language(path: Path) -> str:
    """The language of a page by its path in the site: a language's own folder, or the default's."""
    first = path.parts[0] if len(path.parts) > 1 else ""
    return first if first in LANGUAGES else DEFAULT_LANGUAGE
