"""The fixture catalog the dashboard tests share (synthetic, hand-checkable values)."""

from __future__ import annotations

import pytest
from flask.testing import FlaskClient

from dashboard.factory import create_app
from indicators import Catalog, load_catalog
from indicators.load import REPO_DATA_DIR
from tests.conftest import VALID


@pytest.fixture(scope="session")
def catalog() -> Catalog:
    return load_catalog(VALID)


@pytest.fixture(scope="session")
def real() -> Catalog:
    """The project's own catalog, for the pages whose content is the real data."""
    return load_catalog(REPO_DATA_DIR)


@pytest.fixture(scope="session")
def real_client(real: Catalog) -> FlaskClient:
    """The dashboard's server over the real catalog, in-process."""
    client: FlaskClient = create_app(real).server.test_client()
    return client
