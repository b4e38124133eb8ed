"""Callbacks: they only wire component values to the pure builders.

Each callback is a plain function of its inputs (tested without a server); ``register``
attaches them to an app with the catalog bound.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from collections.abc import Set as AbstractSet
from dataclasses import replace
from functools import cache, lru_cache
from html import escape
from typing import Any
from urllib.parse import urlencode

from dash import ClientsideFunction, Dash, Input, Output, State, ctx, html, no_update
from dash.exceptions import PreventUpdate
from plotly.io.json import to_json_plotly

from dashboard import ids, preview
from dashboard.figures import chart_heading, chart_notes, events_in_view, trend_figure
from dashboard.layout import (
    economy_option,
    events_list,
    indicator_info,
    source_card,
)
from dashboard.markup import to_html
from dashboard.site import path_in_site, site, site_path
from dashboard.state import (
    DEFAULT_ECONOMIES,
    SCALES,
    VIEW_LABELS,
    VIEWS,
    ViewState,
    choices,
    from_query,
    resolve,
    to_query,
)
from dashboard.summary import key_figures, sentence
from dashboard.tables import (
    COLUMNS,
    after_presses,
    body,
    header_label,
    sort_rows,
    table_rows,
)
from dashboard.views import Plot, build
from indicators import Catalog
from indicators.cite import cite_view

CONTROLS = (
    "indicator",
    "view",
    "scale",
    "years",
    "economies",
    "base_year",
    "all_sources",
    "events",
)


PAGES = {"/": "explorer"}  # /sources and /claims are plain HTML: dashboard.static_pages


def route(pathname: str | None) -> dict[str, bool]:
    """Which page a path shows: a ``hidden`` flag for each page, and for "not found"."""
    path = (pathname or "/").rstrip("/") or "/"
    page = PAGES.get(path, "not_found")
    return {name: page != name for name in (*PAGES.values(), "not_found")}


def _address_path(pathname: Any) -> str:
    """The page a browser's address shows, as a path of this site (its prefix taken off)."""
    return path_in_site(pathname) if isinstance(pathname, str) else "/"


def state_from_controls(
    catalog: Catalog,
    changed: AbstractSet[str],
    indicator: Any,
    view: Any,
    scale: Any,
    years: Any,
    economies: Any,
    base_year: Any,
    all_sources: Any = None,
    events: Any = None,
) -> ViewState:
    """The view the controls ask for, made valid. A new indicator starts from its defaults,
    but for its view, where the new indicator has it, and for the controls ``changed`` with
    it (changes made while an earlier answer was on its way reach the server together)."""
    if not isinstance(indicator, str) or indicator not in catalog.indicators:
        return resolve({}, catalog)[0]
    raw: dict[str, str] = {"indicator": indicator}
    if isinstance(all_sources, list):
        raw["sources"] = "all" if "all" in all_sources else "main"
    if isinstance(events, list):
        raw["events"] = "on" if "on" in events else "off"
    new_indicator = "indicator" in changed
    if isinstance(economies, list) and all(isinstance(code, str) for code in economies):
        # A new indicator compares the US and China again, with the economies the reader added
        # (those it has): a choice made where an indicator had one economy must not stick.
        asked = [*DEFAULT_ECONOMIES, *economies] if new_indicator else economies
        raw["economies"] = ",".join(dict.fromkeys(asked))
    kept = {"view", *changed} if new_indicator else set(CONTROLS)
    if "view" in kept and isinstance(view, str):
        raw["view"] = view
    if "scale" in kept and isinstance(scale, str):
        raw["scale"] = scale
    if "years" in kept and _is_year_pair(years):
        raw["from"], raw["to"] = str(years[0]), str(years[1])
    if "base_year" in kept and isinstance(base_year, int) and not isinstance(base_year, bool):
        raw["base"] = str(base_year)
    state, _ = resolve(raw, catalog)
    if isinstance(economies, list) and not economies and not new_indicator:
        # Unticking every economy is a choice, not an error: show an empty chart.
        state = replace(state, economies=())
    return state


def _is_year_pair(value: Any) -> bool:
    return (
        isinstance(value, list | tuple)
        and len(value) == 2
        and all(isinstance(year, int | float) and not isinstance(year, bool) for year in value)
    )


# What a press on a panel's summary or a table header is called as a trigger (the controls are
# called by their names in ``CONTROLS``).
PANEL_TRIGGERS = {ids.DATA_SUMMARY: "table", ids.SOURCES_SUMMARY: "sources"} | {
    ids.sort_button(name): "sort" for name, _ in COLUMNS
}
# The request that completes a press's answer once its chart is drawn (``chart_first``).
FOLLOWING = "follow"
# What a visitor presses on the page, and the request that completes the answer to a press;
# any other request follows the address.
PRESSES = frozenset({*CONTROLS, *PANEL_TRIGGERS.values(), FOLLOWING})


def address_view(catalog: Catalog, search: Any) -> tuple[ViewState, list[str]]:
    """The view an address's query asks for, made valid, and what could not be used of it."""
    return from_query(search if isinstance(search, str) else "", catalog)


def update_view(
    catalog: Catalog,
    triggers: AbstractSet[str],
    search: Any,
    indicator: Any = None,
    view: Any = None,
    scale: Any = None,
    years: Any = None,
    economies: Any = None,
    base_year: Any = None,
    all_sources: Any = None,
    events: Any = None,
    sort: Any = None,
    table_opened: Any = None,
    sources_opened: Any = None,
    presses: Mapping[str, tuple[Any, Any]] | None = None,
    panels_shown: Any = None,
    *,
    site: str = "",
    today: dt.date | None = None,
) -> dict[str, Any]:
    """What the explorer shows, from the URL (a shared link, back/forward) or the controls.

    ``triggers`` names what changed since the last request (the names in ``CONTROLS`` and
    ``PANEL_TRIGGERS``; none: the address); ``presses`` holds each table header's press count
    and the time of its last press (``tables.after_presses``).

    The address is written only when it does not already say the view (a shared link, back or
    forward, a panel opened): writing it would push a history entry, and the back button would
    land on the same view again and again.

    The table and source cards are drawn once their panels have been opened (their summaries
    clicked), and again only when what they show (``panels_shown``, written with them) is not
    this view's. Opening one, or pressing a table header, answers the whole view the controls
    hold: Dash drops the answer to an earlier request of the same callback still on its way, so
    every answer must be complete.
    """
    addressed, notices = address_view(catalog, search)
    if triggers & PRESSES:
        notices = []
        state = asked_view(
            catalog,
            triggers,
            addressed,
            indicator,
            view,
            scale,
            years,
            economies,
            base_year,
            all_sources,
            events,
        )
    else:
        state = addressed
    answer = render(
        catalog,
        state,
        notices,
        sort=sort,
        presses=presses or {},
        table=bool(table_opened) or bool(triggers & {"table", "sort"}),
        sources=bool(sources_opened) or "sources" in triggers,
        panels_shown=panels_shown,
        site=site,
        today=today or dt.date.today(),
    )
    if to_query(addressed) == answer["search"]:
        del answer["search"]  # the address already says this view: see above
    return answer


def asked_view(
    catalog: Catalog,
    triggers: AbstractSet[str],
    addressed: ViewState,
    indicator: Any,
    *controls: Any,
) -> ViewState:
    """The view a press asks for (``triggers`` as for ``update_view``): the controls' values,
    with ``addressed`` the view at the address, which the last answer drawn wrote."""
    changed = triggers & set(CONTROLS)
    if indicator != addressed.indicator:
        # Picked since the last view drawn (the address says that view), in a request whose
        # answer Dash dropped when this one went out: still a new indicator.
        changed |= {"indicator"}
    return state_from_controls(catalog, changed, indicator, *controls)


def panels(
    catalog: Catalog,
    state: ViewState,
    sort: Any,
    *,
    presses: Mapping[str, tuple[Any, Any]],
    table: bool = False,
    sources: bool = False,
    plot: Plot,
    shown: Any = None,
) -> dict[str, Any]:
    """The table (sorted as before, and as the header presses not yet answered ask) and the
    source cards of a view, those asked for and not already shown: ``shown`` is what the open
    panels show (``panels_shown``, which the answers that draw them write), a mapping of the
    panel to what ``panel_marks`` gave it."""
    if not (table or sources):
        return {}
    marks = panel_marks(catalog, state)
    drawn = dict(shown) if isinstance(shown, Mapping) else {}
    answer: dict[str, Any] = {}
    if table:
        new_sort = after_presses(sort, presses)
        if drawn.get("table") != marks["table"] or new_sort != sort:
            rows = table_rows(plot, catalog)
            answer["table_body"] = body(sort_rows(rows, new_sort["column"], new_sort["descending"]))
            answer["table_sort"] = new_sort
            for name, label in COLUMNS:
                answer[f"header_{name}"] = header_label(name, label, new_sort)
            drawn["table"] = marks["table"]
    if sources and drawn.get("sources") != marks["sources"]:
        answer["sources"] = sources_panel(catalog, state.indicator)
        drawn["sources"] = marks["sources"]
    if answer:
        answer["panels_shown"] = {panel: drawn[panel] for panel in marks if panel in drawn}
    return answer


def panel_marks(catalog: Catalog, state: ViewState) -> dict[str, str]:
    """What each panel shows for a view, in a word: the table the view's rows, the source cards
    the indicator's sources (both of this data version: the server may load another)."""
    return {
        "table": f"{catalog.version} {to_query(state)}",
        "sources": f"{catalog.version} {state.indicator}",
    }


def render(
    catalog: Catalog,
    state: ViewState,
    notices: list[str],
    *,
    sort: Any = None,
    presses: Mapping[str, tuple[Any, Any]] | None = None,
    table: bool = False,
    sources: bool = False,
    site: str = "",
    today: dt.date,
    plot: Plot | None = None,
    panels_shown: Any = None,
) -> dict[str, Any]:
    """The explorer outputs for a valid view state (drawn as ``plot``, when given), with the
    panels asked for and not shown already (``panels``)."""
    indicator = catalog.indicators[state.indicator]
    allowed = choices(catalog, state.indicator)
    plot = plot or build(catalog, state)
    first, last = allowed.year_range
    view_economies = sorted({row.economy for row in plot.selection}) or list(state.economies)
    title, subtitle = chart_heading(plot, catalog)
    view_params = {
        "source": "main",
        "economies": ",".join(view_economies),
        "from": state.years[0],
        "to": state.years[1],
    }
    return {
        "search": to_query(state),
        "notice": " ".join(notices),
        "indicator": state.indicator,
        "indicator_info": to_html(indicator_info(indicator)),
        "economy_options": [economy_option(catalog, code) for code in allowed.economies],
        "economies": list(state.economies),
        "view_options": [
            {"label": VIEW_LABELS[v], "value": v, "disabled": v not in allowed.views} for v in VIEWS
        ],
        "view": state.view,
        "scale_options": [
            {
                "label": s.capitalize(),
                "value": s,
                "disabled": s == "log" and state.view not in allowed.log_views,
            }
            for s in SCALES
        ],
        "scale": state.scale,
        "base_year_options": list(allowed.years),
        "base_year": state.base_year,
        "base_year_hidden": state.view != "indexed",
        "years_min": first,
        "years_max": last,
        "years": list(state.years),
        "years_dragged": list(state.years),
        "all_sources": ["all"] if state.all_sources else [],
        "events": ["on"] if state.events else [],
        "events_list": to_html(events_list(catalog, events_in_view(plot, catalog)))
        if state.events
        else "",
        "chart_title": title,
        "chart_subtitle": subtitle,
        "figure": trend_figure(plot, catalog),
        "chart_notes": chart_notes(plot, catalog),
        "sentence": sentence(plot, catalog),
        "key_figures": to_html(
            [
                # Term and figure together, so a grid of figures never splits a pair across a
                # row.
                html.Div(
                    [
                        html.Dt(figure.label),
                        html.Dd([figure.value, html.Span(figure.detail, className="detail")]),
                    ]
                )
                for figure in key_figures(plot, catalog)
            ]
        ),
        "caveats": to_html([html.Li(caveat) for caveat in indicator.caveats]),
        "download_view": site_path(
            f"/download/{state.indicator}.csv?{urlencode(view_params, safe=',')}"
        ),
        "citation": view_citation(catalog, state, plot, site=site, today=today),
        **share(catalog, state, site),
        "download_indicator": site_path(f"/download/{state.indicator}.csv"),
        **panels(
            catalog,
            state,
            sort,
            presses=presses or {},
            table=table,
            sources=sources,
            plot=plot,
            shown=panels_shown,
        ),
    }


def view_citation(
    catalog: Catalog, state: ViewState, plot: Plot, *, site: str, today: dt.date
) -> str:
    """ "Cite this view": the sources drawn, this dashboard at the view's address, the date."""
    indicator = catalog.indicators[state.indicator]
    return cite_view(
        [catalog.sources[s] for s in drawn_sources(plot, indicator.main_source)],
        title=f"{indicator.title}, {VIEW_LABELS[state.view].lower()}, "
        f"{state.years[0]}–{state.years[1]}",
        url=f"{site.rstrip('/')}/{to_query(state)}",
        version=catalog.version,
        accessed=today,
    )


def share(catalog: Catalog, state: ViewState, site: str) -> dict[str, str]:
    """The view's link, the code that embeds it in another site, its images and its title."""
    base = site.rstrip("/")
    query = to_query(state)
    title = preview.view_title(catalog, state)
    embed = (
        f'<iframe src="{base}/embed{query}" title="{escape(title, quote=True)}" width="100%" '
        'height="560" style="border:0" loading="lazy"></iframe>'
    )
    return {
        "share_link": f"{base}/{query}",
        "share_embed": embed,
        "share_png": site_path(f"/chart.png{query}"),
        "share_svg": site_path(f"/chart.svg{query}"),
        "page_title": preview.page_title(catalog, state),
    }


def arrives_drawn(catalog: Catalog, search: str) -> bool:
    """Whether the chart page at the query ``search`` arrives drawn with its view: the bare
    address (the default view) and a view's own address (``to_query``: a shared link) do. Any
    other query is followed once the app runs (``register``), whose answer says what it could
    not use and rewrites the address."""
    if not search:
        return True
    state, notices = from_query(search, catalog)
    return not notices and to_query(state) == search


class DefaultView:
    """The outputs of the view a page arrives drawn with (``arrives_drawn``), computed once:
    the bare address's, or a shared link's (``search``). Only the citation, which names the
    visitor's address and the date, is made per page."""

    def __init__(self, catalog: Catalog, search: str = "") -> None:
        self.catalog = catalog
        self.search = search
        self.state, notices = from_query(search, catalog)
        self.plot = build(catalog, self.state)
        self.outputs = render(catalog, self.state, notices, today=dt.date.today(), plot=self.plot)

    def for_site(self, site: str) -> dict[str, Any]:
        """The outputs, citing the view at ``site`` today."""
        citation = view_citation(
            self.catalog, self.state, self.plot, site=site, today=dt.date.today()
        )
        return self.outputs | {"citation": citation} | share(self.catalog, self.state, site)


# Sent whenever present: a link's notice outlives its address (the answer rewrites the address
# without the parameters it could not use), a citation names the day, and the address and the
# panels are answered only when they change already.
ALWAYS_SENT = frozenset({"notice", "citation", "search"})
# Outputs sent exactly when another is. dcc's year range copies a new ``value`` into its
# ``drag_value`` as it draws it, through the store: one more round of Dash's renderer, before
# the chart's redraw, unless the answer has set it already (in Chromium an indicator pick's
# answer reached plotly in 15.5 ms instead of 18.4, median of 10).
MIRRORS = {"years_dragged": "years"}


def page_changes(
    answer: Mapping[str, Any], shown: Mapping[str, str], controls: Mapping[str, Any]
) -> dict[str, Any]:
    """The outputs of ``answer`` that change the page: those unlike the ``controls``' values
    the request carried, and unlike what the page shows (``shown``, each output as JSON, as
    ``shown_outputs`` gives them). Dash's renderer spends about a millisecond on every output
    it applies, and more on every component in one, even when nothing changed: a view change
    leaves half of them as they were."""
    changes: dict[str, Any] = {}
    for name, value in answer.items():
        if name in ALWAYS_SENT or name in PANELS:
            changes[name] = value
        elif name in CONTROLS:
            # A control's own value: the page shows what the visitor set, which the request
            # carries. Every other output shows the view at the address (the last answer
            # drawn wrote it).
            if value != controls.get(name):
                changes[name] = value
        elif name in MIRRORS:
            continue
        elif to_json_plotly(value) != shown.get(name):
            changes[name] = value
    for mirror, of in MIRRORS.items():
        if of in changes and mirror in answer:
            changes[mirror] = answer[mirror]
    return changes


def shown_outputs(
    catalog: Catalog, state: ViewState, *, site: str, today: dt.date
) -> dict[str, str]:
    """Each output of a view as JSON, as the page shows it once that view is drawn."""
    outputs = render(catalog, state, [], site=site, today=today)
    return {name: to_json_plotly(value) for name, value in outputs.items()}


def chart_view(catalog: Catalog, drawn: Any, addressed: ViewState) -> ViewState:
    """The view the chart shows: the one the last answer that drew it names (``drawn``), or,
    before any answer has, the address's."""
    if isinstance(drawn, Mapping) and isinstance(drawn.get("view"), str):
        return address_view(catalog, drawn["view"])[0]
    return addressed


def drawn_sources(plot: Plot, main_source: str) -> list[str]:
    """Sources of the values a view draws (the main source when it draws nothing)."""
    drawn = [point.source_id for line in plot.lines for point in line.points]
    return list(dict.fromkeys(drawn)) or [main_source]


@cache
def sources_panel(catalog: Catalog, indicator_id: str) -> list[html.Article]:
    """The cards of an indicator's sources, built once per indicator (the table under the chart
    gives each plotted value's locator)."""
    locators: dict[str, list[str]] = {
        source_id: [] for source_id in catalog.source_ids(indicator_id)
    }
    for row in catalog.rows(indicator_id):  # one pass, not one per source
        locators[row.source_id].append(f"{row.economy} {row.period}: {row.locator}")
    return [
        source_card(catalog, source_id, locators=found) for source_id, found in locators.items()
    ]


OUTPUTS = {
    "search": Output(ids.URL, "search"),
    "notice": Output(ids.NOTICE, "children"),
    "indicator": Output(ids.INDICATOR, "value"),
    "indicator_info": Output(ids.INDICATOR_INFO, "html"),
    "economy_options": Output(ids.ECONOMIES, "options"),
    "economies": Output(ids.ECONOMIES, "value"),
    "view_options": Output(ids.VIEW, "options"),
    "view": Output(ids.VIEW, "value"),
    "scale_options": Output(ids.SCALE, "options"),
    "scale": Output(ids.SCALE, "value"),
    "base_year_options": Output(ids.BASE_YEAR, "options"),
    "base_year": Output(ids.BASE_YEAR, "value"),
    "base_year_hidden": Output(ids.BASE_YEAR_FIELD, "hidden"),
    "years_min": Output(ids.YEARS, "min"),
    "years_max": Output(ids.YEARS, "max"),
    "years": Output(ids.YEARS, "value"),
    "years_dragged": Output(ids.YEARS, "drag_value"),
    "all_sources": Output(ids.ALL_SOURCES, "value"),
    "events": Output(ids.EVENTS, "value"),
    "events_list": Output(ids.EVENTS_LIST, "html"),
    "chart_title": Output(ids.CHART_TITLE, "children"),
    "chart_subtitle": Output(ids.CHART_SUBTITLE, "children"),
    "figure": Output(ids.CHART, "figure"),
    "chart_notes": Output(ids.CHART_NOTES, "children"),
    "sentence": Output(ids.SENTENCE, "children"),
    "key_figures": Output(ids.KEY_FIGURES, "html"),
    "caveats": Output(ids.CAVEATS, "html"),
    "sources": Output(ids.SOURCES_PANEL, "children"),
    "table_body": Output(ids.TABLE_BODY, "children"),
    "table_sort": Output(ids.TABLE_SORT, "data"),
    "panels_shown": Output(ids.PANELS_SHOWN, "data"),
    **{f"header_{name}": Output(ids.sort_button(name), "children") for name, _ in COLUMNS},
    "download_view": Output(ids.DOWNLOAD_VIEW, "href"),
    "download_indicator": Output(ids.DOWNLOAD_INDICATOR, "href"),
    "citation": Output(ids.CITATION, "children"),
    "share_link": Output(ids.SHARE_LINK, "children"),
    "share_embed": Output(ids.SHARE_EMBED, "children"),
    "share_png": Output(ids.SHARE_PNG, "href"),
    "share_svg": Output(ids.SHARE_SVG, "href"),
    "page_title": Output(ids.PAGE_TITLE, "data"),
}


# The words about a view, and the views its indicator offers: drawn once its chart is
# (``description``, asked for by the browser after plotly's draw), so that the browser draws the
# chart first. A click that redrew every output waited 35 to 45 ms more for the chart, in
# Chromium, most of it React rendering these and the chart drawing in a page they had changed.
# (The other controls' choices come with their values: a dropdown clears a value it has no
# option for, and the year range draws its value within its bounds.)
DESCRIPTION = frozenset(
    {
        "chart_title",
        "chart_subtitle",
        "view_options",
        "indicator_info",
        "events_list",
        "chart_notes",
        "sentence",
        "key_figures",
        "caveats",
        "download_view",
        "download_indicator",
        "citation",
        "share_link",
        "share_embed",
        "share_png",
        "share_svg",
        "page_title",
    }
)


# The table and source cards wait in closed panels, drawn by this same callback once opened:
# one writer, so answers cannot cross. (Separate callbacks following the view cost Dash's
# renderer 0.2 to 0.5 s on arrival, measured in Chromium.) An open panel is drawn again only when
# the view it shows is not the answer's (``panels_shown``, written with it): the source cards,
# drawn again before the chart with every answer, held a change of view up by 25 ms.
PANELS = frozenset(
    {
        "sources",
        "table_body",
        "table_sort",
        "panels_shown",
        *(f"header_{name}" for name, _ in COLUMNS),
    }
)


def description(catalog: Catalog, view: Any, *, site: str, today: dt.date) -> dict[str, Any]:
    """The words about the view at the address query ``view`` (``DESCRIPTION``), and that query
    as ``described``: the view whose words the page then shows."""
    outputs = render(catalog, address_view(catalog, view)[0], [], site=site, today=today)
    return {name: outputs[name] for name in DESCRIPTION} | {"described": outputs["search"]}


# What the explorer's answer to a change draws: the chart, the controls, the address and the
# panels; and, as ``drawn``, the view it drew, which the words follow once the chart is drawn.
CHART_OUTPUTS = {name: o for name, o in OUTPUTS.items() if name not in DESCRIPTION} | {
    "drawn": Output(ids.CHART_DRAWN, "data")
}
DESCRIPTION_OUTPUTS = {"described": Output(ids.DESCRIBED, "data")} | {
    name: o for name, o in OUTPUTS.items() if name in DESCRIPTION
}


def chart_first(
    catalog: Catalog,
    triggered: AbstractSet[str],
    values: Mapping[str, Any],
    charted: Any,
    figure_at: Callable[[ViewState], str],
) -> dict[str, Any] | None:
    """The answer to a control press that redraws the chart: the chart alone (and ``drawn``),
    made without the rest of the view (a new view's words took the server as long again); None
    when the chart stays as it is (``figure_at`` gives a view's chart as JSON).

    Once plotly has drawn it, the page asks for the rest (``FOLLOWING``): the address, the
    controls the view moves (a new indicator's years), the notice and the open panels. (A press
    on a panel or a table header is answered whole: the visitor asked for the panel.) Every
    other output an answer sets is one more round of Dash's renderer before plotly starts, and
    its changes are laid out before plotly's first measurement: in Chromium an indicator pick
    went from 91 to 76 ms and a typed year from 64 to 49, key press to redrawn chart (median of
    10, the builds taking turns). Until the rest comes, the page but for the chart shows the
    view at the address, as before; the chart's view is the one ``drawn`` names.
    """
    addressed = address_view(catalog, values["search"])[0]
    state = asked_view(catalog, triggered, addressed, *(values[name] for name in CONTROLS))
    chart = chart_view(catalog, charted, addressed)
    view = to_query(state)
    if view == to_query(chart):
        return None
    figure = trend_figure(build(catalog, state), catalog)
    if to_json_plotly(figure) == figure_at(chart):
        return None
    drawn = {"view": view, "redrawn": True, "rest": True}
    return {name: no_update for name in CHART_OUTPUTS} | {"figure": figure, "drawn": drawn}


def register(app: Dash, catalog: Catalog) -> None:
    """Attach the callbacks to ``app`` with ``catalog`` bound.

    The page arrives drawn for its address when ``arrives_drawn`` (the bare one, a shared
    link's), so a first visit there runs no callback at all: none fires on arrival
    (``prevent_initial_call``), and the address bar reports only its full address (``href``),
    which the browser fills in. When the visitor came by another address (another query, another
    path), the clientside ``address.follow`` passes its path and query on, and the callbacks
    below draw what they ask for.
    """
    app.clientside_callback(  # type: ignore[no-untyped-call]
        ClientsideFunction(namespace="address", function_name="follow"),
        Output(ids.URL, "pathname"),
        Output(ids.URL, "search", allow_duplicate=True),
        Input(ids.URL, "href"),
        State(ids.URL, "pathname"),
        State(ids.URL, "search"),
        prevent_initial_call=True,
    )

    # The tab's title follows the view (the server wrote the first one into the page).
    app.clientside_callback(  # type: ignore[no-untyped-call]
        ClientsideFunction(namespace="views", function_name="title"),
        Output(ids.PAGE_TITLE_SET, "data"),
        Input(ids.PAGE_TITLE, "data"),
        prevent_initial_call=True,
    )

    app.callback(
        Output(ids.EXPLORER, "hidden"),
        Output(ids.NOT_FOUND, "hidden"),
        Input(ids.URL, "pathname"),
        prevent_initial_call=True,
    )(lambda pathname: tuple(route(_address_path(pathname)).values()))

    inputs = {
        "search": Input(ids.URL, "search"),
        "indicator": Input(ids.INDICATOR, "value"),
        "view": Input(ids.VIEW, "value"),
        "scale": Input(ids.SCALE, "value"),
        "years": Input(ids.YEARS, "value"),
        "economies": Input(ids.ECONOMIES, "value"),
        "base_year": Input(ids.BASE_YEAR, "value"),
        "all_sources": Input(ids.ALL_SOURCES, "value"),
        "events": Input(ids.EVENTS, "value"),
        "table_opened": Input(ids.DATA_SUMMARY, "n_clicks"),
        "sources_opened": Input(ids.SOURCES_SUMMARY, "n_clicks"),
        **{f"header_{name}": Input(ids.sort_button(name), "n_clicks") for name, _ in COLUMNS},
        **{
            f"stamp_{name}": State(ids.sort_button(name), "n_clicks_timestamp")
            for name, _ in COLUMNS
        },
        "follow": Input(ids.FOLLOW, "data"),
        "sort": State(ids.TABLE_SORT, "data"),
        "panels_shown": State(ids.PANELS_SHOWN, "data"),
        "chart_drawn": State(ids.CHART_DRAWN, "data"),
        "pathname": State(ids.URL, "pathname"),
    }
    triggers = (
        PANEL_TRIGGERS
        | {ids.FOLLOW: FOLLOWING}
        | {dep.component_id: name for name, dep in inputs.items() if name in CONTROLS}
    )

    @lru_cache(maxsize=64)
    def shown_at(state: ViewState, site: str, today: dt.date) -> dict[str, str]:
        return shown_outputs(catalog, state, site=site, today=today)

    @lru_cache(maxsize=64)
    def figure_at(state: ViewState) -> str:
        # The chart of a view as JSON, as the page shows it once that view is drawn.
        return str(to_json_plotly(trend_figure(build(catalog, state), catalog)))

    def on_change(pathname: Any, **values: Any) -> dict[str, Any]:
        if route(_address_path(pathname))["explorer"]:
            # Another page is shown: leave the chart, and the address bar, as they are.
            raise PreventUpdate
        presses = {
            name: (values.pop(f"header_{name}"), values.pop(f"stamp_{name}")) for name, _ in COLUMNS
        }
        charted = values.pop("chart_drawn")
        values.pop("follow")  # a trigger: the view whose chart is drawn is ``charted``'s
        triggered = {triggers[id_] for id_ in ctx.triggered_prop_ids.values() if id_ in triggers}
        if triggered and triggered <= set(CONTROLS):
            first = chart_first(catalog, triggered, values, charted, figure_at)
            if first is not None:
                return first
        answer = update_view(catalog, triggered, **values, presses=presses, site=site())
        addressed = address_view(catalog, values["search"])[0]
        view = answer.get("search", to_query(addressed))
        if triggered & PRESSES:
            # The page shows the view at its address but for the controls just set, and the
            # chart, which may be ahead (``chart_first``): only what differs is sent (a shared
            # link, back or forward: every output, see update_view).
            shown = shown_at(addressed, site(), dt.date.today())
            chart = chart_view(catalog, charted, addressed)
            if to_query(chart) == view:
                answer.pop("figure", None)  # drawn already (the rest of an answer, mostly)
            elif chart != addressed:
                shown = shown | {"figure": figure_at(chart)}
            answer = page_changes(answer, shown, values)
        outputs = {name: answer.get(name, no_update) for name in CHART_OUTPUTS}
        if "figure" in answer or FOLLOWING not in triggered:
            # (The rest of an answer leaves ``drawn`` be: the words already follow its chart.)
            outputs["drawn"] = {"view": view, "redrawn": "figure" in answer, "rest": False}
        return outputs

    app.callback(output=CHART_OUTPUTS, inputs=inputs, prevent_initial_call=True)(on_change)

    # The words, and the rest of an answer that drew the chart first, follow the chart: the
    # browser passes the view on once plotly has drawn it (``views.afterChart``), and the answer
    # of words carries what differs from the words the page shows (``described``, written by the
    # same answer: an answer Dash drops leaves it as it was).
    app.clientside_callback(  # type: ignore[no-untyped-call]
        ClientsideFunction(namespace="views", function_name="afterChart"),
        Output(ids.DESCRIBE, "data"),
        Input(ids.CHART_DRAWN, "data"),
        State(ids.CHART, "figure"),
        prevent_initial_call=True,
    )

    def on_drawn(view: Any, described: Any) -> dict[str, Any]:
        today = dt.date.today()
        words = description(catalog, view, site=site(), today=today)
        shown = shown_at(address_view(catalog, described)[0], site(), today)
        changes = page_changes(words, shown, {})
        return {name: changes.get(name, no_update) for name in DESCRIPTION_OUTPUTS}

    app.callback(
        output=DESCRIPTION_OUTPUTS,
        inputs={"view": Input(ids.DESCRIBE, "data"), "described": State(ids.DESCRIBED, "data")},
        prevent_initial_call=True,
    )(on_drawn)

    # Image export runs in the browser, where plotly.js draws the file: assets/clientside.js.
    for button, image_format in ((ids.EXPORT_PNG, "png"), (ids.EXPORT_SVG, "svg")):
        app.clientside_callback(  # type: ignore[no-untyped-call]
            ClientsideFunction(namespace="exports", function_name=image_format),
            Output(ids.EXPORT_STATUS, "children", allow_duplicate=True),
            Input(button, "n_clicks"),
            State(ids.CHART, "figure"),
            prevent_initial_call=True,
        )
