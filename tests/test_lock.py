"""requirements.lock: it satisfies pyproject.toml, and this environment holds exactly it.

`make lock` writes the lock from pyproject.toml's ranges; `make` installs from it. A range
changed, or a dependency added, without a re-lock fails here, and so does an environment that
got another version of anything than the one CI tested.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from importlib import metadata

import pytest
from packaging.markers import Marker
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

from tests.support import REPO

PROJECT = tomllib.loads((REPO / "pyproject.toml").read_text())
# What a venv holds besides the lock: the project itself and the installer venv brought.
NOT_LOCKED = {canonicalize_name(PROJECT["project"]["name"]), "pip"}
ENTRY = re.compile(
    r"^(?P<name>[A-Za-z0-9._-]+)==(?P<version>[^\s;\\]+)\s*(?:;\s*(?P<marker>[^\\]+?))?\s*\\?$"
)


@dataclass(frozen=True)
class Locked:
    name: str
    version: Version
    marker: Marker | None
    hashes: int

    def applies(self) -> bool:
        """Whether pip installs this entry on this machine's Python and platform."""
        return self.marker is None or self.marker.evaluate()


def read_lock() -> list[Locked]:
    entries: list[Locked] = []
    for line in (REPO / "requirements.lock").read_text().splitlines():
        if line.strip().startswith("--hash=sha256:"):
            entries[-1] = Locked(**{**entries[-1].__dict__, "hashes": entries[-1].hashes + 1})
        elif match := ENTRY.match(line):
            marker = Marker(match["marker"]) if match["marker"] else None
            entries.append(
                Locked(canonicalize_name(match["name"]), Version(match["version"]), marker, 0)
            )
        else:
            assert line.startswith(("#", "    #")) or not line.strip(), f"unexpected: {line!r}"
    return entries


LOCK = read_lock()
DECLARED = [
    Requirement(text)
    for text in (
        *PROJECT["project"]["dependencies"],
        *PROJECT["project"]["optional-dependencies"]["test"],
        *PROJECT["build-system"]["requires"],
    )
]


@pytest.mark.parametrize("requirement", DECLARED, ids=str)
def test_the_lock_satisfies_each_declared_range(requirement: Requirement) -> None:
    locked = [entry for entry in LOCK if entry.name == canonicalize_name(requirement.name)]
    assert locked, f"{requirement.name} is not in requirements.lock: run make lock"
    for entry in locked:
        assert requirement.specifier.contains(entry.version, prereleases=True), (
            f"requirements.lock has {entry.name}=={entry.version}, outside {requirement}: "
            "run make lock"
        )


def test_every_locked_file_is_pinned_by_its_hash() -> None:
    assert len(LOCK) > len(DECLARED)
    assert [entry.name for entry in LOCK if entry.hashes == 0] == []


def test_this_environment_holds_exactly_the_lock() -> None:
    applying = [entry for entry in LOCK if entry.applies()]
    wanted = {entry.name: str(entry.version) for entry in applying}
    assert len(wanted) == len(applying), "two entries of one package apply to this Python"
    installed = {
        canonicalize_name(dist.metadata["Name"]): dist.version for dist in metadata.distributions()
    }
    assert {name: v for name, v in installed.items() if name not in NOT_LOCKED} == wanted
