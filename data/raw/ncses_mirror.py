"""Lines of the NCSES/NSB tables mirrored as CSV, as the builds in data/raw/ read them.

The GitHub mirror bq-org/ncses_stats_explorer_placeholder (commit
1f879ab65ed260668840db406611ddc10e8455bc) keeps each table of NSB Science and Engineering
Indicators, of the Survey of Earned Doctorates and of National Patterns as
``output/tables/<modal id>/data.csv``: columns table_id and row_id (r001, r002, ...), the row
label (a path such as 'World -> Asia -> China', footnote markers written <sup>a</sup>) and the
value columns. The folders keep the header and the lines used, byte for byte. The tables come in
a few layouts, and this module reads each of them the one way the builds share:

- labelled rows and columns (``Table``, ``cells``): a value is picked by row id, row label and
  column name, all checked;
- one line per economy with a column per year (``by_label``, ``year_columns``);
- 'time series' layouts, one line per value and no year labels: an economy is a block of lines,
  one per year in ascending order (``year_blocks``);
- pair matrices, a block per economy and year with one cell per partner and 'na' on the
  diagonal (``us_china_pairs``, ``us_china_rows``).

Every value must be a plain number (see tablerows.number), so that a flag or an empty cell in a
later copy stops the build.
"""

from __future__ import annotations

import csv
import pathlib
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

import tablerows

Record = dict[str, str]


def read(path: pathlib.Path) -> list[Record]:
    """The lines of a data.csv copy, as dicts keyed by the header."""
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def plain(label: str) -> str:
    """The row label as a reader sees it: footnote markers (<sup>a</sup>) dropped."""
    return re.sub(r"<sup>.*?</sup>", "", label)


def footnotes(label: str) -> list[str]:
    """The footnote markers of a label, in order."""
    return re.findall(r"<sup>(.*?)</sup>", label)


# Labelled rows and columns ----------------------------------------------------------------------


@dataclass(frozen=True)
class Row:
    """A line of a table, by row id and label as in the file, and the table line's economy."""

    row_id: str
    label: str
    economy: str
    note: str = ""


@dataclass(frozen=True)
class Column:
    """A value column, the year its values are stored under, a note, and locator text."""

    name: str
    year: int
    note: str = ""
    locator: str = ""  # added to the locator in parentheses


@dataclass(frozen=True)
class Table:
    """The cells of one source: every column of ``columns`` in every line of ``rows``."""

    file: str
    source_id: str
    label: str
    rows: tuple[Row, ...]
    columns: tuple[Column, ...]


def sed_columns(template: str, first: int, last: int) -> tuple[Column, ...]:
    """The columns ``template.format(year)`` of SED years first-last.

    A SED year is an academic year (SED 2011 = 2010/11); its values are stored under the
    calendar year in which the academic year begins.
    """
    return tuple(
        Column(
            template.format(year),
            year - 1,
            locator=f"SED year {year} = academic year {year - 1}/{year % 100:02d}",
        )
        for year in range(first, last + 1)
    )


def sed_table(
    file: str, sed_year: int, table: str, first: int, rows: tuple[Row, ...], column: str
) -> Table:
    """Table ``table`` of the SED of ``sed_year``, with the columns of SED years first-sed_year.

    Its source id is sed<year>_t<table> (sed2021_t2_8 for Table 2-8) and its label
    'SED <year> Table <table> (<first>-<yy>)'; ``column`` is the template of sed_columns.
    """
    return Table(
        file,
        f"sed{sed_year}_t{table.replace('-', '_')}",
        f"SED {sed_year} Table {table} ({first}-{sed_year % 100:02d})",
        rows,
        sed_columns(column, first, sed_year),
    )


def cells(here: pathlib.Path, tables: Iterable[Table]) -> list[tablerows.Row]:
    """The table lines of ``tables``, in their order, rows first, then columns.

    The row label is the file's third column; it must read as given, and every cell must hold
    a plain number. A line's note says first which footnote markers its label carries.
    """
    out: list[tablerows.Row] = []
    for table in tables:
        records = read(here / table.file)
        label_column = list(records[0])[2]
        by_id = {record["row_id"]: record for record in records}
        for line in table.rows:
            record = by_id[line.row_id]
            if record[label_column] != line.label:
                raise ValueError(
                    f"{table.file} {line.row_id}: label {record[label_column]!r} != {line.label!r}"
                )
            label_notes = [
                f"row label carries footnote {marker} (footnote text not included in the mirror)"
                for marker in footnotes(line.label)
            ]
            for column in table.columns:
                where = f"{table.file} {line.row_id} {column.name}"
                value = tablerows.number(record[column.name].strip(), where)
                locator = (
                    f"{table.label} (data.csv {line.row_id}), row '{line.label}', "
                    f"column '{column.name}'"
                )
                if column.locator:
                    locator += f" ({column.locator})"
                note = tablerows.join_notes(*label_notes, line.note, column.note)
                out.append(
                    tablerows.row(line.economy, column.year, value, table.source_id, locator, note)
                )
    return out


# One line per economy, a column per year --------------------------------------------------------

# The row paths of the economies in the NSB tables by region, country or economy; Germany's and
# the EU's paths differ between editions.
REGION_PATHS = {
    "World -> North America -> United States": "USA",
    "World -> Asia -> China": "CHN",
    "World -> Asia -> Japan": "JPN",
    "World -> Asia -> South Korea": "KOR",
    "World": "WLD",
}


def region_paths(europe: Mapping[str, str]) -> dict[str, str]:
    """REGION_PATHS and ``europe``'s paths, in the tables' order of economies."""
    paths = {**REGION_PATHS, **europe}
    return dict(sorted(paths.items(), key=lambda item: tablerows.ECONOMIES.index(item[1])))


def by_label(
    records: Iterable[Record], column: str, labels: Mapping[str, str]
) -> dict[str, Record]:
    """Economy code -> the one line whose ``column`` is its label, in the order of ``labels``."""
    found: dict[str, Record] = {}
    for record in records:
        code = labels.get(record[column])
        if code is None:
            continue
        if code in found:
            raise ValueError(f"two rows for {code}")
        found[code] = record
    missing = set(labels.values()) - set(found)
    if missing:
        raise ValueError(f"no row for {sorted(missing)}")
    return {code: found[code] for code in labels.values()}


def year_columns(
    lines: Mapping[str, Record],
    label_column: str,
    years: Iterable[int],
    source_id: str,
    locator: str,
    column: str = "field_{year}",
    notes: Mapping[str, str] | None = None,
) -> list[tablerows.Row]:
    """A table line per economy of ``lines`` (code -> line) and year, economies first.

    ``column`` names the value column of a year, and ``locator`` is filled with the fields
    label (the line's label without footnote markers), column, year and row_id.
    """
    out = []
    for code, record in lines.items():
        for year in years:
            name = column.format(year=year)
            label = plain(record[label_column])
            fields = {"label": label, "column": name, "year": year, "row_id": record["row_id"]}
            out.append(
                tablerows.row(
                    code,
                    year,
                    tablerows.number(record[name], f"{label} {name}"),
                    source_id,
                    locator.format(**fields),
                    (notes or {}).get(code, ""),
                )
            )
    return out


# Time series: a block of lines per economy, one per year ----------------------------------------


def year_blocks(
    records: Iterable[Record],
    label: Callable[[Record], str],
    labels: Iterable[str],
    first_year: int,
    count: int,
) -> dict[str, list[tuple[int, Record]]]:
    """Label -> [(year, line), ...]: each label's lines, read as ``count`` years from first_year.

    The lines of a label must be exactly ``labels``' and each block ``count`` lines long.
    """
    blocks: dict[str, list[Record]] = {}
    for record in records:
        blocks.setdefault(label(record), []).append(record)
    if set(blocks) != set(labels):
        raise ValueError(f"rows {sorted(blocks)} differ from {sorted(labels)}")
    out = {}
    for name, block in blocks.items():
        if len(block) != count:
            raise ValueError(f"{name!r} has {len(block)} values, expected {count}")
        out[name] = [(first_year + index, record) for index, record in enumerate(block)]
    return out


# Pair matrices ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class UsChinaPair:
    """The 'United States' and 'China' blocks of a pair matrix for one year.

    The mirror has no column labels: a block lists one cell per partner in the order of the row
    blocks, with 'na' on the diagonal, so the United States column is the position of 'na' in
    the 'United States' block, and the China column that of 'na' in the 'China' block.
    """

    us: list[Record]
    china: list[Record]

    @property
    def us_column(self) -> int:
        return [record["value"] for record in self.us].index("na")

    @property
    def china_column(self) -> int:
        return [record["value"] for record in self.china].index("na")

    @property
    def china_x_us(self) -> Record:
        """The cell row 'China' x column 'United States'."""
        return self.china[self.us_column]

    @property
    def us_x_china(self) -> Record:
        """The cell row 'United States' x column 'China'."""
        return self.us[self.china_column]


def us_china_pairs(path: pathlib.Path) -> dict[str, UsChinaPair]:
    """Year -> the US and China blocks of a pair matrix whose labels end '... -> country -> year'.

    The two blocks must be as long as each other, and the two US-China cells equal.
    """
    found: dict[tuple[str, str], list[Record]] = {}
    for record in read(path):
        parts = [part.strip() for part in record["time_period"].split("->")]
        found.setdefault((parts[-2], parts[-1]), []).append(record)
    out = {}
    for year in sorted({year for _, year in found}):
        pair = UsChinaPair(found[("United States", year)], found[("China", year)])
        if len(pair.us) != len(pair.china):
            raise ValueError(f"{path.name} {year}: the blocks differ in length")
        if pair.china_x_us["value"] != pair.us_x_china["value"]:
            raise ValueError(f"{path.name} {year}: the US-China cells differ")
        out[year] = pair
    return out


def us_china_rows(
    here: pathlib.Path,
    files: Mapping[str, tuple[str, str]],
    notes: Mapping[tuple[str, str], str] | None = None,
) -> list[tablerows.Row]:
    """A CHN line per source and year: the cell row 'China' x column 'United States'.

    ``files`` maps each source id to its raw file and table number; ``notes`` gives the note of
    a (source id, year).
    """
    out = []
    for source_id, (name, table) in files.items():
        for year, pair in us_china_pairs(here / name).items():
            cell, symmetric = pair.china_x_us, pair.us_x_china
            locator = (
                f"Table {table}, row '{pair.china[0]['time_period']}' x column 'United States' "
                f"(data.csv {cell['row_id']}: column {pair.us_column + 1} of {len(pair.china)}; "
                f"equal to row '{pair.us[0]['time_period']}' x column 'China', "
                f"{symmetric['row_id']})"
            )
            value = tablerows.number(cell["value"], f"{name} {cell['row_id']}")
            note = (notes or {}).get((source_id, year), "")
            out.append(tablerows.row("CHN", year, value, source_id, locator, note))
    return out
