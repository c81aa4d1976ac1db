"""Extraction stage: cleaned articles → sentences, entities, figures and statements per document."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from generator.base.cache import ExtractionCache
from generator.corpus.clean import Cleaned, clean_text
from generator.corpus.read import RawArticle
from generator.extract.base import DocState
from generator.extract.components import extraction_pipeline
from generator.extract.document import article_doc, sentence_anchors
from generator.extract.metadata import infer_outlet, infer_published
from generator.model import Document, Sentence, Source
from generator.nlp import Pipeline
from generator.nlp.dates import resolve_date

log = logging.getLogger(__name__)
Progress = Callable[[int], None]


@dataclass
class Extracted:
    """One document and what extraction found in it."""

    document: Document
    state: DocState


def make_source(
    article: RawArticle, cleaned: Cleaned, pipeline: Pipeline, default_year: int | None
) -> Source:
    """Metadata from sources.yml/front matter; gaps inferred from the text and reported."""
    meta = article.meta
    inferred: list[str] = []
    title = meta.get("title") or cleaned.headline[:200]
    if "title" not in meta:
        inferred.append("title")
    outlet = meta.get("outlet")
    if "outlet" not in meta:
        outlet = infer_outlet(cleaned, pipeline.kb)
        inferred.append("outlet")
    published = meta.get("published")
    if "published" not in meta:
        published = infer_published(cleaned, default_year, pipeline.kb.lexicon)
        inferred.append("published")
    if inferred:
        found = {"title": title, "outlet": outlet, "published": published}
        shown = ", ".join(f"{k}={found[k]!r}" for k in inferred)
        log.warning(
            "%s: no metadata for %s in sources.yml; inferred from the text: %s",
            article.path,
            "/".join(inferred),
            shown,
        )
    return Source(
        id=article.id,
        path=article.path,
        title=str(title),
        outlet=str(outlet) if outlet else None,
        published=str(published) if published else None,
        language=str(meta.get("language") or "de"),
        url=meta.get("url"),
        reliability=meta.get("reliability"),
        inferred=inferred,
    )


def corpus_year(articles: list[RawArticle]) -> int | None:
    """The most common publication year of the corpus: the year for dates that give none."""
    years = [int(str(a.meta["published"])[:4]) for a in articles if a.meta.get("published")]
    return max(sorted(set(years)), key=years.count) if years else None


class Extractor:
    """Runs the finders over documents; built once per run with the pipeline."""

    def __init__(self, pipeline: Pipeline) -> None:
        self.pipeline = pipeline
        self.steps = extraction_pipeline(pipeline.knowledge)

    def extract(
        self,
        articles: list[RawArticle],
        progress: Progress | None = None,
        cache: ExtractionCache | None = None,
        default_year: int | None = None,
    ) -> list[Extracted]:
        """Extract every article; with a cache, unchanged articles are loaded instead."""
        if default_year is None:
            default_year = corpus_year(articles)
        keys = [cache.key(a.id, a.path, a.text, a.meta, default_year) if cache else "" for a in articles]
        results: list[Extracted | None] = [cache.get(k) if cache else None for k in keys]
        todo = [i for i, r in enumerate(results) if r is None]
        if progress and len(todo) < len(articles):
            progress(len(articles) - len(todo))
        cleaned = {i: clean_text(articles[i].text, self.pipeline.kb.lexicon) for i in todo}
        pieces = {i: self.pipeline.pieces(cleaned[i].text) for i in todo}
        docs = iter(self.pipeline.pipe(p.text for i in todo for p in pieces[i]))
        for i in todo:
            source = make_source(articles[i], cleaned[i], self.pipeline, default_year)
            parts = [next(docs) for _ in pieces[i]]
            doc = self.steps(article_doc(parts, pieces[i], source.id))
            state: DocState = doc._.lagebild
            document = self._document(source, cleaned[i].text, state)
            state.detach()
            results[i] = Extracted(document, state)
            if cache:
                cache.put(keys[i], results[i])
            if progress:
                progress(1)
        return [r for r in results if r is not None]

    def _document(self, source: Source, text: str, state: DocState) -> Document:
        """The model's view of the article: its sentences with offsets, headings and dates."""
        document = Document(source=source, text=text)
        lead_alone = sum(1 for v in state.sentences if v.paragraph == 0) == 1
        for view in state.sentences:
            sent = view.span
            document.sentences.append(
                Sentence(
                    index=view.index,
                    text=sent.text,
                    paragraph=view.paragraph,
                    start=view.offset + sent.start_char,
                    end=view.offset + sent.end_char,
                    heading=view.heading or (view.paragraph == 0 and lead_alone),
                    date=resolve_date(sent.text, source.published, self.pipeline.kb.lexicon),
                )
            )
        anchors = sentence_anchors([s.text for s in document.sentences])
        for sentence, anchor in zip(document.sentences, anchors, strict=True):
            sentence.content_anchor = anchor
        return document
