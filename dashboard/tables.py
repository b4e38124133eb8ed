"""The table of exactly what is plotted, and its sorting."""

from __future__ import annotations

from collections.abc import Mapping
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
    """The table order the browser holds, or the default one if it is not a valid order; with
    how many presses of each header it answered (``seen``: see ``after_presses``)."""
    if not isinstance(sort, dict):
        return valid_sort(DEFAULT_SORT)
    column = sort.get("column")
    descending = sort.get("descending")
    if column not in {name for name, _ in COLUMNS} or not isinstance(descending, bool):
        return valid_sort(DEFAULT_SORT)
    seen = sort.get("seen")
    seen = seen if isinstance(seen, dict) else {}
    return {
        "column": column,
        "descending": descending,
        "seen": {name: _count(seen.get(name)) for name, _ in COLUMNS},
    }


def after_presses(sort: Any, presses: Mapping[str, tuple[Any, Any]]) -> dict[str, Any]:
    """The table order once every header press is answered.

    ``presses`` holds each header button's press count and the time of its last press
    (``n_clicks``, ``n_clicks_timestamp``); ``sort`` is the order the browser holds and the
    counts it answered. The presses it has not answered are applied: a press on a new column
    sorts it ascending, each further press reverses it. Counting, rather than asking which input
    changed, keeps every press. While an answer is on its way, Dash sends each later change as a
    new request and drops the earlier answer, so the press that earlier request carried would
    be lost; and changes made before a request leaves are merged into one, so "which input
    changed" names just one of them. When presses on several headers were merged, the one
    pressed last is the order (its presses taken as the last ones).
    """
    current = valid_sort(sort)
    counts = {name: _count(presses.get(name, (0, 0))[0]) for name, _ in COLUMNS}
    new = {name: count - current["seen"][name] for name, count in counts.items()}
    pressed = [name for name, count in new.items() if count > 0]
    if not pressed:
        return current | {"seen": counts}
    last = max(pressed, key=lambda name: _count(presses[name][1]))
    if pressed == [last] and last == current["column"]:
        descending = current["descending"] != (new[last] % 2 == 1)
    else:
        descending = new[last] % 2 == 0
    return {"column": last, "descending": descending, "seen": counts}


def _count(value: Any) -> int:
    """A press count or time stamp as the browser sent it, or 0 when it is not one."""
    if isinstance(value, int | float) and not isinstance(value, bool) and value > 0:
        return int(value)
    return 0


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
