"""Component ids, in one place so layout, callbacks and tests agree."""

URL = "url"
NOTICE = "notice"
EXPLORER = "explorer-page"
SOURCES_PAGE = "sources-page"
NOT_FOUND = "not-found-page"

INDICATOR = "indicator"
INDICATOR_INFO = "indicator-info"
ECONOMIES = "economies"
VIEW = "view"
SCALE = "scale"
BASE_YEAR = "base-year"
BASE_YEAR_FIELD = "base-year-field"
YEARS = "years"
ALL_SOURCES = "all-sources"
EVENTS = "events"
EVENTS_LIST = "events-list"
CLAIMS_PAGE = "claims-page"

CHART = "chart"
CHART_TITLE = "chart-title"
CHART_SUBTITLE = "chart-subtitle"
CHART_NOTES = "chart-notes"
SENTENCE = "sentence"
KEY_FIGURES = "key-figures"
CAVEATS = "caveats"
# The summaries that open the data and sources panels (a first click asks for their content).
DATA_SUMMARY = "data-summary"
SOURCES_SUMMARY = "sources-summary"
TABLE_BODY = "table-body"
TABLE_SORT = "table-sort"
SOURCES_PANEL = "indicator-sources"
DOWNLOAD_VIEW = "download-view"
DOWNLOAD_INDICATOR = "download-indicator"
DOWNLOAD_ALL = "download-all"
EXPORT_PNG = "export-png"
EXPORT_SVG = "export-svg"
EXPORT_STATUS = "export-status"


def sort_button(column: str) -> str:
    """Id of the header button that sorts the table by ``column``."""
    return f"sort-{column}"


CITATION = "citation"
