"""The pydantic models: the single description of what a valid record is."""

from __future__ import annotations

import math

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator

from indicators.types import (
    Category,
    CellText,
    EconomyCode,
    IndicatorId,
    NonEmptyCellText,
    NonEmptyText,
    PartialDate,
    Period,
    Slug,
    SourceId,
    SourceKind,
    Status,
    Url,
    Year,
    partial_date_year_fraction,
)


class _Record(BaseModel):
    # Strict and closed: a typo in a key or a number written as text is an error, not a default.
    model_config = ConfigDict(strict=True, extra="forbid", frozen=True)


# Files hold enum members and lists as plain text and YAML lists; these fields accept them
# while every other field stays strict.
_FROM_TEXT = Field(strict=False)


class Economy(_Record):
    """An economy the catalog has data for."""

    code: EconomyCode
    """ISO 3166-1 alpha-3 code, or ``EU27``."""
    name: NonEmptyText
    """Display name, e.g. ``United States``."""
    short_name: NonEmptyText | None = None
    """Short label for charts, e.g. ``US``; defaults to the name."""

    @property
    def label(self) -> str:
        """The short name when there is one."""
        return self.short_name or self.name


class Source(_Record):
    """One specific document or table edition that values were read from."""

    id: SourceId
    publisher: NonEmptyText
    title: NonEmptyText
    edition: NonEmptyText
    """Edition, release or extract date, e.g. ``Science and Engineering Indicators 2022``."""
    published: PartialDate
    """When the source was published (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``)."""
    url: Url
    """The page or file that was actually read."""
    license: NonEmptyText
    """License or terms of use as stated; ``Not stated`` when the source says nothing."""
    kind: SourceKind = _FROM_TEXT
    short_citation: NonEmptyText | None = None
    """How running text cites it, e.g. ``NSB Indicators 2025``."""
    notes: str = ""
    """How the source was read, conversions applied, caveats."""
    next_release: str = ""
    """When the publisher says its next edition comes, in its words (empty when it says
    nothing we read): shown on the indicator pages beside the publication date."""

    @property
    def citation(self) -> str:
        """The short citation, or publisher and edition when none is given."""
        return self.short_citation or f"{self.publisher}, {self.edition}"

    @property
    def published_year(self) -> int:
        """Year of publication: values dated later must be projections."""
        return int(self.published[:4])


class Indicator(_Record):
    """An indicator and the table that holds its observations."""

    id: IndicatorId
    title: NonEmptyText
    description: NonEmptyText
    """One sentence a general reader understands."""
    definition: NonEmptyText
    """Precise definition used by the main source."""
    unit: NonEmptyText = Field(examples=["billion current PPP US dollars", "graduates"])
    """Plural words, never a symbol: ``billion current PPP US dollars``, not ``$bn``."""
    short_unit: NonEmptyText = Field(examples=["$bn PPP", "PhDs"])
    category: Category = _FROM_TEXT
    period: Period = Field(default=Period.CALENDAR_YEAR, strict=False)
    main_source: SourceId
    """The one consistent source edition drawn as the main series."""
    series_sources: tuple[SourceId, ...] = Field(default=(), strict=False)
    """Further documents that continue the main series, one new period each (e.g. annual
    statistical communiqués). Declared here so the join is explicit, never silent; the
    validator refuses two of them giving the same economy and year."""
    kept_apart: tuple[SourceId, ...] = Field(default=(), strict=False)
    """Sources with values for later years than the main series that still do not belong in
    it (another measure, a rounded press figure), declared so that a main series stopping
    short of what the catalog holds is a decision, not an oversight: a data test refuses any
    other. Their later values are drawn beside the main series."""
    nonnegative: bool = True
    """Whether values below zero are impossible (counts, money, shares)."""
    decimals: int = Field(default=1, ge=0, le=6)
    """Decimals to show; data keep all the digits the source gives."""
    caveats: tuple[NonEmptyText, ...] = Field(default=(), strict=False)
    """Definition differences, series breaks, revisions a reader must know."""
    keywords: tuple[NonEmptyText, ...] = Field(
        default=(), strict=False, examples=[("PhD", "doctorate", "graduates")]
    )
    """Words people search for it by that its title does not hold: synonyms, abbreviations,
    plain words for technical ones. The picker finds the indicator by them."""
    per_capita: bool = False
    """Whether a per-million-people view makes sense (counts and money, not shares or ratios)."""
    catch_up: bool = False
    """Whether "how many years behind" means something: a level the follower reaches by
    growing, as spending, researchers or articles (not a share that others' growth can move,
    nor population)."""

    plausible: tuple[float, float] | None = Field(default=None, strict=False)
    """The range its values can take, e.g. ``[1e4, 1e8]`` researchers: a value outside it is a
    typing slip (a value 1000 times too large). A percent is within 0–100 unless declared."""
    max_yearly_change: float = Field(default=1.0, gt=0)
    """The largest change from one year to the next (1.0: doubling, or halving) that one
    source's series may show without a note that says why (a break, a revision)."""
    source_tolerance: float = Field(default=0.5, gt=0)
    """How far apart (relative to the smaller) two sources may put one economy and year;
    editions revised further, or codes swapped between economies, are reported."""

    table: str
    """Path of the table holding the observations, relative to the data directory:
    always ``tables/<id>.csv``, written out so a curator sees where to look."""

    @property
    def is_share(self) -> bool:
        """Whether its values are percentages (its unit says "percent of ..."): within 0–100,
        and changing by points rather than growing by a rate."""
        return "percent" in self.unit

    @property
    def main_series(self) -> tuple[str, ...]:
        """The sources whose rows form the main series."""
        return (self.main_source, *self.series_sources)

    @field_validator("kept_apart")
    @classmethod
    def _apart_from_the_main_series(
        cls, kept: tuple[str, ...], info: ValidationInfo
    ) -> tuple[str, ...]:
        main = {info.data.get("main_source"), *info.data.get("series_sources", ())}
        both = [source_id for source_id in kept if source_id in main]
        if both:
            raise ValueError(f"{', '.join(both)} is in the main series, so not kept apart")
        return kept

    @field_validator("table")
    @classmethod
    def _table_named_after_id(cls, table: str, info: ValidationInfo) -> str:
        expected = f"tables/{info.data.get('id')}.csv"
        if "id" in info.data and table != expected:
            raise ValueError(f"must be {expected!r}, named after the indicator id")
        return table

    @field_validator("unit")
    @classmethod
    def _unit_in_words(cls, unit: str) -> str:
        if any(symbol in unit for symbol in "$%€¥£"):
            raise ValueError("must be written in words (e.g. 'percent', 'US dollars')")
        return unit


class Observation(_Record):
    """One value: an economy, a year, and the source and place it was read from."""

    indicator_id: IndicatorId
    economy: EconomyCode
    year: Year
    value: float
    status: Status = _FROM_TEXT
    source_id: SourceId
    locator: NonEmptyCellText
    """Where in the source the value stands: table, figure, page, row, column."""
    note: CellText = ""

    @field_validator("value")
    @classmethod
    def _finite(cls, value: float) -> float:
        if not math.isfinite(value):
            raise ValueError("must be a finite number")
        return value


class Event(_Record):
    """A dated US–China science and technology policy event, cited like any value."""

    id: Slug
    date: PartialDate
    """When it happened, as precisely as the source says (``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``)."""
    title: NonEmptyText
    description: NonEmptyText
    economies: tuple[EconomyCode, ...] = Field(strict=False, min_length=1)
    """Who acted."""
    source_id: SourceId
    locator: NonEmptyText

    @property
    def year(self) -> int:
        """Calendar year of the event."""
        return int(self.date[:4])

    @property
    def position(self) -> float:
        """Fractional year, for placing the event on a time axis."""
        return partial_date_year_fraction(self.date)


class ReportFigure(_Record):
    """A chart a report reproduces, redrawn from the catalog beside the report's caption."""

    id: Slug
    after: NonEmptyText
    """The section the figure follows in the report."""
    caption: NonEmptyText
    """The report's caption, word for word."""
    shows: NonEmptyText
    """What the chart shows, in plain words."""
    indicator: IndicatorId
    edition: tuple[SourceId, ...] = Field(strict=False, min_length=1)
    """The sources in the catalog that hold the edition the report's chart was drawn from."""
    economies: tuple[EconomyCode, ...] = Field(default=("USA", "CHN"), strict=False, min_length=1)
    later_indicator: IndicatorId | None = None
    """Where later data stand in another indicator (no later edition of this one exists)."""
    later_note: str = ""
    """What a reader must know before comparing the later data with the report's chart."""


class Report(_Record):
    """One of the reports whose claims are checked, with its sections in the report's order."""

    id: Slug
    """The report page's address: ``/reports/<id>``."""
    source: SourceId
    """The report, as a source in ``sources.yaml``."""
    short_title: NonEmptyText
    read: NonEmptyText
    """How much of the report was read, and from what text."""
    sections: tuple[NonEmptyText, ...] = Field(default=(), strict=False)
    """Headings in the report's order; empty when the readable text does not show them."""
    figures: tuple[ReportFigure, ...] = Field(default=(), strict=False)
