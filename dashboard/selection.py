"""Narrowing an indicator's rows by request parameters, shared by CSV downloads and the API.

``source`` (a source id, or ``main`` for the main series), ``economies`` (comma-separated codes)
and ``from`` / ``to`` (years). Malformed values raise ``BadRequest`` with a sentence a person
can act on; the routes turn it into a 400.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

import pandas as pd
from flask import abort

from indicators import Catalog
from indicators.types import MAX_YEAR, MIN_YEAR


class BadRequest(ValueError):
    """A request parameter that cannot be used."""


def requested_rows(catalog: Catalog, indicator_id: str, args: Mapping[str, str]) -> pd.DataFrame:
    """``rows_for`` for a web request: a 404 for an unknown indicator, a 400 for a bad value."""
    if indicator_id not in catalog.indicators:
        abort(404, f"No indicator '{indicator_id}'.")
    try:
        return rows_for(catalog, indicator_id, args)
    except BadRequest as error:
        abort(400, str(error))


def rows_for(catalog: Catalog, indicator_id: str, args: Mapping[str, str]) -> pd.DataFrame:
    """The indicator's observations narrowed by ``args`` (the indicator must exist)."""
    obs = catalog.observations
    rows = obs[obs["indicator_id"] == indicator_id]
    source = args.get("source")
    if source is not None:
        if source == "main":
            wanted = list(catalog.indicators[indicator_id].main_series)
        elif source in catalog.sources:
            wanted = [source]  # a source of another indicator simply has no rows here
        else:
            raise BadRequest(f"'source={source}' is not a source in the catalog.")
        rows = rows[rows["source_id"].isin(wanted)]
    if "economies" in args:
        codes = args["economies"].split(",") if args["economies"] else []  # "": none
        unknown = [repr(code) for code in codes if code not in catalog.economies]
        if unknown:
            raise BadRequest(f"Unknown economy code(s): {', '.join(unknown)}.")
        rows = rows[rows["economy"].isin(codes)]
    first, last = _year(args.get("from"), "from"), _year(args.get("to"), "to")
    if first is not None:
        rows = rows[rows["year"] >= first]
    if last is not None:
        rows = rows[rows["year"] <= last]
    return rows


def _year(text: str | None, name: str) -> int | None:
    if text is None:
        return None
    # ASCII digits only: str.isdigit() also accepts "²⁰²⁰", which int() refuses.
    if not (re.fullmatch(r"[0-9]{4}", text) and MIN_YEAR <= int(text) <= MAX_YEAR):
        raise BadRequest(f"'{name}' must be a year from {MIN_YEAR} to {MAX_YEAR}.")
    return int(text)
