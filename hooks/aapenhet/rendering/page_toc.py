"""A page's table of contents, read from its finished HTML.

The statement's blocks are rendered straight into the page's HTML after Markdown has converted it
(``placeholders.fill_placeholders``), so Markdown's toc extension never sees the headings in them.
Every heading with a permalink (``<a class="headerlink">``, which the toc extension adds to the
page's own headings and the templates add to theirs) belongs in the table of contents; the others
(a block's small headings) do not. The HTML is the page's own (Markdown's output and the package's
templates), so a pattern reads it faster than a parser, which matters on a page of thousands of
suppliers.
"""

from __future__ import annotations

import html
import re
from typing import Any

from markdown.extensions.toc import nest_toc_tokens

# A whole heading element with an id; only those whose content has a permalink are kept.
_HEADING = re.compile(r'<h(?P<level>[1-6]) id="(?P<id>[^"]+)"[^>]*>(?P<content>.*?)</h(?P=level)>', re.DOTALL)
_PERMALINK = '<a class="headerlink"'
_TAG = re.compile(r"<[^>]+>")


def toc_tokens(page_html: str) -> list[Any]:
    """The headings with a permalink, nested as Markdown's toc extension nests its own (``toc_tokens``)."""
    flat: list[Any] = [
        {
            "level": int(match.group("level")),
            "id": match.group("id"),
            # Markdown's toc gives the heading's text escaped, and the theme writes it as it is.
            "name": html.escape(
                html.unescape(_TAG.sub("", match.group("content").split(_PERMALINK)[0])).strip(), quote=False
            ),
            "children": [],
        }
        for match in _HEADING.finditer(page_html)
        if _PERMALINK in match.group("content")
    ]
    return nest_toc_tokens(flat)
