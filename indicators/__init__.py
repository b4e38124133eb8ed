"""US–China S&T indicators: curated, cited data validated into one catalog.

Public API::

    from indicators import load_catalog, DataValidationError
    catalog = load_catalog()            # the repository's data/ (or $INDICATORS_DATA_DIR)
    catalog.observations                # tidy DataFrame, one row per value, with its source
    catalog.series("rd_expenditure_ppp", economies=["USA", "CHN"])
"""

from indicators.catalog import Catalog
from indicators.issues import DataIssue, DataValidationError
from indicators.load import load_catalog
from indicators.models import Economy, Indicator, Observation, Source

__all__ = [
    "Catalog",
    "DataIssue",
    "DataValidationError",
    "Economy",
    "Indicator",
    "Observation",
    "Source",
    "load_catalog",
]
