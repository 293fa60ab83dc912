"""The statement as a PDF, for signing and filing, without a browser: what the build links and lists
for ``aapenhet pdf`` to make, and a signed PDF an editor adds to a kept version.

Proves: the build lists every PDF its pages link in ``build.json`` (the current statement's at each
language's root, each published version's at its permanent address, in both languages), links each
from the statement's header, each version's page and the archive, and names it in ``history.json``;
a kept version's ``signed.pdf`` is published byte for byte as that version's ``statement.pdf`` in the
default language and listed in its ``SHA256SUMS`` (``sha256sum -c`` passes), its job marked signed,
and adding it does not trip the check of kept files; ``aapenhet check`` reports each kept version
without one, as advice that changes neither its exit status nor the gate; a PDF made later takes its
place in a ``SHA256SUMS`` in order; ``aapenhet pdf`` without a build record fails, saying why.
(``browser/test_pdf_printed.py`` runs the command in Chromium.)
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import subprocess
from pathlib import Path

import pytest

from aapenhet.cli import main
from aapenhet.model.history import KEPT_RECORD, changed_since_kept, sha256_lines
from aapenhet.model.models import DATA_FILES
from aapenhet.publishing.checksums import with_file
from site_build import PUBLIC_URL, BuiltSite, add_earlier_versions, copy_project, fill_data, run_build

# The module's real builds are shared by its tests: with pytest-xdist they run in one worker, so
# each build is made once.
pytestmark = pytest.mark.xdist_group("pdf")

SIGNED = b"%PDF-1.7\n% a signed statement (test bytes, not a real PDF)\n%%EOF\n"


@pytest.fixture(scope="module")
def signed_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The earlier versions (2024, and 2024 updated on 2025-09-15), each with the record ``keep``
    writes, and a signed PDF added to 2024 afterwards."""
    project = copy_project(tmp_path_factory.mktemp("signed") / "project")
    fill_data(project / "data")
    add_earlier_versions(project / "data")
    for folder in (project / "data" / "history" / "2024", project / "data" / "history" / "2024" / "2025-09-15"):
        record = sha256_lines({name: (folder / name).read_bytes() for name in DATA_FILES})
        (folder / KEPT_RECORD).write_text(record, encoding="utf-8")
    (project / "data" / "history" / "2024" / "signed.pdf").write_bytes(SIGNED)
    return project


@pytest.fixture(scope="module")
def signed_site(signed_project: Path) -> BuiltSite:
    result = run_build(signed_project, signed_project.parent / "site", env={"SITE_URL": PUBLIC_URL})
    assert result.returncode == 0, f"mkdocs build --strict with a signed PDF failed:\n{result.output}"
    return BuiltSite(result.site, result.output)


def test_adding_the_signed_pdf_changes_nothing_keep_recorded(signed_project: Path) -> None:
    folder = signed_project / "data" / "history" / "2024"
    assert changed_since_kept(folder, "data/history/2024") == []


def test_the_build_lists_every_pdf_its_pages_link(signed_site: BuiltSite) -> None:
    jobs = json.loads((signed_site.root / "build.json").read_text(encoding="utf-8"))["pdf"]
    by_path = {job["pdf"]: job for job in jobs}
    assert sorted(by_path) == sorted(
        prefix + path + "statement.pdf" for prefix in ("", "en/") for path in ("", "2024/", "2024/2025-09-15/", "2025/")
    )
    assert by_path["statement.pdf"]["page"] == "redegjorelse/"
    # The statement page's PDF names that page: the PDF at the permanent address is printed from the
    # version's own page, another document, so it is not named as this one's permanent address.
    assert by_path["en/statement.pdf"]["address"] == PUBLIC_URL + "en/redegjorelse/"
    assert by_path["en/2024/2025-09-15/statement.pdf"] == {
        "pdf": "en/2024/2025-09-15/statement.pdf",
        "page": "en/2024/2025-09-15/",
        "language": "en",
        "address": PUBLIC_URL + "en/2024/2025-09-15/",
        "checksums": "en/2024/2025-09-15/SHA256SUMS",
        "signed": False,
        "date": "2025-09-15",
    }
    assert [path for path, job in by_path.items() if job["signed"]] == ["2024/statement.pdf"]
    assert by_path["statement.pdf"]["checksums"] is None, "the root has no SHA256SUMS"


def test_the_signed_pdf_is_published_byte_for_byte_and_listed(signed_site: BuiltSite) -> None:
    folder = signed_site.root / "2024"
    assert (folder / "statement.pdf").read_bytes() == SIGNED
    listed = (folder / "SHA256SUMS").read_text(encoding="utf-8")
    assert f"{hashlib.sha256(SIGNED).hexdigest()}  statement.pdf\n" in listed
    done = subprocess.run(["sha256sum", "--strict", "-c", "SHA256SUMS"], cwd=folder, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    # Only the default language's: the English one is still to be made (signed.en.pdf would be its own).
    assert not (signed_site.root / "en" / "2024" / "statement.pdf").exists()
    assert "statement.pdf" not in (signed_site.root / "en" / "2024" / "SHA256SUMS").read_text(encoding="utf-8")


def test_the_pdf_is_linked_from_the_statement_each_version_and_the_archive(signed_site: BuiltSite) -> None:
    for prefix in ("", "en/"):
        base = "/aapenhet/" + prefix

        def links(path: str) -> list[str]:
            return [a["href"] for a in signed_site.html(path).select("article a[href$='statement.pdf']")]

        assert links(prefix + "redegjorelse/") == [base + "statement.pdf"]
        assert links(prefix + "2024/") == [base + "2024/statement.pdf"]
        assert set(links(prefix + "arkiv/")) == {
            base + path + "statement.pdf" for path in ("2024/", "2024/2025-09-15/", "2025/")
        }
        history = json.loads((signed_site.root / prefix / "history.json").read_text(encoding="utf-8"))
        assert [version["pdf"] for version in history["versions"]] == [
            PUBLIC_URL + prefix + path + "statement.pdf" for path in ("2024/", "2024/2025-09-15/", "2025/")
        ]


def test_check_advises_on_each_kept_version_without_its_signed_pdf(signed_project: Path) -> None:
    def check(language: str) -> tuple[int, str]:
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            status = main(["check", str(signed_project), "--lang", language])
        return status, out.getvalue()

    status, text = check("en")
    assert status == 0, text
    assert "Signed PDF (advice: the publication gate does not require it)" in text
    assert "data/history/2024/2025-09-15:1:1 this version has no signed PDF" in text
    assert "/2024/2025-09-15/statement.pdf" in text
    assert "data/history/2024:1:1" not in text, "2024 has its signed PDF"
    assert "Nothing found." in text, "advice is not a finding"
    assert "Signert PDF" in check("nb")[1]


def test_a_pdf_made_later_takes_its_place_in_the_checksums() -> None:
    record = "aa  changes.json\nbb  suppliers.csv\ncc  statement.pdf\n"
    listed = with_file(record, "statement.pdf", b"%PDF-")
    digest = hashlib.sha256(b"%PDF-").hexdigest()
    assert listed == f"aa  changes.json\n{digest}  statement.pdf\nbb  suppliers.csv\n"


def test_pdf_without_a_build_record_fails_saying_why(tmp_path: Path) -> None:
    errors = io.StringIO()
    with contextlib.redirect_stderr(errors):
        status = main(["pdf", str(tmp_path)])
    assert status == 1
    assert f"{tmp_path}/build.json is missing or unreadable" in errors.getvalue()
    assert "do not deploy" in errors.getvalue()


@pytest.mark.parametrize(
    "record",
    [
        {"pdf": []},  # no site_url
        {"site_url": "https://exempla.no/", "pdf": [{"pdf": "statement.pdf"}]},  # a job with keys missing
        {"site_url": "https://exempla.no/", "pdf": [{"pdf": "statement.pdf", "from_another_tool": 1}]},
        ["not", "a", "record"],
    ],
    ids=["no-site-url", "job-keys-missing", "job-key-unknown", "not-an-object"],
)
def test_pdf_with_a_build_record_it_cannot_read_fails_saying_why(tmp_path: Path, record: object) -> None:
    """A build.json written by another version of the tool, or by hand: one line, never a traceback."""
    (tmp_path / "build.json").write_text(json.dumps(record), encoding="utf-8")
    errors = io.StringIO()
    with contextlib.redirect_stderr(errors):
        status = main(["pdf", str(tmp_path)])
    assert status == 1
    assert f"{tmp_path}/build.json lists no PDFs" in errors.getvalue() and "Traceback" not in errors.getvalue()
