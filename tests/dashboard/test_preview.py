"""Each view names itself: its title, description and preview tags; the embed view is framable."""

from __future__ import annotations

import html as escaping
import re

import pytest
from flask.testing import FlaskClient

from dashboard.preview import view_title
from dashboard.state import from_query
from indicators import Catalog

RATIO = "indicator=rd_intensity&view=ratio&scale=linear&from=2000&to=2023&economies=USA,CHN"


def _metas(page: str) -> dict[str, str]:
    found = re.findall(r'<meta (?:name|property)="([^"]+)" content="([^"]*)">', page)
    return {key: escaping.unescape(value) for key, value in found}


@pytest.mark.parametrize(
    ("query", "title"),
    [
        (RATIO, "China ÷ US: R&D intensity (GERD as a share of GDP), 2000–2023"),
        (
            "indicator=stem_phd_graduates&view=indexed&base=2010",
            "STEM PhD graduates (CSET definition), indexed (2010 = 100): US and China, 2000–2025",
        ),
        (
            "indicator=pct_applications&economies=CHN",
            "International patent applications under the PCT: China, 2000–2024",
        ),
    ],
)
def test_a_view_is_named_by_what_it_shows(real: Catalog, query: str, title: str) -> None:
    state, notices = from_query(query, real)
    assert notices == []
    assert view_title(real, state) == title


def test_the_chart_page_carries_the_views_title_and_preview(real_client: FlaskClient) -> None:
    page = real_client.get(f"/?{RATIO}").get_data(as_text=True)
    title = re.search(r"<title>(.*?)</title>", page)
    assert title and escaping.unescape(title.group(1)) == (
        "China ÷ US: R&D intensity (GERD as a share of GDP), 2000–2023 · US–China S&T Indicators"
    )
    metas = _metas(page)
    assert metas["og:title"] == "China ÷ US: R&D intensity (GERD as a share of GDP), 2000–2023"
    assert metas["og:image"] == f"http://localhost/chart.png?{RATIO}"
    assert metas["og:url"] == f"http://localhost/?{RATIO}"
    assert metas["twitter:card"] == "summary_large_image"
    assert (
        metas["description"].startswith("China's R&D intensity") and len(metas["description"]) > 60
    )
    # Another view, another name; the bare address names the default view.
    other = _metas(real_client.get("/?indicator=pct_applications").get_data(as_text=True))
    assert other["og:title"] != metas["og:title"]
    assert (
        "Gross domestic expenditure"
        in _metas(real_client.get("/").get_data(as_text=True))["og:title"]
    )


def test_the_embed_view_may_be_framed_anywhere_and_runs_no_script(real_client: FlaskClient) -> None:
    response = real_client.get(f"/embed?{RATIO}")
    assert response.status_code == 200
    policy = response.headers["Content-Security-Policy"]
    assert "frame-ancestors *" in policy and "script-src 'none'" in policy
    page = escaping.unescape(response.get_data(as_text=True))
    assert f'<img class="embed-chart" src="/chart.svg?{RATIO}"' in page
    assert f'href="http://localhost/?{RATIO}"' in page and "<script" not in page
    # Everything else keeps its policy: framed by this site only, its own scripts.
    chart = real_client.get("/").headers["Content-Security-Policy"]
    assert "frame-ancestors 'self'" in chart and "script-src 'self'" in chart
    assert real_client.get("/embed?indicator=nope").status_code == 400
