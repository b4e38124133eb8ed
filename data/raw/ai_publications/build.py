"""Rows of tables/ai_publications.csv from NSB Indicators 2024 Table APBS-1 (raw lines here).

The mirror CSV of APBS-1 has columns table_id,row_id,time_period,value: 'time_period' holds the
row label and the years are not labelled. Each economy is a block of 20 lines read as 2003 to 2022
in order. That order is checked here against Table SPBS-99 of the same edition, whose columns are
labelled field_2003 ... field_2022 and give the same 'Total articles' counts for six of the seven
economies (EU-27 is not in SPBS-99).
"""

from __future__ import annotations

import pathlib

import ncses_mirror
import tablerows

SOURCE_IDS = ("out_nsb2024_apbs1",)

# leaf of the mirror's row label -> (economy code, label shown in the locator, SPBS-99 row label)
ECONOMIES = {
    "World": ("WLD", "World", "World -> Total articles"),
    "United States": ("USA", "United States", "World -> United States -> Total articles"),
    "EU-27<sup>b</sup>": ("EU27", "EU-27", None),
    "Germany": ("DEU", "Germany", "World -> Germany -> Total articles"),
    "China": ("CHN", "China", "World -> China -> Total articles"),
    "Japan": ("JPN", "Japan", "World -> Japan -> Total articles"),
    "South Korea": ("KOR", "South Korea", "World -> South Korea -> Total articles"),
}
YEARS = range(2003, 2023)
NOTE = "mirror CSV has no year labels; year taken from row order"


def _spbs99(path: pathlib.Path) -> dict[str, list[str]]:
    """Row label -> the values of SPBS-99's year columns, which must be those of YEARS."""
    records = ncses_mirror.read(path)
    columns = [f"field_{year}" for year in YEARS]
    if list(records[0])[8:] != columns:
        raise ValueError(f"{path.name}: columns {list(records[0])}")
    label = "region_country_or_economy_full_path"
    return {record[label]: [record[column] for column in columns] for record in records}


def rows(here: pathlib.Path) -> list[tablerows.Row]:
    apbs = ncses_mirror.read(here / "apbs1_rows.csv")
    if list(apbs[0]) != ["table_id", "row_id", "time_period", "value"]:
        raise ValueError(f"apbs1_rows.csv: columns {list(apbs[0])}")
    spbs = _spbs99(here / "spbs99_rows.csv")
    blocks = ncses_mirror.year_blocks(
        apbs,
        lambda record: record["time_period"].split(" -> ")[-1],
        ECONOMIES,
        YEARS[0],
        len(YEARS),
    )
    out = []
    for leaf, block in blocks.items():
        code, shown, spbs_label = ECONOMIES[leaf]
        numbers = [int(line["row_id"][1:]) for _, line in block]
        if numbers != list(range(numbers[0], numbers[0] + len(YEARS))):
            raise ValueError(f"apbs1_rows.csv: {leaf} rows {numbers} do not follow each other")
        if spbs_label is not None and [line["value"] for _, line in block] != spbs[spbs_label]:
            raise ValueError(f"apbs1_rows.csv: {leaf} differs from SPBS-99 {spbs_label!r}")
        for year, line in block:
            if line["table_id"] != "9968":
                raise ValueError(f"apbs1_rows.csv: line {line} is not of table 9968")
            value = tablerows.number(line["value"], f"apbs1_rows.csv {line['row_id']}")
            locator = (
                f"Table APBS-1, row '{shown}', column '{year}' (data.csv row {line['row_id']})"
            )
            out.append(tablerows.row(code, year, value, SOURCE_IDS[0], locator, NOTE))
    return sorted(out, key=tablerows.sort_key)
