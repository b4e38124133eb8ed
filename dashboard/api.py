"""Read-only JSON API under ``/api/v1/``, described by ``/api/v1/openapi.json``.

Every response carries the catalog's data version (body and ``X-Data-Version`` header).
Unknown ids get a JSON 404, malformed parameters a JSON 400.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from flask import Blueprint, Response, abort, jsonify, request

from dashboard.openapi import openapi_document
from dashboard.selection import requested_rows
from dashboard.site import site_path
from indicators import Catalog, Indicator, Source, then_now
from indicators.catalog import Row
from indicators.cite import bibtex, csl_json
from indicators.claims import CheckResult, evaluate_all

PREFIX = "/api/v1"


def indicator_json(catalog: Catalog, indicator: Indicator) -> dict[str, Any]:
    """An indicator's metadata, with the sources that have values for it."""
    data = indicator.model_dump(mode="json", exclude={"table"})
    data["sources"] = catalog.source_ids(indicator.id)
    return data


def source_json(source: Source) -> dict[str, Any]:
    """A source with its citation."""
    return {**source.model_dump(mode="json"), "citation": source.citation}


def _check_json(result: CheckResult) -> dict[str, Any]:
    return {
        "verdict": result.verdict,
        "claimed": result.claimed,
        "computed": result.computed,
        "basis": result.basis,
        "reason": result.reason,
        "sources": list(result.sources),
        "says": result.says,
    }


def _then_now_json(found: then_now.ThenNow) -> dict[str, Any]:
    return {
        "then_year": found.then_year,
        "then": found.then.computed,
        "now_year": found.now_year,
        "now": found.now.computed if found.now else "",
        "still_holds": found.still_holds,
    }


def blueprint(catalog: Catalog) -> Blueprint:
    """API routes bound to ``catalog``."""
    api = Blueprint("api", __name__, url_prefix=PREFIX)
    evaluated: list[list[dict[str, Any]]] = []  # on first request: keeps start-up quick

    def claims() -> list[dict[str, Any]]:
        if not evaluated:
            evaluated.append(
                [
                    {
                        "id": r.claim.id,
                        "report": r.claim.report,
                        "locator": r.claim.locator,
                        "claim": r.claim.claim,
                        "quote": r.claim.quote,
                        "section": r.claim.section,
                        "indicators": r.claim.indicators(),
                        "verdict": r.verdict,
                        "checks": [_check_json(check) for check in r.checks],
                        "alternatives": [_check_json(check) for check in r.alternatives],
                        "needs": r.claim.needs,
                        "searched": r.claim.searched,
                        "finding": r.claim.finding,
                        "problem": r.claim.problem,
                        "figure": r.claim.figure,
                        "then_and_now": [
                            _then_now_json(found) for found in then_now.of_claim(catalog, r.claim)
                        ],
                    }
                    for r in evaluate_all(catalog)
                ]
            )
        return evaluated[0]

    document = openapi_document(catalog)

    def reply(body: dict[str, Any]) -> Response:
        response = jsonify({"data_version": catalog.version, **body})
        response.headers["X-Data-Version"] = catalog.version
        return response

    @api.get("/")
    def index() -> Response:
        paths = ["indicators", "sources", "claims", "openapi.json"]
        return reply({"links": {name: site_path(f"{PREFIX}/{name}") for name in paths}})

    @api.get("/openapi.json")
    def openapi() -> Response:
        # Under a prefix the paths are the spec's, behind the prefix (a relative server URL).
        mounted = site_path("")
        return jsonify(document | {"servers": [{"url": mounted}]} if mounted else document)

    @api.get("/indicators")
    def indicators() -> Response:
        return reply(
            {"indicators": [indicator_json(catalog, i) for i in catalog.indicators.values()]}
        )

    @api.get("/indicators/<indicator_id>")
    def indicator(indicator_id: str) -> Response:
        if indicator_id not in catalog.indicators:
            abort(404, f"No indicator '{indicator_id}'.")
        return reply({"indicator": indicator_json(catalog, catalog.indicators[indicator_id])})

    @api.get("/indicators/<indicator_id>/observations")
    def observations(indicator_id: str) -> Response:
        rows, notices = requested_rows(catalog, indicator_id, request.args)
        fields = Row._fields[1:]  # every field but indicator_id, which the reply gives once
        records = [dict(zip(fields, row[1:], strict=True)) for row in rows]
        return reply(
            {
                "notices": notices,
                "indicator_id": indicator_id,
                "unit": catalog.indicators[indicator_id].unit,
                "observations": records,
                "sources": {
                    sid: source_json(catalog.sources[sid])
                    for sid in dict.fromkeys(row.source_id for row in rows)
                },
            }
        )

    @api.get("/sources")
    def sources() -> Response:
        return reply({"sources": [source_json(source) for source in catalog.sources.values()]})

    @api.get("/sources/<source_id>")
    def source(source_id: str) -> Response:
        if source_id not in catalog.sources:
            abort(404, f"No source '{source_id}'.")
        item = catalog.sources[source_id]
        today = dt.date.today()
        return reply(
            {
                "source": source_json(item),
                "bibtex": bibtex(item, today),
                "csl_json": csl_json(item, today),
            }
        )

    @api.get("/<path:rest>")
    def unknown(rest: str) -> Response:
        abort(404, f"No API resource '{rest}'.")

    @api.get("/claims")
    def claims_list() -> Response:
        return reply({"claims": claims()})

    return api
