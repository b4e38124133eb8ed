"""Stable CSV URLs: ``/download/<indicator_id>.csv`` and ``/download/all.csv``.

Query parameters narrow an indicator's rows the way the chart does (see ``selection``). A bad
value gets a 400 that says what is wrong; an unknown indicator gets a 404.
"""

from __future__ import annotations

import datetime as dt
import json
import tempfile
from operator import attrgetter
from pathlib import Path

from flask import Blueprint, Response, abort, request

from dashboard.selection import requested_rows
from indicators import Catalog
from indicators.catalog import ROW_ORDER
from indicators.cite import bibtex, csl_json
from indicators.export import citable_records, csv_text

CSV_TYPE = "text/csv; charset=utf-8"


def blueprint(catalog: Catalog) -> Blueprint:
    """Download routes bound to ``catalog``."""
    routes = Blueprint("downloads", __name__)
    package: list[bytes] = []  # built on first request, then kept: the catalog never changes
    everything_csv: list[str] = []  # likewise

    @routes.get("/download/datapackage.zip")
    def datapackage() -> Response:
        if not package:
            from indicators.package import package_zip  # pandas: only when a package is asked for

            with tempfile.TemporaryDirectory() as scratch:
                package.append(package_zip(catalog, Path(scratch)))
        response = Response(package[0], mimetype="application/zip")
        response.headers["Content-Disposition"] = (
            f'attachment; filename="us-china-st-indicators-{catalog.version}.zip"'
        )
        response.headers["X-Data-Version"] = catalog.version
        return response

    @routes.get("/cite/<source_id>.bib")
    def cite_bibtex(source_id: str) -> Response:
        if source_id not in catalog.sources:
            abort(404, f"No source '{source_id}'.")
        text = bibtex(catalog.sources[source_id], dt.date.today())
        return Response(text, mimetype="application/x-bibtex")

    @routes.get("/cite/<source_id>.json")
    def cite_csl(source_id: str) -> Response:
        if source_id not in catalog.sources:
            abort(404, f"No source '{source_id}'.")
        item = csl_json(catalog.sources[source_id], dt.date.today())
        return Response(
            json.dumps([item], ensure_ascii=False, indent=1),
            mimetype="application/vnd.citationstyles.csl+json",
        )

    @routes.get("/download/all.csv")
    def everything() -> Response:
        if not everything_csv:
            # The order of ``catalog.observations``: by indicator, source, economy and year.
            rows = sorted(
                (row for indicator_id in catalog.tables for row in catalog.rows(indicator_id)),
                key=attrgetter(*ROW_ORDER),
            )
            everything_csv.append(csv_text(citable_records(catalog, rows)))
        return _csv(everything_csv[0], "us-china-st-all.csv", catalog.version)

    @routes.get("/download/<indicator_id>.csv")
    def indicator(indicator_id: str) -> Response:
        rows, notices = requested_rows(catalog, indicator_id, request.args)
        text = csv_text(citable_records(catalog, rows))
        response = _csv(text, f"{indicator_id}.csv", catalog.version)
        if notices:  # a CSV has no place for a sentence: the header carries them
            response.headers["X-Notices"] = " ".join(notices)
        return response

    return routes


def _csv(text: str, filename: str, version: str) -> Response:
    response = Response(text, mimetype="text/csv", content_type=CSV_TYPE)
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.headers["X-Data-Version"] = version
    return response
