"""Tests of the statement in the UK Modern Slavery Statement Registry's shape (``registry_summary.csv``
and ``.json``).

They prove: both files parse, with the registry's 71 columns in its order (as its own code declares
them, copied here from the source DEVELOPING.md's crosswalk names, not from our definitions); every value of the
complete test statement is mapped from its document as DEVELOPING.md's crosswalk says (period, approval, the chair
as the approving person, the six areas, the first three risks with area, tier, countries and
measures); a tier our codes cannot say in the registry's words is left empty; and the draft, which
has no period, approval or signatories, leaves those empty instead of guessing.
"""

from __future__ import annotations

import csv
import datetime
import io
import json
import shutil

import pytest

from aapenhet.model.loader import load_statement_data
from aapenhet.model.models import Exposure, StatementData, SupplyChainTier
from aapenhet.publishing.export import machine_readable_files
from aapenhet.publishing.registry_summary import (
    REGISTRY_COLUMNS,
    REGISTRY_CSV_FILE,
    REGISTRY_JSON_FILE,
    registry_summary,
    registry_year,
)
from aapenhet.rendering.labels import load_labels
from aapenhet.view.statement_view import statement_view
from site_build import PROJECT, fill_data

# The registry's StatementSummaryDownloadModel, property by property (DEVELOPING.md's crosswalk, "Sources").
REGISTRY_HEADER = [
    "StatementYear",
    "OrganisationName",
    "Address",
    "SectorType",
    "CompanyNumber",
    "LastUpdated",
    "GroupSubmission",
    "ParentName",
    "StatementURL",
    "EmailAddressNoURL",
    "StatementSummaryURL",
    "StatementStartDate",
    "StatementEndDate",
    "ApprovingPerson",
    "DateApproved",
    "StatementIncludesOrgStructure",
    "NoOrgStructureReason",
    "StatementIncludesPolicies",
    "NoPoliciesReason",
    "StatementIncludesRisksAssessment",
    "NoRiskAssessmentReason",
    "StatementIncludesDueDiligence",
    "NoDueDiligenceReason",
    "StatementIncludesTraining",
    "NoTrainingReason",
    "StatementIncludesGoals",
    "NoGoalsReason",
    "OrganisationSectors",
    "OtherOrganisationSector",
    "Turnover",
    "YearsProducingStatements",
    "Policies",
    "OtherPolicies",
    "NoPolicies",
    "Training",
    "OtherTraining",
    "NoTraining",
    "WorkingConditionsEngagement",
    "NoEngagement",
    "SocialAudits",
    "NoSocialAudits",
    "GrievanceMechanisms",
    "NoGrievanceMechanisms",
    "OtherMonitoring",
    "NoRisks",
    "Risk1",
    "Risk1Area",
    "Risk1SupplyChainTier",
    "Risk1GroupAffected",
    "Risk1OtherGroupAffected",
    "Risk1Location",
    "Risk1Mitigation",
    "Risk2",
    "Risk2Area",
    "Risk2SupplyChainTier",
    "Risk2GroupAffected",
    "Risk2OtherGroupAffected",
    "Risk2Location",
    "Risk2Mitigation",
    "Risk3",
    "Risk3Area",
    "Risk3SupplyChainTier",
    "Risk3GroupAffected",
    "Risk3OtherGroupAffected",
    "Risk3Location",
    "Risk3Mitigation",
    "ILOIndicatorsInStatement",
    "NoILOIndicatorsInStatement",
    "ILOIndicatorsActions",
    "ILOIndicatorsNoActions",
    "DemonstrateProgress",
]

# Columns our data never fills, whatever the statement says (DEVELOPING.md's crosswalk says why for each).
NEVER_FILLED = {
    "SectorType",
    "CompanyNumber",
    "StatementURL",
    "EmailAddressNoURL",
    "StatementSummaryURL",
    *(name for name in REGISTRY_HEADER if name.startswith("No") and name.endswith("Reason")),
    "StatementIncludesGoals",
    *REGISTRY_HEADER[REGISTRY_HEADER.index("OrganisationSectors") : REGISTRY_HEADER.index("NoRisks")],
    *(f"Risk{n}{part}" for n in (1, 2, 3) for part in ("GroupAffected", "OtherGroupAffected")),
    *REGISTRY_HEADER[REGISTRY_HEADER.index("ILOIndicatorsInStatement") :],
}


@pytest.fixture(scope="module")
def statements(tmp_path_factory: pytest.TempPathFactory) -> dict[str, StatementData]:
    """The draft and the complete test statement (tests/statements/)."""
    data_dir = shutil.copytree(PROJECT / "data", tmp_path_factory.mktemp("complete") / "data")
    fill_data(data_dir)
    return {"draft": load_statement_data(PROJECT / "data"), "complete": load_statement_data(data_dir)}


def in_registry_words(value: object) -> str:
    """A JSON value as the registry's CSV writes it."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "Yes" if value else "No"
    return str(value)


def written(data: StatementData, language: str) -> tuple[list[list[str]], list[dict[str, object]]]:
    """The two files as written beside the statement, parsed: the CSV's rows (header first), the JSON."""
    files = machine_readable_files(statement_view(data, language))
    rows = list(csv.reader(io.StringIO(files[REGISTRY_CSV_FILE].decode("utf-8"), newline="")))
    return rows, json.loads(files[REGISTRY_JSON_FILE])


@pytest.mark.parametrize("statement", ["draft", "complete"])
@pytest.mark.parametrize("language", ["nb", "en"])
def test_both_files_parse_with_the_registrys_columns_in_order(
    statements: dict[str, StatementData], statement: str, language: str
) -> None:
    rows, summaries = written(statements[statement], language)
    assert rows[0] == REGISTRY_HEADER == list(REGISTRY_COLUMNS)
    assert len(rows) == 2 and len(rows[1]) == len(REGISTRY_HEADER), "one row, every cell"
    assert len(summaries) == 1 and list(summaries[0]) == REGISTRY_HEADER
    cells = dict(zip(REGISTRY_HEADER, rows[1], strict=True))
    for name, value in summaries[0].items():  # the CSV says in the registry's words what the JSON says
        assert cells[name] == in_registry_words(value), name
    assert all(summaries[0][name] is None for name in NEVER_FILLED)


def test_the_complete_statement_is_mapped_value_by_value(statements: dict[str, StatementData]) -> None:
    data = statements["complete"]
    document = statement_view(data, "en").document
    _, [summary] = written(data, "en")
    dd = document.due_diligence
    titles = {measure.id: measure.title for measure in dd.measures}
    chair = next(person.name for person in document.statement.signatories if person.role.value == "board_chair")
    assert {name: summary[name] for name in list(summary)[:15]} == {
        "StatementYear": 2026,  # a period ending 31 December 2025 is the registry's 2026
        "OrganisationName": "Exempla AS",
        "Address": "\r\n".join(document.statement.contact.postal_address),
        "SectorType": None,
        "CompanyNumber": None,
        "LastUpdated": "2026-06-25",  # published, not changed since
        "GroupSubmission": False,
        "ParentName": None,
        "StatementURL": None,
        "EmailAddressNoURL": None,
        "StatementSummaryURL": None,
        "StatementStartDate": "2025-01-01",
        "StatementEndDate": "2025-12-31",
        "ApprovingPerson": f"{chair} (Chair of the board)",
        "DateApproved": "2026-06-20",
    }
    areas = {name: summary[name] for name in summary if name.startswith("StatementIncludes")}
    assert areas == {
        "StatementIncludesOrgStructure": True,
        "StatementIncludesPolicies": True,
        "StatementIncludesRisksAssessment": True,
        "StatementIncludesDueDiligence": True,
        "StatementIncludesTraining": any(measure.kind.value == "training" for measure in dd.measures),
        "StatementIncludesGoals": None,
    }
    assert summary["NoRisks"] is False
    # The risks Exso faces: a sector named only to say Exso is not exposed to it is not one of them.
    exposed = [risk for risk in dd.risks if risk.exposure is not Exposure.none]
    assert exposed != dd.risks, "the complete statement names a risk Exso is not exposed to, or this proves nothing"
    not_exposed = {risk.title for risk in dd.risks if risk.exposure is Exposure.none}
    assert not {summary[f"Risk{number}"] for number in (1, 2, 3)} & not_exposed
    for number, risk in enumerate(exposed[:3], start=1):
        assert summary[f"Risk{number}"] == risk.title
        assert summary[f"Risk{number}Location"] == ("\r\n".join(c.country_name for c in risk.where.countries) or None)
        assert summary[f"Risk{number}Mitigation"] == ("\r\n".join(titles[i] for i in risk.measure_ids) or None)
    _, [norsk] = written(data, "nb")
    assert norsk["ApprovingPerson"] == f"{chair} (Styreleder)" and norsk["Risk1"] == next(
        r.title for r in statement_view(data, "nb").document.due_diligence.risks if r.exposure is not Exposure.none
    )


def test_a_risks_area_and_tier_are_the_registrys_words_or_empty(statements: dict[str, StatementData]) -> None:
    document = statement_view(statements["complete"], "en").document
    risks = document.due_diligence.risks[:3]
    tiers = (SupplyChainTier.own_operations, SupplyChainTier.tier_1, SupplyChainTier.tier_2_or_beyond)
    tiered = [
        risk.model_copy(update={"where": risk.where.model_copy(update={"tier": tier}), "exposure": Exposure.some})
        for risk, tier in zip(risks, tiers, strict=True)
    ]
    dd = document.due_diligence.model_copy(update={"risks": [*tiered, *document.due_diligence.risks[3:]]})
    summary = registry_summary(document.model_copy(update={"due_diligence": dd}), load_labels())
    assert [(summary[f"Risk{n}Area"], summary[f"Risk{n}SupplyChainTier"]) for n in (1, 2, 3)] == [
        ("Within your own operations", None),
        ("Within your supply chains", "Tier 1 suppliers"),
        ("Within your supply chains", None),  # tier 2 or beyond: two of the registry's tiers, not one
    ]


def test_an_area_without_facts_is_no_and_no_risk_says_so(statements: dict[str, StatementData]) -> None:
    document = statement_view(statements["complete"], "en").document
    dd = document.due_diligence.model_copy(update={"risks": [], "measures": []})
    bare = document.model_copy(update={"due_diligence": dd, "suppliers": [], "countries": []})
    summary = registry_summary(bare, load_labels())
    assert summary["StatementIncludesOrgStructure"] is False
    assert summary["StatementIncludesRisksAssessment"] is False
    assert summary["StatementIncludesDueDiligence"] is False
    assert summary["StatementIncludesTraining"] is False
    assert summary["NoRisks"] is True and summary["Risk1"] is None
    assert summary["NoOrgStructureReason"] is None, "our data gives no reason: none is made up"


def test_the_draft_leaves_what_it_does_not_say_empty(statements: dict[str, StatementData]) -> None:
    rows, [summary] = written(statements["draft"], "en")
    for name in (
        "StatementYear",
        "Address",
        "LastUpdated",
        "StatementStartDate",
        "StatementEndDate",
        "ApprovingPerson",
        "DateApproved",
    ):
        assert summary[name] is None, name
        assert rows[1][REGISTRY_HEADER.index(name)] == "", name


def test_an_approving_person_needs_the_boards_approval_and_one_chair(statements: dict[str, StatementData]) -> None:
    document = statement_view(statements["complete"], "en").document
    unapproved = document.statement.model_copy(update={"approved_on": None})
    assert (
        registry_summary(document.model_copy(update={"statement": unapproved}), load_labels())["ApprovingPerson"]
        is None
    )
    no_chair = document.statement.model_copy(
        update={"signatories": [p for p in document.statement.signatories if p.role.value != "board_chair"]}
    )
    assert (
        registry_summary(document.model_copy(update={"statement": no_chair}), load_labels())["ApprovingPerson"] is None
    )


@pytest.mark.parametrize(
    ("end", "year"),
    [
        (None, None),
        (datetime.date(2025, 12, 31), 2026),
        (datetime.date(2025, 6, 30), 2025),
        (datetime.date(2025, 7, 1), 2026),
    ],
)
def test_the_registry_year_is_its_rule(end: datetime.date | None, year: int | None) -> None:
    assert registry_year(end) == year
