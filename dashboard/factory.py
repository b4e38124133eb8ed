"""Build the Dash app around a validated catalog."""

from __future__ import annotations

import json
from html import escape
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
    preview,
    security,
    site,
    static_pages,
    theme,
)
from indicators import Catalog

TITLE = "US–China S&T Indicators"
# Keys of Dash's page config that only tell a visitor which versions run here; the production
# renderer reads none of them (they serve the dev tools' version check, which is off).
VERSION_KEYS = (
    "dash_version",
    "python_version",
    "dash_version_url",
    "ddk_version",
    "plotly_version",
)


class Dashboard(Dash):
    """Dash, with a page config that names no versions and carries no second layout, and a
    page head that names the view the visitor came for (``dashboard.preview``)."""

    catalog: Catalog | None = None

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
        return super().interpolate_index(  # type: ignore[no-untyped-call]
            metas, title, css, config, scripts, app_entry, favicon, renderer
        )

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

    def page() -> Any:
        # The page arrives drawn with the default view, so its first chart waits for no
        # callback. Drawn per request because its citation names the visitor's address and
        # today's date (the memo keeps one answer per host and day); Dash also calls this
        # outside any request, to check the layout.
        return layout.shell(catalog, default.for_site(site.site()))

    app.layout = page
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
