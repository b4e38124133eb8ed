"""``python -m bench``: measure the project and print a table of figures (and write JSON).

Implemented so far: data scaling (load and validate synthetic catalogs of 10^4, 10^5 and 10^6
observations against ``pandas.read_csv`` of the same files). The dashboard measurements against
a bare-Dash floor app are still to come.
"""

from __future__ import annotations

import argparse
import json
import platform
from pathlib import Path

from bench.scaling import measure

LOAD_TARGET = 4.0  # load + validate of 10^6 rows at most 4x read_csv
GROWTH_TARGET = 12.0  # 10x the rows costs at most 12x the time


def main() -> int:
    """Run, print, write JSON; exit 1 when a target is missed."""
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--smoke", action="store_true", help="tiny sizes, to check it runs")
    parser.add_argument("--json", type=Path, default=Path("bench-results.json"))
    args = parser.parse_args()
    sizes = (10**2, 10**3) if args.smoke else (10**4, 10**5, 10**6)
    rows = measure(sizes, repeats=1 if args.smoke else 3)
    print(f"Data scaling (Python {platform.python_version()}, best of {1 if args.smoke else 3})")
    print(
        f"{'rows':>9} {'load s':>8} {'read_csv s':>10} {'ratio':>6} {'load MiB':>9} "
        f"{'read MiB':>9} {'growth':>7}"
    )
    failures = []
    previous = None
    for row in rows:
        growth = row["load_s"] / previous["load_s"] if previous else float("nan")
        row["growth_vs_previous"] = growth
        print(
            f"{row['rows']:>9,} {row['load_s']:>8.3f} {row['read_csv_s']:>10.3f} "
            f"{row['ratio']:>6.2f} {row['load_peak_mib']:>9.1f} {row['read_csv_peak_mib']:>9.1f} "
            f"{growth:>7.2f}"
        )
        previous = row
    largest = rows[-1]
    if not args.smoke:
        if largest["ratio"] > LOAD_TARGET:
            failures.append(f"load of {largest['rows']:,} rows is {largest['ratio']:.2f}x read_csv")
        if largest["growth_vs_previous"] > GROWTH_TARGET:
            failures.append(f"10x rows cost {largest['growth_vs_previous']:.1f}x the time")
    print(
        f"targets: load <= {LOAD_TARGET}x read_csv at 10^6 rows; growth <= {GROWTH_TARGET}x "
        f"per 10x rows: {'met' if not failures else 'MISSED: ' + '; '.join(failures)}"
    )
    args.json.write_text(json.dumps({"scaling": rows, "failures": failures}, indent=1))
    return 1 if failures else 0


raise SystemExit(main())
