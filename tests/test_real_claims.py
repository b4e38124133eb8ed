"""Every registered claim's verdict and computed figures, pinned against the curated data.

A change here means the data or a check changed: review it against the sources before updating.
"""

from __future__ import annotations

import re

import pytest

from indicators import Catalog, load_catalog, then_now
from indicators.claims import ClaimResult, evaluate_all
from indicators.load import REPO_DATA_DIR

NC = "not checkable"
DOCUMENT = "(read from a document)"
EXPECTED: dict[str, tuple[str, list[tuple[str, str]]]] = {
    # 277,398 of 1,126,690 (Open Doors 2024 figures) = 24.6%.
    "quincy_chinese_students": (
        "consistent",
        [
            ("consistent", "277,398 students (CHN, 2023/24)"),
            ("consistent", "24.6% (277,398 of 1,126,690)"),
        ],
    ),
    # Pew, spring 2025: 77% unfavourable, more than three quarters.
    "quincy_american_views": (
        "consistent",
        [("consistent", "77 percent of US adults (USA, 2025)")],
    ),
    "quincy_us_students": ("consistent", [("consistent", "800 students (USA, 2023/24)")]),
    "quincy_rd_second_poised": (
        "consistent",
        [
            ("consistent", "USA 956 vs CHN 917 (2023)"),
            ("consistent", "0.96 (CHN ÷ USA, 2023)"),
        ],
    ),
    # NBS final communiqués: 2,214.36 → 3,335.71 billion yuan; (3335.71/2214.36)^(1/4) − 1.
    "quincy_rd_growth": ("consistent", [("consistent", "10.8% a year (2019–2023)")]),
    "quincy_rd_personnel": (
        "consistent",
        [
            ("consistent", "6,354,000 full-time equivalent R&D personnel (CHN, 2022)"),
            ("consistent", "×1.96 (3,247,000 in 2012 to 6,354,000 in 2022)"),
        ],
    ),
    "quincy_publications_patents": (
        "consistent",
        [
            ("consistent", "CHN 898,949 vs USA 457,335 (2022)"),
            ("consistent", "CHN 68,558 vs USA 58,218 (2022)"),
        ],
    ),
    # The StanDat count (end of 2021, derived): 70; no count for 2011 was found.
    "quincy_iso_secretariats": (NC, [(NC, ""), ("consistent", "70 secretariats (CHN, 2021)")]),
    "quincy_iec_secretariats": (NC, [(NC, ""), (NC, "")]),
    # StanDat P-memberships at the end of 2021: 733 and 555, within 5% of 729 and 562.
    "quincy_iso_participation": (
        "consistent",
        [
            ("consistent", "733 committees with participating membership (CHN, 2021)"),
            ("consistent", "555 committees with participating membership (USA, 2021)"),
        ],
    ),
    # US 18,289 vs China 9,038 in 2000; China 34,801 vs US 26,076 in 2010: the lines cross
    # 2000 + 10 × 9,251 / 17,976 ≈ 2005.1, and the data bracket the claimed 2007.
    "quincy_stem_phds": (
        "consistent",
        [
            (
                "consistent",
                "2010 (lines cross c. 2005.1, between 2000 and 2010; the data cannot "
                "date it more precisely)",
            ),
            ("consistent", "77,179 graduates (CHN, 2025)"),
            ("consistent", "39,959 graduates (USA, 2025)"),
        ],
    ),
    "mcc_world_rd_share": (
        NC,
        [
            ("consistent", "4.5 percent of world R&D expenditure (CHN, 2000)"),
            (NC, ""),
            ("consistent", "×0.73 (37 in 2000 to 27 in 2019)"),
        ],
    ),
    # Basic research was 7.08% of US business-funded R&D in 2018 (derived from National Patterns).
    "mcc_private_rd_applied": (
        "consistent",
        [("consistent", "7.08 percent of business-funded R&D (USA, 2018)")],
    ),
    "mcc_talent_programmes": ("consistent", [("consistent", "200 programmes (CHN, 2019)")]),
    # Checks read from documents: the figure is the curator's, so only the verdicts are pinned.
    "quincy_chips_funding": ("differs", [("differs", DOCUMENT)]),
    "quincy_sta_1979": ("consistent", [("consistent", DOCUMENT)]),
    "quincy_usica_2021": ("consistent", [("consistent", DOCUMENT)]),
    "quincy_sta_signed_2024": ("consistent", [("consistent", DOCUMENT)]),
    "quincy_space_leads": (
        "differs",
        [("differs", DOCUMENT), ("differs", DOCUMENT), ("consistent", DOCUMENT)],
    ),
    "quincy_quantum_satellites": ("consistent", [("consistent", DOCUMENT)]),
    "quincy_ai_race": (NC, []),
    # CSET 2019: China 49,498, US 33,759 STEM PhDs.
    "quincy_stem_leader": ("consistent", [("consistent", "CHN 49,498 vs USA 33,759 (2019)")]),
    # NSB 2024 Table SPBS-70: 0.45% of China's articles in the top 1% in 2003, 1.28% in 2020.
    "quincy_leading_publications": (
        "consistent",
        [("consistent", "×2.84 (0.45 in 2003 to 1.28 in 2020)")],
    ),
    # MOE returnees 25,116 (2004) and 580,300 (2019); SED 2023: intend to stay 83.3% and 77.5%.
    "quincy_brain_gain": (
        "consistent",
        [
            ("consistent", "×23.10 (25,116 in 2004 to 580,300 in 2019)"),
            ("consistent", "×0.93 (83.3 in 2016/17 to 77.5 in 2022/23)"),
        ],
    ),
    "mcc_5g_competitive": (NC, []),
    "quincy_deepseek_founded": ("consistent", [("consistent", DOCUMENT)]),
    "quincy_deepseek_r1_cost": ("differs", [("differs", DOCUMENT), ("differs", DOCUMENT)]),
    # NSB Indicators 2024 Table SRD-1, 2021: US 806.01, China 667.64.
    "quincy_fig_gerd": ("consistent", [("consistent", "USA 806 vs CHN 668 (2021)")]),
    "quincy_st_partnerships": (
        "consistent",
        [
            ("consistent", "160 countries and regions (CHN, 2023)"),
            ("consistent", "116 agreements (CHN, 2023)"),
        ],
    ),
    "quincy_st_organisations": ("consistent", [("consistent", DOCUMENT)]),
    # MOST, January 2017: 146 diplomats, some 70 offices (the brief's counts, eight years old).
    "quincy_st_diplomats": (
        "consistent",
        [("consistent", "146 diplomats (CHN, 2017)"), ("consistent", "70 offices (CHN, 2017)")],
    ),
    "quincy_ngo_scientists": (NC, []),
    "quincy_big_science": (NC, []),
    "quincy_itu_focus_groups": (NC, []),
    "quincy_bri_countries": ("differs", [("differs", DOCUMENT)]),
    "quincy_jv_universities": ("consistent", [("consistent", DOCUMENT)]),
    "quincy_ev_solar_rail": (
        "consistent",
        [("consistent", DOCUMENT), ("consistent", DOCUMENT), ("consistent", DOCUMENT)],
    ),
    "quincy_sta_renewed": ("consistent", [("consistent", DOCUMENT), ("consistent", DOCUMENT)]),
    "mcc_huawei_exclusion": (
        "differs",
        [("differs", DOCUMENT), ("consistent", DOCUMENT), ("consistent", DOCUMENT)],
    ),
    "mcc_facial_recognition": ("consistent", [("consistent", DOCUMENT)]),
    "mcc_sc42_beijing": ("consistent", [("consistent", DOCUMENT)]),
}


@pytest.fixture(scope="module")
def results() -> dict[str, ClaimResult]:
    return {result.claim.id: result for result in evaluate_all(load_catalog(REPO_DATA_DIR))}


def test_every_claim_is_pinned(results: dict[str, ClaimResult]) -> None:
    assert sorted(results) == sorted(EXPECTED)


@pytest.mark.parametrize("claim_id", sorted(EXPECTED))
def test_claim_verdict_and_figures(results: dict[str, ClaimResult], claim_id: str) -> None:
    verdict, checks = EXPECTED[claim_id]
    result = results[claim_id]
    assert result.verdict == verdict
    found = [(c.verdict, DOCUMENT if c.says else c.computed) for c in result.checks]
    assert found == checks


def test_not_checkable_claims_say_what_is_needed(results: dict[str, ClaimResult]) -> None:
    for result in results.values():
        if result.verdict == NC:
            missing = [check.reason for check in result.checks if check.verdict == NC]
            assert result.claim.needs or missing, result.claim.id


def test_every_claim_says_what_the_evidence_says(results: dict[str, ClaimResult]) -> None:
    assert [r.claim.id for r in results.values() if not r.claim.finding] == []
    # Where no data settles a claim, it says where the project looked.
    unsettled = [r for r in results.values() if not r.checks and r.verdict == NC]
    assert unsettled and all(r.claim.needs and r.claim.searched for r in unsettled)


_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")


def _numbers(text: str) -> set[str]:
    return {match.replace(",", "") for match in _NUMBER.findall(text)}


def test_a_finding_quotes_only_figures_its_evidence_gives(results: dict[str, ClaimResult]) -> None:
    # The journalist's sentence must not carry a number that no check computed, no source
    # read gave and the report did not state: a typed number would be unsourced.
    catalog = load_catalog(REPO_DATA_DIR)
    for result in results.values():
        claim = result.claim
        evidence = [claim.quote, claim.claim]
        for check in (*result.checks, *result.alternatives):
            evidence += [check.computed, check.claimed, check.says, check.reason]
            evidence += [catalog.sources[s].citation for s in check.sources]
        for found in then_now.of_claim(catalog, claim):
            evidence += [found.now.computed if found.now else "", found.then.computed]
        allowed = set().union(*(_numbers(text) for text in evidence))
        assert _numbers(claim.finding) <= allowed, (claim.id, _numbers(claim.finding) - allowed)


def test_the_growth_claim_shows_the_other_bases(results: dict[str, ClaimResult]) -> None:
    alternatives = results["quincy_rd_growth"].alternatives
    assert [(a.basis, a.computed) for a in alternatives] == [
        ("current PPP dollars (OECD)", "13.9% a year (2019–2023)"),
        ("constant 2020 PPP dollars (OECD), i.e. after inflation", "8.9% a year (2019–2023)"),
    ]


def test_events_are_dated_cited_and_in_order() -> None:
    catalog: Catalog = load_catalog(REPO_DATA_DIR)
    assert len(catalog.events) >= 10
    positions = [event.position for event in catalog.events]
    assert positions == sorted(positions)
    titles = " ".join(event.title for event in catalog.events)
    for expected in ("1979", "CHIPS", "Made in China 2025"):
        assert expected in titles or any(expected in e.id for e in catalog.events), expected
    assert all(catalog.sources[event.source_id].url for event in catalog.events)
