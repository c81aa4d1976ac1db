"""Facts every page shows, computed once here so that rendering only reads them.

After merging, each figure gets its series, the country it counts, the range its qualifier allows
and who states it; each series its conflicts; each claim its status (claimants per stance, first and
last date, whether it is contested).
"""

from __future__ import annotations

from generator.model import ClaimStatus, Report
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
        )
    return report
