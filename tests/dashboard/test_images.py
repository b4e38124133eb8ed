"""Chart images rendered by plotly's static export in the system's Chromium, and kept."""

from __future__ import annotations

import struct
from typing import Any

import pytest
from flask.testing import FlaskClient

from dashboard import images
from dashboard.factory import create_server
from indicators import Catalog, load_catalog
from indicators.load import REPO_DATA_DIR

VIEW = "indicator=rd_intensity&view=ratio"


class Counting(images.Renderer):
    """The real renderer, counting the images it draws."""

    def __init__(self) -> None:
        super().__init__()
        self.drawn = 0

    def render(self, figure: dict[str, Any], image_format: str) -> bytes:
        self.drawn += 1
        return super().render(figure, image_format)


@pytest.fixture(scope="module")
def real() -> Catalog:
    return load_catalog(REPO_DATA_DIR)


@pytest.fixture(scope="module")
def renderer() -> Counting:
    return Counting()


@pytest.fixture(scope="module")
def client(real: Catalog, renderer: Counting) -> FlaskClient:
    server = create_server()
    server.register_blueprint(images.blueprint(real, renderer))
    return server.test_client()


def test_a_view_is_a_png_the_size_of_the_pages_export(client: FlaskClient) -> None:
    response = client.get(f"/chart.png?{VIEW}")
    assert response.status_code == 200 and response.mimetype == "image/png"
    assert response.data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", response.data[16:24])  # the IHDR chunk
    assert (width, height) == (1200, 700)


def test_the_svg_carries_the_title_and_the_source_line(client: FlaskClient, real: Catalog) -> None:
    svg = client.get(f"/chart.svg?{VIEW}").get_data(as_text=True)
    assert svg.startswith("<svg") and "R&amp;D intensity (GERD as a share of GDP)" in svg
    assert "Source: " in svg and "Chart: US–China S&amp;T Indicators" in svg


def test_an_image_is_drawn_once_and_then_kept(client: FlaskClient, renderer: Counting) -> None:
    first = client.get("/chart.png?indicator=pct_applications")
    drawn = renderer.drawn
    # The same view in other words (defaults spelled out) is the same image.
    again = client.get("/chart.png?indicator=pct_applications&view=levels&scale=linear")
    assert renderer.drawn == drawn and again.data == first.data
    # A browser that has it asks with its tag and is told it has not changed.
    tag = first.headers["ETag"]
    unchanged = client.get("/chart.png?indicator=pct_applications", headers={"If-None-Match": tag})
    assert unchanged.status_code == 304 and unchanged.data == b""


def test_a_query_that_names_nothing_is_a_400(client: FlaskClient) -> None:
    for query in ("indicator=nope", "indicator=rd_intensity&view=3d", "colour=red"):
        response = client.get(f"/chart.png?{query}")
        assert response.status_code == 400 and response.mimetype == "text/plain"


def test_without_a_browser_the_images_are_off_and_say_so(
    real: Catalog, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A process that has not started its renderer, on a machine without Chromium.
    monkeypatch.setattr(images, "_started", [])
    monkeypatch.delenv("BROWSER_PATH", raising=False)
    monkeypatch.setattr(images, "BROWSERS", ("/nonexistent/chromium",))
    server = create_server()
    server.register_blueprint(images.blueprint(real, images.Renderer()))
    response = server.test_client().get(f"/chart.png?{VIEW}")
    assert response.status_code == 503 and b"no Chromium" in response.data
