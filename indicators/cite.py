"""Citations: every source as BibTeX and CSL-JSON, and a citation for any chart view."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from typing import Any

from indicators.models import Source

PROJECT = "US–China S&T Indicators"

_BIBTEX_SPECIAL = re.compile(r"([\\{}&%$#_^~])")


def _bib_escape(text: str) -> str:
    """Escape characters BibTeX and LaTeX treat specially."""
    return _BIBTEX_SPECIAL.sub(
        lambda m: {
            "\\": r"\textbackslash{}",
            "~": r"\textasciitilde{}",
            "^": r"\textasciicircum{}",
        }.get(m.group(1), "\\" + m.group(1)),
        text,
    )


def _date_parts(published: str) -> list[int]:
    return [int(part) for part in published.split("-")]


def bibtex(source: Source, accessed: dt.date | None = None) -> str:
    """A ``@misc`` BibTeX entry keyed by the source id."""
    fields = {
        "author": "{" + _bib_escape(source.publisher) + "}",  # a corporate author, kept whole
        "title": "{" + _bib_escape(source.title) + "}",
        "howpublished": _bib_escape(source.edition),
        "year": source.published[:4],
        "url": source.url,
    }
    if len(source.published) >= 7:
        fields["month"] = str(int(source.published[5:7]))
    if accessed is not None:
        fields["urldate"] = accessed.isoformat()
    if source.license:
        fields["note"] = _bib_escape(f"Terms: {source.license}")
    body = ",\n".join(f"  {key} = {{{value}}}" for key, value in fields.items())
    return f"@misc{{{source.id},\n{body}\n}}\n"


def csl_json(source: Source, accessed: dt.date | None = None) -> dict[str, Any]:
    """A CSL-JSON item (the format Zotero and citation processors read)."""
    item: dict[str, Any] = {
        "id": source.id,
        "type": "report" if source.kind == "primary" else "article-newspaper",
        "title": source.title,
        "author": [{"literal": source.publisher}],
        "publisher": source.publisher,
        "version": source.edition,
        "issued": {"date-parts": [_date_parts(source.published)]},
        "URL": source.url,
        "note": f"Terms: {source.license}",
    }
    if accessed is not None:
        item["accessed"] = {"date-parts": [[accessed.year, accessed.month, accessed.day]]}
    return item


def cite_view(
    sources: Iterable[Source], *, title: str, url: str, version: str, accessed: dt.date
) -> str:
    """One paragraph citing a chart view: its data sources, the dashboard, version and date."""
    cited = "; ".join(
        f"{source.publisher}, {source.title} ({source.edition})" for source in sources
    )
    return (
        f"{title}. Data: {cited}. Compiled in {PROJECT}, data version {version}, {url} "
        f"(accessed {accessed.isoformat()})."
    )
