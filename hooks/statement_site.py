"""MkDocs hooks for Exso's åpenhetsloven statement site: MkDocs' events adapted to ``aapenhet``.

Events, and what each hands to the package:
- ``on_startup``: whether this process is ``mkdocs serve`` (a live preview: see _script_sources).
- ``on_config``: at the start of the first language's pass, ``start_build`` reads and checks the
  data, labels, form settings and pages once for the whole build; later passes reuse it, and a
  build lets go of what each earlier language's pass made.
- ``on_files``: the language's machine-readable statement (and ``robots.txt``) beside its pages, each
  made as MkDocs writes it (under serve: when it is asked for, not on every rebuild), and the pages
  made from the data (a long list's letters, earlier statements, what changed, the archive) with
  their files.
- ``on_page_context``: ``<!-- aapenhet:NAME -->`` placeholders replaced by rendered HTML, one page
  at a time, just before the theme renders it; then the draft banner, security policy and head links.
- ``on_env``: the theme's compiled templates kept between builds, as the package's own are.
- ``on_template_context``: the same shell for the theme's own pages (404, sitemap).
- ``on_post_page`` / ``on_post_template``: each page's policy allows exactly its inline scripts; a
  page's HTML is let go of once written.
- ``on_pre_build``: the last good site/ set aside before MkDocs empties it (website/last_good_site.py).
- ``on_post_build``: once every language is built, ``_headers``, each language's 404 page and
  ``build.json``; the last good site/ is dropped, or put back when the strict build is refused.
- ``on_build_error``: the last good site/ put back.

Under ``mkdocs serve``, wrong data or pages do not stop the build (the preview would hang until a
good build): the build is then ``statement_build.ProblemsBuild``, which answers every event with the
located problems until the editor saves the fix. The hook never asks which build it has.

The problems the terminal prints are in Norwegian, or in the language ``AAPENHET_LANG`` names
(``languages.messages_language``; a value that is not one of the statement's languages stops the
build); each page of the preview shows them in its own language.
"""

from __future__ import annotations

import atexit
import logging
import shutil
from pathlib import Path
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any, cast

from mkdocs.exceptions import MkDocsException, PluginError
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import File, InclusionLevel
from mkdocs.structure.toc import get_toc

from aapenhet.ci_log import keep_log_safe
from aapenhet.languages import LOG_LANGUAGE, messages_language
from aapenhet.publishing.export import FileMaker
from aapenhet.rendering.page_toc import toc_tokens
from aapenhet.rendering.renderer import COMPILED_TEMPLATES
from aapenhet.rendering.slugs import heading_slug
from aapenhet.source.problems import DataProblems, report_language
from aapenhet.statement_build import PROCESS, SiteBuild, shown_until_fixed
from aapenhet.website.last_good_site import discard, restore, set_aside, strict_build_will_fail
from aapenhet.website.preview import look_for_changes_every, serving_made_on_request, show_settings_problems
from aapenhet.website.seo import page_alternates
from aapenhet.words import message

if TYPE_CHECKING:
    from collections.abc import Callable

    from jinja2 import Environment
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.livereload import LiveReloadServer
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

log = get_plugin_logger("aapenhet")

# Hooks


def on_startup(*, command: str, dirty: bool) -> None:
    """Runs once when mkdocs starts, before the first build (not again on serve's rebuilds)."""
    PROCESS.command = command
    PROCESS.dirty = dirty
    # MkDocs' messages quote file names and settings: none may act as a command in a CI log.
    keep_log_safe(logging.getLogger("mkdocs"))


def on_config(config: MkDocsConfig) -> MkDocsConfig | None:
    """Runs at the start of each language's pass: the first pass reads and checks everything."""
    # Anchors are citations: the tool's own slugify, whatever mkdocs.yml says (rendering/slugs.py).
    config.mdx_configs.setdefault("toc", {})["slugify"] = heading_slug
    if not _is_later_language_pass(config):
        try:
            messages_language()  # AAPENHET_LANG: the language of the problem reports (problems.report_language)
        except ValueError as error:
            raise PluginError(str(error)) from None
        try:
            build = PROCESS.begin(
                project=Path(config.config_file_path).parent,
                docs_dir=Path(config.docs_dir),
                site_url=config.site_url,
                extra=dict(config.extra),
                mkdocs_yml_text=Path(config.config_file_path).read_text(encoding="utf-8"),
                languages=_languages(config),
                default_language=_default_language(config),
                nav=config.nav or [],
                nav_translations=_nav_translations(config),
            )
        except DataProblems as problems:
            raise PluginError(problems.report()) from None
        build.announce(log)
    build = _current_build()
    if not PROCESS.serving:
        build.let_go_of_languages(build.languages_built)  # their passes have built their pages and files
    build.languages_built.append(_language(config))
    return config


@event_priority(-150)  # after static-i18n (-100) has sorted the files into languages
def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    """Runs once the language's files are known: its machine-readable files beside its pages (so
    pages link to them as to any file and ``mkdocs serve`` serves them), and the pages made from the
    data (a long list's letters, earlier statements, what changed, the archive)."""
    build, language = _current_build(), _language(config)
    if not build.reads_pages:
        # The pages may be what is wrong (not readable, not UTF-8): MkDocs does not read them either.
        for page in files.documentation_pages():
            page.content_string = ""
    prefix = build.site.language_prefix(language)
    first_of: dict[FileMaker, _MadeWhenWritten] = {}  # by maker: the first file it makes
    for name, make in build.file_makers(language).items():
        # Made as MkDocs writes it (_MadeWhenWritten); a preview's rebuild writes each empty, and its
        # server makes it when it is asked for (on_serve).
        written = cast(_MadeWhenWritten, _MadeWhenWritten.generated(config, name, content=b""))
        written.dest_uri = prefix + name
        if PROCESS.serves_made_on_request:
            PROCESS.made_on_request[written.dest_uri] = make
        else:
            written.make = make
            written.same_as = first_of.setdefault(make, written)
        files.append(written)
    # Not in the menu, which lists the pages of docs/.
    for src_uri, (markdown, urls) in build.made_page_sources(language).items():
        file = File.generated(config, src_uri, content=markdown, inclusion=InclusionLevel.NOT_IN_NAV)
        file.dest_uri = prefix + file.dest_uri
        # What static-i18n gives its own pages: the language switch and the hreflang links then
        # name this page in each language.
        i18n_file = cast(Any, file)  # static-i18n's attributes, which MkDocs' File does not declare
        i18n_file.locale = i18n_file.locale_alternate_of = language
        i18n_file.alternates = {other: SimpleNamespace(url=url) for other, url in urls.items()}
        files.append(file)
    return files


def on_env(env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
    """Runs before the theme renders any page: the theme's compiled templates are kept between builds
    too (Material has about sixty; compiling them is a good part of a small build)."""
    env.bytecode_cache = COMPILED_TEMPLATES
    return env


@event_priority(100)  # first: a plugin that reads the page here (search's index) reads it filled in
def on_page_context(context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: object) -> dict[str, Any]:
    """Runs per page just before the theme renders it: the build fills in the page's blocks of facts
    (here, not once its Markdown is HTML: MkDocs makes every page's HTML before it renders any, and a
    long list's letter pages were all in memory at once), then the draft banner, security policy and
    head links."""
    build, language = _current_build(), _language(config)
    _fill_in(page, build, language)
    context.update(build.theme_context(language))
    context.update(build.page_context(page.file.src_uri, page.url, language, page.meta.get("robots", "")))
    if not context["aapenhet_robots"]:
        alternates = {other: file.url for other, file in getattr(page.file, "alternates", {}).items()}
        context["aapenhet_alternates"] = page_alternates(config.site_url or "", alternates, _default_language(config))
    return context


def on_template_context(context: dict[str, Any], *, template_name: str, config: MkDocsConfig) -> dict[str, Any]:
    """Runs before the theme renders a page of its own (``404.html``, ``sitemap.xml``)."""
    build, language = _current_build(), _language(config)
    context.update(build.theme_context(language))
    if template_name == "sitemap.xml":
        context["aapenhet_sitemap_pages"] = build.sitemap_entries(language)
    if template_name == "404.html":
        names = {other.locale: other.name for other in config.plugins["i18n"].config.languages}
        context.update(build.not_found_context(language, names))
    return context


@event_priority(-1000)  # last: no plugin reads the page after its HTML is let go of, or changes a script after
def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    """Runs per page once the theme has rendered it: its policy allows exactly its own inline scripts.
    The page's HTML and contents are let go of: MkDocs keeps every page to the end of the build, and
    the other language's pass runs inside this one's (static-i18n), so a long list's letter pages
    stayed in memory twice over."""
    finished = _current_build().finished_page(output)
    page.content, page.toc = None, get_toc([])
    return finished


def on_post_template(output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
    """Runs after the theme renders a page of its own: the same; each 404 page is kept."""
    not_found_in = _language(config) if template_name == "404.html" else None
    return _current_build().finished_page(output_content, not_found_in=not_found_in)


@event_priority(-200)  # last: other plugins' on_serve see MkDocs' own rebuild
def on_serve(server: LiveReloadServer, *, config: MkDocsConfig, builder: Callable[..., None]) -> LiveReloadServer:
    """Runs once under ``mkdocs serve``: a rebuild that MkDocs itself cannot start (mkdocs.yml
    cannot be read) would leave every request waiting; each page shows the problem instead. The
    server makes the files a rebuild left to be made when they are asked for, and looks for saved
    changes every tenth of a second (website/preview.py)."""
    rebuild, settings_file, site_dir = server.builder, Path(config.config_file_path), Path(server.root)
    look_for_changes_every(server)

    def rebuild_or_show_problems() -> None:
        try:
            rebuild()
        except MkDocsException as error:
            report = show_settings_problems(site_dir, settings_file, error)
            log.warning("%s\n%s", report, shown_until_fixed(report_language()))

    server.builder = rebuild_or_show_problems
    served = serving_made_on_request(
        server.serve_request,
        mount_path=server.mount_path,
        made_on_request=lambda path: PROCESS.made_on_request.get(path),
    )
    server.set_app(served)
    PROCESS.serves_made_on_request = True  # from the first rebuild: the first build has made them
    return server


def on_pre_build(*, config: MkDocsConfig) -> None:
    """Runs before MkDocs empties site/ (each language's pass): the first pass sets the last good
    site/ aside, to be put back if this build is refused. Not under serve, which builds elsewhere."""
    if _is_later_language_pass(config) or PROCESS.serving or PROCESS.dirty:
        return
    try:
        PROCESS.last_good = set_aside(Path(config.site_dir))
    except OSError as error:
        log.warning(message("build.not_set_aside", LOG_LANGUAGE, reason=error))
    # Ctrl-C ends the build without on_build_error: the last good site/ comes back as Python exits.
    atexit.register(_put_back_last_good)


@event_priority(-200)  # after static-i18n's own on_post_build, which runs the other languages' passes
def on_post_build(*, config: MkDocsConfig) -> None:
    """Runs at the end of each language's pass; the outer (first) pass ends last, after every
    language: only then are ``_headers``, the 404 pages and ``build.json`` written, with every page's
    scripts. A strict build that counted a warning is refused after this: the last good site/ returns."""
    if _is_later_language_pass(config):
        return
    build = _current_build()
    refused = strict_build_will_fail()
    # build.json says "this is a finished strict build of these files": never on one MkDocs refuses.
    build.finish(Path(config.site_dir), record=bool(config.strict) and not refused)
    if PROCESS.last_good is not None:
        if refused:
            restore(PROCESS.last_good)
            log.info(message("build.refused_last_good_back", LOG_LANGUAGE))
        else:
            discard(PROCESS.last_good)
        PROCESS.last_good = None
    log.info(message("build.built", LOG_LANGUAGE, languages=", ".join(build.languages_built)))


def on_build_error(*, error: Exception) -> None:
    """Runs when the build fails with an error: the last good site/ is put back."""
    _put_back_last_good()


# Helpers


class _MadeWhenWritten(File):
    """A file made from the data when MkDocs writes it, and not kept by MkDocs: a long list's files,
    held as text and again as bytes until the end of the build, were a good part of its memory."""

    make: FileMaker | None = None
    # The file the same maker makes first (this one, or the same file at another address), and
    # whether this one has been written.
    same_as: _MadeWhenWritten | None = None
    written: bool = False

    def copy_file(self, dirty: bool = False) -> None:
        if self.written:
            return
        if self.make is None:  # the preview's: written empty (on_files)
            super().copy_file(dirty)
            return
        written = Path(self.abs_dest_path)
        written.parent.mkdir(parents=True, exist_ok=True)
        if self.same_as is not None and self.same_as is not self and self.same_as.written:
            shutil.copyfile(self.same_as.abs_dest_path, written)  # made once, published at both addresses
        else:
            with written.open("wb") as file:
                file.writelines(self.make())  # as it is made: a long list's file is never held whole
        self.written = True
        # MkDocs keeps this pass's files through the next language's pass: a maker holds its views.
        self.make = None


def _fill_in(page: Page, build: SiteBuild, language: str) -> None:
    """The page's blocks of facts in the HTML Markdown made of it (placeholders), or a made page's content."""
    content = build.page_content(page.file.src_uri, page.content or "", language)
    if content is None:
        return
    page.content = content.html
    if content.headings_from_html:
        page.toc = get_toc(toc_tokens(content.html))
    if content.has_form:
        page.meta["aapenhet_form"] = True  # the theme loads the form's script on this page only


def _put_back_last_good() -> None:
    if PROCESS.last_good is not None:
        restore(PROCESS.last_good)
    PROCESS.last_good = None


def _current_build() -> SiteBuild:
    if PROCESS.build is None:
        raise PluginError("the statement data was not loaded: on_config did not run")
    return PROCESS.build


def _language(config: MkDocsConfig) -> str:
    """The language being built: static-i18n re-runs the whole build once per language."""
    i18n = config.plugins.get("i18n")
    return str(getattr(i18n, "current_language", None) or config.theme["language"])


def _languages(config: MkDocsConfig) -> list[str]:
    return [language.locale for language in config.plugins["i18n"].config.languages]


def _nav_translations(config: MkDocsConfig) -> dict[str, dict[str, str]]:
    """Each non-default language's nav_translations (the menu's titles in that language)."""
    return {
        language.locale: dict(language.nav_translations or {})
        for language in config.plugins["i18n"].config.languages
        if not language.default
    }


def _default_language(config: MkDocsConfig) -> str:
    return str(next(language.locale for language in config.plugins["i18n"].config.languages if language.default))


def _is_later_language_pass(config: MkDocsConfig) -> bool:
    """static-i18n runs every language after the first from inside the first one's on_post_build."""
    return bool(getattr(config.plugins.get("i18n"), "building", False))
