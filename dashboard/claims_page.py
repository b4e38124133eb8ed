"""The Claims page: every registered claim, its verdict, and the chart view that shows it."""

from __future__ import annotations

from typing import Any, cast

from dash import html

from dashboard import ids
from dashboard.state import ViewState, choices, default_state, to_query
from indicators import Catalog
from indicators.claims import (
    CheckResult,
    Claim,
    ClaimResult,
    ComparisonCheck,
    CrossoverCheck,
    RatioCheck,
    ShareCheck,
    evaluate_all,
)

VERDICT_LABELS = {
    "consistent": "Consistent with the data",
    "differs": "Differs from the data",
    "not checkable": "Not checkable",
}


def claim_url(catalog: Catalog, claim: Claim) -> str | None:
    """The chart view that shows a claim's first check (None for a claim without checks)."""
    if not claim.checks:
        return None
    check = claim.checks[0]
    indicator = check.part_indicator if isinstance(check, ShareCheck) else check.indicator
    allowed = choices(catalog, indicator)
    state: ViewState = default_state(catalog, indicator)
    if isinstance(check, RatioCheck):
        state = ViewState(
            indicator, "ratio", "linear", state.years, state.economies, state.base_year
        )
    if isinstance(check, CrossoverCheck | ComparisonCheck | RatioCheck):
        return "/" + to_query(state)
    economy = check.part_economy if isinstance(check, ShareCheck) else check.economy
    economies = tuple(dict.fromkeys([*state.economies, economy]))
    economies = tuple(code for code in allowed.economies if code in economies)
    source = getattr(check, "source", None)
    main = catalog.indicators[indicator].main_source
    state = ViewState(
        state.indicator,
        "levels",
        "linear",
        state.years,
        economies,
        state.base_year,
        all_sources=bool(source and source != main),
    )
    return "/" + to_query(state)


CHECK_COLUMNS = ("Claimed", "Computed from the data", "Basis", "Verdict", "Data sources")


def _check_row(catalog: Catalog, result: CheckResult) -> html.Tr:
    sources = [catalog.sources[source_id].citation for source_id in result.sources]
    cells: tuple[Any, ...] = (
        result.claimed,
        result.computed or "—",
        result.basis or "as published",
        html.Span(result.verdict, className=f"verdict verdict-{_slug(result.verdict)}"),
        "; ".join(sources) or result.reason,
    )
    # Each cell names its column, for the phone layout that stacks a row's cells (style.css).
    return html.Tr(
        [
            html.Td(cell, **cast(dict[str, Any], {"data-label": label}))
            for label, cell in zip(CHECK_COLUMNS, cells, strict=True)
        ]
    )


def _slug(verdict: str) -> str:
    return verdict.replace(" ", "-")


def _checks_table(catalog: Catalog, results: tuple[CheckResult, ...], caption: str) -> html.Table:
    return html.Table(
        [
            html.Caption(caption),
            html.Thead(html.Tr([html.Th(label, scope="col") for label in CHECK_COLUMNS])),
            html.Tbody([_check_row(catalog, result) for result in results]),
        ],
        className="data-table checks",
    )


def claim_card(catalog: Catalog, result: ClaimResult) -> html.Article:
    """One claim with its verdict, figures, report and a link to the chart."""
    claim = result.claim
    report = catalog.sources[claim.report]
    parts: list[Any] = [
        html.H3(claim.claim, id=f"claim-{claim.id}"),
        # The report's own words, so a reader judges the restatement above by them.
        *([html.Blockquote(html.P(claim.quote), className="report-quote")] if claim.quote else []),
        html.P(
            [
                html.Span(
                    VERDICT_LABELS[result.verdict],
                    className=f"verdict verdict-{_slug(result.verdict)}",
                ),
                " · ",
                html.A(
                    report.citation, href=report.url, target="_blank", rel="noopener noreferrer"
                ),
                f", {claim.locator}",
            ]
        ),
    ]
    if result.checks:
        parts.append(_checks_table(catalog, result.checks, "How the claim was checked"))
    reasons = [check.reason for check in result.checks if check.verdict == "not checkable"]
    if reasons:
        parts.append(html.P("Not checkable: " + "; ".join(reasons) + "."))
    if claim.needs:
        parts.append(html.P(["What would be needed: ", claim.needs]))
    if result.alternatives:
        parts.append(
            _checks_table(
                catalog,
                result.alternatives,
                "The same figure on other bases (not deciding the verdict)",
            )
        )
    url = claim_url(catalog, claim)
    if url:
        parts.append(html.P(html.A("Open the chart that shows it", href=url)))
    return html.Article(parts, className="card claim", id=f"claim-card-{claim.id}")


def claims_page(catalog: Catalog) -> html.Section:
    """Every claim in ``claims.yaml`` with its verdict, grouped by report."""
    results = evaluate_all(catalog)
    counts = {verdict: sum(r.verdict == verdict for r in results) for verdict in VERDICT_LABELS}
    reports = list(dict.fromkeys(result.claim.report for result in results))
    sections: list[Any] = []
    for report_id in reports:
        sections.append(html.H2(catalog.sources[report_id].title))
        sections.extend(claim_card(catalog, r) for r in results if r.claim.report == report_id)
    summary = ", ".join(f"{count} {verdict}" for verdict, count in counts.items())
    return html.Section(
        [
            html.H1("The reports' claims, checked"),
            html.P(
                f"{len(results)} claims: {summary}. Each figure is recomputed from the catalog; "
                "a claim is consistent when every check holds within its stated tolerance."
            ),
            *sections,
        ],
        id=ids.CLAIMS_PAGE,
        className="page",
    )
