"""Key figures and the one-sentence description of a view, computed with ``indicators.yearly``."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from dashboard.state import PAIR, POPULATION, choices
from dashboard.views import Plot
from indicators import Catalog, yearly
from indicators.catalog import Row

CHINA, US = PAIR


@dataclass(frozen=True)
class KeyFigure:
    """One labelled figure beside the chart."""

    label: str
    value: str
    detail: str = ""


def number(value: float, decimals: int) -> str:
    """A value as people read it: thousands separators, the indicator's decimals."""
    return f"{value:,.{decimals}f}"


def _own(rows: Sequence[Row], code: str) -> list[Row]:
    """An economy's rows, by year."""
    return sorted((row for row in rows if row.economy == code), key=lambda row: row.year)


def _latest(rows: Sequence[Row], code: str) -> Row | None:
    own = _own(rows, code)
    return own[-1] if own else None


def _common_latest(rows: Sequence[Row]) -> tuple[Row, Row] | None:
    """The latest year in which both China and the US have values."""
    values = yearly.by_economy(rows)
    years = values.get(CHINA, {}).keys() & values.get(US, {}).keys()
    if not years:
        return None
    year = max(years)
    pick = {row.economy: row for row in rows if row.year == year}
    return pick[CHINA], pick[US]


MIN_GROWTH_YEARS = 5
"""The shortest span over which a compound growth rate is shown: over fewer years it says more
about one year's noise than about a trend."""


def _firm(rows: Sequence[Row]) -> list[Row]:
    """Reported values and estimates: what the figures are computed from. A projection is a
    forecast, shown as one and never used as "latest", for a ratio or for "behind"."""
    return [row for row in rows if row.status != "projection"]


def key_figures(plot: Plot, catalog: Catalog) -> list[KeyFigure]:
    """Latest values (and projections, as such), ratio, growth over the chosen years where the
    span is long enough, crossover and, where catching up means something, years behind."""
    indicator = catalog.indicators[plot.state.indicator]
    names = {code: economy.label for code, economy in catalog.economies.items()}
    rows = _firm(plot.selection)
    figures: list[KeyFigure] = []
    for code in plot.state.economies:
        latest = _latest(rows, code)
        if latest is not None:
            status = "" if latest.status == "reported" else f" ({latest.status})"
            figures.append(
                KeyFigure(
                    f"{names[code]}, latest",
                    f"{number(latest.value, indicator.decimals)} {indicator.short_unit}",
                    f"{latest.period}{status}",
                )
            )
        projected = _latest(plot.selection, code)
        if projected is not None and projected.status == "projection":
            figures.append(
                KeyFigure(
                    f"{names[code]}, projection",
                    f"{number(projected.value, indicator.decimals)} {indicator.short_unit}",
                    f"for {projected.period}",
                )
            )
    both = _common_latest(rows)
    if both is not None:
        china, us = both
        if us.value != 0:
            figures.append(KeyFigure("China ÷ US", f"{china.value / us.value:.2f}", china.period))
    first, last = plot.state.years
    for code in plot.state.economies:
        own = _own(rows, code)
        if len(own) < 2 or own[-1].year - own[0].year < MIN_GROWTH_YEARS:
            continue
        span = f"{own[0].period}–{own[-1].period}"
        if indicator.is_share:
            # A share's compound growth (a 5% share growing "+3% a year") is not what anyone
            # means by its change: the change in percentage points is.
            points = own[-1].value - own[0].value
            figures.append(
                KeyFigure(
                    f"{names[code]}, change",
                    f"{points:+.{indicator.decimals}f} points",
                    f"percentage points, {span}",
                )
            )
            continue
        try:
            rate = yearly.cagr({row.year: row.value for row in own}, own[0].year, own[-1].year)
        except ValueError:
            continue  # growth is undefined from or to zero
        figures.append(
            KeyFigure(
                f"{names[code]}, growth",
                f"{rate * 100:+.1f}% a year",
                f"compound, {span}",
            )
        )
    crossings = plot.crossings
    if crossings:
        crossing = crossings[-1]
        before, after = crossing.between
        leader, follower = names[crossing.leader], names[crossing.follower]
        if after - before > 1:
            # No observation in between: when it happened is not known any closer.
            value, detail = (
                f"between {before} and {after}",
                f"{leader} ahead of {follower} by {after}",
            )
        else:
            value, detail = str(after), f"first year {leader} is ahead of {follower}"
        figures.append(KeyFigure("Crossover", value, detail))
    elif both is not None:
        figures.append(KeyFigure("Crossover", "none", f"the lines do not cross in {first}–{last}"))
    if both is not None and indicator.catch_up:
        china, us = both
        leader, follower = (US, CHINA) if us.value > china.value else (CHINA, US)
        values = yearly.by_economy(rows)
        gap = yearly.years_behind(values[leader], values[follower], china.year)
        if gap is not None:
            figures.append(
                KeyFigure(
                    f"{names[follower]} behind",
                    f"{gap:.1f} years",
                    f"{names[leader]} stood at {names[follower]}'s {china.period} level "
                    f"{gap:.1f} years earlier",
                )
            )
        elif china.value != us.value:
            figures.append(
                KeyFigure(
                    f"{names[follower]} behind",
                    "beyond the data",
                    f"{names[leader]} was above that level throughout {first}–{last}",
                )
            )
    return figures


def _mid(title: str) -> str:
    """A title inside a sentence: "In 2022 share of world R&D spending was", but names and
    abbreviations (China's, ISO, R&D, STEM) as they are."""
    first = title.split(" ", 1)[0]
    if first[1:].islower() and first.isalpha() and first not in ("Chinese", "American"):
        return title[0].lower() + title[1:]
    return title


# A citation is set in parentheses inside the sentence; parentheses of its own become brackets,
# as style guides nest them: "(OECD MSTI, May 2025 [GERD, constant PPP])", not "...PPP))".
_NESTED = str.maketrans("()", "[]")


def _aside(text: str) -> str:
    return f"({text.translate(_NESTED)})"


def _population_citation(catalog: Catalog) -> str:
    return catalog.sources[catalog.indicators[POPULATION].main_source].citation


def sentence(plot: Plot, catalog: Catalog) -> str:
    """One sentence saying what the chart shows, with its citation: the chart's text alternative;
    for an indicator that has the US or China only, a second one that says so."""
    text = _describe(plot, catalog)
    present = choices(catalog, plot.state.indicator).economies
    missing = [code for code in (US, CHINA) if code not in present]
    if len(missing) == 1:
        called = {US: "the US", CHINA: "China"}
        (absent,) = missing
        shown = CHINA if absent == US else US
        text += f" Figures for {called[shown]} only: no source here covers {called[absent]}."
    return text


def _describe(plot: Plot, catalog: Catalog) -> str:
    indicator = catalog.indicators[plot.state.indicator]
    names = {code: economy.name for code, economy in catalog.economies.items()}
    cite = catalog.sources[indicator.main_source].citation
    both = _common_latest(_firm(plot.selection))
    if not plot.lines:
        return f"No {_mid(indicator.title)} data for this selection {_aside(cite)}."
    if both is None:
        # No year with both main-source values: state each economy's latest point, cited.
        parts = []
        for code in plot.state.economies:
            lines = [line for line in plot.lines if line.key == code]
            if not lines:
                continue
            main = [line for line in lines if line.main]
            pick = main[0] if main else max(lines, key=lambda line: line.points[-1].year)
            point = pick.points[-1]
            approx = {"estimate": ", an estimate", "derived": ", derived here"}.get(
                point.status, ""
            )
            parts.append(
                f"{names[code]}: {number(point.value, indicator.decimals)} {indicator.unit} "
                f"in {point.period}{approx} {_aside(catalog.sources[point.source_id].citation)}"
            )
        return f"{indicator.title}. " + "; ".join(parts) + "."
    china, us = both
    # The documents the quoted values come from (a main series may join several).
    cite = "; ".join(dict.fromkeys(catalog.sources[row.source_id].citation for row in (china, us)))
    decimals = indicator.decimals
    ratio = china.value / us.value if us.value else float("nan")
    view = plot.state.view
    if view == "ratio":
        first = plot.lines[0].points[0]
        text = (
            f"China's {_mid(indicator.title)} was {ratio:.2f} times the US figure in "
            f"{china.period}, against {first.value:.2f} in {first.period}"
        )
    elif view == "difference":
        gap = china.value - us.value
        side = "above" if gap >= 0 else "below"
        text = (
            f"In {china.period} China's {_mid(indicator.title)} was "
            f"{number(abs(gap), decimals)} {indicator.unit} {side} the US figure"
        )
    elif view == "per_million":
        values = {line.key: line.points for line in plot.lines if line.main}
        if CHINA in values and US in values:
            us_points = {point.year: point for point in values[US]}
            common = [(cn, us_points[cn.year]) for cn in values[CHINA] if cn.year in us_points]
            if common:
                cn_last, us_last = common[-1]
                text = (
                    f"In {cn_last.period} {_mid(indicator.title)} came to "
                    f"{cn_last.value:,.3f} {plot.y_title} in {names[CHINA]}, against "
                    f"{us_last.value:,.3f} in the {names[US]}"
                )
                return f"{text} {_aside(f'{cite}; population: {_population_citation(catalog)}')}."
        text = f"{indicator.title} per million people"
    elif view == "indexed":
        base = plot.state.base_year
        parts = [
            f"{line.name} {line.points[-1].value:.0f} in {line.points[-1].period}"
            for line in plot.lines
        ]
        text = f"{indicator.title}, indexed to {base} = 100: " + ", ".join(parts)
    else:
        text = (
            f"In {china.period} {_mid(indicator.title)} was {number(china.value, decimals)} "
            f"{indicator.unit} for {names[CHINA]}, {ratio:.2f} times the {names[US]} figure of "
            f"{number(us.value, decimals)}"
        )
    crossings = plot.crossings if view != "indexed" else []
    if crossings:
        crossing = crossings[-1]
        text += (
            f"; {names[crossing.leader]} overtook {names[crossing.follower]} between "
            f"{crossing.between[0]} and {crossing.between[1]}"
        )
    return f"{text} {_aside(cite)}."
