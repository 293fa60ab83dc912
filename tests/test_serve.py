"""``mkdocs serve`` as an editor uses it: the preview's policy lets MkDocs' live-reload script run (a
built site's never does: test_form_config.py), a data mistake is reported, and fixing it brings the
site back with the new data, without restarting the server.
"""

from __future__ import annotations

import contextlib
import html
import json
import os
import re
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from aapenhet.website.preview import page_language, serving_made_on_request, settings_problems
from site_build import add_earlier_versions, copy_project, fill_data, run_build


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for(condition: Callable[[], bool], what: str | Callable[[], str], timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.2)
    raise AssertionError(f"timed out waiting for {what() if callable(what) else what}")


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


@contextlib.contextmanager
def serving(project: Path, *, temporary: Path | None = None) -> Iterator[tuple[subprocess.Popen, int, list[str]]]:
    """``mkdocs serve`` of ``project`` on a free port: the process, the port and its log so far.
    ``temporary``: the folder MkDocs makes its site in (``TMPDIR``), for a test to look at what it wrote."""
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"} | ({"TMPDIR": str(temporary)} if temporary else {}),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    log: list[str] = []
    threading.Thread(target=lambda: log.extend(iter(server.stdout.readline, "")), daemon=True).start()
    try:
        yield server, port, log
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_fixing_bad_data_brings_the_site_back_without_restart(tmp_path: Path) -> None:
    # Filled in, with an earlier version: its page, made from the data, shows the problems too.
    project = copy_project(tmp_path / "project")
    fill_data(project / "data")
    add_earlier_versions(project / "data")
    suppliers = project / "data" / "suppliers.yml"
    original = suppliers.read_text(encoding="utf-8")
    (temporary := tmp_path / "tmp").mkdir()
    with serving(project, temporary=temporary) as (server, port, log):
        page = f"http://127.0.0.1:{port}/leverandorer/"
        wait_for(lambda: "HP Inc." in fetch(page), "the first build to be served")
        # The machine-readable files, whole as served, in each language and at a kept version's address.
        served_json = json.loads(fetch(f"http://127.0.0.1:{port}/statement.json"))
        assert served_json["language"] == "nb" and "HP Inc." in {each["name"] for each in served_json["suppliers"]}
        assert fetch(f"http://127.0.0.1:{port}/en/suppliers.csv").startswith("supplier_id,")
        assert json.loads(fetch(f"http://127.0.0.1:{port}/en/2024/statement.json"))["language"] == "en"
        # The preview's policy lets MkDocs' live-reload script run, or the page never reloads by itself.
        served = fetch(page)
        policy = html.unescape(re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', served).group(1))
        assert "script-src 'self' 'unsafe-inline'" in policy and "sha256-" not in policy, policy
        assert "livereload" in served

        suppliers.write_text(original.replace("countries: [CZ, CN]", "countries: [CZ, XX]"), encoding="utf-8")
        # The terminal's report is in Norwegian, the default (AAPENHET_LANG sets another).
        wait_for(
            lambda: any("«XX» er ikke en landkode etter ISO 3166" in line for line in log),
            lambda: "the located error; server log:\n" + "".join(log),
            timeout=20,
        )
        assert any("Alle sidene viser dette til det er rettet." in line for line in log), "".join(log)
        assert not any("Traceback" in line for line in log), "".join(log)
        assert server.poll() is None, "the server stopped on bad data"
        # Every page answers (a failed build would leave requests waiting) with the located problem,
        # in the page's language.
        for address, heading, message in (
            (page, "Feil i dataene", "«XX» er ikke en landkode etter ISO 3166"),
            (f"http://127.0.0.1:{port}/en/", "Errors in the data", "«XX» is not an ISO 3166 country code"),
            (f"http://127.0.0.1:{port}/en/2024/", "Errors in the data", "«XX» is not an ISO 3166 country code"),
        ):
            shown = fetch(address)
            assert f"<h1>{heading}</h1>" in shown and "<code>data/suppliers.yml:21:25</code>" in shown, shown
            assert message in shown and "Traceback" not in shown

        # The files the pages link say what the pages say.
        assert "«XX» is not an ISO 3166 country code" in fetch(f"http://127.0.0.1:{port}/en/statement.json")

        suppliers.write_text(original.replace("name: HP Inc.", "name: HP Inc. (rettet)"), encoding="utf-8")
        wait_for(lambda: "HP Inc. (rettet)" in fetch(page), "the fixed data to be served")
        assert "Statement for 2024" in fetch(f"http://127.0.0.1:{port}/en/2024/")
        served_json = json.loads(fetch(f"http://127.0.0.1:{port}/statement.json"))
        assert "HP Inc. (rettet)" in {each["name"] for each in served_json["suppliers"]}
        # A rebuild leaves them to be made when asked for: empty where it wrote them.
        [site] = temporary.glob("mkdocs_*")
        assert (site / "statement.json").read_bytes() == b"" and (site / "en" / "suppliers.csv").read_bytes() == b""
        assert fetch(f"http://127.0.0.1:{port}/en/suppliers.csv").startswith("supplier_id,")


def test_a_mistake_in_mkdocs_yml_or_a_page_is_shown_on_every_page_until_it_is_fixed(tmp_path: Path) -> None:
    # MkDocs cannot rebuild at all without mkdocs.yml: its server would leave every request waiting.
    project = copy_project(tmp_path / "project")
    settings = project / "mkdocs.yml"
    original = settings.read_text(encoding="utf-8")
    line = original.splitlines().index("theme:") + 1
    with serving(project) as (server, port, log):
        home = f"http://127.0.0.1:{port}/"
        wait_for(lambda: "Exempla AS" in fetch(home), "the first build to be served")
        settings.write_text(original.replace("theme:", "theme: [", 1), encoding="utf-8")
        for address, heading in (
            (home, "Feil i dataene"),
            (f"http://127.0.0.1:{port}/leverandorer/", "Feil i dataene"),
            (f"http://127.0.0.1:{port}/en/", "Errors in the data"),
        ):
            wait_for(lambda address=address: f"<code>mkdocs.yml:{line}:" in fetch(address), lambda: "".join(log))
            shown = fetch(address)
            assert f"<h1>{heading}</h1>" in shown and "livereload" in shown, shown
        with pytest.raises(urllib.error.HTTPError) as missing:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/no-such-page/", timeout=5)
        assert f"<code>mkdocs.yml:{line}:" in missing.value.read().decode("utf-8")
        assert server.poll() is None and not any("Traceback" in entry for entry in log), "".join(log)

        settings.write_text(original, encoding="utf-8")
        wait_for(lambda: "mkdocs.yml:" not in fetch(home) and "Exempla AS" in fetch(home), "the fixed site")

        # A page saved as Latin-1: MkDocs does not read it either, and every page says where it is.
        page = project / "docs" / "index.md"
        text = page.read_text(encoding="utf-8")
        page.write_bytes(text.replace("Exempla", "Exempla Å", 1).encode("latin-1", errors="replace"))
        wait_for(lambda: "<code>docs/index.md:" in fetch(home), lambda: "".join(log))
        assert "siden er ikke lagret som UTF-8" in fetch(home)
        assert "not saved as UTF-8" in fetch(f"http://127.0.0.1:{port}/en/") and server.poll() is None
        page.write_text(text, encoding="utf-8")
        wait_for(lambda: "docs/index.md:" not in fetch(home) and "Exempla AS" in fetch(home), "the fixed page")
        assert not any("Traceback" in entry for entry in log), "".join(log)


def test_each_preview_page_shows_mkdocs_yml_problems_in_its_own_language() -> None:
    assert page_language(Path("index.html")) == page_language(Path("leverandorer/index.html")) == "nb"
    assert page_language(Path("en/index.html")) == page_language(Path("en/2024/index.html")) == "en"
    assert page_language(Path("en.html")) == "nb"  # a page named like a language is not its folder


def test_mkdocs_yml_problems_are_located_whatever_is_wrong(tmp_path: Path) -> None:
    settings = tmp_path / "mkdocs.yml"
    settings.write_text("site_name: Exempla\ntheme: [\n", encoding="utf-8")
    [problem] = settings_problems(settings, Exception("MkDocs' own words")).problems
    assert (problem.file, problem.line) == ("mkdocs.yml", 3) and "Traceback" not in problem.message_in("en")
    settings.write_bytes(b"site_name: Exempla \xe6\n")
    [problem] = settings_problems(settings, Exception("MkDocs' own words")).problems
    assert "not UTF-8" in problem.message_in("en") and "ikke lagret som UTF-8" in problem.message_in("nb")
    settings.write_text("site_name: Exempla\ntheme: {name: unknown}\n", encoding="utf-8")
    [problem] = settings_problems(settings, Exception("Unrecognised theme name:\n'unknown'")).problems
    assert str(problem) == "mkdocs.yml:1:1 Unrecognised theme name: 'unknown'"
    assert problem.text("nb") == "mkdocs.yml:1:1 MkDocs kan ikke lese filen: Unrecognised theme name: 'unknown'"


def _answer(app, path: str) -> tuple[str, dict[str, str], bytes]:
    """``app``'s answer to a GET of ``path``: status, headers, body."""
    answered: list = []
    body = app({"PATH_INFO": path}, lambda status, headers, exc_info=None: answered.append((status, dict(headers))))
    return answered[0][0], answered[0][1], b"".join(body)


def test_the_preview_serves_a_file_left_to_be_made_made_when_asked_for() -> None:
    made: list[str] = []

    def make() -> Iterator[bytes]:
        made.append("statement.json")
        yield b'{"name": "Exempla AS'
        yield ' – åpenhet"}'.encode()

    def mkdocs_server(environ, start_response):
        # MkDocs' own server: the empty file the rebuild wrote, or nothing.
        if environ["PATH_INFO"] in ("/aapenhet/en/statement.json", "/aapenhet/en/"):
            start_response("200 OK", [("Content-Type", "application/json"), ("Content-Length", "0")])
            return [b""]
        start_response("404 Not Found", [("Content-Type", "text/html")])
        return [b"not found"]

    app = serving_made_on_request(
        mkdocs_server, mount_path="/aapenhet/", made_on_request={"en/statement.json": make}.get
    )
    assert not made, "nothing is made before it is asked for"
    status, headers, body = _answer(app, "/aapenhet/en/statement.json")
    assert (status, json.loads(body)) == ("200 OK", {"name": "Exempla AS – åpenhet"})
    assert headers == {"Content-Type": "application/json", "Content-Length": str(len(body))}
    assert made == ["statement.json"]
    # Anything else is MkDocs' answer, as it gave it.
    assert _answer(app, "/aapenhet/en/") == ("200 OK", {"Content-Type": "application/json", "Content-Length": "0"}, b"")
    assert _answer(app, "/aapenhet/en/missing.json")[0] == "404 Not Found"
    assert made == ["statement.json"]


def test_the_preview_looks_for_changes_every_tenth_of_a_second(tmp_path: Path) -> None:
    """MkDocs looks every half second; the hook moves each watch, as it was, to an observer that looks
    every 0.1 s, and a saved change still starts a rebuild. Once the observer runs, nothing is moved."""
    from mkdocs.livereload import LiveReloadServer
    from watchdog.events import FileSystemEventHandler

    from aapenhet.website.preview import LOOK_FOR_CHANGES_SECONDS, MORE_CHANGES_WAIT_SECONDS, look_for_changes_every

    docs, settings, theme = tmp_path / "docs", tmp_path / "mkdocs.yml", tmp_path / "theme"
    docs.mkdir()
    theme.mkdir()
    settings.write_text("site_name: x\n", encoding="utf-8")
    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(tmp_path))
    server.watch(str(docs))
    server.watch(str(settings))
    server.watch(str(theme), recursive=False)
    server.observer.schedule(FileSystemEventHandler(), str(docs))  # as a plugin may, past MkDocs' watch()
    assert server.observer.timeout == 0.5 and server.build_delay == 0.1  # MkDocs' own, which this test changes

    def watches() -> list[tuple[str, bool, int]]:
        observer = server.observer
        return sorted(
            (emitter.watch.raw_path, emitter.watch.is_recursive, len(observer._handlers[emitter.watch]))
            for emitter in observer.emitters
        )

    before = watches()
    look_for_changes_every(server)
    assert LOOK_FOR_CHANGES_SECONDS == 0.1 and server.observer.timeout == LOOK_FOR_CHANGES_SECONDS
    assert server.build_delay == MORE_CHANGES_WAIT_SECONDS < LOOK_FOR_CHANGES_SECONDS
    assert watches() == before
    (data := tmp_path / "data").mkdir()
    server.watch(str(data))  # what MkDocs watches after the hook: on the new observer
    assert len(watches()) == len(before) + 1
    server.unwatch(str(theme))  # MkDocs' record of each watch still finds it
    assert len(watches()) == len(before)

    server.observer.start()
    try:
        (docs / "index.md").write_text("# Ny\n", encoding="utf-8")
        wait_for(lambda: server._want_rebuild, "the saved change to start a rebuild", timeout=10)
        running = server.observer
        look_for_changes_every(server, 0.3)
        assert server.observer is running and running.timeout == LOOK_FOR_CHANGES_SECONDS
    finally:
        server.observer.stop()
        server.observer.join()


def test_the_hook_makes_the_preview_look_every_tenth_of_a_second(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.livereload import LiveReloadServer

    import statement_site
    from aapenhet.website.preview import LOOK_FOR_CHANGES_SECONDS

    # on_serve tells the build process it serves: this test's process is not serving.
    monkeypatch.setattr(statement_site.PROCESS, "serves_made_on_request", False)
    settings = tmp_path / "mkdocs.yml"
    settings.write_text("site_name: x\n", encoding="utf-8")
    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(tmp_path))
    server.watch(str(settings))
    statement_site.on_serve(server, config=MkDocsConfig(config_file_path=str(settings)), builder=lambda: None)
    assert server.observer.timeout == LOOK_FOR_CHANGES_SECONDS
    assert [emitter.watch.raw_path for emitter in server.observer.emitters] == [str(settings)]


def test_after_each_edit_the_preview_shows_what_a_build_of_the_edited_data_shows(tmp_path: Path) -> None:
    """The preview keeps its suppliers and their entries from one rebuild to the next and makes again
    only what an edit changed (view/mapping.py, rendering/supplier_entries.py): after a supplier's
    edit, and after an edit to a country every entry there shows, each page is a build's."""
    project = copy_project(tmp_path / "project", "complete")
    data = project / "data"
    (temporary := tmp_path / "tmp").mkdir()
    edits = [
        (data / "suppliers.yml", "name: Zebra Technologies", "name: Zebra Technologies (endret)"),
        (data / "countries.yml", "code: CN\n  risk: high", "code: CN\n  risk: low"),
    ]
    with serving(project, temporary=temporary) as (_, port, log):
        wait_for(lambda: "HP Inc." in fetch(f"http://127.0.0.1:{port}/leverandorer/"), "the first build to be served")
        [served] = temporary.glob("mkdocs_*")
        for rebuilds, (file, before, after) in enumerate(edits, start=1):
            text = file.read_text(encoding="utf-8")
            assert before in text, f"{file.name} no longer has «{before}»"
            file.write_text(text.replace(before, after), encoding="utf-8")
            wait_for(
                lambda rebuilds=rebuilds: sum("Reloading browsers" in line for line in log) == rebuilds,
                lambda: "the rebuild; server log:\n" + "".join(log),
            )
            built = run_build(project, tmp_path / f"built-{rebuilds}", env={"SITE_URL": f"http://127.0.0.1:{port}/"})
            assert built.returncode == 0, built.output
            pages = sorted(page.relative_to(built.site) for page in built.site.rglob("*.html"))
            assert len(pages) > 10
            for page in pages:
                # Only the security policy differs: the preview's lets MkDocs' live-reload script run.
                assert _without_policy(served / page) == _without_policy(built.site / page), page
        assert not any("Traceback" in line for line in log), "".join(log)


def _without_policy(page: Path) -> str:
    return re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", page.read_text(encoding="utf-8"))
