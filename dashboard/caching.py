"""Validators on every answer, so a browser or a proxy asks again cheaply: an ETag on each page,
API answer, CSV and data package, and a 304 when the copy it holds is still the answer.

An answer here is a function of the data (its version), the address asked for, the host and the
day (citations name both): the tag is a hash of the answer's own bytes, made before compression
(flask-compress marks a compressed answer's tag with its encoding and checks it too). Answers
are revalidated each time (``no-cache``) rather than kept blind: a new data version must show at
once. Fingerprinted scripts keep Dash's year-long lifetime; files with a tag of their own (the
chart images, the stylesheet) keep theirs.
"""

from __future__ import annotations

from flask import Flask, Response, request

SKIPPED = ("/_dash-component-suites/", "/_dash-update-component")
"""Dash's scripts (with their own caching) and callback answers (POSTs, never conditional)."""


def install(server: Flask) -> None:
    """Tag ``server``'s GET answers; call it after the routes that set tags of their own."""

    @server.after_request
    def validators(response: Response) -> Response:
        if (
            request.method not in ("GET", "HEAD")
            or response.status_code != 200
            or response.is_streamed
            or request.path.startswith(SKIPPED)
        ):
            return response
        if response.get_etag()[0] is None:
            response.add_etag()
        response.headers.setdefault("Cache-Control", "no-cache")
        return response.make_conditional(request)  # type: ignore[return-value]
