"""Every view as an image: ``/chart.png?…`` and ``/chart.svg?…``, the view's own query.

Rendered on the server by plotly's static export (kaleido, driving the system's Chromium), with
the title, legend and source line of the page's own export (``figures.export_layout``), so an
article, a newsletter or a link preview shows the chart as the page does. One Chromium is started
per process on the first image and kept; images are kept per view, format and data version.
"""

from __future__ import annotations

import atexit
import hashlib
import os
import shutil
import threading
import warnings
from collections import OrderedDict
from typing import Any, cast

from flask import Blueprint, Response, abort, request

from dashboard.figures import trend_figure
from dashboard.state import exact_view, to_query
from dashboard.views import build
from indicators import Catalog

FORMATS = {"png": "image/png", "svg": "image/svg+xml"}
KEPT = 256
"""Images kept in memory per process (a PNG is some 60 KB): the views people share are few."""
SCALE = 1
"""Pixels per layout pixel: 1200 × 700, the size of the page's own PNG export."""
BROWSERS = ("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")


class Unavailable(RuntimeError):
    """No browser to render with: the images are off, the rest of the site is not."""


class Renderer:
    """Renders one image at a time with the process's kaleido server, started on first use."""

    def __init__(self) -> None:
        self._lock = threading.Lock()

    def render(self, figure: dict[str, Any], image_format: str) -> bytes:
        import plotly.io as pio  # a second of imports, paid by the first image only

        with self._lock:
            _start_kaleido()
            with warnings.catch_warnings():
                # plotly passes kaleido options a running server ignores, and says so each time.
                warnings.simplefilter("ignore", UserWarning)
                data: bytes = pio.to_image(figure, format=image_format, scale=SCALE, validate=False)
            return data


_started: list[bool] = []  # one kaleido server per process, whichever renderer asks first
_starting = threading.Lock()


def _start_kaleido() -> None:
    with _starting:
        if _started:
            return
        import kaleido

        if "BROWSER_PATH" not in os.environ:
            found = next((path for path in BROWSERS if shutil.which(path)), None)
            if found is None:
                raise Unavailable("no Chromium to render images with")
            os.environ["BROWSER_PATH"] = found
        kaleido.start_sync_server(n=1, headless=True, timeout=60, silence_warnings=True)
        atexit.register(kaleido.stop_sync_server, silence_warnings=True)
        _started.append(True)


RENDERER = Renderer()


def figure_for(catalog: Catalog, query: str) -> tuple[dict[str, Any], str]:
    """The export figure of the view a query names, and the view's canonical query. Raises
    ``ValueError`` with the notices when the query names something the catalog cannot show."""
    state = exact_view(query, catalog)
    figure = trend_figure(build(catalog, state), catalog)
    layout = dict(figure["layout"])
    export = layout.pop("meta")["export"]
    layout.update(export)
    return {"data": figure["data"], "layout": layout}, to_query(state)


def blueprint(catalog: Catalog, renderer: Renderer = RENDERER) -> Blueprint:
    """``/chart.png`` and ``/chart.svg``."""
    images = Blueprint("images", __name__)
    kept: OrderedDict[tuple[str, str], bytes] = OrderedDict()
    lock = threading.Lock()

    def image(image_format: str) -> Response:
        try:
            figure, canonical = figure_for(catalog, request.query_string.decode("utf-8", "replace"))
        except ValueError as error:
            abort(400, description=str(error))
        key = (canonical, image_format)
        with lock:
            data = kept.get(key)
            if data is not None:
                kept.move_to_end(key)
        if data is None:
            try:
                data = renderer.render(figure, image_format)
            except Unavailable as error:
                abort(503, description=str(error))
            with lock:
                kept[key] = data
                while len(kept) > KEPT:
                    kept.popitem(last=False)
        tag = hashlib.sha256(f"{catalog.version}{canonical}{image_format}".encode()).hexdigest()
        response = Response(data, mimetype=FORMATS[image_format])
        response.set_etag(tag[:32])
        # The same query shows the same image until the data change (the tag names the version).
        response.headers["Cache-Control"] = "public, max-age=3600"
        response.headers["X-Data-Version"] = catalog.version
        return cast(Response, response.make_conditional(request))

    @images.get("/chart.png")
    def png() -> Response:
        return image("png")

    @images.get("/chart.svg")
    def svg() -> Response:
        return image("svg")

    return images
