"""The report pages: served, in the report's order, with a small chart for each claim with data,
and the charts themselves: round ticks, lines that join only values of one series."""

from __future__ import annotations

import html as escaping
import re
import xml.etree.ElementTree as ET

from flask.testing import FlaskClient

from dashboard import minichart
from dashboard.markup import to_html
from dashboard.state import ViewState
from dashboard.views import Line, Plot, Point
from indicators import Catalog

SVG = "{http://www.w3.org/2000/svg}"


def _point(year: int, value: float, source: str = "a", status: str = "reported") -> Point:
    return Point(year, str(year), value, status, source, "loc", "")


def _plot(*lines: Line) -> Plot:
    state = ViewState("x", "levels", "linear", (2000, 2025), ("USA", "CHN"), 2000)
    return Plot(state, lines, (), "unit")


def test_every_report_has_its_page_and_an_unknown_one_is_not_found(
    real_client: FlaskClient, real: Catalog
) -> None:
    for report in real.reports.values():
        response = real_client.get(f"/reports/{report.id}")
        assert response.status_code == 200
        page = escaping.unescape(response.get_data(as_text=True))
        assert real.sources[report.source].title in page
    missing = real_client.get("/reports/no_such_report")
    assert missing.status_code == 404
    assert "Traceback" not in missing.get_data(as_text=True)


def test_the_brief_page_follows_its_sections_with_every_claim_in_order(
    real_client: FlaskClient, real: Catalog
) -> None:
    page = real_client.get("/reports/quincy_2025").get_data(as_text=True)
    report = real.reports["quincy_2025"]
    headings = [page.index(f'id="section-{i}"') for i in range(len(report.sections))]
    assert headings == sorted(headings)
    claims = [c for c in real.claims.values() if c.report == report.source]
    cards = [page.index(f'id="claim-card-{c.id}"') for c in claims]
    assert cards == sorted(cards)
    for claim in claims:  # each card stands under its own section's heading
        at = page.index(f'id="claim-card-{claim.id}"')
        section = report.sections.index(claim.section)
        assert headings[section] < at
        assert section + 1 == len(headings) or at < headings[section + 1], claim.id
    # The two figures, each after its section's claims, each drawn twice (edition, latest).
    for figure in report.figures:
        block = page[page.index(f'id="figure-{figure.id}"') :]
        # Edition and latest, each drawn wide and narrow (the screen's width picks one).
        assert block.count('class="minichart wide"') >= 2
        assert block.count('class="minichart narrow"') >= 2


def test_a_misstated_figure_is_named_and_the_document_quoted(real_client: FlaskClient) -> None:
    page = escaping.unescape(real_client.get("/reports/quincy_2025").get_data(as_text=True))
    card = page[page.index('id="claim-card-quincy_deepseek_r1_cost"') :]
    card = card[: card.index("</article>")]
    assert "Figure of another thing" in card and "Differs from the evidence" in card
    assert "DeepSeek-V3 is trained on a cluster equipped with 2048 NVIDIA H800 GPUs." in card
    assert '<p class="finding">' in card


def test_then_and_now_is_shown_and_served(real_client: FlaskClient) -> None:
    page = escaping.unescape(real_client.get("/claims").get_data(as_text=True))
    card = page[page.index('id="claim-card-quincy_chinese_students"') :]
    card = card[: card.index("</article>")]
    assert "265,919 students (CHN, 2024/25)" in card and "has changed" in card
    (served,) = [
        c
        for c in real_client.get("/api/v1/claims").get_json()["claims"]
        if c["id"] == "quincy_chinese_students"
    ]
    assert served["then_and_now"][0] == {
        "then_year": "2023/24",
        "then": "277,398 students (CHN, 2023/24)",
        "now_year": "2024/25",
        "now": "265,919 students (CHN, 2024/25)",
        "still_holds": False,
    }
    assert served["finding"].startswith("Open Doors counted 277,398")


def test_ticks_are_round_and_cover_the_values() -> None:
    assert minichart._nice_ticks(0, 956) == [0, 250, 500, 750, 1000]
    assert minichart._nice_ticks(0, 0.96) == [0, 0.25, 0.5, 0.75, 1.0]
    ticks = minichart._nice_ticks(0, 77179)
    assert ticks[0] == 0 and ticks[-1] >= 77179 and len(ticks) <= 6
    assert [minichart._tick_label(t, ticks) for t in ticks] == ["0", "20k", "40k", "60k", "80k"]
    assert minichart._tick_label(1_500_000, [0, 1_000_000, 2_000_000]) == "1.5M"


def test_year_labels_keep_apart() -> None:
    assert minichart._year_ticks([2000, 2010, 2019, 2025], 2) == [2000, 2025]
    assert minichart._year_ticks(list(range(2000, 2024)), 5) == [2000, 2006, 2011, 2017, 2023]


def test_a_line_breaks_where_the_chart_page_breaks_it() -> None:
    # 2000, 2001 joined; 2010 is eight years on: a dot of its own, as on the chart page.
    line = Line("USA", "US", (_point(2000, 1), _point(2001, 2), _point(2010, 3)))
    drawn = ET.fromstring(minichart.svg(_plot(line), "Title <&>"))
    assert drawn.findtext(f"{SVG}title") == "Title <&>"  # escaped in the markup, read back
    polylines = drawn.findall(f"{SVG}polyline")
    assert len(polylines) == 1 and len(polylines[0].get("points", "").split()) == 2
    assert len(drawn.findall(f"{SVG}circle")) == 3
    (entry,) = minichart.legend(_plot(line))
    assert entry.joined and "<line" in minichart.swatch(entry)
    dots = Line("CHN", "China", (_point(2000, 1), _point(2010, 3)))
    (entry,) = minichart.legend(_plot(dots))
    assert not entry.joined and "<circle" in minichart.swatch(entry)


def test_estimates_and_projections_are_hollow() -> None:
    line = Line("CHN", "China", (_point(2019, 1), _point(2025, 2, status="projection")))
    circles = ET.fromstring(minichart.svg(_plot(line), "t")).findall(f"{SVG}circle")
    assert [c.get("fill") for c in circles] == ["#D55E00", "#ffffff"]


def test_the_page_writes_a_chart_as_markup_and_every_other_text_escaped() -> None:
    from dash import html

    chart = minichart.Svg('<svg class="minichart"></svg>')
    assert to_html(html.Div([chart, "<b>"])) == '<div><svg class="minichart"></svg>&lt;b&gt;</div>'
    assert re.fullmatch(r"", minichart.svg(_plot(), "empty")) is not None  # nothing to draw
