"""The trend chart, built as a plain figure dict (no plotly.express: it costs ~50 ms a call)."""

from __future__ import annotations

import textwrap
from typing import Any

from dashboard.state import VIEW_LABELS
from dashboard.theme import DERIVED_COLOUR, base_layout, economy_colour
from dashboard.views import Line, Plot, Point
from indicators import Catalog
from indicators.models import Event

HOVER_LOCATOR_CHARS = 140
MAX_CITED = 3  # sources named under the chart; the table and sources panel list every one
EXPORT_SIZE = (1200, 700)  # pixels of a saved PNG or SVG
EXPORT_TITLE_CHARS = 80  # at 22 px, what fits across an exported image; longer titles wrap
EXPORT_SOURCE_CHARS = 170  # at 11 px
CROSSING_LINE = {"color": "#767676", "width": 1, "dash": "dash"}
MAX_LINE_GAP = 2
"""Most years between two values that a line joins. The sources here publish every year or
every other year; values further apart (anchor years a decade apart, dated statements) are
dots, since a straight line between them would show years no source reports."""
MARKER_KEY = (
    "Lines join only values a year or two apart in one series · open markers: estimate · "
    "squares: break in series · triangles: derived here from published data · "
    "dashed: projection · thin dotted: another source"
)


def display_decimals(plot: Plot, catalog: Catalog) -> int:
    """Decimals shown for a view's values: ratios 2, indices 1, per-person values 3."""
    fixed = {"ratio": 2, "indexed": 1, "per_million": 3}
    return fixed.get(plot.state.view, catalog.indicators[plot.state.indicator].decimals)


def value_format(plot: Plot, catalog: Catalog) -> str:
    """d3 format for the values of a view."""
    return f",.{display_decimals(plot, catalog)}f"


def hover_unit(plot: Plot, catalog: Catalog) -> str:
    """Unit words shown after a hovered value."""
    if plot.state.view == "ratio":
        return "times the US figure"
    if plot.state.view == "indexed":
        return f"({plot.state.base_year} = 100)"
    if plot.state.view == "per_million":
        return plot.y_title
    return catalog.indicators[plot.state.indicator].unit


def source_line(plot: Plot, catalog: Catalog) -> str:
    """The citation printed under the chart, also in exported images."""
    main = catalog.indicators[plot.state.indicator].main_source
    used = list(
        dict.fromkeys([main, *(point.source_id for line in plot.lines for point in line.points)])
    )
    label = "Source" if len(used) == 1 else "Sources"
    cited = "; ".join(catalog.sources[source_id].citation for source_id in used[:MAX_CITED])
    if len(used) > MAX_CITED:
        cited += f"; and {len(used) - MAX_CITED} more, listed with the chart's data"
    return f"{label}: {cited}. Chart: US–China S&T Indicators."


def trend_figure(plot: Plot, catalog: Catalog) -> dict[str, Any]:
    """The chart of a view: one line per economy (or one derived line), cited and annotated."""
    indicator = catalog.indicators[plot.state.indicator]
    fmt = value_format(plot, catalog)
    unit = hover_unit(plot, catalog)
    traces: list[dict[str, Any]] = []
    grouped: set[str] = set()
    for line in plot.lines:
        new = _line_traces(line, catalog, fmt, unit)
        if not line.main:
            # One legend entry per economy for all its other sources; hover names each source.
            label = f"{line.name.split(' · ')[0]} · other sources"
            for trace in new:
                trace["name"] = label
                trace["legendgroup"] = f"{line.key}-other"
                trace["showlegend"] = line.key not in grouped
                grouped.add(line.key)
        traces.extend(new)
    layout = base_layout()
    layout["showlegend"] = bool(traces)
    layout["yaxis"] = {**layout["yaxis"], "title": {"text": plot.y_title}}
    if plot.state.scale == "log":
        layout["yaxis"]["type"] = "log"
    _whole_ticks(plot, catalog, layout)
    if indicator.period == "academic_year":
        # Academic years are stored by starting year; the axis shows their labels (2023/24).
        years = sorted({point.year for line in plot.lines for point in line.points})
        step = max(1, len(years) // 8)
        shown = years[::-1][::step][::-1]  # counted back from the latest, which is labelled
        layout["xaxis"] = {
            **layout["xaxis"],
            "tickvals": shown,
            "ticktext": [indicator.period.label(year) for year in shown],
        }
    layout["annotations"] = []
    layout["shapes"] = []
    if plot.state.view == "ratio":
        layout["shapes"].append(_hline(1.0))
    elif plot.state.view == "difference":
        layout["shapes"].append(_hline(0.0))
    if plot.state.view != "indexed":
        traces.extend(_mark_crossovers(plot, catalog, layout))
    if plot.state.events:
        _mark_events(plot, catalog, layout)
    if not traces:
        layout["annotations"].append(
            {
                "text": "No data for this selection",
                "xref": "paper",
                "yref": "paper",
                "x": 0.5,
                "y": 0.5,
                "showarrow": False,
                "font": {"size": 18},
            }
        )
    layout["meta"] = {"export": export_layout(plot, catalog, layout["annotations"])}
    return {"data": traces, "layout": layout}


def _whole_ticks(plot: Plot, catalog: Catalog, layout: dict[str, Any]) -> None:
    """Axes that say what the data can mean: whole years; for counts, whole numbers; and for a
    level of something that cannot be negative, on a linear scale, an axis from zero (an axis
    that starts near the data makes +3% look like a climb)."""
    indicator = catalog.indicators[plot.state.indicator]
    years = [point.year for line in plot.lines for point in line.points]
    if years and max(years) - min(years) < 10:
        # Plotly steps short spans by half years, printed as "2019 2019" with a whole-year format.
        layout["xaxis"] = {**layout["xaxis"], "tick0": min(years), "dtick": 1}
    levels = plot.state.view in ("levels", "per_million")
    if levels and plot.state.scale == "linear" and indicator.nonnegative:
        layout["yaxis"]["rangemode"] = "tozero"
    values = [point.value for line in plot.lines for point in line.points]
    if plot.state.view == "levels" and indicator.decimals == 0 and values and max(values) < 1000:
        # Below a thousand plotly may step by halves ("603.5 committees"); above, its steps are
        # whole and it abbreviates (250k, 1.2M).
        layout["yaxis"]["tickformat"] = ",d"
        if max(values) <= 10:
            layout["yaxis"]["dtick"] = 1


def chart_heading(plot: Plot, catalog: Catalog) -> tuple[str, str]:
    """The chart's title and subtitle, printed above it on the page (where they wrap to any
    width, unlike a plotly title) and into exported images."""
    title = catalog.indicators[plot.state.indicator].title
    return title, f"{VIEW_LABELS[plot.state.view]}: {plot.y_title}"


def chart_notes(plot: Plot, catalog: Catalog) -> str:
    """The source line and the key to the markers, printed under the chart and into images."""
    return f"{source_line(plot, catalog)} {MARKER_KEY}"


def export_layout(
    plot: Plot, catalog: Catalog, annotations: list[dict[str, Any]]
) -> dict[str, Any]:
    """What an exported image adds to the chart's layout (``assets/clientside.js``): the title,
    subtitle and source lines, wrapped for its width, with margins that hold them all."""
    title, subtitle = chart_heading(plot, catalog)
    title_lines = textwrap.wrap(title, EXPORT_TITLE_CHARS)
    source_lines = [
        *textwrap.wrap(source_line(plot, catalog), EXPORT_SOURCE_CHARS),
        *textwrap.wrap(MARKER_KEY, EXPORT_SOURCE_CHARS),
    ]
    top = 24 + 28 * len(title_lines) + 26 + 44  # title, subtitle, then the legend
    bottom = 56 + 16 * len(source_lines)  # the year ticks, then the source lines
    plot_height = EXPORT_SIZE[1] - top - bottom
    return {
        "width": EXPORT_SIZE[0],
        "height": EXPORT_SIZE[1],
        "margin": {"l": 88, "r": 40, "t": top, "b": bottom},
        "title": {
            "text": "<br>".join(f"<b>{part}</b>" for part in title_lines),
            "subtitle": {"text": subtitle},
            "x": 0,
            "xref": "paper",
            "xanchor": "left",
            "y": 1 - 16 / EXPORT_SIZE[1],
            "yref": "container",
            "yanchor": "top",
            "font": {"size": 22},
        },
        "annotations": [
            *annotations,
            _paper_note("<br>".join(source_lines), y=-48 / plot_height),
        ],
    }


def _line_traces(line: Line, catalog: Catalog, fmt: str, unit: str) -> list[dict[str, Any]]:
    points = line.points
    colour = DERIVED_COLOUR if line.key in ("ratio", "difference") else economy_colour(line.key)
    firm = [point for point in points if point.status != "projection"]
    projected = [point for point in points if point.status == "projection"]
    traces = []
    if firm:
        traces.append(
            _trace(
                line,
                firm,
                catalog,
                fmt,
                unit,
                colour,
                dash="solid" if line.main else "dot",
                symbols=[_symbol(point.status, point.note) for point in firm],
            )
        )
    if projected:
        # Start the dashed segment at the last firm point of the projection's own source, so it
        # reads as that source's continuation.
        own = [point for point in firm if point.source_id == projected[0].source_id]
        bridge = [*own[-1:], *projected]
        symbols = ["circle" for _ in range(len(bridge) - len(projected))]
        symbols += ["diamond-open"] * len(projected)
        trace = _trace(line, bridge, catalog, fmt, unit, colour, dash="dash", symbols=symbols)
        trace["name"] = f"{line.name} (projection)"
        trace["showlegend"] = not firm  # one legend entry per line; the label says the rest
        if line.main:  # label the main projection on the chart itself, at its last point
            _label_last(trace, "projection", colour)
        traces.append(trace)
    return traces


def _label_last(trace: dict[str, Any], text: str, colour: str) -> None:
    trace["mode"] += "+text"
    trace["text"] = [""] * (len(trace["x"]) - 1) + [text]
    trace["textposition"] = "top left"
    trace["textfont"] = {"color": colour, "size": 12}


def _symbol(status: str, note: str) -> str:
    """Open markers for estimates, squares where the source flags a break in the series,
    triangles for values the project derived from a published dataset."""
    if status == "derived":
        return "triangle-up"
    shape = "square" if _flags_break(note) else "circle"
    return f"{shape}-open" if status == "estimate" else shape


def _trace(
    line: Line,
    points: list[Point],
    catalog: Catalog,
    fmt: str,
    unit: str,
    colour: str,
    *,
    dash: str,
    symbols: list[str],
) -> dict[str, Any]:
    sources = catalog.sources
    drawn: list[Point | None] = []
    marks: list[str] = []
    joined = False
    for index, (point, symbol) in enumerate(zip(points, symbols, strict=True)):
        if index:
            if joins(points[index - 1], point, line.main):
                joined = True
            else:
                drawn.append(None)  # plotly breaks a line at a missing value
                marks.append(symbol)
        drawn.append(point)
        marks.append(symbol)
    customdata = [
        [
            point.period,
            point.status,
            sources[point.source_id].citation,  # short: the sources panel gives the full reference
            _shorten(point.locator),
            f"<br>Note: {_shorten(point.note)}" if point.note else "",
        ]
        if point
        else None
        for point in drawn
    ]
    return {
        "type": "scatter",
        # Values no line joins are dots, and their legend entry a dot, not a line.
        "mode": "lines+markers" if joined else "markers",
        "connectgaps": False,
        "name": line.name,
        "legendgroup": line.name,
        "x": [int(point.year) if point else None for point in drawn],
        "y": [float(point.value) if point else None for point in drawn],
        "customdata": customdata,
        # Other sources' series are drawn thinner, so the main series stays the main line.
        "line": {"color": colour, "width": 3 if line.main else 1.5, "dash": dash},
        "marker": {
            "color": colour,
            "size": 8 if line.main else 6,
            "symbol": marks,
            "line": {"width": 2 if line.main else 1},
        },
        "hovertemplate": (
            f"<b>{line.name}</b>, %{{customdata[0]}}<br>%{{y:{fmt}}} {unit}"
            "<br>Status: %{customdata[1]}<br>Source: %{customdata[2]}"
            "<br>Where: %{customdata[3]}%{customdata[4]}<extra></extra>"
        ),
    }


def _flags_break(note: str) -> bool:
    """Whether a value's note says the source breaks its series there (OECD flag B, a new
    survey method): drawn as a square, and never joined to another document's value before."""
    return "break in series" in note.lower()


def joins(before: Point, after: Point, main: bool) -> bool:
    """Whether a line joins two consecutive values: values of one source, or of the documents
    declared as one main series (annual communiqués) unless a break in series stands between
    them, at most ``MAX_LINE_GAP`` years apart; a source's projection continues its own line."""
    if before.status == "projection" or after.status == "projection":
        return before.source_id == after.source_id
    if before.source_id == after.source_id:
        one_series = True  # a break the source flags within its own series is a square on it
    else:
        # Two documents of a main series join only where nothing says their bases differ.
        one_series = main and not _flags_break(after.note)
    return one_series and after.year - before.year <= MAX_LINE_GAP


def _shorten(text: str) -> str:
    return _shorten_to(text, HOVER_LOCATOR_CHARS)


def _paper_note(text: str, *, y: float) -> dict[str, Any]:
    return {
        "text": text,
        "xref": "paper",
        "yref": "paper",
        "x": 0,
        "y": y,
        "xanchor": "left",
        "yanchor": "top",
        "showarrow": False,
        "align": "left",
        "font": {"size": 11, "color": "#444444"},
    }


def _hline(y: float) -> dict[str, Any]:
    return {
        "type": "line",
        "xref": "paper",
        "x0": 0,
        "x1": 1,
        "yref": "y",
        "y0": y,
        "y1": y,
        "line": {"color": "#767676", "width": 1, "dash": "dot"},
    }


def _vline(x: float, line: dict[str, Any]) -> dict[str, Any]:
    """A line from the bottom to the top of the plot at year ``x``."""
    return {
        "type": "line",
        "xref": "x",
        "x0": x,
        "x1": x,
        "yref": "paper",
        "y0": 0,
        "y1": 1,
        "line": line,
    }


def _mark_crossovers(plot: Plot, catalog: Catalog, layout: dict[str, Any]) -> list[dict[str, Any]]:
    """A dashed line where the lines cross, and its legend entry, which says who overtook whom
    and between which observations: labels on the plot overprinted each other where crossings
    are close, and the legend on a phone."""
    names = {code: economy.label for code, economy in catalog.economies.items()}
    entries = []
    for crossing in plot.crossings:
        before, after = crossing.between
        if after - before > 1:
            # Observations years apart: the crossing is somewhere in the interval, drawn as
            # such, never at an interpolated year that no data show.
            layout["shapes"].append(
                {
                    "type": "rect",
                    "xref": "x",
                    "x0": before,
                    "x1": after,
                    "yref": "paper",
                    "y0": 0,
                    "y1": 1,
                    "fillcolor": "#767676",
                    "opacity": 0.12,
                    "line": {"width": 0},
                    "layer": "below",
                }
            )
        else:
            layout["shapes"].append(_vline(crossing.year, CROSSING_LINE))
        entries.append(
            {
                "type": "scatter",
                "mode": "lines",
                "x": [None],
                "y": [None],
                "name": f"{names[crossing.leader]} overtakes {names[crossing.follower]} "
                f"({crossing.between[0]}–{crossing.between[1]})",
                "line": CROSSING_LINE,
                "hoverinfo": "skip",
                "meta": "crossing",  # a legend entry, not data
            }
        )
    return entries


def events_in_view(plot: Plot, catalog: Catalog) -> list[Event]:
    """Policy events within the view's years."""
    first, last = plot.state.years
    return [event for event in catalog.events if first <= event.position < last + 1]


EVENT_ROWS = 4
"""Rows of event numbers at the top of the plot: events close in time take the next row down
instead of printing over each other."""
EVENT_ROOM = 1 / 15
"""The share of the years in view one number needs, on a phone's plot (about 250 px)."""


def event_rows(positions: list[float], span: float) -> list[int]:
    """The row of each event's number: the first row whose last number is far enough left."""
    last: list[float | None] = [None] * EVENT_ROWS
    rows = []
    for number, position in enumerate(positions):
        free = [row for row, x in enumerate(last) if x is None or position - x >= span * EVENT_ROOM]
        row = free[0] if free else number % EVENT_ROWS  # crowded beyond all rows: cycle
        last[row] = position
        rows.append(row)
    return rows


def _mark_events(plot: Plot, catalog: Catalog, layout: dict[str, Any]) -> None:
    events = events_in_view(plot, catalog)
    first, last = plot.state.years
    rows = event_rows([event.position for event in events], max(1, last + 1 - first))
    for number, (event, row) in enumerate(zip(events, rows, strict=True), start=1):
        layout["shapes"].append(
            _vline(event.position, {"color": "#8a8a8a", "width": 1, "dash": "dot"})
        )
        # Only the number on the chart, where many events would not fit as text; the full,
        # cited list is printed under the chart with the same numbers.
        layout["annotations"].append(
            {
                "text": str(number),
                "hovertext": f"{event.date}: {event.title}",
                "xref": "x",
                "yref": "paper",
                "x": event.position,
                # Inside the top of the plot, clear of the legend above it.
                "y": 1.0,
                "yanchor": "top",
                "yshift": -18 * row,
                "showarrow": False,
                "font": {"size": 10, "color": "#333333"},
                "bgcolor": "#ffffff",
                "bordercolor": "#8a8a8a",
                "borderwidth": 1,
                "borderpad": 1,
            }
        )


def _shorten_to(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
