"""The sources and claims pages as plain server-rendered HTML.

They only show text and links, so they need no React: rendering the same component trees to
HTML keeps them out of the chart page's layout (which makes the chart's first visit lighter) and
builds them on first request instead of at start-up.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache, lru_cache
from html import escape

from dash.development.base_component import Component
from flask import Blueprint, Response, abort, request

from dashboard import preview
from dashboard.claims_page import claims_page
from dashboard.indicator_pages import indicator_page, sources_index
from dashboard.layout import footer, header, skip_link
from dashboard.markup import to_html
from dashboard.report_page import report_page
from dashboard.scoreboard_page import BadRequest, Filters, scoreboard_page
from dashboard.site import site, site_path
from dashboard.state import exact_view, to_query
from dashboard.summary import sentence
from dashboard.views import build
from indicators import Catalog


def document(catalog: Catalog, title: str, body: Component) -> str:
    """A whole page: the dashboard's header, stylesheet and footer around ``body``."""
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(title)} · US–China S&amp;T Indicators</title>"
        f'<link rel="icon" href="{site_path("/assets/favicon.ico")}">'
        f'<link rel="stylesheet" href="{site_path("/assets/style.css")}"></head><body>'
        f"{to_html(header())}<main>{to_html(body)}</main>{to_html(footer(catalog))}"
        "</body></html>\n"
    )


def dash_index(catalog: Catalog, head: str = "") -> str:
    """The chart page's template for Dash (its ``index_string``), with ``head`` added to the
    head. The skip link, header and footer are plain HTML around the app: the browser shows
    them before any script runs, and Dash's renderer has a tenth fewer components to build
    before the first chart."""
    return (
        '<!DOCTYPE html>\n<html lang="en"><head>{%metas%}<title>{%title%}</title>{%favicon%}'
        "{%css%}" + head + "</head><body>"
        f"{to_html(skip_link())}{to_html(header())}"
        "{%app_entry%}"
        f"{to_html(footer(catalog))}"
        "{%config%}{%scripts%}{%renderer%}</body></html>\n"
    )


def embed_page(catalog: Catalog, query: str, site: str) -> str:
    """The embed view: the chart's image (title and source line drawn in), its text alternative,
    and a link back to the full view. No script: any site may frame it (``dashboard.security``).
    Raises ``ValueError`` for a query that names nothing the catalog can show."""
    state = exact_view(query, catalog)
    canonical = to_query(state)
    title = preview.view_title(catalog, state)
    description = sentence(build(catalog, state), catalog)
    back = f"{site.rstrip('/')}/{canonical}"
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(title)} · {escape(preview.SITE_NAME)}</title>"
        f'<link rel="stylesheet" href="{site_path("/assets/style.css")}"></head>'
        '<body class="embed">'
        f'<main><h1 class="visually-hidden">{escape(title)}</h1>'
        f'<img class="embed-chart" src="{escape(site_path("/chart.svg" + canonical), quote=True)}" '
        f'alt="{escape(description, quote=True)}" width="1200" height="700">'
        f'<p class="embed-link"><a href="{escape(back, quote=True)}" target="_blank" '
        f'rel="noopener">Explore this chart and its sources at {escape(preview.SITE_NAME)}</a>'
        "</p></main></body></html>\n"
    )


def blueprint(catalog: Catalog) -> Blueprint:
    """``/sources`` and ``/claims``, each rendered once, on its first request."""
    pages = Blueprint("pages", __name__)

    @cache
    def page(name: str) -> str:
        builders: dict[str, tuple[str, Callable[[Catalog], Component]]] = {
            "sources": ("Sources and definitions", sources_index),
            "claims": ("The reports' claims, checked", claims_page),
        }
        title, build = builders[name]
        return document(catalog, title, build(catalog))

    @pages.get("/sources")
    @pages.get("/sources/")
    def sources() -> Response:
        return Response(page("sources"), mimetype="text/html")

    @pages.get("/claims")
    @pages.get("/claims/")
    def claims() -> Response:
        return Response(page("claims"), mimetype="text/html")

    @lru_cache(maxsize=512)  # keyed by the visitor's query and host: bounded
    def embedded(query: str, site: str) -> str:
        return embed_page(catalog, query, site)

    @pages.get("/embed")
    def embed_view() -> Response:
        query = request.query_string.decode("utf-8", "replace")
        try:
            page = embedded(query, site())
        except ValueError as error:
            abort(400, description=str(error))
        return Response(page, mimetype="text/html")

    # One page per distinct filter, kept: bounded, as the search text is the visitor's.
    @lru_cache(maxsize=512)
    def board(filters: Filters) -> str:
        title = "The US and China, indicator by indicator"
        return document(catalog, title, scoreboard_page(catalog, filters))

    @pages.get("/scoreboard")
    @pages.get("/scoreboard/")
    def scoreboard_view() -> Response:
        try:
            filters = Filters.parse({key: request.args.get(key, "") for key in request.args})
        except BadRequest as error:
            abort(400, description=str(error))
        return Response(board(filters), mimetype="text/html")

    @lru_cache(maxsize=512)  # keyed by the Host header too: bounded
    def indicator(indicator_id: str, site: str) -> str:
        title = catalog.indicators[indicator_id].title
        return document(catalog, title, indicator_page(catalog, indicator_id, site))

    @pages.get("/indicators/<indicator_id>")
    @pages.get("/indicators/<indicator_id>/")
    def indicator_view(indicator_id: str) -> Response:
        if indicator_id not in catalog.indicators:
            abort(404)
        # The page's download lines name this site; the few hosts a site answers to are kept.
        return Response(indicator(indicator_id, site()), mimetype="text/html")

    @cache
    def report(report_id: str) -> str:
        found = catalog.reports[report_id]
        title = f"{catalog.sources[found.source].title}, read beside the data"
        return document(catalog, title, report_page(catalog, found))

    @pages.get("/reports/<report_id>")
    @pages.get("/reports/<report_id>/")
    def report_view(report_id: str) -> Response:
        if report_id not in catalog.reports:
            abort(404)
        return Response(report(report_id), mimetype="text/html")

    return pages
