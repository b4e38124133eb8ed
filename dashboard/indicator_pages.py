"""Everything about one number (``/indicators/<id>``), and the index of them (``/sources``).

An indicator's page gathers what a reader needs before quoting it: the definition, what to
know (caveats), what each source holds (years per economy), each source with its edition, terms,
where the latest value stands in it and when it was published, related indicators, the
downloads with a line to load them, and how to cite it. Plain HTML, like the other text pages.
"""

from __future__ import annotations

from typing import Any

from dash import html

from dashboard.layout import aria, data_table, labelled_row, source_card
from dashboard.site import site_path
from dashboard.state import default_url
from indicators import Catalog
from indicators.catalog import Row
from indicators.models import Indicator

RELATED = 6
"""Related indicators listed: a handful to follow, not the catalog again."""


def indicator_page(catalog: Catalog, indicator_id: str, site: str) -> html.Section:
    """The page of one indicator; ``site`` (``https://host/``) makes the download lines whole."""
    indicator = catalog.indicators[indicator_id]
    return html.Section(
        [
            html.P(
                [
                    html.A("Sources and definitions", href=site_path("/sources")),
                    f" › {indicator.category.label}",
                ],
                className="breadcrumb",
            ),
            html.H1(indicator.title),
            html.P(indicator.description, className="description"),
            html.P(
                [
                    html.A("Open the chart", href=site_path(default_url(catalog, indicator_id))),
                    " · ",
                    html.A(
                        "Download the values (CSV)", href=site_path(f"/download/{indicator_id}.csv")
                    ),
                ]
            ),
            html.H2("Definition"),
            html.P(indicator.definition),
            html.P(
                [
                    html.Strong("Unit: "),
                    indicator.unit,
                    " · ",
                    html.Strong("Years: "),
                    "academic years, named by their start"
                    if indicator.period.value == "academic_year"
                    else "calendar years",
                ]
            ),
            *_caveats(indicator),
            html.H2("What each source holds"),
            _coverage(catalog, indicator),
            html.H2("Sources"),
            *_sources(catalog, indicator),
            html.H2("Related indicators"),
            _related(catalog, indicator),
            html.H2("Use the data"),
            *_use(catalog, indicator, site),
        ],
        id=f"indicator-page-{indicator_id}",
        className="page indicator-page",
    )


def _caveats(indicator: Indicator) -> list[Any]:
    if not indicator.caveats:
        return []
    return [html.H2("What you should know"), html.Ul([html.Li(c) for c in indicator.caveats])]


COVERAGE_COLUMNS = ("Source", "Economies and years")


def _coverage(catalog: Catalog, indicator: Indicator) -> html.Table:
    label = indicator.period.label
    names = {code: economy.label for code, economy in catalog.economies.items()}
    rows = []
    for held in catalog.coverage(indicator.id):
        citation = catalog.sources[held.source_id].citation
        economies = "; ".join(
            f"{names[code]}: {count} value{'s' if count > 1 else ''}, "
            + (label(first) if first == last else f"{label(first)}–{label(last)}")
            for code, (count, first, last) in held.economies.items()
        )
        cells: tuple[Any, ...] = (
            html.A(
                citation + (" (main series)" if held.main else ""), href=f"#source-{held.source_id}"
            ),
            economies,
        )
        rows.append(labelled_row(COVERAGE_COLUMNS, cells))
    caption = "Values per economy, with their first and last year"
    return data_table(caption, COVERAGE_COLUMNS, rows, "coverage")


def _sources(catalog: Catalog, indicator: Indicator) -> list[Any]:
    newest: dict[str, Row] = {}  # each source's latest value, in one pass over the rows
    for row in catalog.rows(indicator.id):
        if row.source_id not in newest or row.year > newest[row.source_id].year:
            newest[row.source_id] = row
    cards = []
    for source_id in catalog.source_ids(indicator.id):
        latest = newest[source_id]
        source = catalog.sources[source_id]
        card = source_card(catalog, source_id, anchor=True)
        # Where the newest value stands in the source, and when the source was published: how
        # fresh the number is, in the reader's terms.
        card.children.append(
            html.P(
                [
                    html.Strong("Latest value from it: "),
                    f"{catalog.economies[latest.economy].label}, {latest.period}, published "
                    f"{source.published}. ",
                    html.Strong("Next release: "),
                    f"{source.next_release or 'not announced in what we read'}. ",
                    html.Strong("Where: "),
                    latest.locator,
                ],
                className="latest-value",
            )
        )
        cards.append(card)
    return cards


def _related(catalog: Catalog, indicator: Indicator) -> html.Ul:
    """Indicators of the same category first, then those sharing the words people search by."""
    words = {word.casefold() for word in indicator.keywords}

    def closeness(other: Indicator) -> tuple[int, int]:
        shared = len(words & {word.casefold() for word in other.keywords})
        return (other.category != indicator.category, -shared)

    others = [other for other in catalog.indicators.values() if other.id != indicator.id]
    others = [o for o in others if o.category == indicator.category or closeness(o)[1] < 0]
    chosen = sorted(others, key=closeness)[:RELATED]
    if not chosen:
        return html.Ul(html.Li("None in the catalog."))
    return html.Ul(
        [
            html.Li(
                [html.A(other.title, href=site_path(f"/indicators/{other.id}")), f" ({other.unit})"]
            )
            for other in chosen
        ]
    )


def _use(catalog: Catalog, indicator: Indicator, site: str) -> list[Any]:
    csv = f"{site.rstrip('/')}/download/{indicator.id}.csv"
    main = catalog.sources[indicator.main_source]
    citation = (
        f"US–China S&T Indicators, “{indicator.title}”, data version {catalog.version}, "
        f"{site.rstrip('/')}/indicators/{indicator.id}; from {main.publisher}, {main.title}, "
        f"{main.edition}."
    )
    return [
        html.P(
            [
                "One row per value, with its source, status and where it stands in the source. ",
                html.A("This indicator (CSV)", href=site_path(f"/download/{indicator.id}.csv")),
                " · ",
                html.A("Everything (CSV)", href=site_path("/download/all.csv")),
                " · ",
                html.A("The data package", href=site_path("/download/datapackage.zip")),
                " · ",
                html.A("JSON", href=site_path(f"/api/v1/indicators/{indicator.id}/observations")),
            ]
        ),
        html.P(html.Strong("In Python (pandas):")),
        html.Pre(f'import pandas as pd\nvalues = pd.read_csv("{csv}")'),
        html.P(html.Strong("In R:")),
        html.Pre(f'values <- read.csv("{csv}")'),
        html.P(html.Strong("Cite it as:")),
        html.P(citation, className="citation"),
    ]


def sources_index(catalog: Catalog) -> html.Section:
    """``/sources``: every indicator by category, each opening its page, then every source."""
    groups: dict[str, list[Indicator]] = {}
    for indicator in catalog.indicators.values():
        groups.setdefault(indicator.category.label, []).append(indicator)
    contents = html.Nav(
        [
            html.H2("Categories", id="contents"),
            html.Ul(
                [
                    html.Li(html.A(label, href=f"#category-{index}"))
                    for index, label in enumerate(groups)
                ]
                + [html.Li(html.A(f"All {len(catalog.sources)} sources, A to Z", href="#sources"))]
            ),
        ],
        className="contents",
        **aria(labelledby="contents"),
    )
    sections: list[Any] = []
    for index, (label, indicators) in enumerate(groups.items()):
        sections.append(html.H2(label, id=f"category-{index}"))
        sections.append(
            html.Ul(
                [
                    html.Li(
                        [
                            # The old anchors (/sources#indicator-<id>) still land on the entry.
                            html.A(
                                indicator.title,
                                href=site_path(f"/indicators/{indicator.id}"),
                                id=f"indicator-{indicator.id}",
                            ),
                            f": {indicator.description} ",
                            html.Span(
                                f"Main source: {catalog.sources[indicator.main_source].citation}.",
                                className="muted",
                            ),
                        ]
                    )
                    for indicator in indicators
                ],
                className="indicator-index",
            )
        )
    users: dict[str, list[str]] = {}
    for indicator_id in catalog.indicators:
        for source_id in catalog.source_ids(indicator_id):
            users.setdefault(source_id, []).append(indicator_id)
    ordered = sorted(catalog.sources, key=lambda s: catalog.sources[s].citation.casefold())
    sources = [_source_entry(catalog, source_id, users.get(source_id, [])) for source_id in ordered]
    return html.Section(
        [
            html.H1("Sources and definitions"),
            html.P(
                [
                    "Each indicator has a page with its definition, what to know, what each "
                    "source holds and how to cite it. ",
                    html.A("Download all data (CSV)", href=site_path("/download/all.csv")),
                    " or ",
                    html.A("the data package", href=site_path("/download/datapackage.zip")),
                    f" (data version {catalog.version}).",
                ]
            ),
            contents,
            *sections,
            html.H2("Sources", id="sources"),
            html.Ul(sources, className="source-index"),
        ],
        id="sources-page",
        className="page",
    )


def _source_entry(catalog: Catalog, source_id: str, indicator_ids: list[str]) -> html.Li:
    source = catalog.sources[source_id]
    used: list[Any] = []
    for number, indicator_id in enumerate(indicator_ids):
        used += [
            ", " if number else " Used by ",
            html.A(
                catalog.indicators[indicator_id].title,
                href=site_path(f"/indicators/{indicator_id}#source-{source_id}"),
            ),
        ]
    return html.Li(
        [
            html.A(source.citation, href=source.url, target="_blank", rel="noopener noreferrer"),
            f" — {source.publisher}, {source.title}; {source.edition}.",
            *used,
            "." if used else "",
        ],
        id=f"source-{source_id}",
    )
