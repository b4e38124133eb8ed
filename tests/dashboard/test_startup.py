"""The dashboard refuses to start on invalid data, with the validator's messages, and starts and
serves without pandas on valid data."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from dashboard.startup import load_or_exit
from tests.conftest import INVALID, VALID


def test_valid_data_loads() -> None:
    assert "widgets" in load_or_exit(VALID).indicators


def test_invalid_data_exits_with_the_same_messages(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as raised:
        load_or_exit(INVALID / "invalid_number")
    assert raised.value.code == 1
    err = capsys.readouterr().err
    where = INVALID / "invalid_number" / "tables" / "widgets.csv"
    assert f"{where}:3: value: '66x7.6' is not a number [invalid_number]" in err
    assert "did not start" in err


def test_python_m_dashboard_refuses_invalid_data() -> None:
    case = INVALID / "unknown_source"
    result = subprocess.run(
        [sys.executable, "-m", "dashboard", "--data", str(case), "--port", "1"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    validator = subprocess.run(
        [sys.executable, "-m", "indicators", "validate", str(case)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 1
    # The same lines the validator prints, then one line saying the server did not start.
    assert result.stderr.splitlines()[:-1] == validator.stderr.splitlines()
    assert "Serving" not in result.stdout


def test_production_server_refuses_invalid_data() -> None:
    # gunicorn loads the app before forking (--preload): bad data stops it before it listens.
    import os

    from bench.web import gunicorn_command
    from tests.support import REPO, free_port

    case = INVALID / "unknown_source"
    result = subprocess.run(
        gunicorn_command("dashboard.app:server", free_port()),
        cwd=REPO,
        env={**os.environ, "INDICATORS_DATA_DIR": str(case)},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode != 0
    assert "tables/widgets.csv:10: source_id: " in result.stderr
    assert "[unknown_source]" in result.stderr and "did not start" in result.stderr


SERVE_WITHOUT_PANDAS = """
import json, sys
from dashboard.app import app, server
from tests.dashboard.bodies import explorer_body
from indicators import load_catalog
client = server.test_client()
catalog = load_catalog()
answers = [client.get(path).status_code for path in (
    "/", "/_dash-layout", "/_dash-dependencies", "/download/widgets.csv", "/download/all.csv",
    "/api/v1/indicators", "/api/v1/indicators/widgets/observations", "/sources",
)]
for search in ("", "?indicator=widgets&view=ratio", "?indicator=widgets&view=per_million"):
    body = explorer_body(app, catalog, **{"url.search": search, "data-summary.n_clicks": 1})
    answers.append(client.post("/_dash-update-component", json=body).status_code)
loaded = [name for name in ("pandas", "numpy") if name in sys.modules]
print(json.dumps({"answers": answers, "loaded": loaded}))
"""


def test_the_dashboard_starts_and_serves_views_without_pandas() -> None:
    # pandas and numpy take a quarter of a second to import: the page, its views, downloads and
    # the API are served from the catalog's plain rows. (Notebooks, claim checks and large
    # tables still use pandas, loaded when first needed.)
    env = {**os.environ, "INDICATORS_DATA_DIR": str(VALID)}
    out = subprocess.run(
        [sys.executable, "-c", SERVE_WITHOUT_PANDAS],
        env=env,
        cwd=Path(__file__).parents[2],
        capture_output=True,
        text=True,
    )
    assert out.returncode == 0, out.stderr[-2000:]
    result = json.loads(out.stdout.splitlines()[-1])
    assert set(result["answers"]) == {200} and result["loaded"] == []


def test_the_production_entry_collects_garbage_again_once_started() -> None:
    # The collector pauses during start-up, and what start-up built is frozen (dashboard.app).
    probe = (
        "import gc, json, dashboard.app; print(json.dumps([gc.isenabled(), gc.get_freeze_count()]))"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe],
        env={**os.environ, "INDICATORS_DATA_DIR": str(VALID)},
        cwd=Path(__file__).parents[2],
        capture_output=True,
        text=True,
        check=False,
    )
    assert out.returncode == 0, out.stderr[-2000:]
    enabled, frozen = json.loads(out.stdout.splitlines()[-1])
    assert enabled is True and frozen > 10_000
