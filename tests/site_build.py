"""Building the site for tests, and reading the built pages with an HTML parser.

The build runs in a subprocess exactly as an editor or CI would run it (``mkdocs build --strict``),
into a temporary folder, so tests never touch ``site/``.
"""

from __future__ import annotations

import atexit
import copy
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from bs4 import BeautifulSoup

from aapenhet.source.yaml_source import parse_yaml

# The repository: the tool (hooks/, overrides/) and its documents. Its data/, docs/ and mkdocs.yml are
# Exso's statement, which editors change every year: no test reads them.
REPO = Path(__file__).resolve().parent.parent
# Statements kept for the tests (tests/statements/README.md): ``site`` (mkdocs.yml and docs/ of the
# fictional Exempla AS), ``draft`` and ``complete`` (its data/ as a draft and with every field filled).
STATEMENTS = REPO / "tests" / "statements"
TOOL = ("hooks", "overrides")
# The address the shared build is made for: a public https address under a path, as a GitHub Pages
# project site is published (absolute links must keep the path).
PUBLIC_URL = "https://exempla.no/aapenhet/"


def _markdown_extensions() -> tuple[list[str], dict[str, dict]]:
    """The Markdown extensions mkdocs.yml names, and their settings, for tests that run Python-Markdown
    themselves (``markdown.markdown(text, extensions=…, extension_configs=…)``)."""
    from mkdocs.utils.yaml import yaml_load

    with (STATEMENTS / "site" / "mkdocs.yml").open("rb") as config:
        listed = yaml_load(config)["markdown_extensions"]
    names = [entry if isinstance(entry, str) else next(iter(entry)) for entry in listed]
    settings = {next(iter(entry)): next(iter(entry.values())) for entry in listed if isinstance(entry, dict)}
    return names, settings


MKDOCS_MARKDOWN_EXTENSIONS, MKDOCS_MARKDOWN_SETTINGS = _markdown_extensions()
# Every page of the site, as its path under site/ in the default language.
PAGES = ("", "redegjorelse/", "leverandorer/", "innsynskrav/")
LANGUAGE_PREFIXES = {"nb": "", "en": "en/"}

# The complete test statement's statement.yml: period, approval, board and CEO, contact.
FILLED_STATEMENT = (STATEMENTS / "complete" / "data" / "statement.yml").read_text(encoding="utf-8")


def start_project_build(project: Path, **settings: Any):
    """The start of a build of ``project``, in-process (``statement_build.start_build``): everything read
    and checked, the renderer and the made pages ready, no MkDocs. ``settings``: ``build_settings``'
    (the form posts to a Formspree form)."""
    from aapenhet.statement_build import start_build

    return start_build(**build_settings(project, **settings))


def build_settings(
    project: Path,
    *,
    site_url: str | None = "https://exempla.no/",
    languages: list[str] | None = None,
    default: str = "nb",
    mkdocs_yml_text: str | None = None,
) -> dict[str, Any]:
    """What MkDocs' config gives a build of ``project`` (``start_build``'s and ``Process.begin``'s settings)."""
    return {
        "project": project,
        "docs_dir": project / "docs",
        "site_url": site_url,
        "extra": {"innsynskrav": {"provider": "formspree", "endpoint": "https://formspree.io/f/abc"}},
        "mkdocs_yml_text": mkdocs_yml_text or (project / "mkdocs.yml").read_text(encoding="utf-8"),
        "languages": languages or ["nb", "en"],
        "default_language": default,
    }


def rewrite_yaml(path: Path, change) -> None:
    """``change(data)`` applied to a data file read as the loader reads it, written back as plain YAML."""
    data = parse_yaml(path.read_text(encoding="utf-8"), path.name).data
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def replace_once(path: Path, old: str, new: str) -> None:
    """The first ``old`` in a file replaced by ``new``; ``old`` must be there."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{path} has no «{old}»"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def fill_data(data_dir: Path, statement: str = FILLED_STATEMENT) -> None:
    """``data_dir`` made the complete test statement (``tests/statements/complete``), with ``statement``
    as its statement.yml."""
    for file in (STATEMENTS / "complete" / "data").glob("*.yml"):
        shutil.copy2(file, data_dir / file.name)
    (data_dir / "statement.yml").write_text(statement, encoding="utf-8")


@dataclass
class BuildResult:
    returncode: int
    output: str
    site: Path


def run_build(
    project: Path, site_dir: Path, *, strict: bool = True, env: Mapping[str, str] | None = None
) -> BuildResult:
    """``mkdocs build`` of ``project`` into ``site_dir``; never raises on a failed build.

    ``env``: extra environment variables for the build (``SITE_URL``, ``INNSYNSKRAV_ENDPOINT``, …).
    """
    command = [
        sys.executable,
        "-m",
        "mkdocs",
        "build",
        "--clean",
        "--site-dir",
        str(site_dir),
        "--config-file",
        str(project / "mkdocs.yml"),
    ]
    if strict:
        command.append("--strict")
    build_env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    done = subprocess.run(command, cwd=project, env=build_env, capture_output=True, text=True, timeout=300)
    return BuildResult(done.returncode, done.stdout + done.stderr, site_dir)


def copy_project(destination: Path, statement: str = "draft") -> Path:
    """A project folder for tests: the tool from this repository, and the kept test site
    (``tests/statements/site``) with the kept statement ``statement`` (``draft`` or ``complete``) as
    its data/."""
    destination.mkdir(parents=True, exist_ok=True)
    sources = {name: REPO / name for name in TOOL}
    sources |= {
        "mkdocs.yml": STATEMENTS / "site" / "mkdocs.yml",
        "docs": STATEMENTS / "site" / "docs",
        "data": STATEMENTS / statement / "data",
    }
    for name, source in sources.items():
        if source.is_dir():
            shutil.copytree(source, destination / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, destination / name)
    # The site's own styles and the form's script live in docs/assets/ but are the tool's: tested as shipped.
    shutil.copytree(REPO / "docs" / "assets", destination / "docs" / "assets")
    return destination


def copy_shipped_project(destination: Path) -> Path:
    """A copy of the repository's own project, Exso's statement as shipped: for the benchmark scripts
    (tests/benchmarks/), which measure the site that is published. Tests never use it."""
    destination.mkdir(parents=True, exist_ok=True)
    for name in ("mkdocs.yml", "docs", "data", *TOOL):
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, destination / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, destination / name)
    return destination


# The draft test project, assembled once per test process, for tests that only read a project (its
# data, pages, settings) or build it elsewhere. Tests that change a project take ``copy_project``.
PROJECT = copy_project(Path(tempfile.mkdtemp(prefix="aapenhet-draft-")) / "project")
atexit.register(shutil.rmtree, PROJECT.parent, ignore_errors=True)
DRAFT_DATA = PROJECT / "data"


@dataclass
class BuiltSite:
    root: Path
    # What the build printed, for tests of the build itself.
    output: str = ""

    def language_passes(self) -> list[str]:
        """The languages built, in order, as the hook logs them at the end of the build."""
        found = re.findall(r"statement site built in ([a-z, ]+)$", self.output, re.MULTILINE)
        assert len(found) == 1, f"the build logged {len(found)} end-of-build lines:\n{self.output}"
        return found[0].split(", ")

    def html(self, path: str) -> BeautifulSoup:
        """The parsed page at ``path`` (``en/redegjorelse/``); fails clearly when it is missing."""
        file = self.root / path / "index.html" if path == "" or path.endswith("/") else self.root / path
        assert file.is_file(), f"page {path or '/'} was not built ({file} is missing)"
        return BeautifulSoup(file.read_text(encoding="utf-8"), "lxml")

    def text(self, path: str) -> str:
        """The visible text of a page's main content, whitespace collapsed."""
        article = self.html(path).select_one("article")
        assert article is not None, f"page {path} has no <article>"
        return " ".join(article.get_text(" ").split())


def add_earlier_versions(data_dir: Path) -> None:
    """Invented earlier versions of a filled-in ``data_dir`` (call ``fill_data`` first), for tests
    only: never published. ``history/2024/``, the statement on 2024 as published on 2025-06-15, and
    ``history/2024/2025-09-15/``, that statement updated when Viet Nam's rating was lowered. From
    2024 to the current (2025) statement: Integration Wizard added; Viet Nam low → high; the
    electronics risk raised from low to elevated; a risk on logistics closed; the Zebra interviews,
    planned in 2024, done; a planned training measure dropped."""
    earlier = data_dir / "history" / "2024"
    earlier.mkdir(parents=True)
    for file in ("company.yml", "suppliers.yml", "countries.yml", "due_diligence.yml"):
        shutil.copy2(data_dir / file, earlier / file)
    (earlier / "statement.yml").write_text(
        FILLED_STATEMENT.replace("2025-01-01", "2024-01-01")
        .replace("2025-12-31", "2024-12-31")
        .replace("2026-06-20", "2025-06-10")
        .replace("2026-06-25", "2025-06-15"),
        encoding="utf-8",
    )

    def suppliers_2024(data: dict) -> None:
        data["suppliers"] = [supplier for supplier in data["suppliers"] if supplier["id"] != "integration-wizard"]

    def due_diligence_2024(data: dict) -> None:
        data["measures"] = [measure for measure in data["measures"] if measure["id"] != "iw-visits"]
        for measure in data["measures"]:
            if measure["id"] == "zebra-interviews":
                measure.update(
                    status="planned",
                    expected_result=measure.get("result"),
                    result=None,
                    completed_on=None,
                    supplier_said=None,
                )
        for risk in data["risks"]:
            if risk["id"] == "electronics-trade":
                risk["level"] = "low"
            risk["where"]["suppliers"] = [
                each for each in risk["where"].get("suppliers") or [] if each != "integration-wizard"
            ]
        closed = dict(
            copy.deepcopy(data["risks"][0]),
            id="logistics-norway",
            title={"nb": "Logistikk i Norge", "en": "Logistics in Norway"},
        )
        data["risks"].append(closed)
        data["measures"].append(
            {
                "id": "supplier-training",
                "title": {"nb": "Opplæring av leverandører", "en": "Training for suppliers"},
                "kind": "training",
                "status": "planned",
                "addresses": ["electronics-trade"],
                "expected_result": {"nb": "Bedre kjennskap (testverdi)", "en": "Better awareness (test value)"},
            }
        )

    def countries(level: str):
        def change(data: dict) -> None:
            # India is rated for Integration Wizard, a supplier only from 2025: unrated before.
            data["countries"] = [entry for entry in data["countries"] if entry["code"] != "IN"]
            for entry in data["countries"]:
                if entry["code"] == "VN":
                    entry["risk"] = level

        return change

    rewrite_yaml(earlier / "suppliers.yml", suppliers_2024)
    rewrite_yaml(earlier / "due_diligence.yml", due_diligence_2024)
    rewrite_yaml(earlier / "countries.yml", countries("elevated"))
    update = earlier / "2025-09-15"
    update.mkdir()
    for file in earlier.glob("*.yml"):
        shutil.copy2(file, update / file.name)
    rewrite_yaml(update / "countries.yml", countries("low"))
    rewrite_yaml(
        update / "statement.yml",
        lambda data: data.update(
            revisions=[
                {
                    "date": "2025-09-15",
                    "summary": {
                        "nb": "Viet Nam vurderes nå som lav risiko (testverdi).",
                        "en": "Viet Nam is now rated low risk (test value).",
                    },
                }
            ]
        ),
    )
