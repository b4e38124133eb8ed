"""Claims from the reports, and their checks against the catalog.

A claim in ``data/claims.yaml`` quotes a report (a source in ``sources.yaml``) and lists the
checks that would bear it out. Each check recomputes a figure from the catalog with
``indicators.derive`` and compares it with the claimed figure within a stated tolerance.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from indicators.types import EconomyCode, IndicatorId, NonEmptyText, Slug, SourceId, Year

if TYPE_CHECKING:
    import pandas as pd

    from indicators.catalog import Catalog

Verdict = Literal["consistent", "differs", "not checkable"]
Op = Literal["about", "at_least", "at_most"]


class _Check(BaseModel):
    model_config = ConfigDict(strict=True, extra="forbid", frozen=True)

    indicator: IndicatorId
    source: SourceId | None = None
    """Source whose series is used; the indicator's main source when absent."""
    basis: str = ""
    """What the figure is measured in, when it matters (e.g. "nominal yuan")."""


class ValueCheck(_Check):
    """An economy's value in a year, e.g. 278,000 students in 2023/24."""

    kind: Literal["value"]
    economy: EconomyCode
    year: Year
    claimed: float
    op: Op = "about"
    tolerance: float = Field(default=0.05, ge=0)
    """Relative: 0.05 accepts values within 5% of the claimed one."""


class RatioCheck(_Check):
    """One economy's value over another's in a year (China ÷ US by default)."""

    kind: Literal["ratio"]
    year: Year
    claimed: float
    numerator: EconomyCode = "CHN"
    denominator: EconomyCode = "USA"
    op: Op = "about"
    tolerance: float = Field(default=0.05, ge=0)
    """Relative to the claimed ratio."""


class ShareCheck(BaseModel):
    """One value as a share of another indicator's value, e.g. Chinese of all students."""

    model_config = ConfigDict(strict=True, extra="forbid", frozen=True)

    kind: Literal["share"]
    part_indicator: IndicatorId
    part_economy: EconomyCode
    part_source: SourceId | None = None
    whole_indicator: IndicatorId
    whole_economy: EconomyCode
    whole_source: SourceId | None = None
    year: Year
    claimed: float
    """A fraction: 0.25 for "a quarter"."""
    tolerance: float = Field(default=0.02, ge=0)
    """Absolute, in the same fraction units."""
    basis: str = ""


class GrowthCheck(_Check):
    """Compound annual growth of one economy between two years."""

    kind: Literal["growth"]
    economy: EconomyCode
    start: Year
    end: Year
    claimed: float
    """A fraction a year: 0.11 for 11 percent."""
    tolerance: float = Field(default=0.01, ge=0)
    """Absolute, in fraction units: 0.01 is one percentage point."""


class ChangeCheck(_Check):
    """How many times larger a value became between two years (2.0 for "doubled")."""

    kind: Literal["change"]
    economy: EconomyCode
    start: Year
    end: Year
    claimed: float
    op: Op = "about"
    tolerance: float = Field(default=0.1, ge=0)
    """Relative to the claimed multiple."""


class CrossoverCheck(_Check):
    """The year one economy overtook another: the first year it is ahead."""

    kind: Literal["crossover"]
    leader: EconomyCode
    follower: EconomyCode
    claimed: int
    tolerance: float = Field(default=1, ge=0)
    """In years."""


class ComparisonCheck(_Check):
    """One economy's value exceeds another's in a year (the latest common year if absent)."""

    kind: Literal["comparison"]
    greater: EconomyCode
    lesser: EconomyCode
    year: Year | None = None


class DocumentCheck(BaseModel):
    """What a document says, where no series of the catalog bears a claim: a law, a technical
    report, an official count. The curator read the source; its own words stand beside the
    verdict, so a reader judges the reading."""

    model_config = ConfigDict(strict=True, extra="forbid", frozen=True)

    kind: Literal["document"]
    source: SourceId
    says: NonEmptyText
    """The source's words, verbatim (a translation in brackets after words in Chinese)."""
    figure: NonEmptyText
    """What the source gives, in short: "$52.7 billion appropriated for semiconductors"."""
    claimed: NonEmptyText
    """What the report says, in short: "$280 billion to expand chip production"."""
    verdict: Literal["consistent", "differs"]
    basis: str = ""


CHECK_KINDS = frozenset(
    {"value", "ratio", "share", "growth", "change", "crossover", "comparison", "document"}
)

Check = Annotated[
    ValueCheck
    | RatioCheck
    | ShareCheck
    | GrowthCheck
    | ChangeCheck
    | CrossoverCheck
    | ComparisonCheck
    | DocumentCheck,
    Field(discriminator="kind"),
]

Problem = Literal["misattributed", "total as part", "dated"]
PROBLEM_LABELS: dict[str, str] = {
    "misattributed": "Figure of another thing",
    "total as part": "A total given as a part",
    "dated": "An old count given as current",
}
"""How a report can misstate its source, as the claims pages name it."""


class Claim(BaseModel):
    """A quantitative claim of a report, with the checks that would bear it out."""

    model_config = ConfigDict(strict=True, extra="forbid", frozen=True)

    id: Slug
    report: SourceId
    """The report, as a source in ``sources.yaml``."""
    locator: NonEmptyText
    """Where the claim stands in the report."""
    claim: NonEmptyText
    """What the report says, restated in plain words."""
    quote: str = ""
    """The report's own sentence(s), word for word as printed (a link keeps its text only);
    empty only where the report's text could not be read."""
    section: str = ""
    """The heading of the report's section the quote stands under."""
    checks: tuple[Check, ...] = Field(default=(), strict=False)
    """All must hold for the claim to be consistent with the data."""
    alternatives: tuple[Check, ...] = Field(default=(), strict=False)
    """The same figure on other bases or sources: shown beside the verdict, never deciding it."""
    needs: str = ""
    """What data would be needed to check the claim, when the catalog cannot."""
    searched: str = ""
    """Where the project looked for that data, when it was not found."""
    finding: str = ""
    """What the evidence says, in a sentence a journalist could quote, naming its source."""
    problem: Problem | None = None
    """How the report misstates its source, when it does."""
    figure: Slug | None = None
    """The report's figure (in ``reports.yaml``) the claim is read from, when the report gives
    the number only in a chart it reproduces."""

    def indicators(self) -> list[str]:
        """Indicators the claim rests on, in order of first mention."""
        ids: list[str] = []
        for check in (*self.checks, *self.alternatives):
            ids += _indicators_of(check)
        return list(dict.fromkeys(ids))


def _indicators_of(check: Check) -> list[str]:
    if isinstance(check, ShareCheck):
        return [check.part_indicator, check.whole_indicator]
    if isinstance(check, DocumentCheck):
        return []
    return [check.indicator]


@dataclass(frozen=True)
class CheckResult:
    """One check's outcome: the computed figure beside the claimed one."""

    verdict: Verdict
    computed: str
    """The figure computed from the catalog, in words and numbers ("" when not checkable)."""
    claimed: str
    reason: str
    """Why it is not checkable or differs; how it was computed when consistent."""
    sources: tuple[str, ...]
    basis: str = ""
    says: str = ""
    """A document's own words, for a check read from a document."""


@dataclass(frozen=True)
class ClaimResult:
    """A claim's verdict and the results of its checks."""

    claim: Claim
    verdict: Verdict
    checks: tuple[CheckResult, ...]
    alternatives: tuple[CheckResult, ...]

    @property
    def sources(self) -> list[str]:
        """Sources the deciding checks used."""
        return list(dict.fromkeys(s for result in self.checks for s in result.sources))


class _NotCheckable(Exception):
    """The catalog lacks what a check needs; the message says what."""


@cache
def evaluate_all(catalog: Catalog) -> tuple[ClaimResult, ...]:
    """Every registered claim with its verdict (once per catalog: the catalog never changes,
    and the claims page, the API and notebooks all ask)."""
    return tuple(evaluate(catalog, claim) for claim in catalog.claims.values())


def evaluate(catalog: Catalog, claim: Claim) -> ClaimResult:
    """A claim's verdict: ``differs`` if any check differs, else ``not checkable`` if any check
    (or the claim itself) cannot be checked, else ``consistent``."""
    results = tuple(run(catalog, check) for check in claim.checks)
    alternatives = tuple(run(catalog, check) for check in claim.alternatives)
    verdicts = {result.verdict for result in results}
    if "differs" in verdicts:
        verdict: Verdict = "differs"
    elif not results or "not checkable" in verdicts:
        verdict = "not checkable"
    else:
        verdict = "consistent"
    return ClaimResult(claim, verdict, results, alternatives)


def run(catalog: Catalog, check: Check) -> CheckResult:
    """Compute one check's figure and compare it with the claimed one."""
    try:
        if isinstance(check, ValueCheck):
            return _run_value(catalog, check)
        if isinstance(check, RatioCheck):
            return _run_ratio(catalog, check)
        if isinstance(check, ShareCheck):
            return _run_share(catalog, check)
        if isinstance(check, GrowthCheck):
            return _run_growth(catalog, check)
        if isinstance(check, ChangeCheck):
            return _run_change(catalog, check)
        if isinstance(check, CrossoverCheck):
            return _run_crossover(catalog, check)
        if isinstance(check, DocumentCheck):
            return _read_document(check)
        return _run_comparison(catalog, check)
    except _NotCheckable as missing:
        return CheckResult("not checkable", "", _claimed_text(check), str(missing), (), check.basis)


@cache
def _series(
    catalog: Catalog, indicator: str, source: str | None
) -> tuple[pd.DataFrame, tuple[str, ...]]:
    """One source's series, or the indicator's main series, and the sources it comes from
    (built once per catalog: a frame costs milliseconds, and the claims ask for the same series
    a hundred times; callers only read it)."""
    frame = catalog.series(indicator, source_id=source)
    if frame.empty:
        raise _NotCheckable(f"no values of {indicator} from {source or 'its main series'}")
    return frame, tuple(dict.fromkeys(frame["source_id"]))


def _value(
    catalog: Catalog, indicator: str, source: str | None, economy: str, year: int
) -> tuple[float, str]:
    frame, used = _series(catalog, indicator, source)
    rows = frame[(frame["economy"] == economy) & (frame["year"] == year)]
    if rows.empty:
        period = catalog.indicators[indicator].period.label(year)
        cited = "; ".join(catalog.sources[source_id].citation for source_id in used)
        raise _NotCheckable(f"no {economy} value for {period} in {indicator} ({cited})")
    return float(rows["value"].iloc[0]), str(rows["source_id"].iloc[0])


def _sources_of(
    frame: pd.DataFrame, economies: tuple[str, ...], years: tuple[int, ...]
) -> tuple[str, ...]:
    """Sources of the rows a figure was computed from."""
    rows = frame[frame["economy"].isin(economies) & frame["year"].isin(years)]
    return tuple(dict.fromkeys(str(source_id) for source_id in rows["source_id"]))


def _compare(computed: float, claimed: float, op: Op, tolerance: float, *, relative: bool) -> bool:
    slack = abs(claimed) * tolerance if relative else tolerance
    if op == "at_least":
        return computed >= claimed - slack
    if op == "at_most":
        return computed <= claimed + slack
    return abs(computed - claimed) <= slack


def _miss(op: Op, tolerance: float) -> str:
    """Why a figure differs, in words."""
    if op == "at_least":
        return "below the claimed minimum" + (f" by more than {tolerance:.0%}" if tolerance else "")
    if op == "at_most":
        return "above the claimed maximum" + (f" by more than {tolerance:.0%}" if tolerance else "")
    return f"more than {tolerance:.0%} from the claim"


def _verdict(ok: bool) -> Verdict:
    return "consistent" if ok else "differs"


def _number(value: float) -> str:
    if abs(value) >= 100:
        return f"{value:,.0f}"
    return f"{value:,.2f}".rstrip("0").rstrip(".") if value != int(value) else f"{value:,.0f}"


_OP_WORDS = {"about": "about", "at_least": "at least", "at_most": "at most"}


def _claimed_text(check: Check) -> str:
    if isinstance(check, DocumentCheck):
        return check.claimed
    if isinstance(check, GrowthCheck):
        return f"{check.claimed * 100:.1f}% a year"
    if isinstance(check, ShareCheck):
        return f"{check.claimed * 100:.0f}%"
    if isinstance(check, ComparisonCheck):
        return f"{check.greater} above {check.lesser}"
    if isinstance(check, CrossoverCheck):
        return str(check.claimed)
    if isinstance(check, ChangeCheck):
        return f"{_OP_WORDS[check.op]} ×{_number(check.claimed)}"
    return f"{_OP_WORDS[check.op]} {_number(check.claimed)}"


def _run_value(catalog: Catalog, check: ValueCheck) -> CheckResult:
    value, source_id = _value(catalog, check.indicator, check.source, check.economy, check.year)
    unit = catalog.indicators[check.indicator].unit
    ok = _compare(value, check.claimed, check.op, check.tolerance, relative=True)
    period = catalog.indicators[check.indicator].period.label(check.year)
    return CheckResult(
        _verdict(ok),
        f"{_number(value)} {unit} ({check.economy}, {period})",
        _claimed_text(check),
        _miss(check.op, check.tolerance) if not ok else "",
        (source_id,),
        check.basis,
    )


def _run_ratio(catalog: Catalog, check: RatioCheck) -> CheckResult:
    from indicators import derive  # pandas: loaded when a claim is checked

    frame, _ = _series(catalog, check.indicator, check.source)
    ratios = derive.ratio(frame, check.numerator, check.denominator)
    if check.year not in ratios.index:
        raise _NotCheckable(
            f"no {check.numerator} and {check.denominator} values for "
            f"{check.year} in {check.indicator}"
        )
    value = float(ratios.loc[check.year])
    ok = _compare(value, check.claimed, check.op, check.tolerance, relative=True)
    return CheckResult(
        _verdict(ok),
        f"{value:.2f} ({check.numerator} ÷ {check.denominator}, {check.year})",
        _claimed_text(check),
        "",
        _sources_of(frame, (check.numerator, check.denominator), (check.year,)),
        check.basis,
    )


def _run_share(catalog: Catalog, check: ShareCheck) -> CheckResult:
    part, part_source = _value(
        catalog, check.part_indicator, check.part_source, check.part_economy, check.year
    )
    whole, whole_source = _value(
        catalog, check.whole_indicator, check.whole_source, check.whole_economy, check.year
    )
    if whole == 0:
        raise _NotCheckable("the whole is zero")
    share = part / whole
    ok = abs(share - check.claimed) <= check.tolerance
    return CheckResult(
        _verdict(ok),
        f"{share * 100:.1f}% ({_number(part)} of {_number(whole)})",
        _claimed_text(check),
        "",
        tuple(dict.fromkeys([part_source, whole_source])),
        check.basis,
    )


def _run_growth(catalog: Catalog, check: GrowthCheck) -> CheckResult:
    from indicators import derive  # pandas: loaded when a claim is checked

    frame, _ = _series(catalog, check.indicator, check.source)
    own = frame[frame["economy"] == check.economy].set_index("year")["value"]
    try:
        rate = derive.cagr(own, check.start, check.end)
    except ValueError as error:
        raise _NotCheckable(f"{check.economy} {check.indicator}: {error}") from None
    ok = abs(rate - check.claimed) <= check.tolerance
    label = catalog.indicators[check.indicator].period.label
    return CheckResult(
        _verdict(ok),
        f"{rate * 100:.1f}% a year ({label(check.start)}–{label(check.end)})",
        _claimed_text(check),
        "",
        _sources_of(frame, (check.economy,), (check.start, check.end)),
        check.basis,
    )


def _run_change(catalog: Catalog, check: ChangeCheck) -> CheckResult:
    start, start_source = _value(catalog, check.indicator, check.source, check.economy, check.start)
    end, end_source = _value(catalog, check.indicator, check.source, check.economy, check.end)
    if start == 0:
        raise _NotCheckable("the starting value is zero")
    multiple = end / start
    ok = _compare(multiple, check.claimed, check.op, check.tolerance, relative=True)
    label = catalog.indicators[check.indicator].period.label
    return CheckResult(
        _verdict(ok),
        f"×{multiple:.2f} ({_number(start)} in {label(check.start)} to {_number(end)} in "
        f"{label(check.end)})",
        _claimed_text(check),
        _miss(check.op, check.tolerance) if not ok else "",
        tuple(dict.fromkeys([start_source, end_source])),
        check.basis,
    )


def _run_crossover(catalog: Catalog, check: CrossoverCheck) -> CheckResult:
    from indicators import derive  # pandas: loaded when a claim is checked

    frame, _ = _series(catalog, check.indicator, check.source)
    crossings = [
        c
        for c in derive.crossovers(frame, check.leader, check.follower)
        if c.leader == check.leader
    ]
    if not crossings:
        years = sorted(set(frame["year"]))
        raise _NotCheckable(
            f"the {check.leader} and {check.follower} series do not cross in "
            f"the years with data ({', '.join(map(str, years))})"
        )
    crossing = crossings[-1]
    first, last = crossing.between
    # Sparse data bracket the crossing: a claimed year inside the bracket is consistent.
    ok = first < check.claimed <= last or (
        abs(crossing.first_full_year - check.claimed) <= check.tolerance
    )
    precision = "" if last - first == 1 else "; the data cannot date it more precisely"
    return CheckResult(
        _verdict(ok),
        f"{crossing.first_full_year} (lines cross c. {crossing.year:.1f}, between {first} "
        f"and {last}{precision})",
        _claimed_text(check),
        "",
        _sources_of(frame, (check.leader, check.follower), crossing.between),
        check.basis,
    )


def _run_comparison(catalog: Catalog, check: ComparisonCheck) -> CheckResult:
    from indicators import derive  # pandas: loaded when a claim is checked

    frame, _ = _series(catalog, check.indicator, check.source)
    table = derive.wide(frame)
    if check.greater not in table or check.lesser not in table:
        raise _NotCheckable(f"{check.indicator} lacks {check.greater} or {check.lesser}")
    both = table[[check.greater, check.lesser]].dropna()
    year = check.year if check.year is not None else (int(both.index.max()) if len(both) else None)
    if year is None or year not in both.index:
        raise _NotCheckable(f"no common year for {check.greater} and {check.lesser}")
    high, low = (float(v) for v in both.loc[year, [check.greater, check.lesser]].to_numpy(float))
    return CheckResult(
        _verdict(bool(high > low)),
        f"{check.greater} {_number(high)} vs {check.lesser} {_number(low)} ({year})",
        _claimed_text(check),
        "",
        _sources_of(frame, (check.greater, check.lesser), (year,)),
        check.basis,
    )


def _read_document(check: DocumentCheck) -> CheckResult:
    return CheckResult(
        check.verdict, check.figure, check.claimed, "", (check.source,), check.basis, check.says
    )


# Fields of a check that name an entry of another file, and what kind of entry.
_REFERENCE_FIELDS = {
    **dict.fromkeys(("indicator", "part_indicator", "whole_indicator"), "indicator"),
    **dict.fromkeys(("source", "part_source", "whole_source"), "source"),
    **dict.fromkeys(("economy", "part_economy", "whole_economy"), "economy"),
    **dict.fromkeys(("numerator", "denominator", "leader", "follower"), "economy"),
    **dict.fromkeys(("greater", "lesser"), "economy"),
}


def referenced(claim: Claim) -> list[tuple[str, str, str]]:
    """Every ``(kind, id, path)`` a claim refers to, for cross-file checks."""
    refs = [("source", claim.report, "report")]
    for field in ("checks", "alternatives"):
        for index, check in enumerate(getattr(claim, field)):
            for name, kind in _REFERENCE_FIELDS.items():
                ident = getattr(check, name, None)
                if ident is not None:
                    refs.append((kind, ident, f"{field}[{index}].{name}"))
    return refs
