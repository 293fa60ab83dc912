"""Shared fixtures: the real ``mkdocs build --strict`` runs that several test files read.

Each variant is built once per test session: ``built_site`` (the shipped project, for the public
address ``PUBLIC_URL``) and ``filled_site`` (the statement filled in as for publication). A full
build is the most expensive way to test anything; tests that can render a template or load the data
in-process do that instead (``tests/rendering.py``).
"""

from __future__ import annotations

import pytest

from site_build import PROJECT, PUBLIC_URL, BuiltSite, copy_project, fill_data, run_build


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
