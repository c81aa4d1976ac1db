"""Lookups over a Report: entities by id, page slugs and paths, sentences, dates and anchors.

`ReportIndex` is built once and answers every "where does X live" question for resolution,
rendering and export; `generator.render.links.Linker` turns its answers into Markdown links.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from generator.base.formatting import UNATTRIBUTED
from generator.base.slugs import unique_slugs
from generator.model import Actor, Claim, Document, Figure, Region, Report, Sentence, Statement

_RESERVED = re.compile(r"index|seite-\d+")
"""Slugs of a section's own pages: its index, and the further pages of a long index ("seite-2")."""


def is_reserved(slug: str) -> bool:
    """Whether `slug` names one of a section's own pages, which no entity page may take."""
    return _RESERVED.fullmatch(slug) is not None


def page_slugs(ids: Iterable[str]) -> dict[str, str]:
    """Distinct page slugs for ids, independent of their order; never a reserved one (``index``)."""
    slugs = unique_slugs(list(ids))
    taken = set(slugs.values())
    for key in sorted(slugs):
        if is_reserved(slugs[key]):
            n = 2
            while f"{slugs[key]}-{n}" in taken:
                n += 1
            slugs[key] = f"{slugs[key]}-{n}"
            taken.add(slugs[key])
    return slugs


def name_key(name: str, ident: str) -> tuple[str, str]:
    """Sort key for display lists: by name, case-insensitive, then by id."""
    return (name.casefold(), ident)


class ReportIndex:
    """Read-only lookups over a Report (ids → entities, slugs, sentences, dates)."""

    def __init__(self, report: Report) -> None:
        self.report = report
        self.docs: dict[str, Document] = {d.id: d for d in report.documents}
        self.actors: dict[str, Actor] = {a.id: a for a in report.actors}
        self.regions: dict[str, Region] = {r.id: r for r in report.regions}
        self.claims: dict[str, Claim] = {c.id: c for c in report.claims}
        self.source_slug = page_slugs(self.docs)
        self.actor_slug = page_slugs(self.actors)
        self.region_slug = page_slugs(self.regions)
        self.claim_slug = page_slugs(self.claims)
        self._sentences: dict[tuple[str, int], Sentence] = {
            (d.id, s.index): s for d in report.documents for s in d.sentences
        }
        figure_slugs = page_slugs(f.id for f in report.figures)
        statement_slugs = page_slugs(st.id for c in report.claims for st in c.statements)
        self._sorted_documents: list[Document] | None = None
        self._document_rank: dict[str, int] | None = None
        self._figure_anchor = {k: f"zahl-{v}" for k, v in figure_slugs.items()}
        self._statement_anchor = {k: f"aussage-{v}" for k, v in statement_slugs.items()}

    # Sorted entity lists ---------------------------------------------------------------
    def sorted_documents(self) -> list[Document]:
        """Newest first, then by id (computed once: every page's citation box asks)."""
        if self._sorted_documents is None:
            docs = sorted(self.docs.values(), key=lambda d: d.id)
            self._sorted_documents = sorted(docs, key=lambda d: d.source.published or "", reverse=True)
        return list(self._sorted_documents)

    def newest_documents(self, ids: Iterable[str]) -> list[Document]:
        """The known documents among `ids`, in the order of `sorted_documents` (no scan of the report)."""
        if self._document_rank is None:
            self._document_rank = {d.id: n for n, d in enumerate(self.sorted_documents())}
        rank = self._document_rank
        return [self.docs[d] for d in sorted({d for d in ids if d in rank}, key=rank.__getitem__)]

    def sorted_actors(self) -> list[Actor]:
        return sorted(self.actors.values(), key=lambda a: name_key(a.name, a.id))

    def sorted_regions(self) -> list[Region]:
        return sorted(self.regions.values(), key=lambda r: name_key(r.name, r.id))

    def sorted_claims(self) -> list[Claim]:
        return sorted(self.claims.values(), key=lambda c: name_key(c.text, c.id))

    def sorted_figures(self) -> list[Figure]:
        return sorted(self.report.figures, key=self.figure_key)

    # Sentences and dates ---------------------------------------------------------------
    def sentence(self, doc_id: str, index: int) -> Sentence | None:
        return self._sentences.get((doc_id, index))

    def sentence_text(self, doc_id: str, index: int) -> str:
        sentence = self.sentence(doc_id, index)
        return sentence.text if sentence else ""

    def published(self, doc_id: str) -> str | None:
        doc = self.docs.get(doc_id)
        return doc.source.published if doc else None

    def event_date(self, doc_id: str, index: int) -> str | None:
        """The date a sentence refers to ("am Donnerstag" resolved), else its article's date."""
        sentence = self.sentence(doc_id, index)
        return (sentence.date if sentence else None) or self.published(doc_id)

    def statement_date(self, statement: Statement) -> str | None:
        """The sentence's own date, else the statement's, else the publication date."""
        sentence = self.sentence(statement.doc, statement.sentence)
        return (sentence.date if sentence else None) or statement.date or self.published(statement.doc)

    def figure_date(self, figure: Figure) -> str | None:
        """The sentence's own date, else the figure's, else the publication date."""
        sentence = self.sentence(figure.doc, figure.sentence)
        return (sentence.date if sentence else None) or figure.date or self.published(figure.doc)

    def figure_key(self, figure: Figure) -> tuple[str, str, int, str]:
        return (self.figure_date(figure) or "", figure.doc, figure.sentence, figure.id)

    def statement_key(self, statement: Statement) -> tuple[str, str, int, str]:
        return (self.statement_date(statement) or "", statement.doc, statement.sentence, statement.id)

    def actor_name(self, actor_id: str | None) -> str:
        if actor_id is None:
            return UNATTRIBUTED
        actor = self.actors.get(actor_id)
        return actor.name if actor else actor_id

    def figure_anchor(self, figure_id: str) -> str:
        """The id of a figure's row (``zahl-…``), unique within the report."""
        return self._figure_anchor[figure_id]

    def statement_anchor(self, statement_id: str) -> str:
        """The id of a statement's row (``aussage-…``), unique within the report."""
        return self._statement_anchor[statement_id]

    # Paths relative to the docs root -----------------------------------------------------
    def source_path(self, doc_id: str) -> str | None:
        slug = self.source_slug.get(doc_id)
        return f"quellen/{slug}.md" if slug else None

    def actor_path(self, actor_id: str) -> str:
        return f"akteure/{self.actor_slug[actor_id]}.md"

    def region_path(self, region_id: str) -> str:
        return f"regionen/{self.region_slug[region_id]}.md"

    def claim_path(self, claim_id: str) -> str:
        return f"behauptungen/{self.claim_slug[claim_id]}.md"

    def source_title(self, doc_id: str) -> str:
        doc = self.docs.get(doc_id)
        if doc is None:
            return doc_id
        return doc.source.title.strip() or doc.id

    def source_label(self, doc_id: str) -> str:
        """Outlet if known, else the shortened title: how a citation names its source."""
        doc = self.docs.get(doc_id)
        if doc is not None and doc.source.outlet:
            return doc.source.outlet
        return shorten(self.source_title(doc_id), 30)


def shorten(text: str, limit: int = 40) -> str:
    """Cut `text` at a word boundary to at most `limit` characters, marking the cut with "…"."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0] or text[: limit - 1]
    return cut + "…"
