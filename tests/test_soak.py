"""The soak test: how it builds its mix, and a smoke run of it (gunicorn, Chromium and wrk for a
few seconds). Nothing here judges speed or memory growth; ``python -m bench.soak`` does.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import Counter
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest

from bench import soak
from dashboard.factory import LINKED
from dashboard.memo import ENTRIES
from indicators import load_catalog
from tests.support import REPO

INPUTS = [
    ("url", "search"),
    ("indicator", "value"),
    ("view", "value"),
    ("scale", "value"),
    ("years", "value"),
    ("economies", "value"),
    ("base-year", "value"),
    ("all-sources", "value"),
    ("events", "value"),
]


@pytest.fixture
def template() -> dict[str, Any]:
    """A body shaped as the captured one (the smoke run checks the real capture)."""
    return {
        "output": "..url.search...chart.figure..",
        "outputs": [{"id": "url", "property": "search"}, {"id": "chart", "property": "figure"}],
        "inputs": [{"id": i, "property": p, "value": None} for i, p in INPUTS],
        "changedPropIds": ["indicator.value"],
        "parsedChangedPropsIds": ["indicator.value"],
        "state": [{"id": "url", "property": "pathname", "value": "/"}],
    }


def test_schedule_holds_each_kind_as_often_as_its_weight() -> None:
    cycle = soak.schedule(soak.MIX)
    assert Counter(cycle) == Counter(soak.MIX)
    assert all(a != b for a, b in pairwise(cycle))  # spread out


def test_callback_body_changes_values_and_trigger_only(template: dict[str, Any]) -> None:
    values = {f"{i}.{p}": n for n, (i, p) in enumerate(INPUTS)}
    text = soak.callback_body(template, values, "years.value")
    body = json.loads(text)
    assert list(body) == list(template)
    assert [item["value"] for item in body["inputs"]] == list(range(len(INPUTS)))
    assert body["changedPropIds"] == body["parsedChangedPropsIds"] == ["years.value"]
    assert body["outputs"] == template["outputs"] and body["state"] == template["state"]
    assert " " not in text  # as JSON.stringify writes it
    with pytest.raises(KeyError):  # an input the soak does not know: the callback changed
        soak.callback_body(template, {}, "years.value")


def test_plan_has_every_kind_and_more_distinct_callbacks_than_the_memo_holds(
    template: dict[str, Any],
) -> None:
    requests = soak.plan(load_catalog(REPO / "data"), template)
    assert set(requests) == set(soak.MIX)
    callbacks = {body for _, _, body in requests["callback"]}
    assert len(callbacks) > ENTRIES
    # Shared links: the page and its layout each, more links than a worker keeps drawn...
    links = requests["link"]
    assert len(set(links)) == len(links) == 2 * soak.LINKS and soak.LINKS > LINKED
    assert {path.split("?")[0] for _, path, _ in links} == {"/", "/_dash-layout"}
    # ...and addresses the page follows, each its own callback.
    assert len({body for _, _, body in requests["followed"]}) == soak.LINKS
    for method, path, body in (r for kind in requests.values() for r in kind):
        assert (method == "POST") == bool(body) and path.startswith("/")
        assert not any(c in path + body for c in "\t\n")
    assert requests == soak.plan(load_catalog(REPO / "data"), template)  # the same every run


def test_rss_and_children_read_from_proc() -> None:
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        assert child.pid in soak._children(os.getpid())
        assert soak.rss_mib(child.pid) > 0
    finally:
        child.kill()
        child.wait()


def test_smoke_run_sends_every_kind_without_errors(tmp_path: Path) -> None:
    out = tmp_path / "soak.json"
    result = subprocess.run(
        [sys.executable, "-m", "bench.soak", "--smoke", "--json", str(out)],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    for heading in ("requests/s", "latency p50/p95/p99, ms", "RSS warm MiB", "no errors"):
        assert heading in result.stdout
    report = json.loads(out.read_text())
    assert report["failures"] == []
    assert report["warmup"]["errors"] == report["soak"]["errors"] == 0
    assert report["soak"]["requests"] > 0
    assert set(report["soak"]["sent"]) == set(soak.MIX)
    assert all(count > 0 for count in report["soak"]["sent"].values())
    assert len(report["workers"]) == soak.WORKERS
    for worker in report["workers"]:
        assert worker["rss_warm_mib"] > 0 and worker["rss_end_mib"] > 0
    # The slow-client phase ran on nginx: the slow clients were connected, and normal
    # requests were answered beside them.
    assert report["front"] == "nginx"
    beside, clients = report["slow"]["load"], report["slow"]["clients"]
    assert beside["requests"] > 0 and beside["errors"] == 0
    assert clients["opened"] >= 10 and clients["refused"] == 0 and clients["bytes_sent"] >= 10
    assert "slow connections" in result.stdout
