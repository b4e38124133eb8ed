"""Dash components as HTML text, and a component that shows such text.

The server writes some pages whole as HTML (``dashboard.static_pages``, the chart page's first
screen in ``dashboard.prerender``), and the blocks of words in the chart page that only ever
change as a whole, which Dash's renderer would otherwise draw element by element
(``HtmlBlock``).
"""

from __future__ import annotations

from html import escape
from typing import Any

from dash.development.base_component import Component
from markupsafe import Markup

# Dash property names that differ from HTML attribute names.
_ATTRIBUTES = {"className": "class", "htmlFor": "for"}
_VOID = {"br", "hr", "img", "input", "meta", "link"}


def to_html(node: Any) -> str:
    """HTML text of a tree of ``dash.html`` components (text children are escaped)."""
    if node is None:
        return ""
    if isinstance(node, Markup):
        return str(
            node
        )  # built as markup (dashboard.minichart, dashboard.prerender), escaped there
    if isinstance(node, str | int | float):
        return escape(str(node))
    if isinstance(node, list | tuple):
        return "".join(to_html(child) for child in node)
    if not isinstance(node, Component):
        raise TypeError(f"cannot render {type(node).__name__} as HTML")
    tag = type(node).__name__.lower()
    attributes = []
    props: dict[str, Any] = node.to_plotly_json()["props"]  # type: ignore[no-untyped-call]
    for name, value in props.items():
        if name == "children" or value is None or value is False:
            continue
        attribute = _ATTRIBUTES.get(name, name)
        if value is True:
            attributes.append(f" {attribute}")
        else:
            attributes.append(f' {attribute}="{escape(str(value), quote=True)}"')
    opening = f"<{tag}{''.join(attributes)}>"
    if tag in _VOID:
        return opening
    return f"{opening}{to_html(getattr(node, 'children', None))}</{tag}>"


class HtmlBlock(Component):
    """An element ``tag`` holding ``html``, text that ``to_html`` wrote (assets/html-block.js).

    Dash draws each of its components through a wrapper that re-reads the page's whole state
    whenever any part of it changes; the chart page's blocks of words (key figures, caveats,
    the indicator's description, the events) were 41 of its 149 components, drawn one by one
    as the page started and looked at again at every step of every answer. As one element
    each, they cost Dash one component, and a callback sends them as one string.
    """

    # (as Dash's generated components declare them: no children, no nested components)
    _children_props: list[str] = []  # noqa: RUF012
    _base_nodes: list[str] = []  # noqa: RUF012
    _namespace = "us_china_indicators"
    _type = "HtmlBlock"
    html: str
    tag: str

    def __init__(
        self, html: str = "", tag: str = "div", id: str | None = None, **kwargs: Any
    ) -> None:
        self._prop_names = ["id", "tag", "html", "className"]
        self._valid_wildcard_attributes: list[str] = []
        self.available_properties = list(self._prop_names)
        self.available_wildcard_properties: list[str] = []
        if id is not None:
            kwargs["id"] = id
        super().__init__(html=html, tag=tag, **kwargs)  # type: ignore[no-untyped-call]
