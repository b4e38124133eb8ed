"""The curated data in data/ validates, is not empty, and keeps values checked against sources."""

from __future__ import annotations

import pytest

from indicators import Catalog, load_catalog
from indicators.load import REPO_DATA_DIR

REQUIRED = ("rd_expenditure_ppp", "stem_phd_graduates", "iso_secretariats", "students_in_partner")


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog(REPO_DATA_DIR)


def test_data_directory_is_not_empty(catalog: Catalog) -> None:
    tables = sorted(path.name for path in (REPO_DATA_DIR / "tables").glob("*.csv"))
    assert len(tables) >= len(REQUIRED)
    assert sorted(f"{indicator_id}.csv" for indicator_id in catalog.indicators) == tables
    assert len(catalog.observations) > 100


def test_required_indicators_are_present(catalog: Catalog) -> None:
    assert set(REQUIRED) <= set(catalog.indicators)


def test_every_observation_resolves_to_a_source_with_a_url(catalog: Catalog) -> None:
    used = set(catalog.observations["source_id"])
    assert used <= set(catalog.sources)
    for source_id in used:
        assert catalog.sources[source_id].url.startswith(("https://", "http://"))
    assert (catalog.observations["locator"].str.strip() != "").all()


def test_every_source_is_cited_by_a_row_an_event_or_a_claim(catalog: Catalog) -> None:
    cited = set(catalog.observations["source_id"])
    cited |= {event.source_id for event in catalog.events}
    cited |= {claim.report for claim in catalog.claims.values()}
    cited |= {  # documents read to check a claim
        check.source
        for claim in catalog.claims.values()
        for check in (*claim.checks, *claim.alternatives)
        if check.kind == "document"
    }
    assert set(catalog.sources) == cited


def test_us_and_china_have_values(catalog: Catalog) -> None:
    for indicator_id in ("rd_expenditure_ppp", "stem_phd_graduates", "students_in_partner"):
        economies = set(catalog.observations.query("indicator_id == @indicator_id")["economy"])
        assert {"USA", "CHN"} <= economies, indicator_id
    # The only US count of ISO secretariats is the one derived from the StanDat scrape.
    iso = catalog.observations.query("indicator_id == 'iso_secretariats' and economy == 'USA'")
    assert set(iso["status"]) == {"derived"} and set(iso["year"]) == {2021}


def test_gerd_main_series_covers_every_year_from_2000(catalog: Catalog) -> None:
    main = catalog.series("rd_expenditure_ppp", economies=["USA", "CHN"])
    for code, group in main.groupby("economy"):
        years = sorted(group["year"])
        assert years == list(range(2000, years[-1] + 1)), code
        assert years[-1] >= 2023


def value(catalog: Catalog, indicator_id: str, source_id: str, economy: str, year: int) -> float:
    rows = catalog.series(indicator_id, source_id=source_id, economies=[economy])
    return float(rows.loc[rows["year"] == year, "value"].item())


# Values re-read at their sources by hand; a change here must be a deliberate correction.
CHECKED = [
    ("rd_expenditure_ppp", "nsb2024_srd1", "USA", 2021, 806.01),
    ("rd_expenditure_ppp", "nsb2024_srd1", "CHN", 2021, 667.64),
    ("rd_expenditure_ppp", "nsb2025_disc", "USA", 2022, 923.24),
    ("rd_expenditure_ppp", "nsb2025_disc", "CHN", 2022, 811.86),
    # Before and after the 2020 PPP revision: the same year, two editions, never spliced.
    ("rd_expenditure_ppp", "nsb2020_s4_1", "CHN", 2017, 496.0),
    ("rd_expenditure_ppp", "nsb2022_srd1", "CHN", 2017, 420.8),
    ("stem_phd_graduates", "salinapost_2021_cset_stem_phd", "CHN", 2025, 77179),
    ("stem_phd_graduates", "salinapost_2021_cset_stem_phd", "USA", 2025, 39959),
    ("students_in_partner", "od_origin_github_sharadraina", "CHN", 2018, 369548),
    ("students_in_partner", "od_origin_github_sharadraina", "CHN", 2011, 194029),
    ("students_in_partner", "scmp_2023_11_13", "USA", 2021, 211),
    ("iso_secretariats", "sac_ceo_message_2007", "CHN", 2007, 26),
]


@pytest.mark.parametrize(("indicator_id", "source_id", "economy", "year", "expected"), CHECKED)
def test_values_checked_against_sources(
    catalog: Catalog, indicator_id: str, source_id: str, economy: str, year: int, expected: float
) -> None:
    assert value(catalog, indicator_id, source_id, economy, year) == expected


def test_cset_2025_values_are_projections(catalog: Catalog) -> None:
    phd = catalog.observations.query("indicator_id == 'stem_phd_graduates' and year == 2025")
    assert len(phd) >= 2
    assert set(phd["status"]) == {"projection"}


def test_the_main_series_reaches_the_latest_year_the_catalog_holds(catalog: Catalog) -> None:
    """A reader expects the main line to be the newest edition: no other source may have a
    later reported US or China value than the main series, unless the indicator declares it
    kept apart (another measure). A stale declaration fails too."""
    stops_short = set()
    for indicator in catalog.indicators.values():
        main = set(indicator.main_series)
        firm = [row for row in catalog.rows(indicator.id) if row.status != "projection"]
        for code in ("USA", "CHN"):
            main_years = [row.year for row in firm if row.economy == code and row.source_id in main]
            if not main_years:
                continue  # that economy comes from other sources only, all drawn
            stops_short |= {
                (indicator.id, row.source_id)
                for row in firm
                if row.economy == code and row.year > max(main_years)
            }
    declared = {
        (indicator.id, source_id)
        for indicator in catalog.indicators.values()
        for source_id in indicator.kept_apart
    }
    assert stops_short == declared
    assert ("students_in_partner", "xll_od2024_client_alert") not in stops_short
    latest = max(catalog.points("students_in_partner", economies=["CHN"]), key=lambda r: r.year)
    assert (latest.period, latest.value) == ("2024/25", 265919.0)


# Words of the curation process: where they belong is data/notes, not what readers are shown.
CURATION_WORDS = (
    "this task",
    "lead notes",
    "lead file",
    "re-verified",
    "re-read",
    "could not be read",
    "could be read",
    "series_sources",
    "per the project",
    "stored copy",
    "unverified",
    "not verified",
    "task brief",
)


def curation_words_in(shown: dict[str, str]) -> dict[str, str]:
    """Where each text names a word of the curation process."""
    return {
        where: word
        for where, text in shown.items()
        for word in CURATION_WORDS
        if word in text.lower()
    }


def test_what_readers_are_shown_of_an_indicator_is_written_for_readers(catalog: Catalog) -> None:
    shown = {
        f"{indicator.id} {field} {number}": text
        for indicator in catalog.indicators.values()
        for field, texts in (
            ("title", [indicator.title]),
            ("description", [indicator.description]),
            ("definition", [indicator.definition]),
            ("caveats", indicator.caveats),
        )
        for number, text in enumerate(texts)
    }
    assert len(shown) > 100
    assert curation_words_in(shown) == {}


def test_what_readers_are_shown_of_sources_and_claims_is_written_for_readers(
    catalog: Catalog,
) -> None:
    """Source cards show these fields of a source (not its curator's ``notes``); the claims page
    shows a claim's words, locator and what would settle it."""
    shown = {
        f"{source.id} {field}": str(getattr(source, field))
        for source in catalog.sources.values()
        for field in ("publisher", "title", "edition", "published", "license", "citation")
    }
    shown |= {
        f"{claim.id} {field}": str(getattr(claim, field) or "")
        for claim in catalog.claims.values()
        for field in ("claim", "locator", "needs")
    }
    assert len(shown) > 500
    assert curation_words_in(shown) == {}
