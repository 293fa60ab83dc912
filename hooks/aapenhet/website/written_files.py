"""Files the build writes beside the pages, once every language is built: ``_headers`` and 404 pages."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path

from aapenhet.website.addresses import Site
from aapenhet.website.security import headers_file


def write_site_files(
    site_dir: Path,
    site: Site,
    *,
    form_origin: str | None,
    script_hashes: Iterable[str],
    not_found_pages: Mapping[str, str],
) -> None:
    """``_headers`` (the pages' policy, for hosts that read it) and each language's ``404.html``.

    The host serves the root ``404.html`` for any missing address; hosts that look for the nearest
    ``404.html`` (Cloudflare Pages) serve ``en/404.html`` under ``/en/``. Every language's build
    writes ``site/404.html``, so the pages are kept as each language rendered them and put here.
    """
    (site_dir / "_headers").write_text(headers_file(form_origin, script_hashes), encoding="utf-8")
    for language, page in not_found_pages.items():
        (site_dir / site.language_prefix(language) / "404.html").write_text(page, encoding="utf-8")
