"""Citable exports: every row carries its indicator, unit, status, source and locator.

Built from plain rows (``Catalog.rows``) with the ``csv`` module, so serving a download needs
no pandas. The text is the same, byte for byte, as pandas' ``to_csv`` of the same rows used to
give: numbers as Python writes them (``806.0``, ``1e-05``, ``-1.5``), text quoted only where
CSV needs it, ``\\n`` line ends.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

from indicators.catalog import Catalog, Row

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
    "main_source",
    "source_title",
    "source_publisher",
    "source_edition",
    "source_url",
    "locator",
    "note",
    "data_version",
)
"""Columns of every CSV download, in order. ``main_source`` is ``true`` on the rows of the
indicator's main series (one row per economy and year: the rows to pivot or chart), ``false`` on
other sources' values for the same economy and year; ``data_version`` says which edition of the
data."""

# Spreadsheet programs run a cell that starts with one of these as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

Cell = str | int | float
"""A CSV cell: text (made formula-safe when written) or a number (written as a number)."""


def citable_records(catalog: Catalog, rows: Iterable[Row]) -> list[tuple[Cell, ...]]:
    """Rows with titles, units and sources joined in: one tuple per row, in ``CSV_COLUMNS``
    order."""
    indicators, sources, economies = catalog.indicators, catalog.sources, catalog.economies
    records: list[tuple[Cell, ...]] = []
    for row in rows:
        indicator = indicators[row.indicator_id]
        source = sources[row.source_id]
        records.append(
            (
                row.indicator_id,
                indicator.title,
                row.economy,
                economies[row.economy].name,
                int(row.year),
                row.period,
                _number(float(row.value), indicator.decimals),
                indicator.unit,
                row.status,
                row.source_id,
                "true" if row.source_id in indicator.main_series else "false",
                source.title,
                source.publisher,
                source.edition,
                source.url,
                row.locator,
                row.note,
                catalog.version,
            )
        )
    return records


def _number(value: float, decimals: int) -> int | float:
    """Counts as whole numbers (``59939``, not ``59939.0``); other values as Python writes them."""
    return int(value) if decimals == 0 and value.is_integer() else value


def neutralise_formula(text: str) -> str:
    """Prefix text that a spreadsheet would run as a formula with an apostrophe."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def csv_text(records: Iterable[Sequence[Cell]], columns: Sequence[str] = CSV_COLUMNS) -> str:
    """CSV text with a header: text made formula-safe, numbers left as numbers. Records end
    with CRLF (RFC 4180), so a field holding a line break of either kind is quoted: with
    ``\n`` line ends the csv module would leave a lone ``\r`` unquoted, and readers that split
    on it would start a row inside the field."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(columns)
    writer.writerows([_cell(cell) for cell in record] for record in records)
    return buffer.getvalue()


def _cell(cell: Cell) -> str:
    if isinstance(cell, str):
        return neutralise_formula(cell)
    return repr(cell)  # floats as pandas wrote them: 806.0, 1e-05, 1.2e+16
