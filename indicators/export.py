"""Citable exports: every row carries its indicator, unit, status, source and locator."""

from __future__ import annotations

import pandas as pd

from indicators.catalog import Catalog

CSV_COLUMNS = (
    "indicator_id",
    "indicator_title",
    "economy",
    "economy_name",
    "year",
    "period",
    "value",
    "unit",
    "status",
    "source_id",
    "source_title",
    "source_publisher",
    "source_edition",
    "source_url",
    "locator",
    "note",
    "data_version",
)
"""Columns of every CSV download, in order; ``data_version`` says which edition of the data."""

# Spreadsheet programs run a cell that starts with one of these as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def citable_rows(catalog: Catalog, observations: pd.DataFrame) -> pd.DataFrame:
    """Observations (rows of ``catalog.observations``) with titles, units and sources joined in."""
    frame = observations.copy()
    indicators = catalog.indicators
    sources = catalog.sources
    frame["indicator_title"] = frame["indicator_id"].map(lambda i: indicators[i].title)
    frame["unit"] = frame["indicator_id"].map(lambda i: indicators[i].unit)
    frame["economy_name"] = frame["economy"].map(lambda code: catalog.economies[code].name)
    frame["source_title"] = frame["source_id"].map(lambda s: sources[s].title)
    frame["source_publisher"] = frame["source_id"].map(lambda s: sources[s].publisher)
    frame["source_edition"] = frame["source_id"].map(lambda s: sources[s].edition)
    frame["source_url"] = frame["source_id"].map(lambda s: sources[s].url)
    frame["data_version"] = catalog.version
    return frame.loc[:, list(CSV_COLUMNS)].reset_index(drop=True)


def neutralise_formula(text: str) -> str:
    """Prefix text that a spreadsheet would run as a formula with an apostrophe."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def to_csv(rows: pd.DataFrame) -> str:
    """CSV text of ``citable_rows`` output: text made formula-safe, numbers left as numbers."""
    safe = rows.copy()
    for column in safe.columns:
        if safe[column].dtype == object or pd.api.types.is_string_dtype(safe[column]):
            safe[column] = safe[column].astype(str).map(neutralise_formula)
    return safe.to_csv(index=False, lineterminator="\n", float_format=None)
