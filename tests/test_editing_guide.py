"""The editors' guide (EDITING.md) shows examples that work: its YAML for a risk, an actual impact
and a measure is valid for the models, and every file it points to exists.
"""

from __future__ import annotations

import re
from pathlib import Path

from aapenhet.model.models import ActualImpacts, CountryRisk, Measure, Risk
from aapenhet.source.yaml_source import parse_yaml
from site_build import REPO

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
    named = set(re.findall(r"`((?:data|docs|hooks)/[\w./-]+\.(?:yml|md))`", GUIDE)) - {"docs/PAGE.md", "docs/PAGE.en.md",
                                                                                           "docs/NAME.md", "docs/NAME.en.md"}
    assert named and [name for name in sorted(named) if not (REPO / name).is_file()] == []
