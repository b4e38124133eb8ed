"""Response headers that limit what a page of ours may load, and who may frame it.

The Content-Security-Policy allows scripts from this origin plus the hashes of Dash's inline
scripts, and never ``unsafe-eval``. Styles allow ``unsafe-inline`` because plotly.js and React
set inline styles on the elements they draw. Who may embed the charts in a frame is a setting:
``DASHBOARD_FRAME_ANCESTORS`` (CSP source list, default ``'self'``), except for the embed view
(``/embed``), made to be framed by any site: it shows an image and a link, and runs no script.
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence

from flask import Flask, Response, request

FRAME_ANCESTORS_VARIABLE = "DASHBOARD_FRAME_ANCESTORS"
DEFAULT_FRAME_ANCESTORS = "'self'"
EMBED_PATH = "/embed"
"""The one route any site may frame."""
# A CSP source: a keyword, a scheme, or a host with optional scheme, port and path.
# ASCII only, and no ";" or "," anywhere: either would start another directive or policy.
_SOURCE = re.compile(
    r"'none'|'self'|[a-z][a-z0-9+.-]*:"
    r"|([a-z][a-z0-9+.-]*://)?[A-Za-z0-9.*-]+(:[0-9]+)?(/[A-Za-z0-9._~!$&()*+=:@%/-]*)?",
    re.ASCII,
)


def frame_ancestors(value: str | None = None) -> str:
    """The sites allowed to frame the dashboard, checked so a setting cannot inject a header."""
    text = (os.environ.get(FRAME_ANCESTORS_VARIABLE) if value is None else value) or ""
    sources = text.split() or [DEFAULT_FRAME_ANCESTORS]
    bad = [source for source in sources if not _SOURCE.fullmatch(source)]
    if bad:
        raise ValueError(
            f"{FRAME_ANCESTORS_VARIABLE}: not CSP sources: {' '.join(bad)} "
            "(e.g. \"'self' https://example.org\")"
        )
    return " ".join(sources)


def policy(script_hashes: Sequence[str] | None, ancestors: str) -> str:
    """The Content-Security-Policy for every response; ``None``: a page that runs no script."""
    scripts = "'none'" if script_hashes is None else " ".join(["'self'", *script_hashes])
    return "; ".join(
        [
            "default-src 'self'",
            f"script-src {scripts}",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data: blob:",  # chart export draws through data and blob URLs
            "connect-src 'self'",
            "font-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            f"frame-ancestors {ancestors}",
        ]
    )


def install(server: Flask, script_hashes: Sequence[str], ancestors: str) -> None:
    """Send the policy and the other protective headers on every response of ``server``.
    ``script_hashes`` are Dash's inline scripts' (``Dash.csp_hashes()``, once the layout and
    callbacks are set)."""
    headers = {
        "Content-Security-Policy": policy(script_hashes, ancestors),
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "strict-origin-when-cross-origin",
        "Cross-Origin-Opener-Policy": "same-origin",
    }
    # The embed view runs no script at all, so its policy allows none, and any site may frame it.
    embed = headers | {"Content-Security-Policy": policy(None, "*")}

    @server.after_request
    def protect(response: Response) -> Response:
        response.headers.update(embed if request.path == EMBED_PATH else headers)
        return response
