"""The README's test command shares the suite out between CPUs and keeps each group of tests in one
worker (``-n auto --dist loadgroup``), so the builds and page visits a group shares are made once.

Proves: tests marked with one ``xdist_group`` run in one worker, with the pytest and pytest-xdist
this project installs (pytest 9.2 made pytest-xdist 3.8 group nothing, silently).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

GROUPED_TESTS = """
import os
from pathlib import Path

import pytest

@pytest.mark.xdist_group("shared")
@pytest.mark.parametrize("index", range(8))
def test_grouped(index):
    Path(f"worker-{index}").write_text(os.environ["PYTEST_XDIST_WORKER"])

@pytest.mark.parametrize("index", range(8))
def test_alone(index):
    pass
"""


def test_tests_of_one_group_run_in_one_worker(tmp_path: Path) -> None:
    (tmp_path / "test_grouped.py").write_text(GROUPED_TESTS, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-n", "2", "--dist", "loadgroup", "-p", "no:cacheprovider", "-q"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    workers = {path.read_text() for path in tmp_path.glob("worker-*")}
    assert len(list(tmp_path.glob("worker-*"))) == 8
    assert len(workers) == 1, f"one group ran in {sorted(workers)}"
