"""A validated catalog kept on disk, for the next start on the same files with the same code.

Reading and checking every file of the data directory is most of a server's start (a quarter
of a second for the project's data). The outcome depends only on the bytes of those files and
on the code that reads them, so a catalog that passed every check is kept under a key made of
both (with the Python and pydantic versions) and read back when the key is the same. Nothing is
kept of a data directory with any problem: its next start checks it again and reports it again.

The copy is a pickle, which runs code when read; it is read only from a directory the current
user owns and nobody else may write to, and only files that user owns.
``$INDICATORS_CACHE_DIR`` names the directory (default: ``$XDG_CACHE_HOME`` or ``~/.cache``,
then ``us-china-st-indicators``); set it empty to keep nothing.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import platform
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path

import pydantic

from indicators.catalog import Catalog
from indicators.version import data_version

CACHE_DIR_ENV = "INDICATORS_CACHE_DIR"
KEPT = 8  # catalogs kept, newest first: a few data directories or checkouts side by side
_CODE = Path(__file__).resolve().parent


def cache_dir() -> Path | None:
    """Where catalogs are kept, or ``None`` when keeping is switched off."""
    named = os.environ.get(CACHE_DIR_ENV)
    if named is not None:
        return Path(named) if named else None
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "us-china-st-indicators"


def key(data_dir: Path) -> str:
    """The files' fingerprint and the reading code's, with the versions that build the models."""
    digest = hashlib.sha256()
    digest.update(data_version(data_dir).encode())
    for path in sorted(_CODE.glob("*.py")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    digest.update(f"{platform.python_version()} {pydantic.VERSION}".encode())
    return digest.hexdigest()[:32]


def cached(data_dir: Path, load: Callable[[Path], Catalog]) -> Catalog:
    """``load(data_dir)``, or the catalog it returned last time for the same key."""
    directory = cache_dir()
    if directory is None:
        return load(data_dir)
    path = directory / f"catalog-{key(data_dir)}.pickle"
    kept = _read(path)
    if kept is not None:
        return kept
    catalog = load(data_dir)  # raises on any problem: nothing is kept
    _write(path, catalog)
    return catalog


def _private(path: Path, kind: int) -> bool:
    """Whether ``path`` is a ``kind`` (stat.S_IFDIR, S_IFREG) the current user owns and only
    that user may write to."""
    try:
        status = path.lstat()
    except OSError:
        return False
    return (
        stat.S_IFMT(status.st_mode) == kind
        and status.st_uid == os.getuid()
        and not status.st_mode & (stat.S_IWGRP | stat.S_IWOTH)
    )


def _read(path: Path) -> Catalog | None:
    if not (_private(path.parent, stat.S_IFDIR) and _private(path, stat.S_IFREG)):
        return None
    try:
        with path.open("rb") as file:
            kept = pickle.load(file)
    except Exception:  # a copy cut short or made by other code: check the files instead
        return None
    return kept if isinstance(kept, Catalog) else None


def _write(path: Path, catalog: Catalog) -> None:
    """Keep ``catalog`` at ``path`` (whole or not at all), and only the newest few."""
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        if not _private(path.parent, stat.S_IFDIR):
            return
        with tempfile.NamedTemporaryFile(dir=path.parent, suffix=".part", delete=False) as file:
            pickle.dump(catalog, file, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(file.name, path)
        others = sorted(
            path.parent.glob("catalog-*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True
        )
        for old in others[KEPT:]:
            old.unlink(missing_ok=True)
    except OSError:
        pass  # a read-only or full disk: the next start checks the files again
