"""Tables copied from machine-readable files are rebuilt from the copies kept in data/raw/.

Each ``data/raw/<indicator_id>/`` holds ``origin.yaml`` (repository, path, commit, licence), the
file or the lines of it that were used, and ``build.py``, whose ``rows(here)`` returns the rows
of ``SOURCE_IDS`` in the indicator's table. Rebuilding them and comparing with the committed
table shows that every one of those values is the file's, as the build reads it. The builds
import the readers they share (``data/raw/*.py``: tablerows, oecd_sdmx, ncses_mirror, ...) by
name, so data/raw/ is put on the import path while a build is loaded.
"""

from __future__ import annotations

import csv
import importlib.machinery
import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest
import yaml

from indicators.load import REPO_DATA_DIR

RAW = REPO_DATA_DIR / "raw"
BUILDS = sorted(RAW.glob("*/build.py"))
SHARED = sorted(RAW.glob("*.py"))
MAX_RAW_BYTES = 8_000_000  # a few MB: the rows used, not whole databases


@pytest.fixture(autouse=True)
def _shared_modules_importable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.syspath_prepend(str(RAW))


def module(build: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"raw_{build.parent.name}", build)
    assert spec is not None and spec.loader is not None
    loaded = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(loaded)
    return loaded


def table_rows(indicator_id: str, sources: set[str]) -> list[dict[str, str]]:
    with (REPO_DATA_DIR / "tables" / f"{indicator_id}.csv").open(encoding="utf-8") as handle:
        return [row for row in csv.DictReader(handle) if row["source_id"] in sources]


def test_there_are_tables_rebuilt_from_raw_files() -> None:
    assert len(BUILDS) >= 5


@pytest.mark.parametrize("build", BUILDS, ids=[b.parent.name for b in BUILDS])
def test_the_table_is_what_its_raw_files_give(build: Path) -> None:
    built = module(build)
    sources = set(built.SOURCE_IDS)
    expected = table_rows(build.parent.name, sources)
    rows = built.rows(build.parent)
    assert rows, "the build returns no row"
    key = lambda row: (row["source_id"], row["economy"], int(row["year"]))  # noqa: E731
    assert sorted(rows, key=key) == sorted(expected, key=key)


@pytest.mark.parametrize("build", BUILDS, ids=[b.parent.name for b in BUILDS])
def test_the_raw_files_say_where_they_come_from(build: Path) -> None:
    origin = yaml.safe_load((build.parent / "origin.yaml").read_text(encoding="utf-8"))
    entries = origin if isinstance(origin, list) else [origin]
    for entry in entries:
        text = yaml.safe_dump(entry).lower()
        assert "commit" in text and "http" in text, entry


@pytest.mark.parametrize("shared", SHARED, ids=[s.stem for s in SHARED])
def test_the_shared_modules_hide_no_other_module(shared: Path) -> None:
    elsewhere = [entry for entry in sys.path if Path(entry or ".").resolve() != RAW.resolve()]
    assert shared.stem not in sys.stdlib_module_names
    assert importlib.machinery.PathFinder.find_spec(shared.stem, elsewhere) is None


def test_the_raw_folder_stays_small() -> None:
    size = sum(path.stat().st_size for path in RAW.rglob("*") if path.is_file())
    assert size < MAX_RAW_BYTES
