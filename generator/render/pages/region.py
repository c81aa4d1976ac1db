"""A region's page (regionen/): profile, map, figures naming it, claims, actors, sources.

Long lists are cut (`generator.render.limits`); the complete lists are on the series, claim and
source pages.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.base.formatting import REGION_TYPE_DE, country_name
from generator.charts.assets import RegionMap
from generator.charts.maps import has_map
from generator.model import Region
from generator.render.limits import Shown, first, newest
from generator.render.pages.kit import Kit, PageSpec
from generator.render.pages.rows import Tag, tag


@dataclass(frozen=True)
class RegionPage:
    region: Region
    tags: list[Tag]
    map: RegionMap | None
    figures: Shown  # of FigureRow: figures whose sentence names the place, newest
    nearby: Shown  # of FigureRow: figures of articles about the place, newest
    about: Shown  # of claim links
    actors: Shown  # of Counted: actors named in the same sentences, most frequent
    sources: Shown  # of SourceRow, newest

    @property
    def name(self) -> str:
        return self.region.name


def region_tags(region: Region) -> list[Tag]:
    """Its kind (Stadt …) and, unless it is one, its country."""
    names = [REGION_TYPE_DE.get(region.type, region.type)]
    if region.country and region.type != "country":
        names.append(country_name(region.country))
    return [tag(name) for name in names]


def region_page(kit: Kit, region: Region) -> PageSpec:
    rel, rows = kit.rel, kit.rows
    slug = kit.ix.region_slug[region.id]
    label = country_name(region.country) if region.country else region.name
    card = RegionMap(f"karten/{slug}.svg", region, label) if has_map(region) else None
    naming = rel.figures_naming(region.id)
    data = RegionPage(
        region=region,
        tags=region_tags(region),
        map=card,
        figures=newest(rows.figures(naming), lambda row: row.date),
        nearby=newest(rows.figures(rel.figures_from_articles_about(region.id)), lambda row: row.date),
        about=first(rows.claims(rel.claims_about_region(region.id))),
        actors=first(rows.actors(rel.co_mentioned(region.mentions))),
        sources=newest(rows.sources(rel.sources_of(region.mentions)), lambda row: row.published),
    )
    docs = [m.doc for m in region.mentions] + [f.doc for f in naming]
    assets = (card,) if card else ()
    return kit.page(kit.ix.region_path(region.id), "region.md.j2", region.name, docs, data, assets)
