"""Rebuild the rows of tables/phd_stay_commitment.csv that were copied from NCSES/NSB tables.

The files in this folder are byte-exact copies of the header line and of the rows used from
``output/tables/<modal id>/data.csv`` in the GitHub mirror bq-org/ncses_stats_explorer_placeholder
(commit 1f879ab65ed260668840db406611ddc10e8455bc); see origin.yaml. Each gives the share of
foreign S&E doctorate recipients with definite plans (or commitments) to stay in the United
States, by country, for three four-year pools of SED years. Standard library only.
"""

from __future__ import annotations

import pathlib

import ncses_mirror
import tablerows

SOURCE_IDS = ("nsb2020_s3_24", "nsb2022_slbr37", "nsb2024_slbr28")

Row = ncses_mirror.Row
NONCITIZENS = (
    "all noncitizen S&E doctorate recipients (temporary, permanent and unknown visa), "
    "every country of citizenship (not a world total)"
)
TEMPORARY = (
    "all SEH doctorate recipients on temporary resident visas, every country of origin "
    "(not a world total)"
)


def _pools(prefix: str, firsts: tuple[int, ...]) -> tuple[ncses_mirror.Column, ...]:
    """The columns ``prefix_<first>_<yy>`` of the four-year pools of SED years that start so.

    SED year Y is academic year (Y-1)/Y; a pool is stored under the last academic year's start.
    """
    out = []
    for first in firsts:
        last = (first + 3) % 100
        out.append(
            ncses_mirror.Column(
                f"{prefix}_{first}_{last:02d}",
                first + 2,
                locator=(
                    f"four-year pool of SED years {first}-{last:02d} (academic years "
                    f"{first - 1}/{first % 100:02d} to {first + 2}/{last:02d}), stored under the "
                    "last of them"
                ),
            )
        )
    return tuple(out)


S3_24 = (
    Row("r001", "All S&E fields", "WLD", NONCITIZENS),
    Row("r002", "All S&E fields -> China", "CHN"),
    Row("r004", "All S&E fields -> South Korea", "KOR"),
    Row("r014", "All S&E fields -> Germany", "DEU"),
    Row("r016", "All S&E fields -> Japan", "JPN"),
)
SLBR_37 = (*S3_24[:2], Row("r005", "All S&E fields -> South Korea", "KOR"))
SLBR_28 = (
    Row("r001", "All SEH fields", "WLD", TEMPORARY),
    Row("r013", "Country or economy of origin -> China<sup>a</sup>", "CHN"),
    Row("r016", "Country or economy of origin -> South Korea", "KOR"),
)
PLANS = "field_definite_plans_to_stay"
COMMITMENTS = "field_temporary_residents_definite_commitments_to_stay"

# (modal id, source id, table, rows, column prefix, first SED years of the pools)
SPEC = (
    ("1640", "nsb2020_s3_24", "SEI 2020 Table S3-24", S3_24, PLANS, (2006, 2010, 2014)),
    ("4417", "nsb2022_slbr37", "SEI 2022 Table SLBR-37", SLBR_37, PLANS, (2008, 2012, 2016)),
    ("11025", "nsb2024_slbr28", "SEI 2024 Table SLBR-28", SLBR_28, COMMITMENTS, (2010, 2014, 2018)),
)
TABLES = tuple(
    ncses_mirror.Table(f"{modal}_data_lines.csv", source_id, label, lines, _pools(prefix, firsts))
    for modal, source_id, label, lines, prefix, firsts in SPEC
)


def rows(here: pathlib.Path) -> list[tablerows.Row]:
    # The tables' all-citizenship total rows are not a world figure, so they are left out
    # (the caveats quote them where they help).
    return [line for line in ncses_mirror.cells(here, TABLES) if line["economy"] != "WLD"]
