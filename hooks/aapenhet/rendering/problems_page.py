"""The page ``mkdocs serve`` shows in place of every page while the data or a page is wrong.

A failed build leaves MkDocs' preview server waiting for a good one, so the editor's browser just
hangs; under ``serve`` the build goes on instead and every page shows the located problems (the
terminal prints them too). Saving the fixed file rebuilds and the live-reload script brings the
site back. A built site never gets here: ``mkdocs build`` stops on the first problem report.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable

from jinja2 import Environment
from markupsafe import Markup

from aapenhet.rendering.renderer import template_environment
from aapenhet.source.problems import Problem
from aapenhet.words import message


@functools.cache
def _environment() -> Environment:
    """One for the process: the page is rendered for every page of every preview build with problems."""
    return template_environment()


def problems_page(problems: Iterable[Problem], language: str) -> str:
    """The page's content (HTML) listing ``problems`` in ``language``, each at its file:line:col."""
    listed = sorted(set(problems))
    template = _environment().get_template("problems_page.html")
    return template.render(
        language=language,
        words={
            "title": message("problems_page.title", language),
            "count": message("problems_page.count_one", language)
            if len(listed) == 1
            else message("problems_page.count_many", language, count=len(listed)),
            "intro": message("problems_page.intro", language),
            "guide": message("problems_page.guide", language),
        },
        problems=[
            {
                "where": f"{problem.file}:{problem.line}:{problem.column}",
                "path": problem.path,
                "message": problem.message_in(language),
            }
            for problem in listed
        ],
    ).strip()


def problems_document(problems: Iterable[Problem], language: str) -> str:
    """A whole HTML page listing ``problems``, without the theme: for when mkdocs.yml, which names
    the theme, cannot be read."""
    content = Markup(problems_page(problems, language))
    title = message("problems_page.title", language)
    return _environment().get_template("problems_document.html").render(language=language, title=title, content=content)
