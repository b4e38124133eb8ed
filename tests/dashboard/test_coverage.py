"""Per-million view, source variants, events overlay and the claims page, on the real catalog."""

from __future__ import annotations

from dataclasses import replace
from itertools import pairwise
from typing import Any

import pytest

from dashboard.claims_page import claim_url, claims_page
from dashboard.figures import trend_figure
from dashboard.state import choices, default_state, from_query
from dashboard.summary import key_figures, sentence
from dashboard.views import build
from indicators import Catalog, load_catalog
from indicators.claims import evaluate_all
from indicators.load import REPO_DATA_DIR


@pytest.fixture(scope="module")
def real() -> Catalog:
    return load_catalog(REPO_DATA_DIR)


def test_per_million_divides_by_population_of_the_same_year(real: Catalog) -> None:
    state = replace(default_state(real), view="per_million", years=(2010, 2022))
    plot = build(real, state)
    gerd = {(row.economy, row.year): row.value for row in real.points("rd_expenditure_ppp")}
    people = {(row.economy, row.year): row.value for row in real.points("population")}
    china = next(line for line in plot.lines if line.key == "CHN")
    (value_2020,) = [point.value for point in china.points if point.year == 2020]
    assert value_2020 == pytest.approx(gerd[("CHN", 2020)] / people[("CHN", 2020)])
    assert plot.y_title == "billion current PPP US dollars per million people"
    assert sentence(plot, real).endswith(
        "(OECD MSTI, STI Scoreboard extract of May 2025; population: "
        # The population source's own parentheses ("(Dec 2023 release)") nest as brackets.
        + real.sources[real.indicators["population"].main_source]
        .citation.replace("(", "[")
        .replace(")", "]")
        + ")."
    )


def test_per_million_is_offered_only_for_counts_and_money(real: Catalog) -> None:
    assert "per_million" in choices(real, "researchers_fte").views
    assert "per_million" not in choices(real, "rd_intensity").views
    assert "per_million" not in choices(real, "population").views


def test_source_variants_are_drawn_beside_the_main_series(real: Catalog) -> None:
    state, _ = from_query("?indicator=rd_expenditure_ppp&sources=all&from=2000&to=2023", real)
    plot = build(real, state)
    others = [line.name for line in plot.lines if not line.main]
    assert "China · NSB Indicators 2022, Table SRD-1" in others
    assert "US · NSB Indicators 2025, Discovery" in others
    # The main series of the yuan indicator joins NBS's annual communiqués, each row cited.
    yuan = build(real, default_state(real, "rd_expenditure_cny"))
    main = next(line for line in yuan.lines if line.main)
    assert len({point.source_id for point in main.points}) >= 9
    years = [point.year for point in main.points]
    assert years == sorted(years)


def test_events_overlay_numbers_events_in_view(real: Catalog) -> None:
    state, _ = from_query("?indicator=rd_expenditure_ppp&events=on&from=2015&to=2023", real)
    figure = trend_figure(build(real, state), real)
    numbered = [a for a in figure["layout"]["annotations"] if "hovertext" in a]
    in_view = [e for e in real.events if 2015 <= e.position < 2024]
    assert [a["text"] for a in numbered] == [str(n) for n in range(1, len(in_view) + 1)]
    assert [a["x"] for a in numbered] == [e.position for e in in_view]


def test_every_claim_links_to_a_valid_chart_view(real: Catalog) -> None:
    for result in evaluate_all(real):
        url = claim_url(real, result.claim)
        if all(check.kind == "document" for check in result.claim.checks):
            assert url is None  # a claim read from documents only has no chart
            continue
        assert url is not None and url.startswith("/?indicator=")
        state, notices = from_query(url[1:], real)
        assert notices == [], (result.claim.id, notices)
        assert state.indicator in result.claim.indicators()


def test_claims_page_lists_every_claim_with_its_verdict(real: Catalog) -> None:
    page = claims_page(real)
    text = str(page)
    for claim_id in real.claims:
        assert f"claim-card-{claim_id}" in text
    assert "Differs from the evidence" in text or "Consistent with the evidence" in text


def test_lines_join_only_values_of_one_series_close_in_time(real: Catalog) -> None:
    """A line between two values says the years between followed it: only values of one source
    (or of the documents declared as one main series) at most two years apart are joined."""
    for indicator_id in real.indicators:
        state, _ = from_query(f"?indicator={indicator_id}&sources=all", real)
        for trace in trend_figure(build(real, state), real)["data"]:
            if trace.get("meta") == "crossing" or "lines" not in trace["mode"]:
                continue
            main = trace["line"]["width"] == 3
            values = zip(trace["x"], trace["customdata"], strict=True)
            for (before, first), (after, second) in pairwise(values):
                if before is None or after is None:
                    continue
                where = f"{indicator_id} {trace['name']} {before}–{after}"
                projection = "projection" in (first[1], second[1])
                assert projection or after - before <= 2, where
                assert main or first[2] == second[2], where

    def drawn(indicator_id: str) -> dict[str, dict[str, Any]]:
        figure = trend_figure(build(real, default_state(real, indicator_id)), real)
        return {trace["name"]: trace for trace in figure["data"]}

    # Dated statements years apart are dots; anchor years a decade apart too.
    assert drawn("iso_secretariats")["China"]["mode"] == "markers"
    phds = drawn("stem_phd_graduates")["China"]
    assert phds["mode"] == "markers" and phds["x"] == [2000, None, 2010, None, 2019]
    # Open Doors editions declared as one series continue the China line to 2024/25.
    students = drawn("students_in_partner")["China"]
    assert students["x"][-3:] == [2022, 2023, 2024] and None not in students["x"]
    # A later value of another source is drawn by default, thin.
    later = drawn("rd_intensity")["China · other sources"]
    assert later["x"] == [2024] and later["line"]["width"] == 1.5


def test_a_share_changes_by_points_and_a_level_grows_by_percent(real: Catalog) -> None:
    def figures(indicator_id: str) -> dict[str, tuple[str, str]]:
        plot = build(real, default_state(real, indicator_id))
        return {f.label: (f.value, f.detail) for f in key_figures(plot, real)}

    share = figures("rd_share_world")
    assert "US, growth" not in share
    assert share["US, change"] == ("-10.0 points", "percentage points, 2000–2019")
    assert figures("rd_expenditure_ppp")["US, growth"][0].endswith("% a year")


def test_event_numbers_close_in_time_take_rows_of_their_own() -> None:
    from dashboard.figures import event_rows

    # A 30-year view: a number needs two years; 2019, 2019.5 and 2020 are three rows.
    assert event_rows([2000, 2010, 2019, 2019.5, 2020, 2025], 30) == [0, 0, 0, 1, 2, 0]
    assert event_rows([2020 + i / 10 for i in range(6)], 30) == [0, 1, 2, 3, 0, 1]


def test_no_line_crosses_a_break_in_series(real: Catalog) -> None:
    # Pew moved its US survey from the telephone to an online panel in 2021.
    figure = trend_figure(build(real, default_state(real, "us_unfavourable_view_china")), real)
    (us,) = [trace for trace in figure["data"] if trace["name"] == "US"]
    at = us["x"].index(2021)
    assert us["x"][at - 1] is None and us["x"][at - 2] == 2020


def test_the_claims_page_and_api_carry_the_reports_words(real: Catalog) -> None:
    import html as escaping

    from dashboard.factory import create_app

    client = create_app(real).server.test_client()
    page = escaping.unescape(client.get("/claims").get_data(as_text=True))
    claim = real.claims["quincy_rd_growth"]
    assert f'<blockquote class="report-quote"><p>{claim.quote}</p></blockquote>' in page
    (served,) = [
        c for c in client.get("/api/v1/claims").get_json()["claims"] if c["id"] == claim.id
    ]
    assert (served["quote"], served["section"]) == (claim.quote, "Technological Parity")
