"""``python -m bench.soak``: the production command under a long, mixed load; errors and memory;
then the same load beside slow clients.

The production command (``deploy.serve``: nginx in front of gunicorn's 2 sync workers, the app
loaded before they fork) on a loopback port, or with ``--no-front`` gunicorn alone as it ran
before nginx was put in front, and ``wrk`` whose connections cycle through what visitors ask
for: the page, the layout,
shared-link visits (the page and its layout, which the server draws for the link's view), the
callback bodies the browser sends (control changes, addresses the page follows and opened data
tables, built from a body captured from Chromium), CSV downloads, the API, citations and the
sources and claims pages.
A warm-up of the same mix comes first so that each worker's caches, the callback memo above all,
are at their steady state when its memory is first read; the memory is read again after the soak.
The slow-client phase then runs the mix again while 50 clients send their headers and 50 their
bodies a byte every 2 s (``bench.slow``), reconnecting whenever the server drops them: every
normal request must be answered, with a p99 under 1 s.

Prints a table (and writes JSON with ``--json``). Exits 1 on any error (a status above 399, a
failed connection, a read or write error or a timeout) in any phase, on a worker that was
replaced, on a worker whose resident memory grew by more than 10%, or on a slow-client phase
whose p99 is 1 s or more. ``--smoke`` runs a few seconds to check that
every kind of request goes out and none fails; its memory figures are printed but not judged, since
caches still fill in the first seconds.
"""

from __future__ import annotations

import argparse
import http.client
import json
import math
import os
import random
import tempfile
import threading
import time
from collections.abc import Hashable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from itertools import cycle
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import urlencode

from bench import slow, web
from dashboard.factory import LINKED
from dashboard.memo import ENTRIES
from dashboard.state import PAIR, SCALES, ViewState, choices, default_state, to_query
from deploy import serve
from indicators import Catalog, load_catalog

DASHBOARD = "dashboard.app:server"
WORKERS = 2  # as ``web.gunicorn_command`` starts them
GROWTH_LIMIT = 0.10
TIMEOUT = "5s"  # a slower answer counts as an error (wrk's own default is 2 s)
SLOW_HEADERS = SLOW_BODIES = 50
SLOW_INTERVAL = 2.0  # seconds between two bytes of a slow client
SLOW_P99_LIMIT = 1.0  # seconds, for the normal requests beside them

# How often each kind of request comes up in one cycle of the mix: mostly the page and the
# callbacks it makes, now and then a download, an API call, a citation or another page.
MIX = {
    "callback": 6,
    "link": 2,
    "followed": 1,
    "panel": 1,
    "page": 2,
    "layout": 2,
    "csv": 1,
    "view_csv": 1,
    "api": 1,
    "cite": 1,
    "sources": 1,
    "claims": 1,
}
# Distinct control-change bodies: more than the memo holds, so that at the steady state it is
# full and evicting, as in production where views are countless. Every other callback of the mix
# is instead a popular one (switching from the first view to another indicator), which it answers.
TAIL = 2 * ENTRIES
# Distinct shared links: more than a worker keeps drawn, so that it is full and evicting.
LINKS = 2 * LINKED
CONTROLS = (
    "indicator.value",
    "view.value",
    "scale.value",
    "years.value",
    "economies.value",
    "all-sources.value",
    "events.value",
)

Request = tuple[str, str, str]  # method, path and body ("" for none)
T = TypeVar("T", bound=Hashable)

_SCRIPT = """
-- SOAK_PLAN: one request a line, "kind<TAB>method<TAB>path<TAB>body"; SOAK_SCHEDULE: the kinds of
-- one cycle of the mix. Each thread walks the cycle, and each kind's list from its own offset.
local threads = {}

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

function init(args)
  queues, position, sent, schedule, step = {}, {}, {}, {}, id
  for line in io.lines(os.getenv("SOAK_PLAN")) do
    local kind, method, path, body = line:match("^([^\\t]+)\\t([^\\t]+)\\t([^\\t]+)\\t(.*)$")
    local headers = {["Accept-Encoding"] = "gzip"}
    if body == "" then body = nil else headers["Content-Type"] = "application/json" end
    if queues[kind] == nil then queues[kind], sent[kind] = {}, 0 end
    table.insert(queues[kind], wrk.format(method, path, headers, body))
  end
  for kind in os.getenv("SOAK_SCHEDULE"):gmatch("[^,]+") do table.insert(schedule, kind) end
  local count = tonumber(os.getenv("SOAK_THREADS"))
  for kind, queue in pairs(queues) do position[kind] = math.floor(#queue * id / count) end
end

function request()
  local kind = schedule[step % #schedule + 1]
  local queue, n = queues[kind], position[kind]
  step, position[kind], sent[kind] = step + 1, n + 1, sent[kind] + 1
  return queue[n % #queue + 1]
end

function done(summary, latency, requests)
  local totals, parts, e = {}, {}, summary.errors
  for _, thread in ipairs(threads) do
    for kind, n in pairs(thread:get("sent")) do totals[kind] = (totals[kind] or 0) + n end
  end
  for kind, n in pairs(totals) do table.insert(parts, string.format('"%s": %d', kind, n)) end
  io.write("{" .. figures(summary, latency) .. string.format(
    ', "by_error": {"connect": %d, "read": %d, "write": %d, "status": %d, "timeout": %d}',
    e.connect, e.read, e.write, e.status, e.timeout) ..
    ', "sent": {' .. table.concat(parts, ", ") .. "}}\\n")
end
"""


def schedule(mix: dict[str, int]) -> list[str]:
    """One cycle of the mix: each kind as often as its weight, spread out (nginx's smooth
    weighted round robin), so that no connection sends a run of one kind."""
    total, credit, cycle = sum(mix.values()), dict.fromkeys(mix, 0), []
    for _ in range(total):
        for kind, weight in mix.items():
            credit[kind] += weight
        chosen = max(credit, key=lambda kind: credit[kind])
        credit[chosen] -= total
        cycle.append(chosen)
    return cycle


def capture(base: str) -> dict[str, Any]:
    """The body Chromium sends when a visitor switches indicator: the template of every callback
    body here, so that they carry exactly the fields, in the order, that the browser sends."""
    text: str = web.first_visit(
        base,
        {"indicator": lambda page: web.pick_indicator(page, "R&D intensity", "R&D intensity")},
    )["bodies"]["indicator"]
    template: dict[str, Any] = json.loads(text)
    if stringify(template) != text:
        raise RuntimeError("re-serialising the captured callback body does not give its bytes")
    return template


def stringify(body: dict[str, Any]) -> str:
    """JSON as the browser's ``JSON.stringify`` writes it (no spaces, characters unescaped)."""
    return json.dumps(body, separators=(",", ":"), ensure_ascii=False)


def _values(state: ViewState, search: str) -> dict[str, Any]:
    """The explorer's inputs showing ``state``, keyed ``id.property``, at address ``search``."""
    return {
        "url.search": search,
        "indicator.value": state.indicator,
        "view.value": state.view,
        "scale.value": state.scale,
        "years.value": list(state.years),
        "economies.value": list(state.economies),
        "base-year.value": state.base_year,
        "all-sources.value": ["all"] if state.all_sources else [],
        "events.value": ["on"] if state.events else [],
    }


# Inputs a visitor's first answers find unset, and the browser sends without a value: a button
# never pressed, and the store the page sets only after a chart drawn ahead of the rest
# (dashboard.callbacks.chart_first).
UNSET = {"follow.data"}


def callback_body(template: dict[str, Any], values: dict[str, Any], changed: str) -> str:
    """``template`` with every input's value from ``values`` and ``changed`` as the trigger (an
    input this does not know fails loudly, the explorer's callback has changed; presses not in
    ``values`` stay unpressed)."""
    body = json.loads(stringify(template))
    for item in body["inputs"]:
        name = f"{item['id']}.{item['property']}"
        if name in values:
            item["value"] = values[name]
        elif item["property"] != "n_clicks" and name not in UNSET:  # (unpressed, unset)
            raise KeyError(name)
    body["changedPropIds"] = [changed]
    if "parsedChangedPropsIds" in body:
        body["parsedChangedPropsIds"] = [changed]
    return stringify(body)


def browsing(catalog: Catalog, seed: int) -> Iterator[tuple[ViewState, ViewState, str]]:
    """A visitor changing one control at a time, endlessly (seeded, so every run sends the same
    requests): (the view before, the view after, the control changed)."""
    rng = random.Random(seed)
    indicators = sorted(catalog.indicators)
    state = default_state(catalog)
    while True:
        allowed = choices(catalog, state.indicator)
        control = rng.choice(CONTROLS)
        if control == "indicator.value":
            new = default_state(catalog, rng.choice(indicators))
        elif control == "view.value":
            new = replace(state, view=rng.choice(allowed.views), scale="linear")
        elif control == "scale.value":
            scale = rng.choice([s for s in SCALES if state.view in allowed.log_views or s != "log"])
            new = replace(state, scale=scale)
        elif control == "years.value":
            years = sorted(rng.sample(allowed.years, 2)) if len(allowed.years) > 1 else []
            new = replace(state, years=(years[0], years[1]) if years else state.years)
        elif control == "economies.value":
            codes = tuple(c for c in allowed.economies if c in PAIR or rng.random() < 0.3)
            new = replace(state, economies=codes)
        elif control == "all-sources.value":
            new = replace(state, all_sources=not state.all_sources)
        else:
            new = replace(state, events=not state.events)
        yield state, new, control
        state = new


def _distinct(items: Iterator[T], count: int) -> list[T]:
    """The first ``count`` different items, in order."""
    seen: dict[T, None] = {}
    for item in items:
        seen.setdefault(item)
        if len(seen) == count:
            break
    return list(seen)


def _rows_query(state: ViewState) -> str:
    """The query string the explorer's "download this view" link carries."""
    params = {
        "source": "main",
        "economies": ",".join(state.economies),
        "from": state.years[0],
        "to": state.years[1],
    }
    return "?" + urlencode(params, safe=",")


def plan(catalog: Catalog, template: dict[str, Any]) -> dict[str, list[Request]]:
    """Every request of the mix, by kind, in the order connections send them."""
    first = default_state(catalog)
    popular = [
        callback_body(template, _values(default_state(catalog, i), to_query(first)), CONTROLS[0])
        for i in sorted(catalog.indicators)
        if i != first.indicator
    ]
    tail = _distinct(
        (
            callback_body(template, _values(new, to_query(old)), control)
            for old, new, control in browsing(catalog, seed=1)
        ),
        TAIL,
    )
    views = _distinct((new for _, new, _ in browsing(catalog, seed=2)), LINKS)
    # An address with more than a view's own query (a tracking tag): the page arrives as at the
    # bare address and follows it with a callback.
    followed = [
        callback_body(template, _values(first, f"{to_query(v)}&ref=soak"), "url.search")
        for v in views
    ]
    return {
        # every other callback a popular one, which the memo answers; the rest all different
        "callback": [
            ("POST", web.CALLBACK, body) for pair in zip(cycle(popular), tail) for body in pair
        ],
        # as a browser visits a shared link: the page, then its layout, both drawn for its view
        "link": [
            (method, path + to_query(v), "")
            for v in views
            for method, path in (("GET", "/"), ("GET", "/_dash-layout"))
        ],
        "followed": [("POST", web.CALLBACK, body) for body in followed],
        # the data table opened on a view: the table drawn with the view
        "panel": [
            (
                "POST",
                web.CALLBACK,
                callback_body(
                    template,
                    _values(v, to_query(v)) | {"data-summary.n_clicks": 1},
                    "data-summary.n_clicks",
                ),
            )
            for v in views[:16]
        ],
        "page": [("GET", "/", ""), *[("GET", "/" + to_query(v), "") for v in views[:8]]],
        "layout": [("GET", "/_dash-layout", ""), ("GET", "/_dash-dependencies", "")],
        "csv": [("GET", f"/download/{i}.csv", "") for i in sorted(catalog.indicators)],
        "view_csv": [("GET", f"/download/{v.indicator}.csv{_rows_query(v)}", "") for v in views],
        "api": [
            ("GET", "/api/v1/indicators", ""),
            *[
                ("GET", f"/api/v1/indicators/{v.indicator}/observations{_rows_query(v)}", "")
                for v in views[:16]
            ],
        ],
        "cite": [("GET", f"/cite/{s}.bib", "") for s in sorted(catalog.sources)],
        "sources": [("GET", "/sources", "")],
        "claims": [("GET", "/claims", "")],
    }


def preflight(base: str, requests: dict[str, list[Request]]) -> None:
    """Send the first request of each kind once: a request the app refuses fails here, with its
    status and answer, rather than as a bare count in wrk's summary."""
    host, port = base.removeprefix("http://").split(":")
    for kind, ((method, path, body), *_) in requests.items():
        connection = http.client.HTTPConnection(host, int(port), timeout=30)
        try:
            headers = {"Accept-Encoding": "gzip"} | (
                {"Content-Type": "application/json"} if body else {}
            )
            connection.request(method, path, body=body or None, headers=headers)
            response = connection.getresponse()
            answer = response.read()
        finally:
            connection.close()
        if response.status >= 400:
            raise RuntimeError(f"{kind}: {method} {path} answered {response.status}: {answer!r}")


def mixed_load(
    base: str, requests: dict[str, list[Request]], seconds: int, connections: int
) -> dict[str, Any]:
    """``wrk`` cycling through the mix: requests, seconds, p50/p95/p99, errors (in total and by
    kind of failure) and how many requests of each kind were sent."""
    lines = ["\t".join((kind, *r)) + "\n" for kind, rs in requests.items() for r in rs]
    if any(line.count("\t") != 3 or line.count("\n") != 1 for line in lines):
        raise ValueError("a request holds a tab or a line break")
    with tempfile.TemporaryDirectory() as scratch:
        path = Path(scratch) / "plan.tsv"
        path.write_text("".join(lines), encoding="utf-8")
        env = {
            "SOAK_PLAN": str(path),
            "SOAK_SCHEDULE": ",".join(schedule(MIX)),
            "SOAK_THREADS": str(web.wrk_threads(connections)),
        }
        script = web.WRK_FIGURES + _SCRIPT
        result = web.run_wrk(base + "/", script, seconds, connections, env, ("--timeout", TIMEOUT))
    result["requests_per_s"] = result["requests"] / result["seconds"]
    return result


def _children(pid: int) -> list[int]:
    """Processes whose parent is ``pid`` (from ``/proc/*/stat``, where the name may hold
    spaces and parentheses, hence the split after the last one)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:  # it ended meanwhile
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return sorted(found)


def workers(bind: str, timeout: float = 30) -> list[int]:
    """The gunicorn workers bound to ``bind`` (an address or a socket's path): children of the
    master, which is the child of this process whose command names it (``web.serving`` does
    not hand out the process)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for pid in _children(os.getpid()):
            try:
                args = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
            except OSError:
                continue
            if any(arg.endswith(bind.encode()) for arg in args) and b"gunicorn" in b" ".join(args):
                found = _children(pid)
                if len(found) == WORKERS:
                    return found
        time.sleep(0.1)
    raise RuntimeError(f"did not find {WORKERS} gunicorn workers bound to {bind}")


def rss_mib(pid: int) -> float:
    """Resident memory of ``pid`` (``VmRSS``), in MiB; NaN once it has exited."""
    try:
        text = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return math.nan
    for line in text.splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return math.nan


@contextmanager
def sampling(pids: list[int], every: float) -> Iterator[list[list[float]]]:
    """Each worker's RSS every ``every`` seconds while the block runs: a plateau tells a filling
    cache from a leak, which climbs steadily."""
    samples: list[list[float]] = []
    stop = threading.Event()

    def sample() -> None:
        while not stop.wait(every):
            samples.append([rss_mib(pid) for pid in pids])

    thread = threading.Thread(target=sample, daemon=True)
    thread.start()
    try:
        yield samples
    finally:
        stop.set()
        thread.join()


@contextmanager
def production(front: bool) -> Iterator[tuple[str, str]]:
    """The production command on a free loopback port (nginx and gunicorn), or gunicorn alone:
    the base URL, and what gunicorn is bound to."""
    if not front:
        with web.serving(DASHBOARD) as base:
            yield base, base.removeprefix("http://")
        return
    settings = serve.Settings(port=web.free_port(), workers=WORKERS)
    with tempfile.TemporaryFile() as log, serve.running(settings, log) as running:
        yield running.base.rstrip("/"), str(running.run / "gunicorn.sock")


def slow_requests(base: str, count_headers: int, count_bodies: int) -> list[slow.SlowRequest]:
    """The slow clients' requests: headers that never end, and bodies that never arrive."""
    host = base.removeprefix("http://")
    return [slow.slow_headers(host, "/")] * count_headers + [
        slow.slow_body(host, web.CALLBACK)
    ] * count_bodies


def soak(
    seconds: int,
    warmup: int,
    connections: int,
    every: float,
    *,
    front: bool = True,
    slow_seconds: int = 30,
    slow_counts: tuple[int, int] = (SLOW_HEADERS, SLOW_BODIES),
) -> dict[str, Any]:
    """Serve, warm up, read each worker's RSS, soak, read it again; then the slow-client phase."""
    catalog = load_catalog(web.REPO / "data")
    with production(front) as (base, bind):
        requests = plan(catalog, capture(base))
        preflight(base, requests)
        pids = workers(bind)
        warm = mixed_load(base, requests, warmup, connections)
        after_warmup = [rss_mib(pid) for pid in pids]
        with sampling(pids, every) as samples:
            load = mixed_load(base, requests, seconds, connections)
        at_end = [rss_mib(pid) for pid in pids]
        host, port = base.removeprefix("http://").split(":")
        with slow.slow_clients(
            (host, int(port)), slow_requests(base, *slow_counts), SLOW_INTERVAL
        ) as tally:
            beside_slow = mixed_load(base, requests, slow_seconds, connections)
        replaced = workers(bind) != pids
    return {
        "front": "nginx" if front else "none",
        "seconds": seconds,
        "warmup_s": warmup,
        "connections": connections,
        "distinct": {kind: len(set(rs)) for kind, rs in requests.items()},
        "warmup": warm,
        "soak": load,
        "workers": [
            {"pid": pid, "rss_warm_mib": warm_mib, "rss_end_mib": end_mib}
            for pid, warm_mib, end_mib in zip(pids, after_warmup, at_end, strict=True)
        ],
        "workers_replaced": replaced,
        "rss_samples_mib": samples,
        "sample_every_s": every,
        "slow": {
            "seconds": slow_seconds,
            "headers": slow_counts[0],
            "bodies": slow_counts[1],
            "interval_s": SLOW_INTERVAL,
            "load": beside_slow,
            "clients": vars(tally),
        },
    }


def growth(worker: dict[str, float]) -> float:
    """Relative change of a worker's RSS from after the warm-up to the end."""
    return worker["rss_end_mib"] / worker["rss_warm_mib"] - 1


def failures(report: dict[str, Any], smoke: bool) -> list[str]:
    """What the soak must not show; the memory growth only counts for a full run."""
    found = []
    for phase, load in (
        ("warmup", report["warmup"]),
        ("soak", report["soak"]),
        ("slow-client phase", report["slow"]["load"]),
    ):
        if load["errors"]:
            found.append(f"{load['errors']} errors in the {phase}")
    beside_slow = report["slow"]["load"]
    if not beside_slow["requests"]:
        found.append("no request was answered beside the slow clients")
    elif not beside_slow["p99"] < SLOW_P99_LIMIT:
        found.append(f"p99 beside the slow clients {beside_slow['p99']:.2f} s")
    unsent = [kind for kind in MIX if not report["soak"]["sent"].get(kind)]
    if unsent:
        found.append(f"never sent: {', '.join(unsent)}")
    if report["workers_replaced"]:
        found.append("a worker was replaced during the run")
    for worker in report["workers"]:
        change = growth(worker)
        if not smoke and not change <= GROWTH_LIMIT:  # NaN (a worker gone) fails too
            found.append(f"worker {worker['pid']} RSS grew {change:+.1%}")
    return found


def print_report(report: dict[str, Any]) -> None:
    """The figures, one per line."""
    load = report["soak"]
    front = "nginx in front of " if report["front"] == "nginx" else "no front server, "
    print(
        f"soak: {report['seconds']} s, {report['connections']} connections, after a "
        f"{report['warmup_s']} s warm-up; {front}gunicorn, {WORKERS} sync workers, --preload"
    )
    by_error = ", ".join(f"{name} {n}" for name, n in load["by_error"].items())
    rows = [
        ("requests", f"{load['requests']}"),
        ("requests/s", f"{load['requests_per_s']:.1f}"),
        ("errors", f"{load['errors']} ({by_error}); warm-up {report['warmup']['errors']}"),
        (
            "latency p50/p95/p99, ms",
            "/".join(f"{load[p] * 1e3:.1f}" for p in ("p50", "p95", "p99")),
        ),
        ("sent, by kind", ", ".join(f"{k} {load['sent'].get(k, 0)}" for k in MIX)),
        ("distinct, by kind", ", ".join(f"{k} {n}" for k, n in report["distinct"].items())),
    ]
    for label, value in rows:
        print(f"{label:<26} {value}")
    print(f"\n{'worker':>8} {'RSS warm MiB':>13} {'RSS end MiB':>12} {'change':>8}")
    for worker in report["workers"]:
        print(
            f"{worker['pid']:>8} {worker['rss_warm_mib']:>13.1f} {worker['rss_end_mib']:>12.1f} "
            f"{growth(worker):>+8.1%}"
        )
    for n, worker in enumerate(report["workers"]):
        trail = " ".join(f"{sample[n]:.1f}" for sample in report["rss_samples_mib"])
        print(f"RSS of {worker['pid']} every {report['sample_every_s']:g} s, MiB: {trail}")
    phase, clients = report["slow"], report["slow"]["clients"]
    beside = phase["load"]
    print(
        f"\nslow clients: {phase['headers']} sending headers and {phase['bodies']} sending a "
        f"body, a byte every {phase['interval_s']:g} s, for {phase['seconds']} s beside the mix"
    )
    answers = ", ".join(f"{n} × {status}" for status, n in clients["answers"].items()) or "none"
    for label, value in (
        ("requests", f"{beside['requests']} ({beside['requests_per_s']:.1f}/s)"),
        ("errors", f"{beside['errors']}"),
        (
            "latency p50/p95/p99, ms",
            "/".join(f"{beside[p] * 1e3:.1f}" for p in ("p50", "p95", "p99")),
        ),
        (
            "slow connections",
            f"{clients['opened']} opened, {clients['closed_by_server']} closed by the server, "
            f"{clients['open_at_end']} open at the end, {clients['refused']} refused",
        ),
        ("answers to slow clients", answers),
    ):
        print(f"{label:<26} {value}")


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.soak", description=__doc__)
    parser.add_argument("--seconds", type=int, default=60, help="length of the soak")
    parser.add_argument(
        "--warmup",
        type=int,
        default=60,
        help="length of the warm-up, seconds: long enough for each worker to fill its callback "
        "memo (512 computed answers; about a minute of the mix on 2 cores)",
    )
    parser.add_argument("--connections", type=int, default=16, help="concurrent clients")
    parser.add_argument(
        "--slow-seconds", type=int, default=30, help="length of the slow-client phase"
    )
    parser.add_argument(
        "--no-front",
        dest="front",
        action="store_false",
        help="gunicorn alone, as production ran before nginx was put in front (for comparison)",
    )
    parser.add_argument("--json", type=Path, help="also write the figures here")
    parser.add_argument(
        "--smoke",
        action="store_true",
        help="3 s after a 1 s warm-up, 4 connections; memory growth not judged",
    )
    args = parser.parse_args()
    slow_counts = (SLOW_HEADERS, SLOW_BODIES)
    if args.smoke:
        args.seconds, args.warmup, args.connections, args.slow_seconds = 3, 1, 4, 3
        slow_counts = (5, 5)
    report = soak(
        args.seconds,
        args.warmup,
        args.connections,
        every=1 if args.smoke else 10,
        front=args.front,
        slow_seconds=args.slow_seconds,
        slow_counts=slow_counts,
    )
    report["failures"] = failures(report, args.smoke)
    print_report(report)
    if args.json:
        args.json.write_text(json.dumps(report, indent=1))
    problems = report["failures"]
    verdict = "no errors" + ("" if args.smoke else f", no worker grew more than {GROWTH_LIMIT:.0%}")
    print(f"\n{verdict}" if not problems else f"\nFAILED: {'; '.join(problems)}")
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
