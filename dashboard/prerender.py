"""The chart page's first screen as HTML, shown before any script has run.

Dash draws a page only once its scripts have arrived and run: on a phone (slow 4G, a slower CPU)
that is five seconds of an empty page. The server writes the same layout, drawn with the view
at the page's address (the bare one's, a shared link's, where ``pictures``), into the page as
plain HTML: headings, sentence, key figures, a server-drawn image of the chart
(``dashboard.minichart``) and still pictures of the controls, built of the elements and classes
Dash's components draw so that they take the same room. The app is laid out underneath, out of
sight, and takes the picture's place once its chart is drawn (clientside.js).

The picture carries no ids (the app's elements have them: ids are unique per page) and its
controls are inert: until the app arrives there is nothing for them to do.
"""

from __future__ import annotations

from collections.abc import Mapping
from html import escape
from typing import Any

from dash import dcc, html
from dash.development.base_component import Component
from markupsafe import Markup

from dashboard import minichart
from dashboard.markup import HtmlBlock, to_html
from dashboard.state import ViewState
from dashboard.views import Plot

# Properties that name ids (their targets are the app's own elements) or that announce changes.
_DROPPED = ("id", "htmlFor", "aria-describedby", "aria-live", "aria-labelledby")
# Dash's components that draw nothing of their own.
_INVISIBLE = (dcc.Location, dcc.Store, dcc.Clipboard)
CLASS = "prerendered"


def pictures(state: ViewState) -> bool:
    """Whether the first screen pictures a view: the server's drawing (``minichart``) is true
    to it. It has no log axis and no event marks: a link to such a view arrives without a
    picture (the app still arrives drawn with it), and so plotly.js comes at once."""
    return state.scale == "linear" and not state.events


def entry_point(layout: Component, plot: Plot, title: str) -> str:
    """The page's first screen: ``layout`` as HTML, its graph drawn as ``plot``."""
    return f'<div class="{CLASS}">{to_html(static(layout, plot, title))}</div>'


def static(node: Any, plot: Plot, title: str) -> Any:
    """``node`` with every Dash core component replaced by its still picture, and no ids."""
    if isinstance(node, list | tuple):
        return [static(child, plot, title) for child in node]
    if not isinstance(node, Component):
        return node
    if isinstance(node, _INVISIBLE):
        return None
    if isinstance(node, HtmlBlock):
        return _block(node)
    if isinstance(node, dcc.Dropdown):
        return _dropdown(node)
    if isinstance(node, dcc.Checklist | dcc.RadioItems):
        return _options(node)
    if isinstance(node, dcc.RangeSlider):
        return _range(node)
    if isinstance(node, dcc.Graph):
        return _chart(node, plot, title)
    kept = {name: value for name, value in _props(node).items() if name not in _DROPPED}
    if "children" in kept:
        kept["children"] = static(kept["children"], plot, title)
    return type(node)(**kept)


def _block(node: HtmlBlock) -> Component:
    """The element an ``HtmlBlock`` draws, holding its HTML (written by ``to_html``)."""
    kept = {
        name: value for name, value in _props(node).items() if name not in ("id", "tag", "html")
    }
    element: Any = getattr(html, node.tag.capitalize())
    drawn: Component = element(Markup(node.html), **kept)
    return drawn


def _props(node: Component) -> dict[str, Any]:
    """A component's properties, as set (Dash's components declare them only at run time)."""
    props: dict[str, Any] = node.to_plotly_json()["props"]  # type: ignore[no-untyped-call]
    return props


# Drawings the size of the chart's frame on a phone and on wider screens (style.css), so that
# their labels are drawn at the size they are read at.
PHONE_CHART = minichart.Size(width=360, height=390, font=12, x_ticks=3)
WIDE_CHART = minichart.Size(width=890, height=490, font=12, x_ticks=6)


def _chart(node: dcc.Graph, plot: Plot, title: str) -> html.Div:
    return html.Div(
        [minichart.key(plot), *minichart.drawings(plot, title, WIDE_CHART, PHONE_CHART)],
        className=f"dash-graph {_props(node).get('className', '')} chart-box {CLASS}-chart",
    )


def _label(options: Any, value: Any) -> str:
    for option in options or []:
        if isinstance(option, Mapping) and option.get("value") == value:
            return str(option.get("label", value))
        if option == value:
            return str(value)
    return "" if value is None else str(value)


def _dropdown(node: dcc.Dropdown) -> Markup:
    props = _props(node)
    label = escape(_label(props.get("options"), props.get("value")))
    return Markup(
        f'<div class="dash-dropdown {CLASS}-control" inert><span class="dash-dropdown-value">'
        f'{label}</span><span class="{CLASS}-caret" aria-hidden="true"></span></div>'
    )


def _options(node: dcc.Checklist | dcc.RadioItems) -> Markup:
    kind = "checkbox" if isinstance(node, dcc.Checklist) else "radio"
    family = "dash-checklist" if kind == "checkbox" else "dash-radioitems"
    props = _props(node)
    chosen = props.get("value")
    chosen = chosen if isinstance(chosen, list) else [chosen]
    inline = f" {family}-inline" if props.get("inline") else ""
    options = []
    for option in props.get("options") or []:
        value = option["value"] if isinstance(option, Mapping) else option
        label = option.get("label", value) if isinstance(option, Mapping) else option
        picked = value in chosen
        options.append(
            f'<label class="dash-options-list-option{" selected" if picked else ""}{inline}">'
            f'<span class="dash-options-list-option-wrapper"><input type="{kind}" '
            f'class="dash-options-list-option-checkbox" value="{escape(str(value), quote=True)}"'
            f"{' checked' if picked else ''}></span>"
            f'<span class="dash-options-list-option-text"><span>{escape(str(label))}</span>'
            "</span></label>"
        )
    classes = f"dash-options-list {family} {props.get('className', '')} {CLASS}-control"
    return Markup(f'<div class="{classes}" inert>{"".join(options)}</div>')


def _range(node: dcc.RangeSlider) -> Markup:
    props = _props(node)
    (low, high), first, last = props["value"], props["min"], props["max"]
    span = max(last - first, 1)
    left, right = (low - first) / span * 100, (last - high) / span * 100
    boxes = "".join(
        f'<input type="number" class="dash-range-slider-input {CLASS}-year" value="{year}">'
        for year in (low, high)
    )
    return Markup(
        f'<div class="dash-slider-container {CLASS}-control" inert>{boxes}'
        f'<span class="{CLASS}-track"><span class="{CLASS}-range" '
        f'style="left: {left:.1f}%; right: {right:.1f}%"></span></span></div>'
    )
