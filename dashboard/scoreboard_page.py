"""The scoreboard: every indicator on one row, China beside the US, each row opening its chart.

Plain HTML like the sources and claims pages. Filtering and sorting are a form that reloads the
page (``/scoreboard?category=talent&q=phd&sort=ratio``), so a filtered view is a link like any
other and works without scripts. The rows are computed once per catalog
(``indicators.scoreboard``); a page is rendered once per distinct request and kept.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal, cast

from dash import dcc, html

from dashboard import minichart
from dashboard.layout import data_table, labelled_row
from dashboard.site import site_path
from dashboard.state import default_state, default_url
from dashboard.summary import number
from dashboard.views import Line, Plot, Point
from indicators import Catalog
from indicators.scoreboard import CHINA, US, ScoreRow, Trend, scoreboard
from indicators.types import Category

Sort = Literal["category", "ratio", "higher"]
SORTS: dict[str, str] = {
    "category": "by category",
    "ratio": "by China ÷ US, highest first",
    "higher": "by who is higher: China first",
}
MAX_QUERY = 80
"""Longest search text accepted: the words people use are short."""

COLUMNS = (
    "Indicator",
    "China, latest",
    "US, latest",
    "China ÷ US",
    "Higher",
    "Last ten years",
    "Trend",
    "Source",
)


class BadRequest(ValueError):
    """A filter the page does not know; the message says which and what it accepts."""


@dataclass(frozen=True)
class Filters:
    """What a visitor asked the scoreboard for."""

    category: str = ""
    query: str = ""
    sort: Sort = "category"

    @classmethod
    def parse(cls, args: Mapping[str, str]) -> Filters:
        """Read the page's query string; raise ``BadRequest`` for values it cannot mean."""
        unknown = sorted(set(args) - {"category", "q", "sort"})
        if unknown:
            raise BadRequest(f"unknown parameter {unknown[0]!r}: use category, q and sort")
        category = args.get("category", "")
        if category and category not in {c.value for c in Category}:
            raise BadRequest(f"unknown category {category!r}")
        query = " ".join(args.get("q", "").split())
        if len(query) > MAX_QUERY:
            raise BadRequest(f"the search text is longer than {MAX_QUERY} characters")
        sort = args.get("sort", "category") or "category"
        if sort not in SORTS:
            raise BadRequest(f"unknown sort {sort!r}: use {', '.join(SORTS)}")
        return cls(category, query, cast(Sort, sort))


def rows_for(catalog: Catalog, filters: Filters) -> list[ScoreRow]:
    """The rows a visitor asked for, in the order asked for."""
    words = filters.query.lower().split()
    chosen = []
    for row in scoreboard(catalog):
        indicator = catalog.indicators[row.indicator_id]
        if filters.category and indicator.category.value != filters.category:
            continue
        text = " ".join(
            [indicator.title, indicator.description, indicator.unit, *indicator.keywords]
        ).lower()
        if all(word in text for word in words):
            chosen.append(row)
    order = [c.value for c in Category]
    if filters.sort == "ratio":
        chosen.sort(key=lambda r: (r.ratio is None, -(r.ratio or 0)))
    elif filters.sort == "higher":
        rank = {CHINA: 0, US: 1}
        chosen.sort(key=lambda r: rank.get(r.higher.economy, 2) if r.higher else 2)
    else:
        chosen.sort(key=lambda r: order.index(catalog.indicators[r.indicator_id].category.value))
    return chosen


def scoreboard_page(catalog: Catalog, filters: Filters) -> html.Section:
    """The page: the filter form, then a row (a card on a phone) per indicator."""
    rows = rows_for(catalog, filters)
    china_higher = sum(1 for r in rows if r.higher and r.higher.economy == CHINA)
    us_higher = sum(1 for r in rows if r.higher and r.higher.economy == US)
    summary = (
        f"{len(rows)} indicators. Where both have values, China's is higher in {china_higher} "
        f"and the US's in {us_higher}. Higher is not always better: read each row's unit."
    )
    return html.Section(
        [
            html.H1("The US and China, indicator by indicator"),
            html.P(summary, className="report-summary"),
            _form(filters),
            html.P(
                [
                    "Trend lines: ",
                    html.Span("China", className="key-china"),
                    " and ",
                    html.Span("US", className="key-us"),
                    ", each economy's main series by year. Each row opens its chart.",
                ],
                className="muted",
            ),
            _table(catalog, rows),
        ],
        id="scoreboard",
        className="page scoreboard",
    )


def _form(filters: Filters) -> html.Form:
    categories = [html.Option("All categories", value="")] + [
        html.Option(c.label, value=c.value, selected=c.value == filters.category)
        for c in Category
        if c != Category.CONTEXT
    ]
    sorts = [
        html.Option(label, value=key, selected=key == filters.sort) for key, label in SORTS.items()
    ]
    return html.Form(
        [
            html.Label(["Category ", html.Select(categories, name="category")]),
            html.Label(
                [
                    "Search ",
                    dcc.Input(
                        type="search",
                        name="q",
                        value=filters.query,
                        maxLength=MAX_QUERY,
                        placeholder="e.g. PhD, patents, R&D",
                    ),
                ]
            ),
            html.Label(["Sort ", html.Select(sorts, name="sort")]),
            html.Button("Show", type="submit"),
        ],
        method="get",
        action=site_path("/scoreboard"),
        className="scoreboard-filters",
    )


def _table(catalog: Catalog, rows: list[ScoreRow]) -> html.Table | html.P:
    if not rows:
        return html.P("No indicator matches. Try fewer or other words, or all categories.")
    caption = "Latest values, the ratio and the last ten years, from each main series"
    return data_table(caption, COLUMNS, [_row(catalog, row) for row in rows], "score")


def _row(catalog: Catalog, row: ScoreRow) -> html.Tr:
    indicator = catalog.indicators[row.indicator_id]
    url = site_path(default_url(catalog, row.indicator_id))
    title = html.Div(
        [
            html.A(indicator.title, href=url),
            html.Span(f"{indicator.category.label} · {indicator.unit}", className="muted"),
        ]
    )
    cells: tuple[Any, ...] = (
        title,
        _latest(catalog, row, CHINA),
        _latest(catalog, row, US),
        f"{row.ratio:.2f} ({row.ratio_period})" if row.ratio is not None else "—",
        _higher(row),
        _trends(row, indicator.is_share),
        _sparkline(catalog, row),
        # The sources of the values shown: the latest may come from beyond the main series.
        "; ".join(
            dict.fromkeys(
                catalog.sources[latest.source_id].citation for latest in row.latest.values()
            )
        ),
    )
    return labelled_row(COLUMNS, cells)


def _latest(catalog: Catalog, row: ScoreRow, code: str) -> str:
    latest = row.latest.get(code)
    if latest is None:
        return "—"
    indicator = catalog.indicators[row.indicator_id]
    status = "" if latest.status == "reported" else f", {latest.status}"
    value = number(latest.value, indicator.decimals)
    return f"{value} {indicator.short_unit} ({latest.period}{status})"


def _higher(row: ScoreRow) -> str:
    if row.higher is None:
        return "—"
    name = "China" if row.higher.economy == CHINA else "US"
    if row.higher.since is None:
        return f"{name}, throughout (since {row.higher.first_period})"
    before, after = row.higher.since
    if after - before > 1:
        return f"{name}, since between {before} and {after}"
    return f"{name}, since {after}"


def _trends(row: ScoreRow, share: bool) -> list[Any]:
    parts: list[Any] = []
    for code, name in ((CHINA, "China"), (US, "US")):
        trend = row.trends.get(code)
        if trend is not None:
            parts.append(html.Div(f"{name} {_arrow(trend)} {_change(trend, share)}"))
    return parts or ["—"]


def _arrow(trend: Trend) -> str:
    return {"rising": "↑", "falling": "↓", "flat": "→"}[trend.direction]


def _change(trend: Trend, share: bool) -> str:
    span = f"{trend.start_period}–{trend.end_period}"
    if share:
        return f"{trend.change:+.1f} points, {span}"
    return f"{trend.change * 100:+.0f}%, {span}"


def _sparkline(catalog: Catalog, row: ScoreRow) -> Any:
    names = {CHINA: "China", US: "US"}
    lines = tuple(
        Line(
            code,
            names[code],
            tuple(Point(year, str(year), value, "reported", "", "", "") for year, value in values),
        )
        for code, values in row.sparkline.items()
    )
    if not lines:
        return "—"
    state = default_state(catalog, row.indicator_id)
    title = f"{catalog.indicators[row.indicator_id].title}: China and US, by year"
    return html.Div(
        minichart.svg(Plot(state, lines, (), ""), title, minichart.SPARK), className="sparkline"
    )
