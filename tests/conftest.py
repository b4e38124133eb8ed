"""Shared paths and settings for the test suite."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest
from hypothesis import settings

# The suite draws the same examples on every run, so a change lands or fails on its own merits,
# never on a new random draw. `make fuzz` explores fresh examples (the "explore" profile) and
# whatever it finds becomes a fixed test.
# ("fixed", not "ci": Hypothesis has its own "ci" profile, which it loads on CI machines.)
# No deadline in either: how long an example takes is the benchmark's business, and a per-example
# deadline fails on a busy machine (make test-loaded) what passes on an idle one.
settings.register_profile("fixed", derandomize=True, database=None, deadline=None)
settings.register_profile("explore", derandomize=False, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "fixed"))

# Catalogs the servers the tests start keep for their next start (indicators.cache) go to a
# directory of this run, not the user's own cache.
os.environ.setdefault("INDICATORS_CACHE_DIR", tempfile.mkdtemp(prefix="indicators-cache-"))

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


@pytest.fixture(params=["libyaml", "python"])
def yaml_reader(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Each of PyYAML's readers in turn: libyaml's, which the loader uses where PyYAML was built
    with it, and PyYAML's own in Python, which it uses elsewhere."""
    import yaml

    from indicators import read

    if request.param == "python":
        monkeypatch.setattr(read, "_Loader", read._PythonLoader)
    elif not yaml.__with_libyaml__:
        pytest.fail("this PyYAML was built without libyaml; the lock's wheels have it")
    return str(request.param)
