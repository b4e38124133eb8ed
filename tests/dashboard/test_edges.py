"""The edges of the HTTP surface: what a wrong method or a wrong parameter is told."""

from __future__ import annotations

import re

import pytest
from flask.testing import FlaskClient

from dashboard.factory import create_app
from indicators import Catalog
from tests.support import REPO


@pytest.fixture(scope="module")
def client(catalog: Catalog) -> FlaskClient:
    test_client: FlaskClient = create_app(catalog).server.test_client()
    return test_client


@pytest.mark.parametrize(
    ("method", "path"),
    [("post", "/sources"), ("delete", "/api/v1/claims"), ("put", "/download/all.csv")],
)
def test_a_wrong_method_is_told_which_ones_work(
    client: FlaskClient, method: str, path: str
) -> None:
    response = getattr(client, method)(path)
    assert response.status_code == 405
    assert set(response.headers["Allow"].split(", ")) == {"GET", "HEAD", "OPTIONS"}


@pytest.mark.parametrize(
    ("query", "told"),
    [
        ("colour=red", "Ignored unknown parameter 'colour'"),
        ("from=2017&from=2018", "'from' was given 2 times; the first counts."),
        ("economies=USA&economies=CHN", "'economies' was given 2 times; the first counts."),
        ("from=2019&to=2017", "'from' (2019) is after 'to' (2017): no year lies between."),
    ],
)
def test_a_parameter_that_would_be_guessed_at_gets_a_notice(
    client: FlaskClient, query: str, told: str
) -> None:
    api = client.get(f"/api/v1/indicators/widgets/observations?{query}")
    assert api.status_code == 200 and any(told in n for n in api.get_json()["notices"])
    csv = client.get(f"/download/widgets.csv?{query}")
    assert csv.status_code == 200 and told in csv.headers["X-Notices"]
    plain = client.get("/api/v1/indicators/widgets/observations?from=2017&to=2019")
    assert (
        plain.get_json()["notices"] == []
        and "X-Notices" not in client.get("/download/widgets.csv?from=2017&to=2019").headers
    )


def test_the_readme_counts_are_the_catalogs() -> None:
    from indicators import load_catalog

    counts = load_catalog().summary()
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    found = re.search(r"(\d+) indicators, ([\d,]+) values from (\d+) sources", readme)
    assert found is not None
    indicators, values, sources = found.groups()
    assert int(indicators) == counts["indicators"]
    assert int(values.replace(",", "")) == counts["observations"]
    assert int(sources) == counts["sources"]
    claims = re.search(r"registers (\d+) claims", readme)
    assert claims is not None and int(claims.group(1)) == counts["claims"]
