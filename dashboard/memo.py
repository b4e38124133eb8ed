"""A memo of callback answers: the same request body gets the same bytes, without recomputing.
Dash's layout and dependency answers are kept the same way.

The explorer's callbacks are pure functions of their inputs over an immutable catalog, so an
answer can be reused for an identical request. Each worker keeps its own bounded LRU (no shared
state: workers and hosts still scale out freely). The key also holds the host (answers cite the
page's URL) and today's date (answers cite an access date); answers are stored compressed when the
client accepted compression, so a hit costs a dictionary lookup.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import threading
from collections import OrderedDict

from flask import Flask, Response, current_app, g, request

CALLBACK_PATH = "/_dash-update-component"
LAYOUT_PATH = "/_dash-layout"
# Dash rebuilds these JSON answers on every request, yet for a host and a day they never change
# (the layout but for the view it is drawn for: ``QUERY``).
CONSTANT_PATHS = (LAYOUT_PATH, "/_dash-dependencies")
QUERY = "memo_query"
"""``server.extensions[QUERY]``, when set: the part of a request's query string its answer
depends on (the app's: a shared link's layout is drawn for its view); without it, none."""
ENTRIES = 512
BUDGET = 32 * 1024 * 1024  # bytes of answers a worker keeps, whatever their number
LARGEST = 2 * 1024 * 1024  # answers above this are not kept
_KEPT_HEADERS = ("Content-Type", "Content-Encoding", "Vary")


def install(server: Flask) -> None:
    """Register the memo on ``server``; call it before compression is configured, so that its
    ``after_request`` runs after compression and keeps the compressed bytes."""
    answers: OrderedDict[str, tuple[bytes, dict[str, str]]] = OrderedDict()
    kept = [0]  # bytes held in ``answers``
    # Sync workers answer one request at a time; the local server and threaded workers do not.
    lock = threading.Lock()

    def key() -> str:
        # Answers cite the page's address, scheme included; a GET's body means nothing.
        digest = hashlib.sha256(request.get_data() if request.method == "POST" else b"")
        for part in (
            request.path,
            current_app.extensions.get(QUERY, lambda query: "")(
                request.query_string.decode("utf-8", "replace")
            ),
            request.url_root,  # the host and the prefix the site is mounted at
            request.headers.get("Accept-Encoding", ""),
            dt.date.today().isoformat(),
        ):
            digest.update(b"\0" + part.encode())
        return digest.hexdigest()

    @server.before_request
    def reuse() -> Response | None:
        if not (
            (request.path == CALLBACK_PATH and request.method == "POST")
            or (request.path in CONSTANT_PATHS and request.method == "GET")
        ):
            return None
        g.memo_key = key()
        with lock:
            found = answers.get(g.memo_key)
            if found is None:
                return None
            answers.move_to_end(g.memo_key)
        g.memo_hit = True
        body, headers = found
        return Response(body, status=200, headers={**headers, "X-Answer-Reused": "1"})

    @server.after_request
    def keep(response: Response) -> Response:
        memo_key = g.get("memo_key")
        if memo_key is None or g.get("memo_hit") or response.status_code != 200:
            return response
        if (
            response.direct_passthrough
            or response.content_length is None
            or response.content_length > LARGEST
        ):
            return response
        headers = {
            name: response.headers[name] for name in _KEPT_HEADERS if name in response.headers
        }
        data = response.get_data()
        with lock:
            replaced = answers.pop(memo_key, None)  # two misses for one key: keep one copy
            if replaced is not None:
                kept[0] -= len(replaced[0])
            answers[memo_key] = (data, headers)
            kept[0] += len(data)
            while answers and (len(answers) > ENTRIES or kept[0] > BUDGET):
                _, (dropped, _) = answers.popitem(last=False)
                kept[0] -= len(dropped)
        return response
