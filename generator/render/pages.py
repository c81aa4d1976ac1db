"""Page plans: which pages exist, and the data each template receives.

`plan_pages` gathers everything before anything is written: a list of `PageSpec` (output
path, template, context, embedded charts and maps), each context built from the model only.
Every page gets a "Zitieren" box (`generator.render.citation`) naming the sources it rests on.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from generator.base.formatting import ACTOR_TYPE_DE, REGION_TYPE_DE, country_name, format_number
from generator.base.slugs import slugify
from generator.charts.assets import Asset, FigureChart, MentionChart, RegionMap, StanceChart
from generator.charts.maps import has_map
from generator.charts.stances import StancePoint
from generator.model import Actor, Claim, Region
from generator.render.citation import SiteInfo, cite, claim_json_ld
from generator.render.escape import Safe
from generator.render.limits import Cut
from generator.render.links import Linker
from generator.render.series_pages import FigureSeries, SeriesPages
from generator.render.source_text import SourceText
from generator.resolve.index import ReportIndex
from generator.resolve.relations import Relations
from generator.resolve.timeline import days, months

TOP_N = 10


@dataclass(frozen=True)
class PageSpec:
    path: str  # relative to the docs root, e.g. "akteure/wladimir-putin.md"
    template: str
    context: dict[str, Any] = field(default_factory=dict)
    assets: tuple[Asset, ...] = ()  # charts and maps the page embeds


CONFLICTS_SHOWN = 20
"""At most this many disputed figures (and, per figure, figures it clashes with) in a series'
conflicts box; the table of all figures follows on the same page."""


class Planner:
    """Builds every page's context; holds what all pages share."""

    def __init__(self, ix: ReportIndex, site: SiteInfo) -> None:
        self.ix = ix
        self.site = site
        self.rel = Relations(ix)
        self.series = SeriesPages(ix)
        self.base = {
            "ix": ix,
            "ln": Linker(ix),
            "rel": self.rel,
            "series": self.series,
            "text": SourceText(ix),
            "cut": Cut(ix),
        }
        self.all_docs = [d.id for d in ix.sorted_documents()]

    def page(
        self,
        path: str,
        template: str,
        title: str,
        docs: list[str],
        *,
        assets: tuple[Asset, ...] = (),
        **context: Any,
    ) -> PageSpec:
        cite_box = cite(self.site, self.ix, path, title, docs)
        return PageSpec(path, template, {**self.base, **context, "cite": cite_box}, assets)

    # Figures ---------------------------------------------------------------------------------
    def figure_chart(self, s: FigureSeries) -> FigureChart:
        rows = tuple((replace(f, date=self.ix.figure_date(f)), f.voice or "") for f in s.figures)
        return FigureChart(
            path=f"charts/zahlen-{s.slug}.svg", title=s.name, ylabel=f"Anzahl {s.label}", rows=rows
        )

    def series_summary(self, s: FigureSeries) -> dict[str, Any]:
        values = [f.value for f in s.figures]
        low, high = min(values), max(values)
        dates = sorted(d for f in s.figures if (d := self.ix.figure_date(f)))
        latest = max(s.figures, key=lambda f: (self.ix.figure_date(f) or "", f.value, f.id))
        return {
            "series": s,
            "span": Safe(format_number(low) + (f" bis {format_number(high)}" if high != low else "")),
            "first": dates[0] if dates else None,
            "last": dates[-1] if dates else None,
            "claimants": len({f.voice for f in s.figures}),
            "latest": latest,
        }

    def series_page(self, s: FigureSeries) -> PageSpec:
        chart = self.figure_chart(s)
        regions = sorted(
            {r for f in s.figures for r in f.regions},
            key=lambda r: self.ix.regions[r].name if r in self.ix.regions else r,
        )
        return self.page(
            self.series.path(s),
            "series.md.j2",
            s.name,
            [f.doc for f in s.figures],
            assets=(chart,),
            s=s,
            chart=chart,
            summary=self.series_summary(s),
            regions=regions,
            conflicts_shown=CONFLICTS_SHOWN,
        )

    # Claims ----------------------------------------------------------------------------------
    def claim_page(self, claim: Claim) -> PageSpec:
        ix, rel = self.ix, self.rel
        statements = sorted(claim.statements, key=ix.statement_key)
        at = {(s.doc, s.sentence) for s in statements}
        figures = [f for f in rel.figures if (f.doc, f.sentence) in at]
        points = tuple(
            StancePoint(ix.statement_date(st) or "", ix.actor_name(st.claimant), st.stance)
            for st in statements
        )
        chart = None
        if len(statements) >= 2 and any(p.date for p in points):
            chart = StanceChart(f"charts/behauptung-{ix.claim_slug[claim.id]}.svg", "Haltungen", points)
        path = ix.claim_path(claim.id)
        return self.page(
            path,
            "claim.md.j2",
            claim.text,
            [s.doc for s in statements],
            assets=(chart,) if chart else (),
            claim=claim,
            statements=statements,
            summary=claim.status,
            chart=chart,
            groups=self.series.grouped(figures),
            claimants=claim.status.claimants,
            json_ld=claim_json_ld(ix, claim, self.site, path),
        )

    # Actors and regions ----------------------------------------------------------------------
    def actor_page(self, actor: Actor) -> PageSpec:
        rel = self.rel
        over_time = rel.mentions_over_time(actor.mentions)
        dated = tuple((d, n) for d, n in over_time if d)
        chart = MentionChart(f"charts/akteur-{self.ix.actor_slug[actor.id]}.svg", "Erwähnungen", dated)
        chart = chart if len(dated) >= 2 else None
        docs = [m.doc for m in actor.mentions] + [st.doc for _, st in rel.statements_by(actor.id)]
        docs += [f.doc for f in rel.figures_by(actor.id)]
        tags = [ACTOR_TYPE_DE.get(actor.type, actor.type)] + (
            [country_name(actor.country)] if actor.country else []
        )
        return self.page(
            self.ix.actor_path(actor.id),
            "actor.md.j2",
            actor.name,
            docs,
            assets=(chart,) if chart else (),
            actor=actor,
            chart=chart,
            over_time=over_time,
            tags=tags,
        )

    def region_page(self, region: Region) -> PageSpec:
        slug = self.ix.region_slug[region.id]
        label = country_name(region.country) if region.country else region.name
        card = RegionMap(f"karten/{slug}.svg", region, label) if has_map(region) else None
        docs = [m.doc for m in region.mentions] + [f.doc for f in self.rel.figures_naming(region.id)]
        tags = [REGION_TYPE_DE.get(region.type, region.type)]
        if region.country and region.type != "country":
            tags.append(country_name(region.country))
        return self.page(
            self.ix.region_path(region.id),
            "region.md.j2",
            region.name,
            docs,
            assets=(card,) if card else (),
            region=region,
            map=card,
            tags=tags,
        )

    # Overview --------------------------------------------------------------------------------
    def overview(self) -> dict[str, Any]:
        ix, rel = self.ix, self.rel
        several = [s for s in self.series.series if len(s.figures) >= 2] or self.series.series[:3]
        key_series = [self.series_summary(s) for s in several[:TOP_N]]
        actors = sorted(ix.actors.values(), key=lambda a: (-len(a.mentions), a.name.casefold(), a.id))[:TOP_N]
        claims = [{"claim": c, "summary": c.status} for c in sorted(ix.claims.values(), key=lambda c: c.id)]
        claims.sort(key=lambda c: (-c["summary"].statements, c["claim"].text.casefold()))
        contested = [c for c in claims if c["claim"].status.contested]
        claims.sort(key=lambda c: c["summary"].last or "", reverse=True)
        return {
            "counts": {
                "Quellen": len(ix.docs),
                "Akteure": len(ix.actors),
                "Regionen": len(ix.regions),
                "Zahlenangaben": len(rel.figures),
                "Behauptungen": len(ix.claims),
                "Aussagen": len(rel.statements),
            },
            "key_series": key_series,
            "conflicted": [s for s in self.series.series if s.conflicts],
            "top_actors": actors,
            "newest_claims": claims[:TOP_N],
            "contested_claims": contested[:TOP_N],
        }

    def plan(self) -> list[PageSpec]:
        ix, docs = self.ix, self.all_docs
        pages = [
            self.page("uebersicht/index.md", "overview.md.j2", "Übersicht", docs, **self.overview()),
            self.page("akteure/index.md", "actors_index.md.j2", "Akteure", docs),
            self.page("regionen/index.md", "regions_index.md.j2", "Regionen", docs),
            self.page("behauptungen/index.md", "claims_index.md.j2", "Behauptungen", docs),
            self.page("quellen/index.md", "sources_index.md.j2", "Quellen", docs),
            self.page(
                "zahlen/index.md",
                "figures.md.j2",
                "Zahlen",
                docs,
                summaries=[self.series_summary(s) for s in self.series.series],
            ),
        ]
        chronicle = months(days(ix, self.rel))
        pages.append(self.page("chronik/index.md", "timeline.md.j2", "Chronik", docs, months=chronicle))
        for month in chronicle:
            month_docs = sorted({e.doc for day in month.days for e in day.entries})
            title = f"Chronik: {month.title}"
            pages.append(self.page(month.path, "timeline_month.md.j2", title, month_docs, month=month))
        pages += [self.series_page(s) for s in self.series.series]
        for doc in ix.sorted_documents():
            path = ix.source_path(doc.id) or ""
            pages.append(self.page(path, "source.md.j2", ix.source_title(doc.id), [doc.id], doc=doc))
        entities = [self.actor_page(a) for a in ix.sorted_actors()]
        entities += [self.region_page(r) for r in ix.sorted_regions()]
        pages.append(self.tags_page(entities))
        pages += entities
        pages += [self.claim_page(c) for c in ix.sorted_claims()]
        return pages

    def tags_page(self, tagged: list[PageSpec]) -> PageSpec:
        """The Schlagwörter page: every tag with the actor and region pages that carry it; the
        kinds (Person, Stadt …) first, then the countries."""
        members: dict[str, list[tuple[str, str]]] = {}
        for spec in tagged:
            entity = spec.context.get("actor") or spec.context["region"]
            for tag in spec.context["tags"]:
                members.setdefault(tag, []).append((entity.name, spec.path))
        kinds = {k: n for n, k in enumerate([*ACTOR_TYPE_DE.values(), *REGION_TYPE_DE.values()])}
        order = sorted(members, key=lambda t: (kinds.get(t, len(kinds)), t.casefold()))
        tags = [(tag, slugify(tag), sorted(members[tag])) for tag in order]
        return self.page("schlagwoerter/index.md", "tags.md.j2", "Schlagwörter", self.all_docs, tags=tags)


def plan_pages(ix: ReportIndex, site: SiteInfo | None = None) -> list[PageSpec]:
    """Every generated page with its context, in a stable order."""
    return Planner(ix, site or SiteInfo()).plan()
