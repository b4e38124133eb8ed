"""Rows of tables/top10_cited_share.csv built from the OECD SDMX file copied in this folder.

TOP10_X_V8.txt is a byte-exact copy of the file of that name in
github.com/STIScoreboard/STI.Scoreboard at commit ea5af11a0d16b4cc34491023ce507db7291e095a
(git blob 426acd970f481bff89bd24960baf7dbb409c1c50, header 'Prepared 2026-04-20T15:15:05'; see
origin.yaml). It is SDMX-ML 3.0 structure-specific data (dataflow DSD_COMPASS): observations are
spread over many small Series elements (LOCATION, VAR), each with Obs (TIME_PERIOD, OBS_VALUE).
The file carries no observation status: any Obs attribute other than TIME_PERIOD and OBS_VALUE
stops the build, so that a flag in a later extract is never dropped silently. Standard library only.
"""

from __future__ import annotations

import pathlib

import oecd_sdmx
import tablerows

SOURCE_IDS = ("imp_oecd_sti_top10_x_2026_04",)

FILENAME = "TOP10_X_V8.txt"


def rows(here: pathlib.Path) -> list[tablerows.Row]:
    """The TOP10_X observations of the six economies, sorted by economy and year like the CSV."""
    path = here / FILENAME
    found = oecd_sdmx.observations(path, "LOCATION", oecd_sdmx.ECONOMIES, {"VAR": "TOP10_X"})
    cited = f"{FILENAME} (Prepared {oecd_sdmx.prepared(path)})"
    out = oecd_sdmx.reported_rows(found, SOURCE_IDS[0], cited, ("VAR", "LOCATION"))
    for line in out:
        line["locator"] += " (no observation status in the file)"
    return out
