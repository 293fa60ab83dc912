"""What was published stays what is there: ``keep`` records the statement.json the site published of a
version, the site publishes those bytes at the version's address from then on, and a build refuses a
kept version whose data no longer gives what it recorded (publishing/published_record.py)."""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
from pathlib import Path

import pytest

from aapenhet.cli import main
from site_build import copy_project, fill_data, run_build

LANGUAGE_ROOTS = {"nb": "", "en": "en/"}


def run(*arguments: str) -> tuple[int, str]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
        code = main(list(arguments))
    return code, out.getvalue()


@pytest.fixture
def kept(tmp_path: Path) -> Path:
    """A project whose complete statement was kept by new-year: data/history/2025/ holds it."""
    project = copy_project(tmp_path / "project")
    fill_data(project / "data")
    code, said = run("new-year", str(project))
    assert code == 0, said
    return project


def rewrite_record(folder: Path, name: str, change) -> None:  # type: ignore[no-untyped-def]
    """Change a recorded statement.json as another version of the tool would have written it, and its
    line in SHA256SUMS with it (so only what the data gives now can differ)."""
    path = folder / name
    document = json.loads(path.read_text(encoding="utf-8"))
    change(document)
    content = (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    old = hashlib.sha256(path.read_bytes()).hexdigest()
    path.write_bytes(content)
    record = folder / "SHA256SUMS"
    record.write_text(record.read_text().replace(old, hashlib.sha256(content).hexdigest()), encoding="utf-8")


def test_keep_records_what_was_published_and_the_site_publishes_it_again(kept: Path) -> None:
    folder = kept / "data" / "history" / "2025"
    listed = {line.split("  ")[1] for line in (folder / "SHA256SUMS").read_text().splitlines()}
    assert {"published.nb.json", "published.en.json"} <= listed
    site = kept / "site"
    result = run_build(kept, site)
    assert result.returncode == 0, result.output
    for language, root in LANGUAGE_ROOTS.items():
        recorded = (folder / f"published.{language}.json").read_bytes()
        assert (site / root / "2025" / "statement.json").read_bytes() == recorded
        assert json.loads(recorded)["language"] == language and json.loads(recorded)["status"] == "final"


def test_a_field_the_tool_added_since_changes_nothing_that_was_published(kept: Path) -> None:
    """A version kept by an older tool, without a field today's adds: published as it was, not refused."""
    folder = kept / "data" / "history" / "2025"

    def older(document: dict) -> None:  # type: ignore[type-arg]
        for measure in document["due_diligence"]["measures"]:
            measure.pop("supplier_said")

    rewrite_record(folder, "published.en.json", older)
    site = kept / "site"
    result = run_build(kept, site)
    assert result.returncode == 0, result.output
    published = json.loads((site / "en" / "2025" / "statement.json").read_text(encoding="utf-8"))
    assert not any("supplier_said" in measure for measure in published["due_diligence"]["measures"])
    # What the version's SHA256SUMS lists is what is there.
    sums = dict(reversed(line.split("  ")) for line in (site / "en" / "2025" / "SHA256SUMS").read_text().splitlines())
    assert sums["statement.json"] == hashlib.sha256((site / "en" / "2025" / "statement.json").read_bytes()).hexdigest()


def test_a_kept_version_whose_data_no_longer_gives_what_it_published_is_refused_where_it_is(kept: Path) -> None:
    folder = kept / "data" / "history" / "2025"

    def renamed(document: dict) -> None:  # type: ignore[type-arg]
        document["company"]["name"] = "Exempla Holding ASA"

    rewrite_record(folder, "published.en.json", renamed)
    site = kept / "site"
    result = run_build(kept, site, env={"AAPENHET_LANG": "en"})
    assert result.returncode != 0
    assert (
        "data/history/2025/published.en.json:1:1 company.name: the version no longer gives the statement.json that"
        ' was published when it was kept: «"Exempla Holding ASA"» then, «"Exempla AS"» now'
    ) in result.output
    assert "Traceback" not in result.output


def test_a_record_that_is_not_the_whole_document_is_refused_where_it_is(kept: Path) -> None:
    """A truncated or hand-made record is not taken for what was published."""
    folder = kept / "data" / "history" / "2025"
    rewrite_record(folder, "published.nb.json", lambda document: document.pop("company"))
    result = run_build(kept, kept / "site", env={"AAPENHET_LANG": "en"})
    assert result.returncode != 0 and "data/history/2025/published.nb.json:1:1 company:" in result.output
    assert "Traceback" not in result.output


def test_a_record_that_cannot_be_read_is_refused_where_it_is(kept: Path) -> None:
    folder = kept / "data" / "history" / "2025"
    path = folder / "published.en.json"
    old = hashlib.sha256(path.read_bytes()).hexdigest()
    path.write_bytes(b"\xff\xfe{}")
    record = folder / "SHA256SUMS"
    record.write_text(record.read_text().replace(old, hashlib.sha256(path.read_bytes()).hexdigest()))
    result = run_build(kept, kept / "site", env={"AAPENHET_LANG": "en"})
    assert result.returncode != 0 and "data/history/2025/published.en.json:1:1" in result.output
    assert "Traceback" not in result.output


def test_a_record_of_a_language_no_longer_built_is_still_a_kept_file() -> None:
    from aapenhet.model.history import is_kept_file

    assert is_kept_file("published.de.json") and is_kept_file("published.nb.json") and is_kept_file("company.yml")
    assert not is_kept_file("signed.pdf") and not is_kept_file("published.nb.json.bak")


def test_a_kept_versions_statement_json_validates_against_the_schema_published_beside_it(kept: Path) -> None:
    """The schema at a kept version's address is the one its statement.json was written to, not
    today's: a statement kept before the tool added a field still validates against what is there."""
    import jsonschema

    folder = kept / "data" / "history" / "2025"

    def older(document: dict) -> None:  # type: ignore[type-arg]
        for measure in document["due_diligence"]["measures"]:
            measure.pop("supplier_said")

    def older_schema(schema: dict) -> None:  # type: ignore[type-arg]
        measure = schema["$defs"]["Measure"]
        measure["properties"].pop("supplier_said")
        measure["required"].remove("supplier_said")

    rewrite_record(folder, "published.en.json", older)
    rewrite_record(folder, "published.schema.json", older_schema)
    site = kept / "site"
    result = run_build(kept, site)
    assert result.returncode == 0, result.output
    address = site / "en" / "2025"
    document = json.loads((address / "statement.json").read_text(encoding="utf-8"))
    schema = json.loads((address / "statement.schema.json").read_text(encoding="utf-8"))
    assert schema == json.loads((folder / "published.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(document, schema)
