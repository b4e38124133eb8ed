"""Every GET answer carries a validator, and a copy still current is answered with a 304."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

import pytest
from flask.testing import FlaskClient

from dashboard.caching import CHUNK, STAMPED, last_modified
from dashboard.factory import create_app
from indicators import Catalog, load_catalog
from tests.conftest import VALID
from tests.support import dash_scripts

PATHS = (
    "/scoreboard",
    "/sources",
    "/claims",
    "/indicators/widgets",
    "/api/v1/claims",
    "/api/v1/indicators/widgets/observations",
    "/download/widgets.csv",
    "/download/all.csv",
    "/download/datapackage.zip",
)


@pytest.fixture(scope="module")
def client(catalog: Catalog) -> FlaskClient:
    test_client: FlaskClient = create_app(catalog).server.test_client()
    return test_client


@pytest.mark.parametrize("path", PATHS)
@pytest.mark.parametrize("encoding", ["", "gzip"])
def test_a_current_copy_is_answered_with_a_304(
    client: FlaskClient, path: str, encoding: str
) -> None:
    first = client.get(path, headers={"Accept-Encoding": encoding})
    assert first.status_code == 200
    tag = first.headers["ETag"]
    assert first.headers["Cache-Control"] == "no-cache"  # revalidated, never kept blind
    again = client.get(path, headers={"Accept-Encoding": encoding, "If-None-Match": tag})
    assert again.status_code == 304 and again.data == b""
    stale = client.get(path, headers={"Accept-Encoding": encoding, "If-None-Match": '"old"'})
    assert stale.status_code == 200 and stale.data == first.data


def test_another_data_version_is_another_tag(tmp_path: Path, catalog: Catalog) -> None:
    shutil.copytree(VALID, tmp_path / "data")
    table = tmp_path / "data" / "tables" / "widgets.csv"
    table.write_text(table.read_text().replace(",80,", ",81,"), encoding="utf-8")
    changed = create_app(load_catalog(tmp_path / "data")).server.test_client()
    original = create_app(catalog).server.test_client()
    for path in ("/download/widgets.csv", "/api/v1/indicators/widgets/observations"):
        assert changed.get(path).headers["ETag"] != original.get(path).headers["ETag"]


@pytest.mark.parametrize("path", PATHS)
def test_a_copy_as_new_as_the_last_change_is_answered_with_a_304(
    client: FlaskClient, path: str
) -> None:
    first = client.get(path)
    changed = first.headers["Last-Modified"]
    assert first.last_modified is not None
    again = client.get(path, headers={"If-Modified-Since": changed})
    assert again.status_code == 304
    older = client.get(path, headers={"If-Modified-Since": "Mon, 01 Jan 2001 00:00:00 GMT"})
    assert older.status_code == 200 and older.data == first.data
    # The tag decides when both are sent (RFC 9110): a stale tag gets the answer.
    both = client.get(path, headers={"If-Modified-Since": changed, "If-None-Match": '"old"'})
    assert both.status_code == 200


def test_last_modified_is_the_load_or_the_start_of_the_day() -> None:
    zone = dt.UTC
    loaded = dt.datetime(2026, 12, 1, 15, 30, 12, 500, tzinfo=zone)
    assert last_modified(loaded, loaded + dt.timedelta(hours=2)) == loaded.replace(microsecond=0)
    next_day = dt.datetime(2026, 12, 2, 9, 0, tzinfo=zone)
    assert last_modified(loaded, next_day) == dt.datetime(2026, 12, 2, tzinfo=zone)


def test_files_whose_address_names_their_version_are_kept_a_year(client: FlaskClient) -> None:
    page = client.get("/").get_data(as_text=True)
    stamped = re.findall(r'(?:href|src)="(/assets/[^"]+\?m=[^"]+)"', page)
    suites = [src for src in dash_scripts(page) if src.startswith("/_dash-component-suites/")]
    assert stamped and suites
    for path, lifetime in [
        *((path, STAMPED) for path in stamped),
        *((path, "max-age=31536000") for path in suites),  # Dash's fingerprint, Dash's lifetime
        ("/assets/style.css", "no-cache"),  # without the stamp it may change: revalidated
    ]:
        with client.get(path) as answer:
            assert answer.status_code == 200 and answer.headers["Cache-Control"] == lifetime


def test_lazily_loaded_chunks_are_kept_an_hour(client: FlaskClient) -> None:
    # What Chromium asks for when the chart page draws its graph, dropdown and slider.
    for chunk in ("async-graph.js", "async-dropdown.js", "async-slider.js"):
        with client.get(f"/_dash-component-suites/dash/dcc/{chunk}") as answer:
            assert answer.status_code == 200 and answer.headers["Cache-Control"] == CHUNK
            tag = answer.headers["ETag"]
        again = client.get(
            f"/_dash-component-suites/dash/dcc/{chunk}", headers={"If-None-Match": tag}
        )
        assert again.status_code == 304
