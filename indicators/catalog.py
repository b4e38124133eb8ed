"""The validated catalog: what the dashboard, notebooks and exports read."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from indicators.models import Economy, Event, Indicator, Report, Source
from indicators.types import MAX_YEAR, MIN_YEAR

if TYPE_CHECKING:
    import pandas as pd

    from indicators.claims import Claim

OBSERVATION_COLUMNS = (
    "indicator_id",
    "economy",
    "year",
    "period",
    "value",
    "status",
    "source_id",
    "locator",
    "note",
)
"""Columns of ``Catalog.observations``; ``period`` is the display label (``2023/24``)."""
TABLE_COLUMNS = ("economy", "year", "value", "status", "source_id", "locator", "note")
"""Columns of each indicator's CSV table in ``data/tables``."""
ROW_ORDER = ("indicator_id", "source_id", "economy", "year")
"""How observations are sorted."""


class Row(NamedTuple):
    """One observation, as plain values (the fields are ``OBSERVATION_COLUMNS``)."""

    indicator_id: str
    economy: str
    year: int
    period: str
    value: float
    status: str
    source_id: str
    locator: str
    note: str


class Coverage(NamedTuple):
    """What one source holds of an indicator."""

    source_id: str
    main: bool
    """Part of the indicator's main series."""
    economies: dict[str, tuple[int, int, int]]
    """By economy code: how many values, the first year and the last year."""


@dataclass(frozen=True, eq=False)
class Catalog:
    """Every indicator, source, economy and observation, validated together.

    Each indicator's observations are kept as loaded: plain rows from the row-by-row check, or a
    frame from the column-wise check of a large table. ``rows`` and ``observations`` convert on
    first use, so serving small catalogs never imports pandas (a quarter second at each start).
    Compared and hashed by identity, so derived views can be cached per catalog.
    """

    indicators: Mapping[str, Indicator]
    sources: Mapping[str, Source]
    economies: Mapping[str, Economy]
    tables: Mapping[str, Sequence[Row] | pd.DataFrame]
    """Each indicator's observations: rows sorted by ``ROW_ORDER``, or a frame in file order."""
    data_dir: Path
    claims: Mapping[str, Claim] = field(default_factory=dict)
    """Report claims from ``claims.yaml`` (see ``indicators.claims``), by id."""
    reports: Mapping[str, Report] = field(default_factory=dict)
    """The reports claims are read from, from ``reports.yaml``, by id."""
    events: tuple[Event, ...] = ()
    """Policy events from ``events.yaml``, in date order."""
    version: str = ""
    """Fingerprint of the data files (see ``indicators.version``)."""

    def rows(self, indicator_id: str) -> tuple[Row, ...]:
        """An indicator's observations as plain rows, sorted by source, economy and year.

        Raises ``KeyError`` for an unknown indicator id.
        """
        if indicator_id not in self.indicators:
            raise KeyError(indicator_id)
        found = self._rows.get(indicator_id)
        if found is None:  # converted when first asked for: a large table may never be
            found = self._rows[indicator_id] = _as_rows(self.tables.get(indicator_id, ()))
        return found

    @cached_property
    def _rows(self) -> dict[str, tuple[Row, ...]]:
        return {}

    @cached_property
    def observations(self) -> pd.DataFrame:
        """One row per (indicator, economy, year, source), sorted; see ``OBSERVATION_COLUMNS``."""
        import pandas as pd  # only here: the dashboard serves from ``rows`` without it

        frames = [_as_frame(table) for table in self.tables.values()]
        frames = [frame for frame in frames if len(frame)]
        if not frames:
            frames = [pd.DataFrame(columns=list(OBSERVATION_COLUMNS))]
        observations = pd.concat(frames, ignore_index=True)
        return observations.astype({"year": "int64", "value": "float64"}).sort_values(
            list(ROW_ORDER), ignore_index=True
        )

    def series(
        self,
        indicator_id: str,
        *,
        source_id: str | None = None,
        economies: Iterable[str] | None = None,
        years: tuple[int, int] | None = None,
    ) -> pd.DataFrame:
        """Observations of one indicator from one source, or from its main series by default
        (the main source plus any declared ``series_sources``): ``points`` as a frame.

        Raises ``KeyError`` for an unknown indicator id.
        """
        import pandas as pd

        rows = self.points(indicator_id, source_id=source_id, economies=economies, years=years)
        frame = pd.DataFrame(rows, columns=list(OBSERVATION_COLUMNS))
        return frame.astype({"year": "int64", "value": "float64"})

    def points(
        self,
        indicator_id: str,
        *,
        source_id: str | None = None,
        economies: Iterable[str] | None = None,
        years: tuple[int, int] | None = None,
    ) -> list[Row]:
        """Rows of one indicator from one source, or from its main series by default."""
        wanted = {source_id} if source_id else set(self.indicators[indicator_id].main_series)
        return self.select(indicator_id, sources=wanted, economies=economies, years=years)

    def select(
        self,
        indicator_id: str,
        *,
        sources: Iterable[str] | None = None,
        economies: Iterable[str] | None = None,
        years: tuple[int, int] | None = None,
    ) -> list[Row]:
        """An indicator's rows narrowed to some sources, economies and years (``None``: all),
        in ``rows`` order."""
        wanted = set(sources) if sources is not None else None
        codes = set(economies) if economies is not None else None
        first, last = years if years is not None else (MIN_YEAR, MAX_YEAR)
        return [
            row
            for row in self.rows(indicator_id)
            if (wanted is None or row.source_id in wanted)
            and (codes is None or row.economy in codes)
            and first <= row.year <= last
        ]

    def latest(self, indicator_id: str, economy: str) -> Row | None:
        """An economy's latest firm value from any source (a projection is a forecast, never
        "latest"): the main series' value where it has that year, else the first source's."""
        rows = [
            r for r in self.select(indicator_id, economies=(economy,)) if r.status != "projection"
        ]
        if not rows:
            return None
        year = max(row.year for row in rows)
        main = self.indicators[indicator_id].main_series
        found = [row for row in rows if row.year == year]
        return min(found, key=lambda row: (row.source_id not in main, row.source_id))

    def coverage(self, indicator_id: str) -> list[Coverage]:
        """What each source holds of an indicator, the main series first: per economy, how many
        values and their first and last year."""
        by_source: dict[str, dict[str, list[int]]] = {}
        for row in self.rows(indicator_id):
            by_source.setdefault(row.source_id, {}).setdefault(row.economy, []).append(row.year)
        main = self.indicators[indicator_id].main_series
        return [
            Coverage(
                source_id,
                source_id in main,
                {
                    code: (len(years), min(years), max(years))
                    for code, years in sorted(by_source[source_id].items())
                },
            )
            for source_id in self.source_ids(indicator_id)
        ]

    def source_ids(self, indicator_id: str) -> list[str]:
        """Sources with observations for an indicator: the main series first, in order."""
        main = list(self.indicators[indicator_id].main_series)
        used = {row.source_id for row in self.rows(indicator_id)}
        return [*main, *sorted(s for s in used if s not in main)]

    def other_source_ids(self, indicator_id: str) -> list[str]:
        """Sources of an indicator outside its main series."""
        main = self.indicators[indicator_id].main_series
        return [s for s in self.source_ids(indicator_id) if s not in main]

    def summary(self) -> dict[str, int]:
        """Counts a curator checks after an edit."""
        rows = [row for key in self.tables for row in self.rows(key)]
        return {
            "indicators": len(self.indicators),
            "series": len({(r.indicator_id, r.economy, r.source_id) for r in rows}),
            "observations": len(rows),
            "sources": len(self.sources),
            "economies": len(self.economies),
            "claims": len(self.claims),
            "events": len(self.events),
        }


def _as_rows(table: Sequence[Row] | pd.DataFrame) -> tuple[Row, ...]:
    if isinstance(table, Sequence):
        return tuple(table)
    frame = table.sort_values(list(ROW_ORDER)).loc[:, list(OBSERVATION_COLUMNS)]
    return tuple(
        Row(i, e, int(y), p, float(v), s, src, loc, n)
        for i, e, y, p, v, s, src, loc, n in frame.itertuples(index=False, name=None)
    )


def _as_frame(table: Sequence[Row] | pd.DataFrame) -> pd.DataFrame:
    import pandas as pd

    if isinstance(table, pd.DataFrame):
        return table
    return pd.DataFrame(list(table), columns=list(OBSERVATION_COLUMNS))
