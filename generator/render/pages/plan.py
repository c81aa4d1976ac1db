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
    """Plans every page of one report, in two independent parts: `report_pages` (overview,
    indexes, Chronik, entities, tags) and `detail_pages` (series, sources, claims)."""

    def __init__(self, ix: ReportIndex, site: SiteInfo) -> None:
        self.kit = Kit(ix, site)

    def plan(self) -> list[PageSpec]:
        """Every page: `report_pages`, then `detail_pages`."""
        return [*self.report_pages(), *self.detail_pages()]

    def report_pages(self) -> list[PageSpec]:
        """Overview, indexes, Chronik, actors, regions and the tags: the pages about the whole
        report and its entities."""
        kit, ix = self.kit, self.kit.ix
        series = kit.series.series
        summaries = [series_summary(kit, s) for s in series]
        pages = [overview_page(kit, summaries), *index_pages(kit), figures_index(kit, summaries)]
        pages += timeline_pages(kit)
        entities = [actor_page(kit, a) for a in ix.sorted_actors()]
        entities += [region_page(kit, r) for r in ix.sorted_regions()]
        pages.append(tags_page(kit, entities))
        return pages + entities

    def detail_pages(self) -> list[PageSpec]:
        """A page per figure series, per source and per claim: planned independently of
        `report_pages` (each reads the report alone), so that the two can be planned and rendered
        in two processes."""
        kit, ix = self.kit, self.kit.ix
        pages = [series_page(kit, s, series_summary(kit, s)) for s in kit.series.series]
        pages += [source_page(kit, doc) for doc in ix.sorted_documents()]
        return pages + [claim_page(kit, c) for c in ix.sorted_claims()]

    def detail_page_count(self) -> int:
        """How many pages `detail_pages` returns (without planning them)."""
        return len(self.kit.series.series) + len(self.kit.ix.docs) + len(self.kit.ix.claims)


def plan_pages(ix: ReportIndex, site: SiteInfo | None = None) -> list[PageSpec]:
    """Every generated page with its data, in a stable order."""
    return Planner(ix, site or SiteInfo()).plan()
