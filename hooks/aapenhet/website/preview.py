"""The live preview (``mkdocs serve``): its files made when asked for, and what it shows when MkDocs
itself cannot rebuild.

The machine-readable files beside the pages are no page's content and are a good part of a large
statement's build, so a preview's rebuild does not make them: it writes each empty, and its server
makes the one asked for from the build the preview shows (``serving_made_on_request``).

MkDocs looks for saved changes every half second, so an edit waited a quarter of a second on
average, and up to half a second, before its rebuild even started: the preview looks every tenth of
a second (``look_for_changes_every``). Looking costs CPU while the preview runs: about 8 ms a
second at MkDocs' half second, 40 ms (4 % of one CPU) at a tenth, with the shipped project.

``mkdocs serve`` answers no request until a rebuild succeeds, so one saved mistake in mkdocs.yml
would leave the editor's browser waiting. The hook catches MkDocs' error and this module writes
every page of the preview (and its 404 page) as the located problem, in the page's language: the
live-reload script MkDocs adds to each page brings the site back once the fix is saved.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from aapenhet.languages import DEFAULT_LANGUAGE, LANGUAGES
from aapenhet.rendering.problems_page import problems_document
from aapenhet.source.problems import DataProblems, Problem
from aapenhet.source.yaml_source import file_problems
from aapenhet.words import verbatim, wording

if TYPE_CHECKING:
    from wsgiref.types import StartResponse, WSGIApplication, WSGIEnvironment

    from mkdocs.livereload import LiveReloadServer


# How often the preview looks for saved changes (MkDocs: every 0.5 s).
LOOK_FOR_CHANGES_SECONDS = 0.1
# How long, once a change is seen, it waits for more before rebuilding (MkDocs: 0.1 s). The observer
# hands over every change one look found together, so a save's changes arrive within milliseconds;
# waiting as long as a look only delayed every rebuild by a tenth of a second. Files saved across two
# looks (a checkout, "save all") may then be rebuilt twice, the first time half saved: the second
# rebuild, a moment later, shows them all.
MORE_CHANGES_WAIT_SECONDS = 0.02


def look_for_changes_every(server: LiveReloadServer, seconds: float = LOOK_FOR_CHANGES_SECONDS) -> None:
    """Make ``server`` look for saved changes every ``seconds``, what it watches unchanged.

    MkDocs fixes its polling observer's interval when the server is made, and has already asked it
    to watch ``docs/``, ``mkdocs.yml`` (and the theme, with ``--watch-theme``) when the hook is
    called (``on_serve``): each watch moves to a new observer as it was, recursive or not, with its
    handlers, and what is watched later is watched there. Nothing changes once the observer runs.
    A change starts its rebuild ``MORE_CHANGES_WAIT_SECONDS`` after it is seen.
    """
    from watchdog.observers.polling import PollingObserver

    server.build_delay = min(server.build_delay, MORE_CHANGES_WAIT_SECONDS)

    earlier = server.observer
    if earlier.is_alive():
        return
    later = PollingObserver(timeout=seconds)
    for emitter in earlier.emitters:
        watch = emitter.watch
        for handler in earlier._handlers.get(watch, ()):
            later.schedule(
                handler,
                watch.raw_path,
                recursive=watch.is_recursive,
                event_filter=list(watch.event_filter) if watch.event_filter is not None else None,
                follow_symlink=watch.follow_symlink,
            )
    # MkDocs keeps each path's watch to unwatch it: a watch is known by its path and settings, so
    # the same watch on the new observer is found by it.
    server.observer = later


def settings_problems(settings_file: Path, error: Exception) -> DataProblems:
    """What is wrong with ``settings_file``, located when the YAML reader can say where; otherwise
    MkDocs' own message, on one line."""
    shown = settings_file.name
    problems = file_problems(settings_file)
    if not problems:
        said = " ".join(str(error).split())  # MkDocs' own words: English only
        problems = [Problem(shown, 1, 1, "", wording("settings.mkdocs_cannot_read", said=said))]
    return DataProblems(problems, about=verbatim(shown))


def show_settings_problems(site_dir: Path, settings_file: Path, error: Exception) -> str:
    """Every page under ``site_dir`` becomes the problems with ``settings_file``, each in the page's
    language; returns their report, in the build's (``DataProblems.report``)."""
    problems = settings_problems(settings_file, error)
    pages = {*site_dir.rglob("*.html"), site_dir / "404.html"}
    for page in pages:
        page.write_text(problems_document(problems.problems, page_language(page.relative_to(site_dir))), "utf-8")
    return problems.report()


def page_language(path: Path) -> str:
    """The language of a page by its path in the site: a language's own folder, or the default's."""
    first = path.parts[0] if len(path.parts) > 1 else ""
    return first if first in LANGUAGES else DEFAULT_LANGUAGE


def serving_made_on_request(
    app: WSGIApplication, *, mount_path: str, made_on_request: Callable[[str], Callable[[], Iterable[bytes]] | None]
) -> WSGIApplication:
    """The preview server's ``app``, answering a request for a file the rebuild left to be made
    (``made_on_request``: what makes the file at a path from the site's root, if it is one) with the
    file made now. MkDocs' own server answers first, so the request waits for a rebuild under way
    and gets its headers; only the empty body it read is replaced."""

    def serve(environ: WSGIEnvironment, start_response: StartResponse) -> Iterable[bytes]:
        # As MkDocs' server reads the path (livereload._serve_request).
        path = environ.get("PATH_INFO", "").encode("latin-1").decode("utf-8", "ignore")
        make = made_on_request(path.removeprefix(mount_path)) if path.startswith(mount_path) else None
        if make is None:
            return app(environ, start_response)
        answered: list[tuple[str, list[tuple[str, str]]]] = []

        def kept(status: str, headers: list[tuple[str, str]], exc_info: Any = None) -> Callable[[bytes], object]:
            answered.append((status, headers))
            return lambda data: None

        body = app(environ, kept)
        status, headers = answered[0]
        if not status.startswith("200"):
            start_response(status, headers)
            return body
        if hasattr(body, "close"):
            body.close()
        content = b"".join(make())
        headers = [(name, value) for name, value in headers if name.lower() != "content-length"]
        start_response(status, [*headers, ("Content-Length", str(len(content)))])
        return [content]

    return serve
