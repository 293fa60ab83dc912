"""Checks on the Markdown pages in ``docs/``, once per build, before any page is rendered.

Each page exists in every language (``x.md`` and ``x.en.md``); its placeholders are exact; and each
language's version of a page has the same placeholders, so no language lacks a part of the statement.
"""

from __future__ import annotations

from pathlib import Path

from aapenhet.rendering.placeholders import placeholder_parity_problems, placeholder_problems
from aapenhet.source.problems import Problem


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


def untranslated_pages(docs_dir: Path, languages: list[str], default: str) -> list[str]:
    """Messages for pages that lack a translation (``x.md`` without ``x.en.md``, or the reverse).

    The i18n plugin would silently show the Norwegian page on the English site instead.
    """
    messages = []
    for base, found in page_versions(docs_dir, languages, default).items():
        for language in languages:
            if language not in found:
                wanted = f"{base}.md" if language == default else f"{base}.{language}.md"
                present = ", ".join(sorted(found))
                messages.append(f"docs/{wanted} is missing: the page exists only in {present} — add the translation")
    return messages


def docs_problems(docs_dir: Path, languages: list[str], default: str) -> list[Problem]:
    """Placeholders that are not exact, and placeholders in one language's page but not another's."""
    problems: list[Problem] = []
    for versions in page_versions(docs_dir, languages, default).values():
        pages = {language: path.read_text(encoding="utf-8") for language, path in versions.items()}

        def shown_as(language: str, versions: dict[str, Path] = versions) -> str:
            return f"docs/{versions[language].relative_to(docs_dir).as_posix()}"

        for language, markdown in pages.items():
            problems += placeholder_problems(markdown, shown_as(language))
        problems += placeholder_parity_problems(pages, shown_as)
    return problems
