"""Validators and lifetimes on every answer, so a browser or a proxy asks again cheaply, or not
at all when nothing can have changed.

An answer here is a function of the data (its version), the address asked for, the host and the
day (citations name both): its ETag is a hash of the answer's own bytes, made before
compression (flask-compress marks a compressed answer's tag with its encoding and checks it
too), and its Last-Modified the later of the moment this server loaded its data and the start
of the day. Answers are revalidated each time (``no-cache``) rather than kept blind: a new data
version must show at once. Files whose address changes with their content are kept for a year:
Dash's fingerprinted scripts (Dash sets that) and our assets, whose address Dash stamps with the
file's time (``?m=``). dcc's lazily loaded chunks (``async-graph.js``) are asked for without
Dash's fingerprint (dcc's loader patch misses webpack 5's chunk loader), so the same address
may hold another version after an upgrade: they are kept for an hour.
"""

from __future__ import annotations

import datetime as dt

from flask import Flask, Response, request

SUITES = "/_dash-component-suites/"
SKIPPED = "/_dash-update-component"
"""Callback answers: POSTs, never conditional."""
STAMPED = "public, max-age=31536000, immutable"
CHUNK = "public, max-age=3600"


def _lifetime(response: Response) -> str | None:
    """The lifetime of a static file's answer, where the default is not right."""
    if request.path.startswith("/assets/") and "m" in request.args:
        return STAMPED
    if request.path.startswith(SUITES) and "Cache-Control" not in response.headers:
        return CHUNK
    return None


def last_modified(loaded: dt.datetime, now: dt.datetime) -> dt.datetime:
    """When an answer made at ``now`` last changed: at the load of the data, or at the start
    of the day, when its citations' date changed (local time, as ``dashboard.memo`` keys it)."""
    midnight = now.replace(hour=0, minute=0, second=0, microsecond=0)
    return max(loaded, midnight).replace(microsecond=0)


def install(server: Flask) -> None:
    """Tag ``server``'s GET answers; call it after the routes that set tags of their own, once
    the data is loaded."""
    loaded = dt.datetime.now().astimezone()

    @server.after_request
    def validators(response: Response) -> Response:
        if request.method not in ("GET", "HEAD") or response.status_code != 200:
            return response
        lifetime = _lifetime(response)
        if lifetime is not None:
            response.headers["Cache-Control"] = lifetime
        if response.is_streamed or request.path.startswith((SUITES, SKIPPED)):
            return response  # files and Dash's scripts come tagged; callbacks are POSTs
        if response.get_etag()[0] is None:
            response.add_etag()
        if response.last_modified is None:
            response.last_modified = last_modified(loaded, dt.datetime.now().astimezone())
        response.headers.setdefault("Cache-Control", "no-cache")
        return response.make_conditional(request)  # type: ignore[return-value]
