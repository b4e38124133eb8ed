"""Load a data directory into a ``Catalog``, collecting every problem before raising once."""

from __future__ import annotations

import hashlib
import math
import os
import re
from dataclasses import dataclass
from operator import attrgetter
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar, cast

from pydantic import BaseModel, ValidationError

from indicators.catalog import TABLE_COLUMNS, Catalog, Row
from indicators.claims import CHECK_KINDS, Claim, referenced
from indicators.issues import DataValidationError, IssueLog
from indicators.models import Economy, Event, Indicator, Observation, Report, Source
from indicators.read import RawRecord, read_csv_rows, read_yaml_list
from indicators.types import MAX_YEAR, MIN_YEAR
from indicators.version import data_version

if TYPE_CHECKING:
    import pandas as pd

DATA_DIR_ENV = "INDICATORS_DATA_DIR"
REPO_DATA_DIR = Path(__file__).resolve().parent.parent / "data"

Model = TypeVar("Model", bound=BaseModel)

# ASCII digits only: Python's int() and float() also read "２０１９", "٢٠١٩" and "1_000", which
# no spreadsheet or pandas reads as numbers.
_INTEGER = re.compile(r"[+-]?[0-9]+")
_NUMBER = re.compile(r"[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")
_NON_FINITE = re.compile(r"[+-]?(?:inf|infinity|nan)", re.IGNORECASE)

# Problems that make a whole file unusable: checking references against it would only
# repeat the same news once per row.
_FILE_LEVEL_CODES = frozenset(
    {
        "missing_file",
        "invalid_yaml",
        "unsupported_yaml",
        "not_utf8",
        "byte_order_mark",
        "not_a_list",
        "empty_file",
    }
)

# pydantic error types -> our stable codes; anything unlisted is ``invalid_value``.
_PYDANTIC_CODES = {
    "missing": "missing_field",
    "extra_forbidden": "unknown_field",
    "string_type": "wrong_type",
    "int_type": "wrong_type",
    "float_type": "wrong_type",
    "bool_type": "wrong_type",
    "tuple_type": "wrong_type",
    "enum": "invalid_choice",
    "string_pattern_mismatch": "invalid_format",
    "string_too_short": "empty_value",
    "string_too_long": "invalid_format",
    "control_character": "control_character",
}


def default_data_dir() -> Path:
    """``$INDICATORS_DATA_DIR`` if set, else the repository's ``data/``."""
    env = os.environ.get(DATA_DIR_ENV)
    return Path(env) if env else REPO_DATA_DIR


def load_catalog(data_dir: Path | str | None = None) -> Catalog:
    """Read, validate and cross-check every file of a data directory.

    Raises ``DataValidationError`` listing every problem (file, line, column, code) when
    anything is wrong; never returns a partial catalog.
    """
    root = Path(data_dir) if data_dir is not None else default_data_dir()
    issues = IssueLog()

    economies, economy_codes = _load_models(root, "economies.yaml", Economy, "code", issues)
    sources, source_ids = _load_models(root, "sources.yaml", Source, "id", issues)
    indicators, indicator_ids = _load_models(root, "indicators.yaml", Indicator, "id", issues)
    # References are checked against what the files name; an entry that is named but invalid
    # has its own message already, and a file that cannot be read at all names nothing.
    broken = {issue.file for issue in issues if issue.code in _FILE_LEVEL_CODES}
    references = References(
        economies=None if "economies.yaml" in broken else economy_codes,
        sources=None if "sources.yaml" in broken else source_ids,
        indicators=None if "indicators.yaml" in broken else indicator_ids,
    )
    for indicator, record in indicators.values():
        named = [
            *(
                (f"series_sources[{index - 1}]" if index else "main_source", source_id)
                for index, source_id in enumerate(indicator.main_series)
            ),
            *(
                (f"kept_apart[{index}]", source_id)
                for index, source_id in enumerate(indicator.kept_apart)
            ),
        ]
        for path, source_id in named:
            references.check(
                "source", source_id, "indicators.yaml", record.line_of(path), path, issues
            )

    digests: dict[Path, bytes] = {}  # of the tables read, for the data version
    tables = {
        key: _load_table(root, indicator, record, economies, sources, issues, references, digests)
        for key, (indicator, record) in indicators.items()
    }
    _check_unclaimed_tables(root, indicators, issues)
    events = _load_optional(root, "events.yaml", Event, issues, references)
    claims = _load_optional(root, "claims.yaml", Claim, issues, references)
    reports = _load_optional(root, "reports.yaml", Report, issues, references)
    _check_claims_in_reports(claims, reports, issues)

    if issues:
        raise DataValidationError(issues, root)
    return Catalog(
        indicators={key: model for key, (model, _) in indicators.items()},
        sources={key: model for key, (model, _) in sources.items()},
        economies={key: model for key, (model, _) in economies.items()},
        tables=tables,
        data_dir=root,
        claims={claim.id: claim for claim, _ in claims.values()},
        reports={report.id: report for report, _ in reports.values()},
        events=tuple(sorted((event for event, _ in events.values()), key=lambda e: e.position)),
        version=data_version(root, digests),
    )


@dataclass(frozen=True)
class References:
    """Ids that entries may refer to; ``None`` where the defining file could not be read."""

    economies: set[str] | None
    sources: set[str] | None
    indicators: set[str] | None

    def check(
        self, kind: str, ident: str, rel: str, line: int, column: str, issues: IssueLog
    ) -> None:
        """Record an ``unknown_<kind>`` problem when ``ident`` is not defined."""
        known = {"economy": self.economies, "source": self.sources, "indicator": self.indicators}[
            kind
        ]
        if known is not None and ident not in known:
            issues.add(
                rel,
                line,
                column,
                f"unknown_{kind}",
                f"'{ident}' is not defined in {_DEFINED_IN[kind]}",
            )


_DEFINED_IN = {
    "economy": "economies.yaml",
    "source": "sources.yaml",
    "indicator": "indicators.yaml",
}


def _load_optional(
    root: Path, rel: str, model: type[Model], issues: IssueLog, references: References
) -> dict[str, tuple[Model, RawRecord]]:
    """Entries of an optional YAML file (events, claims), with their references checked."""
    if not (root / rel).exists():
        return {}
    entries, _ = _load_models(root, rel, model, "id", issues)
    for entry, record in entries.values():
        if isinstance(entry, Event):
            references.check(
                "source", entry.source_id, rel, record.line_of("source_id"), "source_id", issues
            )
            for code in entry.economies:
                references.check(
                    "economy", code, rel, record.line_of("economies"), "economies", issues
                )
        elif isinstance(entry, Claim):
            for kind, ident, path in referenced(entry):
                references.check(kind, ident, rel, record.line_of(path), path, issues)
        elif isinstance(entry, Report):
            for kind, ident, path in _report_references(entry):
                references.check(kind, ident, rel, record.line_of(path), path, issues)
    return entries


def _report_references(report: Report) -> list[tuple[str, str, str]]:
    """Every ``(kind, id, path)`` a report entry refers to."""
    refs = [("source", report.source, "source")]
    for index, figure in enumerate(report.figures):
        at = f"figures[{index}]"
        refs.append(("indicator", figure.indicator, f"{at}.indicator"))
        refs += [("source", s, f"{at}.edition[{i}]") for i, s in enumerate(figure.edition)]
        refs += [("economy", e, f"{at}.economies[{i}]") for i, e in enumerate(figure.economies)]
        if figure.later_indicator:
            refs.append(("indicator", figure.later_indicator, f"{at}.later_indicator"))
    return refs


def _check_claims_in_reports(
    claims: dict[str, tuple[Claim, RawRecord]],
    reports: dict[str, tuple[Report, RawRecord]],
    issues: IssueLog,
) -> None:
    """A claim's section and figure are ones its report's entry in reports.yaml lists."""
    by_source = {report.source: report for report, _ in reports.values()}
    for claim, record in claims.values():
        report = by_source.get(claim.report)
        if report is None:
            continue  # a report without a page: its claims still show on the claims page
        if claim.section and report.sections and claim.section not in report.sections:
            issues.add(
                "claims.yaml",
                record.line_of("section"),
                "section",
                "unknown_section",
                f"'{claim.section}' is not among the sections of '{report.id}' in reports.yaml",
            )
        if claim.figure and claim.figure not in {figure.id for figure in report.figures}:
            issues.add(
                "claims.yaml",
                record.line_of("figure"),
                "figure",
                "unknown_figure",
                f"'{claim.figure}' is not among the figures of '{report.id}' in reports.yaml",
            )


def _load_models(
    root: Path, rel: str, model: type[Model], key: str, issues: IssueLog
) -> tuple[dict[str, tuple[Model, RawRecord]], set[str]]:
    """Validate each entry of a YAML list; keep the valid ones by key, with their lines.

    Also returns every key written in the file, valid or not, so that references to an
    entry that failed validation are not reported a second time as unknown.
    """
    found: dict[str, tuple[Model, RawRecord]] = {}
    written: set[str] = set()
    for record in read_yaml_list(root / rel, rel, issues):
        written.add(str(record.fields.get(key)))
        validated = _validate(model, record.fields, rel, record, issues)
        if validated is None:
            continue
        ident = getattr(validated, key)
        if ident in found:
            first = found[ident][1].line
            issues.add(
                rel,
                record.line_of(key),
                key,
                "duplicate_id",
                f"'{ident}' is already defined on line {first}",
            )
            continue
        found[ident] = (validated, record)
    return found, written


def _validate(
    model: type[Model],
    data: dict[str, Any],
    rel: str,
    record: RawRecord,
    issues: IssueLog,
) -> Model | None:
    try:
        # What ``model.model_validate`` calls, without its keyword handling: a third of the cost
        # of validating a table row.
        return cast(Model, model.__pydantic_validator__.validate_python(data))
    except ValidationError as error:
        for detail in error.errors(include_url=False):
            path = _path(detail["loc"])
            issues.add(rel, record.line_of(path), path, *_describe(detail, model))
        return None


def _describe(detail: Any, model: type[BaseModel]) -> tuple[str, str]:
    """A stable code and a sentence for one pydantic error."""
    kind = detail["type"]
    name = str(detail["loc"][0]) if detail["loc"] else ""
    if kind == "missing":
        return "missing_field", "required field is missing"
    if kind == "extra_forbidden":
        allowed = ", ".join(model.model_fields)
        return "unknown_field", f"unknown field; allowed fields are {allowed}"
    if name == "year" and kind in {"greater_than_equal", "less_than_equal"}:
        return "year_out_of_range", (
            f"{detail['input']!r} is outside the accepted years {MIN_YEAR}–{MAX_YEAR}"
        )
    message = detail["msg"].removeprefix("Value error, ")
    value = detail["input"]
    shown = "" if isinstance(value, dict) else f"{value!r}: "  # a whole entry is too long to echo
    return _PYDANTIC_CODES.get(kind, "invalid_value"), f"{shown}{message}"


def _path(loc: tuple[int | str, ...]) -> str:
    """A pydantic location as the path curators see: ``checks[0].claimed``.

    Discriminated unions add the tag to the location (``checks.0.growth.claimed``); it is
    dropped, since the file has no such key.
    """
    path = ""
    for part in loc:
        if isinstance(part, int):
            path += f"[{part}]"
        elif part not in CHECK_KINDS:
            path += f".{part}" if path else part
    return path


# Tables larger than this are first checked column-wise (pandas), which pays once the table has
# some thousands of rows; smaller ones, like every curated table, are read row by row without it.
COLUMN_WISE_BYTES = 256 * 1024


def _load_table(
    root: Path,
    indicator: Indicator,
    indicator_record: RawRecord,
    economies: dict[str, tuple[Economy, RawRecord]],
    sources: dict[str, tuple[Source, RawRecord]],
    issues: IssueLog,
    references: References,
    digests: dict[Path, bytes],
) -> list[Row] | pd.DataFrame:
    """Validated rows of one indicator's table: plain rows sorted by ``ROW_ORDER``, or a frame.

    A large valid table is checked column-wise and kept as a frame; anything else is read row
    by row, which reports each problem where it stands (see ``indicators.columns``). The SHA-256
    of the table's bytes goes into ``digests``.
    """
    rel = indicator.table
    path = root / rel
    if not path.is_file():
        issues.add(
            "indicators.yaml",
            indicator_record.line_of("table"),
            "table",
            "missing_table",
            f"table '{rel}' does not exist",
        )
        return []
    table: list[Row] | pd.DataFrame | None = None
    data = path.read_bytes()
    digests[path] = hashlib.sha256(data).digest()
    if len(data) > COLUMN_WISE_BYTES:
        from indicators.columns import checked_frame  # pandas, for large tables only

        valid_sources = {key: source for key, (source, _) in sources.items()}
        frame = checked_frame(data, indicator, economies, valid_sources)
        if frame is not None:
            table = frame  # sorted when first used (``Catalog.rows``): loading stays fast
    if table is None:
        rows = _checked_rows(path, rel, indicator, economies, sources, issues, references)
        table = sorted(rows, key=attrgetter("source_id", "economy", "year"))
    if isinstance(table, list):
        main_rows = sum(1 for row in table if row.source_id == indicator.main_source)
    else:  # compared as a column: a Python loop over a million rows costs a third of a second
        main_rows = int((table["source_id"] == indicator.main_source).sum())
    main_source_valid = indicator.main_source in sources
    if len(table) and main_rows == 0 and main_source_valid and not issues.about(rel):
        issues.add(
            "indicators.yaml",
            indicator_record.line_of("main_source"),
            "main_source",
            "main_source_without_rows",
            f"no row of '{rel}' comes from '{indicator.main_source}'",
        )
    return table


def _checked_rows(
    path: Path,
    rel: str,
    indicator: Indicator,
    economies: dict[str, tuple[Economy, RawRecord]],
    sources: dict[str, tuple[Source, RawRecord]],
    issues: IssueLog,
    references: References,
) -> list[Row]:
    """The row-by-row path: every problem of every row, with its line and column."""
    rows: list[Row] = []
    seen: dict[tuple[str, int, str], int] = {}
    main_periods: dict[tuple[str, int], int] = {}
    joined = indicator.main_series if len(indicator.main_series) > 1 else ()  # several documents
    for record in read_csv_rows(path, rel, TABLE_COLUMNS, issues):
        observation = _observation(indicator, record, rel, issues)
        if observation is None:
            continue
        ok = True
        if observation.economy not in economies:
            ok = False  # unknown, or named but invalid (reported on its own line)
            references.check("economy", observation.economy, rel, record.line, "economy", issues)
        source = sources.get(observation.source_id, (None, None))[0]
        if source is None:
            ok = False
            references.check("source", observation.source_id, rel, record.line, "source_id", issues)
        elif observation.year > source.published_year and observation.status != "projection":
            issues.add(
                rel,
                record.line,
                "status",
                "unmarked_projection",
                f"{observation.year} is after '{source.id}' was published "
                f"({source.published}); status must be 'projection'",
            )
            ok = False
        if observation.status == "derived" and not observation.note:
            issues.add(
                rel,
                record.line,
                "note",
                "derived_without_method",
                "a derived value needs its method in the note (what was counted or computed)",
            )
            ok = False
        if indicator.nonnegative and observation.value < 0:
            issues.add(
                rel,
                record.line,
                "value",
                "negative_value",
                f"{observation.value:g} is negative; {indicator.unit} cannot be",
            )
            ok = False
        key = (observation.economy, observation.year, observation.source_id)
        if key in seen:
            issues.add(
                rel,
                record.line,
                "",
                "duplicate_row",
                f"{key[0]} {key[1]} from '{key[2]}' is already on line {seen[key]}",
            )
            ok = False
        seen.setdefault(key, record.line)
        if observation.source_id in joined:
            # Documents joined into the main series must not give the same period twice.
            period = (observation.economy, observation.year)
            if period in main_periods:
                issues.add(
                    rel,
                    record.line,
                    "source_id",
                    "main_series_overlap",
                    f"{period[0]} {period[1]} is already in the main series on line "
                    f"{main_periods[period]}; keep one of the two out of series_sources",
                )
                ok = False
            main_periods.setdefault(period, record.line)
        if ok:
            rows.append(
                Row(
                    indicator.id,
                    observation.economy,
                    observation.year,
                    indicator.period.label(observation.year),
                    observation.value,
                    observation.status.value,
                    observation.source_id,
                    observation.locator,
                    observation.note,
                )
            )
    return rows


def _observation(
    indicator: Indicator, record: RawRecord, rel: str, issues: IssueLog
) -> Observation | None:
    """Turn CSV text into typed fields, then let the model check them."""
    data: dict[str, Any] = {"indicator_id": indicator.id, **record.fields}
    ok = True
    year = record.fields["year"].strip()
    if _INTEGER.fullmatch(year):
        data["year"] = int(year)
    else:
        issues.add(rel, record.line, "year", "invalid_year", f"{year!r} is not a whole number")
        ok = False
    value = record.fields["value"].strip()
    number = float(value) if _NUMBER.fullmatch(value) else math.nan
    if math.isfinite(number):
        data["value"] = number
    else:
        issues.add(rel, record.line, "value", *_number_problem(value))
        ok = False
    if not ok:
        return None
    return _validate(Observation, data, rel, record, issues)


def _number_problem(value: str) -> tuple[str, str]:
    """Code and message for a value that is not a finite number written plainly."""
    if not value:
        return "missing_value", "value is empty"
    if _NON_FINITE.fullmatch(value) or _NUMBER.fullmatch(value):  # inf, nan, 1e309
        return "non_finite", f"{value!r} is not a finite number"
    return "invalid_number", f"{value!r} is not a number"


def _check_unclaimed_tables(
    root: Path, indicators: dict[str, tuple[Indicator, RawRecord]], issues: IssueLog
) -> None:
    claimed = {indicator.table for indicator, _ in indicators.values()}
    tables = root / "tables"
    if not tables.is_dir() or issues.about("indicators.yaml"):
        return  # with indicators.yaml broken, the list of claimed tables is incomplete
    for path in sorted(tables.iterdir()):
        rel = f"tables/{path.name}"
        if path.name.startswith("."):
            continue
        if rel not in claimed:
            issues.add(
                rel, 0, "", "unclaimed_table", "no indicator in indicators.yaml names this table"
            )
