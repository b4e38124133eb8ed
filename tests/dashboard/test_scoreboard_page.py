"""The scoreboard page as served: a row per indicator opening its chart, filters as links."""

from __future__ import annotations

import html as escaping
import re

from flask.testing import FlaskClient

from dashboard.state import from_query
from indicators import Catalog


def test_every_row_opens_a_valid_chart_view(real_client: FlaskClient, real: Catalog) -> None:
    page = real_client.get("/scoreboard").get_data(as_text=True)
    links = re.findall(r'<td data-label="Indicator"><div><a href="/\?([^"]+)"', page)
    assert len(links) == len(real.indicators) - 1
    for query in links:
        state, notices = from_query(escaping.unescape(query), real)
        assert (notices == [] and state.economies == ("USA", "CHN")) or len(state.economies) == 1
    assert page.count('<svg xmlns="http://www.w3.org/2000/svg" class="minichart"') == len(links)


def test_a_filtered_view_is_a_link_and_a_bad_one_a_plain_400(real_client: FlaskClient) -> None:
    page = escaping.unescape(
        real_client.get("/scoreboard?category=talent&q=PhD").get_data(as_text=True)
    )
    assert "STEM PhD graduates (CSET definition)" in page
    assert "Gross domestic expenditure on R&D" not in page
    assert '<option selected value="talent">' in page  # the form shows what was asked
    for bad in ("category=nope", "sort=size", "q=" + "x" * 81, "page=2"):
        response = real_client.get(f"/scoreboard?{bad}")
        assert response.status_code == 400 and response.mimetype == "text/plain"
        assert "Traceback" not in response.get_data(as_text=True)


def test_the_latest_value_is_the_newest_the_catalog_holds(real_client: FlaskClient) -> None:
    # China's R&D intensity: OECD stops at 2023; NBS (via Xinhua) gives 2.68 for 2024.
    page = escaping.unescape(real_client.get("/scoreboard?q=intensity").get_data(as_text=True))
    row = page[page.index("R&D intensity") :]
    row = row[: row.index("</tr>")]
    assert "2.68 % of GDP (2024)" in row and "0.75 (2023)" in row
