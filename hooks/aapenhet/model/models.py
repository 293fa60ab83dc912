"""Typed models that mirror the YAML files in ``data/``, one top-level model per file.

Every model forbids unknown keys (they are typos). Text shown to the public is a ``Text`` with
every language of ``LANGUAGES`` required. Facts the seed statement lacks are optional here; whether the statement
is complete enough to publish is decided by ``completeness.missing_for_publication``, not by validation.
"""

from __future__ import annotations

import datetime
import enum
import re
import unicodedata
from typing import TYPE_CHECKING, Annotated, Any, Self

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    HttpUrl,
    StringConstraints,
    ValidationInfo,
    WithJsonSchema,
    create_model,
    model_validator,
)

from aapenhet.languages import LANGUAGES, TEXT_DESCRIPTION, TEXT_FIELD_DESCRIPTIONS
from aapenhet.model.countries import check_country_code, country_codes
from aapenhet.model.frozen import share_fields_set
from aapenhet.model.names import check_name
from aapenhet.source.problems import WordedError
from aapenhet.words import Wording, per_language, wording


class StrictModel(BaseModel):
    """Base for every model: unknown keys are errors, and values are not silently stripped."""

    # A docstring under a field is its description in the JSON Schemas editors get (aapenhet schema).
    model_config = ConfigDict(extra="forbid", frozen=True, use_attribute_docstrings=True)

    def model_post_init(self, context: Any, /) -> None:
        share_fields_set(self)


# Bidirectional embeddings, overrides and isolates can make a text read differently from what it says.
_BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")


# The validation context's key for the texts and small values already seen in the file being read
# (check_visible, HeldOnce).
TEXTS_SEEN = "texts_seen"


def check_visible(value: str, info: ValidationInfo) -> str:
    """A text the public sees must show something: not only spaces, zero-width or format characters."""
    if _BIDI_CONTROLS.search(value):  # a pattern: every text is scanned whole, thousands of them
        raise WordedError(wording("text.bidi_control"))
    if not any(unicodedata.category(char)[0] not in "CZ" for char in value):
        raise WordedError(wording("text.invisible"))
    # Each distinct text held once (pydantic makes a new string of each as it strips it): a long list
    # says the same things of many suppliers. sys.intern's table would stay for good on Python 3.12.
    seen = _seen_in_file(info)
    return seen.setdefault(value, value) if seen is not None else value


def _seen_in_file(info: ValidationInfo) -> dict[object, Any] | None:
    """The texts and small values already read in the file being validated: the loader gives each
    file's validation its own table (``TEXTS_SEEN``), which goes with it. None elsewhere."""
    seen = info.context.get(TEXTS_SEEN) if isinstance(info.context, dict) else None
    return seen if isinstance(seen, dict) else None


NonEmptyStr = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1), AfterValidator(check_visible)]
# A person's or a company's name: visible, and with a letter or digit once invisible characters are gone.
Name = Annotated[NonEmptyStr, AfterValidator(check_name)]
# In the editors' JSON Schemas: the list of codes, so an editor completes them and flags a wrong one.
CountryCode = Annotated[
    str,
    AfterValidator(check_country_code),
    WithJsonSchema(
        {"type": "string", "enum": country_codes(), "description": "ISO 3166-1 alpha-2 country code, e.g. CN, TW, NO."}
    ),
]
Identifier = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]
# A plain address: it goes into mailto: links, where ?, & and = would add headers such as cc or body.
EmailAddress = Annotated[
    str,
    StringConstraints(
        strip_whitespace=True, pattern=r"^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$"
    ),
]


class HeldOnce(StrictModel):
    """A small value (texts, places, production lines; its fields hashable or lists of hashables):
    equal ones read in one file are one object, as each distinct string is (``check_visible``).
    They are frozen, and a long list says the same few things of thousands of suppliers and
    measures: with 10,000 generated suppliers, 68,000 texts, 10,000 headquarters and 20,000
    production lines, of which 12,000, 18 and 9,000 differ."""

    @model_validator(mode="after")
    def _held_once(self, info: ValidationInfo) -> Self:
        seen = _seen_in_file(info)
        if seen is None:
            return self
        values = (tuple(value) if isinstance(value, list) else value for value in self.__dict__.values())
        held: Self = seen.setdefault((type(self), *values), self)
        return held


class LanguageTexts(HeldOnce):
    """A text shown to the public, one field per language of ``LANGUAGES`` (``Text``, made below)."""

    def in_language(self, language: str) -> str:
        text: str = getattr(self, language)
        return text

    def as_wording(self) -> Wording:
        """The text as a message's field: each language's message quotes it in that language."""
        return per_language(self.in_language)


def _text_model() -> type[LanguageTexts]:
    """``Text``: one required, visible text per language, in the list's order, so that the YAML stays
    ``{nb: …, en: …}`` and a missing or unknown language is located and worded like any other key."""
    fields: dict[str, Any] = {
        language: (NonEmptyStr, Field(description=TEXT_FIELD_DESCRIPTIONS[language])) for language in LANGUAGES
    }
    return create_model("Text", __base__=LanguageTexts, __module__=__name__, __doc__=TEXT_DESCRIPTION, **fields)


if TYPE_CHECKING:
    Text = LanguageTexts  # what a type checker sees: the fields are made at run time, from the list
else:
    Text = _text_model()


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
    """Where a measure stands. ``committed``: the statement commits to it from now on («forplikter seg
    til») without saying whether it has started: not «planned», which would say it has not."""

    planned = "planned"
    committed = "committed"
    ongoing = "ongoing"
    done = "done"

    @property
    def is_ahead(self) -> bool:
        """Planned or committed to: what the statement says will be done (§5 c, "Fokus fremover")."""
        return self in (MeasureStatus.planned, MeasureStatus.committed)


class SignatoryRole(str, enum.Enum):
    """Who signs (regnskapsloven §3-5): every board member and the daglig leder (CEO)."""

    board_chair = "board_chair"
    board_member = "board_member"
    employee_representative = "employee_representative"
    ceo = "ceo"


# --- company.yml -------------------------------------------------------------------------------


class Sustainability(StrictModel):
    aim: Text
    """What the company aims for in the sustainable use of IT equipment."""
    practices: list[Text] = Field(min_length=1)
    """What the company does for it, one item each."""


class Policy(StrictModel):
    name: Text
    """The policy's title, as the company names it."""
    updated_for_act: bool = False
    """true when the policy was updated when the Transparency Act came into force."""


class Company(StrictModel):
    name: Name
    """The enterprise's legal name, e.g. Exso AS."""
    organisation_number: Annotated[str, StringConstraints(pattern=r"^\d{9}$")] | None = None
    """The organisation number: nine digits. Empty until given."""
    description: Text
    """What the enterprise is, in one sentence (§5 a)."""
    offerings_summary: Text
    """What it offers, in a sentence or two."""
    products: list[Text] = Field(min_length=1)
    """Products, in lower case (they are listed in running text)."""
    services: list[Text] = Field(min_length=1)
    """Services, in lower case (they are listed in running text)."""
    resale: Text
    """What the enterprise resells, and from whom."""
    employees: int = Field(gt=0)
    """The number of employees."""
    locations_in_norway: int = Field(gt=0)
    """The number of places in Norway where the company is present."""
    locations_note: Text | None = None
    """What that presence gives, following the number (lower case)."""
    markets: list[CountryCode] = Field(min_length=1)
    """Countries where the company sells: ISO 3166 codes."""
    customer_sectors: list[Text] = Field(min_length=1)
    """Customer sectors, in lower case (they are listed in running text)."""
    sustainability: Sustainability
    """The company's work for the sustainable use of IT equipment."""
    policies: list[Policy] = []
    """Policies that bear on human rights and decent work."""


# --- statement.yml -----------------------------------------------------------------------------


class ReportingPeriod(StrictModel):
    start: datetime.date | None = None
    """First day of the period the statement reports on (YYYY-MM-DD)."""
    end: datetime.date | None = None
    """Last day of the period (YYYY-MM-DD)."""


class Signatory(StrictModel):
    name: Name
    """The signatory's name as it is to be printed."""
    role: SignatoryRole
    """board_chair, board_member, employee_representative or ceo (daglig leder)."""


class Contact(StrictModel):
    email: EmailAddress | None = None
    """The e-mail address for requests for information (innsynskrav): a plain address."""
    postal_address: list[NonEmptyStr] = []
    """The postal address for requests for information, one line per item."""


class Revision(StrictModel):
    """A change after publication: the Act asks for an update on significant changes in risk."""

    date: datetime.date
    """When the statement was changed after publication (YYYY-MM-DD)."""
    summary: Text
    """What changed, and why."""


class Statement(StrictModel):
    reporting_period: ReportingPeriod = ReportingPeriod()
    """The period the statement reports on."""
    companies_covered: list[Name] = Field(min_length=1)
    """The companies the statement covers: the enterprise itself among them."""
    approved_on: datetime.date | None = None
    """The date the board approved and signed the statement (YYYY-MM-DD)."""
    published_on: datetime.date | None = None
    """The date the statement was published (YYYY-MM-DD), by 30 June."""
    signatories: list[Signatory] = []
    """Every board member and the daglig leder (regnskapsloven §3-5)."""
    contact: Contact = Contact()
    """Where to send a request for information (åpenhetsloven §6)."""
    revisions: list[Revision] = []
    """Changes after publication, e.g. after a significant change in risk."""


# --- suppliers.yml -----------------------------------------------------------------------------


class Location(HeldOnce):
    country: CountryCode
    """ISO 3166 code of the country."""
    city: Text | None = None
    """The city, when the statement names one."""


class Ownership(StrictModel):
    owner: NonEmptyStr
    """Who owns the supplier."""
    share_percent: float = Field(gt=0, le=100)
    """The owner's share, in percent (more than 0, at most 100)."""
    headquarters: Location | None = None
    """Where the owner has its headquarters."""


class SupplyKind(str, enum.Enum):
    """What a supplier delivers from a country: goods made there, or services delivered from there."""

    goods = "goods"
    services = "services"


class ProductionLine(HeldOnce):
    product_line: Text
    """What the supplier makes or delivers for Exso."""
    countries: list[CountryCode] = Field(min_length=1)
    """Where it is made (goods) or delivered from (services): ISO 3166 codes, each listed in countries.yml."""
    # services: delivered from these countries (software development), not made there.
    kind: SupplyKind = SupplyKind.goods
    """goods (made in these countries, the default) or services (delivered from them)."""
    note: Text | None = None
    """A note on this production, e.g. «Mainly made in these countries.»"""
    place: Text | None = None
    """A place below country level, as the source names it («England»): the line then has one country,
    the one the place is in, which the country ratings are about."""

    @model_validator(mode="after")
    def _place_is_in_one_country(self) -> ProductionLine:
        if self.place is not None and len(self.countries) != 1:
            raise WordedError(wording("production.place_in_one_country"))
        return self


class Supplier(StrictModel):
    id: Identifier
    """A stable id: lower-case letters, digits and hyphens. Measures refer to it."""
    name: Name
    """The supplier's name."""
    supplies: Text
    """What the supplier supplies to Exso."""
    significance: Text | None = None
    """Why the supplier matters to Exso, e.g. one of the two largest."""
    profile: Text | None = None
    """A short description of the supplier."""
    headquarters: Location
    """Where the supplier has its headquarters."""
    ownership: Ownership | None = None
    """Who owns the supplier, when the statement says."""
    relationship_years: int | None = Field(default=None, gt=0)
    """How many years the supplier has worked with Exso."""
    relationship_years_approximate: bool = False
    """true when that number is approximate (shown as «about»)."""
    production: list[ProductionLine] = Field(min_length=1)
    """What the supplier makes or delivers, and where."""


class Suppliers(StrictModel):
    suppliers: list[Supplier] = Field(min_length=1)
    """Every supplier the statement names."""


# --- countries.yml -----------------------------------------------------------------------------


class RatingSource(StrictModel):
    id: Identifier
    """A stable id that ratings and risks refer to."""
    name: Text
    """The source's name, e.g. ITUC Global Rights Index."""
    publisher: NonEmptyStr
    """Who publishes it."""
    year: int | None = Field(default=None, ge=1990, le=2100)
    """The edition (year) the ratings are taken from. Empty until given: the statement stays a draft."""
    checked_on: datetime.date | None = None
    """When someone last checked that this edition is still the newest (YYYY-MM-DD): an edition older
    than the period is confirmed for it by a check made in the period."""
    url: HttpUrl | None = None
    """The source's web address."""


class CountryRisk(StrictModel):
    """A country's risk rating. ``risk`` empty: the statement names the country but rates it not."""

    code: CountryCode
    """ISO 3166 code of the country."""
    risk: RiskLevel | None = None
    """high, elevated or low; empty where the statement names the country without rating it."""
    source: Identifier | None = None
    """The id of the rating's source under sources:."""
    areas: list[RiskArea] = []
    """The areas of risk the rating names."""


class Countries(StrictModel):
    sources: list[RatingSource] = []
    """Where the country ratings come from."""
    countries: list[CountryRisk] = Field(min_length=1)
    """Every country a supplier makes goods in or delivers services from, with its rating."""


# --- due_diligence.yml -------------------------------------------------------------------------


class Method(StrictModel):
    frameworks: list[Text] = Field(min_length=1)
    """The frameworks the due diligence rests on (UNGP, OECD)."""
    risk_mapping: Text
    """How risks are mapped."""
    scope: Text
    """Where due diligence is carried out."""


class Where(StrictModel):
    """Where a risk or an impact is: any of countries, a sector, suppliers, a product line, a tier."""

    countries: list[CountryCode] = []
    """Countries concerned: ISO 3166 codes."""
    sector: Text | None = None
    """The sector concerned."""
    suppliers: list[Identifier] = []
    """Ids of the suppliers concerned (suppliers.yml)."""
    product_line: Text | None = None
    """The product line concerned."""
    tier: SupplyChainTier | None = None
    """Where in the supply chain: own_operations, tier_1 or tier_2_or_beyond; empty when not known."""


class Risk(StrictModel):
    """A risk of adverse impacts the statement names (§5 b); exposure: none marks one named only to say
    Exso is not exposed to it.

    Empty fields are what the statement does not say (shown as "not stated"); ``level`` is the
    statement's own wording of the risk (``elevated`` for "høyere risiko"), not a rating by a source.
    """

    id: Identifier
    """A stable id that measures refer to (addresses:)."""
    title: Text
    """A short name for the risk."""
    where: Where
    """Where the risk is."""
    rights: list[RiskArea] = []
    """Which rights could be harmed."""
    level: RiskLevel | None = None
    """The statement's own wording: high, elevated (“høyere risiko”) or low."""
    severity: Scale | None = None
    """How severe, as assessed: low, medium or high. Empty until assessed: the statement stays a draft."""
    likelihood: Scale | None = None
    """How likely, as assessed: low, medium or high. Empty until assessed: the statement stays a draft."""
    exposure: Exposure | None = None
    """Exso's exposure: none or some."""
    # A source under countries.yml sources:, when the risk comes from one.
    source: Identifier | None = None
    """The id of the risk's source under sources: in countries.yml, when it comes from one."""
    description: Text
    """What the statement says of the risk."""


class Impact(StrictModel):
    """An actual adverse impact the due diligence found (§5 b), and its remediation."""

    id: Identifier
    """A stable id that measures refer to (addresses:)."""
    title: Text
    """A short name for the impact."""
    where: Where
    """Where it happened."""
    rights: list[RiskArea] = []
    """Which rights were harmed."""
    identified_on: datetime.date | None = None
    """When it was identified (YYYY-MM-DD)."""
    description: Text
    """What happened."""
    remediation: Text | None = None
    """How it is remedied."""
    remediation_status: MeasureStatus | None = None
    """planned, ongoing or done."""


class ActualImpacts(StrictModel):
    """Actual adverse impacts found, or an explicit "none identified" with how they were looked for."""

    none_identified: bool = False
    """true when the due diligence found no actual adverse impact; then say how_looked_for."""
    # How impacts were looked for: the supervisor criticises a bare "none found".
    how_looked_for: Text | None = None
    """How impacts were looked for (the supervisor criticises a bare «none found»)."""
    impacts: list[Impact] = []
    """The actual adverse impacts found."""

    @model_validator(mode="after")
    def _none_or_some(self) -> ActualImpacts:
        if self.none_identified and self.impacts:
            raise WordedError(wording("impacts.none_but_listed"))
        if self.none_identified and self.how_looked_for is None:
            raise WordedError(wording("impacts.none_without_how"))
        if not self.none_identified and not self.impacts:
            raise WordedError(wording("impacts.neither"))
        return self


class Measure(StrictModel):
    """A measure taken or planned to cease, prevent or mitigate an impact or risk (§5 c)."""

    id: Identifier
    """A stable id."""
    title: Text
    """A short name for the measure."""
    kind: MeasureKind
    """What kind of measure it is (the allowed values are listed in the schema)."""
    status: MeasureStatus
    """planned, committed (the statement commits to it, without saying whether it has started), ongoing or done."""
    # The risks and impacts (ids) the measure addresses; empty: the statement does not link it.
    addresses: list[Identifier] = []
    """Ids of the risks and impacts the measure is meant for; empty where the statement does not link it."""
    supplier: Identifier | None = None
    """The id of the supplier it concerns (suppliers.yml)."""
    started_on: datetime.date | None = None
    """When it started (YYYY-MM-DD); needed for an ongoing measure."""
    completed_on: datetime.date | None = None
    """When it was completed (YYYY-MM-DD); needed for a measure done."""
    description: Text | None = None
    """What the measure is."""
    result: Text | None = None
    """What the measure achieved, as Exso found; needed for a measure taken."""
    expected_result: Text | None = None
    """What a planned measure is expected to achieve."""
    # What the supplier said (in an interview, a questionnaire): shown as the supplier's words, never
    # as a result Exso has seen for itself.
    supplier_said: Text | None = None
    """What the supplier said (interview, questionnaire): shown as the supplier's words, never as a result."""


class EthicalGuidelines(StrictModel):
    summary: Text
    """What the ethical guidelines cover."""
    global_compact: Text
    """How Exso relates to the UN Global Compact."""
    standards: Text
    """The standards the guidelines follow."""
    supplier_obligations: list[Text] = Field(min_length=1)
    """What suppliers must do under the guidelines."""


class Routines(StrictModel):
    summary: Text
    """The routines for handling actual and potential adverse impacts."""
    items: list[Text] = Field(min_length=1)
    """Each routine."""


class DueDiligence(StrictModel):
    method: Method
    """The method the due diligence follows (§5 a)."""
    supplier_follow_up: list[Text] = Field(min_length=1)
    """How existing suppliers are followed up."""
    onboarding_criteria: list[Text] = Field(min_length=1)
    """What the company looks for when it takes on a new supplier."""
    strategic_partner_criteria: list[Text] = Field(min_length=1)
    """What the company's strategic partners offer and have."""
    partner_relationships: Text
    """The company's relationships with its partners."""
    ethical_guidelines: EthicalGuidelines
    """The ethical guidelines for all business and the supply chain (§5 a)."""
    routines: Routines
    """Routines for handling adverse impacts (§5 a)."""
    # Who is responsible for the due diligence, and where anyone can raise a concern.
    responsible: Text | None = None
    """Who is responsible for the due diligence."""
    concerns_channel: Text | None = None
    """Where anyone can raise a concern (a grievance channel)."""
    risks: list[Risk] = Field(min_length=1)
    """Risks the statement names (§5 b), with Exso's exposure to each."""
    # Empty: the statement does not say whether actual adverse impacts were found.
    actual_impacts: ActualImpacts | None = None
    """Actual adverse impacts found, or none_identified with how they were looked for (§5 b). Empty: not stated."""
    measures: list[Measure] = []
    """Measures taken or planned, with results (§5 c)."""


# --- the whole tree ----------------------------------------------------------------------------


class StatementData(StrictModel):
    """Everything in ``data/``, validated and cross-checked."""

    company: Company
    """company.yml"""
    statement: Statement
    """statement.yml"""
    suppliers: Suppliers
    """suppliers.yml"""
    countries: Countries
    """countries.yml"""
    due_diligence: DueDiligence
    """due_diligence.yml"""


# Which file holds which part of the tree.
DATA_FILES: dict[str, type[StrictModel]] = {
    "company.yml": Company,
    "statement.yml": Statement,
    "suppliers.yml": Suppliers,
    "countries.yml": Countries,
    "due_diligence.yml": DueDiligence,
}
