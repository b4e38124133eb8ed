"""Random, broken CSV and YAML: loading succeeds or names every problem's place, never crashes.

Each example writes one damaged file into a fresh copy of the valid fixture and loads it. A
curator can break a file in any way (a spreadsheet export, a bad paste, a truncated save); what
comes back must then be a ``DataValidationError`` whose every issue points at a real file, a line
and a code, with a plain message, and never a traceback from deep inside a parser.
"""

from __future__ import annotations

import csv
import math
import re
import shutil
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from indicators import DataIssue, DataValidationError, load_catalog
from indicators.read import FIELD_LIMIT
from tests.conftest import VALID
from tests.test_columns import both_paths

TABLES = ("tables/widgets.csv", "tables/exchange_students.csv")
YAML_FILES = ("economies.yaml", "sources.yaml", "indicators.yaml", "claims.yaml", "events.yaml")
# Files the loader names when they are missing; any other issue names a file that exists.
REQUIRED = frozenset({"economies.yaml", "sources.yaml", "indicators.yaml"})

# Some examples are slow or large on purpose (deep nesting, long cells): no deadline, and no
# health check failing the run for it.
FUZZ = settings(
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

Draw = Callable[[st.SearchStrategy[Any]], Any]
Mutation = Callable[[Draw, bytes], bytes]
Case = tuple[str, bytes]  # a file of the catalog, and what is written into it

# --- what gets written -------------------------------------------------------------------

any_text = st.text(st.characters(codec="utf-8"), max_size=24)
nasty_bytes = st.one_of(
    st.sampled_from(
        [
            b"\xef\xbb\xbf",  # byte-order mark
            b"\xff",
            b"\xc3",  # a UTF-8 sequence cut short
            b"\xed\xa0\x80",  # an encoded surrogate
            b"\x00",
            b"\r",
            b"\n",
            b"\r\n",
            b'"',
            b",",
            b"\t",
            b"\xe2\x80\xa8",  # U+2028 LINE SEPARATOR
            b"\xc2\x85",  # U+0085 NEXT LINE
        ]
    ),
    st.binary(min_size=1, max_size=8),
    any_text.map(str.encode),
)
cells = st.one_of(
    st.sampled_from(
        [
            *("", " ", "nan", "NaN", "-nan", "inf", "-inf", "Infinity", "1e309", "-1e309"),
            *("-0", "+0", "1e-400", "9" * 400, "1_000", "１００", "٣", "0x10", "1,5", "1 5"),
            *("2019.0", "2.019e3", " 2019 ", "+2019", "02019", "1899", "2101", "9" * 30),
            *('"', '""', '"a"b', ",", "a,b", "\n", "\r", "\r\n", "\x00", "\ufeff", "\u2028"),
            *("USA", "CHN", "EU27", "usa", "reported", "projection", "widget_press_2021"),
        ]
    ),
    any_text,
    st.integers().map(str),
    st.floats().map(repr),
    st.integers(1890, 2110).map(str),
)


def _laughs(levels: int) -> str:
    """Aliases of aliases: ``levels`` lists, each holding nine copies of the one before."""
    lists = ["&a0 [x]", *(f"&a{n} [{', '.join([f'*a{n - 1}'] * 9)}]" for n in range(1, levels))]
    return f"[{', '.join(lists)}]"


def _flow(value: Any) -> str:
    """A Python value as one line of YAML flow text: the wrong types a key may be given."""
    return str(yaml.safe_dump(value, default_flow_style=True, width=math.inf)).strip()


plain_values = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), any_text, st.dates()),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(any_text, inner, max_size=3),
    max_leaves=8,
).map(_flow)
yaml_values = st.one_of(
    st.sampled_from(
        [
            *("", "~", "null", "true", "no", "yes", "[]", "{}", "[a, b]", "{a: 1}", "- a"),
            *("2020-13-45", "2020-02-30", "0000-01-01", "2020-06-01 25:61:00", "2020-01-01"),
            *("2020-06-01T10:00:00Z", "2020-06-01 10:00:00", "1e309", ".nan", ".inf", "0x1F"),
            *("0o17", "0b101", "1:30:00", "99999999999999999999", "-1", "3.5", "'2020'"),
            *("!!int abc", "!!float x", "!!bool maybe", "!!timestamp soon", "!!binary ***"),
            *("!!binary aGk=", "!!set {a, b}", "!!omap [a]", "!!pairs {a: b}", "!!null x"),
            *("!!python/object:os.system ls", "!!python/name:os.system", "!<tag:x> y"),
            *("&a x", "*a", "&a [*a]", "&a {b: *a}", "&a [&b [*a, *a], *b]", "<<: {x: 1}"),
            *("'unterminated", '"unterminated', '"\\x00"', '"\\ud800"', '"\\u2028"', "'a''b'"),
            *("|\n  block\n", ">-\n  folded", "\t", "a\tb", ": :", "- - -", "{{", "]]", "? a"),
            *("@x", "`x", "%YAML 1.1", "---", "...", "#", "a # c", "x: y: z", "!", "!!"),
        ]
    ),
    plain_values,
    any_text,
    # A YAML tag before any text: PyYAML's constructors trust the text to fit the tag.
    st.tuples(
        st.sampled_from(["!!int", "!!float", "!!bool", "!!timestamp", "!!binary", "!!null"]),
        st.one_of(
            st.sampled_from(["''", '""', "0x", "0b2", "1:", "1:x", "_", "-", ".", "9" * 40]),
            any_text.map(repr),
            plain_values,
        ),
    ).map(" ".join),
    st.integers(1, 3000).map(lambda depth: "[" * depth + "]" * depth),
    st.integers(1, 3000).map(lambda depth: "{a: " * depth + "1" + "}" * depth),
    st.integers(1, 12).map(_laughs),
)

# --- mutations ----------------------------------------------------------------------------


def _at(draw: Draw, data: bytes) -> int:
    """A position in ``data``: a line, then a byte in it (hypothesis favours small integers,
    which drawn over the whole file would nearly always hit the header)."""
    lines = _lines(data)
    row = draw(st.integers(0, len(lines) - 1))
    return sum(len(line) + 1 for line in lines[:row]) + int(draw(st.integers(0, len(lines[row]))))


def truncate(draw: Draw, data: bytes) -> bytes:
    """Cut the file at a random byte, as an interrupted save would."""
    return data[: _at(draw, data)]


def insert_bytes(draw: Draw, data: bytes) -> bytes:
    """Insert stray bytes: invalid UTF-8, a BOM, NUL, quotes, line breaks."""
    at = _at(draw, data)
    return data[:at] + bytes(draw(nasty_bytes)) + data[at:]


def delete_bytes(draw: Draw, data: bytes) -> bytes:
    """Drop a short run of bytes, possibly in the middle of a UTF-8 sequence."""
    at = _at(draw, data)
    return data[:at] + data[at + draw(st.integers(1, 8)) :]


def _lines(data: bytes) -> list[bytes]:
    return data.split(b"\n")


def delete_line(draw: Draw, data: bytes) -> bytes:
    """Drop a line (the header, a row, a key)."""
    lines = _lines(data)
    del lines[draw(st.integers(0, len(lines) - 1))]
    return b"\n".join(lines)


def duplicate_line(draw: Draw, data: bytes) -> bytes:
    """Repeat a line: a duplicate row, a duplicate YAML key."""
    lines = _lines(data)
    at = draw(st.integers(0, len(lines) - 1))
    lines.insert(at, lines[at])
    return b"\n".join(lines)


def swap_lines(draw: Draw, data: bytes) -> bytes:
    """Exchange two lines: the header moves down, a key leaves its entry."""
    lines = _lines(data)
    first, second = (draw(st.integers(0, len(lines) - 1)) for _ in range(2))
    lines[first], lines[second] = lines[second], lines[first]
    return b"\n".join(lines)


def insert_line(draw: Draw, data: bytes) -> bytes:
    """Add a blank line, a line of spaces or a tab, or a line of random text."""
    lines = _lines(data)
    line = draw(st.one_of(st.sampled_from(["", " ", "\t", "\r", "#"]), any_text, cells))
    lines.insert(draw(st.integers(0, len(lines))), str(line).encode())
    return b"\n".join(lines)


def replace_cell(draw: Draw, data: bytes) -> bytes:
    """Put random text in one cell, quoted the CSV way or pasted in raw."""
    return _replace_cell(draw, data, 0)


def replace_value_cell(draw: Draw, data: bytes) -> bytes:
    """Put random text in one cell below the header: the header stays, the row checks run."""
    return _replace_cell(draw, data, 1)


def _replace_cell(draw: Draw, data: bytes, first_row: int) -> bytes:
    lines = _lines(data)
    row = draw(st.integers(first_row, len(lines) - 1))
    fields = lines[row].split(b",")
    cell = str(draw(cells))
    if draw(st.booleans()):
        cell = '"' + cell.replace('"', '""') + '"'
    fields[draw(st.integers(0, len(fields) - 1))] = cell.encode()
    lines[row] = b",".join(fields)
    return b"\n".join(lines)


def add_or_drop_field(draw: Draw, data: bytes) -> bytes:
    """One field too many or too few on a row (or the header)."""
    lines = _lines(data)
    row = draw(st.integers(0, len(lines) - 1))
    fields = lines[row].split(b",")
    if draw(st.booleans()) or len(fields) < 2:
        fields.insert(draw(st.integers(0, len(fields))), str(draw(cells)).encode())
    else:
        del fields[draw(st.integers(0, len(fields) - 1))]
    lines[row] = b",".join(fields)
    return b"\n".join(lines)


_KEY_LINE = re.compile(rb"^(\s*(?:- )?[A-Za-z_]+:)")


def replace_value(draw: Draw, data: bytes) -> bytes:
    """Give one key a random value: a wrong type, a bad tag, an alias, deep nesting, junk."""
    lines = _lines(data)
    keyed = [index for index, line in enumerate(lines) if _KEY_LINE.match(line)]
    if not keyed:
        return data
    row = draw(st.sampled_from(keyed))
    match = _KEY_LINE.match(lines[row])
    assert match is not None
    lines[row] = match.group(1) + b" " + str(draw(yaml_values)).encode()
    return b"\n".join(lines)


yaml_keys = st.one_of(
    st.sampled_from(["id", "name", "url", "null", "~", "1", "1.5", "true", "2020-01-01", "<<"]),
    st.sampled_from(["? [a]", "[a]", "{a: 1}", "!!binary aGk=", "'a: b'", '"\\n"', "-", "&k k"]),
    any_text,
)


def add_key(draw: Draw, data: bytes) -> bytes:
    """Add a key beside another one: a duplicate, an unknown field, a key that is not text."""
    lines = _lines(data)
    keyed = [index for index, line in enumerate(lines) if _KEY_LINE.match(line)]
    if not keyed:
        return data
    row = draw(st.sampled_from(keyed))
    indent = re.match(rb"^\s*", lines[row].replace(b"- ", b"  ", 1))
    assert indent is not None
    key, value = str(draw(yaml_keys)), str(draw(yaml_values))
    lines.insert(row + 1, indent.group(0) + f"{key}: {value}".encode())
    return b"\n".join(lines)


def replace_item(draw: Draw, data: bytes) -> bytes:
    """Replace a list item (``- USA``, ``- kind: ratio``) or a whole line with random YAML."""
    lines = _lines(data)
    row = draw(st.integers(0, len(lines) - 1))
    indent = re.match(rb"^\s*(?:- )?", lines[row])
    prefix = indent.group(0) if indent and draw(st.booleans()) else b""
    lines[row] = prefix + str(draw(yaml_values)).encode()
    return b"\n".join(lines)


def indent_with_tab(draw: Draw, data: bytes) -> bytes:
    """Indent a line with a tab instead of spaces, which YAML forbids."""
    lines = _lines(data)
    row = draw(st.integers(0, len(lines) - 1))
    lines[row] = b"\t" + lines[row].lstrip(b" ")
    return b"\n".join(lines)


BYTE_MUTATIONS: tuple[Mutation, ...] = (truncate, insert_bytes, delete_bytes)
LINE_MUTATIONS: tuple[Mutation, ...] = (delete_line, duplicate_line, swap_lines, insert_line)
# Edits that keep most of the file readable come thrice, so that examples reach the checks on
# values and references and do not all stop at a broken header or a parse error.
CSV_MUTATIONS = (*BYTE_MUTATIONS, *LINE_MUTATIONS, *[replace_cell] * 3, add_or_drop_field)
YAML_MUTATIONS = (
    *BYTE_MUTATIONS,
    *LINE_MUTATIONS,
    *[replace_value] * 3,
    add_key,
    replace_item,
    indent_with_tab,
)


@st.composite
def mutated(draw: Draw, rel: str, mutations: tuple[Mutation, ...]) -> bytes:
    """The file ``rel`` of the valid fixture after one to three random mutations."""
    data = (VALID / rel).read_bytes()
    for _ in range(draw(st.integers(1, 3))):
        data = draw(st.sampled_from(mutations))(draw, data)
    return data


# --- what must hold -----------------------------------------------------------------------


@contextmanager
def catalog_with(rel: str, data: bytes | None) -> Iterator[Path]:
    """A fresh copy of the valid fixture with ``rel`` replaced by ``data`` (deleted if None)."""
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch) / "data"
        shutil.copytree(VALID, root)
        path = root / rel
        if data is None:
            path.unlink(missing_ok=True)
        else:
            path.write_bytes(data)
        yield root


def _line_count(path: Path) -> int:
    """Lines of a file, counting every break any reader may count (YAML counts U+2028)."""
    text = path.read_bytes().decode("utf-8", errors="replace")
    return len(text.splitlines()) + 1


def assert_loads_or_reports(root: Path) -> None:
    """Loading succeeds, or fails with located issues rendered one per line; nothing else."""
    try:
        load_catalog(root)
    except DataValidationError as error:
        assert error.issues
        for issue in error.issues:
            path = root / issue.file
            assert not Path(issue.file).is_absolute() and ".." not in Path(issue.file).parts
            if issue.code == "missing_file":
                assert issue.file in REQUIRED and not path.exists(), issue
            else:
                assert path.is_file(), issue
                assert issue.line <= _line_count(path), issue
            assert isinstance(issue.line, int) and issue.line >= 0, issue
            assert re.fullmatch(r"[a-z]+(?:_[a-z0-9]+)*", issue.code), issue
            assert issue.message.strip(), issue
            assert "Traceback" not in issue.message and 'File "' not in issue.message, issue
        assert str(error).split("\n") == [
            f"{len(error.issues)} problem{'s' if len(error.issues) != 1 else ''} in {root}:",
            *(_rendered(root, issue) for issue in error.issues),
        ]


def _rendered(root: Path, issue: DataIssue) -> str:
    """``path:line: column: message [code]``, without ``:0`` or an empty column."""
    where = f"{root}/{issue.file}" + (f":{issue.line}" if issue.line else "")
    column = f" {issue.column}:" if issue.column else ""
    line = f"{where}:{column} {issue.message} [{issue.code}]"
    assert line.isprintable(), "an issue must render as one line of visible characters"
    return line


def assert_fast_path_agrees(rel: str, data: bytes) -> None:
    """A table the column-wise check accepts is one the row-by-row check accepts, equally."""
    with tempfile.TemporaryDirectory() as scratch:
        fast, slow, issues = both_paths(VALID, Path(rel).stem, data, Path(scratch))
    if fast is not None:
        assert list(issues) == [], "the fast path accepted a table the careful path rejects"
        pd.testing.assert_frame_equal(fast.reset_index(drop=True), slow, check_dtype=False)


# --- the properties -----------------------------------------------------------------------


def broken(files: tuple[str, ...], mutations: tuple[Mutation, ...]) -> st.SearchStrategy[Case]:
    """One of ``files`` and its mutated content."""
    return st.sampled_from(files).flatmap(
        lambda rel: st.tuples(st.just(rel), mutated(rel, mutations))
    )


def check_table(case: Case) -> None:
    """A broken table is reported, and the fast path never accepts what the careful one refuses."""
    rel, data = case
    with catalog_with(rel, data) as root:
        assert_loads_or_reports(root)
    assert_fast_path_agrees(rel, data)


def check_yaml(case: Case) -> None:
    """A broken YAML file is reported where it breaks."""
    rel, data = case
    with catalog_with(rel, data) as root:
        assert_loads_or_reports(root)


@settings(FUZZ, max_examples=400)
@given(broken(TABLES, CSV_MUTATIONS))
def test_broken_tables_are_reported_where_they_break(case: Case) -> None:
    check_table(case)


@settings(FUZZ, max_examples=400)
@given(broken(TABLES, (replace_value_cell,)))
def test_odd_cells_are_reported_where_they_stand(case: Case) -> None:
    check_table(case)


@settings(FUZZ, max_examples=400)
@given(broken(YAML_FILES, YAML_MUTATIONS))
def test_broken_yaml_is_reported_where_it_breaks(case: Case) -> None:
    check_yaml(case)


@settings(FUZZ, max_examples=400)
@given(broken(YAML_FILES, (replace_value, add_key)))
def test_odd_yaml_values_are_reported_where_they_stand(case: Case) -> None:
    check_yaml(case)


# Random text over the characters that mean something to CSV or YAML, or any bytes at all.
csv_like = st.text(st.sampled_from(list('economy,year2019value".\n\r \t-é\x00')), max_size=300)
yaml_like = st.text(st.sampled_from(list("- :[]{}&*!|>'\"#%@`,?\n\t idkUSAa0.~")), max_size=300)


@settings(FUZZ, max_examples=250)
@given(
    st.sampled_from([*YAML_FILES, *TABLES, "tables/extra.csv"]),
    st.one_of(
        st.none(),
        st.binary(max_size=300),
        st.text(st.characters(codec="utf-8"), max_size=300).map(str.encode),
        csv_like.map(str.encode),
        yaml_like.map(str.encode),
    ),
)
def test_any_file_may_hold_anything(rel: str, data: bytes | None) -> None:
    with catalog_with(rel, data) as root:
        assert_loads_or_reports(root)


# --- inputs the fuzzing found -------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("&a [*a]", "unsupported_yaml"),  # a list holding itself: endless recursion
        ("&a {b: *a}", "unsupported_yaml"),
        (_laughs(12), "unsupported_yaml"),  # 9**11 paths to walk
        ("[" * 5000 + "]" * 5000, "unsupported_yaml"),  # beyond Python's recursion limit
        ("!!int ''", "invalid_yaml"),  # IndexError inside PyYAML
        ("!!bool maybe", "invalid_yaml"),  # KeyError
        ("!!timestamp soon", "invalid_yaml"),  # AttributeError
        ("2020-06-01 25:61:00", "invalid_yaml"),  # ValueError: a time that does not exist
    ],
)
def test_yaml_that_crashed_the_loader_is_reported_at_its_line(
    valid_copy: Path, value: str, code: str, yaml_reader: str
) -> None:
    economies = valid_copy / "economies.yaml"
    economies.write_text(economies.read_text().replace("short_name: US", f"short_name: {value}"))
    with pytest.raises(DataValidationError) as raised:
        load_catalog(valid_copy)
    assert [issue.location for issue in raised.value.issues] == [("economies.yaml", 4, "", code)]


@pytest.mark.parametrize("year", ["2018.0", "2.018e3", "2018e0"])
def test_years_pandas_reads_as_whole_numbers_go_the_row_path(year: str, tmp_path: Path) -> None:
    data = (VALID / TABLES[0]).read_bytes().replace(b"CHN,2018,", f"CHN,{year},".encode())
    fast, _, issues = both_paths(VALID, "widgets", data, tmp_path)
    assert fast is None
    assert [(issue.line, issue.column, issue.code) for issue in issues] == [
        (3, "year", "invalid_year")
    ]


def test_a_field_over_the_csv_limit_is_refused_by_both_paths(tmp_path: Path) -> None:
    long = "x" * (FIELD_LIMIT + 1)
    data = (VALID / TABLES[0]).read_bytes().replace(b'"para. 2"', long.encode())
    fast, _, issues = both_paths(VALID, "widgets", data, tmp_path)
    assert fast is None
    assert [(issue.line, issue.code) for issue in issues] == [(10, "invalid_csv")]


def test_the_field_limit_holds_whatever_other_libraries_set(tmp_path: Path) -> None:
    # frictionless raises the csv module's process-wide limit to 2 GiB when imported.
    previous = csv.field_size_limit(2**31 - 2)
    try:
        test_a_field_over_the_csv_limit_is_refused_by_both_paths(tmp_path)
    finally:
        csv.field_size_limit(previous)
