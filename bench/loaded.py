"""``python -m bench.loaded -- COMMAND``: run a command while other processes keep the CPUs busy.

A test that passes only on an idle machine fails for a visitor on a slow one; this is how the
suite is shown to wait on conditions, not on luck: ``make test-loaded`` runs ``make test``
under it. ``--hogs`` CPU-bound processes (default: one per core) spin until the command ends;
each run's outcome and time are printed, and the exit status is the first failing run's.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager


def _spin() -> None:
    """Busy arithmetic, forever: a whole core taken from whatever else runs."""
    total = 0
    while True:
        total = (total * 31 + 7) % 1_000_003


@contextmanager
def hogging(count: int) -> Iterator[None]:
    """``count`` processes spinning for as long as the block runs; stopped on the way out."""
    hogs = [multiprocessing.Process(target=_spin, daemon=True) for _ in range(count)]
    for hog in hogs:
        hog.start()
    try:
        yield
    finally:
        for hog in hogs:
            hog.terminate()
        for hog in hogs:
            hog.join(timeout=10)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.loaded", description=__doc__)
    parser.add_argument("--hogs", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("command", nargs=argparse.REMAINDER)
    args = parser.parse_args(argv)
    command = args.command[1:] if args.command[:1] == ["--"] else args.command
    if not command:
        parser.error("give the command to run after --")
    status = 0
    for run in range(1, args.runs + 1):
        with hogging(args.hogs):
            started = time.monotonic()
            code = subprocess.call(command)
            seconds = time.monotonic() - started
        outcome = "passed" if code == 0 else f"failed (exit {code})"
        print(
            f"loaded run {run}/{args.runs}, {args.hogs} busy: {outcome} in {seconds:.0f} s",
            flush=True,
        )
        status = status or code
    return status


if __name__ == "__main__":
    sys.exit(main())
