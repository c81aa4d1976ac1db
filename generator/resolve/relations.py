"""Who is connected to what: the reverse lookups that entity pages need, built once per render.

The page planner (`generator.render.pages`) reads them to build each page's data; templates never see them.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from generator.base.formatting import UNATTRIBUTED
from generator.model import STANCES, Claim, Figure, Mention, Statement
from generator.resolve.index import ReportIndex, name_key

T = TypeVar("T")
SUPPORT = frozenset({"asserts", "confirms"})
OPPOSE = frozenset({"denies", "doubts"})


class Relations:
    """Who is connected to what: the reverse lookups the entity pages need."""

    def __init__(self, ix: ReportIndex) -> None:
        self.ix = ix
        self.statements: list[tuple[Claim, Statement]] = sorted(
            ((c, s) for c in ix.claims.values() for s in c.statements),
            key=lambda cs: (ix.statement_key(cs[1]), cs[0].id),
        )
        self.figures = ix.sorted_figures()
        self.figures_at: dict[tuple[str, int], list[Figure]] = defaultdict(list)
        for f in self.figures:
            self.figures_at[(f.doc, f.sentence)].append(f)
        self.actors_at: dict[tuple[str, int], set[str]] = defaultdict(set)
        for actor in ix.actors.values():
            for m in actor.mentions:
                self.actors_at[(m.doc, m.sentence)].add(actor.id)

        self.claimants_at: dict[tuple[str, int], set[str]] = defaultdict(set)
        for _, st in self.statements:
            if st.claimant is not None:
                self.claimants_at[(st.doc, st.sentence)].add(st.claimant)

        self._actor_mentions: dict[str, Counter[str]] = defaultdict(Counter)
        for actor in ix.actors.values():
            for m in actor.mentions:
                self._actor_mentions[m.doc][actor.id] += 1
        self._region_mentions: dict[str, Counter[str]] = defaultdict(Counter)
        for region in ix.regions.values():
            for m in region.mentions:
                self._region_mentions[m.doc][region.id] += 1
        self._by_claimant = _group(self.statements, lambda cs: cs[1].claimant)
        self._in_doc = _group(self.statements, lambda cs: cs[1].doc)
        self._figures_by = _group(self.figures, lambda f: f.attributed_to)
        self._figures_in = _group(self.figures, lambda f: f.doc)
        self._naming: dict[str, list[Figure]] = defaultdict(list)
        for f in self.figures:
            for region_id in dict.fromkeys(f.regions):
                self._naming[region_id].append(f)
        claims = ix.sorted_claims()
        self._about_actor = _group(
            [(a, c) for c in claims for a in dict.fromkeys(c.actors)], lambda ac: ac[0]
        )
        self._about_region = _group(
            [(r, c) for c in claims for r in dict.fromkeys(c.regions)], lambda rc: rc[0]
        )

    def statements_by(self, actor_id: str) -> list[tuple[Claim, Statement]]:
        return self._by_claimant.get(actor_id, [])

    def statements_in(self, doc_id: str) -> list[tuple[Claim, Statement]]:
        return self._in_doc.get(doc_id, [])

    def figures_by(self, actor_id: str) -> list[Figure]:
        return self._figures_by.get(actor_id, [])

    def figures_in(self, doc_id: str) -> list[Figure]:
        return self._figures_in.get(doc_id, [])

    def figures_naming(self, region_id: str) -> list[Figure]:
        return self._naming.get(region_id, [])

    def figures_from_articles_about(self, region_id: str) -> list[Figure]:
        """Figures of articles that name the place at least twice, except those naming it themselves."""
        naming = {f.id for f in self.figures_naming(region_id)}
        region = self.ix.regions.get(region_id)
        counts = Counter(m.doc for m in region.mentions) if region is not None else Counter()
        found = [f for doc, n in counts.items() if n >= 2 for f in self.figures_in(doc)]
        return sorted((f for f in found if f.id not in naming and f.counts), key=self.ix.figure_key)

    def claims_about_actor(self, actor_id: str) -> list[Claim]:
        return [c for _, c in self._about_actor.get(actor_id, [])]

    def claims_about_region(self, region_id: str) -> list[Claim]:
        return [c for _, c in self._about_region.get(region_id, [])]

    def mentioned_in(self, doc_id: str) -> tuple[list[tuple[str, int]], list[tuple[str, int]]]:
        """(actor id, mentions) and (region id, mentions) of one document, by name."""
        actors = self._actor_mentions.get(doc_id, Counter())
        regions = self._region_mentions.get(doc_id, Counter())
        ix = self.ix
        known_actors = sorted(
            (a for a in actors if a in ix.actors), key=lambda a: name_key(ix.actors[a].name, a)
        )
        known_regions = sorted(
            (r for r in regions if r in ix.regions), key=lambda r: name_key(ix.regions[r].name, r)
        )
        return [(a, actors[a]) for a in known_actors], [(r, regions[r]) for r in known_regions]

    def co_mentioned(self, mentions: list[Mention], exclude: str | None = None) -> list[tuple[str, int]]:
        """Actors mentioned in the same sentences as `mentions`, most frequent first."""
        counts: Counter[str] = Counter()
        for key in sorted({(m.doc, m.sentence) for m in mentions}):
            counts.update(a for a in self.actors_at.get(key, ()) if a != exclude)
        return sorted(counts.items(), key=lambda kv: (-kv[1], self.ix.actor_name(kv[0]).casefold(), kv[0]))

    def sources_of(self, mentions: list[Mention]) -> list[tuple[str, int]]:
        """(doc id, mentions) for every document the mentions occur in, in source order."""
        counts = Counter(m.doc for m in mentions)
        known = [(d.id, counts[d.id]) for d in self.ix.newest_documents(counts)]
        return known + sorted((d, n) for d, n in counts.items() if d not in self.ix.docs)

    def figure_voice(self, figure: Figure) -> str:
        """Who a figure is from: its claimant, else the sentence's one claimant, else no one."""
        if figure.attributed_to is not None:
            return self.ix.actor_name(figure.attributed_to)
        others = sorted(self.claimants_at.get((figure.doc, figure.sentence), set()))
        return self.ix.actor_name(others[0]) if len(others) == 1 else UNATTRIBUTED

    def mentions_over_time(self, mentions: list[Mention]) -> list[tuple[str, int]]:
        """(date, mentions) per date the mentioning sentences refer to; undated ones as ""."""
        counts = Counter(self.ix.event_date(m.doc, m.sentence) or "" for m in mentions)
        return sorted(counts.items())

    def contested(self, claim: Claim) -> bool:
        """Someone asserts or confirms the claim and someone else denies or doubts it."""
        stances = {st.stance for st in claim.statements}
        return bool(stances & SUPPORT) and bool(stances & OPPOSE)

    def claimants(self, claim: Claim) -> list[str]:
        """Actor ids that made a statement about the claim, by name."""
        ids = {st.claimant for st in claim.statements if st.claimant is not None}
        return sorted(ids, key=lambda a: (self.ix.actor_name(a).casefold(), a))


def _group(items: Iterable[T], key: Callable[[T], str | None]) -> dict[str | None, list[T]]:
    """Items by key, each list in the order of `items`."""
    groups: dict[str | None, list[T]] = defaultdict(list)
    for item in items:
        groups[key(item)].append(item)
    return dict(groups)


def stance_summary(ix: ReportIndex, claim: Claim) -> dict[str, Any]:
    """Distinct claimants per stance, statement and source counts, first and last date."""
    claimants: dict[str, set[str]] = {s: set() for s in STANCES}
    for st in claim.statements:
        claimants.setdefault(st.stance, set()).add(st.claimant or f"\0{st.id}")
    dates = sorted(d for st in claim.statements if (d := ix.statement_date(st)))
    return {
        "by_stance": {s: len(claimants.get(s, ())) for s in STANCES},
        "statements": len(claim.statements),
        "sources": len({st.doc for st in claim.statements}),
        "first": dates[0] if dates else None,
        "last": dates[-1] if dates else None,
    }
