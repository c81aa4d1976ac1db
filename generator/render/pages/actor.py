"""An actor's page (akteure/): profile, statements, figures, mentions over time, sources.

Long lists are cut to the newest rows (`generator.render.limits`); the complete lists are on the
claim, series and source pages.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.base.formatting import ACTOR_TYPE_DE, country_name
from generator.charts.assets import MentionChart
from generator.model import Actor
from generator.render.limits import Shown, first, newest
from generator.render.pages.kit import Kit, PageSpec
from generator.render.pages.rows import Counted, Tag, tag

PARTNERS_SHOWN = 10  # actors most often named in the same sentences


@dataclass(frozen=True)
class ActorPage:
    actor: Actor
    tags: list[Tag]
    statements: Shown  # of StatementRow, newest
    figures: Shown  # of FigureRow attributed to the actor, newest
    chart: MentionChart | None
    over_time: list[tuple[str, int]]  # (date or "", mentions)
    partners: list[Counted]
    about: Shown  # of claim links
    sources: Shown  # of SourceRow, newest

    @property
    def name(self) -> str:
        return self.actor.name


def actor_tags(actor: Actor) -> list[Tag]:
    """Its kind (Person …) and its country."""
    names = [ACTOR_TYPE_DE.get(actor.type, actor.type)]
    if actor.country:
        names.append(country_name(actor.country))
    return [tag(name) for name in names]


def actor_page(kit: Kit, actor: Actor) -> PageSpec:
    rel, rows = kit.rel, kit.rows
    statements = rel.statements_by(actor.id)
    figures = rel.figures_by(actor.id)
    over_time = rel.mentions_over_time(actor.mentions)
    dated = tuple((d, n) for d, n in over_time if d)
    chart = MentionChart(f"charts/akteur-{kit.ix.actor_slug[actor.id]}.svg", "Erwähnungen", dated)
    chart = chart if len(dated) >= 2 else None
    data = ActorPage(
        actor=actor,
        tags=actor_tags(actor),
        statements=newest(rows.statements(statements), lambda row: row.date),
        figures=newest(rows.figures(figures), lambda row: row.date),
        chart=chart,
        over_time=over_time,
        partners=rows.actors(rel.co_mentioned(actor.mentions, actor.id)[:PARTNERS_SHOWN]),
        about=first(rows.claims(rel.claims_about_actor(actor.id))),
        sources=newest(rows.sources(rel.sources_of(actor.mentions)), lambda row: row.published),
    )
    docs = [m.doc for m in actor.mentions] + [st.doc for _, st in statements] + [f.doc for f in figures]
    assets = (chart,) if chart else ()
    return kit.page(kit.ix.actor_path(actor.id), "actor.md.j2", actor.name, docs, data, assets)
