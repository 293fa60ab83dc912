"""The editors' guide (EDITING.md) shows examples that work, and a publication path that passes.

Proves: its YAML for a risk, an actual impact and a measure is valid for the models; every file it
points to exists; its commands, run in order as written on the kept statements, are the path (check
a draft; the gate refuses only the guide's example form address and passes a real one; keep;
new-year, after which check lists last year's facts); the repository variables it names are the
ones CI reads; each form service's settings in its table are valid; each gate reason it explains is
one the tool gives; its links to its own sections lead to a heading.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import shlex
from pathlib import Path

import pytest

from aapenhet.cli import main
from aapenhet.form.settings import FormSettings
from aapenhet.model.models import ActualImpacts, CountryRisk, Measure, Risk
from aapenhet.source.yaml_source import parse_yaml
from aapenhet.words import MESSAGES_FILE
from site_build import REPO, copy_project

GUIDE = (REPO / "EDITING.md").read_text(encoding="utf-8")


def yaml_blocks() -> list[str]:
    return re.findall(r"```yaml\n(.*?)```", GUIDE, flags=re.DOTALL)


def test_the_guides_risk_impact_and_measure_are_valid() -> None:
    example = next(block for block in yaml_blocks() if block.startswith("risks:"))
    data = parse_yaml(example, "EDITING.md").data
    assert Risk.model_validate(data["risks"][0]).id == "cobalt-drc"
    assert ActualImpacts.model_validate(data["actual_impacts"]).impacts[0].id == "overtime-vn"
    assert Measure.model_validate(data["measures"][0]).addresses == ["cobalt-drc", "overtime-vn"]


def test_the_guides_country_rating_is_valid() -> None:
    example = next(block for block in yaml_blocks() if "code: MY" in block)
    assert CountryRisk.model_validate(parse_yaml(example, "EDITING.md").data[0]).code == "MY"


def test_every_file_the_guide_names_exists() -> None:
    named = set(re.findall(r"`((?:data|docs|hooks)/[\w./-]+\.(?:yml|md))`", GUIDE)) - {
        "docs/PAGE.md",
        "docs/PAGE.en.md",
        "docs/NAME.md",
        "docs/NAME.en.md",
    }
    assert named and [name for name in sorted(named) if not (REPO / name).is_file()] == []


# --- The publication path, step by step, as the guide says it -------------------------------------


def guide_commands() -> list[tuple[dict[str, str], list[str]]]:
    """Each ``.venv/bin/aapenhet`` command in the guide's shell blocks: its environment and arguments."""
    commands = []
    for block in re.findall(r"```sh\n(.*?)```", GUIDE, flags=re.DOTALL):
        for line in block.strip().splitlines():
            words = shlex.split(line)
            env = dict(word.split("=", 1) for word in words if re.fullmatch(r"[A-Z_]+=\S+", word))
            rest = [word for word in words if not re.fullmatch(r"[A-Z_]+=\S+", word)]
            assert rest[0] == ".venv/bin/aapenhet", line
            commands.append((env, rest[1:]))
    return commands


def run_in(
    project: Path, env: dict[str, str], arguments: list[str], monkeypatch: pytest.MonkeyPatch
) -> tuple[int, str]:
    for name in [name for name in os.environ if name == "SITE_URL" or name.startswith("INNSYNSKRAV_")]:
        monkeypatch.delenv(name)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
        code = main([*arguments, str(project)])
    return code, out.getvalue()


def test_the_guides_commands_are_the_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """check on a draft; the gate as the guide writes it refuses only the example form address and
    passes with a real one; keep, then new-year, whose check lists last year's facts."""
    commands = guide_commands()
    assert [arguments[0] for _, arguments in commands] == ["check", "gate", "keep", "new-year"]
    (_, check), (gate_env, gate), (_, keep), (_, new_year) = commands
    draft = copy_project(tmp_path / "draft")
    code, said = run_in(draft, {}, check, monkeypatch)
    assert code == 0 and "(utkast)" in said
    signed = copy_project(tmp_path / "signed", "complete")
    code, said = run_in(signed, gate_env, gate, monkeypatch)
    assert code == 1 and said.splitlines()[0].startswith(
        "extra.innsynskrav.endpoint: «https://formspree.io/f/abcdwxyz» is the example address from EDITING.md"
    )
    code, said = run_in(signed, {**gate_env, "INNSYNSKRAV_ENDPOINT": "https://formspree.io/f/xyzzy"}, gate, monkeypatch)
    assert code == 0 and said.startswith("Publishable:"), said
    assert run_in(signed, {}, keep, monkeypatch)[0] == 0
    code, said = run_in(signed, {}, new_year, monkeypatch)
    assert code == 0 and "emptied in data/statement.yml: reporting_period, approved_on, published_on" in said, said
    code, said = run_in(signed, {}, check, monkeypatch)
    assert "Fra perioden før: bekreft, oppdater eller fjern" in said


def test_the_repository_variables_are_the_ones_ci_reads() -> None:
    named = set(re.findall(r"`(INNSYNSKRAV_[A-Z_]+)`", GUIDE))
    workflow = (REPO / ".github" / "workflows" / "publish.yml").read_text(encoding="utf-8")
    assert named == set(re.findall(r"vars\.(INNSYNSKRAV_[A-Z_]+)", workflow))


def test_each_services_settings_in_the_guide_are_valid() -> None:
    section = GUIDE.split("### The request form's mail service", 1)[1].split("\n## ", 1)[0]
    rows = [line for line in section.splitlines() if line.startswith("| ") and "INNSYNSKRAV_PROVIDER" in line]
    assert len(rows) == 5
    for row in rows:
        values = dict(re.findall(r"`(INNSYNSKRAV_[A-Z_]+)` = `([^`]+)`", row))
        settings = FormSettings.model_validate(
            {
                "provider": values["INNSYNSKRAV_PROVIDER"],
                "endpoint": values.get("INNSYNSKRAV_ENDPOINT"),
                "access_key": "key" if "INNSYNSKRAV_ACCESS_KEY" in row else None,
                "service_name": "Service" if "INNSYNSKRAV_SERVICE_NAME" in row else None,
            }
        )
        assert settings.provider.value == values["INNSYNSKRAV_PROVIDER"]


def test_each_gate_reason_the_guide_explains_is_one_the_tool_gives() -> None:
    table = GUIDE.split("## 5. Gate", 1)[1].split("\n## ", 1)[0]
    fragments = [
        fragment
        for line in table.splitlines()
        if line.startswith("| `")
        for fragment in re.findall(r"`([^`]+)`", line.split(" | ")[0])
    ]
    # The tool's words: its code, and the editors' messages in the word store.
    package = REPO / "hooks" / "aapenhet"
    source = " ".join(path.read_text(encoding="utf-8") for path in [*package.rglob("*.py"), MESSAGES_FILE])
    assert len(fragments) >= 12
    assert [fragment for fragment in fragments if fragment not in source] == []


def test_the_guides_links_to_its_own_sections_lead_somewhere() -> None:
    headings = {
        re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")
        for heading in re.findall(r"^#+ (.+)$", GUIDE, flags=re.MULTILINE)
    }
    links = set(re.findall(r"\]\(#([^)]+)\)", GUIDE))
    assert links and links - headings == set()
