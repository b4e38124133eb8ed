"""Claims page, policy timeline, per-million view and source variants in Chromium."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from indicators import Catalog, load_catalog
from tests.browser.test_explorer import open_chart, traces, wait_for_query


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog()


def test_claims_page_shows_every_claim_and_opens_its_chart(
    page: Page, server: str, catalog: Catalog
) -> None:
    page.goto(server + "/claims")
    expect(page.locator("#claims-page")).to_be_visible()
    cards = page.locator("#claims-page article.claim")
    expect(cards).to_have_count(len(catalog.claims))
    growth = page.locator("#claim-card-quincy_rd_growth")
    expect(growth).to_contain_text("10.8% a year (2019–2023)")
    expect(growth).to_contain_text("nominal yuan")
    expect(growth).to_contain_text("8.9% a year")  # the constant-PPP basis, shown beside it
    growth.get_by_role("link", name="Open the chart that shows it").click()
    page.wait_for_selector("#chart .js-plotly-plot .scatterlayer .trace")
    wait_for_query(page, "indicator", "rd_expenditure_cny")
    assert page.console.errors == []  # type: ignore[attr-defined]


def test_policy_events_overlay_and_list(page: Page, server: str, catalog: Catalog) -> None:
    open_chart(page, server + "/?indicator=rd_expenditure_ppp&from=2015&to=2023")
    page.get_by_label("Show policy events").check()
    wait_for_query(page, "events", "on")
    in_view = [e for e in catalog.events if 2015 <= e.position < 2024]
    expect(page.locator("#events-list li")).to_have_count(len(in_view))
    expect(page.locator("#events-list")).to_contain_text("CHIPS and Science Act")
    shapes = page.evaluate(
        "() => document.querySelector('#chart .js-plotly-plot').layout.shapes"
        ".filter(s => s.line.dash === 'dot' && s.yref === 'paper').length"
    )
    assert shapes == len(in_view)


def test_per_million_view_plots_value_over_population(
    page: Page, server: str, catalog: Catalog
) -> None:
    open_chart(page, server + "/?indicator=researchers_fte&from=2010&to=2020")
    page.get_by_label("Per million people").check()
    wait_for_query(page, "view", "per_million")
    drawn = {t["name"]: dict(zip(t["x"], t["y"], strict=True)) for t in traces(page)}
    researchers = catalog.series("researchers_fte").set_index(["economy", "year"])["value"]
    people = catalog.series("population").set_index(["economy", "year"])["value"]
    expected = researchers[("CHN", 2015)] / people[("CHN", 2015)]
    assert drawn["China"][2015] == pytest.approx(expected)


def test_other_sources_checkbox_adds_thinner_labelled_series(page: Page, server: str) -> None:
    open_chart(page, server + "/")
    page.get_by_label("Show other sources' series beside the main one").check()
    wait_for_query(page, "sources", "all")
    names = {trace["name"] for trace in traces(page)}
    assert {"US", "China", "US · other sources", "China · other sources"} <= names


def test_cite_this_view_in_one_click(page: Page, server: str, catalog: Catalog) -> None:
    open_chart(page, server + "/?indicator=rd_intensity&view=ratio")
    expect(page.locator("#data-version")).to_have_text(catalog.version)
    page.get_by_text("Cite this view").click()
    citation = page.locator("#citation")
    expect(citation).to_be_visible()
    text = citation.inner_text()
    assert text.startswith("R&D intensity")
    assert f"data version {catalog.version}" in text
    assert f"{server}/?indicator=rd_intensity&view=ratio" in text
    assert "(accessed " in text
    assert catalog.sources[catalog.indicators["rd_intensity"].main_source].title in text


def test_sources_page_links_the_data_package_and_citations(page: Page, server: str) -> None:
    page.goto(server + "/sources")
    with page.expect_download() as download:
        page.get_by_role("link", name="the data package").click()
    assert download.value.suggested_filename.startswith("us-china-st-indicators-")
    # Each source's citation files are on the pages of the indicators it serves.
    page.goto(server + "/indicators/rd_intensity")
    bib = page.locator("#indicator-page-rd_intensity a[href$='.bib']").first
    assert bib.get_attribute("href", timeout=5000).startswith("/cite/")  # type: ignore[union-attr]
