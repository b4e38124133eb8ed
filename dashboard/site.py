"""This site's own address, for the links and citations its pages write.

By default a page names the address it was asked for (the request's host), which is right on a
machine of one's own and wrong behind a proxy that rewrites it, or when any ``Host`` a visitor
sends is written into the citation they copy. ``DASHBOARD_PUBLIC_URL`` (e.g.
``https://example.org/``) names the site once: every link and citation uses it, and a request
for another host is refused.
"""

from __future__ import annotations

import os
from urllib.parse import urlsplit

from flask import Flask, abort, current_app, has_request_context, request

PUBLIC_URL_VARIABLE = "DASHBOARD_PUBLIC_URL"
LONGEST_HOST = 100
"""Longer request hosts are not written into pages (a site's own name is short)."""


def public_url(value: str | None = None) -> str | None:
    """The configured public address, ending in ``/``, or ``None``; checked, so that a setting
    cannot put a query, a fragment or a script into every link."""
    text = (os.environ.get(PUBLIC_URL_VARIABLE) if value is None else value) or ""
    if not text:
        return None
    parts = urlsplit(text)
    if parts.scheme not in ("http", "https") or not parts.netloc or parts.query or parts.fragment:
        raise ValueError(
            f"{PUBLIC_URL_VARIABLE}: not a site's address: {text!r} (e.g. https://example.org/)"
        )
    return text.rstrip("/") + "/"


def install(server: Flask, url: str | None) -> None:
    """Use ``url`` for this server's links; with one set, refuse requests for other hosts."""
    server.config["PUBLIC_URL"] = url
    if url is None:
        return
    host = urlsplit(url).netloc

    @server.before_request
    def only_this_host() -> None:
        if request.host != host:
            abort(400, f"This site answers for {host} only.")


def site() -> str:
    """The address links and citations name: the public URL if set, else the request's."""
    configured: str | None = current_app.config.get("PUBLIC_URL") if has_request_context() else None
    if configured:
        return configured
    if not has_request_context():
        return ""
    host = request.host_url
    return host if len(host) <= LONGEST_HOST else "/"
