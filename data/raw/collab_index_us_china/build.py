"""Rows of tables/collab_index_us_china.csv, rebuilt from the NSB pair-matrix lines kept here.

Each raw file holds the header and the 'United States' and 'China' row blocks of one NSB matrix
of indexes of international collaboration, copied byte for byte from the NCSES tables mirror (see
origin.yaml). The value stored is the cell row 'China' x column 'United States'; the symmetric
cell (row 'United States' x column 'China') must be equal (see ncses_mirror.us_china_pairs for
how the columns are found).
"""

from __future__ import annotations

import pathlib

import ncses_mirror
import tablerows

SOURCE_IDS = ("collab_nsb2020_s5a34", "collab_nsb2022_spbs39", "collab_nsb2024_spbs38")

# source id -> (raw file, table number as printed by NSB)
FILES = {
    "collab_nsb2020_s5a34": ("nsb2020_s5a34_table1852_us_china_rows.csv", "S5a-34"),
    "collab_nsb2022_spbs39": ("nsb2022_spbs39_table5183_us_china_rows.csv", "SPBS-39"),
    "collab_nsb2024_spbs38": ("nsb2024_spbs38_table10006_us_china_rows.csv", "SPBS-38"),
}

# The S5a-34 title reads "1999 and 2018" while its row labels read 1996 (see origin.yaml).
NOTES = {
    ("collab_nsb2020_s5a34", "1996"): (
        "The table title reads '1999 and 2018' but the row label reads 1996; stored as 1996"
    ),
}


def rows(here: pathlib.Path) -> list[tablerows.Row]:
    return ncses_mirror.us_china_rows(here, FILES, NOTES)
