"""The layout of the risk overview picture: countries by rating, with the suppliers in each.

Only positions and wrapped lines are worked out here; ``templates/risk_overview.html`` draws them.
The picture is 280 units wide with 16-unit text, so on a phone as narrow as 320 px (280 px of
content) its text is at least the page's own 16 px; stylesheets keep it from growing much larger.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass

from aapenhet.model.countries import country_name
from aapenhet.model.models import RiskLevel, StatementData, SupplyKind

WIDTH = 280
BAND = 30  # a rating's heading band
LINE = 22  # one line of 16-unit text
ROW_GAP = 6
GROUP_GAP = 8
INDENT = 16  # supplier names sit under their country, indented
LINE_CHARS = 28  # characters per line of 16-unit text across the picture
ORDER = (RiskLevel.high, RiskLevel.elevated, RiskLevel.low, None)


@dataclass(frozen=True)
class OverviewRow:
    code: str
    suppliers: tuple[str, ...]
    # True when the suppliers only deliver services from the country (nothing is made there).
    services_only: bool
    # The country's name and the supplier names, each wrapped to the picture's width.
    country_lines: tuple[str, ...]
    supplier_lines: tuple[str, ...]
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
    # Each row's one supplier line is a count, not names (a long list of suppliers).
    counts_only: bool = False
    band: int = BAND
    line: int = LINE
    indent: int = INDENT


def country_overview(data: StatementData, language: str, *, counts_only: bool = False) -> Overview:
    """Every country a named supplier makes goods in or delivers services from, grouped by rating.

    ``counts_only`` (a long list of suppliers): each country gets one line for how many suppliers
    are there, which the template words, instead of their names.
    """
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
            country_lines = tuple(textwrap.wrap(country_name(code, language), LINE_CHARS))
            supplier_lines = ("",) if counts_only else tuple(textwrap.wrap(", ".join(suppliers), LINE_CHARS - 2))
            services_only = set().union(*countries[code].values()) == {SupplyKind.services}
            rows.append(OverviewRow(code, suppliers, services_only, country_lines, supplier_lines, y))
            # "(services)", in the page's language, takes a line of its own under the names.
            y += LINE * (len(country_lines) + len(supplier_lines) + services_only) + ROW_GAP
        groups.append(OverviewGroup(level, group_y, tuple(rows)))
        y += GROUP_GAP
    return Overview(tuple(groups), WIDTH, max(y, BAND), counts_only)
