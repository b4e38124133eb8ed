"""Rows of tables/ai_patents.csv from the OECD STI Scoreboard SDMX extract in this folder.

IP5AI_NB_V8.txt counts IP5 patent families in artificial intelligence by inventor's economy and
priority date. Japan's series is split over two <Series> elements with the same key (1985-1990
and 1991-2020); they are read together and a year given twice would stop the build. Every
observation carries OBS_STATUS=A (normal value), and no other flag may occur.
"""

from __future__ import annotations

import pathlib

import oecd_sdmx
import tablerows

SOURCE_IDS = ("out_oecd_sti_ip5ai_2025_04",)

FILE = "IP5AI_NB_V8.txt"
ECONOMIES = {**oecd_sdmx.ECONOMIES, **oecd_sdmx.WORLD}
KEY = {**oecd_sdmx.IP5_PATENT_FAMILIES, "OECD_TECHNOLOGY_PATENT": "AI"}
CITED = ("REF_AREA", "MEASURE", "PATENT_AUTHORITIES", "DATE_TYPE", "AGENT_ROLE")


def rows(here: pathlib.Path) -> list[tablerows.Row]:
    found = oecd_sdmx.observations(here / FILE, "REF_AREA", ECONOMIES, KEY, {"OBS_STATUS": "A"})
    return oecd_sdmx.reported_rows(found, SOURCE_IDS[0], FILE, CITED)
