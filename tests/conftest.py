"""Shared fixtures: the real ``mkdocs build --strict`` runs that several test files read, and the
guard that keeps every test off Exso's own statement.

Each variant is built once per test session from the statements kept under ``tests/statements/``:
``built_site`` (the draft, for the public address ``PUBLIC_URL``), ``filled_site`` (the complete
statement) and ``history_site`` (complete, with two invented earlier versions in data/history/). A
full build is the most expensive way to test anything; tests that can render a template or load the
data in-process do that instead (``tests/rendering.py``).

The guard: editors change ``data/``, ``docs/`` and ``mkdocs.yml`` every year, and no edit that
``aapenhet check`` accepts may turn a test red. A test that opens one of them fails, naming the file.
(``data/schemas/`` and ``docs/assets/`` are the tool's own files beside the editors'.)
"""

from __future__ import annotations

import os
import time

import pytest

from aapenhet.languages import MESSAGES_LANGUAGE_SETTING
from golden import Golden
from site_build import PROJECT, PUBLIC_URL, REPO, BuiltSite, add_earlier_versions, copy_project, fill_data, run_build
from suite_guard import opened_by_test, reads_of_exsos_files

_SUITE_STARTED = pytest.StashKey[float]()

# The build's problem reports are in the language AAPENHET_LANG sets: the tests' own, not the shell's.
os.environ.pop(MESSAGES_LANGUAGE_SETTING, None)


def pytest_sessionstart(session: pytest.Session) -> None:
    session.config.stash[_SUITE_STARTED] = time.monotonic()


def pytest_terminal_summary(terminalreporter, exitstatus: int, config: pytest.Config) -> None:
    """The suite's wall time and the machine's CPUs, against the target (issue 21: 90 s on a quiet
    2-core machine), on the last line of every run."""
    started = config.stash.get(_SUITE_STARTED, None)
    if started is not None and not hasattr(config, "workerinput"):  # the controller, not an xdist worker
        terminalreporter.write_line(
            f"suite: {time.monotonic() - started:.0f} s wall on {os.cpu_count()} CPUs"
            " (target: 90 s on a quiet 2-core machine)"
        )


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--refresh-golden",
        action="store_true",
        help="write tests/golden/**/*.expected from what the code gives now, instead of comparing",
    )


@pytest.fixture
def golden(request: pytest.FixtureRequest) -> Golden:
    """Compares against the golden files, or rewrites them with ``--refresh-golden`` (golden.py)."""
    return Golden(refresh=bool(request.config.getoption("--refresh-golden")))


@pytest.fixture(autouse=True)
def _keeps_off_exsos_statement(request: pytest.FixtureRequest):
    """Fails a test that reads Exso's data/, docs/ or mkdocs.yml: tests use tests/statements/. A test
    marked ``shipped_settings`` may read mkdocs.yml for a setting CI must serve."""
    opened_by_test.clear()
    yield
    opened = sorted(
        reads_of_exsos_files()
        - ({str(REPO / "mkdocs.yml")} if request.node.get_closest_marker("shipped_settings") else set())
    )
    assert not opened, f"this test read Exso's own statement (use tests/statements/ instead): {opened}"


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """The kept draft, built strictly for ``PUBLIC_URL``."""
    result = run_build(PROJECT, tmp_path_factory.mktemp("site") / "site", env={"SITE_URL": PUBLIC_URL})
    assert result.returncode == 0, f"mkdocs build --strict failed:\n{result.output}"
    return BuiltSite(result.site, result.output)


@pytest.fixture(scope="session")
def filled_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """A copy whose statement is filled in (period, approval, board and CEO, contact), built strictly."""
    project = copy_project(tmp_path_factory.mktemp("filled") / "project")
    fill_data(project / "data")
    result = run_build(project, project.parent / "site")
    assert result.returncode == 0, f"mkdocs build --strict of the filled-in copy failed:\n{result.output}"
    return BuiltSite(result.site, result.output)


@pytest.fixture(scope="session")
def history_project(tmp_path_factory: pytest.TempPathFactory):
    """A filled-in copy with earlier versions: data/history/2024/ and 2024/2025-09-15/ (test data only)."""
    project = copy_project(tmp_path_factory.mktemp("history") / "project")
    fill_data(project / "data")
    add_earlier_versions(project / "data")
    return project


@pytest.fixture(scope="session")
def history_site(history_project) -> BuiltSite:
    """``history_project`` built strictly for ``PUBLIC_URL``."""
    result = run_build(history_project, history_project.parent / "site", env={"SITE_URL": PUBLIC_URL})
    assert result.returncode == 0, f"mkdocs build --strict with earlier versions failed:\n{result.output}"
    return BuiltSite(result.site, result.output)
