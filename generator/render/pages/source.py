"""A source's page (quellen/): its details, its text sentence by sentence, what was extracted."""

from __future__ import annotations

from dataclasses import dataclass

from generator.model import Document
from generator.render.escape import Safe
from generator.render.pages.kit import Kit, PageSpec
from generator.render.pages.rows import Counted, FigureRow, StatementRow


@dataclass(frozen=True)
class SourcePage:
    doc: Document
    title: str
    paragraphs: list[Safe]  # the text, each sentence anchored, mentions linked
    statements: list[StatementRow]
    figures: list[FigureRow]
    actors: list[Counted]  # by name, with their mentions in this source
    regions: list[Counted]


def source_page(kit: Kit, doc: Document) -> PageSpec:
    rel, rows = kit.rel, kit.rows
    actors, regions = rel.mentioned_in(doc.id)
    title = kit.ix.source_title(doc.id)
    data = SourcePage(
        doc=doc,
        title=title,
        paragraphs=kit.text.paragraphs(doc),
        statements=rows.statements(rel.statements_in(doc.id)),
        figures=rows.figures(rel.figures_in(doc.id)),
        actors=rows.actors(actors),
        regions=rows.regions_counted(regions),
    )
    return kit.page(kit.ix.source_path(doc.id) or "", "source.md.j2", title, [doc.id], data)
