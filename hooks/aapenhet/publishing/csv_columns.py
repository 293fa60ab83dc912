"""The columns of every CSV file of the statement, each defined once: its name, type and description.

The CSV writers take their header from here (``export.SUPPLIER_COLUMNS``, ``cycle_csv.RISK_COLUMNS``
and ``MEASURE_COLUMNS`` are these tables' ``names``), ``datapackage.json`` takes each column's Table
Schema from here (``datapackage.py``), and DEVELOPING.md's tables of columns are tested against
``documentation`` row by row: the header, the description a tool reads and the one a person reads
cannot drift apart.

A column's ``codes`` are a closed set (risk levels, measure kinds…), read from the models' own enums,
so a new code is documented and allowed the moment it exists; ``{codes}`` in a description is where
they are named. ``language`` says whether the cells are text in the file's language (a country's name,
a title) or the same in every language (codes, identifiers, names as given, numbers, dates, addresses).
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from aapenhet.model.models import (
    Exposure,
    MeasureKind,
    MeasureStatus,
    RiskArea,
    RiskLevel,
    Scale,
    SupplyChainTier,
    SupplyKind,
)

ColumnType = Literal["string", "integer", "number", "date", "year", "boolean"]
"""Table Schema's types (https://specs.frictionlessdata.io/table-schema/#types-and-formats)."""

COUNTRY_CODE = "[A-Z]{2}"
"""An ISO 3166-1 alpha-2 country code, as a pattern."""


@dataclass(frozen=True)
class Column:
    """One column of a CSV file."""

    name: str
    description: str
    """What the column holds, in Markdown, for people and for the Table Schema alike; ``{codes}`` is
    replaced by the column's codes (``high``, ``elevated`` or ``low``)."""
    type: ColumnType = "string"
    in_language: bool = False
    """True when its cells are text in the file's language: the other language's file says it there."""
    is_list: bool = False
    """True when a cell holds a list, its items joined by ``csv_cells.LIST_SEPARATOR``."""
    codes: tuple[str, ...] = ()
    """The closed set every cell (or every item of its list) is one of; empty when it is not one."""
    pattern: str | None = None
    """A regular expression every cell (or every item of its list) matches, when not a closed set."""
    format: Literal["default", "uri"] = "default"

    @property
    def documentation(self) -> str:
        """The description with its codes named: one line of DEVELOPING.md's table, and the Table Schema's."""
        return self.description.replace("{codes}", _listed(self.codes))


@dataclass(frozen=True)
class Table:
    """One CSV file: its name, its columns in order, and the columns that identify a row."""

    file: str
    columns: tuple[Column, ...]
    primary_key: tuple[str, ...]
    description: str

    @property
    def names(self) -> tuple[str, ...]:
        """The header row, in order."""
        return tuple(column.name for column in self.columns)


def codes(closed_set: type[enum.Enum]) -> tuple[str, ...]:
    """The codes of an enum of the models, in its order."""
    return tuple(str(member.value) for member in closed_set)


def _listed(items: Iterable[str]) -> str:
    quoted = [f"`{item}`" for item in items]
    return ", ".join(quoted[:-1]) + " or " + quoted[-1] if len(quoted) > 1 else "".join(quoted)


# --- suppliers.csv -----------------------------------------------------------------------------

SUPPLIERS = Table(
    file="suppliers.csv",
    description="One row per supplier and production country, with the country's risk rating.",
    primary_key=("supplier_id", "country_code"),
    columns=(
        Column("supplier_id", "the supplier's stable id, as `suppliers[].id` in `statement.json`"),
        Column("supplier_name", "the supplier's name"),
        Column("supplies", "what the supplier supplies to Exso", in_language=True),
        Column(
            "headquarters_country_code",
            "where the supplier has its headquarters (ISO 3166-1 alpha-2)",
            pattern=COUNTRY_CODE,
        ),
        Column("headquarters_country_name", "that country's name in the file's language", in_language=True),
        Column("owner", "who owns the supplier, when the statement says"),
        Column("owner_share_percent", "the owner's share in percent (`100`)", type="number"),
        Column(
            "product_lines",
            "the supplier's product lines made in this row's country",
            in_language=True,
            is_list=True,
        ),
        Column(
            "supply_kind",
            "what is supplied from this row's country: {codes} (goods are made there, services delivered from it)",
            is_list=True,
            codes=codes(SupplyKind),
        ),
        Column("production_notes", "notes on that production", in_language=True, is_list=True),
        Column(
            "production_places",
            "the places below country level it is made in, as the statement names them (England), or empty",
            in_language=True,
            is_list=True,
        ),
        Column("country_code", "the production country (ISO 3166-1 alpha-2)", pattern=COUNTRY_CODE),
        Column("country_name", "its name in the file's language", in_language=True),
        Column(
            "risk_level",
            "the country's risk rating: {codes}; empty when the statement does not rate it",
            codes=codes(RiskLevel),
        ),
        Column(
            "risk_areas",
            "the areas of risk the rating names, in the file's language",
            in_language=True,
            is_list=True,
        ),
        Column("risk_area_codes", "the same areas as codes: {codes}", is_list=True, codes=codes(RiskArea)),
        Column(
            "rating_source",
            "the name of the rating's source (e.g. ITUC Global Rights Index)",
            in_language=True,
        ),
        Column("rating_source_publisher", "who publishes that source"),
        Column("rating_source_year", "the source's edition (year); empty when not given", type="year"),
        Column("rating_source_url", "the source's web address", format="uri"),
        Column(
            "follow_up_kinds",
            "how Exso has followed the supplier up: the `kind`s of the measures linked to it"
            " (`kind` in `measures.csv`)",
            is_list=True,
            codes=codes(MeasureKind),
        ),
    ),
)


# --- risks_and_impacts.csv ---------------------------------------------------------------------

RISK_TYPES = ("risk", "actual_impact")
"""The two kinds of row in ``risks_and_impacts.csv`` (its ``type`` column)."""

RISKS_AND_IMPACTS = Table(
    file="risks_and_impacts.csv",
    description="One row per risk the statement names and per actual adverse impact (§5 b), with the measures"
    " that address it; `exposure` says whether Exso is exposed to a risk.",
    primary_key=("id",),
    columns=(
        Column("id", "the risk's or impact's stable id, as in `statement.json`"),
        Column("type", "`risk` (a risk the statement names) or `actual_impact`", codes=RISK_TYPES),
        Column("title", "a short name", in_language=True),
        Column(
            "country_codes",
            "the countries concerned (ISO 3166-1 alpha-2)",
            is_list=True,
            pattern=COUNTRY_CODE,
        ),
        Column("country_names", "their names in the file's language", in_language=True, is_list=True),
        Column("sector", "the sector concerned", in_language=True),
        Column("supplier_ids", "the suppliers concerned (`supplier_id` in `suppliers.csv`)", is_list=True),
        Column("product_line", "the product line concerned", in_language=True),
        Column("tier", "where in the supply chain: {codes}", codes=codes(SupplyChainTier)),
        Column("rights", "the rights at risk or affected, as codes: {codes}", is_list=True, codes=codes(RiskArea)),
        Column("risk_level", "the statement's own wording of the risk: {codes}", codes=codes(RiskLevel)),
        Column("severity", "how severe, as assessed: {codes}", codes=codes(Scale)),
        Column("likelihood", "how likely, as assessed: {codes}", codes=codes(Scale)),
        Column("exposure", "Exso's exposure: {codes}", codes=codes(Exposure)),
        Column("rating_source", "the id of the risk's source in `statement.json`'s `rating_sources`"),
        Column("identified_on", "when an actual impact was identified (ISO 8601)", type="date"),
        Column("remediation", "how an actual impact is remedied", in_language=True),
        Column("remediation_status", "{codes}", codes=codes(MeasureStatus)),
        Column("measure_ids", "the measures that address it (`measure_id` in `measures.csv`)", is_list=True),
        Column("description", "what the statement says of it", in_language=True),
    ),
)


# --- measures.csv ------------------------------------------------------------------------------

MEASURES = Table(
    file="measures.csv",
    description="One row per measure taken or planned (§5 c), with what it addresses, its status and its result.",
    primary_key=("measure_id",),
    columns=(
        Column("measure_id", "the measure's stable id"),
        Column("title", "a short name", in_language=True),
        Column("kind", "{codes}", codes=codes(MeasureKind)),
        Column("status", "{codes}", codes=codes(MeasureStatus)),
        Column(
            "addresses",
            "the risks and impacts it addresses (`id` in `risks_and_impacts.csv`); empty when the statement links none",
            is_list=True,
        ),
        Column("supplier_id", "the supplier it concerns"),
        Column("started_on", "when it started (ISO 8601)", type="date"),
        Column("completed_on", "when it was completed (ISO 8601)", type="date"),
        Column(
            "result",
            "the result of a measure taken; empty when the statement does not say",
            in_language=True,
        ),
        Column(
            "expected_result",
            "the expected result of a planned measure; empty when the statement does not say",
            in_language=True,
        ),
        Column(
            "supplier_said",
            "what the supplier said (in an interview, a questionnaire), as the supplier's words — not a result"
            " Exso has seen itself",
            in_language=True,
        ),
        Column("description", "what the statement says of it", in_language=True),
    ),
)


# --- registry_summary.csv ----------------------------------------------------------------------
#
# The UK Modern Slavery Statement Registry's statement summary: its columns, in its order, named and
# valued as the registry's own code writes them (``StatementSummaryDownloadModel`` and its CSV
# formatter in the registry's source, DEVELOPING.md's crosswalk gives the source). Booleans are its «Yes» and «No»,
# a risk's area and tier its own words. Dates are ISO 8601 here: the registry writes them in its
# server's short date format, which its code does not fix. Mapped in ``registry_summary.py``.

YES, NO = "Yes", "No"
"""How the registry writes a boolean (``true`` and ``false`` in the JSON)."""

RISK_AREAS = ("Within your own operations", "Within your supply chains")
"""The registry's areas of a risk (``RiskSourceTypes``; its «Other» is free text, which we never write)."""

SUPPLY_CHAIN_TIERS = ("Tier 1 suppliers", "Tier 2 suppliers", "Tier 3 suppliers and below", "Don't know")
"""The registry's supply-chain tiers (``SupplyChainTierTypes``)."""

NOT_IN_OUR_DATA = "; always empty: the statement's data has nothing it could be"


def _registry_area(name: str, reason: str, area: str) -> tuple[Column, Column]:
    """One of the six areas the registry asks about: covered or not (``StatementIncludes…``), and the
    reason it is not (``No…Reason``; the registry spells one of them differently, so it is given)."""
    return (
        Column(
            f"StatementIncludes{name}",
            f"whether the statement covers {area}: `Yes` or `No` (DEVELOPING.md's crosswalk says when); empty when our"
            " data cannot tell",
            type="boolean",
        ),
        Column(
            f"No{reason}Reason",
            "why that area is not covered; always empty: our data gives no reason (the registry's is optional)",
        ),
    )


def _registry_risk(number: int) -> tuple[Column, ...]:
    """One of the three risks the registry's summary has room for (the first three Exso is exposed to)."""
    nth = ("first", "second", "third")[number - 1]
    return (
        Column(
            f"Risk{number}",
            f"the {nth} risk the statement names that Exso is exposed to (not `exposure: none`): its title",
            in_language=True,
        ),
        Column(
            f"Risk{number}Area",
            "where it is: {codes}; empty when the statement does not say which tier",
            codes=RISK_AREAS,
        ),
        Column(
            f"Risk{number}SupplyChainTier",
            "which tier: {codes}; only `Tier 1 suppliers` is ever written (our `tier_2_or_beyond` is two of"
            " the registry's tiers, so it is left empty, as is own operations)",
            codes=SUPPLY_CHAIN_TIERS,
        ),
        Column(f"Risk{number}GroupAffected", "the groups it affects" + NOT_IN_OUR_DATA),
        Column(f"Risk{number}OtherGroupAffected", "other groups it affects" + NOT_IN_OUR_DATA),
        Column(
            f"Risk{number}Location",
            "the countries it is in, by name in the file's language, one per line",
            in_language=True,
        ),
        Column(
            f"Risk{number}Mitigation",
            "the measures that address it, by title, one per line; empty when the statement links none",
            in_language=True,
        ),
    )


REGISTRY_SUMMARY = Table(
    file="registry_summary.csv",
    description=(
        "The statement as one row of the UK Modern Slavery Statement Registry's statement summaries"
        " (StatementSummaries{year}.csv): its columns and values, empty where our data has nothing to put."
    ),
    primary_key=(),
    columns=(
        Column(
            "StatementYear",
            "the registry year: the reporting period's last year if it ends by 30 June, else the year after"
            " (the registry's rule)",
            type="year",
        ),
        Column("OrganisationName", "the company's name"),
        Column("Address", "the postal address the statement gives, one line per line"),
        Column("SectorType", "public or private sector" + NOT_IN_OUR_DATA),
        Column("CompanyNumber", "the UK Companies House number; always empty: a Norwegian company has none"),
        Column(
            "LastUpdated",
            "the date of the latest change after publication, or of publication when none (ISO 8601)",
            type="date",
        ),
        Column(
            "GroupSubmission",
            "`Yes` when the statement covers more than one company, `No` when only one",
            type="boolean",
        ),
        Column("ParentName", "the company's name when the statement covers several companies, else empty"),
        Column("StatementURL", "the statement's web address; always empty: `statement.json` does not hold it"),
        Column("EmailAddressNoURL", "an address to ask for a statement that is not online; always empty"),
        Column("StatementSummaryURL", "the registry's page of the summary; always empty: only the registry has one"),
        Column("StatementStartDate", "the first day of the reporting period (ISO 8601)", type="date"),
        Column("StatementEndDate", "the last day of the reporting period (ISO 8601)", type="date"),
        Column(
            "ApprovingPerson",
            "the chair of the board, who signed, as the registry writes a person: «name (role)», the role in"
            " the file's language; empty when no chair signed",
            in_language=True,
        ),
        Column("DateApproved", "the date the board approved the statement (ISO 8601)", type="date"),
        *_registry_area("OrgStructure", "OrgStructure", "the organisation's structure, business and supply chains"),
        *_registry_area("Policies", "Policies", "policies"),
        *_registry_area("RisksAssessment", "RiskAssessment", "risk assessment"),
        *_registry_area("DueDiligence", "DueDiligence", "due diligence (steps to address risk)"),
        *_registry_area("Training", "Training", "training"),
        *_registry_area("Goals", "Goals", "goals and key performance indicators"),
        Column("OrganisationSectors", "the registry's sectors the organisation is in" + NOT_IN_OUR_DATA),
        Column("OtherOrganisationSector", "another sector" + NOT_IN_OUR_DATA),
        Column("Turnover", "the registry's turnover band" + NOT_IN_OUR_DATA),
        Column("YearsProducingStatements", "for how long statements have been made" + NOT_IN_OUR_DATA),
        Column("Policies", "the registry's policy provisions the policies include" + NOT_IN_OUR_DATA),
        Column("OtherPolicies", "other policy provisions" + NOT_IN_OUR_DATA),
        Column("NoPolicies", "whether the policies include none of them" + NOT_IN_OUR_DATA, type="boolean"),
        Column("Training", "whom training was given to" + NOT_IN_OUR_DATA),
        Column("OtherTraining", "others trained" + NOT_IN_OUR_DATA),
        Column("NoTraining", "whether no training was given" + NOT_IN_OUR_DATA, type="boolean"),
        Column("WorkingConditionsEngagement", "whom the company engaged with" + NOT_IN_OUR_DATA),
        Column("NoEngagement", "whether it engaged with no one" + NOT_IN_OUR_DATA, type="boolean"),
        Column("SocialAudits", "the kinds of social audit carried out" + NOT_IN_OUR_DATA),
        Column("NoSocialAudits", "whether none was carried out" + NOT_IN_OUR_DATA, type="boolean"),
        Column("GrievanceMechanisms", "the kinds of grievance mechanism" + NOT_IN_OUR_DATA),
        Column("NoGrievanceMechanisms", "whether there were none" + NOT_IN_OUR_DATA, type="boolean"),
        Column("OtherMonitoring", "other monitoring of working conditions" + NOT_IN_OUR_DATA),
        Column(
            "NoRisks",
            "`Yes` when the statement names no risk Exso is exposed to, `No` when it names one or more",
            type="boolean",
        ),
        *_registry_risk(1),
        *_registry_risk(2),
        *_registry_risk(3),
        Column("ILOIndicatorsInStatement", "the ILO indicators of forced labour found" + NOT_IN_OUR_DATA),
        Column(
            "NoILOIndicatorsInStatement",
            "whether the statement finds none of them" + NOT_IN_OUR_DATA,
            type="boolean",
        ),
        Column("ILOIndicatorsActions", "the actions taken on finding them" + NOT_IN_OUR_DATA),
        Column("ILOIndicatorsNoActions", "whether none was taken" + NOT_IN_OUR_DATA, type="boolean"),
        Column("DemonstrateProgress", "how progress is demonstrated" + NOT_IN_OUR_DATA),
    ),
)

TABLES = (SUPPLIERS, RISKS_AND_IMPACTS, MEASURES, REGISTRY_SUMMARY)
"""Every CSV file, in the order they are written."""
