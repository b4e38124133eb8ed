"""The indicator pages and the sources index as served."""

from __future__ import annotations

import html as escaping

import pytest
from flask.testing import FlaskClient

from dashboard.factory import create_app
from indicators import Catalog, load_catalog
from indicators.load import REPO_DATA_DIR


@pytest.fixture(scope="module")
def real() -> Catalog:
    return load_catalog(REPO_DATA_DIR)


@pytest.fixture(scope="module")
def client(real: Catalog) -> FlaskClient:
    test_client: FlaskClient = create_app(real).server.test_client()
    return test_client


def _page(client: FlaskClient, path: str) -> str:
    response = client.get(path)
    assert response.status_code == 200, path
    return escaping.unescape(response.get_data(as_text=True))


def test_every_indicator_has_a_page_with_everything_about_it(
    client: FlaskClient, real: Catalog
) -> None:
    for indicator in real.indicators.values():
        page = _page(client, f"/indicators/{indicator.id}")
        assert f"<h1>{indicator.title}</h1>" in page
        assert indicator.definition in page
        assert all(caveat in page for caveat in indicator.caveats)
        for source_id in real.source_ids(indicator.id):  # each source, with its card
            assert f'id="source-{source_id}"' in page and real.sources[source_id].license in page
        assert f'href="/download/{indicator.id}.csv"' in page
    assert client.get("/indicators/no_such_indicator").status_code == 404


def test_coverage_counts_the_values_of_each_source(client: FlaskClient, real: Catalog) -> None:
    page = _page(client, "/indicators/rd_expenditure_ppp")
    row = page[page.index("OECD MSTI, STI Scoreboard extract of May 2025 (main series)") :]
    row = row[: row.index("</tr>")]
    # 24 yearly values for each economy, 2000-2023 (the May 2025 extract).
    assert "China: 24 values, 2000–2023" in row and "US: 24 values, 2000–2023" in row


def test_the_load_lines_name_this_site_and_the_citation_the_version(
    client: FlaskClient, real: Catalog
) -> None:
    page = _page(client, "/indicators/rd_intensity")
    assert 'pd.read_csv("http://localhost/download/rd_intensity.csv")' in page
    assert 'read.csv("http://localhost/download/rd_intensity.csv")' in page
    assert f"data version {real.version}, http://localhost/indicators/rd_intensity" in page


def test_related_indicators_share_a_category_or_the_words_people_use(
    client: FlaskClient,
) -> None:
    page = _page(client, "/indicators/stem_phd_graduates")
    related = page[page.index("Related indicators") : page.index("Use the data")]
    assert "/indicators/se_doctoral_degrees" in related
    assert "/indicators/stem_phd_graduates" not in related


def test_the_sources_index_opens_every_indicator_page(client: FlaskClient, real: Catalog) -> None:
    page = _page(client, "/sources")
    for indicator_id in real.indicators:
        assert f'<a id="indicator-{indicator_id}" href="/indicators/{indicator_id}">' in page
    for source_id in real.sources:
        assert f'id="source-{source_id}"' in page
    # An index, not every card again: the single page it replaces was 386 KB of HTML.
    assert len(page) < 200_000
