"""Placeholders: ``<!-- aapenhet:NAME -->`` in a page of ``docs/`` stands for a block of facts.

``PLACEHOLDERS`` is the one list of names; each is rendered by ``templates/NAME.html``. A
placeholder is exact or an error: an HTML comment that looks like one but is not exactly one (other
case, spaces, an unknown name) would otherwise stay an invisible comment, and a section of the
statement would silently be missing. So would one that is in one language's page but not in the
other's.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Mapping

from aapenhet.source.problems import Problem
from aapenhet.words import Wording, verbatim, wording

PLACEHOLDERS = (
    "summary",
    "risk_overview",
    "key_figures",
    "statement_header",
    "company_profile",
    "policies_and_guidelines",
    "due_diligence_method",
    "routines",
    "partner_criteria",
    "risks",
    "actual_impacts",
    "supplier_follow_up",
    "country_risk_table",
    "supplier_table",
    "risks_not_exposed",
    "measures",
    "commitments",
    "revisions",
    "signatures",
    "innsynskrav_contact",
    "innsynskrav_form",
)
# The placeholder whose page loads the form's script.
FORM_PLACEHOLDER = "innsynskrav_form"
# The placeholders whose headings have permalinks and belong in the page's table of contents.
TOC_PLACEHOLDERS = ("supplier_follow_up", "risks", "risks_not_exposed")

# Exactly one placeholder: one space inside each end of the comment, the lower-case prefix, a name.
EXACT = re.compile(r"<!-- aapenhet:(?P<name>[a-z_]+) -->")
# A comment that is only the prefix and a name, in any spelling: Aapenhet, åpenhet, spaces, no colon.
# (A comment with other words in it is an editor's note, not a placeholder attempt.)
_LOOKS_LIKE = re.compile(r"<!--\s*(?:aa|å)penhet\b\s*[:;.]?\s*[\w-]*\s*-->", re.IGNORECASE)
# The same start on a line that does not close the comment ("->", "--", nothing): Markdown would read
# the rest of the page as a comment and hide it.
_OPENED = re.compile(r"<!--\s*(?:aa|å)penhet\b\s*[:;.]?\s*[\w-]*(?P<rest>[^\n]*)$", re.IGNORECASE | re.MULTILINE)
_NAME_WRITTEN = re.compile(r"penhet\s*[:;.]?\s*([\w-]+)", re.IGNORECASE)


def placeholders_in(markdown: str) -> list[str]:
    """The names of the exact placeholders in a page, in order."""
    return [match.group("name") for match in EXACT.finditer(markdown) if match.group("name") in PLACEHOLDERS]


def placeholder_problems(markdown: str, page_path: str) -> list[Problem]:
    """Every comment in a page that looks like a placeholder but is not exactly a known one."""
    problems = []
    for match in _LOOKS_LIKE.finditer(markdown):
        exact = EXACT.fullmatch(match.group(0))
        if exact is not None and exact.group("name") in PLACEHOLDERS:
            continue
        line, column = _position(markdown, match.start())
        problems.append(Problem(page_path, line, column, "", _not_exact(match.group(0), exact)))
    for match in EXACT.finditer(markdown):
        line_start = markdown.rfind("\n", 0, match.start()) + 1
        line_end = markdown.find("\n", match.end())
        if markdown[line_start : len(markdown) if line_end < 0 else line_end].rstrip() != match.group(0):
            line, column = _position(markdown, match.start())
            problems.append(
                Problem(
                    page_path,
                    line,
                    column,
                    "",
                    (wording("placeholder.not_alone", placeholder=match.group(0))),
                )
            )
    for match in _OPENED.finditer(markdown):
        rest = match.group("rest")
        if "-->" in match.group(0) or rest.strip(" \t-!>"):
            continue  # closed on its line (a near miss above, or exact), or an editor's note
        line, column = _position(markdown, match.start())
        written = match.group(0).strip()
        known = _did_you_mean(written)
        meant = verbatim(known) if known else wording("placeholder.name_word")
        problems.append(
            Problem(
                page_path,
                line,
                column,
                "",
                (wording("placeholder.not_closed", written=written, meant=meant)),
            )
        )
    return sorted(problems)


def _not_exact(written: str, exact: re.Match[str] | None) -> Wording:
    """A comment that looks like a placeholder: what it is, what was meant if that is clear, and what
    a placeholder is."""
    if exact is not None:
        what = wording("placeholder.unknown", name=exact.group("name"))
    else:
        what = wording("placeholder.not_as_written", written=" ".join(written.split()))
    meant = _did_you_mean(written)
    hint = wording("placeholder.did_you_mean", meant=meant) if meant else verbatim("")
    return wording("placeholder.not_exact", what=what, hint=hint, names=", ".join(PLACEHOLDERS))


def placeholder_parity_problems(pages: Mapping[str, str], shown_as: Callable[[str], str]) -> list[Problem]:
    """A placeholder in one language's version of a page but not in another's.

    ``pages`` maps each language to that version's Markdown; ``shown_as`` names its file.
    """
    found = {language: placeholders_in(markdown) for language, markdown in pages.items()}
    problems = []
    for language, names in found.items():
        for other, other_names in found.items():
            for name in dict.fromkeys(names):
                if name not in other_names:
                    markdown = pages[language]
                    line, column = _position(markdown, markdown.index(f"<!-- aapenhet:{name} -->"))
                    problems.append(
                        Problem(
                            shown_as(language),
                            line,
                            column,
                            "",
                            wording(
                                "placeholder.not_in_other_language", name=name, other_page=shown_as(other), other=other
                            ),
                        )
                    )
    return problems


def fill_placeholders(page_html: str, render: Callable[[str], str]) -> str:
    """Replace each placeholder in a page's HTML (Markdown keeps a comment on its own line as it is)
    with ``render(name)``'s HTML.

    Call ``placeholder_problems`` first: only exact, known placeholders are replaced here.
    """
    return EXACT.sub(
        lambda match: render(match.group("name")) if match.group("name") in PLACEHOLDERS else match.group(0), page_html
    )


def _did_you_mean(comment: str) -> str | None:
    """The known name closest to the one written, if one is close."""
    written = _NAME_WRITTEN.search(comment)
    if written is None:
        return None
    name = written.group(1).casefold().replace("-", "_")
    close = difflib.get_close_matches(name, PLACEHOLDERS, n=1, cutoff=0.75)
    return close[0] if close else None


def _position(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, column
