"""Loading the valid fixture: what the catalog holds, and how the command line reports it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from indicators import load_catalog
from indicators.catalog import OBSERVATION_COLUMNS
from indicators.load import DATA_DIR_ENV, REPO_DATA_DIR, default_data_dir
from tests.conftest import INVALID, VALID


def test_valid_fixture_loads_into_tidy_observations() -> None:
    catalog = load_catalog(VALID)
    obs = catalog.observations
    assert tuple(obs.columns) == OBSERVATION_COLUMNS
    assert len(obs) == 12
    assert obs["year"].dtype == "int64" and obs["value"].dtype == "float64"
    row = obs[
        (obs["indicator_id"] == "widgets") & (obs["economy"] == "CHN") & (obs["year"] == 2019)
    ]
    assert row[["value", "status", "source_id", "note"]].to_dict("records") == [
        {
            "value": 125.0,
            "status": "estimate",
            "source_id": "widget_yearbook_2020",
            "note": "flagged e",
        }
    ]
    assert set(catalog.indicators) == {"widgets", "exchange_students"}
    assert catalog.sources["widget_press_2021"].published_year == 2021
    assert catalog.economies["USA"].label == "US" and catalog.economies["CHN"].label == "China"


def test_academic_years_get_their_label() -> None:
    obs = load_catalog(VALID).observations
    students = obs[obs["indicator_id"] == "exchange_students"].sort_values(["economy", "year"])
    assert list(zip(students["year"], students["period"], strict=True)) == [
        (2020, "2020/21"),
        (2021, "2021/22"),
        (2021, "2021/22"),
    ]
    widgets = obs[obs["indicator_id"] == "widgets"]
    assert (widgets["period"] == widgets["year"].astype(str)).all()


def test_series_selects_main_source_economies_and_years() -> None:
    catalog = load_catalog(VALID)
    main = catalog.series("widgets")
    assert set(main["source_id"]) == {"widget_yearbook_2020"}
    assert len(main) == 8
    narrowed = catalog.series("widgets", economies=["USA"], years=(2018, 2019))
    assert list(narrowed["year"]) == [2018, 2019]
    press = catalog.series("widgets", source_id="widget_press_2021")
    assert press[["economy", "year", "value"]].values.tolist() == [["CHN", 2020, 140.0]]
    assert catalog.source_ids("widgets") == ["widget_yearbook_2020", "widget_press_2021"]
    with pytest.raises(KeyError):
        catalog.series("no_such_indicator")


def test_summary_counts() -> None:
    assert load_catalog(VALID).summary() == {
        "indicators": 2,
        "series": 6,
        "observations": 12,
        "sources": 4,
        "economies": 3,
        "claims": 7,
        "events": 2,
    }


def test_environment_variable_overrides_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(DATA_DIR_ENV, raising=False)
    assert default_data_dir() == REPO_DATA_DIR
    monkeypatch.setenv(DATA_DIR_ENV, str(VALID))
    assert default_data_dir() == VALID
    assert set(load_catalog().indicators) == {"widgets", "exchange_students"}


def test_fixing_the_file_makes_it_load(valid_copy: Path) -> None:
    # The loader keeps nothing between calls: a corrected file is read afresh.
    widgets = valid_copy / "tables" / "widgets.csv"
    original = widgets.read_text()
    widgets.write_text(original.replace("CHN,2018,100,", "CHN,2018,1x0,"))
    with pytest.raises(ValueError):
        load_catalog(valid_copy)
    widgets.write_text(original)
    assert isinstance(load_catalog(valid_copy).observations, pd.DataFrame)


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "indicators", *args], capture_output=True, text=True, check=False
    )


def test_cli_validate_prints_summary_and_exits_0() -> None:
    result = _cli("validate", str(VALID))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(
        "Catalog is valid: 2 indicators, 6 series, 12 observations, 4 sources, 3 economies, "
        "7 claims, 2 events"
    )
    assert "* widget_yearbook_2020: CHN 4 (2017–2021), JPN 1 (2019–2019), USA 3 (2017–2019)" in (
        result.stdout
    )
    assert "exchange_census_2022: CHN 2 (2020/21–2021/22)" in result.stdout


def test_cli_validate_prints_every_problem_and_exits_1() -> None:
    case = INVALID / "duplicate_id"
    result = _cli("validate", str(case))
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        f"4 problems in {case}:",
        f"{case}/claims.yaml:27: alternatives[0].source: 'widget_press_2021' is not defined in "
        "sources.yaml [unknown_source]",
        f"{case}/events.yaml:7: source_id: 'widget_press_2021' is not defined in sources.yaml "
        "[unknown_source]",
        f"{case}/sources.yaml:11: id: 'widget_yearbook_2020' is already defined on line 2 "
        "[duplicate_id]",
        f"{case}/tables/widgets.csv:10: source_id: 'widget_press_2021' is not defined in "
        "sources.yaml [unknown_source]",
    ]


def test_cli_without_command_is_a_usage_error() -> None:
    result = _cli()
    assert result.returncode == 2
    assert "usage:" in result.stderr


def test_the_version_is_that_of_the_files() -> None:
    # The loader hashes each table from the bytes it has read, and the other files on their own.
    from indicators.version import data_version

    assert load_catalog(VALID).version == data_version(VALID)


def test_a_large_table_checked_column_wise_gives_the_same_rows_in_order(valid_copy: Path) -> None:
    # Above COLUMN_WISE_BYTES a table is checked with pandas and kept as a frame in file order;
    # its rows come out sorted like those of a table read row by row.
    from indicators.load import COLUMN_WISE_BYTES

    lines = [
        f'{code},{year},{year % 97},reported,widget_yearbook_2020,"Table W-1, {code} {year}",'
        + "n" * 800
        for year in range(2020, 1900, -1)
        for code in ("USA", "JPN", "CHN")
    ]
    data = "economy,year,value,status,source_id,locator,note\n" + "\n".join(lines) + "\n"
    assert len(data.encode()) > COLUMN_WISE_BYTES
    (valid_copy / "tables" / "widgets.csv").write_text(data, encoding="utf-8")
    catalog = load_catalog(valid_copy)
    assert not isinstance(catalog.tables["widgets"], list)  # the column-wise path was taken
    rows = catalog.rows("widgets")
    assert len(rows) == len(lines)
    assert [(r.economy, r.year) for r in rows] == sorted((r.economy, r.year) for r in rows)
    assert (rows[0].economy, rows[0].year, rows[0].value, rows[0].period) == (
        "CHN",
        1901,
        58,
        "1901",
    )
    frame = catalog.observations[catalog.observations["indicator_id"] == "widgets"]
    assert list(frame.itertuples(index=False, name=None)) == [tuple(r) for r in rows]
