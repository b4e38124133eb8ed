"""A Frictionless Data Package of the catalog, and reading one back into a catalog.

``write_package`` writes ``datapackage.json`` with a Table Schema for every CSV (types,
constraints, primary and foreign keys), the package's sources and licenses, and the data
version. ``read_package`` rebuilds a ``Catalog`` with the same values, so a package is a
faithful, self-describing copy of ``data/``.
"""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import pandas as pd
from pydantic import BaseModel, TypeAdapter

from indicators.catalog import OBSERVATION_COLUMNS, ROW_ORDER, Catalog
from indicators.claims import Claim, evaluate_all
from indicators.models import Economy, Event, Indicator, Report, Source
from indicators.types import MAX_YEAR, MIN_YEAR, Status

PACKAGE_NAME = "us-china-st-indicators"
TITLE = "US–China Science and Technology Indicators"

_STRING, _NUMBER, _INTEGER, _BOOLEAN, _ARRAY = "string", "number", "integer", "boolean", "array"

# Resource name -> (model, fields in order, field types); lists are stored as JSON arrays.
_TABLES: dict[str, tuple[type[BaseModel], dict[str, str]]] = {
    "economies": (Economy, {"code": _STRING, "name": _STRING, "short_name": _STRING}),
    "sources": (
        Source,
        {
            "id": _STRING,
            "publisher": _STRING,
            "title": _STRING,
            "edition": _STRING,
            "published": _STRING,
            "url": _STRING,
            "license": _STRING,
            "kind": _STRING,
            "short_citation": _STRING,
            "notes": _STRING,
            "next_release": _STRING,
        },
    ),
    "indicators": (
        Indicator,
        {
            "id": _STRING,
            "title": _STRING,
            "description": _STRING,
            "definition": _STRING,
            "unit": _STRING,
            "short_unit": _STRING,
            "category": _STRING,
            "period": _STRING,
            "main_source": _STRING,
            "series_sources": _ARRAY,
            "kept_apart": _ARRAY,
            "nonnegative": _BOOLEAN,
            "per_capita": _BOOLEAN,
            "catch_up": _BOOLEAN,
            "plausible": _ARRAY,
            "max_yearly_change": _NUMBER,
            "source_tolerance": _NUMBER,
            "decimals": _INTEGER,
            "caveats": _ARRAY,
            "keywords": _ARRAY,
            "table": _STRING,
        },
    ),
    "events": (
        Event,
        {
            "id": _STRING,
            "date": _STRING,
            "title": _STRING,
            "description": _STRING,
            "economies": _ARRAY,
            "source_id": _STRING,
            "locator": _STRING,
        },
    ),
}
_OBSERVATION_TYPES = {
    "indicator_id": _STRING,
    "economy": _STRING,
    "year": _INTEGER,
    "period": _STRING,
    "value": _NUMBER,
    "unit": _STRING,
    "status": _STRING,
    "source_id": _STRING,
    "locator": _STRING,
    "note": _STRING,
}
_DESCRIPTIONS = {
    "value": "The value as published, in the unit of the row (see `unit` and indicators.csv).",
    "unit": "Unit of `value`, in words (the indicator's unit).",
    "year": "Calendar year, or the starting year of an academic year (2023 = 2023/24).",
    "period": "The period as people write it: 2023, or 2023/24 for an academic year.",
    "status": "reported, estimate, or projection (a value for a year after its source appeared).",
    "locator": "Where in the source the value stands: table, figure, page, row, column.",
}


def _schema(
    fields: Mapping[str, str], key: Sequence[str], foreign: Sequence[tuple[str, str, str]] = ()
) -> dict[str, Any]:
    schema: dict[str, Any] = {
        "fields": [
            {
                "name": name,
                "type": kind,
                **({"description": _DESCRIPTIONS[name]} if name in _DESCRIPTIONS else {}),
            }
            for name, kind in fields.items()
        ],
        "primaryKey": list(key),
    }
    if foreign:
        schema["foreignKeys"] = [
            {"fields": field, "reference": {"resource": resource, "fields": target}}
            for field, resource, target in foreign
        ]
    return schema


def _observation_schema() -> dict[str, Any]:
    schema = _schema(
        _OBSERVATION_TYPES,
        ("indicator_id", "economy", "year", "source_id"),
        [
            ("indicator_id", "indicators", "id"),
            ("economy", "economies", "code"),
            ("source_id", "sources", "id"),
        ],
    )
    constraints = {
        "year": {"required": True, "minimum": MIN_YEAR, "maximum": MAX_YEAR},
        "value": {"required": True},
        "status": {"required": True, "enum": [status.value for status in Status]},
        "locator": {"required": True},
    }
    for field in schema["fields"]:
        if field["name"] in constraints:
            field["constraints"] = constraints[field["name"]]
    return schema


def _rows(models: Sequence[BaseModel], fields: Mapping[str, str]) -> pd.DataFrame:
    records = []
    for model in models:
        data = model.model_dump(mode="json")
        records.append({name: _cell(data[name], kind) for name, kind in fields.items()})
    return pd.DataFrame(records, columns=list(fields))


def _cell(value: Any, kind: str) -> Any:
    if kind == _ARRAY:
        return "" if value is None else json.dumps(value, ensure_ascii=False)  # "": not declared
    return value


def write_package(catalog: Catalog, directory: Path) -> Path:
    """Write the catalog as a data package into ``directory``; returns ``datapackage.json``."""
    directory.mkdir(parents=True, exist_ok=True)
    tables: dict[str, list[BaseModel]] = {
        "economies": list(catalog.economies.values()),
        "sources": list(catalog.sources.values()),
        "indicators": list(catalog.indicators.values()),
        "events": list(catalog.events),
    }
    resources = []
    foreign = {
        "indicators": [("main_source", "sources", "id")],
        "events": [("source_id", "sources", "id")],
    }
    for name, models in tables.items():
        fields = _TABLES[name][1]
        _rows(models, fields).to_csv(directory / f"{name}.csv", index=False, lineterminator="\n")
        key = ["code"] if name == "economies" else ["id"]
        resources.append(_resource(name, _schema(fields, key, foreign.get(name, ()))))
    observations = catalog.observations.assign(
        unit=catalog.observations["indicator_id"].map(lambda i: catalog.indicators[i].unit)
    )[list(_OBSERVATION_TYPES)]
    observations.to_csv(directory / "observations.csv", index=False, lineterminator="\n")
    resources.insert(0, _resource("observations", _observation_schema()))
    # Each claim with its verdict on this data (computed, so read_package leaves it out).
    claims = [
        {**result.claim.model_dump(mode="json", exclude_defaults=True), "verdict": result.verdict}
        for result in evaluate_all(catalog)
    ]
    claims_text = "Report claims (the report's words, the section, a restatement), the checks "
    resources.append(
        _json_resource(directory, "claims", claims, claims_text + "that test them and the verdict.")
    )
    reports = [report.model_dump(mode="json") for report in catalog.reports.values()]
    reports_text = "The reports the claims are read from: their sections in order and the charts "
    resources.append(
        _json_resource(directory, "reports", reports, reports_text + "they reproduce.")
    )
    descriptor = {
        "name": PACKAGE_NAME,
        "title": TITLE,
        "version": catalog.version,
        "description": "Hand-curated US–China S&T indicators; every value cites its source "
        "and the place in it.",
        "licenses": [{"name": "other-at", "title": "Each source's own terms; see sources.csv"}],
        "sources": [
            {"title": source.citation, "path": source.url} for source in catalog.sources.values()
        ],
        "resources": resources,
    }
    path = directory / "datapackage.json"
    path.write_text(json.dumps(descriptor, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def _json_resource(
    directory: Path, name: str, entries: list[dict[str, Any]], description: str
) -> dict[str, Any]:
    """Write ``<name>.json`` and describe it as a resource of the package."""
    (directory / f"{name}.json").write_text(
        json.dumps(entries, indent=1, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    return {
        "name": name,
        "path": f"{name}.json",
        "format": "json",
        "mediatype": "application/json",
        "description": description,
    }


def _resource(name: str, schema: dict[str, Any]) -> dict[str, Any]:
    return {
        "name": name,
        "path": f"{name}.csv",
        "profile": "tabular-data-resource",
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "schema": schema,
    }


def package_zip(catalog: Catalog, scratch: Path) -> bytes:
    """The data package as a zip archive (written via ``scratch``, a writable folder)."""
    write_package(catalog, scratch)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(scratch.iterdir()):
            archive.write(path, path.name)
    return buffer.getvalue()


def read_package(directory: Path) -> Catalog:
    """Rebuild a catalog from a package written by ``write_package``."""
    descriptor = json.loads((directory / "datapackage.json").read_text(encoding="utf-8"))
    models: dict[str, list[Any]] = {}
    for name, (model, fields) in _TABLES.items():
        frame = pd.read_csv(directory / f"{name}.csv", dtype=str, keep_default_na=False)
        models[name] = [
            model.model_validate(_typed(dict(zip(frame.columns, row, strict=True)), fields))
            for row in frame.itertuples(index=False)
        ]
    obs = pd.read_csv(directory / "observations.csv", dtype={"period": str}, keep_default_na=False)
    written = json.loads((directory / "claims.json").read_text(encoding="utf-8"))
    claims = TypeAdapter(list[Claim]).validate_python(
        [{key: value for key, value in claim.items() if key != "verdict"} for claim in written]
    )
    reports = TypeAdapter(list[Report]).validate_python(
        json.loads((directory / "reports.json").read_text(encoding="utf-8"))
    )
    return Catalog(
        indicators={item.id: item for item in models["indicators"]},
        sources={item.id: item for item in models["sources"]},
        economies={item.code: item for item in models["economies"]},
        tables={
            str(key): rows.reset_index(drop=True)
            for key, rows in obs[list(OBSERVATION_COLUMNS)]
            .astype({"year": "int64", "value": "float64"})
            .sort_values(list(ROW_ORDER))
            .groupby("indicator_id", sort=False)
        },
        data_dir=directory,
        claims={claim.id: claim for claim in claims},
        reports={report.id: report for report in reports},
        events=tuple(models["events"]),
        version=str(descriptor["version"]),
    )


def _typed(row: dict[str, str], fields: Mapping[str, str]) -> dict[str, Any]:
    typed: dict[str, Any] = {}
    for name, text in row.items():
        kind = fields[name]
        if kind == _ARRAY:
            if text != "":  # an optional array left undeclared keeps its default
                typed[name] = json.loads(text)
        elif kind == _NUMBER:
            typed[name] = float(text)
        elif kind == _BOOLEAN:
            typed[name] = text == "True" or text == "true"
        elif kind == _INTEGER:
            typed[name] = int(text)
        elif text != "" or name not in ("short_name", "short_citation"):
            typed[name] = text
    return typed
