"""Stable CSV URLs: ``/download/<indicator_id>.csv`` and ``/download/all.csv``.

Query parameters narrow an indicator's rows the way the chart does (see ``selection``). A bad
value gets a 400 that says what is wrong; an unknown indicator gets a 404.
"""

from __future__ import annotations

from flask import Blueprint, Response, abort, request

from dashboard.selection import BadRequest, rows_for
from indicators import Catalog
from indicators.export import citable_rows, to_csv

CSV_TYPE = "text/csv; charset=utf-8"


def blueprint(catalog: Catalog) -> Blueprint:
    """Download routes bound to ``catalog``."""
    routes = Blueprint("downloads", __name__)

    @routes.get("/download/all.csv")
    def everything() -> Response:
        return _csv(to_csv(citable_rows(catalog, catalog.observations)), "us-china-st-all.csv")

    @routes.get("/download/<indicator_id>.csv")
    def indicator(indicator_id: str) -> Response:
        if indicator_id not in catalog.indicators:
            abort(404, f"No indicator '{indicator_id}'.")
        try:
            rows = rows_for(catalog, indicator_id, request.args)
        except BadRequest as error:
            abort(400, str(error))
        return _csv(to_csv(citable_rows(catalog, rows)), f"{indicator_id}.csv")

    return routes


def _csv(text: str, filename: str) -> Response:
    response = Response(text, mimetype="text/csv", content_type=CSV_TYPE)
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
