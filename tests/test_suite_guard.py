"""The suite guards the tool, not this year's text: no test reads Exso's own statement.

Proves: the test project is assembled from the statements kept under ``tests/statements/`` (not from
``data/``, ``docs/`` or ``mkdocs.yml``); the guard (``suite_guard.py``, run by ``conftest.py``)
recognises a read of Exso's files (and not of ``data/schemas/``, the tool's output for editors), so
a test that reads them fails.
"""

from __future__ import annotations

import os

from site_build import PROJECT, REPO, STATEMENTS
from suite_guard import editors_file, reads_of_exsos_files


def test_the_test_project_is_made_of_kept_statements_not_exsos() -> None:
    assert not PROJECT.is_relative_to(REPO)
    for name in ("company.yml", "suppliers.yml", "countries.yml", "due_diligence.yml", "statement.yml"):
        assert (PROJECT / "data" / name).read_bytes() == (STATEMENTS / "draft" / "data" / name).read_bytes()
    assert (PROJECT / "mkdocs.yml").read_bytes() == (STATEMENTS / "site" / "mkdocs.yml").read_bytes()


def test_the_guard_knows_exsos_files() -> None:
    assert editors_file(REPO / "data" / "company.yml")
    assert editors_file(str(REPO / "docs" / "index.md"))
    assert editors_file(REPO / "mkdocs.yml")
    assert editors_file(REPO / "data" / "history" / "2025" / "statement.yml")
    assert not editors_file(REPO / "data" / "schemas" / "company.schema.json")
    assert not editors_file(REPO / "docs" / "assets" / "statement.css")  # the tool's, tested as shipped
    assert (PROJECT / "docs" / "assets" / "statement.css").read_bytes() == (
        REPO / "docs" / "assets" / "statement.css"
    ).read_bytes()
    assert not editors_file(STATEMENTS / "draft" / "data" / "company.yml")
    assert not editors_file(PROJECT / "data" / "company.yml")
    assert not editors_file(3)  # os.open on a descriptor


def test_a_read_of_exsos_statement_is_recorded_however_it_is_named() -> None:
    """What the guard fails a test for, through the audit hook: here the record is taken (and so cleared)
    by the test itself, so it does not fail."""
    (REPO / "data" / "company.yml").read_bytes()
    assert reads_of_exsos_files() == {str(REPO / "data" / "company.yml")}
    os.listdir(REPO / "docs")
    cwd = os.getcwd()
    try:
        os.chdir(REPO)
        with open("mkdocs.yml", "rb"):
            pass
    finally:
        os.chdir(cwd)
    assert reads_of_exsos_files() == {str(REPO / "docs"), "mkdocs.yml"}
    (REPO / "data" / "schemas" / "company.schema.json").read_bytes()
    (STATEMENTS / "draft" / "data" / "company.yml").read_bytes()
    assert reads_of_exsos_files() == set()
