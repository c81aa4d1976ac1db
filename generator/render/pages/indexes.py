"""The section indexes: every actor, region, claim and source in one table each.

Their row types are shared with the overview, which shows the top rows of the same tables.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from generator.model import Actor, Claim, ClaimStatus, Document, Region
from generator.render.escape import Safe
from generator.render.pages.kit import Kit, PageSpec
from generator.resolve.index import name_key


@dataclass(frozen=True)
class ActorRow:
    link: Safe
    type: str
    role: str | None
    country: str | None
    mentions: int
    sources: int  # sources with at least one mention
    statements: int
    figures: int  # figures attributed to the actor


@dataclass(frozen=True)
class RegionRow:
    link: Safe
    type: str
    country: str | None
    mentions: int
    sources: int
    figures: int  # figures whose sentence names the place
    claims: int  # claims about the place


@dataclass(frozen=True)
class ClaimRow:
    link: Safe
    summary: ClaimStatus


@dataclass(frozen=True)
class SourceIndexRow:
    link: Safe
    outlet: str | None
    published: str | None
    sentences: int
    actors: int  # actors mentioned
    figures: int
    statements: int


@dataclass(frozen=True)
class ActorsIndex:
    actors: list[ActorRow]  # by name


@dataclass(frozen=True)
class RegionsIndex:
    regions: list[RegionRow]  # by name


@dataclass(frozen=True)
class ClaimsIndex:
    claims: list[ClaimRow]  # most sources first (`ranked_claims`)


@dataclass(frozen=True)
class SourcesIndex:
    sources: list[SourceIndexRow]  # newest first


def actor_row(kit: Kit, a: Actor) -> ActorRow:
    rel = kit.rel
    return ActorRow(
        link=kit.ln.actor(a.id),
        type=a.type,
        role=a.role,
        country=a.country,
        mentions=len(a.mentions),
        sources=len(rel.sources_of(a.mentions)),
        statements=len(rel.statements_by(a.id)),
        figures=len(rel.figures_by(a.id)),
    )


def region_row(kit: Kit, r: Region) -> RegionRow:
    rel = kit.rel
    return RegionRow(
        link=kit.ln.region(r.id),
        type=r.type,
        country=r.country,
        mentions=len(r.mentions),
        sources=len(rel.sources_of(r.mentions)),
        figures=len(rel.figures_naming(r.id)),
        claims=len(rel.claims_about_region(r.id)),
    )


def source_row(kit: Kit, d: Document) -> SourceIndexRow:
    rel = kit.rel
    return SourceIndexRow(
        link=kit.ln.source(d.id),
        outlet=d.source.outlet,
        published=d.source.published,
        sentences=len(d.sentences),
        actors=len(rel.mentioned_in(d.id)[0]),
        figures=len(rel.figures_in(d.id)),
        statements=len(rel.statements_in(d.id)),
    )


def ranked_claims(claims: Iterable[Claim]) -> list[Claim]:
    """Stated by the most sources first, then by the most statements, then by text."""
    return sorted(claims, key=lambda c: (-c.status.sources, -c.status.statements, *name_key(c.text, c.id)))


def index_pages(kit: Kit) -> list[PageSpec]:
    """The indexes of Akteure, Regionen, Behauptungen and Quellen, in this order."""
    ix, docs = kit.ix, kit.all_docs
    actors = ActorsIndex([actor_row(kit, a) for a in ix.sorted_actors()])
    regions = RegionsIndex([region_row(kit, r) for r in ix.sorted_regions()])
    claims = ClaimsIndex([ClaimRow(kit.ln.claim(c.id), c.status) for c in ranked_claims(ix.claims.values())])
    sources = SourcesIndex([source_row(kit, d) for d in ix.sorted_documents()])
    return [
        kit.page("akteure/index.md", "actors_index.md.j2", "Akteure", docs, actors),
        kit.page("regionen/index.md", "regions_index.md.j2", "Regionen", docs, regions),
        kit.page("behauptungen/index.md", "claims_index.md.j2", "Behauptungen", docs, claims),
        kit.page("quellen/index.md", "sources_index.md.j2", "Quellen", docs, sources),
    ]
