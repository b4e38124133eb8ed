"""Serving measurements, taken the same way for the dashboard and the floor app.

Everything runs on loopback: gunicorn (2 sync workers, ``--preload``) on a free port, headless
Chromium (Debian's) through Playwright, and ``wrk`` for throughput. Request loops are bounded.
"""

from __future__ import annotations

import http.client
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright

REPO = Path(__file__).resolve().parent.parent
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
CALLBACK = "/_dash-update-component"
FIRST_TRACE = ".js-plotly-plot .scatterlayer .trace"
# Checked in the page before every frame it paints: the time of the first frame with a line of
# the chart visible on it. (Playwright's own wait for a selector polls at 0, 20, 50, 100, 100 and
# then every 500 ms, so a time read once it returns rounds the moment up by as much as half a
# second, more for whichever app's chart happens to come just after a poll.)
FIRST_TRACE_SHOWN = (
    "() => { const trace = document.querySelector('"
    + FIRST_TRACE
    + "'); return trace && trace.checkVisibility({visibilityProperty: true})"
    " ? performance.now() : false; }"
)
# True once Dash's store has no callback requested, on its way or being applied...
CALLBACKS_DONE = (
    "(window.dash_stores || []).length > 0"
    " && window.dash_stores.every(store => !store.getState().isLoading)"
)
# ...and plotly has finished drawing (dcc.Graph marks a graph pending while Plotly.react runs).
SETTLED = (
    f"() => {CALLBACKS_DONE}"
    " && !document.querySelector('[data-dash-is-loading], .dash-graph--pending')"
)


def free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _stop(process: subprocess.Popen[bytes]) -> None:
    process.terminate()
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=15)


def gunicorn_command(target: str, port: int) -> list[str]:
    """The production command (see README): 2 sync workers, the app loaded before forking."""
    return [
        sys.executable,
        "-m",
        "gunicorn",
        "--workers",
        "2",
        "--preload",
        "--bind",
        f"127.0.0.1:{port}",
        "--graceful-timeout",
        "3",
        target,
    ]


def _gunicorn(
    target: str, port: int, log: Any, env: Mapping[str, str] | None = None
) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        gunicorn_command(target, port),
        cwd=REPO,
        stdout=log,
        stderr=subprocess.STDOUT,
        env={**os.environ, "INDICATORS_DATA_DIR": str(REPO / "data"), **(env or {})},
    )


def _first_ok(port: int, process: subprocess.Popen[bytes], timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError("the server exited before answering")
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=1)
            try:
                connection.request("GET", "/")
                if connection.getresponse().status == 200:
                    return
            finally:
                connection.close()
        except OSError:
            pass
        time.sleep(0.01)
    raise RuntimeError("the server did not answer in time")


@contextmanager
def serving(target: str) -> Iterator[str]:
    """A running gunicorn for ``target``; yields its base URL."""
    port = free_port()
    with tempfile.TemporaryFile() as log:
        process = _gunicorn(target, port, log)
        try:
            _first_ok(port, process)
            yield f"http://127.0.0.1:{port}"
        finally:
            _stop(process)


def cold_starts(
    targets: Sequence[str], runs: int, env: Mapping[str, str] | None = None
) -> dict[str, float]:
    """Median seconds from process start to the first 200 on ``/`` (data loaded and checked) of
    each target, with ``env`` added to the environment. The targets take turns, run after run,
    so that a slower moment of a shared machine weighs on each of them alike."""
    times: dict[str, list[float]] = {target: [] for target in targets}
    for _ in range(runs):
        for target in targets:
            port = free_port()
            with tempfile.TemporaryFile() as log:
                start = time.perf_counter()
                process = _gunicorn(target, port, log, env)
                try:
                    _first_ok(port, process)
                    times[target].append(time.perf_counter() - start)
                finally:
                    _stop(process)
    return {target: statistics.median(values) for target, values in times.items()}


def pick_indicator(page: Page, search: str, option: str) -> None:
    """What a visitor does to switch indicator: open the picker, type, choose."""
    page.click("#indicator")
    page.fill("input.dash-dropdown-search", search)
    page.get_by_role("option", name=option).first.click()


@contextmanager
def chromium() -> Iterator[Browser]:
    """Debian's headless Chromium, through Playwright."""
    if not Path(CHROMIUM).exists():
        raise RuntimeError(f"{CHROMIUM} is missing: install Debian's chromium package")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


def _new_page(browser: Browser) -> tuple[BrowserContext, Page]:
    # A fresh context: nothing cached, as on a first visit.
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    return context, context.new_page()


def first_chart_shown(page: Page) -> float:
    """Seconds from navigation to the first frame that shows a line of the chart."""
    shown = page.wait_for_function(FIRST_TRACE_SHOWN, polling="raf", timeout=60_000)
    return float(shown.json_value()) / 1000


def first_charts(bases: Mapping[str, str], runs: int) -> dict[str, float]:
    """Median seconds from navigation to the first frame with a line of the chart on it, for
    each named base URL. The
    sites take turns, visit after visit, after one visit each that is not counted: it warms
    the browser itself, which only the first site to be visited would otherwise pay for, and
    each server's answers to the page's own requests (the dashboard keeps its layout per host
    and day; building it costs a few milliseconds)."""
    times: dict[str, list[float]] = {name: [] for name in bases}
    with chromium() as browser:
        for run in range(runs + 1):
            for name, base in bases.items():
                context, page = _new_page(browser)
                page.goto(base + "/", wait_until="commit")
                shown = first_chart_shown(page)
                if run:
                    times[name].append(shown)
                context.close()
    return {name: statistics.median(values) for name, values in times.items()}


def first_visit(base: str, interactions: dict[str, Callable[[Page], None]]) -> dict[str, Any]:
    """A first visit's bytes until the first chart (on the wire and decoded), then the callback
    bodies the browser sends for each interaction."""
    bodies: dict[str, str] = {}
    encoded: dict[str, float] = {}
    decoded: dict[str, float] = {}
    with chromium() as browser:
        context, page = _new_page(browser)
        cdp = context.new_cdp_session(page)
        cdp.send("Network.enable")
        cdp.on(
            "Network.loadingFinished",
            lambda event: encoded.__setitem__(event["requestId"], event["encodedDataLength"]),
        )
        cdp.on(
            "Network.dataReceived",
            lambda event: decoded.__setitem__(
                event["requestId"], decoded.get(event["requestId"], 0) + event["dataLength"]
            ),
        )
        page.goto(base + "/", wait_until="commit")
        page.wait_for_selector(FIRST_TRACE, timeout=60_000)
        wire, raw = int(sum(encoded.values())), int(sum(decoded.values()))
        for name, act in interactions.items():
            with page.expect_request(lambda request: CALLBACK in request.url) as request:
                act(page)
            bodies[name] = request.value.post_data or ""
            request.value.response()  # waits for the answer...
            page.wait_for_function(SETTLED)  # ...and for it to be drawn
        context.close()
    return {"wire_bytes": wire, "raw_bytes": raw, "bodies": bodies}


def latency(base: str, body: str, requests: int) -> dict[str, float]:
    """Median and p95 seconds of ``requests`` sequential callback calls on one connection."""
    host, port = base.removeprefix("http://").split(":")
    connection = http.client.HTTPConnection(host, int(port), timeout=30)
    headers = {"Content-Type": "application/json", "Accept-Encoding": "gzip"}
    samples = []
    for _ in range(requests):
        start = time.perf_counter()
        connection.request("POST", CALLBACK, body=body, headers=headers)
        response = connection.getresponse()
        response.read()
        samples.append(time.perf_counter() - start)
        if response.status != 200:
            raise RuntimeError(f"callback answered {response.status}")
    first = samples[0]  # the one answer computed; repeats come from the per-worker memo
    samples.sort()
    return {
        "median_s": statistics.median(samples),
        "p95_s": samples[int(0.95 * (len(samples) - 1))],
        "first_s": first,
    }


# Lua for wrk: ``figures(summary, latency)`` is the JSON fields every run reports (seconds; errors
# are failed connects, reads and writes, statuses above 399 and timeouts, as wrk counts them).
WRK_FIGURES = """
function figures(summary, latency)
  local e = summary.errors
  return string.format('"requests": %d, "seconds": %f, "p50": %f, "p95": %f, "p99": %f, ' ..
    '"errors": %d', summary.requests, summary.duration / 1e6,
    latency:percentile(50) / 1e6, latency:percentile(95) / 1e6, latency:percentile(99) / 1e6,
    e.connect + e.read + e.write + e.status + e.timeout)
end
"""

_WRK_SCRIPT = (
    WRK_FIGURES
    + """
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Accept-Encoding"] = "gzip"
wrk.body = io.open(os.getenv("BENCH_BODY")):read("*a")
done = function(summary, latency, requests)
  io.write("{" .. figures(summary, latency) .. "}\\n")
end
"""
)


def wrk_threads(connections: int) -> int:
    """wrk's threads: 2, or fewer when there are fewer connections (wrk refuses that)."""
    return min(2, connections)


def run_wrk(
    url: str,
    script: str,
    seconds: int,
    connections: int,
    env: dict[str, str],
    options: tuple[str, ...] = (),
) -> dict[str, Any]:
    """``wrk`` with a Lua ``script`` whose ``done`` writes one JSON line: that line, parsed.
    ``env`` reaches the script through ``os.getenv``; ``options`` are more wrk options."""
    wrk = shutil.which("wrk")
    if wrk is None:
        raise RuntimeError("wrk is missing: install Debian's wrk package")
    sizes = [f"-t{wrk_threads(connections)}", f"-c{connections}", f"-d{seconds}s"]
    with tempfile.TemporaryDirectory() as scratch:
        path = Path(scratch) / "script.lua"
        path.write_text(script)
        output = subprocess.run(
            [wrk, *sizes, *options, "-s", str(path), url],
            capture_output=True,
            text=True,
            timeout=seconds + 60,
            check=True,
            env={**os.environ, **env},
        ).stdout
    result: dict[str, Any] = json.loads(output.strip().splitlines()[-1])
    return result


def throughput(base: str, body: str, seconds: int, connections: int) -> dict[str, float]:
    """``wrk`` against the callback: requests/s, latency percentiles and errors."""
    with tempfile.TemporaryDirectory() as scratch:
        payload = Path(scratch) / "body.json"
        payload.write_text(body)
        result: dict[str, float] = run_wrk(
            base + CALLBACK, _WRK_SCRIPT, seconds, connections, {"BENCH_BODY": str(payload)}
        )
    result["requests_per_s"] = result["requests"] / result["seconds"]
    return result


# Marks, in the page, when the visitor last pressed a key or a pointer, and when plotly next
# finished drawing the chart after that (``plotly_afterplot``: the new figure is on screen).
_MARK_INPUT = """() => {
  const marks = window.__bench = {input: 0, drawn: 0};
  for (const type of ['pointerdown', 'keydown']) {
    document.addEventListener(type, event => { marks.input = event.timeStamp; marks.drawn = 0; },
                              true);
  }
  document.querySelector('#chart .js-plotly-plot').on('plotly_afterplot', () => {
    if (marks.input && !marks.drawn) marks.drawn = performance.now();
  });
}"""
_DRAWN = "() => window.__bench.drawn > 0"


def clicks(
    bases: Mapping[str, str], actions: Mapping[str, Mapping[str, Callable[[Page], None]]], runs: int
) -> dict[str, dict[str, float]]:
    """Median seconds from a visitor's last key press or click of each action to the chart
    redrawn with its answer, in Chromium, for each named base URL. The sites take turns, a
    fresh first visit each round, after one round that is not counted (it warms the browser
    and the servers' memos, as for ``first_charts``)."""
    times: dict[str, dict[str, list[float]]] = {
        name: {action: [] for action in actions[name]} for name in bases
    }
    with chromium() as browser:
        for run in range(runs + 1):
            for name, base in bases.items():
                context, page = _new_page(browser)
                page.goto(base + "/")
                page.wait_for_selector(FIRST_TRACE, timeout=60_000)
                page.wait_for_function(SETTLED)
                page.evaluate(_MARK_INPUT)
                for action, act in actions[name].items():
                    act(page)
                    page.wait_for_function(_DRAWN, timeout=30_000)
                    page.wait_for_function(SETTLED)
                    marks = page.evaluate("() => window.__bench")
                    if run:
                        times[name][action].append((marks["drawn"] - marks["input"]) / 1000)
                context.close()
    return {
        name: {action: statistics.median(values) for action, values in by_action.items()}
        for name, by_action in times.items()
    }
