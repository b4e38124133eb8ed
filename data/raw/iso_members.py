"""Counts of ISO committees by member body and role, from StanDat's scrape of ISO memberships.

StanDat (github.com/sbjorkholt/iso-standards @2dff07e9, data/members.rds, committed 2022-01-24)
lists the members of every ISO committee as scraped from the iso.org member participation pages.
The raw files of iso_secretariats and iso_tc_participation are byte-exact lines of a tidy CSV of
it (committee, title, member, role, level; one line per committee, member and role) for one role
and five member bodies. ``rows`` counts, for each member, the committees listed with that role;
'level' is SC when the committee reference contains '/SC', otherwise TC (ISO/TCs, ISO/PCs and
ISO/IEC JTC 1). The scrape is undated and read as the end of 2021.
"""

from __future__ import annotations

import collections
import csv
import pathlib

import tablerows

YEAR = "2021"
HEADER = ["committee", "title", "member", "role", "level"]
# scrape's member name -> (economy code, member body named in the note)
MEMBERS = {
    "China": ("CHN", "SAC, Standardization Administration of China"),
    "United States": ("USA", "ANSI, American National Standards Institute"),
    "Germany": ("DEU", "DIN, Deutsches Institut für Normung"),
    "Japan": ("JPN", "JISC, Japanese Industrial Standards Committee"),
    "Korea, Republic of": ("KOR", "KATS, Korean Agency for Technology and Standards"),
}


def counts(path: pathlib.Path, role: str) -> dict[str, collections.Counter[str]]:
    """Member -> committees listed with ``role``, by level (TC, SC); every line must have it."""
    with path.open(encoding="utf-8", newline="") as handle:
        lines = list(csv.reader(handle))
    if lines[0] != HEADER:
        raise ValueError(f"{path.name}: header {lines[0]}")
    out: dict[str, collections.Counter[str]] = {name: collections.Counter() for name in MEMBERS}
    seen = set()
    for committee, _title, member, line_role, level in lines[1:]:
        if line_role != role or member not in MEMBERS:
            raise ValueError(f"{path.name}: line {committee}, {member}, {line_role}")
        if level != ("SC" if "/SC" in committee else "TC"):
            raise ValueError(f"{path.name}: {committee} has level {level}")
        if (committee, member) in seen:
            raise ValueError(f"{path.name}: {committee}, {member} is given twice")
        seen.add((committee, member))
        out[member][level] += 1
    return out


def rows(path: pathlib.Path, source_id: str, role: str, listed: str) -> list[tablerows.Row]:
    """A derived line per member: the committees listed with ``role``.

    ``listed`` says in the note how the member is listed, e.g. "with role 'secretariat'".
    """
    out = []
    for member, count in counts(path, role).items():
        code, body = MEMBERS[member]
        tc, sc = count["TC"], count["SC"]
        locator = (
            f"data/members.rds @2dff07e9, member table of every committee: rows with "
            f"member '{member}' and role '{role}' ({tc} TC-level + {sc} SC-level committees)"
        )
        note = (
            f"Derived: count of the ISO committees for which member '{member}' ({body}) "
            f"is listed {listed} in StanDat's scrape of iso.org member participation pages, "
            "over all committee types in the scrape (757 committees: ISO/TCs, ISO/PCs, "
            f"ISO/IEC JTC 1 and their SCs; {tc} TC-level + {sc} SC-level); the scrape is "
            "undated and was committed on 2022-01-24, so it is read as the end of 2021."
        )
        out.append(tablerows.row(code, YEAR, str(tc + sc), source_id, locator, note, "derived"))
    return out
