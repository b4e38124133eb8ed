"""Command line: ``python -m indicators validate [DATA_DIR]`` and ``export OUT_DIR``."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from indicators import plausibility
from indicators.catalog import Catalog
from indicators.issues import DataValidationError
from indicators.load import default_data_dir, load_catalog
from indicators.package import write_package


def describe(catalog: Catalog) -> str:
    """A summary of the catalog: totals, then one line per indicator and source."""
    counts = catalog.summary()
    lines = [
        "Catalog is valid: " + ", ".join(f"{value} {key}" for key, value in counts.items()),
        f"Data version: {catalog.version}",
        "",
    ]
    for indicator_id, indicator in catalog.indicators.items():
        label = indicator.period.label
        lines.append(f"{indicator_id}  ({indicator.unit})")
        for held in catalog.coverage(indicator_id):
            economies = ", ".join(
                f"{code} {count} ({label(first)}–{label(last)})"
                for code, (count, first, last) in held.economies.items()
            )
            lines.append(f"  {'*' if held.main else ' '} {held.source_id}: {economies}")
    lines.append("")
    lines.append("* main series")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    parser = argparse.ArgumentParser(prog="python -m indicators", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    validate = commands.add_parser("validate", help="validate a data directory and summarise it")
    validate.add_argument(
        "data_dir",
        nargs="?",
        type=Path,
        default=None,
        help=f"data directory (default: {default_data_dir().name}/ of the repo "
        "or $INDICATORS_DATA_DIR)",
    )
    export = commands.add_parser(
        "export", help="write a Frictionless Data Package (datapackage.json and CSVs)"
    )
    export.add_argument("out_dir", type=Path, help="folder to write the package into")
    export.add_argument("--data", type=Path, default=None, help="data directory to export")
    args = parser.parse_args(argv)
    try:
        catalog = load_catalog(args.data_dir if args.command == "validate" else args.data)
    except DataValidationError as error:
        print(error, file=sys.stderr)
        return 1
    if args.command == "export":
        path = write_package(catalog, args.out_dir)
        print(f"Wrote {path} (data version {catalog.version})")
        return 0
    implausible = plausibility.check(catalog)
    if implausible:
        print(DataValidationError(implausible, catalog.data_dir), file=sys.stderr)
        return 1
    print(describe(catalog))
    return 0
