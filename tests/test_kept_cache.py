"""Kept versions are read once (model/kept_cache.py): a kept version never changes, so its data, its
machine-readable files and its pages are kept on disk under its files' bytes and the tool's code.
What a build gives is the same from the cache as without it; an edit to a kept file is read again;
messages about a version read from the cache are located as before; a folder others may write to is
never read."""

from __future__ import annotations

import datetime
import os
import shutil
from pathlib import Path

import pytest

from aapenhet.model import history, kept_cache
from aapenhet.model.history import load_history
from aapenhet.model.loader import load_statement
from aapenhet.model.publishable import publication_verdict
from aapenhet.statement_build import StatementBuild
from site_build import add_earlier_versions, copy_project, fill_data, replace_once, start_project_build


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("AAPENHET_CACHE_DIR", str(folder))
    monkeypatch.delenv("AAPENHET_CACHE", raising=False)
    return folder


def project_with_history(folder: Path) -> Path:
    project = copy_project(folder / "project")
    fill_data(project / "data")
    add_earlier_versions(project / "data")
    return project


def what_a_build_gives(project: Path) -> dict[str, str]:
    return everything_made(start_project_build(project))


def everything_made(build: StatementBuild) -> dict[str, str]:
    """Every file and made page of ``build`` in both languages, and each page's draft banner."""
    given = {}
    for language in ("nb", "en"):
        given |= {f"{language}/{name}": content.decode("utf-8") for name, content in build.files(language).items()}
        for src_uri in build.made_pages(language):
            content = build.page_content(src_uri, "", language)
            assert content is not None
            given[f"{language}/{src_uri}"] = content.html
            banner = build.page_context(src_uri, "", language, "").get("aapenhet_draft_banner")
            given[f"{language}/{src_uri}/banner"] = str(banner)
    return given


def test_a_build_gives_the_same_from_the_cache_as_without_it(tmp_path: Path, cache: Path, monkeypatch) -> None:
    project = project_with_history(tmp_path)
    monkeypatch.setenv("AAPENHET_CACHE", "off")
    without = what_a_build_gives(project)
    assert not cache.exists()
    monkeypatch.delenv("AAPENHET_CACHE")
    first = what_a_build_gives(project)
    assert len(list((cache / "kept").iterdir())) == 2  # history/2024/ and its update

    def never(*args, **kwargs):
        raise AssertionError("a kept version was read again")

    monkeypatch.setattr(history, "load_statement", never)
    assert what_a_build_gives(project) == first == without
    assert any("2024/statement.json" in name for name in without)


def test_an_older_kept_versions_data_is_not_read_when_its_pages_and_files_are_in_the_cache(
    tmp_path: Path, cache: Path
) -> None:
    """Its pages and files, and what changed between it and the next kept version, come from the cache:
    only the newest kept version's data is read (the current statement is compared with it)."""
    project = project_with_history(tmp_path)
    first = what_a_build_gives(project)
    build = start_project_build(project)
    assert everything_made(build) == first
    oldest, newest = build.versions[0].loaded, build.versions[-2].loaded
    assert isinstance(oldest, history.KeptStatement) and isinstance(newest, history.KeptStatement)
    assert "data" not in vars(oldest)
    assert "data" in vars(newest)


def test_an_edit_to_a_kept_file_is_read_again(tmp_path: Path, cache: Path) -> None:
    project = project_with_history(tmp_path)
    data = project / "data"
    what_a_build_gives(project)
    replace_once(data / "history" / "2024" / "suppliers.yml", "name: HP Inc.", "name: HP Incorporated")
    given = what_a_build_gives(project)
    assert "HP Incorporated" in given["en/2024/statement.json"] and "HP Incorporated" in given["en/2024.md"]


def test_a_message_about_a_version_read_from_the_cache_is_located_in_its_own_file(tmp_path: Path, cache: Path) -> None:
    project = project_with_history(tmp_path)
    data, docs = project / "data", project / "docs"
    day = datetime.date(2025, 6, 12)  # after the 2024 statement's approval, before its publication
    cold = publication_verdict(data, docs, today=day).reasons()
    load_history(data, load_statement(data))  # now in the cache
    warm = publication_verdict(data, docs, today=day).reasons()
    assert warm == cold
    assert any(line.startswith("data/history/2024/statement.yml:4:") and "in the future" in line for line in warm), warm


def test_a_cache_others_may_write_to_is_never_read(cache: Path) -> None:
    assert kept_cache.cache_folder() == cache / "kept"
    os.chmod(cache, 0o777)
    assert kept_cache.cache_folder() is None


def test_a_change_to_the_tools_templates_or_code_gives_kept_versions_a_new_key(tmp_path: Path, monkeypatch) -> None:
    """A kept version is made again with the tool that builds the site: its key names the tool's own
    code and templates, byte for byte."""
    package = tmp_path / "aapenhet"
    shutil.copytree(kept_cache.PACKAGE, package, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(kept_cache, "PACKAGE", package)
    fingerprint = kept_cache.code_fingerprint.__wrapped__
    before = fingerprint()
    assert fingerprint() == before
    template = package / "rendering" / "templates" / "_supplier_entry.html"
    template.write_text(template.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    after_template = fingerprint()
    code = package / "view" / "mapping.py"
    code.write_text(code.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert len({before, after_template, fingerprint()}) == 3


def test_kept_versions_are_made_again_under_a_new_key(tmp_path: Path, cache: Path, monkeypatch) -> None:
    project = project_with_history(tmp_path)
    first = what_a_build_gives(project)
    read_again: list[Path] = []
    load_statement_of_history = history.load_statement

    def spied(folder: Path, **kwargs):
        read_again.append(folder)
        return load_statement_of_history(folder, **kwargs)

    monkeypatch.setattr(history, "load_statement", spied)
    monkeypatch.setattr(kept_cache, "code_fingerprint", lambda: "another tool")
    assert what_a_build_gives(project) == first
    kept = {folder for _, folder in history.history_folders(project / "data")}
    assert len(kept) == 2 and set(read_again) == kept


def test_a_kept_versions_data_lost_from_the_cache_is_read_again_and_stored(tmp_path: Path, cache: Path) -> None:
    """A system's cleaner may take a kept version's data and leave its outline: the build reads the
    version's files again, gives the same site, and stores the data for the next build."""
    project = project_with_history(tmp_path)
    first = what_a_build_gives(project)
    stored = sorted(cache.glob("kept/*/data.pickle"))
    assert len(stored) == 2
    for data in stored:
        data.unlink()
    assert what_a_build_gives(project) == first
    assert any(data.exists() for data in stored)  # the newest kept version's, which the build read


def test_a_kept_versions_files_are_read_from_the_cache_a_piece_at_a_time(
    tmp_path: Path, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each is read as it is written, never held whole (a long list's statement.json is megabytes a
    version); one the cache lost after the build found it is made again, the same."""
    project = project_with_history(tmp_path)
    first = what_a_build_gives(project)  # the kept versions' files are in the cache from here
    monkeypatch.setattr(kept_cache, "READ_BYTES", 64)
    build = start_project_build(project)
    makers = build.file_makers("en")
    kept_json = "2024/statement.json"
    pieces = list(makers[kept_json]())
    assert len(pieces) > 10 and max(len(piece) for piece in pieces) == 64
    assert b"".join(pieces).decode("utf-8") == first[f"en/{kept_json}"]
    shutil.rmtree(cache / "kept")
    for path, make in makers.items():
        assert b"".join(make()).decode("utf-8") == first[f"en/{path}"], path
