"""Typed models that mirror the YAML files in ``data/``, one top-level model per file.

Every model forbids unknown keys (they are typos). Text shown to the public is a ``Text`` with
both languages required. Facts the seed statement lacks are optional here; whether the statement
is complete enough to publish is decided by ``completeness.missing_for_publication``, not by validation.
"""

from __future__ import annotations

import datetime
import enum
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, HttpUrl, StringConstraints

from aapenhet.model.countries import check_country_code


class StrictModel(BaseModel):
    """Base for every model: unknown keys are errors, and values are not silently stripped."""

    model_config = ConfigDict(extra="forbid", frozen=True)


NonEmptyStr = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
CountryCode = Annotated[str, AfterValidator(check_country_code)]
Identifier = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]
# Deliberately loose: the address is shown and linked, not delivered to by us.
EmailAddress = Annotated[str, StringConstraints(strip_whitespace=True, pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$")]


class Text(StrictModel):
    """A text shown to the public, in Norwegian Bokmål (authoritative) and English."""

    nb: NonEmptyStr
    en: NonEmptyStr

    def in_language(self, language: str) -> str:
        return getattr(self, language)


class RiskLevel(str, enum.Enum):
    high = "high"
    elevated = "elevated"
    low = "low"


class Exposure(str, enum.Enum):
    none = "none"
    some = "some"


class RiskArea(str, enum.Enum):
    forced_labour = "forced_labour"
    workers_rights = "workers_rights"
    child_labour = "child_labour"
    discrimination = "discrimination"


class FollowUpKind(str, enum.Enum):
    interview = "interview"
    visit = "visit"
    audit = "audit"
    questionnaire = "questionnaire"


class SignatoryRole(str, enum.Enum):
    """Who signs (regnskapsloven §3-5): every board member and the daglig leder (CEO)."""

    board_chair = "board_chair"
    board_member = "board_member"
    employee_representative = "employee_representative"
    ceo = "ceo"


# --- company.yml -------------------------------------------------------------------------------


class Sustainability(StrictModel):
    aim: Text
    practices: list[Text] = Field(min_length=1)


class Policy(StrictModel):
    name: Text
    updated_for_act: bool = False


class Company(StrictModel):
    name: NonEmptyStr
    organisation_number: Annotated[str, StringConstraints(pattern=r"^\d{9}$")] | None = None
    description: Text
    offerings_summary: Text
    products: list[Text] = Field(min_length=1)
    services: list[Text] = Field(min_length=1)
    resale: Text
    employees: int = Field(gt=0)
    locations_in_norway: int = Field(gt=0)
    locations_note: Text | None = None
    markets: list[CountryCode] = Field(min_length=1)
    customer_sectors: list[Text] = Field(min_length=1)
    sustainability: Sustainability
    policies: list[Policy] = []


# --- statement.yml -----------------------------------------------------------------------------


class ReportingPeriod(StrictModel):
    start: datetime.date | None = None
    end: datetime.date | None = None


class Signatory(StrictModel):
    name: NonEmptyStr
    role: SignatoryRole


class Contact(StrictModel):
    email: EmailAddress | None = None
    postal_address: list[NonEmptyStr] = []


class Revision(StrictModel):
    """A change after publication: the Act asks for an update on significant changes in risk."""

    date: datetime.date
    summary: Text


class Statement(StrictModel):
    reporting_period: ReportingPeriod = ReportingPeriod()
    companies_covered: list[NonEmptyStr] = Field(min_length=1)
    approved_on: datetime.date | None = None
    published_on: datetime.date | None = None
    signatories: list[Signatory] = []
    contact: Contact = Contact()
    revisions: list[Revision] = []


# --- suppliers.yml -----------------------------------------------------------------------------


class Location(StrictModel):
    country: CountryCode
    city: Text | None = None


class Ownership(StrictModel):
    owner: NonEmptyStr
    share_percent: float = Field(gt=0, le=100)
    headquarters: Location | None = None


class ProductionLine(StrictModel):
    product_line: Text
    countries: list[CountryCode] = Field(min_length=1)
    note: Text | None = None


class FollowUp(StrictModel):
    kind: FollowUpKind
    summary: Text


class Supplier(StrictModel):
    id: Identifier
    name: NonEmptyStr
    supplies: Text
    significance: Text | None = None
    profile: Text | None = None
    headquarters: Location
    ownership: Ownership | None = None
    relationship_years: int | None = Field(default=None, gt=0)
    relationship_years_approximate: bool = False
    production: list[ProductionLine] = Field(min_length=1)
    follow_up: list[FollowUp] = []
    outcome: Text | None = None


class Suppliers(StrictModel):
    suppliers: list[Supplier] = Field(min_length=1)


# --- countries.yml -----------------------------------------------------------------------------


class RatingSource(StrictModel):
    id: Identifier
    name: Text
    publisher: NonEmptyStr
    year: int | None = Field(default=None, ge=1990, le=2100)
    url: HttpUrl | None = None


class CountryRisk(StrictModel):
    """A country's risk rating. ``risk`` empty: the statement names the country but rates it not."""

    code: CountryCode
    risk: RiskLevel | None = None
    source: Identifier | None = None
    areas: list[RiskArea] = []


class Countries(StrictModel):
    sources: list[RatingSource] = []
    countries: list[CountryRisk] = Field(min_length=1)


# --- due_diligence.yml -------------------------------------------------------------------------


class Method(StrictModel):
    frameworks: list[Text] = Field(min_length=1)
    risk_mapping: Text
    scope: Text


class SectorFinding(StrictModel):
    id: Identifier
    sector: Text
    country: CountryCode | None = None
    risk: RiskLevel
    exposure: Exposure
    finding: Text


class EthicalGuidelines(StrictModel):
    summary: Text
    global_compact: Text
    standards: Text
    supplier_obligations: list[Text] = Field(min_length=1)


class Routines(StrictModel):
    summary: Text
    items: list[Text] = Field(min_length=1)


class DueDiligence(StrictModel):
    method: Method
    supplier_follow_up: list[Text] = Field(min_length=1)
    onboarding_criteria: list[Text] = Field(min_length=1)
    sector_findings: list[SectorFinding] = Field(min_length=1)
    strategic_partner_criteria: list[Text] = Field(min_length=1)
    partner_relationships: Text
    ethical_guidelines: EthicalGuidelines
    routines: Routines
    commitments: list[Text] = Field(min_length=1)


# --- the whole tree ----------------------------------------------------------------------------


class StatementData(StrictModel):
    """Everything in ``data/``, validated and cross-checked."""

    company: Company
    statement: Statement
    suppliers: Suppliers
    countries: Countries
    due_diligence: DueDiligence


# Which file holds which part of the tree.
DATA_FILES: dict[str, type[StrictModel]] = {
    "company.yml": Company,
    "statement.yml": Statement,
    "suppliers.yml": Suppliers,
    "countries.yml": Countries,
    "due_diligence.yml": DueDiligence,
}
