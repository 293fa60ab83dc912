"""Shared fixtures: one real ``mkdocs build --strict`` of the project per test session."""

from __future__ import annotations

import pytest

from site_build import PROJECT, BuiltSite, run_build


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    result = run_build(PROJECT, tmp_path_factory.mktemp("site"))
    assert result.returncode == 0, f"mkdocs build --strict failed:\n{result.output}"
    return BuiltSite(result.site)
