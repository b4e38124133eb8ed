"""The rows that every build.py in data/raw/ returns: one dict per line of a table.

Each ``data/raw/<indicator_id>/build.py`` rebuilds the lines of ``data/tables/<indicator_id>.csv``
that came from the raw files next to it, as dicts of strings with the table's columns in the
table's order. This module holds what all the builds share about those dicts (the columns, how
a line is made, how lines are sorted and notes joined), so that a build says only what is
particular to its sources. Standard library only, like the builds.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

FIELDS = ("economy", "year", "value", "status", "source_id", "locator", "note")
# The order in which the tables list the economies they compare.
ECONOMIES = ("USA", "CHN", "JPN", "DEU", "KOR", "EU27", "WLD")

# An unsigned decimal as the raw files write it: a flag letter or an empty cell is not one.
NUMBER = re.compile(r"^[0-9]+(\.[0-9]+)?$")

Row = dict[str, str]


def row(
    economy: str,
    year: str | int,
    value: str,
    source_id: str,
    locator: str,
    note: str = "",
    status: str = "reported",
) -> Row:
    """One table line, its columns in the order of FIELDS."""
    return {
        "economy": economy,
        "year": str(year),
        "value": value,
        "status": status,
        "source_id": source_id,
        "locator": locator,
        "note": note,
    }


def sort_key(line: Row) -> tuple[str, str, int]:
    """The order of most tables: source, economy code, year."""
    return (line["source_id"], line["economy"], int(line["year"]))


def ordered(
    lines: Iterable[Row], sources: Sequence[str], economies: Sequence[str] = ECONOMIES
) -> list[Row]:
    """The order of tables that list their sources and economies in a set order, then years."""
    return sorted(
        lines,
        key=lambda line: (
            sources.index(line["source_id"]),
            economies.index(line["economy"]),
            int(line["year"]),
        ),
    )


def join_notes(*parts: str) -> str:
    """The parts that are not empty, joined as the tables join notes."""
    return "; ".join(part for part in parts if part)


def number(value: str, where: str) -> str:
    """``value`` if it is a plain unsigned number; anything else stops the build."""
    if not NUMBER.match(value):
        raise ValueError(f"{where}: value {value!r} is not a plain number")
    return value
