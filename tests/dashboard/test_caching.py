"""Every GET answer carries a validator, and a copy still current is answered with a 304."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from flask.testing import FlaskClient

from dashboard.factory import create_app
from indicators import Catalog, load_catalog
from tests.conftest import VALID

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
