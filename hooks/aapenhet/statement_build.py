"""One build of the statement site: everything loaded once, and what each language's pass adds.

static-i18n builds the default language, then every other language inside the default language's
build. A ``StatementBuild`` is made at the start of the first pass (the data, labels, form settings
and pages are read and checked once) and is reused by the later passes; it gathers what has to be
written once at the very end: the inline-script hashes of every page and each language's 404 page.
Nothing here imports MkDocs: ``hooks/statement_site.py`` adapts MkDocs' events to it.
"""

from __future__ import annotations

import datetime
import functools
import gc
import hashlib
import logging
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Protocol, TypeVar

from aapenhet.form.settings import form_origin, load_form_settings
from aapenhet.languages import DEFAULT_LANGUAGE, LANGUAGES, LOG_LANGUAGE
from aapenhet.model import kept_cache
from aapenhet.model.changes import Changes
from aapenhet.model.check import check_statement
from aapenhet.model.history import (
    HISTORY_FOLDER,
    Version,
    earlier_version_problems,
    load_history,
    published_record_name,
)
from aapenhet.model.loader import LoadedStatement, forget_loaded_files, load_statement, unlocated
from aapenhet.model.signed_pdf import signed_pdf
from aapenhet.publishing.build_record import build_record, write_build_record
from aapenhet.publishing.checksums import CHECKSUMS_FILE, checksums, sha256_of
from aapenhet.publishing.datapackage import FileDigest
from aapenhet.publishing.export import (
    MACHINE_READABLE_NAMES,
    FileMaker,
    digesting,
    digests_of,
    machine_readable_files,
    machine_readable_makers,
    whole,
)
from aapenhet.publishing.feed import FEED_FILE, FEED_LABELS, atom_feed, published_versions
from aapenhet.publishing.history_export import CHANGES_FILE, HISTORY_FILE, changes_json, history_json
from aapenhet.publishing.pdf import PDF_FILE, PDF_JOBS, PdfJob
from aapenhet.publishing.published_record import record_problems, recorded_json, recorded_schema
from aapenhet.publishing.structured_data import archive_jsonld, report_jsonld
from aapenhet.rendering.docs_pages import docs_problems, untranslated_nav_titles
from aapenhet.rendering.labels import load_labels
from aapenhet.rendering.made_pages import MadePage, made_pages
from aapenhet.rendering.placeholders import FORM_PLACEHOLDER, TOC_PLACEHOLDERS, fill_placeholders, placeholders_in
from aapenhet.rendering.problems_page import problems_page
from aapenhet.rendering.renderer import KeptForPreview, Renderer, make_renderer
from aapenhet.source.pages import page_texts
from aapenhet.source.problems import DataProblems, Problem, report_language
from aapenhet.source.yaml_source import SourceMap, parse_yaml
from aapenhet.view.versions import (
    VersionView,
    has_archive,
    version_changes,
    version_views,
)
from aapenhet.website.addresses import ARCHIVE_PAGE, CHANGES_PAGE, STATEMENT_PAGE, Site, address_characters_problem
from aapenhet.website.security import (
    INLINE_SCRIPTS_TOKEN,
    REFERRER_POLICY,
    SERVE_INLINE_SCRIPTS,
    content_security_policy,
    fill_inline_script_hashes,
)
from aapenhet.website.seo import SitemapEntry, open_graph_locale, robots_txt, sitemap_entries
from aapenhet.website.written_files import write_site_files
from aapenhet.words import message, wording

T = TypeVar("T")


@dataclass(frozen=True)
class PageContent:
    """A page's HTML once its placeholders are filled, and what the page's shell needs to know."""

    html: str
    # The page's table of contents is read again from ``html`` (its headings came from templates);
    # False: MkDocs' own is right.
    headings_from_html: bool = False
    has_form: bool = False  # the theme loads the form's script on this page only


class SiteBuild(Protocol):
    """What the hook asks of a build, whichever it is: the statement's (``StatementBuild``) or, under
    ``mkdocs serve`` while the data or pages are wrong, the problems shown in their place
    (``ProblemsBuild``). The hook never asks which."""

    languages_built: list[str]
    # False: the pages in docs/ are not read (they may be what is wrong), not even by MkDocs.
    reads_pages: bool

    @property
    def site(self) -> Site: ...
    def file_makers(self, language: str) -> dict[str, FileMaker]: ...
    def let_go_of_language(self, language: str) -> None: ...
    def let_go_of_languages(self, languages: list[str]) -> None: ...
    def made_page_sources(self, language: str) -> dict[str, tuple[str, dict[str, str]]]: ...
    def page_content(self, src_uri: str, html: str, language: str) -> PageContent | None: ...
    def theme_context(self, language: str) -> dict[str, object]: ...
    def page_context(self, src_uri: str, url: str, language: str, robots: str) -> dict[str, object]: ...
    def not_found_context(self, language: str, language_names: dict[str, str]) -> dict[str, object]: ...
    def sitemap_entries(self, language: str) -> list[SitemapEntry]: ...
    def finished_page(self, html: str, *, not_found_in: str | None = None) -> str: ...
    def finish(self, site_dir: Path, *, record: bool) -> None: ...
    def made_page_addresses(self) -> dict[str, dict[str, dict[str, str]]]: ...
    def announce(self, log: logging.Logger | logging.LoggerAdapter[logging.Logger]) -> None: ...


@dataclass
class Process:
    """The one owner of the state the hook keeps between MkDocs' events: what this process was started
    for (``serve``, a live preview, or a build; MkDocs says so once, before the first build, and
    ``mkdocs serve`` then rebuilds in the same process, with fresh hooks), the build in progress and
    the last good site/ set aside."""

    command: str = "build"
    dirty: bool = False  # ``--dirty``: site/ is built over, not anew
    # The build in progress: made by the first language's on_config, so never older than this build.
    build: SiteBuild | None = None
    # The last good site/, moved aside while this build writes a new one.
    last_good: Path | None = None
    # Under serve with live reload, from the first rebuild: the files beside the pages are written
    # empty, and the server makes each when it is asked for (website/preview.py) with what is here,
    # by its path from the site's root.
    serves_made_on_request: bool = False
    made_on_request: dict[str, FileMaker] = field(default_factory=dict)
    # Under serve: the last rebuild's suppliers and their entries, made again only where an edit changed them.
    kept: KeptForPreview = field(default_factory=KeptForPreview)

    @property
    def serving(self) -> bool:
        return self.command == "serve"

    def begin(self, **settings: Any) -> SiteBuild:
        """The build for this run of MkDocs (``start_build``'s ``settings``). Wrong data or pages raise
        ``DataProblems``, except under ``serve``: the preview would hang until a good build, so every
        page shows the problems instead, at the addresses the last good build had."""
        previous, self.build, self.last_good = self.build, None, None
        last_made_pages = previous.made_page_addresses() if previous is not None else {}
        self.made_on_request = {}
        gc.unfreeze()  # what the last build kept (mkdocs serve) may be collected again
        if previous is not None:
            # The last build (mkdocs serve) is in reference cycles (its views name it back), which the
            # collector, off until the next freeze, would never break: every rebuild's data would stay.
            for language in previous.site.languages:
                previous.let_go_of_language(language)
            del previous
        gc.disable()  # reading the data makes millions of objects and few cycles: no collection meanwhile
        try:
            build = start_build(serving=self.serving, kept=self.kept if self.serving else None, **settings)
            if not self.serving:
                build.let_go_of_positions()
            # The data lives as long as the build and is millions of objects at scale: Python's cyclic
            # collector went through all of it again and again (two thirds of writing statement.json
            # with 10,000 suppliers). Frozen, it is left alone; only what the build makes from here is
            # collected. Frozen before the collector is on again, or its first run walks all of it
            # once more (each kept year's data too).
            gc.freeze()
        except DataProblems as problems:
            if not self.serving:
                raise
            self.build = ProblemsBuild(
                problems,
                site=Site(
                    url=settings["site_url"] or "",
                    default_language=settings["default_language"],
                    languages=tuple(settings["languages"]),
                ),
                made_pages=last_made_pages,
            )
            return self.build
        finally:
            gc.enable()
        self.build = build
        return build


PROCESS = Process()


def script_sources(serving: bool) -> list[str]:
    """The page's inline scripts by their hashes, filled in once the page is built. Under ``mkdocs
    serve`` only, any inline script: MkDocs injects its live-reload script after the page is built,
    so no hash can name it, and without it the open page never reloads by itself."""
    return [SERVE_INLINE_SCRIPTS] if serving else [INLINE_SCRIPTS_TOKEN]


def shown_until_fixed(language: str) -> str:
    """The line under the problems the terminal prints while the preview shows them on every page."""
    return message("preview.shown_until_fixed", language)


@dataclass
class ProblemsBuild:
    """Under ``mkdocs serve`` only, while the data or a page is wrong: every page, every file and the
    404 page show the located problems (the terminal prints them too) until the editor saves the fix.
    The pages the last good build made from the data are still there, so the one open in the
    editor's browser shows the problems and reloads when they are fixed."""

    problems: DataProblems
    site: Site
    # By language: each made page's source path and its address in each language.
    made_pages: dict[str, dict[str, dict[str, str]]]
    languages_built: list[str] = field(default_factory=list)
    reads_pages: bool = False

    def file_makers(self, language: str) -> dict[str, FileMaker]:
        # The pages still link to the files: each holds the problems, in its language, until the data is fixed.
        return {name: whole(lambda: self.problems.report(language).encode("utf-8")) for name in MACHINE_READABLE_NAMES}

    def let_go_of_language(self, language: str) -> None:
        """Nothing is made per language: the problems are the same in every pass."""

    def let_go_of_languages(self, languages: list[str]) -> None:
        """As ``let_go_of_language``."""

    def made_page_sources(self, language: str) -> dict[str, tuple[str, dict[str, str]]]:
        return {src_uri: ("", urls) for src_uri, urls in self.made_pages.get(language, {}).items()}

    def page_content(self, src_uri: str, html: str, language: str) -> PageContent:
        # The page's own headings are not on the problems page: its table of contents is emptied.
        return PageContent(problems_page(self.problems.problems, language), headings_from_html=True)

    def theme_context(self, language: str) -> dict[str, object]:
        """No data to draw the banner or the head's links from."""
        return {
            "aapenhet_draft_banner": "",
            "aapenhet_print_address_label": "",
            "aapenhet_csp": content_security_policy(None, script_sources(serving=True)),
            "aapenhet_referrer_policy": REFERRER_POLICY,
            "aapenhet_og_locale": "",
            "aapenhet_og_locale_alternates": [],
            "aapenhet_alternates": [],
            "aapenhet_robots": "noindex",
            "aapenhet_feed": None,
        }

    def page_context(self, src_uri: str, url: str, language: str, robots: str) -> dict[str, object]:
        return {"aapenhet_robots": "noindex"}

    def not_found_context(self, language: str, language_names: dict[str, str]) -> dict[str, object]:
        return {
            "aapenhet_not_found": problems_page(self.problems.problems, language),
            "aapenhet_not_found_title": "",
            "aapenhet_language_links": [],
        }

    def sitemap_entries(self, language: str) -> list[SitemapEntry]:
        return []

    def finished_page(self, html: str, *, not_found_in: str | None = None) -> str:
        return html

    def finish(self, site_dir: Path, *, record: bool) -> None:
        """Nothing to write for the whole site: the preview's pages are the problems."""

    def made_page_addresses(self) -> dict[str, dict[str, dict[str, str]]]:
        return self.made_pages

    def announce(self, log: logging.Logger | logging.LoggerAdapter[logging.Logger]) -> None:
        log.warning("%s\n%s", self.problems.report(), shown_until_fixed(report_language()))


@dataclass
class StatementBuild:
    renderer: Renderer
    # The loaded data with where each value is: for the §5 check the build prints.
    loaded: LoadedStatement
    languages_built: list[str] = field(default_factory=list)
    reads_pages: bool = True
    script_hashes: set[str] = field(default_factory=set)
    not_found_pages: dict[str, str] = field(default_factory=dict)
    # Every version of the statement, oldest first, the current one last (just it, without history),
    # and each earlier version's renderer, by its path.
    versions: list[Version] = field(default_factory=list)
    version_renderers: dict[str, Renderer] = field(default_factory=dict)
    # What changed in each version since the one before (made_pages.version_changes).
    changes: list[Changes | None] = field(default_factory=list)
    # What the site is built from and for, written beside it (publishing/build_record.py).
    record: dict[str, object] = field(default_factory=dict)
    # Under ``mkdocs serve``: any inline script is allowed (script_sources).
    serving: bool = False
    # How many things the §5 check finds the statement lacks, for the build's log.
    lacks: int = 0
    # The project's data/: where a kept version's signed PDF is (model/signed_pdf.py), and its record of
    # the statement.json it published (publishing/published_record.py).
    data_dir: Path | None = None
    _made_pages: dict[str, dict[str, MadePage]] = field(default_factory=dict, repr=False)
    _views: dict[str, list[VersionView]] = field(default_factory=dict, repr=False)
    # What makes each version's machine-readable files, by its path and language, and what those made
    # recorded of them (each file's size and SHA-256).
    _machine_readable: dict[tuple[str, str], dict[str, FileMaker]] = field(default_factory=dict, repr=False)
    _digests: dict[tuple[str, str], dict[str, FileDigest]] = field(default_factory=dict, repr=False)
    _file_makers: dict[tuple[str, str, str], FileMaker] = field(default_factory=dict, repr=False)

    @property
    def site(self) -> Site:
        return self.renderer.site

    def with_script_hashes(self, html: str) -> str:
        """``html`` with its policy allowing exactly its own inline scripts; the hashes are kept."""
        html, hashes = fill_inline_script_hashes(html)
        self.script_hashes.update(hashes)
        return html

    def version_views(self, language: str) -> list[VersionView]:
        """Every version as the pages and files in ``language`` name it, oldest first: once per language."""
        if language not in self._views:
            self._views[language] = version_views(
                self.versions,
                self.changes,
                lambda version: self.renderer_for(version).view(language),
                language,
                lambda key: self.renderer.label(key, language),
            )
        return self._views[language]

    def renderer_for(self, version: Version) -> Renderer:
        """The renderer of ``version``'s data: the current statement's, or an earlier version's."""
        return self.version_renderers.get(version.path, self.renderer)

    def made_pages(self, language: str) -> dict[str, MadePage]:
        """The pages made from the data in ``language`` (made_pages.py), by source path."""
        if language not in self._made_pages:
            self._made_pages[language] = made_pages(
                self.renderer, self.version_views(language), self.version_renderers, language
            )
        return self._made_pages[language]

    def history_file_makers(self, language: str) -> dict[str, FileMaker]:
        """Each earlier version's machine-readable files under its path, each version's changes.json,
        and history.json: by path from the language's root, each with what makes it; the current
        statement's files under its permanent address too, once it is published. None before the
        first publication."""
        views = self.version_views(language)
        if not has_archive(views):
            return {}
        makers: dict[str, FileMaker] = {
            HISTORY_FILE: whole(functools.partial(history_json, views, self.site, language))
        }
        if self.has_feed(language):
            makers[FEED_FILE] = whole(functools.partial(self._feed, language))
        for view in views:
            version, address = view.version, view.address
            if view.previous is not None:
                # At a kept version's path, which is its address: among its published files too (_checksums).
                makers[version.path + CHANGES_FILE] = whole(
                    functools.partial(self._changes_file, view, view.previous, language)
                )
            if address:
                for name in MACHINE_READABLE_NAMES:
                    makers[address + name] = self._version_file_maker(version, language, name)
                makers[address + CHECKSUMS_FILE] = whole(functools.partial(self._checksums, view, language))
        return makers

    def _feed(self, language: str) -> bytes:
        feed = atom_feed(
            self.version_views(language),
            self.site,
            language,
            company=self.renderer.view(language).document.company.name,
            t={key: self.renderer.label(key, language) for key in FEED_LABELS},
        )
        assert feed is not None, "has_feed said a version is published"
        return feed

    def _checksums(self, view: VersionView, language: str) -> bytes:
        """The record of what was published at a version's address (publishing/checksums.py). A signed
        PDF is listed here, as the build copies it; a PDF still to be made, by aapenhet pdf."""
        version = view.version
        published = {name: digest.sha256 for name, digest in self._version_digests(version, language).items()}
        if view.previous is not None and view.address == version.path:
            published[CHANGES_FILE] = sha256_of(self._changes_file(view, view.previous, language))
        signed = self.signed_pdf(version, language)
        if signed is not None:
            published[PDF_FILE] = sha256_of(signed.read_bytes())
        return checksums(published)

    def signed_pdf(self, version: Version, language: str) -> Path | None:
        """The signed PDF an editor added to a kept version's folder, in ``language`` (signed_pdf.py)."""
        return signed_pdf(self.data_dir, version, language) if self.data_dir is not None else None

    def pdf_jobs(self) -> list[PdfJob]:
        """Every PDF the pages link, in every language (publishing/pdf.py): the current statement's at
        the language's root, and each published version's at its permanent address."""
        return [job for job, _ in self._pdfs()]

    def _pdfs(self) -> list[tuple[PdfJob, Path | None]]:
        """Each PDF the pages link, with the signed file an editor added for it (None: to be made)."""
        pdfs: list[tuple[PdfJob, Path | None]] = []
        for language in self.site.languages:
            prefix = self.site.language_prefix(language)
            views = self.version_views(language)
            current = views[-1]
            root = PdfJob(
                pdf=prefix + PDF_FILE,
                page=prefix + STATEMENT_PAGE,
                language=language,
                # Printed from the statement page, with the narrative in docs/: it names that page, not
                # the permanent address, whose PDF is printed from the version's own page (another document).
                address=self.site.page_url(STATEMENT_PAGE, language),
                checksums=None,
                date=_iso(current.version.date) if current.address else None,
            )
            pdfs.append((root, None))
            for view in views:
                if not view.address:
                    continue
                signed = self.signed_pdf(view.version, language)
                job = PdfJob(
                    pdf=prefix + view.address + PDF_FILE,
                    page=prefix + view.address,
                    language=language,
                    address=self.site.page_url(view.address, language),
                    checksums=prefix + view.address + CHECKSUMS_FILE,
                    signed=signed is not None,
                    date=_iso(view.version.date),
                )
                pdfs.append((job, signed))
        return pdfs

    def _made_page_html(self, made: MadePage, language: str) -> str:
        """A made page's content: a kept version's pages are rendered once and then read from the cache
        of kept versions (kept_cache.py), under what else they show (the site's address, the form's
        service, the page's place among the versions, the version before it)."""
        view = made.values.get("entry")
        if made.earlier is None or made.earlier.key is None or not isinstance(view, VersionView):
            return made.renderer.render(made.template, language, **made.values)
        shown = (
            self.site.url,
            repr(self.renderer.form),
            made.path,
            view.label,
            view.changes_path,
            view.data_path,
            view.in_force,
            view.previous.version.key if view.previous is not None else None,
        )
        name = f"{language}-{made.template}-{kept_cache.shown_name(*shown)}.html"
        return kept_cache.text_made_once(
            made.earlier.key, name, lambda: made.renderer.render(made.template, language, **made.values)
        )

    def _changes_file(self, view: VersionView, previous: VersionView, language: str) -> bytes:
        """A version's changes.json: between two kept versions, made once and then read from the cache
        of kept versions (it names both versions' things, which never change, at the site's addresses)."""
        key, before = view.version.key, previous.version.key
        if key is None or before is None:
            return changes_json(view, previous, self.site, language)
        shown = (
            self.site.url,
            view.label,
            previous.label,
            view.changes_path,
            previous.changes_path,
            view.in_force,
            previous.in_force,
            before,
        )
        name = f"{language}-changes-{kept_cache.shown_name(*shown)}.json"
        return kept_cache.bytes_made_once(key, name, lambda: changes_json(view, previous, self.site, language))

    def _version_makers(self, version: Version, language: str) -> dict[str, FileMaker]:
        """What makes a version's machine-readable files in ``language``, once per build. The current
        statement's are made as they are written (at its language's root and, once published, at its
        permanent address too); a kept version's are made once and then read from the cache of kept
        versions (kept_cache.py)."""
        makers = self._machine_readable.get((version.path, language))
        if makers is None:
            digests = self._digests.setdefault((version.path, language), {})
            if version.key is None:
                makers = machine_readable_makers(
                    functools.partial(self.renderer_for(version).view, language),
                    labels=self.renderer.labels,
                    digests=digests,
                )
            else:
                makers = digesting(self._kept_version_makers(version, version.key, language), digests)
            self._machine_readable[version.path, language] = makers
        return makers

    def _version_digests(self, version: Version, language: str) -> dict[str, FileDigest]:
        """Each of a version's machine-readable files' size and SHA-256, as written (one not written
        yet is made to be described, and not kept)."""
        makers = self._version_makers(version, language)
        return digests_of(makers, self._digests[version.path, language])

    def _kept_version_makers(self, version: Version, key: str, language: str) -> dict[str, FileMaker]:
        """A kept version's files: read from the cache of kept versions as each is written, or made
        (and stored) when they are not all there."""
        recorded = recorded_json(self.data_dir, version, language) if self.data_dir is not None else None
        schema = recorded_schema(self.data_dir, version) if self.data_dir is not None else None
        # What keep recorded of it is published as it is: the cache's names say which record they hold.
        record = kept_cache.shown_name(recorded, schema) if recorded is not None else "none"

        @functools.cache
        def made() -> dict[str, bytes]:
            files = machine_readable_files(
                self.renderer_for(version).view(language),
                labels=self.renderer.labels,
                published_json=recorded,
                published_schema=schema,
            )
            for name, content in files.items():
                kept_cache.store_bytes(key, f"{language}-{record}-{name}", content)
            return files

        def made_file(name: str) -> bytes:
            return made()[name]

        stored = {
            name: kept_cache.cached_pieces(key, f"{language}-{record}-{name}", functools.partial(made_file, name))
            for name in MACHINE_READABLE_NAMES
        }
        if all(maker is not None for maker in stored.values()):
            return {name: maker for name, maker in stored.items() if maker is not None}
        return {name: whole(functools.partial(made_file, name)) for name in made()}

    def files(self, language: str) -> dict[str, bytes]:
        """``file_makers``' files, made whole."""
        return {path: b"".join(make()) for path, make in self.file_makers(language).items()}

    def file_makers(self, language: str) -> dict[str, FileMaker]:
        """Every file the build writes in ``language`` beside its pages, by path from the language's
        root, with what makes it: the machine-readable statement, ``robots.txt`` (once, at the site's
        root) and the history's files. A build makes each as it writes it; the preview only when it
        is asked for (no page shows them, and they are a good part of a large statement's build)."""
        current = self.versions[-1]
        makers: dict[str, FileMaker] = {
            name: self._version_file_maker(current, language, name) for name in MACHINE_READABLE_NAMES
        }
        if language == self.site.default_language:
            makers["robots.txt"] = whole(lambda: robots_txt(self.site.url).encode("utf-8"))
        return makers | self.history_file_makers(language)

    def _version_file_maker(self, version: Version, language: str, name: str) -> FileMaker:
        """What makes a version's file ``name`` in ``language``: one maker however many places it is
        published at (the current statement's files at the language's root and, once published, at
        its permanent address), so whoever writes it can write it once and copy it."""
        key = (version.path, language, name)
        maker = self._file_makers.get(key)
        if maker is None:
            maker = self._file_makers[key] = functools.partial(self._version_file, version, language, name)
        return maker

    def _version_file(self, version: Version, language: str, name: str) -> Iterator[bytes]:
        return self._version_makers(version, language)[name]()

    def made_page_sources(self, language: str) -> dict[str, tuple[str, dict[str, str]]]:
        """Each made page's Markdown and its address in each language, by its source path."""
        return {src_uri: (page.markdown, page.urls) for src_uri, page in self.made_pages(language).items()}

    def made_page_addresses(self) -> dict[str, dict[str, dict[str, str]]]:
        return {
            language: {src_uri: page.urls for src_uri, page in pages.items()}
            for language, pages in self._made_pages.items()
        }

    def page_content(self, src_uri: str, html: str, language: str) -> PageContent | None:
        """A page's HTML with its blocks of facts: a made page gets its template; each placeholder,
        which Markdown kept as a comment, becomes its rendered block (never read as Markdown: that
        took most of a large build's time). None: the page has nothing to fill in.

        Every page's placeholders were checked when the build started: only exact, known ones are here.
        """
        made = self.made_pages(language).get(src_uri)
        if made is not None:
            return PageContent(html + self._made_page_html(made, language), headings_from_html=True)
        names = placeholders_in(html)
        if not names:
            return None
        return PageContent(
            fill_placeholders(html, lambda name: self.renderer.render(name, language)),
            # Their headings belong in the page's table of contents.
            headings_from_html=any(name in TOC_PLACEHOLDERS for name in names),
            has_form=FORM_PLACEHOLDER in names,
        )

    def theme_context(self, language: str) -> dict[str, object]:
        """What every page's shell shows from the data (overrides/main.html): the draft banner, the
        security policy, the head's links."""
        return {
            "aapenhet_draft_banner": self.renderer.render("draft_banner", language),
            "aapenhet_print_address_label": self.renderer.label("print.address", language),
            "aapenhet_csp": content_security_policy(form_origin(self.renderer.form), script_sources(self.serving)),
            "aapenhet_referrer_policy": REFERRER_POLICY,
            "aapenhet_og_locale": open_graph_locale(language),
            "aapenhet_og_locale_alternates": [
                open_graph_locale(other) for other in self.site.languages if other != language
            ],
            "aapenhet_alternates": [],
            "aapenhet_robots": "",
            "aapenhet_feed": {
                "href": self.site.page_path(FEED_FILE, language),
                "title": self.renderer.label("feed.link_title", language),
            }
            if self.has_feed(language)
            else None,
        }

    def has_feed(self, language: str) -> bool:
        """Whether the build writes the feed: once a version has been published (feed.py)."""
        return bool(published_versions(self.version_views(language)))

    def page_context(self, src_uri: str, url: str, language: str, robots: str) -> dict[str, object]:
        """One page's part of its shell: ``robots`` is what its front matter says; ``url`` is the
        page's, from the site's root (``en/redegjorelse/``)."""
        context: dict[str, object] = {
            "aapenhet_robots": robots,
            "aapenhet_jsonld": self._jsonld(src_uri, url, language),
        }
        made = self.made_pages(language).get(src_uri)
        if made is not None and made.earlier is not None:
            # An earlier statement is not a draft of the current one: say what it is instead. (Its words
            # are the versions', not the earlier version's data: the current renderer draws it.)
            context["aapenhet_draft_banner"] = self.renderer.render("earlier_notice", language, **made.values)
        return context

    def _jsonld(self, src_uri: str, url: str, language: str) -> str:
        """The page's schema.org description (structured_data.py): the statement page, each version's
        page and the archive; nothing on other pages."""
        views, made = self.version_views(language), self.made_pages(language).get(src_uri)
        title = self.renderer.label("history.statement_for", language)
        if made is not None and made.template == "earlier_statement":
            view = made.values["entry"]
            assert isinstance(view, VersionView)
            return report_jsonld(view, made.path, self.site, language, title=f"{title} {view.label}")
        if made is not None and made.template == "archive":
            return archive_jsonld(views, made.path, self.site, language, title=made.title)
        if url.removeprefix(self.site.language_prefix(language)) == STATEMENT_PAGE:
            current = views[-1]
            return report_jsonld(current, STATEMENT_PAGE, self.site, language, title=f"{title} {current.label}")
        return ""

    def not_found_context(self, language: str, language_names: dict[str, str]) -> dict[str, object]:
        """The 404 page: its text, and a link to each language's front page (there is no page to
        translate); ``language_names``: each language's name, as mkdocs.yml gives it."""
        return {
            "aapenhet_not_found": self.renderer.render("not_found", language),
            "aapenhet_not_found_title": self.renderer.label("not_found.title", language),
            "aapenhet_language_links": [
                {"name": name, "lang": other, "link": self.site.page_path("", other)}
                for other, name in language_names.items()
            ],
            "aapenhet_robots": "noindex",
        }

    def sitemap_entries(self, language: str) -> list[SitemapEntry]:
        """The made pages in ``language``, for sitemap.xml (docs/'s pages are MkDocs' own)."""
        return [
            entry
            for page in self.made_pages(language).values()
            for entry in sitemap_entries(self.site.url, page.urls, self.site.default_language)
        ]

    def finished_page(self, html: str, *, not_found_in: str | None = None) -> str:
        """A page as the theme rendered it, its policy allowing exactly its own inline scripts (their
        hashes are kept for ``_headers``); ``not_found_in``: it is that language's 404 page."""
        html = self.with_script_hashes(html)
        if not_found_in is not None:
            self.not_found_pages[not_found_in] = html
        return html

    def announce(self, log: logging.Logger | logging.LoggerAdapter[logging.Logger]) -> None:
        if self.lacks:
            # Information, not a warning: a draft is allowed to lack things (the gate refuses to publish it).
            log.info(message("build.lacks", LOG_LANGUAGE, count=self.lacks))

    def let_go_of_language(self, language: str) -> None:
        """A build is done with ``language`` once its pass has built its pages and written its files:
        its views, made pages and files are let go of, so the next language's pass does not hold them
        too (a long list's document, pages and files in one language are tens of megabytes). Whatever
        the end of the build still asks of it (its PDFs' addresses) is made again from the data.
        Not under serve: the preview keeps the addresses of the pages it shows."""
        self._views.pop(language, None)
        self._made_pages.pop(language, None)
        for version in self.versions:
            self._machine_readable.pop((version.path, language), None)
            self._digests.pop((version.path, language), None)
            for name in MACHINE_READABLE_NAMES:
                self._file_makers.pop((version.path, language, name), None)
            self.renderer_for(version).let_go_of(language)

    def let_go_of_languages(self, languages: list[str]) -> None:
        """``let_go_of_language`` for each, then what they held freed at once: a view is in reference
        cycles, which only the collector breaks, and its next full run may come long after the next
        language's pass has made its own (the data is frozen: this walks the rest)."""
        for language in languages:
            self.let_go_of_language(language)
        if languages:
            gc.collect()

    def let_go_of_positions(self) -> None:
        """Where each value is was needed to check the data, which is done: a build lets it go (it is
        as large as the data itself), and the loader's copy of each file's text with it. A preview
        keeps the copies, to re-read only the file an editor saves. (Sources that know no positions,
        not none: a message made later still names its file.)"""
        self.loaded = LoadedStatement(self.loaded.data, unlocated())
        self.versions[-1] = replace(self.versions[-1], loaded=self.loaded)
        forget_loaded_files()

    def finish(self, site_dir: Path, *, record: bool) -> None:
        """After the last language: the files that cover every language, and ``build.json`` when
        ``record`` (a strict build MkDocs does not refuse)."""
        write_site_files(
            site_dir,
            self.site,
            form_origin=form_origin(self.renderer.form),
            script_hashes=self.script_hashes,
            not_found_pages=self.not_found_pages,
        )
        pdfs = self._pdfs()
        for job, signed in pdfs:
            if signed is not None:  # an editor's signed PDF, byte for byte (its SHA256SUMS lists it already)
                shutil.copyfile(signed, site_dir / job.pdf)
        if record:
            write_build_record(site_dir, self.record | {PDF_JOBS: [job.as_record() for job, _ in pdfs]})


def start_build(
    *,
    project: Path,
    docs_dir: Path,
    site_url: str | None,
    extra: dict[str, Any],
    mkdocs_yml_text: str,
    languages: list[str],
    default_language: str,
    nav: list[Any] | None = None,
    nav_translations: dict[str, dict[str, str]] | None = None,
    serving: bool = False,
    kept: KeptForPreview | None = None,
) -> StatementBuild:
    """Read and check everything the build needs; raises ``DataProblems`` with every problem found.
    ``kept``: what the preview kept from its last rebuild."""
    settings = parse_yaml(mkdocs_yml_text, "mkdocs.yml").source
    problems = _language_problems(settings, languages, default_language)
    if not site_url:
        # Canonical links, hreflang, the sitemap and the form's thank-you address are all absolute.
        problems.append(
            settings.problem(
                ("site_url",),
                wording("site.no_site_url"),
            )
        )
    characters = address_characters_problem(site_url) if site_url else None
    if site_url and characters:
        problems.append(
            settings.problem(
                ("site_url",),
                wording("site.bad_site_url", characters=characters),
            )
        )
    form = _collect(problems, lambda: load_form_settings(extra, mkdocs_yml_text))
    labels = _collect(problems, load_labels)
    # No positions are read unless a message needs them (a tenth of reading a long list, on every
    # rebuild of the preview too); the preview keeps the loader's copy of each file, to re-read only
    # the file an editor saves.
    loaded = _collect(problems, lambda: load_statement(project / "data", positions=False))
    if loaded is not None:
        versions = _collect(problems, lambda: load_history(project / "data", loaded))
    else:
        versions, problems = None, problems + earlier_version_problems(project / "data")
    problems += docs_problems(docs_dir, languages, default_language)
    problems += untranslated_nav_titles(nav or [], nav_translations or {}, settings)
    if problems or not site_url or form is None or labels is None or loaded is None or versions is None:
        raise DataProblems(problems, about=wording("about.site"))
    site = Site(url=site_url, default_language=default_language, languages=tuple(languages))
    renderer = make_renderer(
        loaded.data,
        labels,
        site,
        form,
        {
            "archive_path": ARCHIVE_PAGE if has_archive(versions) else None,
            "changes_path": CHANGES_PAGE if len(versions) > 1 else None,
            "permanent_path": versions[-1].address,
        },
        # Last year's facts new-year left in data/: the draft banner lists them with what is missing.
        carried_over=versions[-1].carried_over,
        kept=kept,
    )
    version_renderers = {
        version.path: renderer.for_statement(version.loaded, version.carried_over)
        for version in versions
        if not version.is_current
    }
    problems = _published_record_problems(project / "data", versions, version_renderers, languages)
    if problems:
        raise DataProblems(problems, about=wording("about.history"))
    return StatementBuild(
        renderer=renderer,
        loaded=loaded,
        versions=versions,
        changes=version_changes(versions),
        record=build_record(project, site_url, form),
        data_dir=project / "data",
        serving=serving,
        # Counted, not shown: where each finding is is not needed (aapenhet check says).
        lacks=len(check_statement(LoadedStatement(loaded.data, unlocated()), page_texts(docs_dir))),
        version_renderers=version_renderers,
    )


def _iso(day: datetime.date | None) -> str | None:
    return day.isoformat() if day else None


def _published_record_problems(
    data_dir: Path, versions: list[Version], renderers: dict[str, Renderer], languages: list[str]
) -> list[Problem]:
    """Each kept version whose data no longer gives the statement.json it published, as keep recorded it.
    A version found as it was is not made again until it or the tool changes (kept_cache.py)."""
    problems: list[Problem] = []
    for version in versions:
        for language in languages if not version.is_current else ():
            recorded = recorded_json(data_dir, version, language)
            if recorded is None:
                continue
            checked = f"{language}-published-record-{hashlib.sha256(recorded).hexdigest()[:16]}"
            if version.key is not None and kept_cache.cached_bytes(version.key, checked) is not None:
                continue
            shown_as = f"data/{HISTORY_FOLDER}/{version.path}{published_record_name(language)}"
            found = record_problems(recorded, renderers[version.path].view(language), shown_as)
            problems += found
            if not found and version.key is not None:
                kept_cache.store_bytes(version.key, checked, b"as recorded")
    return problems


def _collect(problems: list[Problem], load: Callable[[], T]) -> T | None:
    """``load()``, or None with its problems added to ``problems``: every file's problems at once."""
    try:
        return load()
    except DataProblems as error:
        problems += error.problems
        return None


def _language_problems(settings: SourceMap, languages: list[str], default_language: str) -> list[Problem]:
    """mkdocs.yml's i18n languages must be the statement's, with the default first.

    Listed later, static-i18n builds the default language twice (three passes for two languages,
    every search entry of it twice).
    """
    expected = [DEFAULT_LANGUAGE, *(language for language in LANGUAGES if language != DEFAULT_LANGUAGE)]
    if languages == expected and default_language == DEFAULT_LANGUAGE:
        return []
    return [
        Problem(
            settings.file,
            *_i18n_languages_position(settings),
            "plugins.i18n.languages",
            wording(
                "site.languages_not_expected",
                languages=", ".join(languages),
                default=default_language,
                expected=", ".join(expected),
                authoritative=DEFAULT_LANGUAGE,
            ),
        )
    ]


def _i18n_languages_position(settings: SourceMap) -> tuple[int, int]:
    """Where the i18n plugin's languages are: ``plugins`` is a list, so find the i18n entry's key."""
    for path, position in sorted(settings.keys.items(), key=lambda item: item[1]):
        if len(path) == 4 and path[0] == "plugins" and path[2:] == ("i18n", "languages"):
            return position
    return settings.locate(("plugins",))
