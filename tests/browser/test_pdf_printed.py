"""``aapenhet pdf`` on a built site with earlier versions: every PDF the pages link, read with pypdf.

On a copy of the shared ``history_site`` (the complete statement for 2025, and 2024 with its update of
2025-09-15, built for ``PUBLIC_URL``), the command is run as CI runs it (a subprocess, Debian's
Chromium). For each version, current and kept, in each language: ``statement.pdf`` exists beside its
``statement.json``, is A4, is tagged (``/MarkInfo /Marked true``, a ``/StructTreeRoot``) with
``/Lang`` the page's language, its outline starts with the page's headings (the title, then §5's
sections), its text shows the version's permanent address and page numbers on every page and names
every signatory with their role, and its links lead to the public site, not the local server. Every
``SHA256SUMS`` lists its PDF and ``sha256sum -c`` passes. Made again, every published version's PDF
has the same bytes.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from pypdf import PdfReader
from signatories import SIGNATORIES

from site_build import PUBLIC_URL, BuiltSite

pytestmark = pytest.mark.browser

A4 = (595.92, 842.88)  # 210 × 297 mm in points, as Chromium writes them


def run_pdf(site: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "aapenhet", "pdf", str(site)], capture_output=True, text=True, timeout=600
    )


@pytest.fixture(scope="module")
def printed(history_site: BuiltSite, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the shared build (other tests read it as built), with its PDFs made."""
    site = tmp_path_factory.mktemp("pdf") / "site"
    shutil.copytree(history_site.root, site)
    started = time.perf_counter()
    done = run_pdf(site)
    assert done.returncode == 0, done.stdout + done.stderr
    print(f"aapenhet pdf: {time.perf_counter() - started:.1f} s for the fixture site")
    return site


def jobs(site: Path) -> list[dict]:
    return json.loads((site / "build.json").read_text(encoding="utf-8"))["pdf"]


def words(text: str) -> str:
    return " ".join(text.split())


def test_every_version_has_its_pdf_in_every_language(printed: Path) -> None:
    made = sorted(job["pdf"] for job in jobs(printed))
    assert made == sorted(
        prefix + path + "statement.pdf" for prefix in ("", "en/") for path in ("", "2024/", "2024/2025-09-15/", "2025/")
    )
    for path in made:
        assert (printed / path).read_bytes().startswith(b"%PDF-"), path
        assert (printed / path).with_name("statement.json").is_file(), f"{path} is not beside its statement.json"


@pytest.mark.parametrize("index", range(8))
def test_each_pdf_is_a_tagged_a4_document_of_its_version(printed: Path, index: int) -> None:
    job = jobs(printed)[index]
    language = job["language"]
    reader = PdfReader(printed / job["pdf"])
    root = reader.trailer["/Root"]
    box = reader.pages[0].mediabox
    assert (round(float(box.width), 2), round(float(box.height), 2)) == A4, job["pdf"]
    assert bool(root["/MarkInfo"]["/Marked"]) and "/StructTreeRoot" in root, f"{job['pdf']} is not tagged"
    assert root["/Lang"] == language

    page = BeautifulSoupPage(printed / job["page"] / "index.html")
    outline = [entry for entry in reader.outline if not isinstance(entry, list)]
    nested = next(entry for entry in reader.outline if isinstance(entry, list))
    # Chromium joins a heading's lines without their space: compared without spaces.
    assert outline[0].title.replace(" ", "") == page.h1.replace(" ", ""), job["pdf"]
    assert [entry.title for entry in nested if not isinstance(entry, list)][:3] == page.h2s[:3], job["pdf"]

    texts = [words(each.extract_text()) for each in reader.pages]
    count = len(texts)
    assert count >= 2
    for number, text in enumerate(texts, start=1):
        assert job["address"] in text, f"{job['pdf']} page {number}: no permanent address"
        assert f"{number} / {count}" in text, f"{job['pdf']} page {number}: no page number"
    whole = " ".join(texts)
    for name, role in SIGNATORIES[language]:
        assert re.search(rf"{name} {re.escape(role)}", whole), (
            f"{job['pdf']}: {name} ({role}) not on the signature page"
        )
    links = [
        annotation.get_object()["/A"]["/URI"]
        for each in reader.pages
        for annotation in each.get("/Annots") or []
        if "/A" in annotation.get_object() and "/URI" in annotation.get_object()["/A"]
    ]
    assert links and not [link for link in links if link.startswith("http://127.")], job["pdf"]
    assert any(link.startswith(PUBLIC_URL) for link in links)
    # The risk picture is a tagged figure whose alternative text is the picture's title and description.
    picture = page.soup.select_one("figure#risk-overview svg")
    alternative = words(picture.title.get_text() + " " + picture.desc.get_text())
    assert alternative in [words(str(alt)) for alt in figure_alternatives(root["/StructTreeRoot"])], job["pdf"]


def figure_alternatives(node: object) -> list[object]:
    """Every /Alt of a /Figure in a tagged PDF's structure tree."""
    node = node.get_object() if hasattr(node, "get_object") else node
    found: list[object] = []
    if isinstance(node, dict):
        if node.get("/S") == "/Figure" and "/Alt" in node:
            found.append(node["/Alt"])
        kids = node.get("/K")
        found += figure_alternatives(kids) if kids is not None else []
    elif isinstance(node, list):
        for kid in node:
            found += figure_alternatives(kid)
    return found


def test_every_checksums_file_lists_its_pdf_and_verifies(printed: Path) -> None:
    records = [job["checksums"] for job in jobs(printed) if job["checksums"]]
    assert len(records) == 6
    for record in records:
        folder = (printed / record).parent
        assert re.search(r"^[0-9a-f]{64}  statement\.pdf$", (folder / "SHA256SUMS").read_text(), re.MULTILINE)
        done = subprocess.run(["sha256sum", "--strict", "-c", "SHA256SUMS"], cwd=folder, capture_output=True, text=True)
        assert done.returncode == 0, done.stdout + done.stderr


def test_a_published_versions_pdf_is_the_same_when_made_again(printed: Path) -> None:
    before = {job["pdf"]: (printed / job["pdf"]).read_bytes() for job in jobs(printed) if job["checksums"]}
    done = run_pdf(printed)
    assert done.returncode == 0, done.stdout + done.stderr
    assert [path for path, content in before.items() if (printed / path).read_bytes() != content] == []


class BeautifulSoupPage:
    """A built page's title and section headings, as the reader sees them."""

    def __init__(self, path: Path) -> None:
        from bs4 import BeautifulSoup

        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")
        article = soup.select_one("article")
        assert article is not None
        for permalink in article.select(".headerlink"):
            permalink.decompose()
        self.h1 = words(article.select_one("h1").get_text())
        self.h2s = [words(h2.get_text()) for h2 in article.select("h2")]
        self.soup = soup
