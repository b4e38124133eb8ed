"""``python -m dashboard [--host H] [--port P] [--data DIR]``: serve the dashboard locally."""

from __future__ import annotations

import argparse
from pathlib import Path

from werkzeug.serving import WSGIRequestHandler

from dashboard.factory import create_app
from dashboard.startup import load_or_exit


class QuietHandler(WSGIRequestHandler):
    """Werkzeug's handler, without its and Python's versions in the ``Server`` header."""

    def version_string(self) -> str:
        return "dashboard"


def main() -> None:
    """Parse options, load and validate the data, and serve."""
    parser = argparse.ArgumentParser(prog="python -m dashboard", description=__doc__)
    parser.add_argument("--host", default="127.0.0.1", help="interface to listen on")
    parser.add_argument("--port", type=int, default=8050, help="port to listen on")
    parser.add_argument(
        "--data", type=Path, default=None, help="data directory (default: the repository's data/)"
    )
    args = parser.parse_args()
    app = create_app(load_or_exit(args.data))
    print(f"Serving on http://{args.host}:{args.port}/", flush=True)
    app.run(host=args.host, port=args.port, debug=False, request_handler=QuietHandler)


main()
