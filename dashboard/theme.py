"""Colours and the slim plotly layout every chart shares."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

# Okabe–Ito palette: distinguishable with the common colour-vision deficiencies.
# One colour per economy, the same on every chart.
ECONOMY_COLOURS = {
    "USA": "#0072B2",  # blue
    "CHN": "#D55E00",  # vermillion
    "JPN": "#009E73",  # bluish green
    "DEU": "#E69F00",  # orange
    "KOR": "#CC79A7",  # reddish purple
    "EU27": "#56B4E9",  # sky blue
}
OTHER_COLOUR = "#555555"
DERIVED_COLOUR = "#333333"  # ratio and difference lines
FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif"


def economy_colour(code: str) -> str:
    """The colour of an economy on every chart."""
    return ECONOMY_COLOURS.get(code, OTHER_COLOUR)


def base_layout() -> dict[str, Any]:
    """A plain layout: no template lookup, readable contrast, room for title and source line."""
    return {
        "template": None,
        "font": {"family": FONT, "size": 14, "color": "#1a1a1a"},
        "paper_bgcolor": "#ffffff",
        "plot_bgcolor": "#ffffff",
        # Fixed margins, wide enough for the y-axis title and ticks of up to six characters
        # (plotly abbreviates: 250k, 1.2M): automargin costs plotly.js a second layout pass,
        # about a third of the first chart's drawing time in Chromium (bench/). The title and
        # source line are the page's, above and below the chart; the top holds the legend and
        # the crossover labels.
        "margin": {"l": 88, "r": 24, "t": 40, "b": 48},
        "hovermode": "closest",
        "hoverlabel": {"bgcolor": "#ffffff", "font": {"family": FONT, "size": 13}},
        "legend": {"orientation": "h", "x": 0, "y": 1.02, "xanchor": "left", "yanchor": "bottom"},
        # Labels are never hidden for running past the chart's box ("allow"): plotly's default
        # measures every tick label after drawing it to decide, a third of its redraw on a
        # click (bench/); the fixed margins above hold the labels.
        "xaxis": {
            "ticklabeloverflow": "allow",
            "showgrid": False,
            "linecolor": "#767676",
            "ticks": "outside",
            "tickformat": "d",
        },
        "yaxis": {
            "ticklabeloverflow": "allow",
            "gridcolor": "#e5e5e5",
            "zeroline": False,
            "linecolor": "#767676",
        },
    }


def swatch_css(codes: Iterable[str]) -> str:
    """CSS giving each economy's checkbox the colour swatch of its line on the chart (the
    checkbox's value attribute names the economy). Economy codes are validated as three capital
    letters or EU27, so they are safe inside the selector."""
    return "".join(
        f'.economies label:has(input[value="{code}"]) .dash-options-list-option-text::before'
        f"{{background:{economy_colour(code)}}}"
        for code in codes
    )
