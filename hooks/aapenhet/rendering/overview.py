"""The layout of the risk picture: a bar chart of how many suppliers are in each country, the
countries grouped by their rating, the highest first.

Only positions, bar lengths and wrapped names are worked out here; ``templates/risk_overview.html``
draws them. Each rating has a fill of its own that is not only a colour (solid, hatched, dotted,
outlined), and its name heads its group, so the picture reads in black and white and in forced
colours. The picture is 280 units wide with 16-unit text: on a phone as narrow as 320 px (280 px of
content) its text is at least the page's own 16 px; stylesheets keep it from growing much larger.
One row per country, however many suppliers: with 2,000 suppliers it stays a few kB.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass

from aapenhet.model.models import RiskLevel, SupplyKind
from aapenhet.view.statement_view import StatementView

WIDTH = 280
BAND = 30  # a rating's heading
LINE = 22  # one line of 16-unit text
BAR = 12  # a bar's thickness
ROW_GAP = 10
GROUP_GAP = 8
NAME_CHARS = 22  # characters per line of a country's name, the count beside it
ORDER = (RiskLevel.high, RiskLevel.elevated, RiskLevel.low, None)


@dataclass(frozen=True)
class OverviewRow:
    code: str
    name: str  # the country's, or the places in it the statement names: «England (Storbritannia)»
    suppliers: tuple[str, ...]
    # True when the suppliers only deliver services from the country (nothing is made there).
    services_only: bool
    # The country's name, wrapped to the picture's width beside the count.
    name_lines: tuple[str, ...]
    y: int  # the top of its first line of text
    bar_y: int
    bar_width: int  # in proportion to the most suppliers any country has


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
    # The description names each country's suppliers, or counts them (a long list of suppliers).
    counts_only: bool = False
    band: int = BAND
    line: int = LINE
    bar: int = BAR


def country_overview(view: StatementView) -> Overview:
    """Every country a named supplier makes goods in or delivers services from, grouped by rating,
    each with a bar as long as its number of suppliers; a long list's description counts them."""
    countries: dict[str, dict[str, set[SupplyKind]]] = {}
    for supplier in view.document.suppliers:
        for line in supplier.production:
            for country in line.countries:
                countries.setdefault(country.country_code, {}).setdefault(supplier.name, set()).add(line.kind)
    most = max((len(suppliers) for suppliers in countries.values()), default=1)
    groups, y = [], 0
    for level in ORDER:
        codes = [code for code in countries if view.countries[code].risk_level == level]
        if not codes:
            continue
        # Within a rating, the countries with the most suppliers first.
        codes.sort(key=lambda code: -len(countries[code]))
        group_y, y, rows = y, y + BAND + ROW_GAP // 2, []
        for code in codes:
            suppliers = tuple(countries[code])
            name = view.place_names[code]
            name_lines = tuple(textwrap.wrap(name, NAME_CHARS)) or (code,)
            services_only = set().union(*countries[code].values()) == {SupplyKind.services}
            lines = len(name_lines) + services_only  # "(services)" takes a line of its own
            bar_y = y + LINE * lines + 2
            bar_width = max(4, round(WIDTH * len(suppliers) / most))
            rows.append(OverviewRow(code, name, suppliers, services_only, name_lines, y, bar_y, bar_width))
            y = bar_y + BAR + ROW_GAP
        groups.append(OverviewGroup(level, group_y, tuple(rows)))
        y += GROUP_GAP
    return Overview(tuple(groups), WIDTH, max(y, BAND), view.long_list)
