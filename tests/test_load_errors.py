"""Each broken fixture yields exactly the located problems listed here, and nothing else."""

from __future__ import annotations

from pathlib import Path

import pytest

from indicators import DataValidationError, load_catalog
from tests.conftest import INVALID

W = "tables/widgets.csv"

# fixture directory -> [(file, line, column, code), ...], sorted as the error sorts them
EXPECTED: dict[str, list[tuple[str, int, str, str]]] = {
    "blank_line": [(W, 4, "", "blank_line")],
    "byte_order_mark": [(W, 1, "", "byte_order_mark")],
    "claim_bad_check": [("claims.yaml", 7, "checks[0]", "invalid_value")],
    "claim_unknown_economy": [("claims.yaml", 19, "checks[0].economy", "unknown_economy")],
    "claim_unknown_indicator": [("claims.yaml", 8, "checks[0].indicator", "unknown_indicator")],
    # A document check's verdict is the curator's reading: consistent or differs, nothing else.
    "claim_document_bad_verdict": [("claims.yaml", 101, "checks[0].verdict", "invalid_value")],
    "claim_unknown_section": [
        ("claims.yaml", 49, "section", "unknown_section"),
        ("claims.yaml", 50, "figure", "unknown_figure"),
    ],
    "claim_unknown_share_source": [("claims.yaml", 64, "checks[0].part_source", "unknown_source")],
    "claim_wrong_type": [("claims.yaml", 22, "checks[0].claimed", "wrong_type")],
    "column_order": [(W, 1, "", "column_order")],
    # A tab in a locator, a carriage return in a note: either would break a CSV read by lines.
    "control_character": [
        (W, 4, "locator", "control_character"),
        (W, 5, "note", "control_character"),
    ],
    "decimal_year": [(W, 3, "year", "invalid_year")],
    # The duplicate replaces the press source, so everything citing that id now cites nothing.
    "duplicate_id": [
        ("claims.yaml", 27, "alternatives[0].source", "unknown_source"),
        ("events.yaml", 7, "source_id", "unknown_source"),
        ("sources.yaml", 11, "id", "duplicate_id"),
        (W, 10, "source_id", "unknown_source"),
    ],
    "duplicate_key": [("economies.yaml", 9, "name", "duplicate_key")],
    "duplicate_row": [(W, 11, "", "duplicate_row")],
    "empty_file": [("economies.yaml", 0, "", "empty_file")],
    "empty_table": [(W, 1, "", "empty_table")],
    "empty_value": [(W, 10, "locator", "empty_value")],
    "event_bad_date": [("events.yaml", 10, "date", "invalid_value")],
    "event_date_with_time": [("events.yaml", 3, "date", "invalid_value")],
    "event_unknown_economy": [("events.yaml", 13, "economies", "unknown_economy")],
    "event_unknown_source": [("events.yaml", 14, "source_id", "unknown_source")],
    "header_line_break": [(W, 1, "no\\nte", "unknown_column"), (W, 1, "note", "missing_column")],
    "header_only_table": [(W, 1, "", "empty_table")],
    "invalid_choice": [(W, 4, "status", "invalid_choice")],
    "invalid_csv": [(W, 9, "", "invalid_csv")],
    "invalid_format": [(W, 9, "economy", "invalid_format")],
    "invalid_number": [(W, 3, "value", "invalid_number")],
    "invalid_value": [("sources.yaml", 6, "published", "invalid_value")],
    "invalid_yaml": [("sources.yaml", 6, "", "invalid_yaml")],
    "invalid_year": [(W, 3, "year", "invalid_year")],
    "report_unknown_indicator": [
        ("reports.yaml", 12, "figures[0].indicator", "unknown_indicator"),
        ("reports.yaml", 13, "figures[0].edition[1]", "unknown_source"),
    ],
    "main_source_without_rows": [
        ("indicators.yaml", 10, "main_source", "main_source_without_rows")
    ],
    "missing_column": [(W, 1, "value", "missing_column")],
    "missing_field": [("sources.yaml", 11, "url", "missing_field")],
    "missing_file": [("economies.yaml", 0, "", "missing_file")],
    "missing_table": [("indicators.yaml", 22, "table", "missing_table")],
    "missing_value": [(W, 7, "value", "missing_value")],
    "negative_value": [(W, 8, "value", "negative_value")],
    "non_ascii_number": [(W, 3, "value", "invalid_number")],
    "non_finite": [(W, 3, "value", "non_finite")],
    "non_finite_nan": [(W, 3, "value", "non_finite")],
    "non_finite_overflow": [(W, 7, "value", "non_finite")],
    "not_a_list": [("economies.yaml", 1, "", "not_a_list")],
    "not_a_mapping": [("economies.yaml", 9, "", "not_a_mapping")],
    "not_utf8": [("sources.yaml", 12, "", "not_utf8")],
    "table_not_named_after_id": [("indicators.yaml", 9, "table", "invalid_value")],
    "table_not_utf8": [(W, 4, "", "not_utf8")],
    "unclaimed_table": [("tables/gadgets.csv", 0, "", "unclaimed_table")],
    "unit_with_symbol": [("indicators.yaml", 6, "unit", "invalid_value")],
    "unknown_column": [(W, 1, "comment", "unknown_column")],
    "unknown_economy": [(W, 9, "economy", "unknown_economy")],
    "unknown_field": [("indicators.yaml", 12, "colour", "unknown_field")],
    "unknown_main_source": [("indicators.yaml", 23, "main_source", "unknown_source")],
    "unknown_kept_apart": [("indicators.yaml", 11, "kept_apart[0]", "unknown_source")],
    "derived_without_method": [(W, 3, "note", "derived_without_method")],
    "kept_apart_in_main_series": [("indicators.yaml", 11, "kept_apart", "invalid_value")],
    "unknown_series_source": [("indicators.yaml", 11, "series_sources[0]", "unknown_source")],
    "unknown_source": [(W, 10, "source_id", "unknown_source")],
    "unmarked_projection": [(W, 5, "status", "unmarked_projection")],
    "unquoted_bad_date": [("sources.yaml", 15, "", "invalid_yaml")],
    "wrong_field_count": [(W, 9, "", "wrong_field_count")],
    "wrong_type": [("indicators.yaml", 11, "decimals", "wrong_type")],
    "wrong_type_list": [("sources.yaml", 13, "title", "wrong_type")],
    "yaml_alias": [("sources.yaml", 17, "", "unsupported_yaml")],
    "yaml_byte_order_mark": [("economies.yaml", 1, "", "byte_order_mark")],
    "yaml_control_character": [("economies.yaml", 6, "", "invalid_yaml")],
    "yaml_too_deep": [("indicators.yaml", 13, "", "unsupported_yaml")],
    "year_out_of_range": [(W, 6, "year", "year_out_of_range")],
    "year_too_large": [(W, 6, "year", "year_out_of_range")],
}


def test_every_fixture_has_an_expectation() -> None:
    on_disk = sorted(path.name for path in INVALID.iterdir() if path.is_dir())
    assert on_disk == sorted(EXPECTED)


@pytest.mark.parametrize("case", sorted(EXPECTED))
def test_broken_fixture_reports_exact_locations(case: str) -> None:
    with pytest.raises(DataValidationError) as raised:
        load_catalog(INVALID / case)
    assert [issue.location for issue in raised.value.issues] == EXPECTED[case]


def test_message_names_file_line_column_and_code() -> None:
    with pytest.raises(DataValidationError) as raised:
        load_catalog(INVALID / "invalid_number")
    lines = str(raised.value).splitlines()
    assert lines[0].startswith("1 problem in ")
    assert lines[1] == (
        f"{INVALID / 'invalid_number'}/tables/widgets.csv:3: value: '66x7.6' is not a number "
        "[invalid_number]"
    )


def test_each_problem_stays_on_one_line() -> None:
    # The header names a column "no<line break>te": shown escaped, not as a broken line.
    with pytest.raises(DataValidationError) as raised:
        load_catalog(INVALID / "header_line_break")
    lines = str(raised.value).splitlines()
    assert len(lines) == 1 + len(raised.value.issues)
    assert lines[1].endswith(
        "/tables/widgets.csv:1: no\\nte: column 'no\\nte' is not one of economy, year, value, "
        "status, source_id, locator, note [unknown_column]"
    )


def test_all_problems_are_collected_in_one_error(valid_copy: Path) -> None:
    widgets = valid_copy / W
    text = widgets.read_text()
    text = text.replace("CHN,2018,100,", "CHN,2018,1O0,").replace("USA,2019,115,", "USA,2019,-5,")
    widgets.write_text(text)
    sources = valid_copy / "sources.yaml"
    sources.write_text(sources.read_text().replace("  kind: secondary\n", "  kind: tertiary\n"))
    with pytest.raises(DataValidationError) as raised:
        load_catalog(valid_copy)
    assert [issue.location for issue in raised.value.issues] == [
        ("sources.yaml", 18, "kind", "invalid_choice"),
        (W, 3, "value", "invalid_number"),
        (W, 8, "value", "negative_value"),
    ]
