"""The validated catalog: what the dashboard, notebooks and exports read."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from indicators.models import Economy, Event, Indicator, Source

if TYPE_CHECKING:
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


@dataclass(frozen=True, eq=False)
class Catalog:
    """Every indicator, source, economy and observation, validated together.

    Compared and hashed by identity, so derived views can be cached per catalog.
    """

    indicators: Mapping[str, Indicator]
    sources: Mapping[str, Source]
    economies: Mapping[str, Economy]
    observations: pd.DataFrame
    """One row per (indicator, economy, year, source), sorted; see ``OBSERVATION_COLUMNS``."""
    data_dir: Path
    claims: Mapping[str, Claim] = field(default_factory=dict)
    """Report claims from ``claims.yaml`` (see ``indicators.claims``), by id."""
    events: tuple[Event, ...] = ()
    """Policy events from ``events.yaml``, in date order."""
    version: str = ""
    """Fingerprint of the data files (see ``indicators.version``)."""

    def series(
        self,
        indicator_id: str,
        *,
        source_id: str | None = None,
        economies: Iterable[str] | None = None,
        years: tuple[int, int] | None = None,
    ) -> pd.DataFrame:
        """Observations of one indicator from one source, or from its main series by default
        (the main source plus any declared ``series_sources``).

        Raises ``KeyError`` for an unknown indicator id.
        """
        indicator = self.indicators[indicator_id]
        obs = self.observations
        wanted = [source_id] if source_id else list(indicator.main_series)
        mask = (obs["indicator_id"] == indicator_id) & obs["source_id"].isin(wanted)
        if economies is not None:
            mask &= obs["economy"].isin(list(economies))
        if years is not None:
            mask &= obs["year"].between(*years)
        return obs.loc[mask].reset_index(drop=True)

    def source_ids(self, indicator_id: str) -> list[str]:
        """Sources with observations for an indicator: the main series first, in order."""
        main = list(self.indicators[indicator_id].main_series)
        used = self.observations.loc[
            self.observations["indicator_id"] == indicator_id, "source_id"
        ].unique()
        return [*main, *sorted(s for s in used if s not in main)]

    def other_source_ids(self, indicator_id: str) -> list[str]:
        """Sources of an indicator outside its main series."""
        main = self.indicators[indicator_id].main_series
        return [s for s in self.source_ids(indicator_id) if s not in main]

    def summary(self) -> dict[str, int]:
        """Counts a curator checks after an edit."""
        obs = self.observations
        return {
            "indicators": len(self.indicators),
            "series": int(obs.groupby(["indicator_id", "economy", "source_id"]).ngroups),
            "observations": len(obs),
            "sources": len(self.sources),
            "economies": len(self.economies),
            "claims": len(self.claims),
            "events": len(self.events),
        }
