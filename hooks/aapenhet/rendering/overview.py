"""The layout of the risk overview picture: countries by rating, with the suppliers in each.

Only positions and wrapped lines are worked out here; ``templates/risk_overview.html`` draws them.
The picture is 360 units wide, so on a phone its text is about the size of the page's own.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass

from aapenhet.model.models import RiskLevel, StatementData, SupplyKind

WIDTH = 360
BAND = 26           # a rating's heading band
LINE = 18           # one line of text
ROW_GAP = 8
GROUP_GAP = 6
SUPPLIERS_CHARS = 26  # characters per line of supplier names, beside the country name
ORDER = (RiskLevel.high, RiskLevel.elevated, RiskLevel.low, None)


@dataclass(frozen=True)
class OverviewRow:
    code: str
    suppliers: tuple[str, ...]
    # True when the suppliers only deliver services from the country (nothing is made there).
    services_only: bool
    lines: tuple[str, ...]
    y: int


@dataclass(frozen=True)
class OverviewGroup:
    level: RiskLevel | None
    y: int
    rows: tuple[OverviewRow, ...]


@dataclass(frozen=True)
class Overview:
    groups: tuple[OverviewGroup, ...]
    width: int
    height: int


def country_overview(data: StatementData) -> Overview:
    """Every country a named supplier makes goods in or delivers services from, grouped by rating."""
    ratings = {entry.code: entry.risk for entry in data.countries.countries}
    countries: dict[str, dict[str, set[SupplyKind]]] = {}
    for supplier in data.suppliers.suppliers:
        for line in supplier.production:
            for code in line.countries:
                countries.setdefault(code, {}).setdefault(supplier.name, set()).add(line.kind)
    groups, y = [], 0
    for level in ORDER:
        codes = [code for code in countries if ratings.get(code) == level]
        if not codes:
            continue
        group_y, y, rows = y, y + BAND + ROW_GAP, []
        for code in codes:
            suppliers = tuple(countries[code])
            lines = tuple(textwrap.wrap(", ".join(suppliers), SUPPLIERS_CHARS)) or ("",)
            kinds = set().union(*countries[code].values())
            rows.append(OverviewRow(code, suppliers, kinds == {SupplyKind.services}, lines, y))
            y += LINE * len(lines) + ROW_GAP
        groups.append(OverviewGroup(level, group_y, tuple(rows)))
        y += GROUP_GAP
    return Overview(tuple(groups), WIDTH, max(y, BAND))
