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
from collections.abc import Mapping

import annotated_types
import numpy as np
import pandas as pd
from pydantic import TypeAdapter, ValidationError

from indicators.catalog import OBSERVATION_COLUMNS, TABLE_COLUMNS
from indicators.models import Indicator, Observation, Source
from indicators.read import BOM, FIELD_LIMIT
from indicators.types import NonEmptyText, Period, Status

_QUOTE, _COMMA, _NEWLINE, _RETURN = ord('"'), ord(","), ord("\n"), ord("\r")
_ZERO, _NINE = ord("0"), ord("9")
_BOUNDARY = np.array([_QUOTE, _COMMA, _NEWLINE, _RETURN], dtype=np.uint8)
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
# The model's own locator type, for a whole column at once: its idea of whitespace (Unicode's)
# is not Python's ``str.strip`` (which also strips the separators U+001C to U+001F).
_LOCATORS = TypeAdapter(list[NonEmptyText])  # the type of ``Observation.locator``
STATUSES = frozenset(status.value for status in Status)


def _well_formed(data: bytes) -> bool:
    """Every record has exactly one field per column, no quote is out of place, and the
    careful reader would read every record just as pandas does (see ``_plain``)."""
    raw = np.frombuffer(data, dtype=np.uint8)
    quotes = np.flatnonzero(raw == _QUOTE)
    if len(quotes):
        # A quote that neither opens nor closes a field (x"y) is rejected by the strict
        # reader but kept quietly by pandas: such a table goes the row-by-row way.
        before = raw[np.maximum(quotes - 1, 0)]
        after = raw[np.minimum(quotes + 1, len(raw) - 1)]
        inner = (quotes > 0) & (quotes < len(raw) - 1)
        if (inner & ~np.isin(before, _BOUNDARY) & ~np.isin(after, _BOUNDARY)).any():
            return False
    if len(quotes) % 2:
        return False  # a quoted field never closes
    newlines = np.flatnonzero(raw == _NEWLINE)
    commas = np.flatnonzero(raw == _COMMA)
    # Quotes pair up: between quote 2k and quote 2k+1 lies quoted text (a doubled quote "" is
    # an empty gap between two pairs). Newlines and commas there do not end anything.
    opens, closes = quotes[0::2], quotes[1::2]
    ends = newlines[np.searchsorted(quotes, newlines) % 2 == 0] if len(quotes) else newlines
    if len(ends) == 0 or ends[-1] != len(raw) - 1:
        return False  # no final newline: leave the edge cases to the careful reader
    per_record = np.diff(np.searchsorted(commas, ends), prepend=0)
    if len(quotes):
        quoted = np.searchsorted(commas, closes) - np.searchsorted(commas, opens)
        record = np.searchsorted(ends, opens)
        per_record = per_record - np.bincount(record, weights=quoted, minlength=len(ends))
    return bool((per_record == len(TABLE_COLUMNS) - 1).all()) and _plain(raw, ends, commas)


def _plain(raw: np.ndarray, ends: np.ndarray, commas: np.ndarray) -> bool:
    """No record is longer than the csv module's field limit, and every year is four digits.

    pandas reads ``2019.0`` or ``2.019e3`` as the integer 2019, and reads fields of any length;
    the row-by-row path refuses the first as not a whole number and the second with
    ``invalid_csv``. Each year lies between a record's first two commas (the economy before it
    is a code without commas, or the table fails the economy check anyway).
    """
    starts = np.concatenate(([0], ends[:-1] + 1))
    if (ends - starts > FIELD_LIMIT).any():
        return False  # bytes bound characters, so shorter records are surely within the limit
    first = np.searchsorted(commas, starts[1:])  # the header has no year
    year_start, year_end = commas[first] + 1, commas[first + 1]
    digits = raw[year_start[:, None] + np.arange(4)]
    four_digits = (year_end - year_start == 4).all() and (
        (digits >= _ZERO) & (digits <= _NINE)
    ).all()
    return bool(four_digits)


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
    # Codes into the known ids: -1 marks an unknown one. Work on integers from here on.
    source_ids = list(sources)
    economy_codes = pd.Index(list(economies)).get_indexer(pd.Index(frame["economy"]))
    source_codes = pd.Index(source_ids).get_indexer(pd.Index(frame["source_id"]))
    status_codes = pd.Index(sorted(STATUSES)).get_indexer(pd.Index(frame["status"]))
    if (economy_codes < 0).any() or (source_codes < 0).any() or (status_codes < 0).any():
        return None
    low, high = YEAR_BOUNDS
    if not (np.isfinite(values).all() and ((years >= low) & (years <= high)).all()):
        return None
    if indicator.nonnegative and (values < 0).any():
        return None
    published = np.array([sources[key].published_year for key in source_ids])[source_codes]
    projection = status_codes == sorted(STATUSES).index(Status.PROJECTION.value)
    if ((years > published) & ~projection).any():
        return None
    span = int(high - low + 1)
    key = (source_codes.astype(np.int64) * len(economies) + economy_codes) * span + (years - low)
    if pd.Series(key).duplicated().any() or _main_series_overlaps(
        source_codes, economy_codes * span + (years - low), source_ids, indicator
    ):
        return None
    try:
        frame["locator"] = _LOCATORS.validate_python(frame["locator"].tolist())
    except ValidationError:
        return None
    frame["indicator_id"] = indicator.id
    frame["period"] = _labels(years, indicator.period)
    checked: pd.DataFrame = frame.loc[:, list(OBSERVATION_COLUMNS)]
    return checked


def _main_series_overlaps(
    source_codes: np.ndarray, periods: np.ndarray, source_ids: list[str], indicator: Indicator
) -> bool:
    """Whether two documents of a declared main series give the same economy and year."""
    if len(indicator.main_series) < 2:
        return False
    in_main = np.isin(
        source_codes, [source_ids.index(s) for s in indicator.main_series if s in source_ids]
    )
    return bool(pd.Series(periods[in_main]).duplicated().any())


def _labels(years: np.ndarray, period: Period) -> np.ndarray:
    """``Period.label`` for a whole column, computed once per distinct year."""
    distinct, position = np.unique(years, return_inverse=True)
    labels = np.array([period.label(int(year)) for year in distinct], dtype=object)
    return labels[position]
