"""Build the Dash app around a validated catalog."""

from __future__ import annotations

import json
from typing import Any, cast

from dash import Dash
from flask import Flask, Response, request
from flask_compress import Compress
from werkzeug.exceptions import HTTPException

from dashboard import api, callbacks, downloads, layout, memo, static_pages
from indicators import Catalog

TITLE = "US–China S&T Indicators"


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
        if request.path.startswith(api.PREFIX):
            body = json.dumps({"error": f"{error.name}: {error.description}"})
            return Response(body, status=status, mimetype="application/json")
        return Response(
            f"{status} {error.name}: {error.description}\n", status=status, mimetype="text/plain"
        )

    return server


def create_app(catalog: Catalog) -> Dash:
    """The dashboard for ``catalog``: layout, callbacks and download routes."""
    server = create_server()
    server.register_blueprint(downloads.blueprint(catalog))
    server.register_blueprint(api.blueprint(catalog))
    server.register_blueprint(static_pages.blueprint(catalog))
    app = Dash(
        __name__,
        server=cast(Any, server),  # Dash's annotation omits Flask instances
        title=TITLE,
        update_title="",  # keep the page title steady while callbacks run
        serve_locally=True,
        meta_tags=[
            {"name": "viewport", "content": "width=device-width, initial-scale=1"},
            {
                "name": "description",
                "content": "US and China science and technology indicators, with their sources.",
            },
        ],
    )
    # The default view, computed once: the page arrives with its chart already drawn.
    app.layout = layout.shell(catalog, callbacks.update_view(catalog, None, ""))
    callbacks.register(app, catalog)

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
