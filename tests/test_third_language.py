"""No code is wired to the statement's two languages: with a third, test-only language added to the
list and to the word store (``third_language.py``), the fixture statement builds, and that
language's pages come out at its own address, in its own language, with its own texts from the data.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from site_build import PAGES, REPO, copy_project
from third_language import MARK, add_language

CODE, LOCALE = "nn", "nn_NO"


@pytest.fixture(scope="module")
def third_language_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("third_language")
    project = copy_project(base / "project", "complete")
    add_language(project, base / "store", CODE)
    site = base / "site"
    command = ["mkdocs", "build", "--strict", "--site-dir", str(site), "--config-file", str(project / "mkdocs.yml")]
    done = subprocess.run(
        [sys.executable, str(REPO / "tests" / "third_language.py"), str(base / "store"), CODE, LOCALE, "--", *command],
        cwd=project,
        env={"NO_MKDOCS_2_WARNING": "1", "SITE_URL": "https://exempla.no/", "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return site


@pytest.mark.parametrize("page", PAGES)
def test_the_third_languages_pages_come_out_in_it(third_language_site: Path, page: str) -> None:
    html = BeautifulSoup((third_language_site / CODE / page / "index.html").read_text(encoding="utf-8"), "lxml")
    assert html.html is not None and html.html["lang"] == CODE


def test_the_third_language_shows_its_own_texts_from_the_data(third_language_site: Path) -> None:
    own = (third_language_site / CODE / "leverandorer" / "index.html").read_text(encoding="utf-8")
    english = (third_language_site / "en" / "leverandorer" / "index.html").read_text(encoding="utf-8")
    assert MARK in own and MARK not in english


def test_the_third_languages_statement_json_is_in_it(third_language_site: Path) -> None:
    document = json.loads((third_language_site / CODE / "statement.json").read_text(encoding="utf-8"))
    assert document["language"] == CODE
