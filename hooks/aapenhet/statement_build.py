"""One build of the statement site: everything loaded once, and what each language's pass adds.

static-i18n builds the default language, then every other language inside the default language's
build. A ``StatementBuild`` is made at the start of the first pass (the data, labels, form settings
and pages are read and checked once) and is reused by the later passes; it gathers what has to be
written once at the very end: the inline-script hashes of every page and each language's 404 page.
Nothing here imports MkDocs: ``hooks/statement_site.py`` adapts MkDocs' events to it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from aapenhet.form.settings import form_origin, load_form_settings
from aapenhet.languages import DEFAULT_LANGUAGE, LANGUAGES
from aapenhet.model.changes import Changes
from aapenhet.model.history import Version, earlier_version_problems, load_history
from aapenhet.model.loader import LoadedStatement, load_statement
from aapenhet.publishing.build_record import build_record, write_build_record
from aapenhet.publishing.export import machine_readable_files
from aapenhet.publishing.history_export import CHANGES_FILE, HISTORY_FILE, changes_json, history_json
from aapenhet.rendering.docs_pages import docs_problems, untranslated_nav_titles
from aapenhet.rendering.labels import load_labels
from aapenhet.rendering.made_pages import MadePage, made_pages
from aapenhet.rendering.renderer import Renderer, make_renderer
from aapenhet.rendering.version_views import (
    VersionView,
    has_archive,
    version_changes,
    version_views,
)
from aapenhet.source.problems import DataProblems, Problem
from aapenhet.source.yaml_source import SourceMap, parse_yaml
from aapenhet.website.addresses import ARCHIVE_PAGE, CHANGES_PAGE, Site
from aapenhet.website.security import fill_inline_script_hashes
from aapenhet.website.written_files import write_site_files

T = TypeVar("T")


@dataclass
class Process:
    """The one owner of the state the hook keeps: what this process was started for (``serve``, a
    live preview, or a build; MkDocs says so once, before the first build, and ``mkdocs serve`` then
    rebuilds in the same process, with fresh hooks), the build in progress, the problems shown
    instead of pages under serve, and the last good site/ set aside."""

    command: str = "build"
    dirty: bool = False  # ``--dirty``: site/ is built over, not anew
    # The build in progress: made by the first language's on_config, so never older than this build.
    build: StatementBuild | None = None
    # Under ``mkdocs serve`` only: what is wrong with the data or pages, shown on every page instead.
    problems: DataProblems | None = None
    # The last good site/, moved aside while this build writes a new one.
    last_good: Path | None = None
    # The pages the last good build made from the data, by their source path, with their addresses in
    # each language: while the data is wrong, ``mkdocs serve`` shows the problems there too.
    made_pages: dict[str, dict[str, str]] = field(default_factory=dict)

    @property
    def serving(self) -> bool:
        return self.command == "serve"


PROCESS = Process()


@dataclass
class StatementBuild:
    renderer: Renderer
    # The loaded data with where each value is: for the §5 check the build prints.
    loaded: LoadedStatement
    languages_built: list[str] = field(default_factory=list)
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
    _made_pages: dict[str, dict[str, MadePage]] = field(default_factory=dict, repr=False)
    _views: dict[str, list[VersionView]] = field(default_factory=dict, repr=False)

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
                self.versions, self.changes, language, lambda key: self.renderer.label(key, language)
            )
        return self._views[language]

    def made_pages(self, language: str) -> dict[str, MadePage]:
        """The pages made from the data in ``language`` (made_pages.py), by source path."""
        if language not in self._made_pages:
            self._made_pages[language] = made_pages(
                self.renderer, self.version_views(language), self.version_renderers, language
            )
        return self._made_pages[language]

    def history_files(self, language: str) -> dict[str, str]:
        """Each earlier version's machine-readable files under its path, each version's changes.json,
        and history.json: by path from the language's root; the current statement's files under its
        permanent address too, once it is published. None before the first publication."""
        views = self.version_views(language)
        if not has_archive(views):
            return {}
        files = {HISTORY_FILE: history_json(views, self.site, language)}
        for view in views:
            version = view.version
            if view.address:
                for name, content in machine_readable_files(
                    version.loaded.data, language, labels=self.renderer.labels
                ).items():
                    files[view.address + name] = content
            if view.previous is not None:
                files[version.path + CHANGES_FILE] = changes_json(view, view.previous, self.site, language)
        return files

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
        if record:
            write_build_record(site_dir, self.record)


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
) -> StatementBuild:
    """Read and check everything the build needs; raises ``DataProblems`` with every problem found."""
    settings = parse_yaml(mkdocs_yml_text, "mkdocs.yml").source
    problems = _language_problems(settings, languages, default_language)
    if not site_url:
        # Canonical links, hreflang, the sitemap and the form's thank-you address are all absolute.
        problems.append(
            settings.problem(
                ("site_url",),
                "empty (is SITE_URL set to nothing?) — expected the"
                " address the site is served at, such as https://www.example.no/aapenhet/",
            )
        )
    form = _collect(problems, lambda: load_form_settings(extra, mkdocs_yml_text))
    labels = _collect(problems, load_labels)
    loaded = _collect(problems, lambda: load_statement(project / "data"))
    if loaded is not None:
        versions = _collect(problems, lambda: load_history(project / "data", loaded))
    else:
        versions, problems = None, problems + earlier_version_problems(project / "data")
    problems += docs_problems(docs_dir, languages, default_language)
    problems += untranslated_nav_titles(nav or [], nav_translations or {}, settings)
    if problems or not site_url or form is None or labels is None or loaded is None or versions is None:
        raise DataProblems(problems, about="the statement site")
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
            # Last year's facts new-year left in data/: the draft banner lists them with what is missing.
            "carried_over": list(versions[-1].carried_over),
        },
    )
    return StatementBuild(
        renderer=renderer,
        loaded=loaded,
        versions=versions,
        changes=version_changes(versions),
        record=build_record(project, site_url, form),
        version_renderers={
            version.path: renderer.for_data(version.loaded.data) for version in versions if not version.is_current
        },
    )


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
            f"the languages are {', '.join(languages)} with default {default_language} — expected "
            f"{', '.join(expected)} in that order, with {DEFAULT_LANGUAGE} (the authoritative text)"
            " first and default: true",
        )
    ]


def _i18n_languages_position(settings: SourceMap) -> tuple[int, int]:
    """Where the i18n plugin's languages are: ``plugins`` is a list, so find the i18n entry's key."""
    for path, position in sorted(settings.keys.items(), key=lambda item: item[1]):
        if len(path) == 4 and path[0] == "plugins" and path[2:] == ("i18n", "languages"):
            return position
    return settings.locate(("plugins",))
