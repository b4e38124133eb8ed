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
from indicators.types import CONTROL_CHARACTERS, NonEmptyCellText, Period, Status

_QUOTE, _COMMA, _NEWLINE, _RETURN = ord('"'), ord(","), ord("\n"), ord("\r")
_ZERO, _NINE = ord("0"), ord("9")
_BLOCK = 1 << 20  # bytes of a table scanned at a time (see ``_specials``)
# What may stand before an opening quote and after a closing one (see ``_quotes_in_place``),
# as lookup tables by byte value: np.isin on millions of quotes costs several times more.
_OPENS_AFTER = np.zeros(256, dtype=bool)
_OPENS_AFTER[[_COMMA, _NEWLINE, _QUOTE]] = True
_CLOSES_BEFORE = np.zeros(256, dtype=bool)
_CLOSES_BEFORE[[_COMMA, _NEWLINE, _RETURN, _QUOTE]] = True
# Codes, statuses and source ids repeat on every row: pandas reads them as categories (the few
# distinct texts, and an integer per row), so that only the distinct ones are looked up.
_CODED = ("economy", "status", "source_id")
_DTYPES: dict[str, str] = {
    "economy": "category",
    "year": "int64",
    "value": "float64",
    "status": "category",
    "source_id": "category",
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
_LOCATORS = TypeAdapter(list[NonEmptyCellText])  # the type of ``Observation.locator``
STATUSES = frozenset(status.value for status in Status)


def _well_formed(data: bytes) -> bool:
    """Every record has exactly one field per column, no quote is out of place, and the
    careful reader would read every record just as pandas does (see ``_plain``)."""
    raw = np.frombuffer(data, dtype=np.uint8)
    if len(raw) == 0:
        return False
    # All that follows works on the positions of quotes, commas and newlines (a few per field),
    # never again on every byte.
    at, kind = _specials(raw)
    is_quote = kind == _QUOTE
    quotes = at[is_quote]
    if len(quotes) % 2:
        return False  # a quoted field never closes
    if len(quotes) and not _quotes_in_place(raw, quotes):
        return False
    # Quotes pair up: after an odd number of quotes a comma or newline is quoted text and ends
    # nothing (a doubled quote "" is an empty gap between two pairs). The count is kept modulo
    # 256, which keeps its parity.
    separates = (np.cumsum(is_quote, dtype=np.uint8) & 1 == 0) & ~is_quote
    separators, where = kind[separates], at[separates]
    # The header and every row: one comma after each field but the last, then a newline.
    width = len(TABLE_COLUMNS)
    if len(separators) == 0 or len(separators) % width or where[-1] != len(raw) - 1:
        return False  # no final newline: leave the edge cases to the careful reader
    records = separators.reshape(-1, width)
    if not ((records[:, :-1] == _COMMA).all() and (records[:, -1] == _NEWLINE).all()):
        return False
    return _plain(raw, where.reshape(-1, width))


def _quotes_in_place(raw: np.ndarray, quotes: np.ndarray) -> bool:
    """Whether every quote opens or closes a quoted field, as the strict reader reads them.

    Quotes pair up: quote 2k opens, quote 2k+1 closes. An opening quote starts a field: it
    follows a comma, a newline, the start of the file, or (in a doubled quote "") the closing
    quote just before it. After a closing quote comes a comma, a line end, the end of the file
    or (in "") the next opening quote. Anywhere else, a quote is one the strict reader refuses
    ("a"b) or reads as text (x", a quote inside an unquoted field), while the pairing would take
    it for quoting and pandas reads on: such a table goes the row-by-row way.
    """
    opens, closes = quotes[0::2], quotes[1::2]
    opened = _OPENS_AFTER[raw[opens - 1]] | (opens == 0)  # raw[-1] for a quote at 0: ignored
    closed = _CLOSES_BEFORE[raw[np.minimum(closes + 1, len(raw) - 1)]] | (closes == len(raw) - 1)
    return bool(opened.all() and closed.all())


def _specials(raw: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Where each quote, comma and newline stands, and which of the three it is.

    Found a block at a time: the masks of one block stay in the processor's cache, which
    nearly halves the time on a large table, and they never take as much memory as the file.
    """
    where, kinds = [], []
    for start in range(0, len(raw), _BLOCK):
        block = raw[start : start + _BLOCK]
        special = block == _QUOTE
        special |= block == _COMMA
        special |= block == _NEWLINE
        found = np.flatnonzero(special)
        where.append(found + start)
        kinds.append(block[found])
    return np.concatenate(where), np.concatenate(kinds)


def _plain(raw: np.ndarray, separators: np.ndarray) -> bool:
    """No record is longer than the csv module's field limit, and every year is four digits.

    pandas reads ``2019.0`` or ``2.019e3`` as the integer 2019, and reads fields of any length;
    the row-by-row path refuses the first as not a whole number and the second with
    ``invalid_csv``. ``separators`` holds, per record, where its commas and its newline stand:
    each year lies between a row's first two.
    """
    ends = separators[:, -1]
    if (np.diff(ends, prepend=-1) - 1 > FIELD_LIMIT).any():
        return False  # bytes bound characters, so shorter records are surely within the limit
    year_start, year_end = separators[1:, 0] + 1, separators[1:, 1]  # the header has no year
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
        if not data.isascii():  # ASCII is UTF-8, and far quicker to tell
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
    economy_codes = _codes(frame["economy"], list(economies))
    source_codes = _codes(frame["source_id"], source_ids)
    status_codes = _codes(frame["status"], sorted(STATUSES))
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
    derived = status_codes == sorted(STATUSES).index(Status.DERIVED.value)
    if (derived & (frame["note"].to_numpy() == "")).any():
        return None  # the row-by-row path names each derived row without its method
    span = int(high - low + 1)
    key = (source_codes.astype(np.int64) * len(economies) + economy_codes) * span + (years - low)
    if pd.Series(key).duplicated().any() or _main_series_overlaps(
        source_codes, economy_codes * span + (years - low), source_ids, indicator
    ):
        return None
    locators = frame["locator"].tolist()
    # str.strip removes every character the model strips, and U+001C..U+001F besides: a locator
    # it leaves as it is (the very same object) is one the model keeps as it is. Only when some
    # locator is empty or has such whitespace at an end does the model's own type decide, since
    # it is slower by far.
    if "" in locators or list(map(str.strip, locators)) != locators:
        try:
            frame["locator"] = _LOCATORS.validate_python(locators)
        except ValidationError:
            return None
    # A control character left in a text cell (the model strips whitespace at a locator's ends
    # first) is a problem the row-by-row path locates.
    for column in ("locator", "note"):
        if frame[column].str.contains(CONTROL_CHARACTERS).any():
            return None
    for column in _CODED:  # back to text, the type of every other table's columns
        frame[column] = frame[column].astype("str")
    frame["indicator_id"] = indicator.id
    frame["period"] = _labels(years, indicator.period)
    checked: pd.DataFrame = frame.loc[:, list(OBSERVATION_COLUMNS)]
    return checked


def _codes(column: pd.Series, known: list[str]) -> np.ndarray:
    """Each row's position in ``known``, or -1 for any other text.

    pandas turns categories that all look like numbers (or all like ``true``/``false``) into
    numbers (or booleans): none of them matches a known id, so such a table goes the row-by-row
    way, never a wrong one.
    """
    lookup = pd.Index(known).get_indexer(column.cat.categories)
    codes: np.ndarray = np.append(lookup, -1)[column.cat.codes.to_numpy()]  # -1: missing
    return codes


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
    """``Period.label`` for a whole column of checked years, computed once per accepted year
    and looked up by offset (finding the distinct years would sort the column)."""
    low, high = (int(bound) for bound in YEAR_BOUNDS)
    labels = np.array([period.label(year) for year in range(low, high + 1)], dtype=object)
    column: np.ndarray = labels[years - low]
    return column
