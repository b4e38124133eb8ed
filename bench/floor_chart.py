"""The floor drawing the dashboard's own charts: bare Dash, as ``bench.floor``, but each of its 10
figures is the chart the dashboard draws of an indicator's default view (its lines, status
markers, other sources' points, legend). The first is the dashboard's default indicator, and
R&D intensity, the indicator the benchmark picks, is among them.

Beside ``bench.floor`` it splits a click's time into what drawing the dashboard's chart costs
plotly.js and what the dashboard's page and callbacks add to it. Serve it with
``gunicorn bench.floor_chart:server``.
"""

from __future__ import annotations

import json
from typing import Any

from plotly.io.json import to_json_plotly

from bench.floor import floor_app
from dashboard.figures import trend_figure
from dashboard.startup import load_or_exit
from dashboard.state import from_query
from dashboard.views import build

PICKED = "rd_intensity"


def _figures() -> dict[str, dict[str, Any]]:
    catalog = load_or_exit()
    first = from_query("", catalog)[0].indicator
    others = [id_ for id_ in catalog.indicators if id_ not in (first, PICKED)]
    figures = {}
    for indicator_id in [first, PICKED, *others][:10]:
        view = from_query(f"indicator={indicator_id}", catalog)[0]
        # As the page receives it: the JSON of the dashboard's answer.
        figure = json.loads(to_json_plotly(trend_figure(build(catalog, view), catalog)))
        figures[catalog.indicators[indicator_id].title] = figure
    return figures


server = floor_app(_figures())
