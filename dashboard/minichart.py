"""Small charts drawn as SVG on the server, for the report pages.

The report pages are plain HTML (``dashboard.static_pages``): a dozen plotly charts would make
a phone load the whole plotly.js bundle and lay out every chart before the page settles. These
charts only need lines, dots and a few labels, drawn with the chart page's rules: the same
colours, and lines that join only values of one series close in time (``figures.joins``).
The chart page is one link away for hovering, other views and downloads.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from html import escape
from itertools import pairwise

from dash import html
from markupsafe import Markup

from dashboard.figures import joins
from dashboard.theme import DERIVED_COLOUR, FONT, economy_colour
from dashboard.views import Line, Plot, Point


class Svg(Markup):
    """Markup this module built: written into a page as it is, not escaped."""

    __slots__ = ()


@dataclass(frozen=True)
class Size:
    """A chart's drawing box, in SVG units; text is ``font`` units high."""

    width: int = 360
    height: int = 190
    font: int = 12
    x_ticks: int = 2
    """Years labelled on the x axis: the first and the last, and more between on wider charts."""
    axes: bool = True
    """Grid and labels; a sparkline has none (its row gives the figures)."""


SMALL = Size()
WIDE = Size(width=560, height=300, font=13, x_ticks=5)
SPARK = Size(width=120, height=36, axes=False)

_XMLNS = "http://www.w3.org/2000/svg"
_LEFT_CHARS = 6  # room for tick labels such as "1,200" or "0.96"


def svg(plot: Plot, title: str, size: Size = SMALL, variant: str = "") -> Svg:
    """A line chart of ``plot``: its main lines thick, other sources thin and dotted;
    ``variant`` is a class the page's stylesheet shows or hides by the screen's width."""
    points = [point for line in plot.lines for point in line.points]
    if not points:
        return Svg("")
    if size.axes:
        left = _LEFT_CHARS * size.font * 0.6 + 10
        box = _Box(left, size.width - 14, size.font + 8, size.height - size.font - 14)
    else:
        box = _Box(4, size.width - 4, 4, size.height - 4)
    years = [point.year for point in points]
    first, last = min(years), max(years)
    if first == last:
        first, last = first - 1, last + 1
    ticks = _nice_ticks(min(0.0, *(p.value for p in points)), max(p.value for p in points))
    x = _Scale(first, last, box.left, box.right)
    y = _Scale(ticks[0], ticks[-1], box.bottom, box.top)
    parts = [
        f'<svg xmlns="{_XMLNS}" class="{" ".join(["minichart", variant]).strip()}" '
        f'viewBox="0 0 {size.width} {size.height}" '
        'role="img" '
        f'aria-label="{escape(title, quote=True)}" font-family="{escape(FONT, quote=True)}" '
        f'font-size="{size.font}" preserveAspectRatio="xMidYMid meet">',
        f"<title>{escape(title)}</title>",
    ]
    for tick in ticks if size.axes else []:
        parts.append(
            f'<line class="grid" x1="{box.left:.1f}" x2="{box.right:.1f}" '
            f'y1="{y(tick):.1f}" y2="{y(tick):.1f}" stroke="#d9d9d9" stroke-width="1"/>'
            f'<text class="tick y" x="{box.left - 6:.1f}" y="{y(tick) + size.font * 0.35:.1f}" '
            f'text-anchor="end" fill="#1a1a1a">{escape(_tick_label(tick, ticks))}</text>'
        )
    labels = {point.year: point.period for point in points}
    for year in _year_ticks(sorted(labels), size.x_ticks) if size.axes else []:
        anchor = "start" if year == first else "end" if year == last else "middle"
        parts.append(
            f'<text class="tick x" x="{x(year):.1f}" y="{size.height - 4}" '
            f'text-anchor="{anchor}" fill="#1a1a1a">{escape(labels[year])}</text>'
        )
    # Other sources first, so the main lines are drawn over them.
    for line in sorted(plot.lines, key=lambda line: line.main):
        parts.extend(_line(line, x, y, dots=size.axes or len(line.points) < 2))
    parts.append("</svg>")
    return Svg("".join(parts))


@dataclass(frozen=True)
class KeyEntry:
    """One line of a chart's key."""

    name: str
    colour: str
    main: bool
    joined: bool
    """Whether any two of its values are joined by a line (else its sample is a dot)."""


def legend(plot: Plot) -> list[KeyEntry]:
    """The key under a chart, main lines first: HTML, so it wraps on a phone (text inside an
    SVG would shrink with the chart). Other sources are one entry per economy: a small chart's
    key naming a dozen press reports would be longer than the chart (the chart view names each)."""
    entries = [
        KeyEntry(line.name, _colour(line), True, _any_joined(line))
        for line in plot.lines
        if line.main
    ]
    others: dict[str, list[Line]] = {}
    for line in plot.lines:
        if not line.main:
            others.setdefault(line.key, []).append(line)
    for lines in others.values():
        name = lines[0].name.split(" · ")[0]
        count = len(lines)
        label = f"{name}, {count} other source{'s' if count > 1 else ''}"
        joined = any(_any_joined(line) for line in lines)
        entries.append(KeyEntry(label, _colour(lines[0]), False, joined))
    return entries


def key(plot: Plot) -> html.Ul:
    """The chart's key as a list: each entry's swatch and name (``legend``)."""
    return html.Ul(
        [html.Li([swatch(entry), " ", entry.name]) for entry in legend(plot)], className="chart-key"
    )


def drawings(plot: Plot, title: str, wide: Size, narrow: Size) -> list[Svg]:
    """``plot`` drawn at ``wide`` and at ``narrow``: a wide chart shrunk to a phone's width would
    shrink its labels below reading size, so a phone is shown the narrow drawing instead
    (style.css picks one by the screen's width, inside a ``chart-box``)."""
    return [svg(plot, title, wide, "wide"), svg(plot, title, narrow, "narrow")]


def _any_joined(line: Line) -> bool:
    return bool(_joined_years(line))


@dataclass(frozen=True)
class _Box:
    left: float
    right: float
    top: float
    bottom: float


def _colour(line: Line) -> str:
    return DERIVED_COLOUR if line.key in ("ratio", "difference") else economy_colour(line.key)


def _line(line: Line, x: _Scale, y: _Scale, *, dots: bool = True) -> list[str]:
    colour = _colour(line)
    width = 2.5 if line.main else 1.25
    dash = "" if line.main else ' stroke-dasharray="2 3"'
    parts: list[str] = []
    segment: list[Point] = []
    for point in line.points:
        if segment and not joins(segment[-1], point, line.main):
            parts.append(_path(segment, x, y, colour, width, dash))
            segment = []
        segment.append(point)
    parts.append(_path(segment, x, y, colour, width, dash))
    # A sparkline is all line; its lone points (values no line joins) still need a dot.
    lone = {p.year for p in line.points} if dots else _lone(line)
    for point in (p for p in line.points if p.year in lone):
        hollow = point.status in ("estimate", "projection")
        fill = "#ffffff" if hollow else colour
        parts.append(
            f'<circle class="dot" cx="{x(point.year):.1f}" cy="{y(point.value):.1f}" '
            f'r="{3.5 if line.main else 2.5}" fill="{fill}" stroke="{colour}" stroke-width="1.5">'
            f"<title>{escape(line.name)}, {escape(point.period)}: "
            f"{escape(_number(point.value))} ({escape(point.status)})</title></circle>"
        )
    return parts


def _joined_years(line: Line) -> set[int]:
    """Years of values a line joins to a neighbour (by ``figures.joins``)."""
    joined: set[int] = set()
    for before, after in pairwise(line.points):
        if joins(before, after, line.main):
            joined |= {before.year, after.year}
    return joined


def _lone(line: Line) -> set[int]:
    """Years of values that no line joins to a neighbour."""
    return {point.year for point in line.points} - _joined_years(line)


def _path(segment: list[Point], x: _Scale, y: _Scale, colour: str, width: float, dash: str) -> str:
    if len(segment) < 2:
        return ""
    coords = " ".join(f"{x(point.year):.1f},{y(point.value):.1f}" for point in segment)
    projected = segment[-1].status == "projection"
    style = ' stroke-dasharray="6 4"' if projected and not dash else dash
    return (
        f'<polyline class="trend" points="{coords}" fill="none" stroke="{colour}" '
        f'stroke-width="{width}"{style} stroke-linejoin="round"/>'
    )


class _Scale:
    def __init__(self, low: float, high: float, start: float, end: float) -> None:
        self.low, self.span, self.start, self.end = low, (high - low) or 1.0, start, end

    def __call__(self, value: float) -> float:
        return self.start + (value - self.low) / self.span * (self.end - self.start)


def _nice_ticks(low: float, high: float, count: int = 4) -> list[float]:
    """Round tick values covering ``low``..``high``: steps of 1, 2 or 5 times a power of ten."""
    if high <= low:
        high = low + 1
    raw = (high - low) / count
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw)
    start = math.floor(low / step) * step
    ticks = [start]
    while ticks[-1] < high - 1e-9:
        ticks.append(ticks[-1] + step)
    return [round(tick, 10) for tick in ticks]


def _tick_label(value: float, ticks: list[float]) -> str:
    if value == 0:
        return "0"
    step = ticks[1] - ticks[0] if len(ticks) > 1 else 1
    if abs(ticks[-1]) >= 1e6:
        return f"{value / 1e6:g}M"
    if abs(ticks[-1]) >= 10_000:
        return f"{value / 1e3:g}k"
    decimals = max(0, -math.floor(math.log10(step))) if step < 1 else 0
    return f"{value:,.{decimals}f}"


def _year_ticks(years: list[int], count: int) -> list[int]:
    """The first and last year, and up to ``count - 2`` evenly spaced years with data between."""
    if len(years) <= 2 or count <= 2:
        return sorted({years[0], years[-1]})
    chosen = {years[0], years[-1]}
    span = years[-1] - years[0]
    for step in range(1, count - 1):
        target = years[0] + span * step / (count - 1)
        nearest = min(years, key=lambda year: abs(year - target))
        # Keep labels apart: a year closer than a sixth of the span to a chosen one is skipped.
        if all(abs(nearest - other) >= span / 6 for other in chosen):
            chosen.add(nearest)
    return sorted(chosen)


def _number(value: float) -> str:
    if abs(value) >= 100:
        return f"{value:,.0f}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def swatch(entry: KeyEntry) -> Svg:
    """A key's sample: a solid line for the main series, dotted for other sources, a dot for
    values no line joins."""
    opening = (
        f'<svg xmlns="{_XMLNS}" class="swatch" width="24" height="10" viewBox="0 0 24 10" '
        'aria-hidden="true">'
    )
    if not entry.joined:
        return Svg(f'{opening}<circle cx="12" cy="5" r="3.5" fill="{entry.colour}"/></svg>')
    dash = "" if entry.main else ' stroke-dasharray="2 3"'
    width = 3 if entry.main else 2
    return Svg(
        f'{opening}<line x1="1" y1="5" x2="23" y2="5" stroke="{entry.colour}" '
        f'stroke-width="{width}"{dash}/></svg>'
    )
