"""What a view says about itself before it is opened: its page title, its description, and the
OpenGraph and Twitter tags a link preview is made of (with the view's image, ``/chart.png``).

The chart page is one Dash page for every view, so the server writes these into the page per
request (``Dashboard.interpolate_index``), from the query the visitor came with; the browser
keeps the title in step as the view changes (``assets/clientside.js``, ``views.title``).
"""

from __future__ import annotations

from functools import lru_cache
from html import escape

from dashboard.state import VIEW_LABELS, ViewState, from_query, to_query
from dashboard.summary import sentence
from dashboard.views import build
from indicators import Catalog

SITE_NAME = "US–China S&T Indicators"
IMAGE_SIZE = (1200, 700)


def view_title(catalog: Catalog, state: ViewState) -> str:
    """ "China ÷ US: R&D intensity (GERD as a share of GDP), 2000–2023"."""
    indicator = catalog.indicators[state.indicator]
    years = f"{state.years[0]}–{state.years[1]}"
    names = " and ".join(catalog.economies[code].label for code in state.economies)
    if state.view in ("ratio", "difference"):
        return f"{VIEW_LABELS[state.view]}: {indicator.title}, {years}"
    if state.view == "indexed":
        return f"{indicator.title}, indexed ({state.base_year} = 100): {names}, {years}"
    if state.view == "per_million":
        return f"{indicator.title} per million people: {names}, {years}"
    return f"{indicator.title}: {names}, {years}"


def page_title(catalog: Catalog, state: ViewState) -> str:
    """The browser tab's title for a view."""
    return f"{view_title(catalog, state)} · {SITE_NAME}"


@lru_cache(maxsize=1024)  # keyed by the visitor's query and host: bounded
def head(catalog: Catalog, query: str, site: str) -> tuple[str, str]:
    """The page title and the meta tags (as HTML) of the view ``query`` names, at ``site``
    (``https://host/``)."""
    state, _ = from_query(query, catalog)
    canonical = to_query(state)
    description = sentence(build(catalog, state), catalog)
    title = view_title(catalog, state)
    base = site.rstrip("/")
    tags = [
        ("name", "viewport", "width=device-width, initial-scale=1"),
        ("name", "description", description),
        ("property", "og:type", "website"),
        ("property", "og:site_name", SITE_NAME),
        ("property", "og:title", title),
        ("property", "og:description", description),
        ("property", "og:url", f"{base}/{canonical}"),
        ("property", "og:image", f"{base}/chart.png{canonical}"),
        ("property", "og:image:width", str(IMAGE_SIZE[0])),
        ("property", "og:image:height", str(IMAGE_SIZE[1])),
        ("property", "og:image:alt", description),
        ("name", "twitter:card", "summary_large_image"),
        ("name", "twitter:title", title),
        ("name", "twitter:description", description),
        ("name", "twitter:image", f"{base}/chart.png{canonical}"),
    ]
    metas = "".join(
        f'<meta {kind}="{escape(key, quote=True)}" content="{escape(value, quote=True)}">'
        for kind, key, value in tags
    )
    return f"{title} · {SITE_NAME}", metas
