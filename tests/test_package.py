"""The ``aapenhet`` package stands on its own: installed from its wheel (not from this checkout),
it finds its templates and labels, renders the statement and runs its command line outside MkDocs.

Proves: the wheel carries every template and ``labels.yml`` (package data) and the ``aapenhet``
console script; the installed package, imported away from ``hooks/``, renders a block of the
statement and its command line refuses the shipped draft with the located reasons.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from aapenhet.rendering.placeholders import PLACEHOLDERS
from aapenhet.rendering.renderer import PAGE_TEMPLATES
from site_build import PROJECT, REPO


def package_source(target: Path) -> Path:
    """What the wheel is made from, copied to ``target``: pip builds a local folder in place, and
    setuptools' ``build/`` left in the checkout by an interrupted run breaks the next one."""
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(REPO / name, target / name)
    shutil.copytree(
        REPO / "hooks" / "aapenhet",
        target / "hooks" / "aapenhet",
        ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"),
    )
    return target


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    build = tmp_path_factory.mktemp("build")
    source = package_source(tmp_path_factory.mktemp("source"))
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--quiet",
            "--no-deps",
            "--no-build-isolation",
            "--wheel-dir",
            str(out),
            str(source),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "TMPDIR": str(build)},
    )
    assert done.returncode == 0, done.stdout + done.stderr
    (found,) = out.glob("*.whl")
    return found


def test_the_wheel_carries_the_templates_labels_and_console_script(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    templates = {name.rsplit("/", 1)[1] for name in names if name.startswith("aapenhet/rendering/templates/")}
    assert {f"{name}.html" for name in PLACEHOLDERS + PAGE_TEMPLATES} | {"labels.yml"} <= templates
    entry_points = next(name for name in names if name.endswith(".dist-info/entry_points.txt"))
    assert "aapenhet = aapenhet.console:run" in zipfile.ZipFile(wheel).read(entry_points).decode()


def test_the_installed_package_renders_and_gates_outside_mkdocs(wheel: Path, tmp_path: Path) -> None:
    target = tmp_path / "installed"
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--no-deps",
            "--no-index",
            "--target",
            str(target),
            str(wheel),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    script = f"""
import sys
from pathlib import Path
sys.path = [p for p in sys.path if not p.rstrip('/').endswith('hooks')]
sys.path.insert(0, {str(target)!r})
import aapenhet
assert Path(aapenhet.__file__).is_relative_to({str(target)!r}), aapenhet.__file__
from aapenhet.form.settings import FormSettings
from aapenhet.model.loader import load_statement_data
from aapenhet.rendering.labels import load_labels
from aapenhet.rendering.renderer import make_renderer
from aapenhet.website.addresses import Site
data = load_statement_data(Path({str(PROJECT / "data")!r}))
site = Site(url="https://exempla.no/", default_language="nb", languages=("nb", "en"))
form = FormSettings(provider="formspree", endpoint="https://formspree.io/f/x")
html = make_renderer(data, load_labels(), site, form).render("supplier_table", "en")
assert "Zebra Technologies" in html
from aapenhet.cli import main
sys.exit(main(["gate", {str(PROJECT)!r}, "--site-url", "https://exempla.no/"]))
"""
    env = {
        key: value for key, value in os.environ.items() if key != "PYTHONPATH" and not key.startswith("INNSYNSKRAV_")
    }
    done = subprocess.run(
        [sys.executable, "-I", "-c", script], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 1, done.stdout + done.stderr
    assert "data/statement.yml:" in done.stdout and "still a draft" in done.stdout
    assert "Traceback" not in done.stderr
