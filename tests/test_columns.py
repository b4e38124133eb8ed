"""The column-wise check accepts exactly what the row-by-row path accepts, with equal values."""

from __future__ import annotations

import csv
import io
import shutil
import sys
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from indicators import load_catalog
from indicators.catalog import OBSERVATION_COLUMNS, TABLE_COLUMNS
from indicators.columns import checked_frame
from indicators.issues import IssueLog
from indicators.load import REPO_DATA_DIR, References, _checked_rows, _load_models
from indicators.models import Economy, Indicator, Source
from tests.conftest import VALID

# Whitespace to Python or to Unicode or both: U+001C to U+001F are only Python's.
SPACES = "\t\x0b\x0c\x1c\x1d\x1e\x1f\x85\xa0\u2028\u3000"


def both_paths(data_dir: Path, indicator_id: str, data: bytes, tmp: Path):  # type: ignore[no-untyped-def]
    """The column-wise result (or None) and the row-by-row rows and issues for one table."""
    issues = IssueLog()
    economies, codes = _load_models(data_dir, "economies.yaml", Economy, "code", issues)
    sources, ids = _load_models(data_dir, "sources.yaml", Source, "id", issues)
    indicators, _ = _load_models(data_dir, "indicators.yaml", Indicator, "id", issues)
    indicator = indicators[indicator_id][0]
    valid_sources = {key: source for key, (source, _) in sources.items()}
    fast = checked_frame(data, indicator, economies, valid_sources)
    path = tmp / "table.csv"
    path.write_bytes(data)
    slow_issues = IssueLog()
    rows = _checked_rows(
        path, "t.csv", indicator, economies, sources, slow_issues, References(codes, ids, None)
    )
    slow = pd.DataFrame(rows, columns=list(OBSERVATION_COLUMNS))
    return fast, slow, slow_issues


@pytest.mark.parametrize("data_dir", [VALID, REPO_DATA_DIR], ids=["fixture", "real"])
def test_every_curated_table_takes_the_fast_path_with_equal_values(
    data_dir: Path, tmp_path: Path
) -> None:
    for indicator_id in load_catalog(data_dir).indicators:
        data = (data_dir / "tables" / f"{indicator_id}.csv").read_bytes()
        fast, slow, issues = both_paths(data_dir, indicator_id, data, tmp_path)
        assert list(issues) == []
        assert fast is not None, indicator_id
        pd.testing.assert_frame_equal(fast.reset_index(drop=True), slow, check_dtype=False)
        assert (fast["value"].to_numpy() == slow["value"].to_numpy()).all()  # bit for bit


@pytest.mark.parametrize("space", list(SPACES))
def test_a_locator_keeps_what_the_model_keeps(space: str, tmp_path: Path) -> None:
    # Found by the data fuzz: the fast path stripped U+001C with str.strip, the model keeps it.
    data = (
        f"{','.join(TABLE_COLUMNS)}\n"
        f'USA,2019,1.5,reported,widget_yearbook_2020,"{space}Table 1{space}",\n'
    ).encode()
    fast, slow, issues = both_paths(VALID, "widgets", data, tmp_path)
    if space in "\x1c\x1d\x1e\x1f":
        # Kept at the ends by the model, and a control character: both paths refuse it.
        assert fast is None and [issue.code for issue in issues] == ["control_character"]
        return
    assert list(issues) == [] and fast is not None
    pd.testing.assert_frame_equal(fast.reset_index(drop=True), slow, check_dtype=False)


def test_str_strip_takes_every_character_the_model_strips() -> None:
    # The column-wise check keeps a locator that str.strip leaves as it is without asking the
    # model: right only while the model never strips a character str.strip keeps.
    from pydantic import TypeAdapter

    from indicators.types import NonEmptyText

    characters = [chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF]
    texts = [f"{c}x{c}" for c in characters]
    kept = TypeAdapter(list[NonEmptyText]).validate_python(texts)
    by_model = {c for c, text, out in zip(characters, texts, kept, strict=True) if out != text}
    by_python = {c for c, text in zip(characters, texts, strict=True) if text.strip() != text}
    assert {" ", "\t", "\u3000"} <= by_model <= by_python
    assert by_python - by_model == set("\x1c\x1d\x1e\x1f")


def test_source_ids_pandas_reads_as_booleans_agree(tmp_path: Path) -> None:
    # pandas reads a column of categories that all look like true/false as booleans; both are
    # valid source ids, and the table must be read as the row-by-row path reads it.
    data_dir = tmp_path / "data"
    shutil.copytree(VALID, data_dir)
    with (data_dir / "sources.yaml").open("a", encoding="utf-8") as handle:
        for ident in ("true", "false"):
            handle.write(
                f'- id: "{ident}"\n  publisher: P\n  title: T\n  edition: E\n'
                f'  published: "2024"\n  url: https://example.org/{ident}\n'
                "  license: Not stated\n  kind: primary\n"
            )
    rows = [
        f"USA,{year},{year - 2000},reported,{ident},Table 1,\n"
        for year in (2019, 2020)
        for ident in ("true", "false")
    ]
    data = (",".join(TABLE_COLUMNS) + "\n" + "".join(rows)).encode()
    fast, slow, issues = both_paths(data_dir, "widgets", data, tmp_path)
    assert list(issues) == [] and len(slow) == len(rows)
    assert sorted(slow["source_id"]) == ["false", "false", "true", "true"]
    # pandas turned the column into booleans, which name no source: the row-by-row path reads it.
    assert fast is None


@pytest.mark.parametrize(
    ("rows", "code"),
    [
        # A quote at the end of an unquoted field is text to the strict reader, which finds the
        # first row one field short; paired with the next quote it hid that row's end.
        ('x"\nUSA,2020,1,reported,widget_yearbook_2020,x",n\n', "wrong_field_count"),
        # Text after a closing quote: the strict reader refuses it, pandas appended it.
        ('",\nUSA,2020,1,reported,widget_yearbook_2020,"0,\n', "invalid_csv"),
    ],
)
def test_quotes_out_of_place_leave_it_to_the_row_by_row_path(
    rows: str, code: str, tmp_path: Path
) -> None:
    # Both found by fuzzing tables written without quoting; pandas read each as two valid rows.
    data = f"{','.join(TABLE_COLUMNS)}\nUSA,2019,1,reported,widget_yearbook_2020,{rows}".encode()
    fast, _, issues = both_paths(VALID, "widgets", data, tmp_path)
    assert [issue.code for issue in issues] == [code]
    assert fast is None


def test_broken_fixtures_never_take_the_fast_path(tmp_path: Path) -> None:
    invalid = Path(__file__).parent / "fixtures" / "invalid"
    for case in sorted(invalid.iterdir()):
        table = case / "tables" / "widgets.csv"
        if not table.exists() or not (case / "indicators.yaml").exists():
            continue
        try:
            fast, _, issues = both_paths(case, "widgets", table.read_bytes(), tmp_path)
        except (KeyError, FileNotFoundError):
            continue  # the fixture breaks a YAML file the loader reports on its own
        if list(issues):
            assert fast is None, case.name


# Quotes, commas, line breaks and spaces are what make CSV hard; mix them with any text. The
# whitespace of all kinds joins them.
text = st.one_of(
    st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=12),
    st.text(alphabet=st.sampled_from(list(f'ab ,"\n\r;é{SPACES}')), max_size=10),
)
row = st.tuples(
    st.sampled_from(["USA", "CHN", "JPN", "XXX", "usa", ""]),
    st.one_of(st.integers(2000, 2021).map(str), st.sampled_from(["20x1", "", "2030", "1.5"])),
    st.one_of(
        st.floats(-10, 1e6, allow_nan=False).map(repr),
        st.sampled_from(["inf", "nan", "", "1,0", " 7 ", "1e3", "-0"]),
    ),
    st.sampled_from(["reported", "estimate", "projection", "guess"]),
    st.sampled_from(["widget_yearbook_2020", "widget_press_2021", "nope"]),
    text,
    text,
)


def assert_paths_agree(data: bytes) -> None:
    """The column-wise path accepts ``data`` only as the row-by-row path reads it."""
    import tempfile

    with tempfile.TemporaryDirectory() as scratch:
        fast, slow, issues = both_paths(VALID, "widgets", data, Path(scratch))
    if fast is None:
        return  # the row-by-row path decides, and reports what it finds
    assert list(issues) == [], "the fast path accepted a table the careful path rejects"
    pd.testing.assert_frame_equal(fast.reset_index(drop=True), slow, check_dtype=False)


@settings(max_examples=300, deadline=None)
@given(st.lists(row, min_size=1, max_size=6), st.booleans())
def test_random_tables_agree(rows: list[tuple[str, ...]], crlf: bool) -> None:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n" if crlf else "\n").writerows([TABLE_COLUMNS, *rows])
    data = buffer.getvalue().encode("utf-8")
    assert_paths_agree(data)


@settings(max_examples=300, deadline=None)
@given(st.lists(row, min_size=1, max_size=6), st.booleans())
def test_random_tables_written_by_hand_agree(rows: list[tuple[str, ...]], crlf: bool) -> None:
    # Joined with commas and nothing quoted, as a hand edit or a careless export writes them:
    # quotes then stand anywhere in a field, and commas split fields.
    end = "\r\n" if crlf else "\n"
    data = "".join(",".join(cells) + end for cells in [TABLE_COLUMNS, *rows]).encode("utf-8")
    assert_paths_agree(data)
