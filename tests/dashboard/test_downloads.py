"""CSV downloads through the real Flask app (in-process WSGI): rows, citations and errors."""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path

import pandas as pd
import pytest
from flask.testing import FlaskClient
from frictionless import validate
from hypothesis import given, settings
from hypothesis import strategies as st

from dashboard.factory import create_app
from indicators import Catalog, load_catalog
from indicators.catalog import ROW_ORDER
from indicators.export import (
    CSV_COLUMNS,
    FORMULA_STARTS,
    citable_records,
    csv_text,
    neutralise_formula,
)
from indicators.package import read_package


@pytest.fixture(scope="module")
def client(catalog: Catalog) -> FlaskClient:
    client: FlaskClient = create_app(catalog).server.test_client()
    return client


def read(client: FlaskClient, url: str) -> pd.DataFrame:
    response = client.get(url)
    assert response.status_code == 200, response.data
    assert response.headers["Content-Type"] == "text/csv; charset=utf-8"
    assert response.headers["Content-Disposition"].startswith("attachment; filename=")
    return pd.read_csv(io.StringIO(response.get_data(as_text=True)), keep_default_na=False)


def test_whole_indicator_carries_every_source_and_citation(client: FlaskClient) -> None:
    frame = read(client, "/download/widgets.csv")
    assert tuple(frame.columns) == CSV_COLUMNS
    assert len(frame) == 9
    assert set(frame["source_id"]) == {"widget_yearbook_2020", "widget_press_2021"}
    press = frame[frame["source_id"] == "widget_press_2021"].iloc[0]
    assert (press["economy"], press["year"], press["value"]) == ("CHN", 2020, 140.0)
    assert press["source_url"] == "https://example.org/news/widgets"
    assert press["unit"] == "thousand widgets"
    assert press["locator"] == "para. 2"


def test_view_download_is_narrowed_like_the_chart(client: FlaskClient) -> None:
    frame = read(client, "/download/widgets.csv?source=main&economies=CHN,USA&from=2018&to=2019")
    assert frame[["economy", "year", "value", "status"]].values.tolist() == [
        ["CHN", 2018, 100.0, "reported"],
        ["CHN", 2019, 125.0, "estimate"],
        ["USA", 2018, 110.0, "reported"],
        ["USA", 2019, 115.0, "reported"],
    ]


def test_academic_years_keep_their_label(client: FlaskClient) -> None:
    frame = read(client, "/download/exchange_students.csv")
    assert frame[["year", "period"]].values.tolist()[0] == [2020, "2020/21"]


def test_all_csv_holds_every_observation(client: FlaskClient, catalog: Catalog) -> None:
    frame = read(client, "/download/all.csv")
    assert len(frame) == len(catalog.observations)


@pytest.mark.parametrize(
    ("url", "status"),
    [
        ("/download/nope.csv", 404),
        ("/download/widgets.csv?from=20x7", 400),
        ("/download/widgets.csv?to=17", 400),
        ("/download/widgets.csv?economies=USA,XXX", 400),
        ("/download/widgets.csv?source=nope", 400),
        ("/download/widgets.csv?economies=,", 400),
        ("/download/widgets.csv?economies=USA,", 400),
        ("/download/widgets.csv?from=%C2%B2%E2%81%B0%C2%B2%E2%81%B0", 400),  # "²⁰²⁰"
    ],
)
def test_bad_requests_get_a_plain_4xx(client: FlaskClient, url: str, status: int) -> None:
    response = client.get(url)
    assert response.status_code == status
    assert response.mimetype == "text/plain"
    assert "Traceback" not in response.get_data(as_text=True)


def test_formula_like_text_is_neutralised_and_numbers_stay_numbers() -> None:
    assert neutralise_formula('=HYPERLINK("x")') == '\'=HYPERLINK("x")'
    assert neutralise_formula("-2+3") == "'-2+3"
    assert neutralise_formula("Table 1") == "Table 1"
    text = csv_text([("@SUM(A1)", -1.5), ("p. 3", 2.0)], columns=("locator", "value"))
    assert text == "locator,value\r\n'@SUM(A1),-1.5\r\np. 3,2.0\r\n"


def test_unknown_page_is_a_404_that_still_renders_the_app(client: FlaskClient) -> None:
    response = client.get("/nowhere/at/all")
    assert response.status_code == 404
    assert response.mimetype == "text/html"
    assert client.get("/sources").status_code == 200


def test_every_csv_row_carries_the_data_version(client: FlaskClient, catalog: Catalog) -> None:
    frame = read(client, "/download/widgets.csv")
    assert set(frame["data_version"]) == {catalog.version}
    assert client.get("/download/widgets.csv").headers["X-Data-Version"] == catalog.version


def test_data_package_zip_holds_a_valid_package(
    client: FlaskClient, tmp_path: Path, catalog: Catalog
) -> None:
    response = client.get("/download/datapackage.zip")
    assert response.status_code == 200 and response.mimetype == "application/zip"
    with zipfile.ZipFile(io.BytesIO(response.data)) as archive:
        assert "datapackage.json" in archive.namelist()
        archive.extractall(tmp_path)
    assert read_package(tmp_path).version == catalog.version
    assert validate(str(tmp_path / "datapackage.json")).valid


def test_citation_downloads(client: FlaskClient) -> None:
    bib = client.get("/cite/widget_yearbook_2020.bib")
    assert bib.mimetype == "application/x-bibtex"
    assert bib.get_data(as_text=True).startswith("@misc{widget_yearbook_2020,")
    csl = client.get("/cite/widget_yearbook_2020.json").get_json(force=True)
    assert csl[0]["title"] == "Table W-1: Widgets produced"
    assert client.get("/cite/nope.bib").status_code == 404


def test_sources_and_claims_are_plain_html(client: FlaskClient, catalog: Catalog) -> None:
    sources = client.get("/sources")
    assert sources.status_code == 200 and sources.mimetype == "text/html"
    text = sources.get_data(as_text=True)
    assert text.startswith("<!DOCTYPE html>")
    assert 'id="sources-page"' in text and "/download/datapackage.zip" in text
    for source_id in catalog.sources:
        assert f'id="source-{source_id}"' in text
    claims = client.get("/claims").get_data(as_text=True)
    assert 'id="claims-page"' in claims and "claim-card-widgets_ratio" in claims
    assert "<script" not in text + claims  # text and links only


# Text a spreadsheet would run, put where curated text goes: titles, names, locators, notes.
HOSTILE = {
    ("sources.yaml", "title: Widget output keeps rising"): 'title: "=HYPERLINK(\\"http://x\\")"',
    ("sources.yaml", "publisher: Test Daily"): 'publisher: "@SUM(1+1)"',
    ("indicators.yaml", "title: Widgets produced"): 'title: "+Widgets produced"',
    ("economies.yaml", "name: China"): 'name: "-China"',
    # A tab or carriage return cannot enter a table (control_character); text that starts
    # like a formula can.
    ("tables/widgets.csv", "flagged e"): '"-flagged e"',
    ("tables/widgets.csv", "outlook"): '"@outlook"',
    ("tables/widgets.csv", '"Table W-1, row China, column 2017"'): '"=1+2"',
}
TEXT_COLUMNS = [
    name for name in CSV_COLUMNS if name not in ("year", "value", "data_version", "period")
]


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Catalog:
    import shutil

    from tests.conftest import VALID

    root = tmp_path_factory.mktemp("hostile") / "data"
    shutil.copytree(VALID, root)
    for (name, old), new in HOSTILE.items():
        path = root / name
        text = path.read_text(encoding="utf-8")
        assert old in text, (name, old)
        path.write_text(text.replace(old, new, 1), encoding="utf-8", newline="")
    return load_catalog(root)


def restored(cell: str) -> str:
    """A text cell as the catalog holds it: without the apostrophe the export puts before text
    a spreadsheet would run."""
    return cell[1:] if cell[1:].startswith(FORMULA_STARTS) else cell


def test_every_download_round_trips_and_cannot_run_formulas(
    hostile: Catalog, catalog: Catalog
) -> None:
    for data in (hostile, catalog, load_catalog()):
        client = create_app(data).server.test_client()
        observations = data.observations.set_index(["indicator_id", "economy", "year", "source_id"])
        for indicator_id in [*data.indicators, "all"]:
            frame = read(client, f"/download/{indicator_id}.csv")
            # Numbers stay numbers, negative ones too.
            assert pd.api.types.is_numeric_dtype(frame["value"])
            assert pd.api.types.is_integer_dtype(frame["year"])
            for column in TEXT_COLUMNS:
                cells = frame[column].astype(str)
                assert not cells.str.startswith(FORMULA_STARTS).any(), column
            expected_count = (
                len(data.observations)
                if indicator_id == "all"
                else int((data.observations["indicator_id"] == indicator_id).sum())
            )
            assert len(frame) == expected_count
            for row in frame.to_dict("records"):
                key = (row["indicator_id"], row["economy"], row["year"], row["source_id"])
                held = observations.loc[key]  # type: ignore[index]
                indicator = data.indicators[row["indicator_id"]]
                source = data.sources[row["source_id"]]
                assert row["value"] == held["value"]
                assert restored(row["unit"]) == indicator.unit
                assert restored(row["indicator_title"]) == indicator.title
                assert restored(row["economy_name"]) == data.economies[row["economy"]].name
                assert row["source_url"] == source.url
                assert restored(row["source_title"]) == source.title
                assert restored(row["source_publisher"]) == source.publisher
                assert restored(row["locator"]) == held["locator"]
                assert restored(row["note"]) == (held["note"] or "")
                assert row["status"] == held["status"]
    locators = read(create_app(hostile).server.test_client(), "/download/widgets.csv")["locator"]
    assert "'=1+2" in locators.tolist()


def test_a_line_break_in_a_field_is_quoted_and_read_back_as_one_field() -> None:
    # A lone carriage return left unquoted split the row in readers that split on it, and the
    # text after it (=1+1) started a line no formula guard had seen.
    text = csv_text([("a\r=1+1", 1.0), ("b\nc", 2.0), ("d\r\ne", 3.0)], columns=("note", "value"))
    assert text.count("\r\n") == 4 + 1  # the header, three records, and the one inside "d..."
    back = pd.read_csv(io.StringIO(text, newline=""))
    assert back["note"].tolist() == ["a\r=1+1", "b\nc", "d\r\ne"]
    assert back["value"].tolist() == [1.0, 2.0, 3.0]


def test_negative_numbers_stay_numbers() -> None:
    text = csv_text([("-12", -1.5)], columns=("locator", "value"))
    assert text == "locator,value\r\n'-12,-1.5\r\n"
    back = pd.read_csv(io.StringIO(text))
    assert back["value"].tolist() == [-1.5]


# The CSV text as pandas wrote it before downloads were built from plain rows; kept here as the
# reference the plain writer must match byte for byte.
def pandas_citable_rows(catalog: Catalog, observations: pd.DataFrame) -> pd.DataFrame:
    frame = observations.copy()
    indicators = catalog.indicators
    sources = catalog.sources
    frame["indicator_title"] = frame["indicator_id"].map(lambda i: indicators[i].title)
    frame["unit"] = frame["indicator_id"].map(lambda i: indicators[i].unit)
    frame["economy_name"] = frame["economy"].map(lambda code: catalog.economies[code].name)
    frame["source_title"] = frame["source_id"].map(lambda s: sources[s].title)
    frame["source_publisher"] = frame["source_id"].map(lambda s: sources[s].publisher)
    frame["source_edition"] = frame["source_id"].map(lambda s: sources[s].edition)
    frame["source_url"] = frame["source_id"].map(lambda s: sources[s].url)
    frame["data_version"] = catalog.version
    main = [
        source in indicators[indicator].main_series
        for indicator, source in zip(frame["indicator_id"], frame["source_id"], strict=True)
    ]
    frame["main_source"] = pd.Series(main, index=frame.index).map({True: "true", False: "false"})
    # Counts (no decimals) as whole numbers, other values as floats.
    counts = frame["indicator_id"].map(lambda i: indicators[i].decimals == 0)
    frame["value"] = pd.Series(
        [
            int(value) if count and float(value).is_integer() else float(value)
            for value, count in zip(frame["value"], counts, strict=True)
        ],
        index=frame.index,
        dtype=object,
    )
    return frame.loc[:, list(CSV_COLUMNS)].reset_index(drop=True)


def pandas_csv(rows: pd.DataFrame) -> str:
    safe = rows.copy()
    for column in safe.columns.drop("value"):  # numbers, some whole and some not
        if safe[column].dtype == object or pd.api.types.is_string_dtype(safe[column]):
            safe[column] = safe[column].astype(str).map(neutralise_formula)
    return safe.to_csv(index=False, lineterminator="\r\n", float_format=None)


def pandas_selection(catalog: Catalog, indicator_id: str, query: dict[str, str]) -> pd.DataFrame:
    """The rows a (valid) query selects, picked the way the pandas version did."""
    obs = catalog.observations
    rows = obs[obs["indicator_id"] == indicator_id]
    if "source" in query:
        main = catalog.indicators[indicator_id].main_series
        wanted = list(main) if query["source"] == "main" else [query["source"]]
        rows = rows[rows["source_id"].isin(wanted)]
    if "economies" in query:
        rows = rows[
            rows["economy"].isin(query["economies"].split(",") if query["economies"] else [])
        ]
    if "from" in query:
        rows = rows[rows["year"] >= int(query["from"])]
    if "to" in query:
        rows = rows[rows["year"] <= int(query["to"])]
    return rows


QUERIES = [
    {},
    {"source": "main"},
    {"source": "main", "economies": "CHN,USA", "from": "2018", "to": "2019"},
    {"economies": ""},
    {"economies": "USA"},
    {"from": "2019"},
    {"to": "2010"},
]


def test_downloads_are_byte_identical_to_the_pandas_export(
    hostile: Catalog, catalog: Catalog
) -> None:
    real = load_catalog()
    cases = [(hostile, query) for query in QUERIES] + [(catalog, query) for query in QUERIES]
    cases += [(real, {}), (real, {"source": "main", "from": "2015"})]
    for data, query in cases:
        client = create_app(data).server.test_client()
        for indicator_id in data.indicators:
            expected = pandas_csv(
                pandas_citable_rows(data, pandas_selection(data, indicator_id, query))
            )
            response = client.get(f"/download/{indicator_id}.csv", query_string=query)
            assert response.get_data(as_text=True) == expected, (indicator_id, query)
        whole = pandas_csv(pandas_citable_rows(data, data.observations))
        assert client.get("/download/all.csv").get_data(as_text=True) == whole
        rows = sorted(
            (row for indicator_id in data.tables for row in data.rows(indicator_id)),
            key=lambda row: tuple(getattr(row, name) for name in ROW_ORDER),
        )
        assert csv_text(citable_records(data, rows)) == whole


def test_numbers_are_written_as_pandas_wrote_them() -> None:
    values = [806.0, 1e-05, 0.0001, 1e16, 1e15, 123456789012345.6, -0.0, -1.5, 1.5e300, 0.1 + 0.2]
    frame = pd.DataFrame({"note": ["-x", "=y", "a,b", 'say "hi"', "line\nbreak", "", " ", "t"] * 2})
    frame = frame.iloc[: len(values)].assign(year=range(2000, 2000 + len(values)), value=values)
    records = list(frame.itertuples(index=False, name=None))
    assert csv_text(records, columns=tuple(frame.columns)) == pandas_csv(frame)


def test_every_real_indicator_csv_pivots_on_its_main_series_with_whole_counts() -> None:
    from indicators import load_catalog

    real = load_catalog()
    client = create_app(real).server.test_client()
    for indicator_id, indicator in real.indicators.items():
        text = client.get(f"/download/{indicator_id}.csv").get_data(as_text=True)
        frame = pd.read_csv(io.StringIO(text))
        assert set(frame["main_source"]) <= {True, False}, indicator_id
        main = frame[frame["main_source"]]
        # Every row of the main series, which may join several documents, and nothing else.
        assert len(main) == len(real.points(indicator_id)), indicator_id
        assert set(main["source_id"]) <= set(indicator.main_series), indicator_id
        main.pivot(index="year", columns="economy", values="value")  # one value per cell
        if indicator.decimals == 0:
            cells = list(csv.reader(io.StringIO(text)))[1:]
            values = [cell[CSV_COLUMNS.index("value")] for cell in cells]
            assert values and not any(value.endswith(".0") for value in values), indicator_id


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.text(st.characters(exclude_categories=["Cs"], exclude_characters="\x00")),
        min_size=1,
        max_size=5,
    )
)
def test_any_text_round_trips_through_the_csv_and_pandas(texts: list[str]) -> None:
    # Line breaks of every kind, quotes, commas, formula starts: pandas reads back each text
    # as written (with the apostrophe before a formula), one row per record.
    text = csv_text([(cell, float(n)) for n, cell in enumerate(texts)], columns=("note", "value"))
    back = pd.read_csv(io.StringIO(text, newline=""), dtype={"note": str}, keep_default_na=False)
    assert back["note"].tolist() == [neutralise_formula(cell) for cell in texts]
    assert back["value"].tolist() == [float(n) for n in range(len(texts))]
