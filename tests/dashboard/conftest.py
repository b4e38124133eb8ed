"""The fixture catalog the dashboard tests share (synthetic, hand-checkable values)."""

from __future__ import annotations

import pytest

from indicators import Catalog, load_catalog
from tests.conftest import VALID


@pytest.fixture(scope="session")
def catalog() -> Catalog:
    return load_catalog(VALID)
