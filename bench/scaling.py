"""Data scaling: load and validate synthetic catalogs of 10^4, 10^5 and 10^6 observations.

The catalogs are generated into a temporary folder (never committed): one indicator whose table
has N rows of valid, realistic text (quoted locators with commas, notes), beside the same
directory's economies and sources. Each size is timed against ``pandas.read_csv`` of the same
table, the reference the targets are set against, and peak memory is read with tracemalloc.
"""

from __future__ import annotations

import csv
import gc
import math
import random
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

import pandas as pd

from indicators import load_catalog

ECONOMIES = ("USA", "CHN", "JPN", "DEU", "KOR", "EU27")
YEARS = 200  # 1900-2099: each source gives each economy at most this many years


def write_catalog(root: Path, rows: int, seed: int = 7) -> Path:
    """A valid synthetic data directory with one table of ``rows`` observations."""
    rng = random.Random(seed)
    sources = -(-rows // (len(ECONOMIES) * YEARS))  # enough sources for unique keys
    (root / "tables").mkdir(parents=True, exist_ok=True)
    (root / "economies.yaml").write_text(
        "".join(f"- code: {code}\n  name: Economy {code}\n" for code in ECONOMIES)
    )
    (root / "sources.yaml").write_text(
        "".join(
            f"- id: synthetic_{i}\n  publisher: Benchmark\n  title: Synthetic table {i}\n"
            f'  edition: Edition {i}\n  published: "2100"\n  url: https://example.org/{i}\n'
            f"  license: Not stated\n  kind: primary\n"
            for i in range(sources)
        )
    )
    (root / "indicators.yaml").write_text(
        "- id: synthetic\n  title: Synthetic\n  description: For benchmarks.\n"
        "  definition: Generated values.\n  unit: widgets\n  short_unit: widgets\n"
        "  category: output\n  main_source: synthetic_0\n  table: tables/synthetic.csv\n"
    )
    with (root / "tables" / "synthetic.csv").open("w", newline="") as handle:
        out = csv.writer(handle, lineterminator="\n")
        out.writerow(("economy", "year", "value", "status", "source_id", "locator", "note"))
        for index in range(rows):
            # Each (economy, year, source) once: years run fastest, then economies, then sources.
            year, rest = 1900 + index % YEARS, index // YEARS
            economy, source = ECONOMIES[rest % len(ECONOMIES)], rest // len(ECONOMIES)
            out.writerow(
                (
                    economy,
                    year,
                    f"{rng.uniform(0, 1e6):.4f}",
                    "reported",
                    f"synthetic_{source}",
                    f"Table {source}, row {economy}, column {year}",
                    "" if index % 3 else "a note, with a comma",
                )
            )
    return root


def _seconds(action: Callable[[], object], repeats: int) -> float:
    """Best wall-clock time of ``repeats`` calls (no tracing, which would slow them down)."""
    best = math.inf
    for _ in range(repeats):
        gc.collect()
        start = time.perf_counter()
        action()
        best = min(best, time.perf_counter() - start)
    return best


def _peak_mib(action: Callable[[], object]) -> float:
    """Peak memory Python allocated during one call, in MiB."""
    gc.collect()
    tracemalloc.start()
    action()
    peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    return peak


def measure(
    sizes: tuple[int, ...] = (10**4, 10**5, 10**6), repeats: int = 3
) -> list[dict[str, Any]]:
    """Load-and-validate against ``pandas.read_csv`` for each size (best of ``repeats``)."""
    results = []
    for rows in sizes:
        with tempfile.TemporaryDirectory() as scratch:
            root = write_catalog(Path(scratch), rows)
            load = partial(load_catalog, root)
            read = partial(pd.read_csv, root / "tables" / "synthetic.csv")
            assert len(load().observations) == rows  # and it is valid, or this raises
            results.append(
                {
                    "rows": rows,
                    "load_s": _seconds(load, repeats),
                    "read_csv_s": _seconds(read, repeats),
                    "load_peak_mib": _peak_mib(load),
                    "read_csv_peak_mib": _peak_mib(read),
                }
            )
    for result in results:
        result["ratio"] = result["load_s"] / result["read_csv_s"]
    return results
