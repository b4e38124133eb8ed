"""The JSON API through the real Flask app (in-process): shapes, filters, citations, errors."""

from __future__ import annotations

import pytest
from flask.testing import FlaskClient

from dashboard.factory import create_app
from indicators import Catalog
from indicators.claims import evaluate_all


@pytest.fixture(scope="module")
def client(catalog: Catalog) -> FlaskClient:
    test_client: FlaskClient = create_app(catalog).server.test_client()
    return test_client


def get(client: FlaskClient, url: str, status: int = 200) -> dict:  # type: ignore[type-arg]
    response = client.get(url)
    assert response.status_code == status, response.data
    assert response.mimetype == "application/json"
    body: dict = response.get_json()  # type: ignore[type-arg]
    return body


def test_indicators_and_version(client: FlaskClient, catalog: Catalog) -> None:
    body = get(client, "/api/v1/indicators")
    assert body["data_version"] == catalog.version
    assert [i["id"] for i in body["indicators"]] == ["widgets", "exchange_students"]
    widgets = body["indicators"][0]
    assert widgets["unit"] == "thousand widgets"
    assert widgets["sources"] == ["widget_yearbook_2020", "widget_press_2021"]
    assert client.get("/api/v1/indicators").headers["X-Data-Version"] == catalog.version


def test_observations_are_filtered_and_cited(client: FlaskClient) -> None:
    body = get(client, "/api/v1/indicators/widgets/observations?economies=USA&from=2018&to=2019")
    assert [(o["year"], o["value"], o["status"]) for o in body["observations"]] == [
        (2018, 110.0, "reported"),
        (2019, 115.0, "reported"),
    ]
    assert (
        body["sources"]["widget_yearbook_2020"]["url"] == "https://example.org/widget-yearbook-2020"
    )
    main = get(client, "/api/v1/indicators/widgets/observations?source=main")
    assert {o["source_id"] for o in main["observations"]} == {"widget_yearbook_2020"}


@pytest.mark.parametrize(
    "query",
    ["", "?source=main", "?economies=CHN&from=2019", "?economies=", "?source=widget_press_2021"],
)
def test_observations_hold_what_the_pandas_version_gave(
    client: FlaskClient, catalog: Catalog, query: str
) -> None:
    """Same rows, keys and value types as the observations frame's records (year an int, value
    a float even when whole)."""
    body = get(client, f"/api/v1/indicators/widgets/observations{query}")
    obs = catalog.observations
    frame = obs[obs["indicator_id"] == "widgets"]
    args = dict(part.split("=") for part in query.lstrip("?").split("&") if part)
    if "source" in args:
        main = catalog.indicators["widgets"].main_series
        frame = frame[
            frame["source_id"].isin(main if args["source"] == "main" else [args["source"]])
        ]
    if "economies" in args:
        frame = frame[
            frame["economy"].isin(args["economies"].split(",") if args["economies"] else [])
        ]
    if "from" in args:
        frame = frame[frame["year"] >= int(args["from"])]
    expected = frame.drop(columns=["indicator_id"]).to_dict("records")
    assert body["observations"] == expected
    typed = [[(key, type(value)) for key, value in o.items()] for o in body["observations"]]
    assert typed == [sorted((key, type(value)) for key, value in o.items()) for o in expected]
    assert list(body["sources"]) == list(dict.fromkeys(frame["source_id"]))


def test_source_citations(client: FlaskClient) -> None:
    body = get(client, "/api/v1/sources/widget_yearbook_2020")
    assert body["bibtex"].startswith("@misc{widget_yearbook_2020,\n  author = {{Test Statistics")
    assert body["csl_json"]["issued"] == {"date-parts": [[2020, 6]]}
    assert body["csl_json"]["URL"] == "https://example.org/widget-yearbook-2020"


def test_claims_match_the_evaluation(client: FlaskClient, catalog: Catalog) -> None:
    body = get(client, "/api/v1/claims")
    assert [(c["id"], c["verdict"]) for c in body["claims"]] == [
        (r.claim.id, r.verdict) for r in evaluate_all(catalog)
    ]


@pytest.mark.parametrize(
    ("url", "status"),
    [
        ("/api/v1/indicators/nope", 404),
        ("/api/v1/indicators/nope/observations", 404),
        ("/api/v1/sources/nope", 404),
        ("/api/v1/indicators/widgets/observations?from=20x1", 400),
        ("/api/v1/indicators/widgets/observations?to=2101", 400),
        ("/api/v1/indicators/widgets/observations?economies=XXX", 400),
        ("/api/v1/indicators/widgets/observations?source=nope", 400),
        ("/api/v1/nothing-here", 404),
    ],
)
def test_errors_are_json(client: FlaskClient, url: str, status: int) -> None:
    body = get(client, url, status)
    assert set(body) == {"error"}
    assert "Traceback" not in body["error"]


def test_openapi_lists_the_catalog_ids(client: FlaskClient) -> None:
    document = get(client, "/api/v1/openapi.json")
    parameters = document["paths"]["/api/v1/indicators/{indicator_id}"]["get"]["parameters"]
    assert parameters[0]["schema"]["enum"] == ["exchange_students", "widgets"]
