"""Rows of tables/partner_share_of_intl_coauthorship.csv, rebuilt from the NSB files kept here.

USA rows: share of U.S. international articles with a coauthor from China (row 'China' of
SPBS-36 in Indicators 2024, SPBS-37 in Indicators 2022, and the second column of Table 5a-2 in
Indicators 2020). CHN rows: share of China's international articles with a U.S. coauthor (row
'China' of SPBS-37 in Indicators 2024, SPBS-38 in Indicators 2022, first column of Table 5a-2).
The 2022 rows are derived from the pair matrix SPBS-35 (Indicators 2024): the US-China cell
divided by each economy's total of internationally coauthored articles (the matrix's first
column, 'World'), times 100, rounded half up to two decimals as in SPBS-36 and SPBS-37.
All files are byte-exact copies from the NCSES tables mirror (see origin.yaml).
"""

from __future__ import annotations

import pathlib
import re
from decimal import ROUND_HALF_UP, Decimal

import ncses_mirror
import tablerows

SOURCE_IDS = (
    "collab_nsb2020_t5a2",
    "collab_nsb2022_spbs37",
    "collab_nsb2022_spbs38",
    "collab_nsb2024_spbs35",
    "collab_nsb2024_spbs36",
    "collab_nsb2024_spbs37",
)

# source id -> (raw file, table number, economy whose share the row 'China' gives)
YEAR_COLUMN_TABLES = {
    "collab_nsb2022_spbs37": ("nsb2022_spbs37_table4906_data.csv", "SPBS-37", "USA"),
    "collab_nsb2022_spbs38": ("nsb2022_spbs38_table4905_data.csv", "SPBS-38", "CHN"),
    "collab_nsb2024_spbs36": ("nsb2024_spbs36_table10004_data.csv", "SPBS-36", "USA"),
    "collab_nsb2024_spbs37": ("nsb2024_spbs37_table10005_data.csv", "SPBS-37", "CHN"),
}

T5A2 = ("nsb2020_t5a2_table1812_data.csv", "nsb2020_t5a2_table1812_README.md")
T5A2_COLUMNS = {
    "CHN": "share_of_country_s_international_articles_with_u_s_coauthor",
    "USA": "share_of_u_s_international_articles_with_coauthor_from_the_country_or_economy",
}
SPBS35 = "nsb2024_spbs35_table10003_us_china_2022_rows.csv"


def year_column_rows(here: pathlib.Path, source_id: str) -> list[tablerows.Row]:
    name, table, economy = YEAR_COLUMN_TABLES[source_id]
    records = ncses_mirror.read(here / name)
    label_column = next(key for key in records[0] if key not in ("table_id", "row_id"))
    china = [record for record in records if record[label_column] == "China"]
    if len(china) != 1:
        raise ValueError(f"{name}: {len(china)} rows 'China'")
    record = china[0]
    return [
        tablerows.row(
            economy,
            year,
            tablerows.number(record[year], f"{name} {year}"),
            source_id,
            f"Table {table}, row 'China', column '{year}' (data.csv {record['row_id']})",
        )
        for year in record
        if re.fullmatch(r"\d{4}", year)
    ]


def t5a2_rows(here: pathlib.Path) -> list[tablerows.Row]:
    title = (here / T5A2[1]).read_text(encoding="utf-8").splitlines()[0]
    match = re.search(r": (\d{4})$", title)
    if match is None:
        raise ValueError(f"{T5A2[1]}: no year in the title {title!r}")
    year = match.group(1)
    record = next(r for r in ncses_mirror.read(here / T5A2[0]) if r["country"] == "China")
    return [
        tablerows.row(
            economy,
            year,
            tablerows.number(record[column], f"{T5A2[0]} {column}"),
            "collab_nsb2020_t5a2",
            f"Table 5a-2 ({year}), row 'China', column '{column}' (data.csv {record['row_id']})",
        )
        for economy, column in sorted(T5A2_COLUMNS.items())
    ]


def spbs35_rows(here: pathlib.Path) -> list[tablerows.Row]:
    pairs = ncses_mirror.us_china_pairs(here / SPBS35)
    if list(pairs) != ["2022"]:
        raise ValueError(f"{SPBS35}: years {list(pairs)}, expected 2022 only")
    pair = pairs["2022"]
    out = []
    for economy, block, cell in (
        ("CHN", pair.china, pair.china_x_us),
        ("USA", pair.us, pair.us_x_china),
    ):
        total = block[0]  # first column: 'World', the economy's internationally coauthored articles
        share = (Decimal(cell["value"]) * 100 / Decimal(total["value"])).quantize(
            Decimal("0.01"), rounding=ROUND_HALF_UP
        )
        partner, name = (
            ("United States", "China") if economy == "CHN" else ("China", "the United States")
        )
        out.append(
            tablerows.row(
                economy,
                "2022",
                str(share),
                "collab_nsb2024_spbs35",
                f"Table SPBS-35, row '{total['time_period']}': column '{partner}' "
                f"({cell['row_id']}) and column 'World' ({total['row_id']})",
                f"Computed: {cell['value']} US-China articles / {total['value']} internationally "
                f"coauthored articles of {name} x 100, rounded to 2 decimals",
                "derived",
            )
        )
    return out


def rows(here: pathlib.Path) -> list[tablerows.Row]:
    out: list[tablerows.Row] = []
    for source_id in SOURCE_IDS:
        if source_id in YEAR_COLUMN_TABLES:
            out += year_column_rows(here, source_id)
        elif source_id == "collab_nsb2020_t5a2":
            out += t5a2_rows(here)
        else:
            out += spbs35_rows(here)
    return out
