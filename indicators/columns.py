"""Column-wise checking of large tables, with the row-by-row path as the reference.

``checked_frame`` validates a whole table with vectorised checks whose rules come from the
pydantic ``Observation`` model (patterns, bounds, choices), so the model stays the single
description of a valid row. It returns ``None`` as soon as anything is not plainly valid; the
loader then reads the table row by row, which reports every problem with its file, line and
column. A valid table is thus accepted fast, and an invalid one gets exactly the messages of the
row-by-row path.
"""

from __future__ import annotations

import io
import math
import re
from collections.abc import Mapping

import annotated_types
import numpy as np
import pandas as pd

from indicators.catalog import OBSERVATION_COLUMNS
from indicators.models import Indicator, Observation, Source
from indicators.read import BOM
from indicators.types import Period, Status

TABLE_COLUMNS = ("economy", "year", "value", "status", "source_id", "locator", "note")

# A quote that neither opens nor closes a field (x"y): the strict reader rejects it, pandas
# would quietly keep the text, so such a table goes the row-by-row way.
_STRAY_QUOTE = re.compile(rb'[^,\n\r"]"[^,\n\r"]')
_QUOTE, _COMMA, _NEWLINE = ord('"'), ord(","), ord("\n")
_DTYPES: dict[str, str] = {
    "economy": "str",
    "year": "int64",
    "value": "float64",
    "status": "str",
    "source_id": "str",
    "locator": "str",
    "note": "str",
}


def _bounds(field: str) -> tuple[float, float]:
    """The ``ge``/``le`` bounds the model declares for a field."""
    low, high = -math.inf, math.inf
    for constraint in Observation.model_fields[field].metadata:
        if isinstance(constraint, annotated_types.Ge):
            low = float(constraint.ge)  # type: ignore[arg-type]
        elif isinstance(constraint, annotated_types.Le):
            high = float(constraint.le)  # type: ignore[arg-type]
    return low, high


YEAR_BOUNDS = _bounds("year")
STATUSES = frozenset(status.value for status in Status)


def _well_formed(data: bytes) -> bool:
    """Every record has exactly one field per column, and no quote is out of place."""
    if _STRAY_QUOTE.search(data):
        return False
    raw = np.frombuffer(data, dtype=np.uint8)
    quotes = raw == _QUOTE
    # Inside a quoted field the count of quotes seen so far is odd (doubled quotes keep parity).
    inside = np.logical_xor.accumulate(quotes) ^ quotes
    separators = np.flatnonzero((raw == _COMMA) & ~inside)
    ends = np.flatnonzero((raw == _NEWLINE) & ~inside)
    if len(ends) == 0 or ends[-1] != len(raw) - 1:
        return False  # no final newline: leave the edge cases to the careful reader
    per_record = np.diff(np.searchsorted(separators, ends), prepend=0)
    return bool((per_record == len(TABLE_COLUMNS) - 1).all())


def checked_frame(
    data: bytes,
    indicator: Indicator,
    economies: Mapping[str, object],
    sources: Mapping[str, Source],
) -> pd.DataFrame | None:
    """The table's rows in ``OBSERVATION_COLUMNS`` order, or ``None`` if any check fails."""
    if data.startswith(BOM.encode()) or not _well_formed(data):
        return None
    try:
        data.decode("utf-8")
        frame = pd.read_csv(
            io.BytesIO(data),
            dtype=_DTYPES,
            keep_default_na=False,  # an empty year or value is then an error, not a NaN
            skip_blank_lines=False,
        )
    except (ValueError, UnicodeDecodeError, pd.errors.ParserError):
        return None
    if tuple(frame.columns) != TABLE_COLUMNS or frame.empty:
        return None
    years, values = frame["year"].to_numpy(), frame["value"].to_numpy()
    locators = frame["locator"].str.strip()
    published = frame["source_id"].map(
        {key: source.published_year for key, source in sources.items()}
    )
    low, high = YEAR_BOUNDS
    if not (
        frame["economy"].isin(list(economies)).all()
        and frame["source_id"].isin(list(sources)).all()
        and frame["status"].isin(list(STATUSES)).all()
        and bool(np.isfinite(values).all())
        and bool(((years >= low) & (years <= high)).all())
        and bool((locators != "").all())
        and not (indicator.nonnegative and bool((values < 0).any()))
        and not bool(((years > published) & (frame["status"] != "projection")).any())
        and not frame.duplicated(["economy", "year", "source_id"]).any()
        and not _main_series_overlaps(frame, indicator)
    ):
        return None
    frame["locator"] = locators
    frame["indicator_id"] = indicator.id
    frame["period"] = _labels(frame["year"], indicator.period)
    checked: pd.DataFrame = frame.loc[:, list(OBSERVATION_COLUMNS)]
    return checked


def _main_series_overlaps(frame: pd.DataFrame, indicator: Indicator) -> bool:
    if len(indicator.main_series) < 2:
        return False
    main = frame[frame["source_id"].isin(list(indicator.main_series))]
    return bool(main.duplicated(["economy", "year"]).any())


def _labels(years: pd.Series, period: Period) -> pd.Series:
    """``Period.label`` for a whole column."""
    text = years.astype(str)
    if period is Period.ACADEMIC_YEAR:
        return text + "/" + ((years + 1) % 100).astype(str).str.zfill(2)
    return text
