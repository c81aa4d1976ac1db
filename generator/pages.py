"""Page plans: which pages exist, and the data each template receives.

`plan_pages` gathers everything before anything is written: a list of `PageSpec`
(output path, template, context), each context built from the model only. Charts are
described by `ChartSpec` inside the contexts that embed them.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from typing import Any, TypeVar

from .charts import ChartPoint, alt_text, caption
from .formatting import UNATTRIBUTED, format_number
from .model import STANCES, Claim, Figure, Mention, Statement
from .views import Linker, ReportIndex, page_slugs

T = TypeVar("T")
OTHER_GROUP = "Sonstiges"
TOP_N = 10


@dataclass(frozen=True)
class ChartSpec:
    """One chart: where its SVG goes (relative to the docs root) and what it shows."""

    path: str
    title: str
    ylabel: str
    rows: tuple[tuple[Figure, str], ...]  # (figure with its effective date, series label)

    @property
    def points(self) -> list[ChartPoint]:
        return [ChartPoint(date=f.date or "", value=f.value, series=s) for f, s in self.rows]

    @property
    def alt(self) -> str:
        return alt_text(self.points, title=self.title)

    @property
    def caption(self) -> str:
        return caption(self.points)


@dataclass(frozen=True)
class PageSpec:
    path: str  # relative to the docs root, e.g. "akteure/wladimir-putin.md"
    template: str
    context: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class FigureGroup:
    """Figures that count the same thing (e.g. "Soldaten")."""

    label: str
    anchor: str
    figures: list[Figure]
    chart: ChartSpec | None


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
        docs = {doc for doc, counts in self._region_mentions.items() if counts[region_id] >= 2}
        return [f for f in self.figures if f.doc in docs and f.id not in naming and f.counts]

    def claims_about_actor(self, actor_id: str) -> list[Claim]:
        return [c for _, c in self._about_actor.get(actor_id, [])]

    def claims_about_region(self, region_id: str) -> list[Claim]:
        return [c for _, c in self._about_region.get(region_id, [])]

    def summary(self, claim: Claim) -> dict[str, Any]:
        return stance_summary(self.ix, claim)

    def mentioned_in(self, doc_id: str) -> tuple[list[tuple[str, int]], list[tuple[str, int]]]:
        """(actor id, mentions) and (region id, mentions) of one document, by name."""
        actors = self._actor_mentions.get(doc_id, Counter())
        regions = self._region_mentions.get(doc_id, Counter())
        return (
            [(a.id, actors[a.id]) for a in self.ix.sorted_actors() if a.id in actors],
            [(r.id, regions[r.id]) for r in self.ix.sorted_regions() if r.id in regions],
        )

    def co_mentioned(self, mentions: list[Mention], exclude: str | None = None) -> list[tuple[str, int]]:
        """Actors mentioned in the same sentences as `mentions`, most frequent first."""
        counts: Counter[str] = Counter()
        for key in sorted({(m.doc, m.sentence) for m in mentions}):
            counts.update(a for a in self.actors_at.get(key, ()) if a != exclude)
        return sorted(counts.items(), key=lambda kv: (-kv[1], self.ix.actor_name(kv[0]).casefold(), kv[0]))

    def sources_of(self, mentions: list[Mention]) -> list[tuple[str, int]]:
        """(doc id, mentions) for every document the mentions occur in, in source order."""
        counts = Counter(m.doc for m in mentions)
        order = [d.id for d in self.ix.sorted_documents()]
        known = [(d, counts[d]) for d in order if d in counts]
        return known + sorted((d, n) for d, n in counts.items() if d not in self.ix.docs)

    def figure_series(self, figure: Figure, claimants: dict[tuple[str, int], set[str]] | None = None) -> str:
        """Chart series of a figure: who it is attributed to, else the sentence's one claimant."""
        if figure.attributed_to is not None:
            return self.ix.actor_name(figure.attributed_to)
        others = sorted((claimants or {}).get((figure.doc, figure.sentence), set()))
        return self.ix.actor_name(others[0]) if len(others) == 1 else UNATTRIBUTED


def _group(items: Iterable[T], key: Callable[[T], str | None]) -> dict[str | None, list[T]]:
    """Items by key, each list in the order of `items`."""
    groups: dict[str | None, list[T]] = defaultdict(list)
    for item in items:
        groups[key(item)].append(item)
    return dict(groups)


def stance_summary(ix: ReportIndex, claim: Claim) -> dict[str, Any]:
    """Distinct claimants per stance, statement counts, first and last date."""
    claimants: dict[str, set[str]] = {s: set() for s in STANCES}
    for st in claim.statements:
        claimants.setdefault(st.stance, set()).add(st.claimant or f"\0{st.id}")
    dates = sorted(d for st in claim.statements if (d := ix.statement_date(st)))
    return {
        "by_stance": {s: len(claimants.get(s, ())) for s in STANCES},
        "statements": len(claim.statements),
        "first": dates[0] if dates else None,
        "last": dates[-1] if dates else None,
    }


def figure_groups(
    rel: Relations,
    figures: list[Figure],
    chart_prefix: str,
    claimants: dict[tuple[str, int], set[str]] | None = None,
    *,
    chart_from: int = 1,
) -> list[FigureGroup]:
    """Group figures by what they count, biggest group first.

    Groups with at least `chart_from` figures get a chart; if none does, the biggest group
    gets one anyway, so that a page with figures always has a chart.
    """
    by_label: dict[str, list[Figure]] = defaultdict(list)
    for f in figures:
        by_label[(f.counts or "").strip() or OTHER_GROUP].append(f)
    labels = sorted(by_label, key=lambda k: (k == OTHER_GROUP, -len(by_label[k]), k.casefold(), k))
    anchors = page_slugs(labels)
    charted = {k for k in labels if len(by_label[k]) >= chart_from} or set(labels[:1])
    groups = []
    for label in labels:
        members = by_label[label]
        spec = None
        if label in charted:
            rows = tuple(
                (replace(f, date=rel.ix.figure_date(f)), rel.figure_series(f, claimants)) for f in members
            )
            path = f"charts/{chart_prefix}-{anchors[label]}.svg"
            spec = ChartSpec(path=path, title=label, ylabel=f"Anzahl {label}", rows=rows)
        groups.append(FigureGroup(label=label, anchor=f"zahl-{anchors[label]}", figures=members, chart=spec))
    return groups


def plan_pages(ix: ReportIndex) -> list[PageSpec]:
    """Every generated page with its context, in a stable order."""
    rel = Relations(ix)
    ln = Linker(ix)
    base = {"ix": ix, "ln": ln, "rel": rel}
    figure_page_groups = figure_groups(rel, rel.figures, "zahlen", chart_from=2)
    pages = [
        PageSpec("uebersicht/index.md", "overview.md.j2", {**base, **overview(ix, rel, figure_page_groups)}),
        PageSpec("akteure/index.md", "actors_index.md.j2", base),
        PageSpec("regionen/index.md", "regions_index.md.j2", base),
        PageSpec("behauptungen/index.md", "claims_index.md.j2", base),
        PageSpec("quellen/index.md", "sources_index.md.j2", base),
        PageSpec("zahlen/index.md", "figures.md.j2", {**base, "groups": figure_page_groups}),
    ]
    for doc in ix.sorted_documents():
        pages.append(PageSpec(ix.source_path(doc.id) or "", "source.md.j2", {**base, "doc": doc}))
    for actor in ix.sorted_actors():
        pages.append(PageSpec(ix.actor_path(actor.id), "actor.md.j2", {**base, "actor": actor}))
    for region in ix.sorted_regions():
        pages.append(PageSpec(ix.region_path(region.id), "region.md.j2", {**base, "region": region}))
    for claim in ix.sorted_claims():
        pages.append(
            PageSpec(ix.claim_path(claim.id), "claim.md.j2", {**base, **claim_context(ix, rel, claim)})
        )
    return pages


def claim_context(ix: ReportIndex, rel: Relations, claim: Claim) -> dict[str, Any]:
    statements = sorted(claim.statements, key=ix.statement_key)
    at = {(s.doc, s.sentence) for s in statements}
    claimants: dict[tuple[str, int], set[str]] = defaultdict(set)
    for s in statements:
        if s.claimant is not None:
            claimants[(s.doc, s.sentence)].add(s.claimant)
    figures = [f for f in rel.figures if (f.doc, f.sentence) in at]
    prefix = f"behauptung-{ix.claim_slug[claim.id]}"
    return {
        "claim": claim,
        "statements": statements,
        "summary": stance_summary(ix, claim),
        "groups": figure_groups(rel, figures, prefix, claimants),
    }


def overview(ix: ReportIndex, rel: Relations, groups: list[FigureGroup]) -> dict[str, Any]:
    """Counts, key figures per group, most-mentioned actors, newest claims."""
    key_figures = []
    for g in groups[:TOP_N]:
        latest = max(g.figures, key=lambda f: (ix.figure_date(f) or "", f.value, f.id))
        values = [f.value for f in g.figures]
        span = format_number(min(values)) + (
            f" bis {format_number(max(values))}" if max(values) != min(values) else ""
        )
        key_figures.append({"group": g, "span": span, "latest": latest})
    actors = sorted(ix.actors.values(), key=lambda a: (-len(a.mentions), a.name.casefold(), a.id))[:TOP_N]
    claims = [
        {"claim": c, "summary": stance_summary(ix, c)} for c in sorted(ix.claims.values(), key=lambda c: c.id)
    ]
    claims.sort(key=lambda c: (-c["summary"]["statements"], c["claim"].text.casefold()))
    claims.sort(key=lambda c: c["summary"]["last"] or "", reverse=True)
    claims = claims[:TOP_N]
    return {
        "counts": {
            "Quellen": len(ix.docs),
            "Akteure": len(ix.actors),
            "Regionen": len(ix.regions),
            "Zahlenangaben": len(rel.figures),
            "Behauptungen": len(ix.claims),
            "Aussagen": len(rel.statements),
        },
        "key_figures": key_figures,
        "top_actors": actors,
        "newest_claims": claims,
    }
