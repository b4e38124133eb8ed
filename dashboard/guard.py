"""Requests checked before Dash sees them: callback bodies, and routes production has no use for.

Dash trusts the shape of a callback request: a body that is a list, lacks ``output`` or names a
callback that does not exist raises deep inside Dash, which is a 500. Here every callback request
must match a callback the app registered (its outputs, inputs and state, in order) or it gets a
400; the callbacks themselves then check the values (``dashboard.callbacks``).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from dash.exceptions import DependencyException
from flask import Flask, Response, abort, request

from dashboard.memo import CALLBACK_PATH

# Dash registers these whatever the settings; production serves neither hot reload nor Jupyter.
UNSERVED = ("/_reload-hash", "/_alive_")

Spec = tuple[tuple[tuple[str, str], ...], tuple[tuple[str, str], ...], tuple[tuple[str, str], ...]]


def _chunked_too_large() -> bool:
    """Whether a body sent in chunks (no Content-Length, so Flask cannot refuse it up front)
    reaches the size limit. Werkzeug stops reading it there and hands on what it read, which
    would otherwise be judged as a malformed body (a 400) rather than a large one."""
    limit = request.max_content_length
    if limit is None or "chunked" not in request.headers.get("Transfer-Encoding", "").lower():
        return False  # no body to read on the way: a GET stays as cheap as it was
    return len(request.get_data()) >= limit


def install(server: Flask, callback_map: Mapping[str, Mapping[str, Any]]) -> None:
    """Check callback requests against the app's ``callback_map``, complete by now."""
    specs = {
        key: _spec(callback)
        for key, callback in callback_map.items()
        if "callback" in callback  # clientside callbacks never reach the server
    }

    @server.before_request
    def check() -> Response | None:
        if request.path.startswith(UNSERVED):
            abort(404)
        if _chunked_too_large():
            abort(413)
        if request.path != CALLBACK_PATH or request.method != "POST":
            return None
        try:
            # Flask keeps the parsed body, so Dash's own get_json() does not parse it again.
            body = request.get_json(silent=True)
        except RecursionError:  # nested beyond what the parser can follow
            body = None
        problem = _problem(body, specs)
        if problem is None:
            return None
        return Response(
            json.dumps({"error": f"Bad Request: {problem}"}),
            status=400,
            mimetype="application/json",
        )

    # First of all the checks, before the answer memo (``dashboard.memo``, installed with the
    # server): a request this check refuses must be refused by every worker, not answered by
    # one that kept an answer to the same body sent the right way.
    hooks = server.before_request_funcs.setdefault(None, [])
    hooks.remove(check)
    hooks.insert(0, check)

    @server.errorhandler(DependencyException)
    def unknown_script(_: DependencyException) -> Response:
        # A component-suite path Dash did not register, e.g. ``../`` probes.
        return Response("404 Not Found\n", status=404, mimetype="text/plain")


def _spec(callback: Mapping[str, Any]) -> Spec:
    """The (id, property) pairs a request for this callback must carry, in order."""
    outputs = callback["output"]
    outputs = outputs if isinstance(outputs, list) else [outputs]
    return (
        tuple(_output_pair(output) for output in outputs),
        tuple((str(i["id"]), str(i["property"])) for i in callback["inputs"]),
        tuple((str(s["id"]), str(s["property"])) for s in callback["state"]),
    )


def _output_pair(output: Any) -> tuple[str, str]:
    if isinstance(output, str):  # Dash keeps some single outputs as "id.property"
        component, _, prop = output.rpartition(".")
        return component, prop
    return str(output.component_id), str(output.component_property)


def _problem(body: Any, specs: Mapping[str, Spec]) -> str | None:
    """What is wrong with a parsed callback request body (None when it was not JSON), or None
    if it matches a callback."""
    if not isinstance(body, dict):
        return "the body is not a JSON object"
    key = body.get("output")
    spec = specs.get(key) if isinstance(key, str) else None
    if spec is None or not isinstance(key, str):  # (the second test is for the type checker)
        return "no such callback"
    outputs, inputs, state = spec
    sent_outputs = body.get("outputs")
    if not key.startswith(".."):
        # A single-output callback (Dash keys the others "..a.b...c.d.."): the renderer sends
        # its output as one object, and Dash fails on a list.
        sent_outputs = [sent_outputs] if isinstance(sent_outputs, dict) else None
    if _pairs(sent_outputs) != outputs:
        return "outputs do not match the callback"
    if _pairs(body.get("inputs")) != inputs:
        return "inputs do not match the callback"
    if _pairs(body.get("state", [])) != state:
        return "state does not match the callback"
    changed = body.get("changedPropIds", [])
    names = {f"{component}.{prop}" for component, prop in inputs}
    if not isinstance(changed, list) or not all(
        isinstance(name, str) and name in names for name in changed
    ):
        return "changedPropIds names something that is not an input"
    return None


def _pairs(items: Any) -> tuple[tuple[str, str], ...] | None:
    """(id, property) of each ``{"id", "property", "value"}`` item, or None if malformed (the
    browser leaves out ``value`` when a property is unset, e.g. a button never pressed).
    Properties lose Dash's ``@hash`` suffix, which marks outputs that allow duplicates."""
    if not isinstance(items, list):
        return None
    pairs = []
    for item in items:
        if not (
            isinstance(item, dict)
            and isinstance(item.get("id"), str)
            and isinstance(item.get("property"), str)
        ):
            return None
        pairs.append((item["id"], item["property"].split("@")[0]))
    return tuple(pairs)
