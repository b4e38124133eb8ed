"""Rows of tables/ip5_patent_families.csv rebuilt from the OECD SDMX extract in this folder.

IP5_NB_V8.txt = OECD STI Scoreboard extract (STIScoreboard/STI.Scoreboard
@ea5af11a0d16b4cc34491023ce507db7291e095a, blob 02e96d79b234b93107137fb5d32c06f0e9bf914f, header
Prepared 2025-04-09T11:02:41): IP5 patent families, all technologies, by inventor's economy and
priority date. Some economies' observations are split over two Series elements with the same key
(1985-2000 and 2001-2020); they are merged, and a year given twice would be an error. Every
observation carries OBS_STATUS=A (normal value), and no other flag may occur.
"""

from __future__ import annotations

import pathlib

import oecd_sdmx
import tablerows

SOURCE_IDS = ("ind_oecd_sti_ip5_nb_2025_04",)

FILE = "IP5_NB_V8.txt"
ECONOMIES = {**oecd_sdmx.ECONOMIES, **oecd_sdmx.WORLD}
KEY = {**oecd_sdmx.IP5_PATENT_FAMILIES, "OECD_TECHNOLOGY_PATENT": "_T"}
CITED = ("REF_AREA", "MEASURE", "OECD_TECHNOLOGY_PATENT", "PATENT_AUTHORITIES")


def rows(here: pathlib.Path) -> list[tablerows.Row]:
    found = oecd_sdmx.observations(here / FILE, "REF_AREA", ECONOMIES, KEY, {"OBS_STATUS": "A"})
    out = oecd_sdmx.reported_rows(found, SOURCE_IDS[0], FILE, CITED)
    return tablerows.ordered(out, SOURCE_IDS)
