"""The OpenAPI 3 document of the JSON API, built from the catalog (ids become enums)."""

from __future__ import annotations

import re
from typing import Any

from indicators import Catalog
from indicators.types import MAX_YEAR, MIN_YEAR

_STR = {"type": "string"}
_STRS = {"type": "array", "items": _STR}


def _ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def _object(properties: dict[str, Any], required: list[str] | None = None) -> dict[str, Any]:
    return {
        "type": "object",
        "properties": properties,
        "required": required if required is not None else list(properties),
    }


def _envelope(properties: dict[str, Any]) -> dict[str, Any]:
    return _object({"data_version": _STR, **properties})


def _json(schema: dict[str, Any], description: str) -> dict[str, Any]:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


_ERRORS = {
    "404": _json(_ref("Error"), "Unknown id"),
}


def _code_list(codes: list[str]) -> str:
    """A pattern for zero or more of ``codes``, comma-separated."""
    one = "(" + "|".join(re.escape(code) for code in codes) + ")"
    return f"^({one}(,{one})*)?$"


def openapi_document(catalog: Catalog) -> dict[str, Any]:
    """The API description, with the catalog's ids as enums so generated requests are real."""
    indicator_ids = sorted(catalog.indicators)
    source_ids = sorted(catalog.sources)
    check = _object(
        {
            "verdict": {"type": "string", "enum": ["consistent", "differs", "not checkable"]},
            "claimed": _STR,
            "computed": _STR,
            "basis": _STR,
            "reason": _STR,
            "sources": _STRS,
            "says": _STR,
        }
    )
    then_now = _object(
        {
            "then_year": _STR,
            "then": _STR,
            "now_year": _STR,
            "now": _STR,
            "still_holds": {"type": ["boolean", "null"]},
        }
    )
    schemas = {
        "Error": _object({"error": _STR}),
        "Indicator": _object(
            {
                "id": _STR,
                "title": _STR,
                "description": _STR,
                "definition": _STR,
                "unit": _STR,
                "short_unit": _STR,
                "category": _STR,
                "period": _STR,
                "main_source": _STR,
                "series_sources": _STRS,
                "kept_apart": _STRS,
                "nonnegative": {"type": "boolean"},
                "per_capita": {"type": "boolean"},
                "catch_up": {"type": "boolean"},
                "plausible": {"type": ["array", "null"], "items": {"type": "number"}},
                "max_yearly_change": {"type": "number"},
                "source_tolerance": {"type": "number"},
                "decimals": {"type": "integer"},
                "caveats": _STRS,
                "keywords": _STRS,
                "sources": _STRS,
            }
        ),
        "Source": _object(
            {
                "id": _STR,
                "publisher": _STR,
                "title": _STR,
                "edition": _STR,
                "published": _STR,
                "url": _STR,
                "license": _STR,
                "kind": {"type": "string", "enum": ["primary", "secondary"]},
                "short_citation": {"type": "string", "nullable": True},
                "notes": _STR,
                "next_release": _STR,
                "citation": _STR,
            }
        ),
        "Observation": _object(
            {
                "economy": _STR,
                "year": {"type": "integer"},
                "period": _STR,
                "value": {"type": "number"},
                "status": {
                    "type": "string",
                    "enum": ["reported", "estimate", "projection", "derived"],
                },
                "source_id": _STR,
                "locator": _STR,
                "note": _STR,
            }
        ),
        "Check": check,
        "Claim": _object(
            {
                "id": _STR,
                "report": _STR,
                "locator": _STR,
                "claim": _STR,
                "quote": _STR,
                "section": _STR,
                "indicators": _STRS,
                "verdict": check["properties"]["verdict"],
                "checks": {"type": "array", "items": _ref("Check")},
                "alternatives": {"type": "array", "items": _ref("Check")},
                "needs": _STR,
                "searched": _STR,
                "finding": _STR,
                "problem": {
                    "type": ["string", "null"],
                    "enum": ["misattributed", "total as part", "dated", None],
                },
                "figure": {"type": ["string", "null"]},
                "then_and_now": {"type": "array", "items": _ref("ThenNow")},
            }
        ),
        "ThenNow": then_now,
    }
    indicator_id = {
        "name": "indicator_id",
        "in": "path",
        "required": True,
        "schema": {"type": "string", "enum": indicator_ids},
    }
    source_id = {
        "name": "source_id",
        "in": "path",
        "required": True,
        "schema": {"type": "string", "enum": source_ids},
    }
    filters = [
        {
            "name": "economies",
            "in": "query",
            "required": False,
            # A string with a pattern, not an array: "economies=" (no economy, an empty answer)
            # is a valid request, and an array's empty form would read as one empty code.
            "description": "Comma-separated economy codes; empty selects none (leave it out "
            "for all).",
            "schema": {"type": "string", "pattern": _code_list(sorted(catalog.economies))},
        },
        {
            "name": "from",
            "in": "query",
            "required": False,
            "description": "First year.",
            "schema": {"type": "integer", "minimum": MIN_YEAR, "maximum": MAX_YEAR},
        },
        {
            "name": "to",
            "in": "query",
            "required": False,
            "description": "Last year.",
            "schema": {"type": "integer", "minimum": MIN_YEAR, "maximum": MAX_YEAR},
        },
        {
            "name": "source",
            "in": "query",
            "required": False,
            "description": "A source id, or `main` for the indicator's main series.",
            "schema": {"type": "string", "enum": ["main", *source_ids]},
        },
    ]
    paths = {
        "/api/v1/": {
            "get": {
                "summary": "Links to the API's collections",
                "responses": {
                    "200": _json(
                        _envelope({"links": {"type": "object", "additionalProperties": _STR}}),
                        "Links",
                    )
                },
            }
        },
        "/api/v1/indicators": {
            "get": {
                "summary": "Every indicator with its metadata",
                "responses": {
                    "200": _json(
                        _envelope({"indicators": {"type": "array", "items": _ref("Indicator")}}),
                        "Indicators",
                    )
                },
            }
        },
        "/api/v1/indicators/{indicator_id}": {
            "get": {
                "summary": "One indicator",
                "parameters": [indicator_id],
                "responses": {
                    "200": _json(_envelope({"indicator": _ref("Indicator")}), "The indicator"),
                    **_ERRORS,
                },
            }
        },
        "/api/v1/indicators/{indicator_id}/observations": {
            "get": {
                "summary": "An indicator's values, each with its source and locator",
                "parameters": [indicator_id, *filters],
                "responses": {
                    "200": _json(
                        _envelope(
                            {
                                "notices": _STRS,
                                "indicator_id": _STR,
                                "unit": _STR,
                                "observations": {"type": "array", "items": _ref("Observation")},
                                "sources": {
                                    "type": "object",
                                    "additionalProperties": _ref("Source"),
                                },
                            }
                        ),
                        "Observations",
                    ),
                    "400": _json(_ref("Error"), "A parameter cannot be used"),
                    **_ERRORS,
                },
            }
        },
        "/api/v1/sources": {
            "get": {
                "summary": "Every source",
                "responses": {
                    "200": _json(
                        _envelope({"sources": {"type": "array", "items": _ref("Source")}}),
                        "Sources",
                    )
                },
            }
        },
        "/api/v1/sources/{source_id}": {
            "get": {
                "summary": "One source, with BibTeX and CSL-JSON citations",
                "parameters": [source_id],
                "responses": {
                    "200": _json(
                        _envelope(
                            {
                                "source": _ref("Source"),
                                "bibtex": _STR,
                                "csl_json": {"type": "object"},
                            }
                        ),
                        "The source",
                    ),
                    **_ERRORS,
                },
            }
        },
        "/api/v1/claims": {
            "get": {
                "summary": "The reports' claims with their verdicts",
                "responses": {
                    "200": _json(
                        _envelope({"claims": {"type": "array", "items": _ref("Claim")}}), "Claims"
                    )
                },
            }
        },
        "/api/v1/openapi.json": {
            "get": {
                "summary": "This document",
                "responses": {"200": _json({"type": "object"}, "The OpenAPI document")},
            }
        },
    }
    return {
        "openapi": "3.0.3",
        "info": {
            "title": "US–China S&T Indicators API",
            "version": catalog.version,
            "description": "Read-only access to the curated, cited indicators.",
        },
        "paths": paths,
        "components": {"schemas": schemas},
    }
