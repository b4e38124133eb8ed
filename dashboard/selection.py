"""Narrowing an indicator's rows by request parameters, shared by CSV downloads and the API.

``source`` (a source id, or ``main`` for the main series), ``economies`` (comma-separated codes)
and ``from`` / ``to`` (years). Malformed values raise ``BadRequest`` with a sentence a person
can act on; the routes turn it into a 400.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from flask import abort
from werkzeug.datastructures import MultiDict

from indicators import Catalog
from indicators.catalog import Row
from indicators.types import MAX_YEAR, MIN_YEAR


class BadRequest(ValueError):
    """A request parameter that cannot be used."""


PARAMETERS = ("source", "economies", "from", "to")


def requested_rows(
    catalog: Catalog, indicator_id: str, args: MultiDict[str, str]
) -> tuple[list[Row], list[str]]:
    """``rows_for`` for a web request, with notices: a 404 for an unknown indicator, a 400 for
    a value that cannot be used, and a notice, not silence, for a parameter it does not know,
    one given twice (the first counts) and ``from`` after ``to`` (no year lies between)."""
    if indicator_id not in catalog.indicators:
        abort(404, f"No indicator '{indicator_id}'.")
    notices = [
        f"Ignored unknown parameter '{key}' (use {', '.join(PARAMETERS)})."
        for key in args
        if key not in PARAMETERS
    ]
    notices += [
        f"'{key}' was given {len(args.getlist(key))} times; the first counts."
        for key in args
        if key in PARAMETERS and len(args.getlist(key)) > 1
    ]
    try:
        rows = rows_for(catalog, indicator_id, args)
    except BadRequest as error:
        abort(400, str(error))
    first, last = args.get("from"), args.get("to")  # four-digit years, or rows_for raised
    if first is not None and last is not None and int(first) > int(last):
        notices.append(f"'from' ({first}) is after 'to' ({last}): no year lies between.")
    return rows, notices


def rows_for(catalog: Catalog, indicator_id: str, args: Mapping[str, str]) -> list[Row]:
    """The indicator's rows narrowed by ``args`` (the indicator must exist), in the order of
    ``Catalog.rows``: by source, economy and year."""
    wanted: set[str] | None = None
    source = args.get("source")
    if source is not None:
        if source == "main":
            wanted = set(catalog.indicators[indicator_id].main_series)
        elif source in catalog.sources:
            wanted = {source}  # a source of another indicator simply has no rows here
        else:
            raise BadRequest(f"'source={source}' is not a source in the catalog.")
    codes: set[str] | None = None
    if "economies" in args:
        listed = args["economies"].split(",") if args["economies"] else []  # "": none
        unknown = [repr(code) for code in listed if code not in catalog.economies]
        if unknown:
            raise BadRequest(f"Unknown economy code(s): {', '.join(unknown)}.")
        codes = set(listed)
    first, last = _year(args.get("from"), "from"), _year(args.get("to"), "to")
    years = (MIN_YEAR if first is None else first, MAX_YEAR if last is None else last)
    return catalog.select(indicator_id, sources=wanted, economies=codes, years=years)


def _year(text: str | None, name: str) -> int | None:
    if text is None:
        return None
    # ASCII digits only: str.isdigit() also accepts "²⁰²⁰", which int() refuses.
    if not (re.fullmatch(r"[0-9]{4}", text) and MIN_YEAR <= int(text) <= MAX_YEAR):
        raise BadRequest(f"'{name}' must be a year from {MIN_YEAR} to {MAX_YEAR}.")
    return int(text)
