"""Rebuild the rows of tables/us_doctorates_chinese_citizens.csv copied from NCSES/NSB tables.

The files in this folder are byte-exact copies of the header line and of the rows used from
``output/tables/<modal id>/data.csv`` in the GitHub mirror bq-org/ncses_stats_explorer_placeholder
(commit 1f879ab65ed260668840db406611ddc10e8455bc); see origin.yaml. They are Survey of Earned
Doctorates tables of doctorate recipients by country of citizenship, a column per SED year.
Standard library only.
"""

from __future__ import annotations

import pathlib

import ncses_mirror
import tablerows

SOURCE_IDS = (
    "sed2017_t26",
    "sed2018_t26",
    "sed2019_t26",
    "sed2020_t26",
    "sed2021_t7_7",
    "sed2022_t7_7",
    "sed2023_t7_7",
)

CHINA = ncses_mirror.Row("r001", "China<sup>a</sup>", "CHN")
KOREA = ncses_mirror.Row("r007", "South Korea", "KOR")
KOREA_TO_2021 = ncses_mirror.Row("r007", "South Korea ", "KOR")  # the label ends with a space
JAPAN_2017 = ncses_mirror.Row("r025", "Japan ", "JPN")
JAPAN_2018 = ncses_mirror.Row("r028", "Japan ", "JPN")

# (modal id, SED year, table, first SED year of the columns, rows)
SPEC = (
    ("961", 2017, "26", 2008, (CHINA, KOREA_TO_2021, JAPAN_2017)),
    ("1753", 2018, "26", 2009, (CHINA, KOREA_TO_2021, JAPAN_2018)),
    ("2807", 2019, "26", 2010, (CHINA, KOREA_TO_2021)),
    ("4663", 2020, "26", 2010, (CHINA, KOREA_TO_2021)),
    ("7575", 2021, "7-7", 2011, (CHINA, KOREA_TO_2021)),
    ("9597", 2022, "7-7", 2012, (CHINA, KOREA)),
    ("11695", 2023, "7-7", 2013, (CHINA, KOREA)),
)
TABLES = tuple(
    ncses_mirror.sed_table(f"{modal}_data_lines.csv", year, table, first, lines, "field_{}")
    for modal, year, table, first, lines in SPEC
)


def rows(here: pathlib.Path) -> list[tablerows.Row]:
    """The table rows of SOURCE_IDS, in the order of TABLES, as strings written in the CSV."""
    return ncses_mirror.cells(here, TABLES)
