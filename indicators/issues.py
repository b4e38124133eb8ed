"""Located data problems, and the one error that carries all of them."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, order=True)
class DataIssue:
    """One problem in one place: ``tables/x.csv:7: value: '66x7.6' is not a number``.

    ``file`` is relative to the data directory, ``line`` is the file's real 1-based line number
    (0 when the problem concerns the file as a whole), ``column`` is the CSV column or YAML key.
    """

    file: str
    line: int
    column: str
    code: str
    message: str

    def render(self, root: str = "") -> str:
        """The line a curator reads, with the data directory as given on the command line."""
        path = _visible(f"{root.rstrip('/')}/{self.file}" if root else self.file)
        where = f"{path}:{self.line}" if self.line else path
        column = f" {self.column}:" if self.column else ""
        return f"{where}:{column} {self.message} [{self.code}]"

    @property
    def location(self) -> tuple[str, int, str, str]:
        """``(file, line, column, code)``: what tests and tools compare."""
        return (self.file, self.line, self.column, self.code)


class IssueLog(list[DataIssue]):
    """The problems found so far, appended as they are met."""

    def add(self, file: str, line: int, column: str, code: str, message: str) -> None:
        """Record one problem; the column and message are kept to one line of visible text."""
        self.append(DataIssue(file, line, _visible(column), code, _visible(message)))

    def about(self, file: str) -> bool:
        """Whether any problem concerns ``file``."""
        return any(issue.file == file for issue in self)


def _visible(text: str) -> str:
    """``text`` with unprintable characters escaped (``\\n``, ``\\x00``, ``\\u200b``).

    A column name or key is quoted from the file as written; a line break in it would split
    the issue's line in two, and an invisible character would leave the curator puzzled.
    """
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else c.encode("unicode_escape").decode() for c in text)


class DataValidationError(ValueError):
    """Every problem found in a data directory, raised once, one line per problem."""

    def __init__(self, issues: Iterable[DataIssue], root: Path | str = "") -> None:
        self.issues: tuple[DataIssue, ...] = tuple(sorted(set(issues)))
        self.root = str(root)
        count = len(self.issues)
        header = f"{count} problem{'s' if count != 1 else ''} in {self.root or 'the data'}:"
        super().__init__("\n".join([header, *(issue.render(self.root) for issue in self.issues)]))
