"""Rows of tables/coauthored_us_china.csv, rebuilt from the NSB pair-matrix lines kept here.

Each raw file holds the header and the 'United States' and 'China' row blocks of one NSB pair
matrix, copied byte for byte from the NCSES tables mirror (see origin.yaml). The value stored is
the cell row 'China' x column 'United States'; the symmetric cell (row 'United States' x column
'China') must be equal (see ncses_mirror.us_china_pairs for how the columns are found).
"""

from __future__ import annotations

import pathlib

import ncses_mirror
import tablerows

SOURCE_IDS = ("collab_nsb2020_s5a33", "collab_nsb2022_spbs36", "collab_nsb2024_spbs35")

# source id -> (raw file, table number as printed by NSB)
FILES = {
    "collab_nsb2020_s5a33": ("nsb2020_s5a33_table1851_us_china_rows.csv", "S5a-33"),
    "collab_nsb2022_spbs36": ("nsb2022_spbs36_table5001_us_china_rows.csv", "SPBS-36"),
    "collab_nsb2024_spbs35": ("nsb2024_spbs35_table10003_us_china_rows.csv", "SPBS-35"),
}


def rows(here: pathlib.Path) -> list[tablerows.Row]:
    return ncses_mirror.us_china_rows(here, FILES)
