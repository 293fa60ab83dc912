"""Shared fixtures: the real ``mkdocs build --strict`` runs that several test files read.

Each variant is built once per test session: ``built_site`` (the shipped project, for the public
address ``PUBLIC_URL``), ``filled_site`` (the statement filled in as for publication) and
``history_site`` (filled in, with two invented earlier versions in data/history/). A full
build is the most expensive way to test anything; tests that can render a template or load the data
in-process do that instead (``tests/rendering.py``).
"""

from __future__ import annotations

import pytest

from site_build import PROJECT, PUBLIC_URL, BuiltSite, add_earlier_versions, copy_project, fill_data, run_build


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """The shipped project, built strictly for ``PUBLIC_URL``."""
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
