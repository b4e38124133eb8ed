"""The Frictionless Data Package: valid by the frictionless library, and a faithful copy."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from frictionless import validate

from indicators import Catalog, load_catalog
from indicators.load import REPO_DATA_DIR
from indicators.package import read_package, write_package
from tests.conftest import VALID


@pytest.mark.parametrize("data_dir", [VALID, REPO_DATA_DIR], ids=["fixture", "real"])
def test_package_validates_and_round_trips(data_dir: Path, tmp_path: Path) -> None:
    catalog = load_catalog(data_dir)
    descriptor = write_package(catalog, tmp_path / "package")
    report = validate(str(descriptor))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "message"])
    again = read_package(tmp_path / "package")
    assert_same(catalog, again)


def assert_same(first: Catalog, second: Catalog) -> None:
    pd.testing.assert_frame_equal(first.observations, second.observations)
    assert dict(first.indicators) == dict(second.indicators)
    assert dict(first.sources) == dict(second.sources)
    assert dict(first.economies) == dict(second.economies)
    assert dict(first.claims) == dict(second.claims)
    assert dict(first.reports) == dict(second.reports)
    assert first.events == second.events
    assert first.version == second.version


def test_descriptor_declares_keys_units_and_version(tmp_path: Path) -> None:
    catalog = load_catalog(VALID)
    descriptor = json.loads(write_package(catalog, tmp_path).read_text())
    assert descriptor["version"] == catalog.version
    observations = descriptor["resources"][0]
    assert observations["name"] == "observations"
    schema = observations["schema"]
    assert schema["primaryKey"] == ["indicator_id", "economy", "year", "source_id"]
    assert {fk["fields"] for fk in schema["foreignKeys"]} == {
        "indicator_id",
        "economy",
        "source_id",
    }
    fields = {field["name"]: field for field in schema["fields"]}
    assert fields["status"]["constraints"]["enum"] == [
        "reported",
        "estimate",
        "projection",
        "derived",
    ]
    assert fields["value"]["type"] == "number" and "unit" in fields
    frame = pd.read_csv(tmp_path / "observations.csv")
    assert set(frame.loc[frame["indicator_id"] == "widgets", "unit"]) == {"thousand widgets"}
    assert len(descriptor["sources"]) == len(catalog.sources)


def test_cli_export(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "indicators", "export", str(tmp_path / "out"), "--data", str(VALID)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "out" / "datapackage.json").is_file()
    assert result.stdout.startswith(f"Wrote {tmp_path / 'out' / 'datapackage.json'}")


def test_version_changes_with_any_data_file(valid_copy: Path) -> None:
    before = load_catalog(valid_copy).version
    notes = valid_copy / "sources.yaml"
    notes.write_text(notes.read_text().replace("Synthetic source for tests.", "Synthetic."))
    assert load_catalog(valid_copy).version != before
    assert load_catalog(VALID).version == before  # same files, same version


def test_python_caches_of_the_raw_builds_are_not_data(valid_copy: Path) -> None:
    before = load_catalog(valid_copy).version
    cache = valid_copy / "raw" / "widgets" / "__pycache__"
    cache.mkdir(parents=True)
    (cache / "build.cpython-311.pyc").write_bytes(b"\x00compiled")
    assert load_catalog(valid_copy).version == before


def test_the_package_carries_each_claims_quote_section_and_verdict(tmp_path: Path) -> None:
    from indicators.claims import evaluate_all

    catalog = load_catalog(REPO_DATA_DIR)
    write_package(catalog, tmp_path)
    written = {c["id"]: c for c in json.loads((tmp_path / "claims.json").read_text("utf-8"))}
    assert {r.claim.id: r.verdict for r in evaluate_all(catalog)} == {
        claim_id: claim["verdict"] for claim_id, claim in written.items()
    }
    growth = written["quincy_rd_growth"]
    assert growth["section"] == "Technological Parity"
    assert growth["quote"] == catalog.claims["quincy_rd_growth"].quote
    r1 = written["quincy_deepseek_r1_cost"]
    assert (r1["problem"], r1["verdict"]) == ("misattributed", "differs")
    assert r1["finding"] == catalog.claims["quincy_deepseek_r1_cost"].finding
    assert r1["checks"][0]["kind"] == "document" and "2048 NVIDIA H800" in r1["checks"][0]["says"]
    reports = json.loads((tmp_path / "reports.json").read_text("utf-8"))
    assert [r["id"] for r in reports] == ["quincy_2025", "mcc_2020"]
