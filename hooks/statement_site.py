"""MkDocs hooks for Exso's åpenhetsloven statement site.

Events: ``on_config`` loads and validates ``data/``, the labels and the form settings on every build
(so edits show up under ``mkdocs serve``); ``on_files`` keeps the statement templates out of
``site/``; ``on_page_markdown`` fills ``<!-- aapenhet:NAME -->`` placeholders; ``on_page_context``
gives the theme the draft banner and the security policy; ``on_post_page`` puts the hashes of the
page's inline scripts into its policy; ``on_post_build`` writes ``_headers``. The work is done in the
``aapenhet`` package.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import File

from aapenhet.export import machine_readable_files
from aapenhet.form_settings import form_origin, load_form_settings
from aapenhet.labels import load_labels
from aapenhet.loader import load_statement_data
from aapenhet.pages import untranslated_pages
from aapenhet.problems import DataProblems
from aapenhet.render import PLACEHOLDER_PATTERN, Renderer, Site, fill_placeholders, make_renderer, unknown_placeholders
from aapenhet.seo import open_graph_locale, page_alternates, robots_txt
from aapenhet.security import (
    INLINE_SCRIPTS_TOKEN,
    REFERRER_POLICY,
    content_security_policy,
    fill_inline_script_hashes,
    headers_file,
)

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

log = get_plugin_logger("aapenhet")

# The renderer of the build in progress; replaced by every on_config, so never stale.
_renderer: Renderer | None = None
# Hashes of the inline scripts of every page built, in every language, for the site-wide _headers.
_script_hashes: set[str] = set()
# The 404 page of each language, as that language's build rendered it.
_not_found_pages: dict[str, str] = {}
# The folder of every page that has language alternates in its head (see on_post_build).
_pages_with_alternates: set[str] = set()
FORM_PLACEHOLDER = "innsynskrav_form"


# Hooks


def on_config(config: MkDocsConfig) -> MkDocsConfig | None:
    """Runs at the start of every build, once per language: load and validate all the data."""
    global _renderer
    project = Path(config.config_file_path).parent
    templates = _templates_dir(config)
    _renderer = None
    try:
        form = load_form_settings(dict(config.extra), Path(config.config_file_path).read_text(encoding="utf-8"))
        labels = load_labels(templates / "labels.yml", shown_as="overrides/aapenhet/labels.yml")
        data = load_statement_data(project / "data")
    except DataProblems as problems:
        raise PluginError(problems.report()) from None
    if not config.site_url:
        # Canonical links, hreflang, the sitemap and the form's thank-you address are all absolute.
        raise PluginError("mkdocs.yml site_url: empty (is SITE_URL set to nothing?) — expected the address the"
                          " site is served at, such as https://www.example.no/aapenhet/")
    site = Site(url=config.site_url, default_language=_default_language(config),
                languages=tuple(_languages(config)), form=form)
    _renderer = make_renderer(templates, data, labels, site)
    if not _is_nested_language_build(config):
        _script_hashes.clear()
        _not_found_pages.clear()
        _pages_with_alternates.clear()
    if _is_first_language_build(config):
        for message in untranslated_pages(Path(config.docs_dir), _languages(config), _default_language(config)):
            log.warning(message)
    return config


@event_priority(-150)  # after static-i18n (-100) has sorted the files into languages
def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    """Runs once the file list is known: keep the statement templates and labels out of ``site/``
    (MkDocs copies every non-HTML file of ``custom_dir`` into the site), and add the language's
    machine-readable statement, so pages link to it as to any file and ``mkdocs serve`` serves it.
    """
    templates = _templates_dir(config)
    for file in list(files):
        if file.abs_src_path and Path(file.abs_src_path).is_relative_to(templates):
            files.remove(file)
    renderer = _current_renderer()
    language = _language(config)
    contents = machine_readable_files(renderer.data, language, labels=renderer.labels)
    if language == _default_language(config):
        contents["robots.txt"] = robots_txt(config.site_url)
    for name, content in contents.items():
        file = File.generated(config, name, content=content.encode("utf-8"))
        file.dest_uri = renderer.site.language_prefix(language) + name
        files.append(file)
    return files


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    """Runs per page after its Markdown is read: replace placeholders with rendered HTML."""
    if not PLACEHOLDER_PATTERN.search(markdown):
        return None
    problems = unknown_placeholders(markdown, f"docs/{page.file.src_uri}")
    if problems:
        raise PluginError(DataProblems(problems).report())
    if FORM_PLACEHOLDER in {match.group("name") for match in PLACEHOLDER_PATTERN.finditer(markdown)}:
        page.meta["aapenhet_form"] = True  # the theme loads the form's script on this page only
    return fill_placeholders(markdown, _current_renderer(), _language(config))


def on_page_context(context: dict, *, page: Page, config: MkDocsConfig, nav: object) -> dict:
    """Runs per page before the theme renders it: the draft banner, security policy and head links."""
    context = _theme_context(context, config)
    alternates = {language: file.url for language, file in getattr(page.file, "alternates", {}).items()}
    context["aapenhet_alternates"] = page_alternates(config.site_url, alternates, _default_language(config))
    context["aapenhet_robots"] = page.meta.get("robots", "")
    return context


def on_template_context(context: dict, *, template_name: str, config: MkDocsConfig) -> dict:
    """Runs before the theme renders a page of its own (``404.html``): the same as for pages."""
    context = _theme_context(context, config)
    if template_name == "404.html":
        renderer = _current_renderer()
        context["aapenhet_not_found"] = renderer.render("not_found", _language(config))
        context["aapenhet_not_found_title"] = renderer.labels.get("not_found.title", _language(config))
        context["aapenhet_language_links"] = [
            {"name": language.name, "lang": language.locale, "link": renderer.site.page_path("", language.locale)}
            for language in config.plugins["i18n"].config.languages]
        context["aapenhet_robots"] = "noindex"
    return context


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    """Runs per page once the theme has rendered it: allow exactly the page's own inline scripts."""
    if not page.meta.get("robots"):
        _pages_with_alternates.add(page.file.dest_uri.removesuffix("index.html"))
    return _with_script_hashes(output)


def on_post_template(output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
    """Runs after the theme renders a page of its own: the policy's hashes; each 404 page is kept.

    Every language's build writes ``site/404.html``; ``on_post_build`` puts each where it belongs.
    """
    output_content = _with_script_hashes(output_content)
    if template_name == "404.html":
        _not_found_pages[_language(config)] = output_content
    return output_content


def on_post_build(*, config: MkDocsConfig) -> None:
    """Runs at the end of each language's build: ``_headers``, the pages' policy for hosts that read it.

    static-i18n builds the other languages inside the default language's build, so the outer build
    ends last and writes the file with the scripts of every language.
    """
    site = _current_renderer().site
    Path(config.site_dir, "_headers").write_text(headers_file(form_origin(site.form), _script_hashes), encoding="utf-8")
    # The host serves the root 404.html for any missing address; hosts that look for the nearest
    # 404.html (Cloudflare Pages) serve en/404.html under /en/.
    for language, page in _not_found_pages.items():
        Path(config.site_dir, site.language_prefix(language), "404.html").write_text(page, encoding="utf-8")
    # Material's language switch fetches sitemap.xml relative to each <link rel="alternate"> in the
    # head; those are page addresses (hreflang), so each page's folder gets a copy. Search engines
    # read the root sitemap, which robots.txt names.
    sitemap = Path(config.site_dir, "sitemap.xml")
    for folder in _pages_with_alternates:
        if folder and sitemap.is_file():
            shutil.copyfile(sitemap, Path(config.site_dir, folder, "sitemap.xml"))


# Helpers


def _theme_context(context: dict, config: MkDocsConfig) -> dict:
    renderer = _current_renderer()
    language = _language(config)
    context["aapenhet_draft_banner"] = renderer.render("draft_banner", language)
    context["aapenhet_print_address_label"] = renderer.labels.get("print.address", language)
    context["aapenhet_csp"] = content_security_policy(form_origin(renderer.site.form), [INLINE_SCRIPTS_TOKEN])
    context["aapenhet_referrer_policy"] = REFERRER_POLICY
    context["aapenhet_og_locale"] = open_graph_locale(language)
    context["aapenhet_og_locale_alternates"] = [open_graph_locale(other) for other in renderer.site.languages
                                                if other != language]
    context.setdefault("aapenhet_alternates", [])
    context.setdefault("aapenhet_robots", "")
    return context


def _with_script_hashes(html: str) -> str:
    html, hashes = fill_inline_script_hashes(html)
    _script_hashes.update(hashes)
    return html


def _templates_dir(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).parent / "overrides" / "aapenhet"


def _current_renderer() -> Renderer:
    if _renderer is None:
        raise PluginError("the statement data was not loaded: on_config did not run")
    return _renderer


def _language(config: MkDocsConfig) -> str:
    """The language being built: static-i18n re-runs the whole build once per language."""
    i18n = config.plugins.get("i18n")
    return getattr(i18n, "current_language", None) or config.theme["language"]


def _languages(config: MkDocsConfig) -> list[str]:
    return [language.locale for language in config.plugins["i18n"].config.languages]


def _default_language(config: MkDocsConfig) -> str:
    return next(language.locale for language in config.plugins["i18n"].config.languages if language.default)


def _is_nested_language_build(config: MkDocsConfig) -> bool:
    """static-i18n builds the other languages from inside the default language's build."""
    return bool(getattr(config.plugins.get("i18n"), "building", False))


def _is_first_language_build(config: MkDocsConfig) -> bool:
    current = getattr(config.plugins.get("i18n"), "current_language", None)
    return current in (None, _default_language(config))
