"""Typed models that mirror the YAML files in ``data/``, one top-level model per file.

Every model forbids unknown keys (they are typos). Text shown to the public is a ``Text`` with
both languages required. Facts the seed statement lacks are optional here; whether the statement
is complete enough to publish is decided by ``completeness.missing_for_publication``, not by validation.
"""

from __future__ import annotations

import datetime
import enum
import unicodedata
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, HttpUrl, StringConstraints, model_validator

from aapenhet.model.countries import check_country_code


class StrictModel(BaseModel):
    """Base for every model: unknown keys are errors, and values are not silently stripped."""

    model_config = ConfigDict(extra="forbid", frozen=True)


# Bidirectional embeddings, overrides and isolates can make a text read differently from what it says.
_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def check_visible(value: str) -> str:
    """A text the public sees must show something: not only spaces, zero-width or format characters."""
    if any(char in _BIDI_CONTROLS for char in value):
        raise ValueError("contains a bidirectional override character (invisible, it reorders the text) — remove it")
    if not any(unicodedata.category(char)[0] not in "CZ" for char in value):
        raise ValueError("has no visible characters (only spaces, zero-width or control characters) — write the text")
    return value


NonEmptyStr = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1), AfterValidator(check_visible)]
CountryCode = Annotated[str, AfterValidator(check_country_code)]
Identifier = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]
# A plain address: it goes into mailto: links, where ?, & and = would add headers such as cc or body.
EmailAddress = Annotated[str, StringConstraints(
    strip_whitespace=True, pattern=r"^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$")]


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
    """Which rights are at risk: the ITUC index's areas, and the statement's own broader words."""

    forced_labour = "forced_labour"
    workers_rights = "workers_rights"
    child_labour = "child_labour"
    discrimination = "discrimination"
    human_rights = "human_rights"
    decent_work = "decent_work"


class Scale(str, enum.Enum):
    """Severity or likelihood of a risk, as the enterprise assessed it (OECD: prioritise by both)."""

    low = "low"
    medium = "medium"
    high = "high"


class SupplyChainTier(str, enum.Enum):
    own_operations = "own_operations"
    tier_1 = "tier_1"
    tier_2_or_beyond = "tier_2_or_beyond"


class MeasureKind(str, enum.Enum):
    policy = "policy"
    supplier_requirement = "supplier_requirement"
    contract_clause = "contract_clause"
    questionnaire = "questionnaire"
    interview = "interview"
    visit = "visit"
    audit = "audit"
    training = "training"
    grievance_channel = "grievance_channel"
    supplier_follow_up = "supplier_follow_up"
    risk_assessment = "risk_assessment"
    onboarding_check = "onboarding_check"


class MeasureStatus(str, enum.Enum):
    planned = "planned"
    ongoing = "ongoing"
    done = "done"


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


class SupplyKind(str, enum.Enum):
    """What a supplier delivers from a country: goods made there, or services delivered from there."""

    goods = "goods"
    services = "services"


class ProductionLine(StrictModel):
    product_line: Text
    countries: list[CountryCode] = Field(min_length=1)
    # services: delivered from these countries (software development), not made there.
    kind: SupplyKind = SupplyKind.goods
    note: Text | None = None


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


class Where(StrictModel):
    """Where a risk or an impact is: any of countries, a sector, suppliers, a product line, a tier."""

    countries: list[CountryCode] = []
    sector: Text | None = None
    suppliers: list[Identifier] = []
    product_line: Text | None = None
    tier: SupplyChainTier | None = None


class Risk(StrictModel):
    """A significant risk of adverse impacts the due diligence identified (§5 b).

    Empty fields are what the statement does not say (shown as "not stated"); ``level`` is the
    statement's own wording of the risk (``elevated`` for "høyere risiko"), not a rating by a source.
    """

    id: Identifier
    title: Text
    where: Where
    rights: list[RiskArea] = []
    level: RiskLevel | None = None
    severity: Scale | None = None
    likelihood: Scale | None = None
    exposure: Exposure | None = None
    # A source under countries.yml sources:, when the risk comes from one.
    source: Identifier | None = None
    description: Text


class Impact(StrictModel):
    """An actual adverse impact the due diligence found (§5 b), and its remediation."""

    id: Identifier
    title: Text
    where: Where
    rights: list[RiskArea] = []
    identified_on: datetime.date | None = None
    description: Text
    remediation: Text | None = None
    remediation_status: MeasureStatus | None = None


class ActualImpacts(StrictModel):
    """Actual adverse impacts found, or an explicit "none identified" with how they were looked for."""

    none_identified: bool = False
    # How impacts were looked for: the supervisor criticises a bare "none found".
    how_looked_for: Text | None = None
    impacts: list[Impact] = []

    @model_validator(mode="after")
    def _none_or_some(self) -> ActualImpacts:
        if self.none_identified and self.impacts:
            raise ValueError("none_identified: true, but impacts are listed — remove one of them")
        if self.none_identified and self.how_looked_for is None:
            raise ValueError("none_identified needs «how_looked_for:», how the impacts were looked for")
        if not self.none_identified and not self.impacts:
            raise ValueError("list the impacts under «impacts:», or say «none_identified: true» with"
                             " «how_looked_for:»; leave actual_impacts empty if the statement does not say")
        return self


class Measure(StrictModel):
    """A measure taken or planned to cease, prevent or mitigate an impact or risk (§5 c)."""

    id: Identifier
    title: Text
    kind: MeasureKind
    status: MeasureStatus
    # The risks and impacts (ids) the measure addresses; empty: the statement does not link it.
    addresses: list[Identifier] = []
    supplier: Identifier | None = None
    started_on: datetime.date | None = None
    completed_on: datetime.date | None = None
    description: Text | None = None
    result: Text | None = None
    expected_result: Text | None = None
    # What the supplier said (in an interview, a questionnaire): shown as the supplier's words, never
    # as a result Exso has seen for itself.
    supplier_said: Text | None = None


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
    strategic_partner_criteria: list[Text] = Field(min_length=1)
    partner_relationships: Text
    ethical_guidelines: EthicalGuidelines
    routines: Routines
    # Who is responsible for the due diligence, and where anyone can raise a concern.
    responsible: Text | None = None
    concerns_channel: Text | None = None
    risks: list[Risk] = Field(min_length=1)
    # Empty: the statement does not say whether actual adverse impacts were found.
    actual_impacts: ActualImpacts | None = None
    measures: list[Measure] = []


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
