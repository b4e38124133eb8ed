"""Lighthouse (npm ``lighthouse``, the version package-lock.json pins) driving Debian's Chromium.

Each run starts its own headless Chromium with a clean profile, so every visit is a first one.
``phone`` is Lighthouse's default mobile profile (a Moto G Power screen, simulated slow 4G and a
4x slower CPU); ``desktop`` its desktop preset. Only the performance category is run.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import tempfile
from collections.abc import Sequence
from pathlib import Path

from bench.web import CHROMIUM, CHROMIUM_ARGS, REPO

LIGHTHOUSE = REPO / "node_modules" / ".bin" / "lighthouse"
# figure -> (the audit it is read from, the factor that turns its numeric value into the unit
# printed: seconds for times, none for the layout shift)
AUDITS = {
    "lcp": ("largest-contentful-paint", 1e-3),
    "tbt": ("total-blocking-time", 1e-3),
    "cls": ("cumulative-layout-shift", 1.0),
    "fcp": ("first-contentful-paint", 1e-3),
    "tti": ("interactive", 1e-3),
}
FORM_FACTORS = ("phone", "desktop")


# Lighthouse now and then fails to record a page load's trace (its NO_NAVSTART and NO_FCP
# errors, a known flake of headless Chrome): such a run is made again, up to this many times.
ATTEMPTS = 3


def run(url: str, form_factor: str) -> dict[str, float]:
    """One Lighthouse run of ``url``: the performance score (0–100) and the figures of AUDITS."""
    for attempt in range(ATTEMPTS):
        try:
            return _run_once(url, form_factor)
        except TraceLost:
            if attempt == ATTEMPTS - 1:
                raise
    raise AssertionError("unreachable")


class TraceLost(RuntimeError):
    """Lighthouse recorded no usable trace of the page load."""


def _run_once(url: str, form_factor: str) -> dict[str, float]:
    if form_factor not in FORM_FACTORS:
        raise ValueError(f"form factor {form_factor!r}: expected one of {FORM_FACTORS}")
    if not LIGHTHOUSE.exists():
        raise RuntimeError(f"{LIGHTHOUSE} is missing: run npm ci (make browser does)")
    preset = ["--preset=desktop"] if form_factor == "desktop" else []
    with tempfile.TemporaryDirectory() as scratch:
        report = Path(scratch) / "report.json"
        done = subprocess.run(
            [
                str(LIGHTHOUSE),
                url,
                *preset,
                "--only-categories=performance",
                "--output=json",
                f"--output-path={report}",
                "--quiet",
                f"--chrome-flags={' '.join(CHROMIUM_ARGS)}",
            ],
            check=False,
            timeout=300,
            capture_output=True,
            env={**os.environ, "CHROME_PATH": CHROMIUM, "TMPDIR": scratch},
        )
        if not report.exists():
            error = done.stderr.decode(errors="replace").strip().splitlines()[-3:]
            if "Runtime error" in " ".join(error):
                raise TraceLost(f"Lighthouse on {url}: {' '.join(error)}")
            raise RuntimeError(f"Lighthouse on {url} failed ({done.returncode}): {error}")
        result = json.loads(report.read_text())
    if result.get("runtimeError"):
        raise TraceLost(f"Lighthouse on {url}: {result['runtimeError']}")
    figures = {"score": float(result["categories"]["performance"]["score"]) * 100}
    for name, (audit, scale) in AUDITS.items():
        figures[name] = float(result["audits"][audit]["numericValue"]) * scale
    return figures


def median_of(runs: Sequence[dict[str, float]]) -> dict[str, float]:
    """Each figure's median over ``runs`` (figure by figure, as Lighthouse's own docs advise
    for comparing builds)."""
    return {name: statistics.median(run[name] for run in runs) for name in runs[0]}
