"""Rules on the statement as a whole: what a publishable statement needs beyond valid fields.

Each rule takes the loaded data (with where each value is) and returns located problems. The
publication gate runs ``PUBLICATION_RULES``; a later §5 check adds its rules to the same list.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable

from aapenhet.model.completeness import BOARD_ROLES, missing_for_publication
from aapenhet.model.loader import LoadedStatement
from aapenhet.model.models import SignatoryRole
from aapenhet.model.names import name_skeleton
from aapenhet.source.problems import Problem
from aapenhet.words import wording

# Each rule sees the statement and the day it is judged on (the clock is read once, by the caller).
Rule = Callable[[LoadedStatement, datetime.date], list[Problem]]


def statement_is_final(loaded: LoadedStatement, today: datetime.date) -> list[Problem]:
    """A draft ("Utkast") is never published: report each thing ``completeness`` finds missing.

    What the §5 check locates item by item (each risk without severity, each measure without a
    result…) is left to it, so that no reason is given twice.
    """
    return [
        loaded.sources[missing.file].problem(missing.field_path, missing.advice, at_key=True)
        for missing in missing_for_publication(loaded.data)
        if not missing.located_per_item
    ]


def dates_in_order(loaded: LoadedStatement, today: datetime.date) -> list[Problem]:
    """The period ends after it starts; the board approves after the period ended; publication follows approval.

    Approval before the period's end is read as a typo: the statement reports on a finished period
    (that is our interpretation of §5, which publishes by 30 June on the past year's due diligence).
    """
    statement, source = loaded.data.statement, loaded.sources["statement"]
    start, end = statement.reporting_period.start, statement.reporting_period.end
    approved, published = statement.approved_on, statement.published_on
    problems = []
    if start is not None and end is not None and end <= start:
        problems.append(
            source.problem(
                ("reporting_period", "end"),
                wording("rules.period_end_before_start", end=end, start=start),
            )
        )
    if end is not None and approved is not None and approved < end:
        problems.append(
            source.problem(
                ("approved_on",),
                wording("rules.approved_before_period_end", approved=approved, end=end),
            )
        )
    if approved is not None and published is not None and published < approved:
        problems.append(
            source.problem(
                ("published_on",),
                wording("rules.published_before_approved", published=published, approved=approved),
            )
        )
    return problems


def dates_not_in_the_future(loaded: LoadedStatement, today: datetime.date) -> list[Problem]:
    """What happened has happened: approval, publication, updates, the measures' dates, an impact's
    discovery and a source's edition are not dated after today (a typo such as 2099)."""
    data = loaded.data
    dd = data.due_diligence
    impacts = dd.actual_impacts.impacts if dd.actual_impacts else []
    dated: list[tuple[str, tuple[str | int, ...], datetime.date | None]] = [
        ("statement", ("approved_on",), data.statement.approved_on),
        ("statement", ("published_on",), data.statement.published_on),
        *(
            ("statement", ("revisions", index, "date"), revision.date)
            for index, revision in enumerate(data.statement.revisions)
        ),
        *(
            ("due_diligence", ("measures", index, "started_on"), measure.started_on)
            for index, measure in enumerate(dd.measures)
        ),
        *(
            ("due_diligence", ("measures", index, "completed_on"), measure.completed_on)
            for index, measure in enumerate(dd.measures)
        ),
        *(
            ("due_diligence", ("actual_impacts", "impacts", index, "identified_on"), impact.identified_on)
            for index, impact in enumerate(impacts)
        ),
    ]
    problems = [
        loaded.sources[file].problem(
            path,
            wording("rules.date_in_future", value=value, today=today),
        )
        for file, path, value in dated
        if value is not None and value > today
    ]
    problems += [
        loaded.sources["countries"].problem(
            ("sources", index, "year"),
            wording("rules.edition_in_future", year=source.year),
        )
        for index, source in enumerate(data.countries.sources)
        if source.year is not None and source.year > today.year
    ]
    return problems


def signatories_consistent(loaded: LoadedStatement, today: datetime.date) -> list[Problem]:
    """One daglig leder and one styreleder (every AS board has a chair); nobody listed twice in one role.

    ``completeness`` already finds it when no board member or no CEO signs; this adds what it cannot see.
    """
    signatories, source = loaded.data.statement.signatories, loaded.sources["statement"]
    problems = []
    seen: set[tuple[str, SignatoryRole]] = set()
    for index, signatory in enumerate(signatories):
        key = (name_skeleton(signatory.name), signatory.role)
        if key in seen:
            problems.append(
                source.problem(
                    ("signatories", index),
                    wording("rules.signatory_twice", name=signatory.name, role=signatory.role.value),
                )
            )
        seen.add(key)
    roles = [signatory.role for signatory in signatories]
    if roles.count(SignatoryRole.ceo) > 1:
        problems.append(
            source.problem(
                ("signatories",),
                wording("rules.two_ceos"),
            )
        )
    if roles.count(SignatoryRole.board_chair) > 1:
        problems.append(
            source.problem(
                ("signatories",),
                wording("rules.two_chairs"),
            )
        )
    if any(role in BOARD_ROLES for role in roles) and SignatoryRole.board_chair not in roles:
        problems.append(
            source.problem(
                ("signatories",),
                wording("rules.board_without_chair"),
            )
        )
    return problems


def company_is_covered(loaded: LoadedStatement, today: datetime.date) -> list[Problem]:
    """§5: the statement says which companies it covers, and the enterprise itself is one of them."""
    name = loaded.data.company.name
    covered = {name_skeleton(company) for company in loaded.data.statement.companies_covered}
    if name_skeleton(name) in covered:
        return []
    return [
        loaded.sources["statement"].problem(
            ("companies_covered",),
            wording("rules.company_not_covered", name=name),
        )
    ]


# Every rule a published statement must pass, in the order the reasons are printed.
PUBLICATION_RULES: list[Rule] = [
    statement_is_final,
    dates_in_order,
    dates_not_in_the_future,
    signatories_consistent,
    company_is_covered,
]
