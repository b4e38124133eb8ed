"""Component factories: the page shell, the chart explorer and the sources page.

The chart page and "not found" are in the layout from the start and shown by path, so every
callback's components always exist, and the chart page is drawn with the view at its address (the
bare address's, a shared link's: ``callbacks.arrives_drawn``), so a first visit runs no callback.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, cast

from dash import dcc, html

from dashboard import ids
from dashboard.markup import HtmlBlock
from dashboard.site import site_path
from dashboard.tables import DEFAULT_SORT, table
from indicators import Catalog, Indicator
from indicators.models import Event
from indicators.types import Category

GRAPH_CONFIG: dict[str, Any] = {
    "displaylogo": False,
    "responsive": True,
    # No cloud upload ("Share chart…"), none of the selection tools a line chart has no use
    # for, and no image of the plot alone: Save PNG and Save SVG add title and sources.
    "modeBarButtonsToRemove": [
        "sendChartToCloud",
        "toImage",
        "select2d",
        "lasso2d",
        "autoScale2d",
    ],
}


def aria(**attributes: str) -> dict[str, Any]:
    """ARIA attributes as keyword arguments: ``aria(label="Main")`` gives ``aria-label``."""
    return {f"aria-{name.replace('_', '-')}": value for name, value in attributes.items()}


def indicator_options(catalog: Catalog) -> list[dict[str, Any]]:
    """Picker options grouped by category: a disabled heading, then its indicators."""
    options: list[dict[str, Any]] = []
    for category in Category:
        members = [i for i in catalog.indicators.values() if i.category == category]
        if not members:
            continue
        options.append(
            {
                "label": category.label.upper(),
                "value": f"category:{category.value}",
                "disabled": True,
            }
        )
        for indicator in members:
            label = f"{indicator.title} — {indicator.unit}"
            options.append(
                {
                    "label": label,
                    "value": indicator.id,
                    "title": indicator.description,
                    # Searched beside the label (title and unit): the words people use for it.
                    # The picker indexes every substring of every word when the page loads, so
                    # the whole description, three times the words, cost more than the rest.
                    "search": searched_words(label, [category.label, *indicator.keywords]),
                }
            )
    return options


def searched_words(label: str, phrases: list[str]) -> str:
    """The words of ``phrases`` that a search of ``label`` would not find already.

    dcc's picker splits on white space, lower-cases, and finds a typed word inside any word of
    the label or of this text (it indexes every substring of each, a third of the work of
    drawing the app): a word inside another one adds nothing to what is found."""
    words = list(dict.fromkeys(w.lower() for phrase in phrases for w in phrase.split()))
    known = label.lower().split()
    kept = [w for w in words if not any(w in other for other in known)]
    return " ".join(w for w in kept if not any(w in other and w != other for other in kept))


def indicator_info(indicator: Indicator) -> list[Any]:
    """Unit and one-line description under the picker, with the full definition one click away."""
    return [
        html.P([html.Strong("Unit: "), indicator.unit], className="unit"),
        html.P(indicator.description, className="description"),
        # The page about the number opens with the definition: on a phone the chart must stay
        # on the first screen (and a link inside the summary would be a control in a control).
        html.Details(
            [
                html.Summary("Definition"),
                html.P(indicator.definition),
                html.P(
                    html.A(
                        "Everything about this indicator: sources, coverage, downloads",
                        href=site_path(f"/indicators/{indicator.id}"),
                    )
                ),
            ]
        ),
    ]


def economy_option(catalog: Catalog, code: str) -> dict[str, Any]:
    """A checklist option; its colour swatch is drawn by CSS (``theme.swatch_css``): a label
    made of components costs Dash's renderer far more than text."""
    return {"label": catalog.economies[code].label, "value": code}


def _field(
    label: str, control: Any, *, field_id: str | None = None, hint: str = "", hidden: bool = False
) -> html.Div:
    children = [html.Label(label, htmlFor=control.id, className="field-label"), control]
    if hint:
        children.append(html.P(hint, className="hint"))
    props: dict[str, Any] = {"id": field_id} if field_id else {}
    return html.Div(children, className="field", hidden=hidden, **props)


def _group(legend: str, control: Any) -> html.Fieldset:
    """A set of choices (checkboxes, radio buttons, a range) under its legend."""
    return html.Fieldset([html.Legend(legend), control])


def _shared(label: str, text: str, text_id: str, copy: str, *, code: bool = False) -> html.Div:
    """One thing to take away from the share panel, with a button that copies it."""
    shown = html.Code(text, id=text_id) if code else html.P(text, id=text_id)
    return html.Div(
        [
            html.Strong(label),
            html.Div([shown, dcc.Clipboard(target_id=text_id, title=copy, className="copy")]),
        ],
        className="shared",
    )


def labelled_row(columns: tuple[str, ...], cells: tuple[Any, ...]) -> html.Tr:
    """A table row whose cells name their column, for the phone layout that stacks a row's
    cells (style.css)."""
    return html.Tr(
        [
            html.Td(cell, **cast(dict[str, Any], {"data-label": label}))
            for label, cell in zip(columns, cells, strict=True)
        ]
    )


def data_table(
    caption: str, columns: tuple[str, ...], rows: list[html.Tr], name: str
) -> html.Table:
    """A captioned table of ``rows`` under a header of ``columns``; ``name`` is its class."""
    return html.Table(
        [
            html.Caption(caption),
            html.Thead(html.Tr([html.Th(label, scope="col") for label in columns])),
            html.Tbody(rows),
        ],
        className=f"data-table {name}",
    )


def _download(label: str, link_id: str, href: str = "") -> html.A:
    """A download link styled as a button; callbacks fill in the view-specific URLs."""
    return html.A(label, id=link_id, className="button", href=href, download="")


def explorer(catalog: Catalog, first: Mapping[str, Any]) -> html.Section:
    """The chart page, drawn with ``first``: the outputs of the view it arrives with
    (``callbacks.update_view``), all but ``callbacks.PANELS`` (the table and source cards, drawn
    when their panels are opened)."""
    # The picker, the chart, then the other settings: on a phone the chart is on the first
    # screen, right under the picker; on wider screens the settings stand in a column beside it.
    # The picker arrives holding only the chosen indicator; the rest wait in a store until a
    # pointer, the focus or a key reaches it (assets/clientside.js fillPicker). dcc's
    # dropdown indexes every substring of every word of its options as it draws them: about a
    # quarter of a phone's blocking time while the page loaded (Lighthouse, 4x slower CPU).
    options = indicator_options(catalog)
    picker = html.Div(
        [
            _field(
                "Indicator",
                dcc.Dropdown(
                    id=ids.INDICATOR,
                    options=[o for o in options if o["value"] == first["indicator"]],
                    value=first["indicator"],
                    clearable=False,
                    searchable=True,
                    optionHeight=56,
                    maxHeight=420,
                ),
            ),
            dcc.Store(id=ids.PICKER_OPTIONS, data=options),
        ],
        className="picker",
    )
    controls = html.Div(
        [
            HtmlBlock(first["indicator_info"], id=ids.INDICATOR_INFO, className="indicator-info"),
            _group(
                "Economies",
                dcc.Checklist(
                    id=ids.ECONOMIES,
                    value=first["economies"],
                    options=first["economy_options"],
                    className="checklist economies",
                    inline=True,
                ),
            ),
            _group(
                "View",
                dcc.RadioItems(
                    id=ids.VIEW,
                    value=first["view"],
                    options=first["view_options"],
                    className="radios",
                ),
            ),
            _group(
                "Scale",
                dcc.RadioItems(
                    id=ids.SCALE,
                    value=first["scale"],
                    inline=True,
                    options=first["scale_options"],
                    className="radios",
                ),
            ),
            _field(
                "Base year (= 100)",
                dcc.Dropdown(
                    id=ids.BASE_YEAR,
                    value=first["base_year"],
                    clearable=False,
                    options=first["base_year_options"],
                ),
                field_id=ids.BASE_YEAR_FIELD,
                hidden=first["base_year_hidden"],
            ),
            dcc.Checklist(
                id=ids.EVENTS,
                options=[{"label": "Show policy events", "value": "on"}],
                value=first["events"],
                className="checklist",
            ),
            dcc.Checklist(
                id=ids.ALL_SOURCES,
                options=[
                    {"label": "Show other sources' series beside the main one", "value": "all"}
                ],
                value=first["all_sources"],
                className="checklist",
            ),
            _group(
                "Years",
                dcc.RangeSlider(
                    id=ids.YEARS,
                    min=first["years_min"],
                    max=first["years_max"],
                    step=1,
                    value=first["years"],
                    # Set with the value, so the range's copy of one into the other as it is
                    # drawn changes nothing (``callbacks.MIRRORS``).
                    drag_value=first["years_dragged"],
                    allowCross=False,
                    marks=None,
                    tooltip={"placement": "bottom"},
                    allow_direct_input=True,
                ),
            ),
        ],
        className="controls",
        role="group",
        **aria(label="Chart settings"),
    )
    chart = html.Div(
        [
            # The chart's title is the page's heading: it wraps to any width, where a plotly
            # title is cut; exported images get it from the figure (``figures.export_layout``).
            html.Hgroup(
                [
                    html.H1(first["chart_title"], id=ids.CHART_TITLE),
                    html.P(first["chart_subtitle"], id=ids.CHART_SUBTITLE),
                ],
                className="chart-heading",
            ),
            html.P(first["sentence"], id=ids.SENTENCE, className="sentence", **aria(live="polite")),
            html.Figure(
                dcc.Graph(
                    id=ids.CHART,
                    config=cast(Any, GRAPH_CONFIG),
                    className="chart",
                    # The first view is drawn into the page, so the chart needs no round trip.
                    figure=first["figure"],
                ),
                # The frame has the height: dcc.Graph sizes itself to 100% of its parent
                # (inline, over any class rule), and a parent of auto height collapsed the chart
                # to 0 px on every redraw after the first.
                className="chart-frame",
                **aria(describedby=ids.SENTENCE),
            ),
            html.P(first["chart_notes"], id=ids.CHART_NOTES, className="chart-notes"),
            html.Div(
                [
                    html.Button("Save PNG", id=ids.EXPORT_PNG, className="button"),
                    html.Button("Save SVG", id=ids.EXPORT_SVG, className="button"),
                    _download("CSV of this view", ids.DOWNLOAD_VIEW, first["download_view"]),
                    _download(
                        "CSV of the whole indicator",
                        ids.DOWNLOAD_INDICATOR,
                        first["download_indicator"],
                    ),
                    _download("All data (CSV)", ids.DOWNLOAD_ALL, site_path("/download/all.csv")),
                    html.Span(id=ids.EXPORT_STATUS, className="visually-hidden"),
                ],
                className="actions",
            ),
            HtmlBlock(first["events_list"], tag="ol", id=ids.EVENTS_LIST, className="events"),
            html.Details(
                [
                    html.Summary("Share or cite this view"),
                    _shared("Link", first["share_link"], ids.SHARE_LINK, "Copy the link"),
                    _shared("Citation", first["citation"], ids.CITATION, "Copy the citation"),
                    _shared(
                        "Embed it in a page",
                        first["share_embed"],
                        ids.SHARE_EMBED,
                        "Copy the embed code",
                        code=True,
                    ),
                    html.P(
                        [
                            "Image of this view, to put in an article: ",
                            html.A("PNG", id=ids.SHARE_PNG, href=first["share_png"]),
                            " · ",
                            html.A("SVG", id=ids.SHARE_SVG, href=first["share_svg"]),
                        ]
                    ),
                    dcc.Store(id=ids.PAGE_TITLE, data=first["page_title"]),
                    dcc.Store(id=ids.PAGE_TITLE_SET),
                    # The words, and the rest of an answer that drew the chart first, follow
                    # the chart (``callbacks.DESCRIPTION``, ``callbacks.chart_first``).
                    dcc.Store(id=ids.CHART_DRAWN),
                    dcc.Store(id=ids.DESCRIBE),
                    dcc.Store(id=ids.FOLLOW),
                    dcc.Store(id=ids.DESCRIBED, data=first["search"]),
                    dcc.Store(id=ids.PANELS_SHOWN),
                ],
                className="cite share",
            ),
            html.Section(
                [html.H2("Caveats"), HtmlBlock(first["caveats"], tag="ul", id=ids.CAVEATS)],
                className="caveats",
            ),
            html.Section(
                [
                    html.H2("Key figures"),
                    HtmlBlock(
                        first["key_figures"], tag="dl", id=ids.KEY_FIGURES, className="key-figures"
                    ),
                ]
            ),
            # Closed until asked for, and filled on opening (``callbacks.PANELS``): drawing
            # their hundreds of elements with the page delayed the chart by about half a second.
            # The headings stay outside the summaries, where every screen reader finds them.
            html.Section(
                [
                    html.H2("Sources for this indicator"),
                    html.Details(
                        [
                            html.Summary(
                                "Show each source, and where every value stands in it",
                                id=ids.SOURCES_SUMMARY,
                            ),
                            html.Div(id=ids.SOURCES_PANEL),
                        ],
                        className="panel",
                    ),
                ]
            ),
            html.Section(
                [
                    html.H2("Data"),
                    html.Details(
                        [
                            html.Summary(
                                "Show the table of the values plotted", id=ids.DATA_SUMMARY
                            ),
                            html.Div(table(DEFAULT_SORT), className="scroll"),
                        ],
                        className="panel",
                    ),
                ]
            ),
            dcc.Store(id=ids.TABLE_SORT, data=DEFAULT_SORT),
        ],
        className="chart-column",
    )
    return html.Section([picker, chart, controls], id=ids.EXPLORER, className="explorer")


def source_card(
    catalog: Catalog, source_id: str, *, anchor: bool = False, locators: list[str] | None = None
) -> html.Article:
    """A source with its publisher, title, edition, link and terms; ``anchor`` gives it the id
    that links point at (only the sources page's cards have one: ids are unique per page)."""
    source = catalog.sources[source_id]
    heading: dict[str, Any] = {"id": f"source-{source.id}"} if anchor else {}
    details: list[Any] = [
        html.H3(source.citation, **heading),
        html.Dl(
            [
                html.Dt("Publisher"),
                html.Dd(source.publisher),
                html.Dt("Title"),
                html.Dd(source.title),
                html.Dt("Edition"),
                html.Dd(source.edition),
                html.Dt("Published"),
                html.Dd(source.published),
                html.Dt("Kind"),
                html.Dd(source.kind.value),
                html.Dt("URL"),
                html.Dd(
                    html.A(source.url, href=source.url, target="_blank", rel="noopener noreferrer")
                ),
                html.Dt("Terms"),
                html.Dd(source.license),
            ],
            className="source-facts",
        ),
    ]
    details.append(
        html.P(
            [
                "Cite: ",
                html.A("BibTeX", href=site_path(f"/cite/{source.id}.bib")),
                " · ",
                html.A("CSL-JSON", href=site_path(f"/cite/{source.id}.json")),
            ],
            className="cite-links",
        )
    )
    # ``notes`` say how the curator read the source: they stay in data/sources.yaml (and the
    # API) for whoever checks the work, and off the page, which is written for readers.
    if locators:
        # One text block, not one element per value: an indicator can have hundreds.
        details.append(
            html.Details(
                [
                    html.Summary(f"Where the values stand ({len(locators)})"),
                    html.Pre("\n".join(locators), className="locators"),
                ]
            )
        )
    return html.Article(details, className="card")


def events_list(catalog: Catalog, events: list[Event]) -> list[html.Li]:
    """The policy events drawn on the chart, numbered as on the chart, each with its source."""
    items = []
    for event in events:
        source = catalog.sources[event.source_id]
        items.append(
            html.Li(
                [
                    html.Strong(f"{event.date} — {event.title}. "),
                    event.description,
                    " ",
                    html.A(
                        f"({source.citation})",
                        href=source.url,
                        target="_blank",
                        rel="noopener noreferrer",
                        title=event.locator,
                    ),
                ]
            )
        )
    return items


def not_found() -> html.Section:
    """Shown for any path the app does not serve."""
    return html.Section(
        [html.H1("Page not found"), html.P(html.A("Go to the chart", href=site_path("/")))],
        id=ids.NOT_FOUND,
        className="page",
        hidden=True,
    )


def header() -> html.Header:
    """Site name and navigation, on every page."""
    return html.Header(
        [
            # The site's name leads to the whole contest at a glance; the chart keeps "/" (and
            # every chart link shared so far).
            html.A("US–China S&T Indicators", href=site_path("/scoreboard"), className="brand"),
            html.Nav(
                [
                    # Short names: the four fit one line of a phone, above the chart.
                    html.A("Scoreboard", href=site_path("/scoreboard")),
                    html.A("Chart", href=site_path("/")),
                    html.A("Claims", href=site_path("/claims")),
                    html.A("Sources", href=site_path("/sources")),
                ],
                **aria(label="Main"),
            ),
        ],
        className="site-header",
    )


def footer(catalog: Catalog) -> html.Footer:
    """Data version and the ways to take the data away, on every page."""
    return html.Footer(
        html.P(
            [
                "Open data and code. Every value is cited with its source; see ",
                html.A("Sources & definitions", href=site_path("/sources")),
                ". Data version ",
                html.Code(catalog.version, id="data-version"),
                " · ",
                html.A("JSON API", href=site_path("/api/v1/")),
                " · ",
                html.A("Data package", href=site_path("/download/datapackage.zip")),
                ".",
            ]
        ),
        className="site-footer",
    )


def skip_link() -> html.A:
    """The first stop of the keyboard on the chart page."""
    return html.A("Skip to the chart", href="#" + ids.CHART, className="skip-link")


def shell(catalog: Catalog, first: Mapping[str, Any], search: str = "") -> html.Div:
    """What Dash draws of the chart page, drawn for the address whose query is ``search`` (the
    bare address, or a shared link's: ``callbacks.arrives_drawn``): the notice and the explorer
    (or "not found"). Its header and footer are plain HTML around it
    (``static_pages.dash_index``), as are the sources and claims pages."""
    return html.Div(
        [
            # The browser fills in the full address (href), and ``callbacks.register`` follows
            # it when it differs from the one drawn.
            dcc.Location(id=ids.URL, refresh=False, pathname=site_path("/"), search=search),
            html.Main(
                [
                    html.Div(first["notice"], id=ids.NOTICE, className="notice", role="status"),
                    explorer(catalog, first),
                    not_found(),
                ]
            ),
        ]
    )
