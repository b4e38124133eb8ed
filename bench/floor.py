"""The floor: the cheapest thing Dash can do, measured the same way as the dashboard.

One dropdown of 10 indicators and one graph; the callback returns a figure dict of two
25-point line series built at start-up; plotly.js's partial "basic" bundle (the same file the
dashboard ships); compression on. Serve it with ``gunicorn bench.floor:server``.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any, cast

from dash import Dash, Input, Output, dcc, html
from flask import Flask
from flask_compress import Compress

VENDOR = Path(__file__).resolve().parent.parent / "dashboard" / "assets" / "vendor"
OPTIONS = [f"indicator_{number}" for number in range(10)]
FIGURES: dict[str, dict[str, Any]] = {
    name: {
        "data": [
            {
                "type": "scatter",
                "mode": "lines",
                "name": economy,
                "x": list(range(2000, 2025)),
                "y": [
                    100 + offset * 10 + year * (3 + number) + 5 * math.sin(year)
                    for year in range(25)
                ],
            }
            for offset, economy in enumerate(("US", "China"))
        ],
        "layout": {"title": {"text": name}},
    }
    for number, name in enumerate(OPTIONS)
}


def floor_app(figures: dict[str, dict[str, Any]]) -> Flask:
    """Bare Dash: a dropdown of ``figures``' names (the first chosen) and a graph that draws the
    chosen one, served by its own Flask app with compression on."""
    options = list(figures)
    flask = Flask(__name__)
    Compress(flask)
    # Only plotly's bundle of the vendored files: bare Dash brings its own polyfills (the
    # dashboard drops them and vendors the one it needs, regenerator-runtime).
    app = Dash(
        __name__,
        server=cast(Any, flask),
        assets_folder=str(VENDOR),
        assets_ignore=r"regenerator-runtime",
        update_title="",
    )
    app.layout = html.Div(
        [
            dcc.Dropdown(id="indicator", options=options, value=options[0], clearable=False),
            dcc.Graph(id="chart"),
        ]
    )

    @app.callback(Output("chart", "figure"), Input("indicator", "value"))
    def show(name: str) -> dict[str, Any]:
        """The prebuilt figure of an indicator."""
        return figures.get(name, figures[options[0]])

    return flask


server = floor_app(FIGURES)
