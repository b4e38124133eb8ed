"""This site's own address, for the links and citations its pages write.

By default a page names the address it was asked for (the request's host), which is right on a
machine of one's own and wrong behind a proxy that rewrites it, or when any ``Host`` a visitor
sends is written into the citation they copy. ``DASHBOARD_PUBLIC_URL`` (e.g.
``https://example.org/``) names the site once: every link and citation uses it, and a request
for another host is refused.

The site may own a path rather than a whole host (``https://example.org/indicators/``): it then
answers under that prefix only, as a WSGI application mounted there (``SCRIPT_NAME``), whatever
server or proxy runs it, and every link a page writes goes through ``site_path``.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from flask import Flask, abort, current_app, has_app_context, has_request_context, request

if TYPE_CHECKING:
    from _typeshed.wsgi import StartResponse, WSGIApplication, WSGIEnvironment

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


def prefix(url: str | None) -> str:
    """The path a public address puts the site under, without its last ``/`` ("" for a host's
    root): ``https://example.org/indicators/`` gives ``/indicators``."""
    return urlsplit(url).path.rstrip("/") if url else ""


OUTSIDE = "dashboard.outside_prefix"
"""Set in the WSGI environment of a request for a path outside the site's prefix."""


class Mounted:
    """``app`` at ``prefix``: a request under it reaches the app with the prefix moved from
    ``PATH_INFO`` to ``SCRIPT_NAME`` (as werkzeug's ``DispatcherMiddleware`` does), so Flask's
    routes stay as they are and ``request.script_root`` names the prefix. Any other request
    still reaches the app, marked, to be refused with its 404 (plain text, security headers)."""

    def __init__(self, app: WSGIApplication, mount: str) -> None:
        self.app, self.mount = app, mount

    def __call__(self, environ: WSGIEnvironment, start_response: StartResponse) -> Iterable[bytes]:
        path = environ.get("PATH_INFO", "")
        if path == self.mount or path.startswith(self.mount + "/"):
            environ["SCRIPT_NAME"] = environ.get("SCRIPT_NAME", "") + self.mount
            environ["PATH_INFO"] = path[len(self.mount) :] or "/"
        else:
            environ[OUTSIDE] = True
        return self.app(environ, start_response)


def install(server: Flask, url: str | None) -> None:
    """Use ``url`` for this server's links; with one set, refuse requests for other hosts, and
    with a path in it, answer under that path only."""
    server.config["PUBLIC_URL"] = url
    server.config["SITE_PREFIX"] = prefix(url)
    if url is None:
        return
    host, mount = urlsplit(url).netloc, prefix(url)
    if mount:
        server.wsgi_app = Mounted(server.wsgi_app, mount)  # type: ignore[method-assign]

    def only_this_site() -> None:
        if request.host != host:
            abort(400, f"This site answers for {host} only.")
        if request.environ.get(OUTSIDE):
            abort(404, f"This site is at {mount}/.")

    # Before the answer memo (``dashboard.memo``): what it kept is an answer for this site.
    server.before_request_funcs.setdefault(None, []).insert(0, only_this_site)


def site_path(target: str) -> str:
    """``target``, a path of this site (``/sources``), as a browser asks for it: under the
    prefix the site is mounted at (the request's, or outside one the app's: its page template
    is written once, at start-up)."""
    if has_request_context():
        return request.script_root + target
    return (current_app.config.get("SITE_PREFIX", "") if has_app_context() else "") + target


def path_in_site(address_path: str) -> str:
    """The path of this site a browser's address shows (``/indicators/sources`` under the
    ``/indicators`` prefix gives ``/sources``); one outside the prefix is left as it is."""
    root = request.script_root if has_request_context() else ""
    if root and (address_path == root or address_path.startswith(root + "/")):
        return address_path[len(root) :] or "/"
    return address_path


def site() -> str:
    """The address links and citations name: the public URL if set, else the request's."""
    configured: str | None = current_app.config.get("PUBLIC_URL") if has_request_context() else None
    if configured:
        return configured
    if not has_request_context():
        return ""
    host = request.url_root  # scheme, host and the prefix the site is mounted at
    return host if len(request.host_url) <= LONGEST_HOST else site_path("/")
