"""Plausibility checks: slips that load as valid rows (a value 1000 times too large, codes
swapped between economies) are found by ``validate``, each at its file, line and column."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest

from indicators import load_catalog, plausibility
from indicators.cli import main
from indicators.load import REPO_DATA_DIR


@pytest.fixture
def real_copy(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(REPO_DATA_DIR, target)
    return target


def rewrite(table: Path, change) -> list[int]:  # type: ignore[no-untyped-def]
    """Apply ``change`` to each row (a dict, changed in place when it returns True) and return
    the lines of the rows changed."""
    with table.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        fields = list(reader.fieldnames or [])
        rows, lines, line = [], [], reader.line_num
        for row in reader:
            if change(row):
                lines.append(line + 1)
            rows.append(row)
            line = reader.line_num
    with table.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return lines


def found(data: Path) -> set[tuple[str, int, str, str]]:
    return {
        (issue.file, issue.line, issue.column, issue.code)
        for issue in plausibility.check(load_catalog(data))
    }


def test_the_real_data_is_plausible() -> None:
    assert plausibility.check(load_catalog(REPO_DATA_DIR)) == []


def test_a_share_typed_a_thousand_times_too_large_is_out_of_range(real_copy: Path) -> None:
    def slip(row: dict[str, str]) -> bool:
        if (row["economy"], row["year"], row["source_id"]) != (
            "USA",
            "2010",
            "int_oecd_g_xgdp_2025_05",
        ):
            return False
        row["value"] = str(float(row["value"]) * 1000)
        return True

    (line,) = rewrite(real_copy / "tables" / "rd_intensity.csv", slip)
    problems = found(real_copy)
    assert ("tables/rd_intensity.csv", line, "value", "implausible_value") in problems
    # The other sources of that year say so too, and the jump out of it (the jump into it
    # stands beside the OECD's own note on that row, so it is the curator's to judge).
    assert ("tables/rd_intensity.csv", line, "value", "sources_disagree") in problems
    assert ("tables/rd_intensity.csv", line + 1, "note", "unexplained_jump") in problems


def test_us_and_china_codes_swapped_in_one_source_disagree_with_the_others(
    real_copy: Path,
) -> None:
    swap = {"USA": "CHN", "CHN": "USA"}

    def swapped(row: dict[str, str]) -> bool:
        if row["source_id"] != "nsb2022_srd1" or row["economy"] not in swap:
            return False
        row["economy"] = swap[row["economy"]]
        return True

    rewrite(real_copy / "tables" / "rd_expenditure_ppp.csv", swapped)
    codes = {code for file, _, _, code in found(real_copy) if file.endswith("ppp.csv")}
    assert codes == {"sources_disagree"}
    # Each is named at a line of the swapped source (the larger of the two values, or the
    # smaller with the other's line in the message).
    assert len([p for p in found(real_copy) if p[0] == "tables/rd_expenditure_ppp.csv"]) >= 10


def test_a_jump_with_a_note_needs_no_more(valid_copy: Path) -> None:
    table = valid_copy / "tables" / "widgets.csv"

    level = {"2018": "330", "2019": "345"}  # a new basis from 2018 on: tripled, then steady

    def leap(row: dict[str, str]) -> bool:
        if row["economy"] != "USA" or row["year"] not in level:
            return False
        row["value"] = level[row["year"]]
        return True

    first, _ = rewrite(table, leap)
    assert found(valid_copy) == {("tables/widgets.csv", first, "note", "unexplained_jump")}

    def explained(row: dict[str, str]) -> bool:
        if (row["economy"], row["year"]) != ("USA", "2018"):
            return False
        row["note"] = "Break in series: new census"
        return True

    rewrite(table, explained)
    assert found(valid_copy) == set()


def test_validate_fails_and_names_the_place(
    real_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    def slip(row: dict[str, str]) -> bool:
        if (row["economy"], row["year"]) != ("CHN", "2015") or "oecd" not in row["source_id"]:
            return False
        row["value"] = str(float(row["value"]) * 1000)
        return True

    (line,) = rewrite(real_copy / "tables" / "rd_intensity.csv", slip)
    assert main(["validate", str(real_copy)]) == 1
    assert f"tables/rd_intensity.csv:{line}: value: " in capsys.readouterr().err
