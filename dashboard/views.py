"""What a view plots: an indicator's series, turned into the lines of one view.

The main series gives the main lines. Other sources' series are drawn beside them, thinner and
labelled, when the user asks for them, and always for the economies and years the main series
lacks, so no value is ever shown without its own source and the newest value the catalog holds
is always drawn. Every point keeps its status, source and locator.
Views are computed on plain rows with ``indicators.yearly``, so serving never imports pandas.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import NamedTuple

from dashboard.state import PAIR, POPULATION, ViewState
from indicators import Catalog, yearly
from indicators.catalog import Row

_STATUS_RANK = {"reported": 0, "derived": 1, "estimate": 2, "projection": 3}


class Point(NamedTuple):
    """One plotted value: an observation's fields but its indicator and economy, which its line
    names (a derived China-vs-US point belongs to neither economy)."""

    year: int
    period: str
    value: float
    status: str
    source_id: str
    locator: str
    note: str


@dataclass(frozen=True)
class Line:
    """One plotted line: an economy's values from one source, or a derived China-vs-US series."""

    key: str
    """Economy code, or ``ratio`` / ``difference``."""
    name: str
    points: tuple[Point, ...]
    """One point per year, ascending."""
    main: bool = True
    """Drawn from the indicator's main source (other sources are drawn thinner)."""


@dataclass(frozen=True)
class Plot:
    """Everything a view shows, ready for the figure, table and sentence builders."""

    state: ViewState
    lines: tuple[Line, ...]
    selection: tuple[Row, ...]
    """Main-source observations behind the view (chosen economies and years, or the pair), in
    ``Catalog.points`` order."""
    y_title: str

    @cached_property
    def crossings(self) -> list[yearly.Crossover]:
        """China–US crossings within the view's years, from the main series (computed once:
        the figure, key figures and sentence all use them)."""
        china, us = PAIR
        values = yearly.by_economy(self.selection)
        if china not in values or us not in values:
            return []
        return yearly.crossovers(values[china], values[us], china, us)


def build(catalog: Catalog, state: ViewState) -> Plot:
    """The lines of a view."""
    indicator = catalog.indicators[state.indicator]
    names = {code: economy.label for code, economy in catalog.economies.items()}
    if state.view in ("ratio", "difference"):
        pair = tuple(catalog.points(state.indicator, economies=PAIR, years=state.years))
        line = _pair_line(pair, state.view, names)
        unit = "ratio of China's value to the US value" if state.view == "ratio" else indicator.unit
        derived = (line,) if line.points else ()
        return Plot(state, derived, pair, unit)
    chosen = tuple(catalog.points(state.indicator, economies=state.economies, years=state.years))
    y_title = indicator.unit
    if state.view == "indexed":
        y_title = f"index, {state.base_year} = 100"
    elif state.view == "per_million":
        y_title = f"{indicator.unit} per million people"
    population = (
        {(row.economy, row.year): row.value for row in catalog.points(POPULATION)}
        if state.view == "per_million"
        else None
    )

    def shaped(rows: Iterable[Row], code: str) -> tuple[Point, ...]:
        return _shaped([row for row in rows if row.economy == code], state, population)

    lines = [
        Line(code, names[code], points)
        for code in state.economies
        if (points := shaped(chosen, code))
    ]
    # The years the main series has for each economy: other sources' values for the years it
    # lacks are drawn beside it, so every year the catalog holds a value for is on the chart,
    # the newest above all.
    main_years = {line.key: {point.year for point in line.points} for line in lines}
    others = catalog.other_source_ids(state.indicator)
    by_source: dict[str, list[Row]] = {source_id: [] for source_id in others}
    # One pass over the indicator's rows, not one per source (hundreds in a large catalog).
    for row in catalog.select(
        state.indicator, sources=others, economies=state.economies, years=state.years
    ):
        by_source[row.source_id].append(row)
    for source_id, other in by_source.items():
        for code in state.economies:
            rows = other
            if not state.all_sources and code in main_years:
                rows = [row for row in other if row.year not in main_years[code]]
            points = shaped(rows, code)
            if points:
                name = f"{names[code]} · {catalog.sources[source_id].citation}"
                lines.append(Line(code, name, points, main=False))
    return Plot(state, tuple(lines), chosen, y_title)


def _shaped(
    rows: Sequence[Row], state: ViewState, population: Mapping[tuple[str, int], float] | None
) -> tuple[Point, ...]:
    """One economy's values as the view shows them, by year: as published, per million people,
    or indexed. Rows that cannot be shown so (no positive base-year value, no population for
    their year) are left out."""
    values: list[tuple[Row, float]] = []
    if state.view == "indexed":
        base = yearly.index_base({row.year: row.value for row in rows}, state.base_year)
        if base is not None:
            values = [(row, yearly.indexed(row.value, base)) for row in rows]
    elif population is not None:
        for row in rows:
            value = yearly.per_million(row.value, population.get((row.economy, row.year)))
            if value is not None:
                values.append((row, value))
    else:
        values = [(row, row.value) for row in rows]
    return tuple(
        Point(row.year, row.period, value, row.status, row.source_id, row.locator, row.note)
        for row, value in sorted(values, key=lambda pair: pair[0].year)
    )


def _pair_line(pair: Sequence[Row], view: str, names: dict[str, str]) -> Line:
    china, us = PAIR
    measure = yearly.ratio if view == "ratio" else yearly.difference
    values = yearly.by_economy(pair)
    derived = measure(values.get(china, {}), values.get(us, {}))
    symbol = "÷" if view == "ratio" else "−"
    name = f"{names[china]} {symbol} {names[us]}"
    records = {(row.economy, row.year): row for row in pair}
    points = []
    for year, value in derived.items():
        first, second = records[(china, year)], records[(us, year)]
        points.append(
            Point(
                year=year,
                period=first.period,
                value=float(value),
                # A derived point is only as firm as its weaker input.
                status=max(first.status, second.status, key=_STATUS_RANK.__getitem__),
                source_id=first.source_id,
                locator=f"{names[china]}: {first.locator}; {names[us]}: {second.locator}",
                note="; ".join(
                    f"{names[code]}: {row.note}"
                    for code, row in ((china, first), (us, second))
                    if row.note
                ),
            )
        )
    return Line(view, name, tuple(points))
