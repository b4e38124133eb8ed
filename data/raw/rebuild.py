"""Print what builds rebuild, as lines of their tables: python data/raw/rebuild.py ID [ID ...].

Each ID names a folder data/raw/<ID>/; the rows of its build.py are written to standard output
as CSV with the tables' header, so that they can be compared with data/tables/<ID>.csv. Run as a
script, this file puts data/raw/ on the import path, where the builds find the modules they
share (tablerows, oecd_sdmx, ncses_mirror, ...); tests/test_raw.py does the same.
"""

from __future__ import annotations

import csv
import importlib.util
import pathlib
import sys

import tablerows

HERE = pathlib.Path(__file__).resolve().parent


def build_rows(indicator_id: str) -> list[tablerows.Row]:
    """The rows of data/raw/<indicator_id>/build.py."""
    path = HERE / indicator_id / "build.py"
    spec = importlib.util.spec_from_file_location(f"raw_{indicator_id}", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"no build at {path}")
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    rows: list[tablerows.Row] = build.rows(path.parent)
    return rows


def main(indicator_ids: list[str]) -> None:
    writer = csv.DictWriter(sys.stdout, tablerows.FIELDS, lineterminator="\n")
    writer.writeheader()
    for indicator_id in indicator_ids:
        writer.writerows(build_rows(indicator_id))


if __name__ == "__main__":
    main(sys.argv[1:])
