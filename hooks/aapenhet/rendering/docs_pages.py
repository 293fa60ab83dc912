"""Checks on the Markdown pages in ``docs/``, once per build, before any page is rendered.

Each page exists in every language (``x.md`` and ``x.en.md``) and is not empty; its placeholders are
exact; each language's version of a page has the same placeholders, so no language lacks a part of
the statement; and every title in ``nav`` has its translation.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from aapenhet.rendering.placeholders import placeholder_parity_problems, placeholder_problems
from aapenhet.source.pages import unreadable_pages
from aapenhet.source.problems import Problem
from aapenhet.source.yaml_source import SourceMap
from aapenhet.words import Wording, wording


def page_versions(docs_dir: Path, languages: list[str], default: str) -> dict[str, dict[str, Path]]:
    """Every page, by its name without language suffix (``redegjorelse``), and its file per language."""
    versions: dict[str, dict[str, Path]] = {}
    for path in sorted(docs_dir.rglob("*.md")):
        relative = path.relative_to(docs_dir).as_posix().removesuffix(".md")
        stem, _, suffix = relative.rpartition(".")
        if stem and suffix in languages:
            versions.setdefault(stem, {})[suffix] = path
        else:
            versions.setdefault(relative, {})[default] = path
    return versions


def untranslated_pages(docs_dir: Path, languages: list[str], default: str) -> list[Problem]:
    """Pages that lack a translation (``x.md`` without ``x.en.md``, or the reverse), located at the
    version that exists: the i18n plugin would silently show the Norwegian page on the English site."""
    problems = []
    for base, found in page_versions(docs_dir, languages, default).items():
        for language in languages:
            if language not in found:
                wanted = f"{base}.md" if language == default else f"{base}.{language}.md"
                present = ", ".join(sorted(found))
                existing = found[sorted(found)[0]].relative_to(docs_dir).as_posix()
                problems.append(
                    Problem(
                        f"docs/{existing}",
                        1,
                        1,
                        "",
                        wording("pages.untranslated", wanted=wanted, present=present),
                    )
                )
    return problems


def empty_pages(docs_dir: Path) -> list[Problem]:
    """A page with nothing after its front matter would publish as a blank page."""
    problems = []
    for path in sorted(docs_dir.rglob("*.md")):
        text = path.read_bytes().decode("utf-8", errors="replace")
        body = text.split("---", 2)[2] if text.startswith("---") and text.count("---") >= 2 else text
        if not body.strip():
            problems.append(
                Problem(
                    f"docs/{path.relative_to(docs_dir).as_posix()}",
                    1,
                    1,
                    "",
                    wording("pages.empty"),
                )
            )
    return problems


# A script in a page would run with the site's own rights (its hash joins the page's policy): pages are
# text, and the site's scripts come from the tool, never from an editor's Markdown or front matter. So
# is all that runs or loads code: event-handler attributes (in HTML, or in attr_list's {: …}), links
# to javascript:, vbscript: or data: addresses, and elements that embed or redirect.
_ACTIVE_CONTENT = (
    (re.compile(r"<\s*/?\s*script\b", re.IGNORECASE), "active_content.script"),
    (
        re.compile(r"(?:<[a-z][^>]*?[\s/\"']|\{:?\s*(?:[^}\n]*?\s)?)on[a-z]+\s*=", re.IGNORECASE),
        "active_content.event_handler",
    ),
    (re.compile(r"\b(?:java|vb)script\s*:", re.IGNORECASE), "active_content.script_address"),
    (re.compile(r"(?:\]\(|\]:[ \t]*|=\s*[\"']?)\s*<?data\s*:", re.IGNORECASE), "active_content.data_address"),
    (re.compile(r"<\s*(?:iframe|object|embed|meta|base|frame|frameset)\b", re.IGNORECASE), "active_content.embedding"),
    # Not code, but never text either: NUL, ESC and the like would reach the page as they are.
    (re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]"), "active_content.control_character"),
)


def script_problems(markdown: str, shown_as: str) -> list[Problem]:
    """Everything in a page (its text or its front matter) that would run or load code, where it is."""
    problems = []
    for pattern, what in _ACTIVE_CONTENT:
        for match in pattern.finditer(markdown):
            line = markdown.count("\n", 0, match.start()) + 1
            column = match.start() - (markdown.rfind("\n", 0, match.start()) + 1) + 1
            problems.append(
                Problem(
                    shown_as,
                    line,
                    column,
                    "",
                    wording("pages.active_content", what=wording(what)),
                )
            )
    return sorted(problems)


def docs_problems(docs_dir: Path, languages: list[str], default: str) -> list[Problem]:
    """Pages missing in a language or empty; placeholders not exact, or in one language's page only;
    a script written in a page."""
    unreadable = unreadable_pages(docs_dir)
    if unreadable:
        return unreadable  # the other checks read the pages' text
    problems = untranslated_pages(docs_dir, languages, default) + empty_pages(docs_dir)
    for versions in page_versions(docs_dir, languages, default).values():
        pages = {language: path.read_text(encoding="utf-8") for language, path in versions.items()}

        def shown_as(language: str, versions: dict[str, Path] = versions) -> str:
            return f"docs/{versions[language].relative_to(docs_dir).as_posix()}"

        for language, markdown in pages.items():
            problems += placeholder_problems(markdown, shown_as(language))
            problems += script_problems(markdown, shown_as(language))
        problems += placeholder_parity_problems(pages, shown_as)
    return problems


def untranslated_nav_titles(
    nav: list[Any], translations: dict[str, dict[str, str]], settings: SourceMap
) -> list[Problem]:
    """Every title in ``nav`` needs its title in each other language, or that language's menu shows
    the Norwegian one. ``translations``: each other language's ``nav_translations``."""
    problems = []
    for index, entry in enumerate(nav):
        if not isinstance(entry, dict):
            continue
        for title in entry:

            def problem(said: Wording, index: int = index, title: str = title) -> Problem:
                line, column = settings.locate(("nav", index, title), at_key=True)
                return Problem(settings.file, line, column, f"nav[{index}]", said)

            if any(char in str(title) for char in "<>"):
                problems.append(problem(wording("nav.title_not_plain", title=title)))
            target = str(entry[title])
            if re.match(r"\s*(?:java|vb)script\s*:|\s*data\s*:", target, re.IGNORECASE):
                problems.append(problem(wording("nav.target_is_script", target=target)))
            problems += [
                problem(wording("nav.translated_title_not_plain", title=known[title], language=language))
                for language, known in translations.items()
                if title in known and any(char in str(known[title]) for char in "<>")
            ]
            problems += [
                problem(wording("nav.title_untranslated", title=title, language=language))
                for language, known in translations.items()
                if title not in known
            ]
    return problems
