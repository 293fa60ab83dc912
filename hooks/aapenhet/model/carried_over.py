"""Facts carried over from the period before: what ``new-year`` leaves in data/ to be looked at again.

``new-year`` empties only the period, approval, publication, signatories and revisions; the measures,
impacts and rating sources are last year's until an editor updates them. Compared with the version
kept before (the statement for an earlier year), each fact that belongs to that year is one finding
with what to do: a measure done before the new period began, one under way since then that still
reports last year's result, an impact found then whose remediation is as it was, and a rating source
whose edition is older than the new period. The new period is the one filled in, or, while it is
empty, the year after the one kept.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator

from aapenhet.model.check import Finding, Section
from aapenhet.model.loader import LoadedStatement
from aapenhet.model.models import MeasureStatus, StatementData
from aapenhet.words import wording


def carried_over(current: LoadedStatement, previous: StatementData) -> Iterator[Finding]:
    """Each fact in ``current`` that belongs to the period of ``previous`` (the version kept before)."""
    old_end = previous.statement.reporting_period.end
    if old_end is None:
        return
    period = current.data.statement.reporting_period
    if old_end >= datetime.date.max:
        return  # a period that never ends has no period after it (the rules refuse its dates)
    new_start = period.start or old_end + datetime.timedelta(days=1)
    if new_start <= old_end:
        return  # an update of the same year, not a new one
    yield from _measures(current, previous, new_start)
    yield from _impacts(current, previous, new_start)
    yield from _sources(current, (period.end or new_start).year, new_start)


def _measures(current: LoadedStatement, previous: StatementData, new_start: datetime.date) -> Iterator[Finding]:
    source = current.sources["due_diligence"]
    before = {measure.id: measure for measure in previous.due_diligence.measures}
    for index, measure in enumerate(current.data.due_diligence.measures):
        path = ("measures", index)
        if measure.status is MeasureStatus.done and measure.completed_on and measure.completed_on < new_start:
            yield Finding(
                Section.carried_over,
                source.problem(
                    path,
                    wording(
                        "carried_over.measure_done_before",
                        title=measure.title.as_wording(),
                        completed_on=measure.completed_on,
                    ),
                ),
            )
        elif (
            measure.status is MeasureStatus.ongoing
            and measure.started_on
            and measure.started_on < new_start
            and measure.id in before
            and before[measure.id].result == measure.result
        ):
            yield Finding(
                Section.carried_over,
                source.problem(
                    path,
                    wording(
                        "carried_over.measure_ongoing", title=measure.title.as_wording(), started_on=measure.started_on
                    ),
                ),
            )


def _impacts(current: LoadedStatement, previous: StatementData, new_start: datetime.date) -> Iterator[Finding]:
    found, earlier = current.data.due_diligence.actual_impacts, previous.due_diligence.actual_impacts
    if found is None:
        return
    source = current.sources["due_diligence"]
    before = {impact.id: impact for impact in earlier.impacts} if earlier else {}
    for index, impact in enumerate(found.impacts):
        if (
            impact.identified_on
            and impact.identified_on < new_start
            and impact.id in before
            and before[impact.id].remediation_status == impact.remediation_status
            and before[impact.id].remediation == impact.remediation
        ):
            yield Finding(
                Section.carried_over,
                source.problem(
                    ("actual_impacts", "impacts", index),
                    wording(
                        "carried_over.impact_unchanged",
                        title=impact.title.as_wording(),
                        identified_on=impact.identified_on,
                    ),
                ),
            )


def _sources(current: LoadedStatement, period_year: int, new_start: datetime.date) -> Iterator[Finding]:
    """A source in use whose edition is older than the period, unless checked in the period to be the newest."""
    data, source = current.data, current.sources["countries"]
    used = {entry.source for entry in data.countries.countries if entry.risk is not None}
    used |= {risk.source for risk in data.due_diligence.risks}
    for index, rating_source in enumerate(data.countries.sources):
        if (
            rating_source.id in used
            and rating_source.year is not None
            and rating_source.year < period_year
            and (rating_source.checked_on is None or rating_source.checked_on < new_start)
        ):
            yield Finding(
                Section.carried_over,
                source.problem(
                    ("sources", index, "year"),
                    wording(
                        "carried_over.source_older",
                        name=rating_source.name.as_wording(),
                        year=rating_source.year,
                        period_year=period_year,
                    ),
                ),
            )
