"""``python -m deploy.serve``: the production command, nginx in front of gunicorn.

gunicorn (sync workers, the app loaded once before they fork) listens on a Unix socket in a run
directory of its own; nginx (Debian's, ``deploy/nginx.conf``) listens on the public address,
reads every request whole before passing it on, keeps the scripts it has served, and answers
the requests it refuses itself. Both start and stop together: an interrupt or ``SIGTERM`` stops
both gracefully, and if either exits the other is stopped and the command fails.

``DASHBOARD_PUBLIC_URL`` (or ``--public-url``) names the site; a path in it (e.g.
``https://example.org/indicators/``) puts the whole site under that prefix, in nginx and in the app.
"""

from __future__ import annotations

import argparse
import http.client
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path
from types import FrameType
from typing import IO
from urllib.parse import urlsplit

from dashboard import site

TEMPLATE = Path(__file__).with_name("nginx.conf")
NGINX = os.environ.get("NGINX", "/usr/sbin/nginx")
APP = "dashboard.app:server"
# gunicorn's own limits, above nginx's (4 KiB a line, deploy/nginx.conf): a request nginx lets
# through is never refused by gunicorn with a page of its own, which carries none of the app's
# headers. These are gunicorn's largest allowed values.
GUNICORN_LIMITS = ("--limit-request-line", "8190", "--limit-request-fields", "32767")
_PLACEHOLDER = re.compile(r"@([a-z_]+)@")


def render(template: str, values: Mapping[str, str]) -> str:
    """``template`` with each ``@name@`` replaced; a name without a value is an error."""
    missing = sorted({name for name in _PLACEHOLDER.findall(template) if name not in values})
    if missing:
        raise ValueError(f"{TEMPLATE.name}: no value for {', '.join(missing)}")
    return _PLACEHOLDER.sub(lambda match: values[match.group(1)], template)


@dataclass(frozen=True)
class Settings:
    """What one production instance is: where it listens and what it serves."""

    host: str = "127.0.0.1"
    port: int = 8050
    workers: int = 2
    public_url: str | None = None
    access_log: str = "off"  # or a file's path

    @property
    def prefix(self) -> str:
        return site.prefix(site.public_url(self.public_url or ""))

    @property
    def base(self) -> str:
        """The address to ask for the site's first page on this machine."""
        return f"http://{self.host}:{self.port}{self.prefix}/"


def nginx_config(settings: Settings, run: Path) -> str:
    """deploy/nginx.conf for ``settings``, its files under ``run``."""
    return render(
        TEMPLATE.read_text(encoding="utf-8"),
        {
            "run": str(run),
            "socket": str(run / "gunicorn.sock"),
            "listen": f"{settings.host}:{settings.port}",
            "prefix": settings.prefix,
            "access_log": settings.access_log,
        },
    )


def gunicorn_command(settings: Settings, run: Path) -> list[str]:
    return [
        sys.executable,
        "-m",
        "gunicorn",
        "--workers",
        str(settings.workers),
        "--preload",
        "--bind",
        f"unix:{run / 'gunicorn.sock'}",
        "--umask",
        "0",  # the socket, for nginx's workers; as open as a port on loopback
        "--control-socket",
        str(run / "gunicorn.ctl"),  # its own, not one per user that a second instance would take
        *GUNICORN_LIMITS,
        APP,
    ]


def nginx_command(run: Path) -> list[str]:
    return [NGINX, "-p", str(run), "-c", str(run / "nginx.conf"), "-e", "stderr"]


class _UnixConnection(http.client.HTTPConnection):
    """HTTP over gunicorn's Unix socket, to tell when it answers."""

    def __init__(self, path: Path) -> None:
        super().__init__("localhost", timeout=2)
        self.path = path

    def connect(self) -> None:
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.sock.settimeout(2)
        self.sock.connect(str(self.path))


def _answers(connection: http.client.HTTPConnection, path: str, host: str) -> bool:
    try:
        connection.request("GET", path, headers={"Host": host})
        return connection.getresponse().status == 200
    except OSError:
        return False
    finally:
        connection.close()


def _wait(answers: Callable[[], bool], processes: list[subprocess.Popen[bytes]], what: str) -> None:
    """Until ``answers()``; fails if a process exits first, or after two minutes."""
    deadline = time.monotonic() + 120
    while not answers():
        if any(process.poll() is not None for process in processes):
            raise RuntimeError(f"{what} exited before answering")
        if time.monotonic() > deadline:
            raise RuntimeError(f"{what} did not answer within 120 s")
        time.sleep(0.05)


def _host(settings: Settings) -> str:
    """The Host header the app accepts: the public URL's, or this address."""
    url = site.public_url(settings.public_url or "")
    return urlsplit(url).netloc if url else f"{settings.host}:{settings.port}"


def _stop(process: subprocess.Popen[bytes], signum: int) -> None:
    if process.poll() is None:
        process.send_signal(signum)
    try:
        process.wait(timeout=35)  # gunicorn's graceful timeout is 30 s
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


@dataclass(frozen=True)
class Running:
    """A started instance: its address, its run directory and its two processes."""

    base: str
    run: Path
    gunicorn: subprocess.Popen[bytes]
    nginx: subprocess.Popen[bytes]


@contextmanager
def running(settings: Settings, log: IO[bytes] | None = None) -> Iterator[Running]:
    """gunicorn, then nginx once gunicorn answers; yields when nginx answers too. Both are
    stopped on leaving, nginx first (it finishes the requests it holds), gunicorn last."""
    if not Path(NGINX).exists():
        raise RuntimeError(f"{NGINX} is missing: install Debian's nginx package (make serve does)")
    # The app's address is the one nginx was configured for, whatever the environment says.
    env = {**os.environ, site.PUBLIC_URL_VARIABLE: settings.public_url or ""}
    with ExitStack() as stack:
        run = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="dashboard-")))
        # nginx started as root serves from unprivileged workers ("nobody"): they must reach
        # the socket and write their temporary files here.
        run.chmod(0o755)
        (run / "nginx.conf").write_text(nginx_config(settings, run), encoding="utf-8")
        output = log if log is not None else sys.stderr
        app = subprocess.Popen(
            gunicorn_command(settings, run), env=env, stdout=output, stderr=output
        )
        stack.callback(_stop, app, signal.SIGTERM)
        host = _host(settings)
        first = settings.prefix + "/"
        _wait(
            lambda: _answers(_UnixConnection(run / "gunicorn.sock"), first, host), [app], "gunicorn"
        )
        front = subprocess.Popen(nginx_command(run), stdout=output, stderr=output)
        stack.callback(_stop, front, signal.SIGQUIT)  # nginx's graceful shutdown
        _wait(
            lambda: _answers(
                http.client.HTTPConnection(settings.host, settings.port, timeout=2), first, host
            ),
            [app, front],
            "nginx",
        )
        yield Running(settings.base, run, app, front)


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m deploy.serve", description=__doc__)
    parser.add_argument("--host", default="127.0.0.1", help="address nginx listens on")
    parser.add_argument("--port", type=int, default=8050, help="port nginx listens on")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn's sync workers")
    parser.add_argument(
        "--public-url",
        default=os.environ.get(site.PUBLIC_URL_VARIABLE) or None,
        help="the site's address, with a path to serve it under one "
        f"(default: ${site.PUBLIC_URL_VARIABLE})",
    )
    parser.add_argument(
        "--access-log", default="off", help="a file for nginx's access log (default: none)"
    )
    args = parser.parse_args()
    if shutil.which(NGINX) is None:
        print(f"{NGINX} is missing: install Debian's nginx package", file=sys.stderr)
        return 1
    settings = Settings(args.host, args.port, args.workers, args.public_url, args.access_log)
    stopping = threading.Event()

    def stop(_signum: int, _frame: FrameType | None) -> None:
        stopping.set()

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    with running(settings) as instance:
        print(f"Serving on {instance.base} (nginx in front of gunicorn)", flush=True)
        while not stopping.wait(0.5):
            if instance.gunicorn.poll() is not None or instance.nginx.poll() is not None:
                print("gunicorn or nginx exited: stopping both", file=sys.stderr)
                return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
