"""Stable CSV URLs: ``/download/<indicator_id>.csv`` and ``/download/all.csv``.

Query parameters narrow an indicator's rows the way the chart does: ``source`` (a source id or
``main``), ``economies`` (comma-separated codes) and ``from`` / ``to`` (years). A bad value gets
a 400 that says what is wrong; an unknown indicator gets a 404.
"""

from __future__ import annotations

from flask import Blueprint, Response, abort, request

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
        obs = catalog.observations
        rows = obs[obs["indicator_id"] == indicator_id]
        source = request.args.get("source")
        if source is not None:
            main = catalog.indicators[indicator_id].main_series
            wanted = list(main) if source == "main" else [source]
            if source != "main" and source not in catalog.source_ids(indicator_id):
                abort(400, f"'source={source}' is not a source of this indicator.")
            rows = rows[rows["source_id"].isin(wanted)]
        if "economies" in request.args:
            codes = [code for code in request.args["economies"].split(",") if code]
            unknown = [code for code in codes if code not in catalog.economies]
            if unknown:
                abort(400, f"Unknown economy code(s): {', '.join(unknown)}.")
            rows = rows[rows["economy"].isin(codes)]
        first, last = _year(request.args.get("from"), "from"), _year(request.args.get("to"), "to")
        if first is not None:
            rows = rows[rows["year"] >= first]
        if last is not None:
            rows = rows[rows["year"] <= last]
        return _csv(to_csv(citable_rows(catalog, rows)), f"{indicator_id}.csv")

    return routes


def _year(text: str | None, name: str) -> int | None:
    if text is None:
        return None
    if not (text.isdigit() and len(text) == 4):
        abort(400, f"'{name}' must be a four-digit year.")
    return int(text)


def _csv(text: str, filename: str) -> Response:
    response = Response(text, mimetype="text/csv", content_type=CSV_TYPE)
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
