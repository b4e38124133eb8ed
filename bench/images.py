"""``python -m bench.images``: what a chart image costs, first and kept, per view and format.

Each image is rendered once through the app's ``/chart.png`` and ``/chart.svg`` routes (the
first of the run also starts the process's Chromium), then asked for again: kept, it is served
from memory. Prints a line per image and the medians; ``--smoke`` renders one view only.
"""

from __future__ import annotations

import argparse
import statistics
import time

from dashboard.factory import create_app
from indicators import load_catalog

VIEWS = (
    "indicator=rd_expenditure_ppp",
    "indicator=rd_intensity&view=ratio",
    "indicator=stem_phd_graduates&sources=all",
    "indicator=students_in_partner&view=indexed&base=2010",
    "indicator=pct_applications&scale=log",
)
AGAIN = 20
"""Repeats of a kept image, whose median is printed."""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--smoke", action="store_true", help="one view, to check it all works")
    args = parser.parse_args(argv)
    client = create_app(load_catalog()).server.test_client()
    firsts: dict[str, list[float]] = {"png": [], "svg": []}
    kept: dict[str, list[float]] = {"png": [], "svg": []}
    print(f"{'view':55} {'format':6} {'first ms':>9} {'kept ms':>8} {'bytes':>8}")
    for view in VIEWS[:1] if args.smoke else VIEWS:
        for image_format in ("png", "svg"):
            path = f"/chart.{image_format}?{view}"
            start = time.perf_counter()
            response = client.get(path)
            first = time.perf_counter() - start
            if response.status_code != 200:
                print(f"{view:55} {image_format:6} failed: {response.status_code}")
                return 1
            times = []
            for _ in range(AGAIN):
                start = time.perf_counter()
                client.get(path)
                times.append(time.perf_counter() - start)
            firsts[image_format].append(first)
            kept[image_format].append(statistics.median(times))
            print(
                f"{view:55} {image_format:6} {first * 1000:9.0f} "
                f"{statistics.median(times) * 1000:8.2f} {len(response.data):8d}"
            )
    for image_format in ("png", "svg"):
        # The very first image also starts Chromium: the median of the rest is the usual cost.
        rest = firsts[image_format][1:] or firsts[image_format]
        print(
            f"{image_format}: first render median {statistics.median(rest) * 1000:.0f} ms "
            f"(the run's very first, with Chromium's start: {firsts['png'][0] * 1000:.0f} ms), "
            f"kept median {statistics.median(kept[image_format]) * 1000:.2f} ms"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
