"""The models are strict and closed; the reusable types say what they accept."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import ValidationError

from indicators.models import Economy, Indicator, Observation, Source
from indicators.types import Period

SOURCE: dict[str, Any] = {
    "id": "nsb2024_srd1",
    "publisher": "NSB",
    "title": "Table SRD-1",
    "edition": "Indicators 2024",
    "published": "2024-05",
    "url": "https://example.org/srd1",
    "license": "Public domain",
    "kind": "primary",
}


def _errors(model: Any, data: dict[str, Any]) -> list[tuple[str, str]]:
    with pytest.raises(ValidationError) as raised:
        model.model_validate(data)
    return [(str(e["loc"][0]) if e["loc"] else "", e["type"]) for e in raised.value.errors()]


def test_source_accepts_partial_dates_and_yaml_dates() -> None:
    import datetime as dt

    assert Source.model_validate({**SOURCE, "published": "2024"}).published_year == 2024
    assert Source.model_validate({**SOURCE, "published": 2021}).published == "2021"
    parsed = Source.model_validate({**SOURCE, "published": dt.date(2022, 1, 18)})
    assert parsed.published == "2022-01-18"


@pytest.mark.parametrize("bad", ["2024-13", "2024-02-30", "May 2024", "24"])
def test_source_rejects_malformed_dates(bad: str) -> None:
    assert _errors(Source, {**SOURCE, "published": bad}) == [("published", "value_error")]


def test_source_is_closed_and_needs_an_http_url() -> None:
    assert _errors(Source, {**SOURCE, "homepage": "x"}) == [("homepage", "extra_forbidden")]
    assert _errors(Source, {**SOURCE, "url": "ftp://example.org"}) == [
        ("url", "string_pattern_mismatch")
    ]
    without = {key: value for key, value in SOURCE.items() if key != "url"}
    assert _errors(Source, without) == [("url", "missing")]


def test_observation_is_strict_about_types() -> None:
    good = {
        "indicator_id": "x",
        "economy": "CHN",
        "year": 2020,
        "value": 1.5,
        "status": "reported",
        "source_id": "s",
        "locator": "p. 1",
    }
    assert Observation.model_validate(good).status == "reported"
    assert _errors(Observation, {**good, "year": "2020"}) == [("year", "int_type")]
    assert _errors(Observation, {**good, "value": float("nan")}) == [("value", "value_error")]
    assert _errors(Observation, {**good, "economy": "EU28"}) == [
        ("economy", "string_pattern_mismatch")
    ]
    assert _errors(Observation, {**good, "year": 1899}) == [("year", "greater_than_equal")]


def test_economy_codes() -> None:
    assert Economy.model_validate({"code": "EU27", "name": "EU"}).label == "EU"
    assert _errors(Economy, {"code": "us", "name": "x"}) == [("code", "string_pattern_mismatch")]


def test_indicator_unit_in_words_and_table_named_after_id() -> None:
    data: dict[str, Any] = {
        "id": "gerd",
        "title": "GERD",
        "description": "d",
        "definition": "d",
        "unit": "billion current PPP US dollars",
        "short_unit": "$bn",
        "category": "rd_investment",
        "main_source": "s",
        "table": "tables/gerd.csv",
    }
    indicator = Indicator.model_validate(data)
    assert indicator.period is Period.CALENDAR_YEAR and indicator.nonnegative
    assert _errors(Indicator, {**data, "unit": "%"}) == [("unit", "value_error")]
    assert _errors(Indicator, {**data, "table": "tables/other.csv"}) == [("table", "value_error")]
    assert _errors(Indicator, {**data, "category": "money"}) == [("category", "enum")]


def test_period_labels() -> None:
    assert Period.ACADEMIC_YEAR.label(2023) == "2023/24"
    assert Period.ACADEMIC_YEAR.label(1999) == "1999/00"
    assert Period.CALENDAR_YEAR.label(2023) == "2023"
