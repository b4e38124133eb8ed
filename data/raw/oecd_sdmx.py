"""Observations of the OECD STI Scoreboard SDMX-XML extracts kept in data/raw/.

The STI Scoreboard repository (github.com/STIScoreboard/STI.Scoreboard) publishes each indicator
as one SDMX-ML 3.0 structure-specific data file: a header (with its 'Prepared' time stamp), then
Series elements whose attributes are the series key (an area, REF_AREA or LOCATION, and the other
dimensions), each holding Obs elements with TIME_PERIOD, OBS_VALUE and any observation flags. One
economy's years may be spread over several Series with the same key. Some folders keep the whole
file, others (``*.series.txt``) the header, the Series used and the closing text; both parse as
XML.

``observations`` reads such a file strictly, so that a later extract that differs in a way the
table does not allow for stops the build instead of changing a value silently: every Series must
carry the key given, every Obs a four-digit year, a plain number and exactly the flags expected;
a year given twice for an area, or an economy with no observation, is an error. TIME_PERIOD 2999,
the Scoreboard's repetition of each series' latest value, is left out.
"""

from __future__ import annotations

import pathlib
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import tablerows

# The Scoreboard's area codes of the economies the tables compare, and the tables' codes for them.
ECONOMIES = {
    "USA": "USA",
    "CHN": "CHN",
    "JPN": "JPN",
    "DEU": "DEU",
    "KOR": "KOR",
    "EU27_2020": "EU27",
}
WORLD = {"W": "WLD"}

# The key, other than the area and the technology, of the IP5 patent family counts (by
# inventor's economy and priority date) in IP5_NB and IP5AI_NB.
IP5_PATENT_FAMILIES = {
    "PATENT_AUTHORITIES": "9P50_3",
    "FREQ": "A",
    "MEASURE": "PF",
    "UNIT_MEASURE": "PATN_FM",
    "DATE_TYPE": "PRIORITY",
    "PARTNER_AREA": "_Z",
    "AGENT_ROLE": "INVENTOR",
    "COOPERATION_TYPE": "_Z",
    "WIPO": "_Z",
    "DECIMALS": "1",
    "UNIT_MULT": "0",
}

LATEST = "2999"
NO_FLAGS: Mapping[str, str] = {}


@dataclass(frozen=True)
class Observation:
    """One Obs: its Series' attributes, the table's economy code, and the Obs's own attributes."""

    series: Mapping[str, str]
    economy: str
    year: str
    value: str
    flags: tuple[tuple[str, str], ...]  # attributes other than TIME_PERIOD and OBS_VALUE, in order

    def locator(self, file: str, dimensions: Sequence[str]) -> str:
        """'file, DIM=..., TIME_PERIOD=..., OBS_VALUE=...' and the flags, as the tables cite it."""
        parts = [file, *(f"{name}={self.series[name]}" for name in dimensions)]
        parts += [f"TIME_PERIOD={self.year}", f"OBS_VALUE={self.value}"]
        parts += [f"{name}={code}" for name, code in self.flags]
        return ", ".join(parts)


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def prepared(path: pathlib.Path) -> str:
    """The header's 'Prepared' time stamp."""
    root = ET.parse(path).getroot()
    return next(el.text or "" for el in root.iter() if _local(el.tag) == "Prepared")


def observations(
    path: pathlib.Path,
    area: str,
    economies: Mapping[str, str],
    key: Mapping[str, str],
    flags: Mapping[str, str] | None = NO_FLAGS,
) -> list[Observation]:
    """The observations of ``economies`` (area code -> table code), in the order of the file.

    ``area`` names the area attribute; every Series must have exactly ``key`` besides it.
    ``flags`` are the attributes every Obs must carry besides TIME_PERIOD and OBS_VALUE (none by
    default); None accepts any flags and leaves them to the caller in ``Observation.flags``.
    """
    name = path.name
    found: list[Observation] = []
    seen: set[tuple[str, str]] = set()
    for series in ET.parse(path).getroot().iter():
        if _local(series.tag) != "Series":
            continue
        attributes = dict(series.attrib)
        code = attributes.pop(area, "")
        if attributes != key:
            raise ValueError(f"{name}: Series {dict(series.attrib)} has not the key {dict(key)}")
        for obs in series:
            if _local(obs.tag) != "Obs":
                raise ValueError(f"{name}: {code} holds a {obs.tag} element")
            values = dict(obs.attrib)
            year, value = values.pop("TIME_PERIOD", ""), values.pop("OBS_VALUE", "")
            if not (len(year) == 4 and year.isdigit()):
                raise ValueError(f"{name}: {code} has Obs {obs.attrib}")
            tablerows.number(value, f"{name} {code} {year}")
            if flags is not None and values != flags:
                raise ValueError(
                    f"{name}: {code} {year} has flags {values}, expected {dict(flags)}"
                )
            if year == LATEST or code not in economies:
                continue
            if (code, year) in seen:
                raise ValueError(f"{name}: {code} {year} is given twice")
            seen.add((code, year))
            found.append(
                Observation(series.attrib, economies[code], year, value, tuple(values.items()))
            )
    missing = set(economies) - {code for code, _ in seen}
    if missing:
        raise ValueError(f"{name}: no observation for {sorted(missing)}")
    return found


def reported_rows(
    found: Iterable[Observation], source_id: str, file: str, dimensions: Sequence[str]
) -> list[tablerows.Row]:
    """One reported table line per observation, cited by ``dimensions``, in table order."""
    out = [
        tablerows.row(obs.economy, obs.year, obs.value, source_id, obs.locator(file, dimensions))
        for obs in found
    ]
    return sorted(out, key=tablerows.sort_key)
