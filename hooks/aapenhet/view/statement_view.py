"""The statement as every output reads it, in one language: the published document (``document.py``,
what ``statement.json`` holds) and the lookups and groupings the pages need, all worked out from
that document and from nothing else, so that a page and the JSON can never disagree.

One view per language per build (``views``); the pages' templates get it as ``view``, and
``statement.json`` and every CSV file are written from it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property

from aapenhet.model.facts import LONG_LIST, SupplierGroup, supplier_groups
from aapenhet.model.models import Exposure, MeasureKind, RiskArea, RiskLevel, StatementData, SupplyKind
from aapenhet.source.problems import Problem
from aapenhet.view import document as out
from aapenhet.view.mapping import KeptSuppliers, statement_document


@dataclass(frozen=True)
class MeasuresShown:
    """Measures as the statement shows them: one by one, except, in a long list of suppliers, the
    follow-ups of single suppliers, which are counted by kind (each is shown with its supplier)."""

    listed: list[out.Measure]
    supplier_follow_ups: list[tuple[MeasureKind, int]]


@dataclass(frozen=True)
class RatingGroup:
    """Countries one source rates alike (the same level, the same areas): said in one sentence."""

    source: out.RatingSource
    risk_level: RiskLevel
    risk_areas: list[RiskArea]
    countries: list[out.CountryRisk]


@dataclass(frozen=True)
class StatementView:
    """One language's statement: ``document`` and what the pages look up in it, each worked out once."""

    document: out.StatementDocument

    @property
    def language(self) -> str:
        return self.document.language

    @property
    def is_draft(self) -> bool:
        return self.document.status == "draft"

    @cached_property
    def long_list(self) -> bool:
        """More suppliers than a page can name: they are split by initial letter, and counted elsewhere."""
        return len(self.document.suppliers) > LONG_LIST

    @cached_property
    def countries(self) -> dict[str, out.CountryRisk]:
        """Every country the statement names, by code, with its rating."""
        return {country.country_code: country for country in self.document.countries}

    @cached_property
    def rating_sources(self) -> dict[str, out.RatingSource]:
        return {source.id: source for source in self.document.rating_sources}

    @cached_property
    def suppliers(self) -> dict[str, out.Supplier]:
        return {supplier.id: supplier for supplier in self.document.suppliers}

    @cached_property
    def measures(self) -> dict[str, out.Measure]:
        return {measure.id: measure for measure in self.document.due_diligence.measures}

    @cached_property
    def findings(self) -> dict[str, out.Risk | out.Impact]:
        """Every risk and actual impact, by id: what a measure's ``addresses`` names."""
        dd = self.document.due_diligence
        found: list[out.Risk | out.Impact] = [*dd.risks, *dd.actual_impacts.impacts]
        return {finding.id: finding for finding in found}

    @cached_property
    def risks_exposed(self) -> list[out.Risk]:
        """The risks Exso is exposed to, or whose exposure the statement does not state."""
        return [risk for risk in self.document.due_diligence.risks if risk.exposure is not Exposure.none]

    @cached_property
    def risks_not_exposed(self) -> list[out.Risk]:
        """The risks assessed where Exso has no exposure."""
        return [risk for risk in self.document.due_diligence.risks if risk.exposure is Exposure.none]

    @cached_property
    def production_countries(self) -> list[out.CountryRisk]:
        """Every country where a named supplier makes goods, in the order the statement first names them."""
        return self._countries_of(SupplyKind.goods)

    @cached_property
    def service_countries(self) -> list[out.CountryRisk]:
        """Every country a named supplier delivers services from."""
        return self._countries_of(SupplyKind.services)

    @cached_property
    def supply_countries(self) -> list[out.CountryRisk]:
        """The countries goods are made in, then those services are delivered from, each once."""
        by_code = {country.country_code: country for country in self.production_countries + self.service_countries}
        return list(by_code.values())

    @cached_property
    def high_risk_countries(self) -> list[out.CountryRisk]:
        """The countries rated high risk where goods are made."""
        return [country for country in self.production_countries if country.risk_level is RiskLevel.high]

    @cached_property
    def high_risk_supply_countries(self) -> list[out.CountryRisk]:
        """The countries rated high risk where goods are made or services delivered from, each once."""
        return [country for country in self.supply_countries if country.risk_level is RiskLevel.high]

    @cached_property
    def place_names(self) -> dict[str, str]:
        """Each supply country as the statement names it: «England (Storbritannia)» where every line
        there names a place in it, else the country's own name."""
        places: dict[str, list[str]] = {}
        anywhere: set[str] = set()  # countries with a line that names no place in them
        for supplier in self.document.suppliers:
            for line in supplier.production:
                for country in line.countries:
                    code = country.country_code
                    if line.place is None:
                        anywhere.add(code)
                    elif line.place not in places.setdefault(code, []):
                        places[code].append(line.place)
        names = {code: country.country_name for code, country in self.countries.items()}
        for code, named in places.items():
            if named and code not in anywhere:
                names[code] = f"{', '.join(named)} ({names[code]})"
        return names

    @cached_property
    def rating_groups(self) -> list[RatingGroup]:
        """The supply countries' ratings by source, level and areas, in the statement's order."""
        groups: dict[tuple[str, RiskLevel, tuple[RiskArea, ...]], list[out.CountryRisk]] = {}
        for country in self.supply_countries:
            if country.rating_source is not None and country.risk_level is not None:
                key = (country.rating_source, country.risk_level, tuple(country.risk_areas))
                groups.setdefault(key, []).append(country)
        return [
            RatingGroup(self.rating_sources[source], level, list(areas), countries)
            for (source, level, areas), countries in groups.items()
        ]

    @cached_property
    def suppliers_in(self) -> dict[str, list[out.Supplier]]:
        """Each country's suppliers (goods made or services delivered there), by country code."""
        by_country: dict[str, dict[str, out.Supplier]] = {}
        for supplier in self.document.suppliers:
            for line in supplier.production:
                for country in line.countries:
                    by_country.setdefault(country.country_code, {})[supplier.id] = supplier
        return {code: list(suppliers.values()) for code, suppliers in by_country.items()}

    @cached_property
    def measures_taken(self) -> MeasuresShown:
        """Measures done or under way (§5 c, "measures taken"), in the statement's order."""
        return self._shown([m for m in self.document.due_diligence.measures if not m.status.is_ahead])

    @cached_property
    def measures_planned(self) -> MeasuresShown:
        """Measures planned or committed to ("Fokus fremover")."""
        return self._shown([m for m in self.document.due_diligence.measures if m.status.is_ahead])

    @cached_property
    def supplier_groups(self) -> list[SupplierGroup[out.Supplier]]:
        """A long list's pages: the suppliers by initial letter (``facts.supplier_groups``)."""
        return supplier_groups(self.document.suppliers) if self.long_list else []

    def measures_addressing(self, finding: out.Risk | out.Impact) -> MeasuresShown:
        return self._shown([self.measures[id] for id in finding.measure_ids])

    def measures_of(self, supplier: out.Supplier) -> list[out.Measure]:
        """The measures that follow ``supplier`` up."""
        return [self.measures[id] for id in supplier.measure_ids]

    @staticmethod
    def production_places(supplier: out.Supplier) -> dict[str, list[str]]:
        """Each country a supplier makes or delivers from, by code, in order, with the places in it that
        the statement names (none when it names only the country)."""
        places: dict[str, list[str]] = {}
        for line in supplier.production:
            for country in line.countries:
                named = places.setdefault(country.country_code, [])
                if line.place is not None and line.place not in named:
                    named.append(line.place)
        return places

    def _countries_of(self, kind: SupplyKind) -> list[out.CountryRisk]:
        codes: dict[str, None] = {}
        for supplier in self.document.suppliers:
            for line in supplier.production:
                if line.kind is kind:
                    codes.update(dict.fromkeys(country.country_code for country in line.countries))
        return [self.countries[code] for code in codes]

    def _shown(self, measures: list[out.Measure]) -> MeasuresShown:
        if not self.long_list:
            return MeasuresShown(measures, [])
        counts: dict[MeasureKind, int] = {}
        for measure in measures:
            if measure.supplier_id:
                counts[measure.kind] = counts.get(measure.kind, 0) + 1
        return MeasuresShown([m for m in measures if not m.supplier_id], list(counts.items()))


def statement_view(
    data: StatementData,
    language: str,
    *,
    carried_over: Sequence[Problem] = (),
    kept_suppliers: KeptSuppliers | None = None,
) -> StatementView:
    """The view of ``data`` in ``language``; ``carried_over``: the facts still as the period before's;
    ``kept_suppliers``: the preview's suppliers from its last rebuild."""
    return StatementView(statement_document(data, language, carried_over=carried_over, kept_suppliers=kept_suppliers))
