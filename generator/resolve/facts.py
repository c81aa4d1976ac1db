"""Facts every page shows, computed once here so that rendering only reads them.

After merging, each figure gets its series, the country it counts, the range its qualifier allows
and who states it; each series its conflicts; each claim its status (claimants per stance, first and
last date, whether it is contested, how many sources state it); the report its coverage (articles,
outlets, first and last publication date).
"""

from __future__ import annotations

from generator.model import ClaimStatus, Coverage, Document, Report
from generator.resolve.index import ReportIndex
from generator.resolve.relations import Relations, stance_summary
from generator.resolve.series import SeriesIndex, SeriesRules, load_rules


def derive_facts(report: Report, rules: SeriesRules | None = None) -> Report:
    """Fill the derived fields of `report` (figures, series, claim status) in place; return it."""
    ix = ReportIndex(report)
    rel = Relations(ix)
    rules = rules or load_rules()
    index = SeriesIndex(ix, rel.actors_at, rel.claimants_at, rules)
    report.series = index.series
    figures = {f.id: f for f in report.figures}
    for s in report.series:
        for figure_id in s.figures:
            figures[figure_id].series = s.id
            figures[figure_id].country = s.country
    for figure in report.figures:
        figure.bound = rules.bound(figure.qualifier)
        figure.low, figure.high = rules.range_of(figure)
        figure.voice = rel.figure_voice(figure)
    for claim in report.claims:
        summary = stance_summary(ix, claim)
        claim.status = ClaimStatus(
            by_stance=summary["by_stance"],
            statements=summary["statements"],
            first=summary["first"],
            last=summary["last"],
            contested=rel.contested(claim),
            claimants=rel.claimants(claim),
            sources=summary["sources"],
        )
    report.coverage = coverage(report.documents)
    return report


def coverage(documents: list[Document]) -> Coverage:
    """How many articles from how many outlets, and the first and last publication date."""
    dates = sorted(d.source.published for d in documents if d.source.published)
    outlets = {" ".join(d.source.outlet.split()).casefold() for d in documents if d.source.outlet}
    return Coverage(
        articles=len(documents),
        outlets=len(outlets - {""}),
        first=dates[0] if dates else None,
        last=dates[-1] if dates else None,
        undated=len(documents) - len(dates),
    )
