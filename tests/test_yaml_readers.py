"""The rules on YAML hold whichever release of PyYAML reads the files, with either reader.

PyYAML 6.0.4's libyaml refuses flow collections nested 1,000 deep before the loader's own depth
check sees them; 6.0.3's does not. The lock installs one release; the others are installed here
into a folder of their own, beside the project, and the loader runs on them in a subprocess.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support import REPO

RELEASES = ("6.0.3", "6.0.4")
# What is written as the US's short name in economies.yaml (line 4), and the line the issue
# names: where an alias stands, or where the eleventh level of nesting starts.
BROKEN = {
    "flow nested 5,000 deep": ("[" * 5000 + "]" * 5000, 4),
    "block nested 1,500 deep": ("".join(f"\n{'  ' * (depth + 2)}- " for depth in range(1500)), 13),
    "an alias": ("&a [*a]", 4),
}
# Loads the catalog at argv[1] with each reader; prints the release, whether it has libyaml,
# and each reader's issues.
PROBE = """
import json, sys, yaml
from indicators import DataValidationError, load_catalog, read
found = {}
for name, loader in (("libyaml", read._Loader), ("python", read._PythonLoader)):
    read._Loader = loader
    try:
        load_catalog(sys.argv[1])
        found[name] = []
    except DataValidationError as error:
        found[name] = [list(issue.location) for issue in error.issues]
print(json.dumps({"version": yaml.__version__, "libyaml": yaml.__with_libyaml__, "found": found}))
"""


@pytest.fixture(scope="module", params=RELEASES)
def pyyaml(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> tuple[str, Path]:
    """A release of PyYAML, and a folder holding it alone."""
    target = tmp_path_factory.mktemp(f"pyyaml-{request.param}")
    pip = [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--only-binary=:all:"]
    installed = subprocess.run(
        [*pip, "--target", str(target), f"PyYAML=={request.param}"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    if installed.returncode != 0:
        pytest.skip(f"PyYAML {request.param} could not be installed here: {installed.stderr}")
    return str(request.param), target


@pytest.mark.parametrize(("value", "line"), BROKEN.values(), ids=BROKEN.keys())
def test_each_release_and_reader_reports_unsupported_yaml_at_its_line(
    pyyaml: tuple[str, Path], value: str, line: int, valid_copy: Path
) -> None:
    release, folder = pyyaml
    economies = valid_copy / "economies.yaml"
    economies.write_text(economies.read_text().replace("short_name: US", f"short_name: {value}"))
    probe = subprocess.run(
        [sys.executable, "-c", PROBE, str(valid_copy)],
        capture_output=True,
        text=True,
        cwd=REPO,
        env={**os.environ, "PYTHONPATH": str(folder)},
        timeout=120,
    )
    assert probe.returncode == 0, probe.stderr
    result = json.loads(probe.stdout)
    assert (result["version"], result["libyaml"]) == (release, True)
    expected = [["economies.yaml", line, "", "unsupported_yaml"]]
    assert result["found"] == {"libyaml": expected, "python": expected}
