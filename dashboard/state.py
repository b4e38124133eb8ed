"""The state of a chart view, and its one text form: the URL query string.

A view is fully described by ``ViewState``; ``from_query`` reads one from a query string
(falling back to defaults, with a notice for each ignored parameter) and ``to_query``
writes the canonical query string, so a shared URL reproduces the view.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from functools import cache
from typing import Literal
from urllib.parse import parse_qs, urlencode

from indicators import Catalog, yearly

View = Literal["levels", "per_million", "ratio", "difference", "indexed"]
Scale = Literal["linear", "log"]

VIEWS: tuple[View, ...] = ("levels", "per_million", "ratio", "difference", "indexed")
VIEW_LABELS: dict[View, str] = {
    "levels": "Levels",
    "per_million": "Per million people",
    "ratio": "China ÷ US",
    "difference": "China − US",
    "indexed": "Indexed (base year = 100)",
}
SCALES: tuple[Scale, ...] = ("linear", "log")
DEFAULT_INDICATOR = "rd_expenditure_ppp"
DEFAULT_ECONOMIES = ("USA", "CHN")
PAIR = ("CHN", "USA")  # numerator and denominator of the ratio and difference views
PARAMETERS = ("indicator", "view", "scale", "from", "to", "economies", "base", "sources", "events")
POPULATION = "population"
"""The indicator that per-million views divide by."""


@dataclass(frozen=True)
class ViewState:
    """Everything that decides what the chart shows."""

    indicator: str
    view: View
    scale: Scale
    years: tuple[int, int]
    economies: tuple[str, ...]
    base_year: int
    all_sources: bool = False
    """Draw every source's series, not only the main one (economies the main source lacks are
    always drawn from their other sources, labelled as such)."""
    events: bool = False
    """Overlay the policy timeline."""


@dataclass(frozen=True)
class Choices:
    """What an indicator's main series allows a user to pick."""

    economies: tuple[str, ...]
    """Economies with data in any source, the US and China first."""
    years: tuple[int, ...]
    """Years with data for any economy in any source, ascending."""
    views: tuple[View, ...]
    log_views: frozenset[View]
    """Views whose values are all positive, so a log scale can show them."""
    default_base_year: int

    @property
    def year_range(self) -> tuple[int, int]:
        """First and last year with data."""
        return self.years[0], self.years[-1]


def choices(catalog: Catalog, indicator_id: str) -> Choices:
    """What can be shown for an indicator (computed once per indicator and catalog)."""
    return _choices(catalog, indicator_id)


@cache
def _choices(catalog: Catalog, indicator_id: str) -> Choices:
    indicator = catalog.indicators[indicator_id]
    every = catalog.rows(indicator_id)
    present = {row.economy for row in every}
    order = [*DEFAULT_ECONOMIES, *catalog.economies]
    economies = tuple(dict.fromkeys(code for code in order if code in present))
    years = tuple(sorted({row.year for row in every}))
    main = yearly.by_economy(catalog.points(indicator_id))
    common = yearly.common(main.get(PAIR[0], {}), main.get(PAIR[1], {}))
    views: list[View] = ["levels"]
    if indicator.per_capita and POPULATION in catalog.indicators:
        views.append("per_million")
    if common:
        views += ["ratio", "difference"]
    positive = all(row.value > 0 for row in every)
    if positive and len(years) > 1:
        views.append("indexed")
    log_views: set[View] = set()
    if positive and indicator.nonnegative:
        log_views |= {view for view in views if view in ("levels", "indexed", "per_million")}
    if common and all(a > 0 and b > 0 for _, a, b in common):
        log_views.add("ratio")
    base = common[0][0] if common else years[0]
    return Choices(economies, years, tuple(views), frozenset(log_views), base)


def default_state(catalog: Catalog, indicator_id: str | None = None) -> ViewState:
    """The view a first visit shows: levels, linear, all years, the US and China."""
    if indicator_id is None:
        indicator_id = (
            DEFAULT_INDICATOR
            if DEFAULT_INDICATOR in catalog.indicators
            else next(iter(catalog.indicators))
        )
    allowed = choices(catalog, indicator_id)
    economies = tuple(code for code in DEFAULT_ECONOMIES if code in allowed.economies)
    return ViewState(
        indicator=indicator_id,
        view="levels",
        scale="linear",
        years=allowed.year_range,
        economies=economies or allowed.economies[:2],
        base_year=allowed.default_base_year,
    )


def from_query(search: str | None, catalog: Catalog) -> tuple[ViewState, list[str]]:
    """Read a view from a query string; every value that cannot be used yields a notice."""
    parsed = parse_qs((search or "").lstrip("?"), keep_blank_values=True)
    notices = [f"Ignored unknown parameter '{key}'." for key in parsed if key not in PARAMETERS]
    raw = {key: values[0] for key, values in parsed.items() if key in PARAMETERS}
    state, more = resolve(raw, catalog)
    return state, notices + more


def exact_view(search: str, catalog: Catalog) -> ViewState:
    """The view a query names, for answers that cannot show a notice (an image, an embed):
    raises ``ValueError`` with the notices when any value cannot be used as given."""
    state, notices = from_query(search, catalog)
    if notices:
        raise ValueError(" ".join(notices))
    return state


def resolve(raw: Mapping[str, str], catalog: Catalog) -> tuple[ViewState, list[str]]:
    """A valid view from raw text parameters (as in a query string), with notices."""
    notices: list[str] = []
    indicator_id = raw.get("indicator", "")
    if indicator_id not in catalog.indicators:
        if "indicator" in raw:
            notices.append(f"Unknown indicator '{indicator_id}'; showing the default.")
        indicator_id = default_state(catalog).indicator
    state = default_state(catalog, indicator_id)
    allowed = choices(catalog, indicator_id)

    if "economies" in raw:
        asked = [code.strip() for code in raw["economies"].split(",") if code.strip()]
        kept = tuple(code for code in allowed.economies if code in asked)
        dropped = [code for code in asked if code not in allowed.economies]
        if dropped:
            notices.append(f"No data for economy {', '.join(dropped)} in this indicator.")
        if kept or not asked:  # "economies=" is a choice too: an empty chart
            state = replace(state, economies=kept)

    years = _years(raw, allowed, notices)
    if years is not None:
        state = replace(state, years=years)

    view = raw.get("view", "levels")
    if view in allowed.views:
        state = replace(state, view=view)
    elif "view" in raw:
        reason = "is not available for this indicator" if view in VIEWS else "is not a view"
        notices.append(f"View '{view}' {reason}; showing levels.")

    base = _integer(raw.get("base"))
    if "base" in raw:
        if base is not None and base in allowed.years:
            state = replace(state, base_year=base)
        else:
            notices.append(f"Base year '{raw['base']}' has no data; using {state.base_year}.")

    sources = raw.get("sources", "main")
    if sources in ("main", "all"):
        state = replace(state, all_sources=sources == "all")
    else:
        notices.append(f"'sources={sources}' is not 'main' or 'all'; showing the main source.")

    events = raw.get("events", "off")
    if events in ("on", "off"):
        state = replace(state, events=events == "on")
    else:
        notices.append(f"'events={events}' is not 'on' or 'off'; events are hidden.")

    scale = raw.get("scale", "linear")
    if scale == "log" and state.view in allowed.log_views:
        state = replace(state, scale="log")
    elif "scale" in raw and scale != "linear":
        reason = "cannot show values that are zero or negative" if scale == "log" else "is unknown"
        notices.append(f"Scale '{scale}' {reason}; using linear.")
    return state, notices


def _years(raw: Mapping[str, str], allowed: Choices, notices: list[str]) -> tuple[int, int] | None:
    first, last = allowed.year_range
    bounds = []
    for key, fallback in (("from", first), ("to", last)):
        if key not in raw:
            bounds.append(fallback)
            continue
        year = _integer(raw[key])
        if year is None:
            notices.append(f"'{key}={raw[key]}' is not a year; using {fallback}.")
            bounds.append(fallback)
        elif not first <= year <= last:
            clamped = min(max(year, first), last)
            notices.append(f"Data run from {first} to {last}; '{key}={year}' became {clamped}.")
            bounds.append(clamped)
        else:
            bounds.append(year)
    start, end = bounds
    if start > end:
        notices.append(f"'from' ({start}) was after 'to' ({end}); showing all years.")
        return None
    return start, end


def _integer(text: str | None) -> int | None:
    # ASCII digits only: str.isdigit() also accepts "²" and int() would fail on it.
    if text is None or not re.fullmatch(r"-?[0-9]{1,6}", text.strip()):
        return None
    return int(text.strip())


def default_url(catalog: Catalog, indicator_id: str) -> str:
    """The address of an indicator's chart as a first visit shows it."""
    return "/" + to_query(default_state(catalog, indicator_id))


def to_query(state: ViewState) -> str:
    """The canonical query string of a view, starting with '?'."""
    params = {
        "indicator": state.indicator,
        "view": state.view,
        "scale": state.scale,
        "from": str(state.years[0]),
        "to": str(state.years[1]),
        "economies": ",".join(state.economies),
    }
    if state.view == "indexed":
        params["base"] = str(state.base_year)
    if state.all_sources:
        params["sources"] = "all"
    if state.events:
        params["events"] = "on"
    return "?" + urlencode(params, safe=",")
