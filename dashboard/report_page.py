"""A report read beside the data: its sections in order, each claim with the report's words,
the verdict, then and now, and a small chart of the series behind it; the charts the report
reproduces are redrawn from the catalog, first from the same edition, then from the latest data.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from dash import html

from dashboard import minichart
from dashboard.claims_page import VERDICT_LABELS, claim_card, claim_state
from dashboard.layout import aria
from dashboard.minichart import SMALL
from dashboard.site import site_path
from dashboard.state import default_state, default_url
from dashboard.views import Line, Plot, Point, build
from indicators import Catalog
from indicators.catalog import Row
from indicators.claims import Claim, ClaimResult, evaluate_all
from indicators.models import Report, ReportFigure


def report_page(catalog: Catalog, report: Report) -> html.Section:
    """The page of one report: ``/reports/<id>``."""
    source = catalog.sources[report.source]
    results = [r for r in evaluate_all(catalog) if r.claim.report == report.source]
    counts = {verdict: sum(r.verdict == verdict for r in results) for verdict in VERDICT_LABELS}
    summary = ", ".join(f"{count} {verdict}" for verdict, count in counts.items() if count)
    parts: list[Any] = [
        html.H1(source.title),
        html.P(
            [
                f"{source.publisher}, {source.edition}. ",
                html.A("The report", href=source.url, target="_blank", rel="noopener noreferrer"),
                " · ",
                html.A("All claims of both reports", href=site_path("/claims")),
            ]
        ),
        html.P(report.read),
        html.P(f"{len(results)} statements registered: {summary}.", className="report-summary"),
    ]
    if report.sections:
        parts.append(_contents(report, results))
        for index, section in enumerate(report.sections):
            parts.append(_section(catalog, report, section, index, results))
    else:
        parts.append(html.H2("The readable excerpts, in the order of the extracted text"))
        parts.extend(_card(catalog, result) for result in results)
    return html.Section(parts, id=f"report-{report.id}", className="page report")


def _contents(report: Report, results: list[ClaimResult]) -> html.Nav:
    items = []
    for index, section in enumerate(report.sections):
        count = sum(r.claim.section == section for r in results)
        note = f" ({count})" if count else " (no figures)"
        items.append(html.Li([html.A(section, href=f"#section-{index}"), note]))
    return html.Nav(
        [html.H2("Sections"), html.Ol(items)], className="contents", **aria(label="Sections")
    )


def _section(
    catalog: Catalog, report: Report, section: str, index: int, results: list[ClaimResult]
) -> html.Section:
    cards: list[Any] = [_card(catalog, r) for r in results if r.claim.section == section]
    if not cards:
        cards = [html.P("This section states no figure a dataset could bear out.")]
    figures = [_figure(catalog, f) for f in report.figures if f.after == section]
    return html.Section(
        [html.H2(section, id=f"section-{index}"), *cards, *figures], className="report-section"
    )


def _card(catalog: Catalog, result: ClaimResult) -> html.Article:
    state = claim_state(catalog, result.claim)
    extra: list[Any] = []
    if state is not None:
        indicator = catalog.indicators[state.indicator]
        # The main series, and other sources only for the years it lacks: a small chart with every
        # source's line would be all key (the chart view, one link away, draws them all).
        named = _economies(result.claim) or set(state.economies)
        economies = tuple(code for code in state.economies if code in named)
        plot = build(catalog, replace(state, all_sources=False, economies=economies))
        extra = [_chart(plot, f"{indicator.title}: the series behind the claim")]
    return claim_card(catalog, result, extra)


def _economies(claim: Claim) -> set[str]:
    """The economies a claim's checks with data are about (both sides of a comparison)."""
    named: set[str] = set()
    for check in claim.checks:
        for field in ("economy", "part_economy", "leader", "follower", "greater", "lesser"):
            code = getattr(check, field, None)
            if code:
                named.add(code)
        if check.kind == "ratio":
            named |= {check.numerator, check.denominator}
    return named


def _chart(plot: Plot, title: str, size: minichart.Size = minichart.SMALL) -> html.Figure:
    drawn = [minichart.svg(plot, title, size)]
    if size != minichart.SMALL:
        drawn = minichart.drawings(plot, title, size, SMALL)
    return html.Figure(
        [
            html.Div(drawn, className="chart-box"),
            html.Figcaption([html.Span(title), minichart.key(plot)]),
        ],
        className="minichart-figure",
    )


def _edition_plot(catalog: Catalog, figure: ReportFigure) -> Plot:
    """The edition the report's chart was drawn from, as the catalog holds it."""
    state = default_state(catalog, figure.indicator)
    names = {code: economy.label for code, economy in catalog.economies.items()}
    lines = []
    for code in figure.economies:
        rows = catalog.select(figure.indicator, sources=figure.edition, economies=(code,))
        # One value a year: the first source of the edition that has it.
        by_year: dict[int, Row] = {}
        for source_id in figure.edition:
            for row in rows:
                if row.source_id == source_id:
                    by_year.setdefault(row.year, row)
        points = tuple(
            Point(r.year, r.period, r.value, r.status, r.source_id, r.locator, r.note)
            for r in sorted(by_year.values(), key=lambda r: r.year)
        )
        if points:
            lines.append(Line(code, names[code], points))
    return Plot(state, tuple(lines), (), catalog.indicators[figure.indicator].unit)


def _figure(catalog: Catalog, figure: ReportFigure) -> html.Article:
    indicator = catalog.indicators[figure.indicator]
    later_id = figure.later_indicator or figure.indicator
    later = catalog.indicators[later_id]
    state = default_state(catalog, later_id)
    economies = tuple(code for code in figure.economies if code in state.economies)
    state = replace(state, economies=economies or state.economies)
    cited = "; ".join(catalog.sources[s].citation for s in figure.edition)
    return html.Article(
        [
            html.H3(f"The report's figure, redrawn: {indicator.title}", id=figure.id),
            html.Blockquote(html.P(figure.caption), className="report-quote"),
            html.P(figure.shows),
            html.Div(
                [
                    _chart(
                        _edition_plot(catalog, figure),
                        f"As in the report: {indicator.title} ({cited})",
                        minichart.WIDE,
                    ),
                    _chart(
                        build(catalog, state),
                        f"Latest in the catalog: {later.title}",
                        minichart.WIDE,
                    ),
                ],
                className="figure-pair",
            ),
            *([html.P(figure.later_note, className="finding")] if figure.later_note else []),
            html.P(
                html.A(
                    "Open the latest data in the chart view",
                    href=site_path(default_url(catalog, later_id)),
                )
            ),
        ],
        className="card report-figure",
        id=f"figure-{figure.id}",
    )
