"""Load the catalog for serving, refusing to start on invalid data."""

from __future__ import annotations

import sys
from pathlib import Path

from indicators import Catalog, DataValidationError, load_catalog
from indicators.cache import cached
from indicators.load import default_data_dir


def load_or_exit(data_dir: Path | str | None = None) -> Catalog:
    """The validated catalog; on any data problem, print every message and exit with status 1.

    The dashboard never serves a partial catalog. A catalog that passed every check is kept for
    the next start on the same files (``indicators.cache``).
    """
    root = Path(data_dir) if data_dir is not None else default_data_dir()
    try:
        return cached(root, load_catalog)
    except DataValidationError as error:
        print(error, file=sys.stderr)
        print(
            "The dashboard did not start: fix the data above and start it again.", file=sys.stderr
        )
        raise SystemExit(1) from None
