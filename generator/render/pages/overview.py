"""The overview page (uebersicht/): counts, key series, conflicts, contested and newest claims."""

from __future__ import annotations

from dataclasses import dataclass

from generator.model import Coverage
from generator.render.pages.indexes import ActorRow, ClaimRow, actor_row
from generator.render.pages.kit import Kit, PageSpec
from generator.render.pages.series import SeriesSummary

TOP_N = 10


@dataclass(frozen=True)
class Overview:
    counts: dict[str, int]  # by section name ("Quellen", "Akteure" …)
    coverage: Coverage  # outlets and the period the articles were published in
    key_series: list[SeriesSummary]  # series with several figures
    conflicted: list[SeriesSummary]  # series with conflicting figures
    top_actors: list[ActorRow]  # most mentioned
    newest_claims: list[ClaimRow]  # by their last statement
    contested_claims: list[ClaimRow]  # by number of statements


def overview_page(kit: Kit, summaries: list[SeriesSummary]) -> PageSpec:
    ix, rel = kit.ix, kit.rel
    several = [k for k in summaries if k.figures >= 2] or summaries[:3]
    actors = sorted(ix.actors.values(), key=lambda a: (-len(a.mentions), a.name.casefold(), a.id))[:TOP_N]
    claims = sorted(ix.claims.values(), key=lambda c: c.id)
    claims.sort(key=lambda c: (-c.status.statements, c.text.casefold()))
    contested = [c for c in claims if c.status.contested]
    claims.sort(key=lambda c: c.status.last or "", reverse=True)
    data = Overview(
        counts={
            "Quellen": len(ix.docs),
            "Akteure": len(ix.actors),
            "Regionen": len(ix.regions),
            "Zahlenangaben": len(rel.figures),
            "Behauptungen": len(ix.claims),
            "Aussagen": len(rel.statements),
        },
        coverage=ix.report.coverage,
        key_series=several[:TOP_N],
        conflicted=[k for k in summaries if k.conflicts],
        top_actors=[actor_row(kit, a) for a in actors],
        newest_claims=[ClaimRow(kit.ln.claim(c.id), c.status) for c in claims[:TOP_N]],
        contested_claims=[ClaimRow(kit.ln.claim(c.id), c.status) for c in contested[:TOP_N]],
    )
    return kit.page("uebersicht/index.md", "overview.md.j2", "Übersicht", kit.all_docs, data)
