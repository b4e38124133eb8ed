"""Reusable annotated types: each id, code and year rule is written once, here."""

from __future__ import annotations

import datetime as dt
import re
from enum import StrEnum
from typing import Annotated, Any

from pydantic import AfterValidator, BeforeValidator, Field, StringConstraints
from pydantic_core import PydanticCustomError

#: Years the catalog accepts; values outside are typos (e.g. 20222) or not this project's scope.
MIN_YEAR = 1900
MAX_YEAR = 2100

Slug = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$", max_length=64)]
"""A lowercase identifier: letters, digits and underscores, starting with a letter."""

IndicatorId = Slug
SourceId = Slug

EconomyCode = Annotated[str, StringConstraints(pattern=r"^(?:[A-Z]{3}|EU27)$")]
"""ISO 3166-1 alpha-3 code (``USA``, ``CHN``) or ``EU27`` for the EU-27 aggregate."""

Year = Annotated[int, Field(ge=MIN_YEAR, le=MAX_YEAR)]

NonEmptyText = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]

CONTROL_CHARACTERS = re.compile("[\x00-\x1f\x7f-\x9f]")
"""C0 and C1 control characters and DEL, line breaks and tabs among them: a table's text cell
holds none (a carriage return or newline would split the cell in a CSV reader that reads by
line, and start a new line that no formula guard has looked at)."""


def _no_control_characters(text: str) -> str:
    found = CONTROL_CHARACTERS.search(text)
    if found is not None:
        raise PydanticCustomError(
            "control_character",
            "holds the control character U+{code} at position {at}",
            {"code": f"{ord(found.group()):04X}", "at": found.start() + 1},
        )
    return text


CellText = Annotated[str, AfterValidator(_no_control_characters)]
"""A table's text cell: any text without control characters."""
NonEmptyCellText = Annotated[NonEmptyText, AfterValidator(_no_control_characters)]

Url = Annotated[str, StringConstraints(pattern=r"^https?://\S+$")]
"""An absolute http(s) URL: the page or file that was actually read."""

_PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def partial_date_year_fraction(text: str) -> float:
    """A partial date as a fractional year for plotting: ``2022-08-09`` is about 2022.6."""
    match = _PARTIAL_DATE.match(text)
    if match is None:
        raise ValueError(f"not a partial date: {text!r}")
    year, month, day = match.groups()
    if month is None:
        return float(year)
    start = dt.date(int(year), int(month), int(day or 1))
    return int(year) + (start.timetuple().tm_yday - 1) / 365.25


def _partial_date(value: Any) -> Any:
    """Accept ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; YAML may hand us a date or an int."""
    if isinstance(value, dt.datetime):
        # A date with a time (``2015-01-01 10:00``) is still a date by isinstance.
        raise ValueError("must be a date written YYYY, YYYY-MM or YYYY-MM-DD, without a time")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        return value  # let the str type report the wrong type
    match = _PARTIAL_DATE.match(value)
    if match is None:
        raise ValueError("must be a date written YYYY, YYYY-MM or YYYY-MM-DD")
    year, month, day = (int(part) if part else 1 for part in match.groups())
    dt.date(year, month, day)  # raises ValueError for 2024-13 or 2024-02-30
    return value


PartialDate = Annotated[str, BeforeValidator(_partial_date)]
"""A publication date as precise as the source states it."""


class Status(StrEnum):
    """How the source presents a value."""

    REPORTED = "reported"
    ESTIMATE = "estimate"
    PROJECTION = "projection"
    DERIVED = "derived"
    """Computed by the project from a published dataset or table (a count of rows, a sum, a
    share of two published numbers); the row's note says how."""


class Category(StrEnum):
    """The families of indicators the dashboard groups its picker by."""

    RD_INVESTMENT = "rd_investment"
    TALENT = "talent"
    STANDARDS = "standards"
    EDUCATION_FLOWS = "education_flows"
    OUTPUT = "output"
    IMPACT = "impact"
    INDUSTRY = "industry"
    COOPERATION = "cooperation"
    OPINION = "opinion"
    CONTEXT = "context"
    """Denominators such as population, shown for per-person views."""

    @property
    def label(self) -> str:
        """Human-readable name of the category."""
        return _CATEGORY_LABELS[self]


_CATEGORY_LABELS = {
    Category.RD_INVESTMENT: "R&D investment",
    Category.TALENT: "Talent",
    Category.STANDARDS: "Standards",
    Category.EDUCATION_FLOWS: "Education flows",
    Category.OUTPUT: "Output",
    Category.IMPACT: "Research impact",
    Category.INDUSTRY: "Industry and invention",
    Category.COOPERATION: "Cooperation",
    Category.OPINION: "Public opinion",
    Category.CONTEXT: "Context",
}


class Period(StrEnum):
    """What the ``year`` column of a table means.

    Academic years are stored under their *starting* calendar year: 2023/24 is stored as 2023.
    """

    CALENDAR_YEAR = "calendar_year"
    ACADEMIC_YEAR = "academic_year"

    def label(self, year: int) -> str:
        """The label a reader expects: ``2023`` or ``2023/24``."""
        if self is Period.ACADEMIC_YEAR:
            return f"{year}/{(year + 1) % 100:02d}"
        return str(year)


class SourceKind(StrEnum):
    """Whether we read the publisher's own document (or an exact mirror) or a summary of it."""

    PRIMARY = "primary"
    SECONDARY = "secondary"
