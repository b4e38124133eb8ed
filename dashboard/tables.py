"""The table of exactly what is plotted, and its sorting."""

from __future__ import annotations

from typing import Any

from dash import html

from dashboard import ids
from dashboard.figures import display_decimals, hover_unit
from dashboard.views import Plot
from indicators import Catalog

COLUMNS = (
    ("series", "Series"),
    ("period", "Year"),
    ("value", "Value"),
    ("status", "Status"),
    ("source", "Source"),
    ("locator", "Where in the source"),
)
DEFAULT_SORT = {"column": "series", "descending": False}
Row = dict[str, Any]


def valid_sort(sort: Any) -> dict[str, Any]:
    """The table order the browser holds, or the default one if it is not a valid order."""
    if not isinstance(sort, dict):
        return DEFAULT_SORT
    column = sort.get("column")
    descending = sort.get("descending")
    if column not in {name for name, _ in COLUMNS} or not isinstance(descending, bool):
        return DEFAULT_SORT
    return {"column": column, "descending": descending}


def table_rows(plot: Plot, catalog: Catalog) -> list[Row]:
    """One row per plotted point, with the value's status, source and locator."""
    decimals = display_decimals(plot, catalog)
    unit = hover_unit(plot, catalog)
    rows = []
    for line in plot.lines:
        for point in line.points:
            source = catalog.sources[point.source_id]
            rows.append(
                {
                    "series": line.name,
                    "year": point.year,
                    "period": point.period,
                    "value": point.value,
                    "display": f"{point.value:,.{decimals}f}",
                    "unit": unit,
                    "status": point.status,
                    "source": source.citation,
                    "source_url": source.url,
                    "locator": point.locator,
                }
            )
    return rows


def sort_rows(rows: list[Row], column: str, descending: bool) -> list[Row]:
    """Rows sorted by a column; years and values sort as numbers, ties by series and year."""
    key_column = {"period": "year"}.get(column, column)
    if key_column not in {"series", "year", "value", "status", "source", "locator"}:
        key_column = "series"
    ordered = sorted(rows, key=lambda row: (row["series"], row["year"]))
    return sorted(ordered, key=lambda row: row[key_column], reverse=descending)


def body(rows: list[Row]) -> list[html.Tr]:
    """Table rows as components."""
    return [
        html.Tr(
            [
                html.Td(row["series"]),
                html.Td(row["period"]),
                html.Td(f"{row['display']}", className="num", title=row["unit"]),
                html.Td(row["status"], className=f"status status-{row['status']}"),
                html.Td(
                    html.A(
                        row["source"],
                        href=row["source_url"],
                        target="_blank",
                        rel="noopener noreferrer",
                    )
                ),
                html.Td(row["locator"], className="locator"),
            ]
        )
        for row in rows
    ]


def header_label(column: str, label: str, sort: dict[str, Any]) -> str:
    """Header text with an arrow on the sorted column."""
    if sort.get("column") != column:
        return label
    return f"{label} {'▼' if sort.get('descending') else '▲'}"


def table(sort: dict[str, Any]) -> html.Table:
    """The table shell: headers are buttons (keyboard-sortable), the body is filled by callbacks."""
    return html.Table(
        [
            html.Caption("Values plotted, with their sources. Select a header to sort."),
            html.Thead(
                html.Tr(
                    [
                        html.Th(
                            html.Button(
                                header_label(column, label, sort),
                                id=ids.sort_button(column),
                                className="sort",
                            ),
                            scope="col",
                        )
                        for column, label in COLUMNS
                    ]
                )
            ),
            html.Tbody(id=ids.TABLE_BODY),
        ],
        className="data-table",
    )
