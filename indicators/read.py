"""Read data files as text, keeping real line numbers, and report what cannot be read.

Nothing here knows what a valid record is (that is ``models``); these functions only turn bytes
into located raw records, so every later message can point at ``file:line``.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from indicators.issues import IssueLog

BOM = "\ufeff"
# The csv module's default field limit, fixed here: it is a process-wide setting that other
# libraries raise (frictionless sets it to 2 GiB), and a table must be judged the same anyway.
FIELD_LIMIT = 131_072
#: Entries need four levels (list, entry, ``checks``, check); deeper text is a slip, and far
#: deeper text (``[[[[...`` a thousand times) would exhaust Python's recursion limit.
MAX_DEPTH = 10

if TYPE_CHECKING:
    _FastSafeLoader = yaml.SafeLoader
else:
    # libyaml's safe loader when PyYAML was built with it (ten times faster), else Python's.
    _FastSafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Constructing:
    """A safe loader, except that a value its tag cannot build is a located YAML error.

    PyYAML builds ``2020-13-45`` (a timestamp by its shape), ``!!int abc``, ``!!bool maybe`` or
    ``!!int ''`` with ``datetime``, ``int``, a dict lookup or indexing, and passes on whatever
    they raise (``ValueError``, ``KeyError``, ``IndexError``...) with no line; its scalar
    constructors never validate their text first. Any such failure becomes a
    ``ConstructorError`` at the value.
    """

    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        try:
            return super().construct_object(node, deep)  # type: ignore[misc]
        except yaml.YAMLError:
            raise
        except Exception as error:
            tag = str(node.tag).rsplit(":", 1)[-1]
            shown = repr(node.value) if isinstance(node, yaml.ScalarNode) else "this value"
            problem = f"{shown} cannot be read as !!{tag}; quote it to keep it as text"
            raise yaml.constructor.ConstructorError(None, None, problem, node.start_mark) from error


class _PythonLoader(_Constructing, yaml.SafeLoader):
    """PyYAML's own reader, in Python: the same on every build of PyYAML."""


class _Loader(_Constructing, _FastSafeLoader):
    """The reader of every file: libyaml's where PyYAML has it."""


@dataclass
class RawRecord:
    """One YAML list item or CSV row: its fields as written, and where each one stands."""

    line: int
    fields: dict[str, Any]
    field_lines: dict[str, int] = field(default_factory=dict)

    def line_of(self, path: str) -> int:
        """Line of a field (``url``, or nested: ``checks[0].claimed``); for an absent field, the
        line of its nearest written parent, or of the record."""
        while path:
            if path in self.field_lines:
                return self.field_lines[path]
            path = path[: max(path.rfind("."), path.rfind("["), 0)]
        return self.line


def read_text(path: Path, rel: str, issues: IssueLog) -> str | None:
    """The file's text, or ``None`` with an issue when it is missing or not clean UTF-8."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        issues.add(rel, 0, "", "missing_file", "file not found")
        return None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        issues.add(
            rel,
            line,
            "",
            "not_utf8",
            f"byte {data[error.start]:#04x} is not UTF-8; save the file as UTF-8",
        )
        return None
    if text.startswith(BOM):
        # Spreadsheet programs add it silently; it would corrupt the first column's name.
        issues.add(
            rel,
            1,
            "",
            "byte_order_mark",
            "file starts with a byte-order mark; save as UTF-8 without BOM",
        )
        return None
    return text


def read_yaml_list(path: Path, rel: str, issues: IssueLog) -> list[RawRecord]:
    """Items of a YAML file whose top level is a list of mappings, with their line numbers."""
    text = read_text(path, rel, issues)
    if text is None:
        return []
    try:
        if not _plain_yaml(text, rel, issues, _Loader):
            return []
        root, data = _compose(text)
    except yaml.YAMLError as error:
        if _refused_as_unsupported(text, rel, issues):
            return []
        issues.add(
            rel, _error_line(error, text), "", "invalid_yaml", f"invalid YAML: {_problem(error)}"
        )
        return []
    if root is None:
        issues.add(rel, 0, "", "empty_file", "file is empty; expected a list")
        return []
    if not isinstance(root, yaml.SequenceNode) or not isinstance(data, list):
        issues.add(
            rel,
            root.start_mark.line + 1,
            "",
            "not_a_list",
            "top level must be a list of entries ('- id: ...')",
        )
        return []
    records = []
    for node, item in zip(root.value, data, strict=True):
        line = node.start_mark.line + 1
        if not isinstance(node, yaml.MappingNode) or not isinstance(item, dict):
            issues.add(rel, line, "", "not_a_mapping", "entry must be a mapping of keys to values")
            continue
        field_lines: dict[str, int] = {}
        _walk(node, "", field_lines, rel, issues)
        records.append(RawRecord(line, {str(k): v for k, v in item.items()}, field_lines))
    return records


def _plain_yaml(text: str, rel: str, issues: IssueLog, loader: type[yaml.SafeLoader]) -> bool:
    """Whether the text avoids aliases and deep nesting, checked on ``loader``'s events.

    An alias repeats a value by reference: a list that contains itself (``&a [*a]``) or
    aliases of aliases (a "billion laughs") would send every later walk over the entries into
    endless recursion or an exponential number of paths. Curated files have no use for either.
    """
    depth = 0
    for event in yaml.parse(text, Loader=loader):
        line = event.start_mark.line + 1 if event.start_mark else 0
        if isinstance(event, yaml.AliasEvent):
            message = f"alias '*{event.anchor}' repeats another value; write each value out"
            issues.add(rel, line, "", "unsupported_yaml", message)
            return False
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                message = f"lists and mappings nested more than {MAX_DEPTH} levels deep"
                issues.add(rel, line, "", "unsupported_yaml", message)
                return False
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1
    return True


def _refused_as_unsupported(text: str, rel: str, issues: IssueLog) -> bool:
    """Whether Python's reader finds an alias or deep nesting in a text libyaml refused.

    libyaml reads a token ahead, as far as 1,024 characters on a line, and since PyYAML 6.0.4
    it refuses flow collections nested 1,000 deep itself ("exceeded maximum nesting depth")
    before the depth check above sees the events that would fail it. Python's reader, which
    sets no such limit, decides, so a file gets the same issue whichever PyYAML reads it.
    """
    try:
        return not _plain_yaml(text, rel, issues, _PythonLoader)
    except yaml.YAMLError:
        return False  # invalid for both readers: libyaml's message stands


def _compose(text: str) -> tuple[yaml.Node | None, Any]:
    """The document's node tree (for line numbers) and the plain data built from it."""
    loader = _Loader(text)
    try:
        root = loader.get_single_node()
        return root, None if root is None else loader.construct_document(root)
    finally:
        loader.dispose()


def _error_line(error: yaml.YAMLError, text: str) -> int:
    """The 1-based line a YAML error points at, or 0 when it points nowhere."""
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    if mark is not None:
        return int(mark.line) + 1
    if isinstance(error, yaml.reader.ReaderError):
        # A character YAML refuses (NUL, other control characters): libyaml counts its
        # position in UTF-8 bytes, PyYAML's own reader in characters.
        if issubclass(_Loader, getattr(yaml, "CSafeLoader", ())):
            return text.encode()[: error.position].count(b"\n") + 1
        return text[: error.position].count("\n") + 1
    return 0


def _problem(error: yaml.YAMLError) -> str:
    """What is wrong, in the parser's words (without its "in <unicode string>" trailer)."""
    return str(getattr(error, "problem", None) or str(error).splitlines()[0])


def _walk(node: yaml.Node, prefix: str, lines: dict[str, int], rel: str, issues: IssueLog) -> None:
    """Record the line of every key and list item below ``node``, by path."""
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            path = f"{prefix}.{key_node.value}" if prefix else str(key_node.value)
            line = key_node.start_mark.line + 1
            if path in lines:
                # PyYAML keeps the last value silently; a curator would lose the first.
                issues.add(
                    rel,
                    line,
                    path,
                    "duplicate_key",
                    f"key '{key_node.value}' appears twice in this entry",
                )
            lines[path] = line
            _walk(value_node, path, lines, rel, issues)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            path = f"{prefix}[{index}]"
            lines[path] = item.start_mark.line + 1
            _walk(item, path, lines, rel, issues)


def read_csv_rows(
    path: Path, rel: str, columns: tuple[str, ...], issues: IssueLog
) -> list[RawRecord]:
    """Rows of a CSV file whose header must be exactly ``columns``, as text, with line numbers."""
    text = read_text(path, rel, issues)
    if text is None:
        return []
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = next(reader, None)
        if header is None or not any(cell.strip() for cell in header):
            issues.add(
                rel, 1, "", "empty_table", f"table is empty; expected header {','.join(columns)}"
            )
            return []
        if not _header_ok(header, columns, rel, issues):
            return []
        rows: list[RawRecord] = []
        # No cell is longer than the text it comes from: most tables skip the length test.
        may_overflow = len(text) > FIELD_LIMIT
        line = reader.line_num + 1
        for cells in reader:
            if not "".join(cells).strip():  # no cell holds anything but white space
                issues.add(rel, line, "", "blank_line", "blank line inside the table")
            elif may_overflow and max(map(len, cells)) > FIELD_LIMIT:
                issues.add(
                    rel,
                    line,
                    "",
                    "invalid_csv",
                    f"invalid CSV: field larger than field limit ({FIELD_LIMIT})",
                )
                return []
            elif len(cells) != len(columns):
                issues.add(
                    rel,
                    line,
                    "",
                    "wrong_field_count",
                    f"row has {len(cells)} fields, header has {len(columns)}",
                )
            else:
                rows.append(RawRecord(line, dict(zip(columns, cells, strict=True))))
            line = reader.line_num + 1
    except csv.Error as error:
        issues.add(rel, reader.line_num, "", "invalid_csv", f"invalid CSV: {error}")
        return []
    if not rows and not issues.about(rel):
        issues.add(rel, 1, "", "empty_table", "table has a header but no rows")
    return rows


def _header_ok(header: list[str], columns: tuple[str, ...], rel: str, issues: IssueLog) -> bool:
    found = [name.strip() for name in header]
    if found == list(columns):
        return True
    missing = [name for name in columns if name not in found]
    extra = [name for name in found if name not in columns]
    for name in missing:
        issues.add(rel, 1, name, "missing_column", f"column '{name}' is missing")
    for name in extra:
        issues.add(
            rel,
            1,
            name or "(blank)",
            "unknown_column",
            f"column '{name}' is not one of {', '.join(columns)}",
        )
    if not missing and not extra:
        issues.add(rel, 1, "", "column_order", f"columns must be in the order {','.join(columns)}")
    return False
