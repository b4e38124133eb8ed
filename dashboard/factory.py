"""Build the Dash app around a validated catalog."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable
from functools import cached_property, lru_cache
from html import escape
from pathlib import Path
from typing import Any, cast

from dash import Dash
from flask import Flask, Response, has_request_context, request
from flask_compress import Compress
from werkzeug.exceptions import HTTPException

from dashboard import (
    api,
    caching,
    callbacks,
    downloads,
    guard,
    images,
    layout,
    memo,
    prerender,
    preview,
    security,
    site,
    static_pages,
    theme,
)
from indicators import Catalog

TITLE = "US–China S&T Indicators"
# Shared links whose layout and first screen each worker keeps drawn (a link past them is drawn
# again: a few milliseconds).
LINKED = 64
# Keys of Dash's page config that only tell a visitor which versions run here; the production
# renderer reads none of them (they serve the dev tools' version check, which is off).
VERSION_KEYS = (
    "dash_version",
    "python_version",
    "dash_version_url",
    "ddk_version",
    "plotly_version",
)
# Scripts Dash puts in every page that this one does not need: core-js's polyfills for browsers
# older than the ones the site supports (about 2 s of a phone's script time; the one helper of
# it the renderer and dcc call, regenerator's runtime, is in assets/vendor), and dash_table's
# bundle, for a component the dashboard does not use, and plotly.js's full bundle, which dcc's
# chart asks for only when no Plotly is loaded (the page loads the basic one, assets/vendor).
UNUSED_SCRIPTS = ("/deps/polyfill@", "/dash_table/", "/plotly/package_data/plotly")
# dcc's components load their code in chunks when first drawn: the explorer's picker, chart and
# year range would each wait for another request after the page's scripts had run. Loaded with
# the rest (Dash's ``eager_loading``), but for the chunks of components the page does not draw,
# which dcc still fetches by itself should one be drawn.
USED_CHUNKS = ("async-dropdown", "async-graph", "async-slider")
_CHUNK = re.compile(r"/dcc/(async-[a-z]+)\.")
# The one script of the page, which runs Dash's after the first paint (not among the assets
# Dash includes by itself).
START_SCRIPT = "start-dash-renderer.js"
# plotly.js's basic bundle, which the starter holds back on touch screens until the page is
# first touched (the rest of the page does not need it).
PLOTLY_SCRIPT = "vendor/plotly-basic.min.js"
_SCRIPT_TAG = re.compile(r'<script src="([^"<>]+)"></script>')


class Dashboard(Dash):
    """Dash, with a page config that names no versions and carries no second layout, and a
    page head that names the view the visitor came for (``dashboard.preview``)."""

    catalog: Catalog | None = None
    first_screen: Callable[[str], str | None] | None = None
    """The first screen as HTML (``dashboard.prerender``) of the page at a query string (as the
    request has it, without "?"), for this request; None for one it has no picture for."""

    def interpolate_index(
        self,
        metas: Any = "",
        title: Any = "",
        css: Any = "",
        config: Any = "",
        scripts: Any = "",
        app_entry: Any = "",
        favicon: Any = "",
        renderer: Any = "",
    ) -> Any:
        if self.catalog is not None and has_request_context() and request.path == "/":
            query = request.query_string.decode("utf-8", "replace")
            named, metas = preview.head(self.catalog, query, site.site())
            title = escape(named)
            screen = self.first_screen(query) if self.first_screen else None
            if screen is not None:
                # The picture first, the app laid out under it out of sight (style.css).
                app_entry = f'<div class="first-screen">{screen}{app_entry}</div>'
        return super().interpolate_index(  # type: ignore[no-untyped-call]
            metas, title, css, config, scripts, app_entry, favicon, renderer
        )

    def _generate_scripts_html(self) -> str:
        # Dash writes one plain script tag per script; the page names them for
        # assets/start-dash-renderer.js instead, which asks for them and runs them after the
        # first paint. (Preload links, asking for them at once, took the bandwidth of slow
        # connections from what the first paint needs: Lighthouse's phone put it 3 s later.)
        if self._inline_scripts:  # (start-dash-renderer.js cannot run inline ones in their place)
            raise RuntimeError("inline scripts are not supported: put them in an asset file")
        sources = []
        for line in super()._generate_scripts_html().split("\n"):
            found = _SCRIPT_TAG.fullmatch(line)
            if found is None:
                raise RuntimeError(f"unexpected script tag from Dash: {line}")
            if any(unused in found[1] for unused in UNUSED_SCRIPTS):
                continue
            chunk = _CHUNK.search(found[1])
            if chunk is None or chunk[1] in USED_CHUNKS:
                sources.append(found[1])
        listed = json.dumps(sources).replace("</", "<\\/")
        plotly = self.get_asset_url(PLOTLY_SCRIPT)
        at = [n for n, source in enumerate(sources) if source.split("?")[0] == plotly]
        marked = f' data-plotly="{at[0]}"' if at else ""
        return f'<script id="dash-scripts" type="application/json"{marked}>{listed}</script>'

    def _generate_renderer(self) -> str:
        return self._start_script_tag

    @cached_property
    def _start_script_tag(self) -> str:
        # The script that starts the renderer, under the id Dash's own has (Dash checks it);
        # stamped with its file's time, as Dash stamps the assets it includes.
        path = Path(self.config.assets_folder) / START_SCRIPT
        source = f"{self.get_asset_url(START_SCRIPT)}?m={path.stat().st_mtime}"
        return f'<script id="_dash-renderer" src="{source}"></script>'

    def _config(self) -> dict[str, Any]:
        config: dict[str, Any] = super()._config()  # type: ignore[no-untyped-call]
        for key in VERSION_KEYS:
            config.pop(key, None)
        # For a layout drawn per request Dash puts a whole copy of it in every page (42 kB),
        # which the renderer reads only when dev tools check callbacks (``validate_callbacks``,
        # off in production).
        if not config.get("validate_callbacks"):
            config.pop("validation_layout", None)
        return config


def create_server() -> Flask:
    """The Flask server, configured before Dash wraps it."""
    server = Flask(__name__)
    server.config["MAX_CONTENT_LENGTH"] = 1024 * 1024  # no callback body needs more
    # Compress responses (scripts, layout, callback answers) for the browsers that accept it;
    # configured here, before Dash wraps the server, so Dash's own routes are covered.
    memo.install(server)  # before compression: see dashboard.memo
    server.config["COMPRESS_MIMETYPES"] = [
        "text/html",
        "text/css",
        "text/csv",
        "text/plain",
        "application/javascript",
        "text/javascript",
        "application/json",
    ]
    Compress(server)

    @server.errorhandler(HTTPException)
    def plain_error(error: HTTPException) -> Response:
        # A short answer, JSON for the API and plain text elsewhere: no HTML error page and
        # no server details.
        status = error.code or 500
        # The headers the error itself carries (a 405's Allow: the methods that would work).
        carried = {k: v for k, v in error.get_headers() if k.lower() != "content-type"}
        if request.path.startswith(api.PREFIX):
            body = json.dumps({"error": f"{error.name}: {error.description}"})
            return Response(body, status=status, mimetype="application/json", headers=carried)
        return Response(
            f"{status} {error.name}: {error.description}\n",
            status=status,
            mimetype="text/plain",
            headers=carried,
        )

    @server.errorhandler(Exception)
    def plain_failure(error: Exception) -> Response:
        # The last resort: the log keeps the traceback, the visitor gets two words.
        server.logger.exception("unhandled error on %s", request.path)
        return Response("500 Internal Server Error\n", status=500, mimetype="text/plain")

    return server


def create_app(
    catalog: Catalog, frame_ancestors: str | None = None, public_url: str | None = None
) -> Dash:
    """The dashboard for ``catalog``: layout, callbacks and download routes. ``frame_ancestors``
    lists the sites that may embed it (default: ``$DASHBOARD_FRAME_ANCESTORS`` or this site);
    ``public_url`` is the site's own address for links (default: ``$DASHBOARD_PUBLIC_URL``, or
    the address each request asked for)."""
    ancestors = security.frame_ancestors(frame_ancestors)
    server = create_server()
    address = site.public_url(public_url)
    site.install(server, address)
    server.register_blueprint(downloads.blueprint(catalog))
    server.register_blueprint(api.blueprint(catalog))
    server.register_blueprint(static_pages.blueprint(catalog))
    server.register_blueprint(images.blueprint(catalog))
    app = Dashboard(
        __name__,
        server=cast(Any, server),  # Dash's annotation omits Flask instances
        title=TITLE,
        update_title="",  # keep the page title steady while callbacks run
        serve_locally=True,
        eager_loading=True,  # see USED_CHUNKS
        assets_ignore=re.escape(START_SCRIPT),
        # Under a prefix the browser asks for Dash's own routes there too (site.Mounted strips it).
        requests_pathname_prefix=site.prefix(address) + "/",
        meta_tags=[
            {"name": "viewport", "content": "width=device-width, initial-scale=1"},
            {
                "name": "description",
                "content": "US and China science and technology indicators, with their sources.",
            },
        ],
    )

    app.catalog = catalog
    with server.app_context():  # what is made once names the site's paths under its prefix
        default = callbacks.DefaultView(catalog)
        # Each economy's swatch colour, from the one palette the charts use.
        index = static_pages.dash_index(
            catalog, head="<style>" + theme.swatch_css(catalog.economies) + "</style>"
        )

    @lru_cache(maxsize=LINKED)
    def linked(search: str, prefix: str) -> callbacks.DefaultView:
        # A shared link's view, under the prefix its page was asked for at (its download links
        # name it, as an answer's would).
        del prefix  # (a key only)
        return callbacks.DefaultView(catalog, search)

    def drawn_for(query: str) -> callbacks.DefaultView | None:
        # The view the page at a request's query string arrives drawn with, if it does.
        search = f"?{query}" if query else ""
        if not callbacks.arrives_drawn(catalog, search):
            return None
        return linked(search, site.site_path("")) if search else default

    def page() -> Any:
        # The page arrives drawn with the view at its address (the browser's starter passes
        # the page's query on: assets/start-dash-renderer.js), so a first chart waits for no
        # callback, a shared link's neither. Drawn per request because its citation names the
        # visitor's address and today's date (the memo keeps one answer per host, day and
        # view drawn); Dash also calls this outside any request, to check the layout.
        query = request.query_string.decode("utf-8", "replace") if has_request_context() else ""
        view = drawn_for(query) or default
        return layout.shell(catalog, view.for_site(site.site()), search=view.search)

    # The memo keeps one layout per view drawn: any other query gets the bare address's.
    server.extensions[memo.QUERY] = lambda query: (
        query if request.path == memo.LAYOUT_PATH and query and drawn_for(query) else ""
    )

    @lru_cache(maxsize=LINKED)
    def first_screen(address: str, day: dt.date, view: callbacks.DefaultView) -> str:
        # Per site address and day, as the page it pictures (its citation names both).
        del day  # (a key only)
        first = view.for_site(address)
        return prerender.entry_point(
            layout.shell(catalog, first, search=view.search), view.plot, first["chart_title"]
        )

    def screen_for(query: str) -> str | None:
        # Only for a page drawn for its address, and a view the drawing is true to.
        view = drawn_for(query)
        if view is None or not prerender.pictures(view.state):
            return None
        return first_screen(site.site(), dt.date.today(), view)

    app.layout = page
    app.first_screen = screen_for
    app.index_string = index
    callbacks.register(app, catalog)
    guard.install(server, app.callback_map)
    security.install(server, app.csp_hashes(), ancestors)
    caching.install(server)

    @server.after_request
    def not_found_status(response: Response) -> Response:
        # Dash answers every path with its page; unknown pages still show "Page not found",
        # but with the status a crawler or script expects.
        if (
            request.endpoint == "/<path:path>"
            and callbacks.route(request.path)["not_found"] is False
        ):
            response.status_code = 404
        return response

    return app
