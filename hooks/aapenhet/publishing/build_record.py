"""What a built site/ was made from, so that CI deploys exactly what the gate passed.

A strict build that MkDocs does not refuse writes ``build.json`` beside its pages: the address it was
built for, the form service it posts to, and a digest of everything it was built from (``mkdocs.yml``,
``docs/``, ``data/``, and the tool: ``overrides/`` and ``hooks/``).
``aapenhet gate --built site/`` refuses a site/ built for another address, with another form, or
from other files than the ones it judged — a stale site/, or one built in another step or run.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from aapenhet.form.settings import FormSettings
from aapenhet.languages import LOG_LANGUAGE
from aapenhet.words import message

BUILD_RECORD = "build.json"
_SOURCES = ("mkdocs.yml", "docs", "data", "overrides", "hooks")


def source_digest(project: Path) -> str:
    """SHA-256 over every file the site is built from, by path and content (data/schemas/ aside)."""
    digest = hashlib.sha256()
    for name in _SOURCES:
        root = project / name
        files = sorted(path for path in root.rglob("*") if path.is_file()) if root.is_dir() else [root]
        for path in files:
            relative = path.relative_to(project).as_posix()
            if relative.startswith("data/schemas/") or "__pycache__" in path.parts or not path.is_file():
                continue
            digest.update(relative.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def build_record(project: Path, site_url: str, form: FormSettings) -> dict[str, object]:
    return {
        "site_url": site_url,
        "form_endpoint": form.endpoint,
        "form_provider": form.provider.value,
        "sources_sha256": source_digest(project),
    }


def write_build_record(site_dir: Path, record: dict[str, object]) -> None:
    (site_dir / BUILD_RECORD).write_text(json.dumps(record, indent=2) + "\n", encoding="utf-8")


def built_site_problems(
    site_dir: Path, project: Path, site_url: str | None, form: FormSettings | list[str]
) -> list[str]:
    """Why ``site_dir`` is not the site the gate judged; empty when it is."""
    where = f"{site_dir}/{BUILD_RECORD}"
    try:
        built = json.loads((site_dir / BUILD_RECORD).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return [message("built.no_record", LOG_LANGUAGE, record=where, site=site_dir)]
    problems = []
    if site_url is not None and _with_slash(str(built.get("site_url"))) != _with_slash(site_url):
        problems.append(
            message(
                "built.other_site_url", LOG_LANGUAGE, record=where, built=built.get("site_url"), now=site_url.strip()
            )
        )
    if isinstance(form, FormSettings) and (built.get("form_endpoint"), built.get("form_provider")) != (
        form.endpoint,
        form.provider.value,
    ):
        problems.append(
            message("built.other_form", LOG_LANGUAGE, record=where, built=built.get("form_endpoint"), now=form.endpoint)
        )
    if built.get("sources_sha256") != source_digest(project):
        problems.append(message("built.other_files", LOG_LANGUAGE, record=where))
    return problems


def _with_slash(url: str) -> str:
    """MkDocs ends site_url with a slash; an address given without one (actions/configure-pages) is the same."""
    url = url.strip()
    return url if url.endswith("/") else url + "/"
