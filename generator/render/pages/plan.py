"""The page plan: every page of the report, in a stable order, each with its data."""

from __future__ import annotations

from generator.render.citation import SiteInfo
from generator.render.pages.actor import actor_page
from generator.render.pages.claim import claim_page
from generator.render.pages.indexes import index_pages
from generator.render.pages.kit import Kit, PageSpec
from generator.render.pages.overview import overview_page
from generator.render.pages.region import region_page
from generator.render.pages.series import figures_index, series_page, series_summary
from generator.render.pages.source import source_page
from generator.render.pages.tags import tags_page
from generator.render.pages.timeline import timeline_pages
from generator.resolve.index import ReportIndex


class Planner:
    """Plans every page of one report: overview, indexes, Chronik, series, sources, entities, claims."""

    def __init__(self, ix: ReportIndex, site: SiteInfo) -> None:
        self.kit = Kit(ix, site)

    def plan(self) -> list[PageSpec]:
        kit, ix = self.kit, self.kit.ix
        series = kit.series.series
        summaries = [series_summary(kit, s) for s in series]
        pages = [overview_page(kit, summaries), *index_pages(kit), figures_index(kit, summaries)]
        pages += timeline_pages(kit)
        pages += [series_page(kit, s, k) for s, k in zip(series, summaries, strict=True)]
        pages += [source_page(kit, doc) for doc in ix.sorted_documents()]
        entities = [actor_page(kit, a) for a in ix.sorted_actors()]
        entities += [region_page(kit, r) for r in ix.sorted_regions()]
        pages.append(tags_page(kit, entities))
        pages += entities
        pages += [claim_page(kit, c) for c in ix.sorted_claims()]
        return pages


def plan_pages(ix: ReportIndex, site: SiteInfo | None = None) -> list[PageSpec]:
    """Every generated page with its data, in a stable order."""
    return Planner(ix, site or SiteInfo()).plan()
