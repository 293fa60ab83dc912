"""MkDocs hooks for Exso's åpenhetsloven statement site: MkDocs' events adapted to ``aapenhet``.

Events, and what each hands to the package:
- ``on_startup``: whether this process is ``mkdocs serve`` (a live preview: see _script_sources).
- ``on_config``: at the start of the first language's pass, ``start_build`` reads and checks the
  data, labels, form settings and pages once for the whole build; later passes reuse it.
- ``on_files``: the language's machine-readable statement (and ``robots.txt``) beside its pages, and
  the pages made from the data (a long list's letters, earlier statements, what changed, the archive)
  with their files.
- ``on_page_content``: ``<!-- aapenhet:NAME -->`` placeholders replaced by rendered HTML.
- ``on_env``: the theme's compiled templates kept between builds, as the package's own are.
- ``on_page_context`` / ``on_template_context``: the draft banner, security policy and head links.
- ``on_post_page`` / ``on_post_template``: each page's policy allows exactly its inline scripts.
- ``on_pre_build``: the last good site/ set aside before MkDocs empties it (website/last_good_site.py).
- ``on_post_build``: once every language is built, ``_headers``, each language's 404 page and
  ``build.json``; the last good site/ is dropped, or put back when the strict build is refused.
- ``on_build_error``: the last good site/ put back.

Under ``mkdocs serve``, wrong data or pages do not stop the build (the preview would hang until a
good build): every page shows the located problems instead (``on_page_content``), until the editor
saves the fix.
"""

from __future__ import annotations

import gc
from pathlib import Path
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any, cast

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import File, InclusionLevel
from mkdocs.structure.toc import get_toc

from aapenhet.form.settings import form_origin
from aapenhet.model.check import check_statement
from aapenhet.publishing.export import MACHINE_READABLE_NAMES, machine_readable_files
from aapenhet.rendering.page_toc import toc_tokens
from aapenhet.rendering.placeholders import FORM_PLACEHOLDER, TOC_PLACEHOLDERS, fill_placeholders, placeholders_in
from aapenhet.rendering.problems_page import problems_page
from aapenhet.rendering.renderer import COMPILED_TEMPLATES
from aapenhet.rendering.slugs import heading_slug
from aapenhet.source.pages import page_texts
from aapenhet.source.problems import DataProblems
from aapenhet.statement_build import PROCESS, StatementBuild, start_build
from aapenhet.website.addresses import Site
from aapenhet.website.last_good_site import discard, restore, set_aside, strict_build_will_fail
from aapenhet.website.security import (
    INLINE_SCRIPTS_TOKEN,
    REFERRER_POLICY,
    SERVE_INLINE_SCRIPTS,
    content_security_policy,
)
from aapenhet.website.seo import open_graph_locale, page_alternates, robots_txt, sitemap_entries

if TYPE_CHECKING:
    from jinja2 import Environment
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

log = get_plugin_logger("aapenhet")

# Hooks


def on_startup(*, command: str, dirty: bool) -> None:
    """Runs once when mkdocs starts, before the first build (not again on serve's rebuilds)."""
    PROCESS.command = command
    PROCESS.dirty = dirty


def on_config(config: MkDocsConfig) -> MkDocsConfig | None:
    """Runs at the start of each language's pass: the first pass reads and checks everything."""
    # Anchors are citations: the tool's own slugify, whatever mkdocs.yml says (rendering/slugs.py).
    config.mdx_configs.setdefault("toc", {})["slugify"] = heading_slug
    if _is_later_language_pass(config):
        if PROCESS.problems is None:
            _current_build().languages_built.append(_language(config))
        return config
    PROCESS.build, PROCESS.problems, PROCESS.last_good = None, None, None
    project = Path(config.config_file_path).parent
    gc.unfreeze()  # what the last build kept (mkdocs serve) may be collected again
    gc.disable()  # reading the data makes millions of objects and few cycles: no collection meanwhile
    try:
        PROCESS.build = start_build(
            project=project,
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
        if not PROCESS.serving:
            raise PluginError(problems.report()) from None
        PROCESS.problems = problems
        log.warning("%s\nEvery page shows these until they are fixed.", problems.report())
        return config
    finally:
        gc.enable()
    # The data lives as long as the build and is millions of objects at scale: Python's cyclic
    # collector went through all of it again and again (two thirds of writing statement.json with
    # 10,000 suppliers). Frozen, it is left alone; only what the build makes from here is collected.
    gc.freeze()
    PROCESS.build.languages_built.append(_language(config))
    findings = check_statement(PROCESS.build.loaded, page_texts(Path(config.docs_dir)))
    if findings:
        # Information, not a warning: a draft is allowed to lack things (the gate refuses to publish it).
        log.info("§5 check: %d thing(s) the statement still lacks — «aapenhet check» lists them", len(findings))
    return config


@event_priority(-150)  # after static-i18n (-100) has sorted the files into languages
def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    """Runs once the language's files are known: add its machine-readable statement, so pages link
    to it as to any file and ``mkdocs serve`` serves it."""
    language = _language(config)
    if PROCESS.problems is not None:
        # The pages still link to the files: each holds the problems until the data is fixed.
        contents = dict.fromkeys(MACHINE_READABLE_NAMES, PROCESS.problems.report())
        site = Site(
            url=config.site_url or "", default_language=_default_language(config), languages=tuple(_languages(config))
        )
        prefix = site.language_prefix(language)
    else:
        build = _current_build()
        contents = machine_readable_files(build.renderer.data, language, labels=build.renderer.labels)
        if language == build.site.default_language:
            contents["robots.txt"] = robots_txt(build.site.url)
        prefix = build.site.language_prefix(language)
    for name, content in contents.items():
        file = File.generated(config, name, content=content.encode("utf-8"))
        file.dest_uri = prefix + name
        files.append(file)
    made: dict[str, tuple[str, dict[str, str]]] = {}  # source path: (Markdown, address in each language)
    if PROCESS.problems is None:
        build = _current_build()
        for name, content in build.history_files(language).items():
            file = File.generated(config, name, content=content.encode("utf-8"))
            file.dest_uri = prefix + name
            files.append(file)
        made = {src_uri: (page.markdown, page.urls) for src_uri, page in build.made_pages(language).items()}
        PROCESS.made_pages = {src_uri: urls for src_uri, (_, urls) in made.items()}
    else:
        # Under serve: the editor may have one of them open; it shows the problems too, and reloads when fixed.
        made = {src_uri: ("", urls) for src_uri, urls in PROCESS.made_pages.items()}
    # The pages made from the data (a long list's letters, earlier statements, what changed, the
    # archive): not in the menu, which lists the pages of docs/.
    for src_uri, (markdown, urls) in made.items():
        file = File.generated(config, src_uri, content=markdown, inclusion=InclusionLevel.NOT_IN_NAV)
        file.dest_uri = prefix + file.dest_uri
        # What static-i18n gives its own pages: the language switch and the hreflang links then
        # name this page in each language.
        i18n_file = cast(Any, file)  # static-i18n's attributes, which MkDocs' File does not declare
        i18n_file.locale = i18n_file.locale_alternate_of = language
        i18n_file.alternates = {other: SimpleNamespace(url=url) for other, url in urls.items()}
        files.append(file)
    return files


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    """Runs per page once its Markdown is HTML: each placeholder, which Markdown kept as a comment,
    becomes its rendered block (never read as Markdown: that took most of a large build's time); a
    long list's letter page gets its suppliers; under ``serve`` with wrong data, the page is the
    problems instead.

    Every page's placeholders were checked in on_config: only exact, known ones are here.
    """
    if PROCESS.problems is not None:
        page.toc = get_toc([])  # the page's own headings are not on the problems page
        return problems_page(PROCESS.problems.problems, _language(config))
    build, language = _current_build(), _language(config)
    made = build.made_pages(language).get(page.file.src_uri)
    if made is not None:
        html += made.renderer.render(made.template, language, **made.values)
        page.toc = get_toc(toc_tokens(html))
        return html
    names = placeholders_in(html)
    if not names:
        return None
    if FORM_PLACEHOLDER in names:
        page.meta["aapenhet_form"] = True  # the theme loads the form's script on this page only
    html = fill_placeholders(html, lambda name: build.renderer.render(name, language))
    if any(name in TOC_PLACEHOLDERS for name in names):
        page.toc = get_toc(toc_tokens(html))  # their headings belong in the page's table of contents
    return html


def on_env(env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
    """Runs before the theme renders any page: the theme's compiled templates are kept between builds
    too (Material has about sixty; compiling them is a good part of a small build)."""
    env.bytecode_cache = COMPILED_TEMPLATES
    return env


def on_page_context(context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: object) -> dict[str, Any]:
    """Runs per page before the theme renders it: the draft banner, security policy and head links."""
    context = _theme_context(context, config)
    made = _current_build().made_pages(_language(config)).get(page.file.src_uri) if PROCESS.problems is None else None
    if made is not None and made.earlier is not None:
        # An earlier statement is not a draft of the current one: say what it is instead.
        context["aapenhet_draft_banner"] = made.renderer.render("earlier_notice", _language(config), **made.values)
    alternates = {language: file.url for language, file in getattr(page.file, "alternates", {}).items()}
    context["aapenhet_alternates"] = page_alternates(config.site_url or "", alternates, _default_language(config))
    context["aapenhet_robots"] = "noindex" if PROCESS.problems is not None else page.meta.get("robots", "")
    return context


def on_template_context(context: dict[str, Any], *, template_name: str, config: MkDocsConfig) -> dict[str, Any]:
    """Runs before the theme renders a page of its own (``404.html``): the same as for pages."""
    context = _theme_context(context, config)
    if template_name == "sitemap.xml":
        pages = _current_build().made_pages(_language(config)).values() if PROCESS.problems is None else []
        context["aapenhet_sitemap_pages"] = [
            entry
            for page in pages
            for entry in sitemap_entries(config.site_url or "", page.urls, _default_language(config))
        ]
    if template_name == "404.html" and PROCESS.problems is not None:
        context["aapenhet_not_found"] = problems_page(PROCESS.problems.problems, _language(config))
        context["aapenhet_not_found_title"] = ""
        context["aapenhet_language_links"] = []
    elif template_name == "404.html":
        build, language = _current_build(), _language(config)
        context["aapenhet_not_found"] = build.renderer.render("not_found", language)
        context["aapenhet_not_found_title"] = build.renderer.label("not_found.title", language)
        context["aapenhet_language_links"] = [
            {"name": other.name, "lang": other.locale, "link": build.site.page_path("", other.locale)}
            for other in config.plugins["i18n"].config.languages
        ]
        context["aapenhet_robots"] = "noindex"
    return context


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    """Runs per page once the theme has rendered it: allow exactly the page's own inline scripts."""
    if PROCESS.problems is not None:
        return output
    return _current_build().with_script_hashes(output)


def on_post_template(output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
    """Runs after the theme renders a page of its own: the policy's hashes; each 404 page is kept."""
    if PROCESS.problems is not None:
        return output_content
    build = _current_build()
    output_content = build.with_script_hashes(output_content)
    if template_name == "404.html":
        build.not_found_pages[_language(config)] = output_content
    return output_content


def on_pre_build(*, config: MkDocsConfig) -> None:
    """Runs before MkDocs empties site/ (each language's pass): the first pass sets the last good
    site/ aside, to be put back if this build is refused. Not under serve, which builds elsewhere."""
    if _is_later_language_pass(config) or PROCESS.serving or PROCESS.dirty:
        return
    try:
        PROCESS.last_good = set_aside(Path(config.site_dir))
    except OSError as error:
        log.warning("site/ could not be set aside (%s): a failed build will leave its own site/", error)


@event_priority(-200)  # after static-i18n's own on_post_build, which runs the other languages' passes
def on_post_build(*, config: MkDocsConfig) -> None:
    """Runs at the end of each language's pass; the outer (first) pass ends last, after every
    language: only then are ``_headers``, the 404 pages and ``build.json`` written, with every page's
    scripts. A strict build that counted a warning is refused after this: the last good site/ returns."""
    if _is_later_language_pass(config) or PROCESS.problems is not None:
        return
    build = _current_build()
    refused = strict_build_will_fail()
    # build.json says "this is a finished strict build of these files": never on one MkDocs refuses.
    build.finish(Path(config.site_dir), record=bool(config.strict) and not refused)
    if PROCESS.last_good is not None:
        if refused:
            restore(PROCESS.last_good)
            log.info("the strict build is refused: site/ is the last good build again")
        else:
            discard(PROCESS.last_good)
        PROCESS.last_good = None
    log.info("statement site built in %s", ", ".join(build.languages_built))


def on_build_error(*, error: Exception) -> None:
    """Runs when the build fails with an error: the last good site/ is put back."""
    if PROCESS.last_good is not None:
        restore(PROCESS.last_good)
    PROCESS.last_good = None


# Helpers


def _theme_context(context: dict[str, Any], config: MkDocsConfig) -> dict[str, Any]:
    if PROCESS.problems is not None:
        return _problems_theme_context(context)
    build, language = _current_build(), _language(config)
    context["aapenhet_draft_banner"] = build.renderer.render("draft_banner", language)
    context["aapenhet_print_address_label"] = build.renderer.label("print.address", language)
    context["aapenhet_csp"] = content_security_policy(form_origin(build.renderer.form), _script_sources())
    context["aapenhet_referrer_policy"] = REFERRER_POLICY
    context["aapenhet_og_locale"] = open_graph_locale(language)
    context["aapenhet_og_locale_alternates"] = [
        open_graph_locale(other) for other in build.site.languages if other != language
    ]
    context.setdefault("aapenhet_alternates", [])
    context.setdefault("aapenhet_robots", "")
    return context


def _problems_theme_context(context: dict[str, Any]) -> dict[str, Any]:
    """The theme's context while every page shows problems: no data to draw the banner or head from."""
    context.update(
        aapenhet_draft_banner="",
        aapenhet_print_address_label="",
        aapenhet_csp=content_security_policy(None, _script_sources()),
        aapenhet_referrer_policy=REFERRER_POLICY,
        aapenhet_og_locale="",
        aapenhet_og_locale_alternates=[],
        aapenhet_alternates=[],
        aapenhet_robots="noindex",
    )
    return context


def _script_sources() -> list[str]:
    """The page's inline scripts by their hashes, filled in once the page is built. Under ``mkdocs
    serve`` only, any inline script: MkDocs injects its live-reload script after the page is built,
    so no hash can name it, and without it the open page never reloads by itself."""
    return [SERVE_INLINE_SCRIPTS] if PROCESS.serving else [INLINE_SCRIPTS_TOKEN]


def _current_build() -> StatementBuild:
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
