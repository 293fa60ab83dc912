"""The shape of the machine-readable statement (``statement.json``), for one language.

These output models are kept apart from the input models in ``models.py`` on purpose: the input
models mirror what an editor writes in ``data/`` (texts as ``{nb, en}`` pairs, optional keys), the
output models what a reader downloads (one language, every key always present, ``null`` where the
statement gives nothing). ``export.statement_document`` builds the document through them, so
``StatementDocument.model_json_schema()`` is the published ``statement.schema.json`` and cannot drift
from what is written.

Conventions: keys are snake_case and stable; dates are ISO 8601 strings (``2025-06-30``); closed sets
(risk levels, risk areas, roles, …) are their codes, never translated; countries are ISO 3166-1
alpha-2 codes with the country's name in the document's language beside them.
"""

from __future__ import annotations

import datetime
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, HttpUrl

from aapenhet.languages import DEFAULT_LANGUAGE, AuthoritativeLanguage, Language
from aapenhet.model.completeness import Missing
from aapenhet.model.frozen import share_fields_set
from aapenhet.model.models import (
    Exposure,
    MeasureKind,
    MeasureStatus,
    RiskArea,
    RiskLevel,
    Scale,
    SignatoryRole,
    SupplyChainTier,
    SupplyKind,
)

SCHEMA_URL = "statement.schema.json"
"""Where the schema is, relative to ``statement.json`` (both are written to the same folder)."""

JSON_SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"

Status = Literal["draft", "final"]
CountryCode = Annotated[str, Field(pattern=r"^[A-Z]{2}$", description="ISO 3166-1 alpha-2 country code.")]


class OutputModel(BaseModel):
    """Base for every output model: exactly these keys (``additionalProperties: false``), read-only."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    def model_post_init(self, context: Any, /) -> None:
        share_fields_set(self)


# --- shared pieces -----------------------------------------------------------------------------


class Country(OutputModel):
    """A country: its code and its name in the document's language (from CLDR)."""

    country_code: CountryCode
    country_name: str = Field(
        description="The country's name in the document's language (CLDR), e.g. «Kina» / «China»."
    )


class Location(OutputModel):
    """Where a company has its headquarters."""

    country_code: CountryCode
    country_name: str = Field(description="The country's name in the document's language (CLDR).")
    city: str | None = Field(description="City, or null when the statement does not name one.")


# --- company -----------------------------------------------------------------------------------


class Sustainability(OutputModel):
    aim: str = Field(description="What the company aims for in the sustainable use of IT equipment.")
    practices: list[str] = Field(description="What the company does towards that aim.")


class Policy(OutputModel):
    name: str = Field(description="Name of the policy or guideline document.")
    updated_for_act: bool = Field(description="True when the document was updated when åpenhetsloven came into force.")


class Company(OutputModel):
    """The enterprise the statement covers (åpenhetsloven §5 a: organisation and areas of operation)."""

    name: str = Field(description="Legal name of the company.")
    organisation_number: str | None = Field(
        description="Norwegian organisation number (9 digits), or null when the statement does not give it."
    )
    description: str = Field(description="What the company is, in one sentence.")
    offerings_summary: str = Field(description="What the company offers.")
    products: list[str] = Field(description="Kinds of products the company sells.")
    services: list[str] = Field(description="Kinds of services the company provides.")
    resale: str = Field(description="What the company resells and from whom.")
    employees: int = Field(description="Number of employees.")
    locations_in_norway: int = Field(description="Number of locations in Norway.")
    locations_note: str | None = Field(description="A note on the locations, or null.")
    markets: list[Country] = Field(description="Countries where the company sells.")
    customer_sectors: list[str] = Field(description="Sectors the company's customers are in.")
    sustainability: Sustainability
    policies: list[Policy] = Field(description="Policies and guidelines the statement names.")


# --- the statement itself ------------------------------------------------------------------------


class ReportingPeriod(OutputModel):
    start: datetime.date | None = Field(description="First day of the reporting period, or null when not given yet.")
    end: datetime.date | None = Field(description="Last day of the reporting period, or null when not given yet.")


class Signatory(OutputModel):
    name: str = Field(description="Name of the person who signed.")
    role: SignatoryRole = Field(
        description="Role of the signatory (regnskapsloven §3-5: every board member and the CEO)."
    )


class Contact(OutputModel):
    """Where requests for information (innsynskrav, åpenhetsloven §6–7) can be sent besides the form."""

    email: str | None = Field(description="E-mail address for requests, or null when not given yet.")
    postal_address: list[str] = Field(description="Postal address, one line per item; empty when not given yet.")


class Revision(OutputModel):
    """A change after publication (a significant change in the risk assessment)."""

    date: datetime.date = Field(description="Date of the change.")
    summary: str = Field(description="What changed.")


class Statement(OutputModel):
    """The statement (redegjørelse) itself: period, approval, signatures, contact and revisions."""

    reporting_period: ReportingPeriod
    companies_covered: list[str] = Field(description="Names of the companies the statement covers.")
    approved_on: datetime.date | None = Field(description="Date the board approved the statement, or null.")
    published_on: datetime.date | None = Field(description="Date the statement was published, or null.")
    signatories: list[Signatory] = Field(description="Who signed the statement; empty until it is signed.")
    contact: Contact
    revisions: list[Revision] = Field(description="Changes after publication, oldest first.")


# --- suppliers ---------------------------------------------------------------------------------


class Ownership(OutputModel):
    owner: str = Field(description="Name of the owner.")
    share_percent: float = Field(description="The owner's share, in percent (0 < share ≤ 100).")
    headquarters: Location | None = Field(description="The owner's headquarters, or null when not given.")


class ProductionLine(OutputModel):
    """A product line of a supplier and the countries where it is made."""

    product_line: str = Field(description="What is made.")
    countries: list[Country] = Field(description="Countries where it is made; each has an entry in `countries`.")
    kind: SupplyKind = Field(description="goods: made in `countries`; services: delivered from them.")
    note: str | None = Field(description="A note on the production, or null.")
    place: str | None = Field(
        description="A place below country level where it is made, as the statement names it (England), or"
        " null; `countries` then holds the one country it is in."
    )


class Supplier(OutputModel):
    """A supplier the statement names, where its products are made and how Exso follows it up."""

    id: str = Field(description="Stable identifier of the supplier (lowercase, hyphenated), as in suppliers.csv.")
    name: str = Field(description="Name of the supplier.")
    supplies: str = Field(description="What the supplier supplies to Exso.")
    significance: str | None = Field(description="Why the supplier matters to Exso, or null.")
    profile: str | None = Field(description="A short profile of the supplier, or null.")
    headquarters: Location
    ownership: Ownership | None = Field(description="Who owns the supplier, or null when the statement does not say.")
    relationship_years: int | None = Field(description="For how many years Exso has worked with the supplier, or null.")
    relationship_years_approximate: bool = Field(description="True when `relationship_years` is approximate.")
    production: list[ProductionLine] = Field(description="The supplier's product lines and where they are made.")
    measure_ids: list[str] = Field(
        description="`id`s of the measures in `due_diligence.measures` that follow this supplier up."
    )


# --- country risk ------------------------------------------------------------------------------


class RatingSource(OutputModel):
    """An index or report that country risk ratings are taken from."""

    id: str = Field(description="Stable identifier of the source, referred to by `countries[].rating_source`.")
    name: str = Field(description="Name of the source.")
    publisher: str = Field(description="Who publishes the source.")
    year: int | None = Field(description="Edition (year) the ratings are taken from, or null when not given.")
    url: HttpUrl | None = Field(description="Web address of the source, or null.")


class CountryRisk(OutputModel):
    """A country the statement names, with its risk rating when the statement gives one."""

    country_code: CountryCode
    country_name: str = Field(description="The country's name in the document's language (CLDR).")
    risk_level: RiskLevel | None = Field(
        description="Risk of human-rights violations, or null when the statement does not rate the country."
    )
    rating_source: str | None = Field(
        description="`id` of the rating's source in `rating_sources`, or null when not rated."
    )
    risk_areas: list[RiskArea] = Field(description="Areas of risk the rating names; empty when not rated.")


# --- due diligence -----------------------------------------------------------------------------


class Method(OutputModel):
    frameworks: list[str] = Field(description="Frameworks the due diligence rests on (UNGP, OECD, …).")
    risk_mapping: str = Field(description="How risks are mapped.")
    scope: str = Field(description="Where due diligence is carried out.")


class Where(OutputModel):
    """Where a risk or an actual impact is; empty lists and null where the statement does not say."""

    countries: list[Country] = Field(description="Countries, as ISO codes with their names.")
    sector: str | None = Field(description="The sector, or null.")
    supplier_ids: list[str] = Field(description="`id`s of the suppliers concerned, in `suppliers`.")
    product_line: str | None = Field(description="The product line, or null.")
    tier: SupplyChainTier | None = Field(
        description="Where in the supply chain: own_operations, tier_1 (direct suppliers) or tier_2_or_beyond;"
        " null when not known."
    )


class Risk(OutputModel):
    """A risk of adverse impacts the statement names (åpenhetsloven §5 b); `exposure: none` marks one it names
    only to say Exso is not exposed to it."""

    id: str = Field(description="Stable identifier; `measures[].addresses` refers to it.")
    title: str
    where: Where
    rights_at_risk: list[RiskArea] = Field(description="Which rights could be harmed; empty when not stated.")
    risk_level: RiskLevel | None = Field(description="The statement's own wording of the risk, or null.")
    severity: Scale | None = Field(description="How severe, as assessed (low, medium, high); null when not stated.")
    likelihood: Scale | None = Field(description="How likely, as assessed; null when not stated.")
    exposure: Exposure | None = Field(description="Exso's exposure: none or some; null when not stated.")
    rating_source: str | None = Field(description="`id` of the risk's source in `rating_sources`, or null.")
    description: str
    measure_ids: list[str] = Field(description="`id`s of the measures that address this risk.")


class Impact(OutputModel):
    """An actual adverse impact the due diligence found (åpenhetsloven §5 b)."""

    id: str = Field(description="Stable identifier; `measures[].addresses` refers to it.")
    title: str
    where: Where
    rights_affected: list[RiskArea]
    identified_on: datetime.date | None = Field(description="When it was identified, or null.")
    description: str
    remediation: str | None = Field(description="How it is remedied, or null when not stated.")
    remediation_status: MeasureStatus | None = Field(description="planned, ongoing or done; null when not stated.")
    measure_ids: list[str] = Field(description="`id`s of the measures that address this impact.")


class ActualImpacts(OutputModel):
    """What the statement says about actual adverse impacts."""

    status: Literal["not_stated", "none_identified", "identified"] = Field(
        description="not_stated: the statement does not say; none_identified: none found (see how_looked_for);"
        " identified: see impacts."
    )
    how_looked_for: str | None = Field(description="How impacts were looked for, when none were found.")
    impacts: list[Impact]


class Measure(OutputModel):
    """A measure taken or planned to cease, prevent or mitigate an impact or risk (åpenhetsloven §5 c)."""

    id: str = Field(description="Stable identifier.")
    title: str
    kind: MeasureKind
    status: MeasureStatus = Field(
        description="planned, committed (the statement commits to it, without saying whether it has started),"
        " ongoing or done."
    )
    addresses: list[str] = Field(
        description="`id`s of the risks and impacts the measure addresses; empty when the statement links none."
    )
    supplier_id: str | None = Field(description="`id` of the supplier it concerns, or null.")
    started_on: datetime.date | None
    completed_on: datetime.date | None
    description: str | None
    result: str | None = Field(description="The result of a measure taken; null when not stated.")
    expected_result: str | None = Field(description="The expected result of a planned measure; null when not stated.")
    supplier_said: str | None = Field(
        description="What the supplier said (in an interview, a questionnaire), as the supplier's words; null if none."
    )


class EthicalGuidelines(OutputModel):
    summary: str
    global_compact: str = Field(description="How Exso relates to the UN Global Compact.")
    standards: str = Field(description="Standards the guidelines follow.")
    supplier_obligations: list[str] = Field(description="What suppliers must do under the guidelines.")


class Routines(OutputModel):
    summary: str
    items: list[str] = Field(description="Routines for handling actual and potential adverse impacts.")


class DueDiligence(OutputModel):
    """How Exso carries out due diligence, what it found and what it does (åpenhetsloven §5 a–c)."""

    method: Method
    supplier_follow_up: list[str] = Field(description="How existing suppliers are followed up.")
    onboarding_criteria: list[str] = Field(description="What Exso looks for when it takes on a new supplier.")
    strategic_partner_criteria: list[str] = Field(description="What Exso's strategic partners offer and have.")
    partner_relationships: str = Field(description="Exso's relationships with its partners.")
    ethical_guidelines: EthicalGuidelines
    routines: Routines
    responsible: str | None = Field(description="Who is responsible for the due diligence; null when not stated.")
    concerns_channel: str | None = Field(description="Where anyone can raise a concern; null when not stated.")
    risks: list[Risk] = Field(
        description="Risks the statement names (§5 b): those Exso is exposed to, and those it names only to say"
        " Exso is not (`exposure: none`)."
    )
    actual_impacts: ActualImpacts = Field(description="Actual adverse impacts (§5 b).")
    measures: list[Measure] = Field(description="Measures taken or planned, with results (§5 c).")


# --- the document ------------------------------------------------------------------------------


class StatementDocument(OutputModel):
    """Exso AS's statement under the Norwegian Transparency Act (åpenhetsloven §5), in one language.

    The Norwegian (nb) document is the authoritative text; the English (en) one is a translation.
    """

    # Named ``schema_`` in Python because ``schema`` is a (deprecated) method of pydantic's BaseModel.
    schema_: Literal["statement.schema.json"] = Field(
        alias="schema", description="URL of this document's JSON Schema, relative to the document."
    )
    language: Language = Field(
        description="Language of every text in this document: nb (Norwegian Bokmål) or en (English)."
    )
    authoritative_language: AuthoritativeLanguage = Field(
        description=f"The language whose text is authoritative: {DEFAULT_LANGUAGE}."
    )
    status: Status = Field(
        description="final when the statement is approved, signed and complete; draft while anything in"
        " `missing` or `carried_over` is."
    )
    missing: list[Missing] = Field(
        description=(
            "What the statement still lacks before it can be final, in the order an editor fills it in; "
            "empty when final."
        )
    )
    carried_over: list[str] = Field(
        description="Facts still as the period before's, to be looked at again before the statement is final"
        " (a measure done before the period began, one under way that still reports last year's result, an"
        " impact whose remediation is as it was, a rating source's edition older than the period): each as"
        " its place in the data, such as due_diligence.measures[2].result; empty when none."
    )
    company: Company
    statement: Statement
    suppliers: list[Supplier] = Field(description="Suppliers the statement names, in the statement's order.")
    countries: list[CountryRisk] = Field(description="Countries the statement names, with their risk ratings.")
    rating_sources: list[RatingSource] = Field(description="Sources of the country risk ratings.")
    due_diligence: DueDiligence


def statement_json_schema() -> dict[str, object]:
    """The JSON Schema (draft 2020-12) of ``StatementDocument`` as written (keys by alias)."""
    schema = StatementDocument.model_json_schema(by_alias=True, mode="serialization")
    return {"$schema": JSON_SCHEMA_DIALECT, **schema}
