"""A source's page (quellen/): its details, its text sentence by sentence, what was extracted.

What was extracted is listed in the order of the text: by sentence, then as found in it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.model import Claim, Document, Figure, Statement
from generator.render.escape import Safe
from generator.render.pages.kit import Kit, PageSpec
from generator.render.pages.rows import Counted, FigureRow, StatementRow


@dataclass(frozen=True)
class SourcePage:
    doc: Document
    title: str
    paragraphs: list[Safe]  # the text, each sentence anchored, mentions linked
    statements: list[StatementRow]  # in the order of the text
    figures: list[FigureRow]  # in the order of the text
    actors: list[Counted]  # by name, with their mentions in this source
    regions: list[Counted]


def natural_key(ident: str) -> tuple[str | int, ...]:
    """``"doc-c10"`` after ``"doc-c9"``: the numbers in an id compared as numbers."""
    return tuple(int(part) if part.isdecimal() else part for part in re.split(r"(\d+)", ident))


def in_text_order(pairs: list[tuple[Claim, Statement]]) -> list[tuple[Claim, Statement]]:
    """Statements by sentence, then in the order they were found (their ids count up)."""
    return sorted(pairs, key=lambda cs: (cs[1].sentence, natural_key(cs[1].id)))


def figures_in_text_order(figures: list[Figure]) -> list[Figure]:
    return sorted(figures, key=lambda f: (f.sentence, natural_key(f.id)))


def source_page(kit: Kit, doc: Document) -> PageSpec:
    rel, rows = kit.rel, kit.rows
    actors, regions = rel.mentioned_in(doc.id)
    title = kit.ix.source_title(doc.id)
    data = SourcePage(
        doc=doc,
        title=title,
        paragraphs=kit.text.paragraphs(doc),
        statements=rows.statements(in_text_order(rel.statements_in(doc.id))),
        figures=rows.figures(figures_in_text_order(rel.figures_in(doc.id))),
        actors=rows.actors(actors),
        regions=rows.regions_counted(regions),
    )
    return kit.page(kit.ix.source_path(doc.id) or "", "source.md.j2", title, [doc.id], data)
