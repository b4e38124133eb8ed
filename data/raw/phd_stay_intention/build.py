"""Rebuild the rows of tables/phd_stay_intention.csv that were copied from NCSES/NSB tables.

The files in this folder are byte-exact copies of the header line and of the rows used from
``output/tables/<modal id>/data.csv`` in the GitHub mirror bq-org/ncses_stats_explorer_placeholder
(commit 1f879ab65ed260668840db406611ddc10e8455bc); see origin.yaml. They are Survey of Earned
Doctorates tables of temporary visa holders intending to stay in the United States, by country
of citizenship, a column per SED year. Standard library only.
"""

from __future__ import annotations

import pathlib

import ncses_mirror
import tablerows

SOURCE_IDS = (
    "sed2017_t53",
    "sed2018_t53",
    "sed2019_t53",
    "sed2020_t53",
    "sed2021_t2_8",
    "sed2022_t2_8",
    "sed2023_t2_8",
)

TEMPORARY = "All temporary visa holders"
INTENDING = "All temporary visa holders reporting intention to stay"
TOTAL_NOTE = "all temporary visa holders whatever their citizenship (not a world total)"

# (modal id, SED year, table, first SED year, total row's label, row ids of CHN, JPN, KOR, DEU)
SPEC = (
    ("997", 2017, "53", 2011, TEMPORARY, ("r019", "r022", "r027", "r038")),
    ("1778", 2018, "53", 2012, TEMPORARY, ("r019", "r022", "r027", "r038")),
    ("2837", 2019, "53", 2013, TEMPORARY, ("r019", "r022", "r027", "r038")),
    ("4690", 2020, "53", 2014, TEMPORARY, ("r025", "r034", "r027", "r047")),
    ("7542", 2021, "2-8", 2015, INTENDING, ("r034", "r043", "r036", "r058")),
    ("9582", 2022, "2-8", 2016, INTENDING, ("r034", "r044", "r036", "r059")),
    ("11762", 2023, "2-8", 2017, TEMPORARY, ("r038", "r048", "r040", "r063")),
)


def _rows(total: str, ids: tuple[str, str, str, str]) -> tuple[ncses_mirror.Row, ...]:
    china, japan, korea, germany = ids
    return (
        ncses_mirror.Row("r001", total, "WLD", TOTAL_NOTE),
        ncses_mirror.Row(china, f"{total} -> Asia -> China<sup>a</sup>", "CHN"),
        ncses_mirror.Row(japan, f"{total} -> Asia -> Japan", "JPN"),
        ncses_mirror.Row(korea, f"{total} -> Asia -> South Korea", "KOR"),
        ncses_mirror.Row(germany, f"{total} -> Europe -> Germany", "DEU"),
    )


TABLES = tuple(
    ncses_mirror.sed_table(
        f"{modal}_data_lines.csv", year, table, first, _rows(total, ids), "field_{}_staying"
    )
    for modal, year, table, first, total, ids in SPEC
)


def rows(here: pathlib.Path) -> list[tablerows.Row]:
    # The tables' all-citizenship total rows are not a world figure, so they are left out
    # (the caveats quote them where they help).
    return [line for line in ncses_mirror.cells(here, TABLES) if line["economy"] != "WLD"]
