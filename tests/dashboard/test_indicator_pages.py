"""The indicator pages and the sources index as served."""

from __future__ import annotations

import html as escaping

from flask.testing import FlaskClient

from indicators import Catalog


def _page(real_client: FlaskClient, path: str) -> str:
    response = real_client.get(path)
    assert response.status_code == 200, path
    return escaping.unescape(response.get_data(as_text=True))


def test_every_indicator_has_a_page_with_everything_about_it(
    real_client: FlaskClient, real: Catalog
) -> None:
    for indicator in real.indicators.values():
        page = _page(real_client, f"/indicators/{indicator.id}")
        assert f"<h1>{indicator.title}</h1>" in page
        assert indicator.definition in page
        assert all(caveat in page for caveat in indicator.caveats)
        for source_id in real.source_ids(indicator.id):  # each source, with its card
            assert f'id="source-{source_id}"' in page and real.sources[source_id].license in page
        assert f'href="/download/{indicator.id}.csv"' in page
    assert real_client.get("/indicators/no_such_indicator").status_code == 404


def test_coverage_counts_the_values_of_each_source(real_client: FlaskClient, real: Catalog) -> None:
    page = _page(real_client, "/indicators/rd_expenditure_ppp")
    row = page[page.index("OECD MSTI, STI Scoreboard extract of May 2025 (main series)") :]
    row = row[: row.index("</tr>")]
    # 24 yearly values for each economy, 2000-2023 (the May 2025 extract).
    assert "China: 24 values, 2000–2023" in row and "US: 24 values, 2000–2023" in row
    # When the next edition comes, where the publisher says; else that it did not say.
    card = page[page.index('id="source-oecd_sti_g_ppp_2025_05"') :]
    assert "Next release: </strong>twice a year (OECD on MSTI: 'This biannual publication')" in card
    other = _page(real_client, "/indicators/cn_st_agreements")
    assert "Next release: </strong>not announced in what we read." in other


def test_the_load_lines_name_this_site_and_the_citation_the_version(
    real_client: FlaskClient, real: Catalog
) -> None:
    page = _page(real_client, "/indicators/rd_intensity")
    assert 'pd.read_csv("http://localhost/download/rd_intensity.csv")' in page
    assert 'read.csv("http://localhost/download/rd_intensity.csv")' in page
    assert f"data version {real.version}, http://localhost/indicators/rd_intensity" in page


def test_related_indicators_share_a_category_or_the_words_people_use(
    real_client: FlaskClient,
) -> None:
    page = _page(real_client, "/indicators/stem_phd_graduates")
    related = page[page.index("Related indicators") : page.index("Use the data")]
    assert "/indicators/se_doctoral_degrees" in related
    assert "/indicators/stem_phd_graduates" not in related


def test_the_sources_index_opens_every_indicator_page(
    real_client: FlaskClient, real: Catalog
) -> None:
    page = _page(real_client, "/sources")
    for indicator_id in real.indicators:
        assert f'<a id="indicator-{indicator_id}" href="/indicators/{indicator_id}">' in page
    for source_id in real.sources:
        assert f'id="source-{source_id}"' in page
    # An index, not every card again: the single page it replaces was 386 KB of HTML.
    assert len(page) < 200_000
