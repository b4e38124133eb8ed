"""What a view plots: an indicator's series, turned into the lines of one view.

The main source gives the main lines. Other sources' series are drawn beside them, thinner and
labelled, when the user asks for them, and always for an economy the main source lacks, so no
value is ever shown without its own source. Every point keeps its status, source and locator.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property, partial

import pandas as pd

from dashboard.state import PAIR, POPULATION, ViewState
from indicators import Catalog, derive

POINT_COLUMNS = ("year", "period", "value", "status", "source_id", "locator", "note")
_STATUS_RANK = {"reported": 0, "estimate": 1, "projection": 2}


@dataclass(frozen=True)
class Line:
    """One plotted line: an economy's values from one source, or a derived China-vs-US series."""

    key: str
    """Economy code, or ``ratio`` / ``difference``."""
    name: str
    points: pd.DataFrame
    """Columns ``POINT_COLUMNS``, one row per year, ascending."""
    main: bool = True
    """Drawn from the indicator's main source (other sources are drawn thinner)."""


@dataclass(frozen=True)
class Plot:
    """Everything a view shows, ready for the figure, table and sentence builders."""

    state: ViewState
    lines: tuple[Line, ...]
    selection: pd.DataFrame
    """Main-source observations behind the view (chosen economies and years, or the pair)."""
    y_title: str

    @cached_property
    def crossings(self) -> list[derive.Crossover]:
        """China–US crossings within the view's years, from the main series (computed once:
        the figure, key figures and sentence all use them)."""
        if not {"CHN", "USA"} <= set(self.selection["economy"]):
            return []
        return derive.crossovers(self.selection, "CHN", "USA")


def build(catalog: Catalog, state: ViewState) -> Plot:
    """The lines of a view."""
    indicator = catalog.indicators[state.indicator]
    names = {code: economy.label for code, economy in catalog.economies.items()}
    if state.view in ("ratio", "difference"):
        pair = catalog.series(state.indicator, economies=PAIR, years=state.years)
        line = _pair_line(pair, state.view, names)
        unit = "ratio of China's value to the US value" if state.view == "ratio" else indicator.unit
        derived = (line,) if not line.points.empty else ()
        return Plot(state, derived, pair, unit)
    chosen = catalog.series(state.indicator, economies=state.economies, years=state.years)
    y_title = indicator.unit
    if state.view == "indexed":
        y_title = f"index, {state.base_year} = 100"
    elif state.view == "per_million":
        y_title = f"{indicator.unit} per million people"
    population = catalog.series(POPULATION) if state.view == "per_million" else None
    shape = partial(_shaped, state=state, population=population)
    lines = [
        Line(code, names[code], _points(shape(group)))
        for code in state.economies
        if not (group := chosen[chosen["economy"] == code]).empty and not shape(group).empty
    ]
    with_main = {line.key for line in lines}
    for source_id in catalog.other_source_ids(state.indicator):
        other = catalog.series(
            state.indicator, source_id=source_id, economies=state.economies, years=state.years
        )
        for code in state.economies:
            if not state.all_sources and code in with_main:
                continue
            shaped = shape(other[other["economy"] == code])
            if not shaped.empty:
                name = f"{names[code]} · {catalog.sources[source_id].citation}"
                lines.append(Line(code, name, _points(shaped), main=False))
    return Plot(state, tuple(lines), chosen, y_title)


def _shaped(frame: pd.DataFrame, state: ViewState, population: pd.DataFrame | None) -> pd.DataFrame:
    """Values as the view shows them: as published, per million people, or indexed."""
    if state.view == "indexed":
        return derive.index_to_base(frame, state.base_year)
    if population is not None:
        return derive.per_million(frame, population)
    return frame


def _points(frame: pd.DataFrame) -> pd.DataFrame:
    return frame.sort_values("year").loc[:, list(POINT_COLUMNS)].reset_index(drop=True)


def _pair_line(pair: pd.DataFrame, view: str, names: dict[str, str]) -> Line:
    china, us = PAIR
    measure = derive.ratio if view == "ratio" else derive.difference
    values = measure(pair, china, us)
    symbol = "÷" if view == "ratio" else "−"
    name = f"{names[china]} {symbol} {names[us]}"
    records = {(row["economy"], int(row["year"])): row for row in pair.to_dict("records")}
    rows = []
    for year, value in zip(values.index.astype(int), values.to_numpy(dtype=float), strict=True):
        first, second = records[(china, year)], records[(us, year)]
        rows.append(
            {
                "year": year,
                "period": first["period"],
                "value": float(value),
                # A derived point is only as firm as its weaker input.
                "status": max(first["status"], second["status"], key=_STATUS_RANK.__getitem__),
                "source_id": first["source_id"],
                "locator": f"{names[china]}: {first['locator']}; {names[us]}: {second['locator']}",
                "note": "; ".join(
                    f"{names[code]}: {row['note']}"
                    for code, row in ((china, first), (us, second))
                    if row["note"]
                ),
            }
        )
    return Line(view, name, pd.DataFrame(rows, columns=list(POINT_COLUMNS)))
