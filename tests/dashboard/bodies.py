"""Callback request bodies shaped exactly as Dash's renderer sends them, built from the app's own
callback map (the browser tests and the benchmark capture the same bodies from Chromium)."""

from __future__ import annotations

from typing import Any

from dash import Dash

from dashboard.callbacks import update_view
from dashboard.tables import DEFAULT_SORT
from indicators import Catalog

EXPLORER = "..url.search..."  # the key of the explorer's main callback starts so
WORDS = "..described.data..."  # and the key of the callback that draws the words about a view


def callback_key(app: Dash, starts: str) -> str:
    return next(str(key) for key in app.callback_map if key.startswith(starts))


def body(app: Dash, key: str, values: dict[str, Any], changed: list[str]) -> dict[str, Any]:
    """The request for callback ``key``; ``values`` maps "id.property" to the browser's value
    (absent: the property is unset, and the browser leaves ``value`` out)."""
    spec = app.callback_map[key]
    outputs = spec["output"] if isinstance(spec["output"], list) else [spec["output"]]

    def item(dependency: dict[str, str]) -> dict[str, Any]:
        name = f"{dependency['id']}.{dependency['property']}"
        return dependency | ({"value": values[name]} if name in values else {})

    sent = [{"id": o.component_id, "property": o.component_property} for o in outputs]
    return {
        "output": key,
        "outputs": sent if key.startswith("..") else sent[0],
        "inputs": [item(i) for i in spec["inputs"]],
        "changedPropIds": changed,
        "state": [item(s) for s in spec["state"]],
    }


def explorer_body(
    app: Dash, catalog: Catalog, changed: str = "url.search", **overrides: Any
) -> dict[str, Any]:
    """The explorer callback as a first visit to ``/`` sends it: the controls hold the view the
    page was served with. ``overrides`` replace values by "id.property" (pass a dict: ``**{}``)."""
    first = update_view(catalog, set(), "")
    values: dict[str, Any] = {
        "url.search": "",
        "url.pathname": "/",
        "indicator.value": first["indicator"],
        "view.value": first["view"],
        "scale.value": first["scale"],
        "years.value": first["years"],
        "economies.value": first["economies"],
        "base-year.value": first["base_year"],
        "all-sources.value": first["all_sources"],
        "events.value": first["events"],
        "table-sort.data": DEFAULT_SORT,
    }
    return body(app, callback_key(app, EXPLORER), values | overrides, [changed])
