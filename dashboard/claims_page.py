"""The Claims page: every registered claim, its verdict, and the chart view that shows it."""

from __future__ import annotations

from typing import Any

from dash import html

from dashboard import ids
from dashboard.layout import data_table, labelled_row
from dashboard.site import site_path
from dashboard.state import ViewState, choices, default_state, to_query
from indicators import Catalog, then_now
from indicators.claims import (
    PROBLEM_LABELS,
    CheckResult,
    Claim,
    ClaimResult,
    ComparisonCheck,
    CrossoverCheck,
    DocumentCheck,
    RatioCheck,
    ShareCheck,
    evaluate_all,
)

VERDICT_LABELS = {
    "consistent": "Consistent with the evidence",
    "differs": "Differs from the evidence",
    "not checkable": "Not checkable",
}


def claim_state(catalog: Catalog, claim: Claim) -> ViewState | None:
    """The chart view that shows a claim's first check with data (None when no check has)."""
    check = next((c for c in claim.checks if not isinstance(c, DocumentCheck)), None)
    if check is None:
        return None
    indicator = check.part_indicator if isinstance(check, ShareCheck) else check.indicator
    allowed = choices(catalog, indicator)
    state: ViewState = default_state(catalog, indicator)
    if isinstance(check, RatioCheck):
        return ViewState(
            indicator, "ratio", "linear", state.years, state.economies, state.base_year
        )
    if isinstance(check, CrossoverCheck | ComparisonCheck):
        return state
    economy = check.part_economy if isinstance(check, ShareCheck) else check.economy
    economies = tuple(dict.fromkeys([*state.economies, economy]))
    economies = tuple(code for code in allowed.economies if code in economies)
    source = getattr(check, "source", None)
    main = catalog.indicators[indicator].main_source
    return ViewState(
        state.indicator,
        "levels",
        "linear",
        state.years,
        economies,
        state.base_year,
        all_sources=bool(source and source != main),
    )


def claim_url(catalog: Catalog, claim: Claim) -> str | None:
    """The address of the chart view that shows a claim (None for a claim without data)."""
    state = claim_state(catalog, claim)
    return None if state is None else "/" + to_query(state)


CHECK_COLUMNS = ("Claimed", "Found", "Basis", "Verdict", "Sources")


def _check_row(catalog: Catalog, result: CheckResult) -> html.Tr:
    sources = [catalog.sources[source_id].citation for source_id in result.sources]
    cells: tuple[Any, ...] = (
        result.claimed,
        result.computed or "—",
        result.basis or "as published",
        html.Span(result.verdict, className=f"verdict verdict-{_slug(result.verdict)}"),
        "; ".join(sources) or result.reason,
    )
    return labelled_row(CHECK_COLUMNS, cells)


def _slug(verdict: str) -> str:
    return verdict.replace(" ", "-")


def _checks_table(catalog: Catalog, results: tuple[CheckResult, ...], caption: str) -> html.Table:
    rows = [_check_row(catalog, result) for result in results]
    return data_table(caption, CHECK_COLUMNS, rows, "checks")


def _documents(catalog: Catalog, results: tuple[CheckResult, ...]) -> list[Any]:
    """What each document read says, in its own words, under its citation."""
    return [
        html.Figure(
            [
                html.Blockquote(html.P(result.says)),
                html.Figcaption(_source_link(catalog, result.sources[0])),
            ],
            className="source-says",
        )
        for result in results
        if result.says
    ]


def _source_link(catalog: Catalog, source_id: str) -> html.A:
    source = catalog.sources[source_id]
    return html.A(source.citation, href=source.url, target="_blank", rel="noopener noreferrer")


THEN_NOW_COLUMNS = ("What", "In the report's year", "Latest in the catalog", "Since")


def _then_now(catalog: Catalog, claim: Claim) -> list[Any]:
    """The claim's figures then and now, so a reader sees whether it still holds."""
    rows = []
    for found in then_now.of_claim(catalog, claim):
        latest = "no later value in the catalog"
        since = "—"
        if found.now is not None:
            cited = "; ".join(catalog.sources[s].citation for s in found.now.sources)
            latest = f"{found.now.computed} · {cited}" if cited else found.now.computed
            since = {True: "still holds", False: "has changed", None: "—"}[found.still_holds]
        cells = (found.then.claimed, f"{found.then.computed}", latest, since)
        rows.append(labelled_row(THEN_NOW_COLUMNS, cells))
    if not rows:
        return []
    return [data_table("Then and now", THEN_NOW_COLUMNS, rows, "then-now")]


def claim_card(
    catalog: Catalog, result: ClaimResult, extra: list[Any] | None = None
) -> html.Article:
    """One claim: the report's words, the verdict and the sentence that explains it, then and
    now, the checks, and a link to the chart; ``extra`` goes before the link (a small chart)."""
    claim = result.claim
    report = catalog.sources[claim.report]
    badges: list[Any] = [
        html.Span(
            VERDICT_LABELS[result.verdict], className=f"verdict verdict-{_slug(result.verdict)}"
        )
    ]
    if claim.problem:
        badges += [" ", html.Span(PROBLEM_LABELS[claim.problem], className="problem")]
    parts: list[Any] = [
        html.H3(claim.claim, id=f"claim-{claim.id}"),
        # The report's own words, so a reader judges the restatement above by them.
        *([html.Blockquote(html.P(claim.quote), className="report-quote")] if claim.quote else []),
        html.P(
            [
                *badges,
                " · ",
                html.A(
                    report.citation, href=report.url, target="_blank", rel="noopener noreferrer"
                ),
                f", {claim.locator}",
            ]
        ),
    ]
    if claim.finding:
        parts.append(html.P(claim.finding, className="finding"))
    parts.extend(_then_now(catalog, claim))
    if result.checks:
        parts.append(_checks_table(catalog, result.checks, "How the claim was checked"))
        parts.extend(_documents(catalog, result.checks))
    reasons = [check.reason for check in result.checks if check.verdict == "not checkable"]
    if reasons:
        parts.append(html.P("Not checkable: " + "; ".join(reasons) + "."))
    if claim.needs:
        parts.append(html.P(["What would settle it: ", claim.needs]))
    if claim.searched:
        parts.append(html.P(["Where we looked: ", claim.searched]))
    if result.alternatives:
        parts.append(
            _checks_table(
                catalog,
                result.alternatives,
                "The same figure on other bases or later (not deciding the verdict)",
            )
        )
        parts.extend(_documents(catalog, result.alternatives))
    parts.extend(extra or [])
    url = claim_url(catalog, claim)
    if url:
        parts.append(html.P(html.A("Open the chart that shows it", href=site_path(url))))
    return html.Article(parts, className="card claim", id=f"claim-card-{claim.id}")


def claims_page(catalog: Catalog) -> html.Section:
    """Every claim in ``claims.yaml`` with its verdict, grouped by report."""
    results = evaluate_all(catalog)
    counts = {verdict: sum(r.verdict == verdict for r in results) for verdict in VERDICT_LABELS}
    reports = list(dict.fromkeys(result.claim.report for result in results))
    sections: list[Any] = []
    pages = {report.source: report.id for report in catalog.reports.values()}
    for report_id in reports:
        sections.append(html.H2(catalog.sources[report_id].title))
        if report_id in pages:
            link = html.A(
                "Read the report beside the data", href=site_path(f"/reports/{pages[report_id]}")
            )
            sections.append(html.P([link, ": its sections in order, with small charts."]))
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
