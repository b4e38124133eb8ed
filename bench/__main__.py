"""``python -m bench``: the dashboard against a bare-Dash floor app, and data scaling.

Both apps are served and measured the same way in one run (see ``bench.web``); every target is a
ratio to the floor measured in that same run, since absolute times on shared machines vary.
Prints a table and writes JSON; exits 1 when a target is missed. ``--smoke`` runs tiny sizes
only to check that everything works.
"""

from __future__ import annotations

import argparse
import json
import math
import platform
import tempfile
from dataclasses import replace
from pathlib import Path
from typing import Any

from bench import lighthouse, web
from bench.scaling import measure
from dashboard.state import default_state, to_query
from indicators import load_catalog
from indicators.cache import CACHE_DIR_ENV

DASHBOARD, FLOOR = "dashboard.app:server", "bench.floor:server"
# Bare Dash drawing the dashboard's own charts: no target, printed beside the click's (see there).
SAME_CHART = "bench.floor_chart:server"


DASHBOARD_ACTIONS = {
    "indicator": lambda page: web.pick_indicator(page, "R&D intensity", "R&D intensity"),
    "view": lambda page: page.get_by_label("China ÷ US").check(),
    "years": lambda page: (
        page.fill("#years input.dash-range-slider-min-input", "2010"),
        page.keyboard.press("Tab"),
    ),
}
FLOOR_ACTIONS = {"indicator": lambda page: web.pick_indicator(page, "indicator_3", "indicator_3")}
SAME_CHART_ACTIONS = {"indicator": DASHBOARD_ACTIONS["indicator"]}

# figure -> limit of its ratio to the floor (throughput: at least; the others: at most)
TARGETS = {
    "latency median": 2.0,
    "latency p95": 2.0,
    "throughput": 0.5,
    "page weight": 1.2,
    "first chart": 1.3,
    "cold start": 1.5,
}


# What a person feels. Each click of the dashboard (last key press or click to the chart redrawn)
# against the floor's indicator pick, at most this ratio...
CLICK_TARGET = 1.3
# First visits per app. A click's time on this machine ranges over about half its median from
# one visit to the next (53 to 85 ms for the dashboard's pick, 41 to 80 for the floor's, in 25
# visits each): a median of 5 moved the ratio between 1.15 and 1.60 from run to run.
CLICK_VISITS = 11
# ...and Lighthouse's figures of each page: (figure, limit, True when the figure must be at least
# the limit). The floor has one page, printed beside each of ours.
PHONE_TARGETS = (
    ("score", 80.0, True),
    ("lcp", 2.5, False),
    ("tbt", 0.6, False),
    ("cls", 0.1, False),
)
DESKTOP_TARGETS = (("score", 95.0, True),)


PAGES = ("chart", "link", "landing")


def _page_paths() -> dict[str, str]:
    """Each page Lighthouse scores, by name. The link is a shared one, as the share panel gives
    it: the default indicator as China ÷ US, which arrives drawn with its view, as the bare
    address does (``dashboard.factory``). Built here, not at import: only ``_felt`` reads the
    catalog for it."""
    catalog = load_catalog(web.REPO / "data")
    link = "/" + to_query(replace(default_state(catalog), view="ratio"))
    return dict(zip(PAGES, ("/", link, "/scoreboard"), strict=True))


def _felt(smoke: bool) -> dict[str, Any]:
    """Click times of the three apps (the dashboard, the floor and bare Dash drawing the same
    chart), then Lighthouse on each page of ours and on the floor's page, phone and desktop, the
    apps taking turns run after run."""
    runs = 1 if smoke else 3
    with (
        web.serving(DASHBOARD) as ours,
        web.serving(FLOOR) as floor,
        web.serving(SAME_CHART) as same_chart,
    ):
        clicks = web.clicks(
            {"dashboard": ours, "floor": floor, "same chart": same_chart},
            {
                "dashboard": DASHBOARD_ACTIONS,
                "floor": FLOOR_ACTIONS,
                "same chart": SAME_CHART_ACTIONS,
            },
            1 if smoke else CLICK_VISITS,
        )
        urls = {f"dashboard {page}": ours + path for page, path in _page_paths().items()}
        urls["floor"] = floor + "/"
        results: dict[str, dict[str, list[dict[str, float]]]] = {
            form: {name: [] for name in urls} for form in lighthouse.FORM_FACTORS
        }
        for _ in range(runs):
            for form, by_page in results.items():
                for name, url in urls.items():
                    by_page[name].append(lighthouse.run(url, form))
    return {
        "clicks": clicks,
        "lighthouse": {
            form: {name: lighthouse.median_of(values) for name, values in by_page.items()}
            for form, by_page in results.items()
        },
    }


def _felt_rows(felt: dict[str, Any]) -> list[tuple[str, float, float, str, bool]]:
    """(figure, ours, floor, target, met) for every target of what a person feels."""
    rows = []
    floor_pick = felt["clicks"]["floor"]["indicator"]
    for action, seconds in felt["clicks"]["dashboard"].items():
        limit = CLICK_TARGET * floor_pick
        rows.append(
            (
                f"click: {action}, ms",
                seconds * 1e3,
                floor_pick * 1e3,
                f"<={limit * 1e3:.0f}",
                seconds <= limit,
            )
        )
    for form, targets in (("phone", PHONE_TARGETS), ("desktop", DESKTOP_TARGETS)):
        by_page = felt["lighthouse"][form]
        for page in PAGES:
            for figure, limit, at_least in targets:
                mine, theirs = by_page[f"dashboard {page}"][figure], by_page["floor"][figure]
                met = mine >= limit if at_least else mine <= limit
                unit = "" if figure in ("score", "cls") else ", s"
                sign = ">=" if at_least else "<="
                rows.append(
                    (f"{form} {page}: {figure}{unit}", mine, theirs, f"{sign}{limit:g}", met)
                )
    return rows


def _print_felt(rows: list[tuple[str, float, float, str, bool]], felt: dict[str, Any]) -> None:
    print(f"\n{'as a person feels it':<40} {'dashboard':>10} {'floor':>10} {'target':>8}")
    for label, mine, theirs, target, met in rows:
        print(f"{label:<40} {mine:>10.2f} {theirs:>10.2f} {target:>8}{'' if met else '  MISSED'}")
    # The floor draws two plain lines. Bare Dash drawing the dashboard's own chart tells what of
    # the pick's time is plotly.js drawing that chart and what the dashboard's page adds.
    pick = {app: felt["clicks"][app]["indicator"] for app in ("dashboard", "same chart", "floor")}
    print(
        f"click: indicator, ms: dashboard {pick['dashboard'] * 1e3:.1f}; bare Dash drawing the "
        f"same chart {pick['same chart'] * 1e3:.1f} "
        f"(dashboard {pick['dashboard'] / pick['same chart']:.2f}x), drawing the floor's two "
        f"lines {pick['floor'] * 1e3:.1f} (same chart {pick['same chart'] / pick['floor']:.2f}x)"
    )
    for form, by_page in felt["lighthouse"].items():
        for name, figures in by_page.items():
            shown = ", ".join(f"{key} {value:.2f}" for key, value in figures.items())
            print(f"lighthouse {form}, {name}: {shown}")


def _measure(smoke: bool) -> tuple[dict[str, Any], dict[str, Any]]:
    """Every serving figure of the dashboard and of the floor. The two timings a slower moment
    of the machine sways most, cold start and first chart, are taken with the apps taking
    turns; the others one app at a time."""
    runs, requests, seconds = (1, 20, 2) if smoke else (5, 500, 20)
    apps = {DASHBOARD: DASHBOARD_ACTIONS, FLOOR: FLOOR_ACTIONS}
    # A restart finds the catalog the first start checked and kept (indicators.cache); a first
    # start after new data or code checks every file, printed beside (no target).
    with tempfile.TemporaryDirectory() as kept:
        restarts = web.cold_starts(list(apps), runs, {CACHE_DIR_ENV: kept})
    firsts_checked = web.cold_starts([DASHBOARD], runs, {CACHE_DIR_ENV: ""})
    results: dict[str, dict[str, Any]] = {
        target: {"cold_start_s": median} for target, median in restarts.items()
    }
    results[DASHBOARD]["cold_start_checked_s"] = firsts_checked[DASHBOARD]
    with web.serving(DASHBOARD) as ours, web.serving(FLOOR) as floor:
        firsts = web.first_charts({DASHBOARD: ours, FLOOR: floor}, runs)
    for target, actions in apps.items():
        result = results[target]
        result["first_chart_s"] = firsts[target]
        with web.serving(target) as base:
            result |= web.first_visit(base, actions)
            result["latency"] = {
                name: web.latency(base, body, requests) for name, body in result["bodies"].items()
            }
            result["throughput"] = web.throughput(base, result["bodies"]["indicator"], seconds, 16)
    return results[DASHBOARD], results[FLOOR]


def _rows(
    ours: dict[str, Any], floor: dict[str, Any]
) -> list[tuple[str, float, float, float, float, bool]]:
    """(figure, ours, floor, ratio, limit, met) for every target."""
    rows = []
    base_latency = floor["latency"]["indicator"]
    for name, measured in ours["latency"].items():
        for stat, label in (("median_s", "latency median"), ("p95_s", "latency p95")):
            ratio = measured[stat] / base_latency[stat]
            rows.append(
                (
                    f"{label} ({name}), ms",
                    measured[stat] * 1e3,
                    base_latency[stat] * 1e3,
                    ratio,
                    TARGETS[label],
                    ratio <= TARGETS[label],
                )
            )
    rps = ours["throughput"]["requests_per_s"] / floor["throughput"]["requests_per_s"]
    errors = ours["throughput"]["errors"]
    rows.append(
        (
            "throughput, requests/s",
            ours["throughput"]["requests_per_s"],
            floor["throughput"]["requests_per_s"],
            rps,
            TARGETS["throughput"],
            rps >= TARGETS["throughput"] and errors == 0,
        )
    )
    for label, key, scale in (
        ("page weight, kB on the wire", "wire_bytes", 1e-3),
        ("first chart, s", "first_chart_s", 1.0),
        ("cold start, s", "cold_start_s", 1.0),
    ):
        ratio = ours[key] / floor[key]
        limit = TARGETS[label.split(",")[0]]
        rows.append((label, ours[key] * scale, floor[key] * scale, ratio, limit, ratio <= limit))
    rows.append(
        (
            "cold start, every file checked, s",
            ours["cold_start_checked_s"],
            floor["cold_start_s"],
            ours["cold_start_checked_s"] / floor["cold_start_s"],
            math.nan,
            True,
        )
    )
    rows.append(
        (
            "page weight, kB uncompressed",
            ours["raw_bytes"] * 1e-3,
            floor["raw_bytes"] * 1e-3,
            ours["raw_bytes"] / floor["raw_bytes"],
            math.nan,
            True,
        )
    )
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--smoke", action="store_true", help="tiny sizes, to check it runs")
    parser.add_argument("--json", type=Path, default=Path("bench-results.json"))
    parser.add_argument("--skip-web", action="store_true", help="data scaling only")
    args = parser.parse_args()
    report: dict[str, Any] = {"python": platform.python_version()}
    failures: list[str] = []
    if not args.skip_web:
        ours, floor = _measure(args.smoke)
        rows = _rows(ours, floor)
        print(f"{'figure':<40} {'dashboard':>10} {'floor':>10} {'ratio':>6} {'target':>7}")
        for label, mine, theirs, ratio, limit, met in rows:
            target = (
                ""
                if math.isnan(limit)
                else (f">={limit}" if "throughput" in label else f"<={limit}")
            )
            mark = "" if met else "  MISSED"
            print(f"{label:<40} {mine:>10.2f} {theirs:>10.2f} {ratio:>6.2f} {target:>7}{mark}")
            if not met:
                failures.append(label)
        firsts = ", ".join(
            f"{name} {values['first_s'] * 1e3:.1f}" for name, values in ours["latency"].items()
        )
        print(
            f"first, computed answer, ms: dashboard {firsts}; "
            f"floor {floor['latency']['indicator']['first_s'] * 1e3:.1f}"
        )
        print(
            f"throughput errors: dashboard {ours['throughput']['errors']}, "
            f"floor {floor['throughput']['errors']}; p50/p95/p99 ms dashboard "
            f"{ours['throughput']['p50'] * 1e3:.1f}/{ours['throughput']['p95'] * 1e3:.1f}/"
            f"{ours['throughput']['p99'] * 1e3:.1f}"
        )
        for result in (ours, floor):
            result.pop("bodies")
        felt = _felt(args.smoke)
        felt_rows = _felt_rows(felt)
        _print_felt(felt_rows, felt)
        failures += [label for label, *_, met in felt_rows if not met]
        report |= {
            "felt": felt,
            "dashboard": ours,
            "floor": floor,
            "ratios": [
                dict(
                    zip(
                        ("figure", "dashboard", "floor", "ratio", "target", "met"), row, strict=True
                    )
                )
                for row in rows
            ],
        }
    sizes = (10**2, 10**3) if args.smoke else (10**4, 10**5, 10**6)
    scaling = measure(sizes, repeats=1 if args.smoke else 3)
    print(
        f"\n{'rows':>9} {'load s':>8} {'read_csv s':>10} {'ratio':>6} {'load MiB':>9} "
        f"{'read MiB':>9} {'growth':>7}"
    )
    previous = None
    for row in scaling:
        row["growth"] = row["load_s"] / previous["load_s"] if previous else math.nan
        print(
            f"{row['rows']:>9,} {row['load_s']:>8.3f} {row['read_csv_s']:>10.3f} "
            f"{row['ratio']:>6.2f} {row['load_peak_mib']:>9.1f} "
            f"{row['read_csv_peak_mib']:>9.1f} {row['growth']:>7.2f}"
        )
        previous = row
    if not args.smoke:
        if scaling[-1]["ratio"] > 4.0:
            failures.append("load of 10^6 rows > 4x read_csv")
        if scaling[-1]["growth"] > 12.0:
            failures.append("10x rows cost > 12x time")
    report |= {"scaling": scaling, "failures": failures}
    args.json.write_text(json.dumps(report, indent=1, default=float))
    print("\nall targets met" if not failures else f"\nMISSED: {'; '.join(failures)}")
    return 1 if failures and not args.smoke else 0


raise SystemExit(main())
