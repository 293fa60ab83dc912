"""Checks on the Markdown pages in ``docs/``: each page must exist in every language."""

from __future__ import annotations

from pathlib import Path


def untranslated_pages(docs_dir: Path, languages: list[str], default: str) -> list[str]:
    """Messages for pages that lack a translation (``x.md`` without ``x.en.md``, or the reverse).

    The i18n plugin would silently show the Norwegian page on the English site instead.
    """
    variants: dict[str, set[str]] = {}
    for path in docs_dir.rglob("*.md"):
        relative = path.relative_to(docs_dir).as_posix()
        stem, _, suffix_language = relative.removesuffix(".md").rpartition(".")
        language = suffix_language if stem and suffix_language in languages else default
        base = stem if stem and suffix_language in languages else relative.removesuffix(".md")
        variants.setdefault(base, set()).add(language)
    messages = []
    for base, found in sorted(variants.items()):
        for language in languages:
            if language not in found:
                wanted = f"{base}.md" if language == default else f"{base}.{language}.md"
                present = ", ".join(sorted(found))
                messages.append(f"docs/{wanted} is missing: the page exists only in {present} — add the translation")
    return messages
