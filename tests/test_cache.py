"""A validated catalog kept for the next start (indicators.cache)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from indicators import Catalog, DataValidationError, load_catalog
from indicators.cache import CACHE_DIR_ENV, KEPT, cached
from tests.conftest import INVALID, VALID


class Loads:
    """``load_catalog``, counting its calls."""

    def __init__(self) -> None:
        self.calls = 0

    def __call__(self, data_dir: Path) -> Catalog:
        self.calls += 1
        return load_catalog(data_dir)


@pytest.fixture
def keep(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    directory = tmp_path / "cache"
    monkeypatch.setenv(CACHE_DIR_ENV, str(directory))
    return directory


def test_the_next_start_on_the_same_files_reads_the_kept_catalog(keep: Path) -> None:
    load = Loads()
    first = cached(VALID, load)
    again = cached(VALID, load)
    assert load.calls == 1
    assert again.version == first.version and again.indicators == first.indicators
    assert again.observations.equals(first.observations)
    (kept,) = keep.glob("catalog-*.pickle")
    assert kept.stat().st_mode & 0o777 == 0o600 and keep.stat().st_mode & 0o777 == 0o700


def test_a_changed_file_is_checked_again(keep: Path, valid_copy: Path) -> None:
    load = Loads()
    cached(valid_copy, load)
    sources = valid_copy / "sources.yaml"
    sources.write_text(sources.read_text() + "\n# a curator's note\n")
    cached(valid_copy, load)
    assert load.calls == 2
    assert len(list(keep.glob("catalog-*.pickle"))) == 2


def test_nothing_is_kept_of_data_with_a_problem(keep: Path) -> None:
    load = Loads()
    for _ in range(2):  # reported on every start
        with pytest.raises(DataValidationError):
            cached(INVALID / "invalid_number", load)
    assert load.calls == 2 and not list(keep.glob("*"))


def test_a_copy_others_may_write_to_or_cut_short_is_not_read(keep: Path) -> None:
    load = Loads()
    cached(VALID, load)
    (kept,) = keep.glob("catalog-*.pickle")
    keep.chmod(0o777)  # anyone may replace what is in it
    cached(VALID, load)
    assert load.calls == 2
    keep.chmod(0o700)
    kept.write_bytes(kept.read_bytes()[:1000])
    again = cached(VALID, load)
    assert load.calls == 3 and "widgets" in again.indicators
    cached(VALID, load)  # the files' catalog replaced the broken copy
    assert load.calls == 3


def test_keeping_can_be_switched_off(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(CACHE_DIR_ENV, "")
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    load = Loads()
    cached(VALID, load)
    cached(VALID, load)
    assert load.calls == 2 and not list(tmp_path.rglob("*.pickle"))


def test_only_the_newest_catalogs_are_kept(keep: Path, valid_copy: Path) -> None:
    notes = valid_copy / "notes"
    notes.mkdir(exist_ok=True)
    for number in range(KEPT + 2):
        (notes / "extra.md").write_text(f"edition {number}\n")
        cached(valid_copy, Loads())
        for path in keep.glob("catalog-*.pickle"):  # (mtimes a second apart: the order is sure)
            os.utime(path, (path.stat().st_mtime - 1,) * 2)
    assert len(list(keep.glob("catalog-*.pickle"))) == KEPT
