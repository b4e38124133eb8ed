"""The data version: a fingerprint of every file in the data directory."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from pathlib import Path


def data_version(data_dir: Path, digests: Mapping[Path, bytes] | None = None) -> str:
    """A short content hash of every file under ``data_dir`` (paths and bytes).

    It changes whenever any file in the data directory changes, and is the same on every
    machine for the same files, so downloads, the API and the data package can say which
    edition of the data they carry. ``digests`` gives the SHA-256 of files the caller has
    read already (by path, as found under ``data_dir``): a large table is not read twice.
    """
    known = digests or {}
    digest = hashlib.sha256()
    for path in sorted(p for p in data_dir.rglob("*") if p.is_file()):
        rel = path.relative_to(data_dir).as_posix()
        if rel.startswith(".") or "/." in rel or "__pycache__" in path.parts:
            continue  # editor and OS clutter, and Python's caches of the raw builds, are not data
        digest.update(rel.encode("utf-8") + b"\0")
        digest.update(known.get(path) or hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()[:12]
