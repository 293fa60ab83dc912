"""The CI workflow (``.github/workflows/publish.yml``): it tests, builds, gates and deploys in that order.

Proves: every push and pull request runs the README's test command, a strict build for the Pages
address and the publication gate, and keeps ``site/`` as an artifact; only a push to main deploys,
from a separate job with the least permissions it needs, after the build job (so after the gate);
and the gate step itself, run here with bash, fails on main and says why in the run's summary,
while elsewhere it only warns.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import stat
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from aapenhet.form.settings import FormSettings, Provider
from aapenhet.publishing.build_record import build_record, write_build_record
from site_build import PROJECT, REPO, fill_data, replace_once

WORKFLOW = REPO / ".github" / "workflows" / "publish.yml"
MAIN_PUSH = "github.ref == 'refs/heads/main' && github.event_name == 'push'"


@pytest.fixture(scope="module")
def workflow() -> dict[Any, Any]:
    return yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))


def triggers(workflow: dict[Any, Any]) -> dict[str, Any]:
    """``on:``: PyYAML (YAML 1.1) reads the bare key ``on`` as the boolean True."""
    value = workflow["on"] if "on" in workflow else workflow[True]
    if isinstance(value, str):
        return {value: None}
    return {name: None for name in value} if isinstance(value, list) else value


def steps(workflow: dict[Any, Any], job: str) -> list[dict[str, Any]]:
    return workflow["jobs"][job]["steps"]


def step_index(workflow: dict[Any, Any], job: str, *, runs: str = "", uses: str = "") -> int:
    """Index of the first step of ``job`` whose command contains ``runs`` or whose action is ``uses``."""
    for index, step in enumerate(steps(workflow, job)):
        if (runs and runs in step.get("run", "")) or (uses and step.get("uses", "").split("@")[0] == uses):
            return index
    raise AssertionError(f"job {job} has no step that {'runs ' + runs if runs else 'uses ' + uses}")


# Triggers and permissions ----------------------------------------------------------------------


def test_runs_on_every_push_and_pull_request(workflow: dict[Any, Any]) -> None:
    on = triggers(workflow)
    assert "push" in on and "pull_request" in on
    assert not (on["push"] or {}).get("branches"), "push must not be limited to some branches"


def test_permissions_are_read_only_except_for_the_deploy(workflow: dict[Any, Any]) -> None:
    assert workflow["permissions"] == {"contents": "read"}
    build = workflow["jobs"]["build"]["permissions"]
    assert "write" not in build.values(), build
    assert workflow["jobs"]["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}


# The build job ---------------------------------------------------------------------------------


def test_build_runs_on_debian_12_with_python_3_11(workflow: dict[Any, Any]) -> None:
    """The README's commands are written for Debian 12 with Python and root's apt (chromium)."""
    assert workflow["jobs"]["build"]["container"].startswith("python:3.11-bookworm@sha256:")
    assert step_index(workflow, "build", uses="actions/checkout") == 0


def test_build_tests_then_builds_strictly_then_gates_then_uploads(workflow: dict[Any, Any]) -> None:
    order = [
        step_index(workflow, "build", runs="bash .ci/run"),
        step_index(workflow, "build", runs=".venv/bin/mkdocs build --strict"),
        step_index(workflow, "build", runs="aapenhet gate"),
        step_index(workflow, "build", uses="actions/upload-artifact"),
        step_index(workflow, "build", uses="actions/upload-pages-artifact"),
    ]
    assert order == sorted(order), order


def test_ci_run_is_the_readme_test_command() -> None:
    """``bash .ci/run`` runs the README's second ``sh`` block, read from the README itself."""
    script = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    extraction = re.search(r"test_command=\$\((awk .*README\.md)\)", script)
    assert extraction, ".ci/run no longer reads the test command from README.md"
    extracted = subprocess.run(
        ["bash", "-c", extraction.group(1)], cwd=REPO, capture_output=True, text=True, check=True
    ).stdout.strip()
    blocks = re.findall(
        r"^```sh\n(.*?)\n```$", (REPO / "README.md").read_text(encoding="utf-8"), re.MULTILINE | re.DOTALL
    )
    assert extracted == blocks[1].strip()
    # The pdf extra too: CI runs «aapenhet pdf» with the test command's .venv.
    assert "pytest" in extracted and "'.[test,pdf]'" in extracted


def test_the_pdfs_are_made_after_the_gate_and_before_site_is_kept(workflow: dict[Any, Any]) -> None:
    """``aapenhet pdf`` prints the PDFs the pages link from the very site/ the gate judged, on every run
    (a pull request shows a failure too); a failure stops the job, so nothing is uploaded or deployed."""
    made = step_index(workflow, "build", runs=".venv/bin/aapenhet pdf site")
    assert step_index(workflow, "build", runs="aapenhet gate") < made
    assert made < step_index(workflow, "build", uses="actions/upload-artifact")
    step = steps(workflow, "build")[made]
    assert "if" not in step and "continue-on-error" not in step


def test_strict_build_is_for_the_pages_address(workflow: dict[Any, Any]) -> None:
    configure = step_index(workflow, "build", uses="actions/configure-pages")
    pages_id = steps(workflow, "build")[configure]["id"]
    for command in (".venv/bin/mkdocs build --strict", "aapenhet gate"):
        step = steps(workflow, "build")[step_index(workflow, "build", runs=command)]
        # Without a Pages address (a fork) the build falls back to the local one, which the gate refuses.
        assert step["env"]["SITE_URL"] == f"${{{{ steps.{pages_id}.outputs.base_url || 'http://127.0.0.1:8000/' }}}}", (
            command
        )
    build = steps(workflow, "build")[step_index(workflow, "build", runs="mkdocs build --strict")]
    assert str(build["env"]["NO_MKDOCS_2_WARNING"]) == "1"
    assert configure < step_index(workflow, "build", runs="mkdocs build --strict")


def test_site_is_kept_as_a_plain_artifact_and_packaged_for_pages(workflow: dict[Any, Any]) -> None:
    plain = steps(workflow, "build")[step_index(workflow, "build", uses="actions/upload-artifact")]
    assert plain["with"]["path"].rstrip("/") == "site"
    assert "if" not in plain, "the plain artifact is kept on every branch, for other hosts and for review"
    pages = steps(workflow, "build")[step_index(workflow, "build", uses="actions/upload-pages-artifact")]
    assert pages["with"]["path"].rstrip("/") == "site"


def test_every_action_is_pinned_to_a_version(workflow: dict[Any, Any]) -> None:
    for job in workflow["jobs"]:
        for step in steps(workflow, job):
            if "uses" in step:
                assert "@" in step["uses"] and not step["uses"].endswith(("@main", "@master")), step["uses"]


# The deploy job --------------------------------------------------------------------------------


def test_deploy_runs_after_the_build_and_only_for_pushes_to_main(workflow: dict[Any, Any]) -> None:
    deploy = workflow["jobs"]["deploy"]
    needs = deploy["needs"]
    assert "build" in ([needs] if isinstance(needs, str) else needs)
    assert deploy["if"] == MAIN_PUSH
    assert deploy["environment"]["name"] == "github-pages"
    assert [step["uses"].split("@")[0] for step in deploy["steps"]] == ["actions/deploy-pages"]
    assert deploy["concurrency"] == {"group": "pages", "cancel-in-progress": False}


# The gate step, run -----------------------------------------------------------------------------


@pytest.fixture
def gate_step(workflow: dict[Any, Any], tmp_path: Path) -> Path:
    """A project folder whose ``.venv/bin/python`` and ``aapenhet`` run this interpreter, to run the gate step in."""
    project = tmp_path / "project"
    shutil.copytree(PROJECT / "data", project / "data")
    shutil.copy2(PROJECT / "mkdocs.yml", project / "mkdocs.yml")
    python = project / ".venv" / "bin" / "python"
    python.parent.mkdir(parents=True)
    python.write_text(f'#!/bin/sh\nexec "{sys.executable}" "$@"\n', encoding="utf-8")
    python.chmod(python.stat().st_mode | stat.S_IEXEC)
    # The console script pip installs beside it.
    script = python.with_name("aapenhet")
    script.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m aapenhet "$@"\n', encoding="utf-8")
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    step = steps(workflow, "build")[step_index(workflow, "build", runs="aapenhet gate")]
    (tmp_path / "gate.sh").write_text(step["run"], encoding="utf-8")
    return project


def run_gate_step(project: Path, *, on_main: bool) -> tuple[int, str, str]:
    """The step as GitHub runs it (``bash -e -o pipefail``): exit status, log and step summary."""
    summary = project.parent / "summary.md"
    summary.write_text("", encoding="utf-8")
    env = {
        **os.environ,
        "PYTHONPATH": str(REPO / "hooks"),
        "RUNNER_TEMP": str(project.parent),
        "GITHUB_STEP_SUMMARY": str(summary),
        "SITE_URL": "https://exempla.no/apenhet/",
        # The form service as the workflow's "Form settings" step passes it from repository variables.
        "INNSYNSKRAV_PROVIDER": "formspree",
        "INNSYNSKRAV_ENDPOINT": "https://formspree.io/f/abc",
        "ENFORCE": "true" if on_main else "false",
    }
    done = subprocess.run(
        ["bash", "--noprofile", "--norc", "-eo", "pipefail", str(project.parent / "gate.sh")],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    return done.returncode, done.stdout + done.stderr, summary.read_text(encoding="utf-8")


def test_gate_is_enforced_on_main_only(workflow: dict[Any, Any]) -> None:
    step = steps(workflow, "build")[step_index(workflow, "build", runs="aapenhet gate")]
    assert step["env"]["ENFORCE"] == "${{ github.ref == 'refs/heads/main' }}"
    assert "continue-on-error" not in step, "a refusal on main must fail the job, so the deploy does not run"


def test_gate_blocks_main_and_says_why_in_the_summary(gate_step: Path) -> None:
    status, log, summary = run_gate_step(gate_step, on_main=True)
    assert status == 1, log
    assert "Deploy refused" in summary
    assert "data/statement.yml:11:1 approved_on: empty, so the statement is still a draft" in summary
    assert "::error file=data/statement.yml,line=11,col=1,title=Publication gate::" in log
    assert "Traceback" not in log


def test_gate_only_warns_elsewhere(gate_step: Path) -> None:
    status, log, summary = run_gate_step(gate_step, on_main=False)
    assert status == 0, log
    assert "would be refused" in summary and "approved_on" in summary
    assert "::warning file=data/statement.yml" in log


def test_gate_reports_publishable_when_it_is(gate_step: Path) -> None:
    fill_data(
        gate_step / "data",
        "reporting_period: {start: 2025-01-01, end: 2025-12-31}\ncompanies_covered: [Exempla AS]\n"
        "approved_on: 2026-06-20\npublished_on: 2026-06-25\n"
        "signatories:\n  - {name: Kari Nordmann, role: board_chair}\n"
        "  - {name: Per Hansen, role: ceo}\ncontact:\n  email: apenhet@example.no\n  postal_address: [Exempla AS]\n",
    )
    # site/ as the strict build before it leaves it: built from these files for the gated address and form.
    site = gate_step / "site"
    site.mkdir()
    form = FormSettings(provider=Provider.formspree, endpoint="https://formspree.io/f/abc")
    write_build_record(site, build_record(gate_step, "https://exempla.no/apenhet/", form))
    status, log, summary = run_gate_step(gate_step, on_main=True)
    assert status == 0, log
    assert summary.startswith("### Publication gate: publishable at https://exempla.no/apenhet/")
    # A site/ built before the last edit is not what the gate judged: the deploy is refused.
    replace_once(gate_step / "data" / "company.yml", "employees: 250", "employees: 260")
    status, log, summary = run_gate_step(gate_step, on_main=True)
    assert status == 1 and "site/build.json: site/ was built from other files than" in summary, log


@pytest.mark.shipped_settings
def test_every_form_setting_mkdocs_yml_reads_is_passed_from_repository_variables(workflow: dict[Any, Any]) -> None:
    """Each INNSYNSKRAV_* variable mkdocs.yml reads can be set from the repository's variables."""
    wanted = set(re.findall(r"!ENV \[(INNSYNSKRAV_\w+)", (REPO / "mkdocs.yml").read_text(encoding="utf-8")))
    assert wanted >= {"INNSYNSKRAV_PROVIDER", "INNSYNSKRAV_ENDPOINT", "INNSYNSKRAV_SERVICE_NAME"}
    step = next(
        step
        for step in steps(workflow, "build")
        if "GITHUB_ENV" in step.get("run", "") and "INNSYNSKRAV_" in step["run"]
    )
    for name in wanted:
        assert f"vars.{name} }}}}" in " ".join(step["env"].values()), name
        assert f"{name}=" in step["run"], name


def test_what_is_deployed_is_the_site_the_gate_checked(workflow: dict[Any, Any]) -> None:
    """The gate judges site/ itself (its build.json: built from these files for this address and form),
    and the steps after it upload that same site/."""
    gate = step_index(workflow, "build", runs="aapenhet gate")
    assert "--built site " in steps(workflow, "build")[gate]["run"]
    uploads = [
        index
        for index, step in enumerate(steps(workflow, "build"))
        if step.get("uses", "").startswith(("actions/upload-artifact", "actions/upload-pages-artifact"))
    ]
    assert uploads and all(index > gate for index in uploads)
    assert {steps(workflow, "build")[index]["with"]["path"] for index in uploads} == {"site/"}
    assert step_index(workflow, "build", runs="mkdocs build --strict") < gate


def test_every_action_is_pinned_to_a_commit(workflow: dict[Any, Any]) -> None:
    """A tag can be moved to other code; a commit cannot. Each action's release is named beside it."""
    used = [step["uses"] for job in workflow["jobs"].values() for step in job["steps"] if "uses" in step]
    assert used and [uses for uses in used if not re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", uses)] == []
    text = WORKFLOW.read_text(encoding="utf-8")
    assert all(re.search(re.escape(uses) + r" # v\d+\.\d+\.\d+\n", text) for uses in used)


def test_the_container_is_pinned_by_digest_and_an_update_bot_proposes_new_versions(workflow: dict[Any, Any]) -> None:
    """A tag can be moved to another image; a digest cannot. Renovate proposes the next pins (actions,
    image, Python packages), and keeps MkDocs below 2 as pyproject.toml does."""
    images = [job["container"] for job in workflow["jobs"].values() if "container" in job]
    assert images and all(re.fullmatch(r"[\w./-]+:[\w.-]+@sha256:[0-9a-f]{64}", image) for image in images)
    text = WORKFLOW.read_text(encoding="utf-8")
    assert all(re.search(re.escape(image) + r" # \d+\.\d+\.\d+\n", text) for image in images)
    renovate = json.loads((REPO / ".github" / "renovate.json").read_text(encoding="utf-8"))
    assert {"helpers:pinGitHubActionDigestsToSemver", "docker:pinDigests"} <= set(renovate["extends"])
    assert {"matchPackageNames": ["mkdocs"], "allowedVersions": "<2"}.items() <= next(
        rule for rule in renovate["packageRules"] if rule.get("matchPackageNames") == ["mkdocs"]
    ).items()
