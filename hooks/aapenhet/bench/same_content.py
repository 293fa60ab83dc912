"""The same-content baseline: the statement's own pages, as Markdown, built by bare Material.

The plain baseline (baseline.py) has as many pages and a row per supplier and product line, but far
less text and far fewer headings than the statement's site (0.79 MB of page content against 5.81 MB
at 2,000 suppliers). This one takes every page the statement's build wrote, in every language, turns
its content (the article, without the theme around it) into Markdown with its headings, lists, tables
and links, and builds that with the project's theme and i18n settings and nothing of the project's
own: no hooks, no overrides, no data. What the statement's build costs beyond it is the price of
making the content, not of publishing it. Like the statement's site, it has no search.

Needs ``markdownify`` (the test extra: ``pip install -e '.[test]'``).
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml

from aapenhet.bench.baseline import baseline_config
from aapenhet.languages import DEFAULT_LANGUAGE, LANGUAGES


def write_same_content_baseline(folder: Path, project_config: Mapping[str, Any], site_dir: Path) -> Path:
    """The baseline project in ``folder`` from the statement's built ``site_dir``; returns its mkdocs.yml."""
    config = baseline_config(project_config)
    config["plugins"] = [plugin for plugin in config["plugins"] if plugin != "search"]
    for plugin in config["plugins"]:
        if isinstance(plugin, dict) and "i18n" in plugin:
            plugin["i18n"]["reconfigure_search"] = False
    folder.mkdir(parents=True, exist_ok=True)
    config_file = folder / "mkdocs.yml"
    config_file.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    write_same_content_docs(folder / "docs", site_dir)
    return config_file


def write_same_content_docs(docs: Path, site_dir: Path) -> list[Path]:
    """Each page of ``site_dir`` (``PATH/index.html``, in each language's folder) as ``PATH.md`` (or
    ``index.md``) in the default language and ``PATH.LANG.md`` in the others. Returns the files written."""
    from bs4 import BeautifulSoup
    from markdownify import markdownify

    others = [language for language in LANGUAGES if language != DEFAULT_LANGUAGE]
    written = []
    for page in sorted(site_dir.rglob("index.html")):
        parts = page.relative_to(site_dir).parts[:-1]
        language = parts[0] if parts and parts[0] in others else DEFAULT_LANGUAGE
        path = parts[1:] if language != DEFAULT_LANGUAGE else parts
        article = BeautifulSoup(page.read_bytes(), "lxml").select_one("article")
        if article is None:
            continue
        for permalink in article.select("a.headerlink"):
            permalink.decompose()
        name = "/".join(path) if path else "index"
        target = docs / (f"{name}.md" if language == DEFAULT_LANGUAGE else f"{name}.{language}.md")
        target.parent.mkdir(parents=True, exist_ok=True)
        # Links between pages become links to nowhere in the baseline: MkDocs only reports them.
        target.write_text(markdownify(str(article), heading_style="ATX"), encoding="utf-8")
        written.append(target)
    return written
