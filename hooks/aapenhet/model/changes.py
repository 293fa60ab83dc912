"""What changed from one version of the statement to the next, computed from the data by id.

Nothing here is written by hand: the comparison matches suppliers, risks, impacts and measures by
their ``id`` (an id keeps its meaning between versions: ``history.py`` refuses one that does not)
and countries by their code.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypedDict

from aapenhet.model.models import (
    Impact,
    Measure,
    MeasureStatus,
    Risk,
    RiskLevel,
    Scale,
    Signatory,
    StatementData,
    Supplier,
)
from aapenhet.model.names import name_skeleton

# Low to high: a risk or a country whose level moves right was raised.
_LEVELS = [RiskLevel.low, RiskLevel.elevated, RiskLevel.high]
_SCALE = [Scale.low, Scale.medium, Scale.high]


@dataclass(frozen=True)
class RatingChange:
    """A country's rating in both versions' countries.yml (``before`` None: listed, not rated), or a
    country listed in one version only (the other side None)."""

    code: str
    before: RiskLevel | None
    after: RiskLevel | None


@dataclass(frozen=True)
class ScaleChange:
    """Severity or likelihood, as assessed in each version; ``raised`` when it went up."""

    before: Scale | None  # None: not assessed
    after: Scale | None

    @property
    def raised(self) -> bool:
        """Went up; only when both versions assess it (else it was given, or withdrawn)."""
        return (
            self.before is not None and self.after is not None and _SCALE.index(self.after) > _SCALE.index(self.before)
        )


@dataclass(frozen=True)
class AssessmentChange:
    """A risk in both versions whose severity or likelihood changed (None: that one did not)."""

    risk: Risk  # as it is now
    severity: ScaleChange | None
    likelihood: ScaleChange | None


@dataclass(frozen=True)
class CountriesChange:
    """A supplier in both versions whose production countries changed."""

    supplier: Supplier  # as it is now
    added: list[str]  # country codes, in the order the supplier now names them
    removed: list[str]


@dataclass(frozen=True)
class LevelChange:
    risk: Risk  # as it is now
    before: RiskLevel | None  # None: the version before gave the risk no level
    after: RiskLevel | None  # None: this version gives it none


@dataclass(frozen=True)
class RoleChange:
    """Someone who signs both versions, in another role."""

    before: Signatory
    after: Signatory


@dataclass(frozen=True)
class Changes:
    suppliers_added: list[Supplier]
    suppliers_removed: list[Supplier]
    suppliers_countries_changed: list[CountriesChange]
    rated_countries_added: list[RatingChange]  # rated or listed now, not in countries.yml before
    rated_countries_removed: list[RatingChange]  # in countries.yml before, not now
    ratings_raised: list[RatingChange]
    ratings_lowered: list[RatingChange]
    ratings_given: list[RatingChange]  # listed unrated before, rated now
    ratings_withdrawn: list[RatingChange]  # rated before, listed unrated now
    risks_new: list[Risk]
    risks_raised: list[LevelChange]
    risks_lowered: list[LevelChange]
    risks_level_given: list[LevelChange]  # no level before, a level now
    risks_level_withdrawn: list[LevelChange]  # a level before, none now
    risks_reassessed: list[AssessmentChange]
    risks_closed: list[Risk]  # as they were: no longer in the statement
    impacts_identified: list[Impact]
    impacts_remediated: list[Impact]
    measures_started: list[Measure]
    measures_completed: list[Measure]
    measures_planned: list[Measure]  # new measures not yet started
    measures_dropped: list[Measure]  # as they were: planned or under way, and no longer in the statement
    companies_added: list[str]  # companies the statement covers now and did not
    companies_removed: list[str]
    # Who signs, compared by name, between signed versions only (a draft has no signatories yet).
    signatories_added: list[Signatory]
    signatories_removed: list[Signatory]
    signatories_role_changed: list[RoleChange]

    @property
    def nothing(self) -> bool:
        return not any(getattr(self, name) for name in self.__dataclass_fields__)


def compare(before: StatementData, after: StatementData) -> Changes:
    """What changed from ``before`` to ``after``."""
    old_suppliers = {supplier.id: supplier for supplier in before.suppliers.suppliers}
    new_suppliers = {supplier.id: supplier for supplier in after.suppliers.suppliers}
    old_risks = {risk.id: risk for risk in before.due_diligence.risks}
    new_risks = {risk.id: risk for risk in after.due_diligence.risks}
    old_impacts, new_impacts = _impacts(before), _impacts(after)
    old_measures = {measure.id: measure for measure in before.due_diligence.measures}
    new_measures = {measure.id: measure for measure in after.due_diligence.measures}
    raised: list[LevelChange] = []
    lowered: list[LevelChange] = []
    given: list[LevelChange] = []
    withdrawn: list[LevelChange] = []
    for risk_id, risk in new_risks.items():
        old = old_risks.get(risk_id)
        if old is None or old.level == risk.level:
            continue
        change = LevelChange(risk, old.level, risk.level)
        if old.level is None:
            given.append(change)
        elif risk.level is None:
            withdrawn.append(change)
        else:
            (raised if _LEVELS.index(risk.level) > _LEVELS.index(old.level) else lowered).append(change)
    return Changes(
        suppliers_added=[supplier for key, supplier in new_suppliers.items() if key not in old_suppliers],
        suppliers_removed=[supplier for key, supplier in old_suppliers.items() if key not in new_suppliers],
        suppliers_countries_changed=_countries_changes(old_suppliers, new_suppliers),
        **_rating_changes(before, after),
        risks_new=[risk for key, risk in new_risks.items() if key not in old_risks],
        risks_raised=raised,
        risks_lowered=lowered,
        risks_level_given=given,
        risks_level_withdrawn=withdrawn,
        risks_reassessed=[
            change
            for key, risk in new_risks.items()
            if key in old_risks
            for change in [_assessment_change(old_risks[key], risk)]
            if change is not None
        ],
        risks_closed=[risk for key, risk in old_risks.items() if key not in new_risks],
        impacts_identified=[impact for key, impact in new_impacts.items() if key not in old_impacts],
        impacts_remediated=[
            impact
            for key, impact in new_impacts.items()
            if impact.remediation_status is MeasureStatus.done
            and (key not in old_impacts or old_impacts[key].remediation_status is not MeasureStatus.done)
        ],
        # Under way now, and not before (a measure already done is listed as completed, not twice).
        measures_started=[
            measure
            for key, measure in new_measures.items()
            if measure.status is MeasureStatus.ongoing
            and (key not in old_measures or old_measures[key].status.is_ahead)
        ],
        measures_completed=[
            measure
            for key, measure in new_measures.items()
            if measure.status is MeasureStatus.done
            and (key not in old_measures or old_measures[key].status is not MeasureStatus.done)
        ],
        measures_planned=[
            measure for key, measure in new_measures.items() if measure.status.is_ahead and key not in old_measures
        ],
        measures_dropped=[
            measure
            for key, measure in old_measures.items()
            if key not in new_measures and measure.status is not MeasureStatus.done
        ],
        companies_added=_added(before.statement.companies_covered, after.statement.companies_covered),
        companies_removed=_added(after.statement.companies_covered, before.statement.companies_covered),
        **_signatory_changes(before, after),
    )


def _countries(supplier: Supplier) -> list[str]:
    return list(dict.fromkeys(code for line in supplier.production for code in line.countries))


def _countries_changes(before: dict[str, Supplier], after: dict[str, Supplier]) -> list[CountriesChange]:
    changes = []
    for key, supplier in after.items():
        if key in before:
            old, new = _countries(before[key]), _countries(supplier)
            if set(old) != set(new):
                changes.append(
                    CountriesChange(
                        supplier, [code for code in new if code not in old], [code for code in old if code not in new]
                    )
                )
    return changes


def _impacts(data: StatementData) -> dict[str, Impact]:
    found = data.due_diligence.actual_impacts
    return {impact.id: impact for impact in found.impacts} if found else {}


class _RatingChanges(TypedDict):
    rated_countries_added: list[RatingChange]
    rated_countries_removed: list[RatingChange]
    ratings_raised: list[RatingChange]
    ratings_lowered: list[RatingChange]
    ratings_given: list[RatingChange]
    ratings_withdrawn: list[RatingChange]


class _SignatoryChanges(TypedDict):
    signatories_added: list[Signatory]
    signatories_removed: list[Signatory]
    signatories_role_changed: list[RoleChange]


def _rating_changes(before: StatementData, after: StatementData) -> _RatingChanges:
    """Countries added to and removed from the ratings, and each rating that moved, by which way."""
    old = {entry.code: entry.risk for entry in before.countries.countries}
    new = {entry.code: entry.risk for entry in after.countries.countries}
    moved = [RatingChange(code, old[code], level) for code, level in new.items() if code in old and old[code] != level]
    return {
        "rated_countries_added": [RatingChange(code, None, level) for code, level in new.items() if code not in old],
        "rated_countries_removed": [RatingChange(code, level, None) for code, level in old.items() if code not in new],
        "ratings_raised": [
            change
            for change in moved
            if change.before and change.after and _LEVELS.index(change.after) > _LEVELS.index(change.before)
        ],
        "ratings_lowered": [
            change
            for change in moved
            if change.before and change.after and _LEVELS.index(change.after) < _LEVELS.index(change.before)
        ],
        "ratings_given": [change for change in moved if change.before is None],
        "ratings_withdrawn": [change for change in moved if change.after is None],
    }


def _assessment_change(before: Risk, after: Risk) -> AssessmentChange | None:
    severity = ScaleChange(before.severity, after.severity) if before.severity != after.severity else None
    likelihood = ScaleChange(before.likelihood, after.likelihood) if before.likelihood != after.likelihood else None
    return AssessmentChange(after, severity, likelihood) if severity or likelihood else None


def _signatory_changes(before: StatementData, after: StatementData) -> _SignatoryChanges:
    """Who signs now and did not, who no longer signs, and who signs in another role: between two
    signed versions (next year's draft, with no signatories yet, has not lost its board)."""
    if before.statement.approved_on is None or after.statement.approved_on is None:
        return {"signatories_added": [], "signatories_removed": [], "signatories_role_changed": []}
    old = {_name(signatory.name): signatory for signatory in before.statement.signatories}
    new = {_name(signatory.name): signatory for signatory in after.statement.signatories}
    return {
        "signatories_added": [signatory for key, signatory in new.items() if key not in old],
        "signatories_removed": [signatory for key, signatory in old.items() if key not in new],
        "signatories_role_changed": [
            RoleChange(old[key], signatory)
            for key, signatory in new.items()
            if key in old and old[key].role != signatory.role
        ],
    }


def _name(name: str) -> str:
    return name_skeleton(name)


def _added(before: list[str], after: list[str]) -> list[str]:
    """What ``after`` holds that ``before`` does not, in ``after``'s order (names compared as written)."""
    return [item for item in after if item not in before]
