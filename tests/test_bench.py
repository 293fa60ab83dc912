"""``aapenhet bench generate``, in-process: the generated data.

Proves: generated data is byte-identical for a seed and differs between seeds; it loads with the
project's own loader, with the suppliers asked for (1–3 product lines and 1–4 production countries
each, distinct names over every initial A–Z, Æ, Ø, Å), the shipped company and statement, about 60
rated countries, and follow-ups linked to suppliers and risks; ``bench generate`` writes it and never
over the project's own ``data/``.
"""

from __future__ import annotations

import contextlib
import io
import shutil
from pathlib import Path

import pytest
import yaml
from aapenhet.bench import words
from aapenhet.bench.generate import COPIED_FILES, write_data_folder
from aapenhet.cli import main
from aapenhet.model.loader import load_statement, load_statement_data
from site_build import PROJECT

SUPPLIERS = 50


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data = tmp_path_factory.mktemp("generated") / "data"
    write_data_folder(PROJECT / "data", data, suppliers=SUPPLIERS, seed=3)
    return data


def _files(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(folder.glob("*.yml"))}


def test_the_same_seed_writes_the_same_bytes_and_another_seed_other_data(tmp_path: Path) -> None:
    for name, seed in (("first", 7), ("again", 7), ("other", 8)):
        write_data_folder(PROJECT / "data", tmp_path / name, suppliers=40, seed=seed)
    first = _files(tmp_path / "first")
    assert len(first) == 5
    assert _files(tmp_path / "again") == first
    other = _files(tmp_path / "other")
    assert other["suppliers.yml"] != first["suppliers.yml"]
    assert other["due_diligence.yml"] != first["due_diligence.yml"]


def test_generated_data_loads_with_the_suppliers_asked_for(generated: Path) -> None:
    suppliers = load_statement(generated).data.suppliers.suppliers  # raises DataProblems with every problem
    assert len(suppliers) == SUPPLIERS
    for supplier in suppliers:
        assert 1 <= len(supplier.production) <= 3, supplier.id
        assert 1 <= len({code for line in supplier.production for code in line.countries}) <= 4, supplier.id
    names = [supplier.name for supplier in suppliers]
    assert len(set(names)) == len(names)
    assert {name[0] for name in names} == set(words.INITIALS)  # A–Z and Æ, Ø, Å
    assert {line.kind.value for supplier in suppliers for line in supplier.production} == {"goods", "services"}


def test_generated_data_is_the_shipped_statement_at_scale(generated: Path) -> None:
    for name in COPIED_FILES:
        assert (generated / name).read_bytes() == (PROJECT / "data" / name).read_bytes()
    data = load_statement_data(generated)
    rated = [country for country in data.countries.countries if country.risk is not None]
    assert 50 <= len(rated) <= len(data.countries.countries) <= 70
    supplier_ids = {supplier.id for supplier in data.suppliers.suppliers}
    risk_ids = {risk.id for risk in data.due_diligence.risks}
    follow_ups = [measure for measure in data.due_diligence.measures if measure.supplier is not None]
    assert len(follow_ups) > SUPPLIERS / 2
    assert {measure.supplier for measure in follow_ups} <= supplier_ids
    linked = [measure for measure in follow_ups if measure.addresses]
    assert linked and all(set(measure.addresses) <= risk_ids for measure in linked)
    assert {measure.status.value for measure in follow_ups} == {"planned", "ongoing", "done"}


def test_generated_files_are_plain_yaml_for_any_reader(generated: Path) -> None:
    for path in generated.glob("*.yml"):
        text = path.read_text(encoding="utf-8")
        yaml.safe_load(text)  # valid YAML beyond the project's own loader
        assert "&id" not in text and "*id" not in text, f"{path.name} has anchors or aliases"
    codes = [entry["code"] for entry in yaml.safe_load((generated / "countries.yml").read_text(encoding="utf-8"))["countries"]]
    assert "NO" in codes  # a string even to a YAML 1.1 reader, not false


def test_bench_generate_writes_a_folder_and_never_the_projects_data(tmp_path: Path) -> None:
    out = tmp_path / "generated"
    with contextlib.redirect_stdout(io.StringIO()) as printed:
        assert main(["bench", "generate", "--suppliers", "5", "--seed", "2", "--out", str(out), str(PROJECT)]) == 0
    assert "5 suppliers" in printed.getvalue()
    assert len(load_statement_data(out).suppliers.suppliers) == 5

    project = tmp_path / "project"
    shutil.copytree(PROJECT / "data", project / "data")
    before = _files(project / "data")
    with contextlib.redirect_stderr(io.StringIO()) as refused:
        assert main(["bench", "generate", "--suppliers", "5", "--out", str(project / "data"), str(project)]) == 2
    assert "own data/" in refused.getvalue()
    assert _files(project / "data") == before


@pytest.mark.parametrize("arguments", [["bench", "generate", "--suppliers", "0", "--out", "x"],
                                       ["bench", "generate", "--out", "x"]])
def test_bench_usage_errors_exit_2(arguments: list[str]) -> None:
    with contextlib.redirect_stderr(io.StringIO()):
        assert main(arguments) == 2
