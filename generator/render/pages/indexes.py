"""The section indexes: every actor, region, claim and source in one table each.

A table longer than `limits.INDEX_ROWS` continues on further pages (``quellen/seite-2.md``), each
with links to all of them (`Pager`). Their row types are shared with the overview, which shows the
top rows of the same tables.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from generator.model import Actor, Claim, ClaimStatus, Document, Region
from generator.render import limits
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
class Pager:
    """Where one page of an index that spans several pages stands among them."""

    number: int  # this page, from 1
    links: list[Safe]  # one per page, the current one as plain text
    first: int  # its first row, from 1
    last: int  # its last row

    @property
    def suffix(self) -> str:
        """What the title of this page adds: ", Seite 2" (nothing on the first page)."""
        return f", Seite {self.number}" if self.number > 1 else ""


@dataclass(frozen=True)
class ActorsIndex:
    actors: list[ActorRow]  # by name
    total: int
    pager: Pager | None = None


@dataclass(frozen=True)
class RegionsIndex:
    regions: list[RegionRow]  # by name
    total: int
    pager: Pager | None = None


@dataclass(frozen=True)
class ClaimsIndex:
    claims: list[ClaimRow]  # most sources first (`ranked_claims`)
    total: int
    pager: Pager | None = None


@dataclass(frozen=True)
class SourcesIndex:
    sources: list[SourceIndexRow]  # newest first
    total: int
    pager: Pager | None = None


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


Item = TypeVar("Item")


def paged(
    kit: Kit,
    section: str,
    template: str,
    title: str,
    items: Sequence[Item],
    data: Callable[[Sequence[Item], int, Pager | None], Any],
) -> list[PageSpec]:
    """The pages of one section index: `items` cut into `limits.INDEX_ROWS` a page, each page's
    data made by ``data(its items, all items, pager)`` (no pager while one page holds them all).
    Rows are made per page, so a row is built once however long the index."""
    size = limits.INDEX_ROWS
    chunks = [items[start : start + size] for start in range(0, len(items), size)] or [items]
    paths = [f"{section}/index.md"] + [f"{section}/seite-{n}.md" for n in range(2, len(chunks) + 1)]
    pages = []
    for n, (path, chunk) in enumerate(zip(paths, chunks, strict=True), start=1):
        pager = None
        if len(chunks) > 1:
            links = [
                Safe(str(k)) if k == n else kit.ln.to(paths[k - 1], k) for k in range(1, len(chunks) + 1)
            ]
            pager = Pager(n, links, (n - 1) * size + 1, (n - 1) * size + len(chunk))
        shown = title + (pager.suffix if pager else "")
        pages.append(kit.page(path, template, shown, kit.all_docs, data(chunk, len(items), pager)))
    return pages


def index_pages(kit: Kit) -> list[PageSpec]:
    """The indexes of Akteure, Regionen, Behauptungen and Quellen, in this order."""
    ix, ln = kit.ix, kit.ln
    return [
        *paged(
            kit,
            "akteure",
            "actors_index.md.j2",
            "Akteure",
            ix.sorted_actors(),
            lambda chunk, total, pager: ActorsIndex([actor_row(kit, a) for a in chunk], total, pager),
        ),
        *paged(
            kit,
            "regionen",
            "regions_index.md.j2",
            "Regionen",
            ix.sorted_regions(),
            lambda chunk, total, pager: RegionsIndex([region_row(kit, r) for r in chunk], total, pager),
        ),
        *paged(
            kit,
            "behauptungen",
            "claims_index.md.j2",
            "Behauptungen",
            ranked_claims(ix.claims.values()),
            lambda chunk, total, pager: ClaimsIndex(
                [ClaimRow(ln.claim(c.id), c.status) for c in chunk], total, pager
            ),
        ),
        *paged(
            kit,
            "quellen",
            "sources_index.md.j2",
            "Quellen",
            ix.sorted_documents(),
            lambda chunk, total, pager: SourcesIndex([source_row(kit, d) for d in chunk], total, pager),
        ),
    ]
