"""The page ships plotly.js's partial "basic" bundle, matching the installed plotly."""

from __future__ import annotations

import re

from flask.testing import FlaskClient
from plotly.offline import get_plotlyjs_version

from dashboard.factory import create_app
from indicators import Catalog
from tests.support import REPO

BUNDLE = REPO / "dashboard" / "assets" / "vendor" / "plotly-basic.min.js"


def test_basic_bundle_matches_the_installed_plotly() -> None:
    header = BUNDLE.read_text(encoding="utf-8")[:200]
    found = re.search(r"plotly\.js \(basic - minified\) v(\S+)", header)
    assert found is not None
    assert found.group(1) == get_plotlyjs_version()


def test_page_loads_the_basic_bundle_and_responses_are_compressed(catalog: Catalog) -> None:
    client: FlaskClient = create_app(catalog).server.test_client()
    page = client.get("/", headers={"Accept-Encoding": "gzip"})
    assert page.headers.get("Content-Encoding") == "gzip"
    html = client.get("/").get_data(as_text=True)
    assert "/assets/vendor/plotly-basic.min.js" in html
