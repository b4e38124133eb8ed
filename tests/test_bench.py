"""The benchmark runs (tiny sizes; timings are the benchmark's business, not the tests').

The smoke run serves both apps with gunicorn, drives Chromium and runs wrk for 2 seconds.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from plotly.io.json import to_json_plotly

from bench.scaling import measure, write_catalog
from indicators import load_catalog
from tests.support import REPO


def test_synthetic_catalog_is_valid_and_has_unique_keys(tmp_path: Path) -> None:
    catalog = load_catalog(write_catalog(tmp_path, 5000))
    obs = catalog.observations
    assert len(obs) == 5000
    assert not obs.duplicated(["economy", "year", "source_id"]).any()


def test_measure_reports_every_figure() -> None:
    (row,) = measure((300,), repeats=1)
    assert set(row) == {
        "rows",
        "load_s",
        "read_csv_s",
        "load_peak_mib",
        "read_csv_peak_mib",
        "ratio",
    }
    assert row["rows"] == 300 and row["load_s"] > 0 and row["ratio"] > 0


def test_smoke_run_prints_a_table_and_writes_json(tmp_path: Path) -> None:
    out = tmp_path / "results.json"
    result = subprocess.run(
        [sys.executable, "-m", "bench", "--smoke", "--json", str(out)],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    for heading in (
        "dashboard",
        "floor",
        "cold start, s",
        "cold start, every file checked, s",
        "first chart, s",
        "throughput, requests/s",
        "read_csv s",
        "as a person feels it",
        "click: indicator, ms",
        "phone chart: lcp, s",
        "phone landing: score",
        "phone link: lcp, s",
        "desktop chart: score",
        "bare Dash drawing the same chart",
    ):
        assert heading in result.stdout
    report = json.loads(out.read_text())
    assert [row["rows"] for row in report["scaling"]] == [100, 1000]
    assert {row["figure"] for row in report["ratios"]} >= {"cold start, s", "first chart, s"}
    assert report["dashboard"]["throughput"]["errors"] == 0
    # Every click was timed from an input to a drawing after it, on both apps...
    clicks = report["felt"]["clicks"]
    assert set(clicks) == {"dashboard", "floor", "same chart"}
    assert set(clicks["dashboard"]) == {"indicator", "view", "years"}
    assert all(0 < seconds < 30 for app in clicks.values() for seconds in app.values())
    # ...and Lighthouse scored every page of both on both form factors.
    for by_page in report["felt"]["lighthouse"].values():
        assert set(by_page) == {"dashboard chart", "dashboard link", "dashboard landing", "floor"}
        for figures in by_page.values():
            assert 0 <= figures["score"] <= 100 and figures["lcp"] > 0


def test_loaded_runs_the_command_beside_busy_processes_and_passes_on_its_status() -> None:
    # The command lists its parent's children: the busy processes and itself.
    children = "cat /proc/$PPID/task/$PPID/children; echo; exit 3"
    loaded = [sys.executable, "-m", "bench.loaded", "--hogs", "2", "--runs", "2", "--"]
    result = subprocess.run(
        [*loaded, "sh", "-c", children],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=120,
    )
    assert result.returncode == 3, result.stderr
    listed = [line.split() for line in result.stdout.splitlines() if line[:1].isdigit()]
    assert [len(pids) for pids in listed] == [3, 3]
    assert set(listed[0]).isdisjoint(listed[1])  # each run started its own
    assert result.stdout.count("busy: failed (exit 3) in") == 2


def test_the_image_benchmark_renders_and_keeps_a_view(capsys: pytest.CaptureFixture[str]) -> None:
    from bench import images

    assert images.main(["--smoke"]) == 0
    out = capsys.readouterr().out
    assert "png: first render median" in out and "kept median" in out


def test_the_same_chart_floor_draws_the_dashboards_charts() -> None:
    """Bare Dash starts on the dashboard's default indicator and answers a pick of R&D intensity
    with the chart the dashboard draws of it, over HTTP as a browser asks."""
    from bench.floor_chart import server
    from dashboard.figures import trend_figure
    from dashboard.startup import load_or_exit
    from dashboard.state import from_query
    from dashboard.views import build

    catalog = load_or_exit()
    client = server.test_client()
    (picker, _) = client.get("/_dash-layout").get_json()["props"]["children"]
    titles = picker["props"]["options"]
    first = from_query("", catalog)[0].indicator
    assert picker["props"]["value"] == titles[0] == catalog.indicators[first].title
    picked = catalog.indicators["rd_intensity"].title
    assert picked in titles and len(titles) == 10
    body = {
        "output": "chart.figure",
        "outputs": {"id": "chart", "property": "figure"},
        "inputs": [{"id": "indicator", "property": "value", "value": picked}],
        "changedPropIds": ["indicator.value"],
    }
    answer = client.post("/_dash-update-component", json=body).get_json()
    drawn = answer["response"]["chart"]["figure"]
    view = from_query("indicator=rd_intensity", catalog)[0]
    expected = json.loads(to_json_plotly(trend_figure(build(catalog, view), catalog)))
    assert drawn == expected
    assert [trace["name"] for trace in drawn["data"]][:2] == ["US", "China"]
