"""Every claim quotes its report word for word: each quote is found in the report's text.

The two reports' texts stand beside the project (``../shared/reports``, or ``$REPORTS_DIR``);
they are quoted, not republished, so they are not in this repository. In them a link is
written ``[text](#)`` and a dollar sign ``\\$``: a quote keeps the text as a reader sees it.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from indicators import Catalog, load_catalog
from tests.support import REPO

REPORTS = Path(os.environ.get("REPORTS_DIR", REPO.parent / "shared" / "reports"))
TEXTS = {
    "rpt_quincy_2025_st_relations_reset": "003_b400804b11c05340.txt",
    "rpt_ucsd_asiasociety_2020_meeting_china_challenge": "000_7a04e54681d2d71d.txt",
}


def as_read(text: str) -> str:
    """The report as a reader sees it: links as their text, one space between words."""
    text = re.sub(r"\[([^\]]*)\]\(#\)", r"\1", text).replace("\\$", "$")
    return re.sub(r"\s+", " ", text)


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog()


@pytest.fixture(scope="module")
def reports() -> dict[str, str]:
    if not REPORTS.is_dir():
        pytest.fail(f"the reports' texts are not at {REPORTS} (set REPORTS_DIR)")
    return {
        report: as_read((REPORTS / name).read_text(encoding="utf-8"))
        for report, name in TEXTS.items()
    }


def test_every_quote_stands_in_its_report(catalog: Catalog, reports: dict[str, str]) -> None:
    quoted = [claim for claim in catalog.claims.values() if claim.quote]
    assert len(quoted) >= 11
    missing = [claim.id for claim in quoted if as_read(claim.quote) not in reports[claim.report]]
    assert missing == []


def test_a_quote_stands_under_its_section(catalog: Catalog, reports: dict[str, str]) -> None:
    for claim in catalog.claims.values():
        if not claim.quote:
            continue
        text = reports[claim.report]
        heading = text.lower().find(claim.section.lower())  # headings may be in capitals
        assert heading >= 0, (claim.id, claim.section)
        assert text.find(as_read(claim.quote), heading) >= 0, (claim.id, claim.section)


def test_every_claim_of_the_brief_is_quoted(catalog: Catalog) -> None:
    # The brief is read in full; the 2020 report only in excerpts, partly unreadable.
    brief = [c for c in catalog.claims.values() if c.report == "rpt_quincy_2025_st_relations_reset"]
    assert brief and all(claim.quote and claim.section for claim in brief)


def test_a_changed_word_is_caught(reports: dict[str, str]) -> None:
    sentence = "China’s R&D spending increased 11 percent annually between 2019 and 2023."
    assert sentence in reports["rpt_quincy_2025_st_relations_reset"]
    assert sentence.replace("11", "12") not in reports["rpt_quincy_2025_st_relations_reset"]


def _brief_body(text: str) -> str:
    """The brief from its first heading to its conclusion's end (the authors' biographies and
    the institute's own description are not claims)."""
    return text[text.index("OVERVIEW") : text.index("About the Authors")]


def test_claims_follow_their_report_in_order(catalog: Catalog, reports: dict[str, str]) -> None:
    # The report pages list a report's claims in file order: it must be the report's order.
    for report, text in reports.items():
        positions = [
            text.find(as_read(c.quote))
            for c in catalog.claims.values()
            if c.report == report and c.quote
        ]
        assert positions == sorted(positions), report


def test_a_quote_stands_between_its_heading_and_the_next(
    catalog: Catalog, reports: dict[str, str]
) -> None:
    for report in catalog.reports.values():
        if not report.sections:
            continue  # read in excerpts out of page order: no headings to follow
        text = reports[report.source]
        lowered = text.lower()
        starts: list[int] = []
        for heading in report.sections:  # headings in order, each after the one before
            starts.append(lowered.index(heading.lower(), starts[-1] if starts else 0))
        bounds = dict(zip(report.sections, [*starts[1:], len(text)], strict=True))
        begins = dict(zip(report.sections, starts, strict=True))
        for claim in catalog.claims.values():
            if claim.report == report.source and claim.section:
                at = text.find(as_read(claim.quote), begins[claim.section])
                assert begins[claim.section] <= at < bounds[claim.section], claim.id


def test_figure_captions_are_the_reports_words(catalog: Catalog, reports: dict[str, str]) -> None:
    figures = [(r.source, f) for r in catalog.reports.values() for f in r.figures]
    assert len(figures) == 2  # the brief's two charts
    for source, figure in figures:
        assert as_read(figure.caption) in reports[source], figure.id


# Sentences of the brief with a figure in them that are not claims a dataset could bear out.
NOT_CLAIMS = {
    "As it concludes its 14th Five-Year Plan": "the name of a plan, not a quantity",
    "The 15th Five-Year Plan is": "the name of a plan, not a quantity",
}


def test_every_sentence_of_the_brief_with_a_figure_is_registered(
    catalog: Catalog, reports: dict[str, str]
) -> None:
    brief = "rpt_quincy_2025_st_relations_reset"
    body = _brief_body(reports[brief])
    quoted = [as_read(c.quote) for c in catalog.claims.values() if c.report == brief]
    quoted += [as_read(f.caption) for r in catalog.reports.values() for f in r.figures]
    sentences = re.split(r"(?<=[.!?])\s+(?=[A-Z])", body)
    with_figures = [s for s in sentences if re.search(r"\d", s)]
    assert len(with_figures) > 25
    unregistered = [
        s
        for s in with_figures
        if not any(s.strip() in q or q in s for q in quoted)
        and not any(s.startswith(start) for start in NOT_CLAIMS)
    ]
    assert unregistered == []
