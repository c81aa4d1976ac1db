"""A claim's page (behauptungen/): its status, every statement about it, the figures in them."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from generator.charts.assets import StanceChart
from generator.charts.stances import StancePoint
from generator.model import Claim, ClaimStatus, Figure, Statement
from generator.render import limits
from generator.render.citation import claim_json_ld
from generator.render.escape import Safe
from generator.render.limits import Shown
from generator.render.pages.kit import Kit, PageSpec
from generator.render.pages.rows import FigureRow


@dataclass(frozen=True)
class FigureGroup:
    """The figures of one series, under a heading linked to the series page."""

    link: Safe
    anchor: str
    figures: list[FigureRow]


@dataclass(frozen=True)
class ClaimPage:
    claim: Claim
    summary: ClaimStatus
    claimants: Shown  # of links: who made a statement about it, at most `limits.NAMES_SHOWN`
    subjects: Shown  # of links: actors it is about
    places: Shown  # of links: regions it is about
    chart: StanceChart | None
    statements: Shown  # of StatementRow, oldest first: all, or the newest `limits.EVIDENCE_ROWS`
    figures: Shown  # of the figures in the statements' sentences: how many the groups list
    groups: list[FigureGroup]  # those figures, by series
    json_ld: Safe


def stance_chart(kit: Kit, claim: Claim, statements: list[Statement]) -> StanceChart | None:
    """Stances over time, for two statements or more with at least one date."""
    ix = kit.ix
    points = tuple(
        StancePoint(ix.statement_date(st) or "", ix.actor_name(st.claimant), st.stance) for st in statements
    )
    if len(statements) >= 2 and any(p.date for p in points):
        return StanceChart(f"charts/behauptung-{ix.claim_slug[claim.id]}.svg", "Haltungen", points)
    return None


def figures_in(kit: Kit, statements: list[Statement]) -> Shown:
    """The figures in the statements' sentences: all, or the newest `limits.EVIDENCE_ROWS`."""
    at = {(s.doc, s.sentence) for s in statements}
    found = [f for key in at for f in kit.rel.figures_at.get(key, ())]
    figures = sorted(found, key=kit.ix.figure_key)  # the order of kit.rel.figures
    return limits.newest(figures, kit.ix.figure_date, limits.EVIDENCE_ROWS)


def figure_groups(kit: Kit, figures: list[Figure]) -> list[FigureGroup]:
    return [
        FigureGroup(kit.ln.to(kit.series.path(s), s.name), s.anchor, kit.rows.figures(picked))
        for s, picked in kit.series.grouped(figures)
    ]


def statements_by(claim: Claim) -> Counter[str]:
    return Counter(st.claimant for st in claim.statements)


def names(
    links: Callable[[list[str]], list[Safe]],
    ids: Sequence[str],
    weight: Mapping[str, int] | None = None,
) -> Shown:
    """Links for one line of names: all, or the `limits.NAMES_SHOWN` of greatest `weight` (the
    first ones without a weight), in their given order. Only the shown names are linked."""
    shown = limits.most(list(ids), lambda i: weight.get(i, 0) if weight else 0, limits.NAMES_SHOWN)
    return Shown(links(shown.rows), shown.total)


def claim_page(kit: Kit, claim: Claim) -> PageSpec:
    ix, rows = kit.ix, kit.rows
    statements = sorted(claim.statements, key=ix.statement_key)
    chart = stance_chart(kit, claim, statements)
    path = ix.claim_path(claim.id)
    listed = rows.listed(claim)
    figures = figures_in(kit, listed.rows)
    data = ClaimPage(
        claim=claim,
        summary=claim.status,
        claimants=names(rows.actor_links, claim.status.claimants, statements_by(claim)),
        subjects=names(rows.actor_links, claim.actors),
        places=names(rows.regions, claim.regions),
        chart=chart,
        statements=Shown([rows.statement(claim, st) for st in listed.rows], listed.total),
        figures=figures,
        groups=figure_groups(kit, figures.rows),
        json_ld=claim_json_ld(ix, claim, kit.site, path),
    )
    assets = (chart,) if chart else ()
    return kit.page(path, "claim.md.j2", claim.text, [s.doc for s in statements], data, assets)
