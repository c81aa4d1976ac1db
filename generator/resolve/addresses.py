"""Every published page joins the permalink registry, not only entities and claims.

- source pages (``quellen/``): a page whose file was renamed redirects to its new page, found by
  its text or web address (`Permalinks.sources`);
- figure series (``zahlen/``): a series keeps its address while its name's slug would stay the
  same, and a series that is gone redirects to the Zahlen index;
- Chronik months (``chronik/2024-10/``) and the pages of a month too long for one
  (``chronik/2024-10-kw43/``): a page without entries any more redirects to the Chronik index.

Removing a sentence or an article thus never leaves a published address without a page.
"""

from __future__ import annotations

import hashlib

from generator.model import Document, Report
from generator.resolve.index import ReportIndex, page_slugs
from generator.resolve.permalinks import Candidate, Permalinks, SourcePage
from generator.resolve.relations import Relations
from generator.resolve.timeline import days, months, split


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def source_identities(doc: Document) -> list[str]:
    """What stays when an article's file is renamed: its text (spacing ignored), its address."""
    found = [f"text:{_digest(' '.join(doc.text.split()))}"]
    if doc.source.url:
        found.append(f"url:{_digest(str(doc.source.url).strip())}")
    return found


def pin_sources(documents: list[Document], permalinks: Permalinks) -> None:
    """Register the source pages under the slugs `ReportIndex` gives them."""
    slugs = page_slugs(d.id for d in documents)
    pages = [SourcePage(f"source:{d.id}", slugs[d.id], source_identities(d)) for d in documents]
    permalinks.sources(pages)


def series_key(label: str, country: str | None) -> str:
    return f"series:{label}|{country or ''}"


def pin_series(report: Report, permalinks: Permalinks) -> None:
    """Give each figure series its registered slug (a new one its name's), figures included."""
    candidates = [
        Candidate(series_key(s.label, s.country), [series_key(s.label, s.country)], s.name)
        for s in report.series
    ]
    slugs = permalinks.assign("zahlen", candidates)
    figures = {f.id: f for f in report.figures}
    for series in report.series:
        series.id = slugs[series_key(series.label, series.country)]
        for figure_id in series.figures:
            figures[figure_id].series = series.id


def pin_months(report: Report, permalinks: Permalinks) -> None:
    """Register the Chronik months that have a page (their slug is their key, "2024-10") and the
    pages of the months that were split (their slug is their week or day, "2024-10-kw43")."""
    ix = ReportIndex(report)
    chronicle = months(days(ix, Relations(ix)))
    keys = [f"month:{m.slug}" for m in chronicle] + [f"page:{p.slug}" for m in chronicle for p in split(m)]
    permalinks.assign("chronik", [Candidate(key, [key], key.partition(":")[2]) for key in keys])


def pin_pages(report: Report, permalinks: Permalinks) -> Report:
    """Series and months into the registry; the report's redirects then include theirs."""
    pin_series(report, permalinks)
    pin_months(report, permalinks)
    report.redirects = dict(sorted(permalinks.redirects.items()))
    return report
