"""Shared paths for the test suite."""

from __future__ import annotations

from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
VALID = FIXTURES / "valid"
INVALID = FIXTURES / "invalid"


@pytest.fixture
def valid_copy(tmp_path: Path) -> Path:
    """A writable copy of the valid fixture, for tests that break it on purpose."""
    import shutil

    target = tmp_path / "data"
    shutil.copytree(VALID, target)
    return target
