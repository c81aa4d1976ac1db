"""NLP stage: one spaCy pipeline for German, built once per run.

``spacy.blank("de")`` with a sentencizer, the HanTa part-of-speech tagger (tags, lemmas,
morphology: `generator.nlp.tagger`) and the knowledge-base gazetteer component. Paragraphs are
processed as separate Docs, so a headline or paragraph never merges into the next
sentence. A trained pipeline (``de_core_news_*``), when configured, adds its entities
as an extra signal in ``doc.spans["ner"]``.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

import numpy
import spacy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Span

from generator.errors import ConfigError
from generator.knowledge.base import KnowledgeBase, cached_knowledge
from generator.nlp import tagger as _tagger  # noqa: F401  (registers lagebild_tagger)

log = logging.getLogger(__name__)

BATCH_SIZE = 256
NER_LABELS = {"PER": "person", "PERSON": "person", "ORG": "organization", "LOC": "place", "GPE": "place"}


class Gazetteer:
    """Marks every knowledge-base surface in a Doc as a span in ``doc.spans["kb"]``.

    Longest match wins. Span label is the surface form (name, alias, capital, demonym,
    prefix, adjective); ``span.kb_id_`` is the knowledge-base key. Hyphenated compounds
    whose first part is known ("US-Außenministerium", "NATO-Generalsekretär") get a span
    labelled ``prefix`` over the whole token.
    """

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        self.first_tokens = {surface.split(" ", 1)[0] for surface in kb.surfaces}

    def __call__(self, doc: Doc) -> Doc:
        spans: list[Span] = []
        i, n = 0, len(doc)
        while i < n:
            match = self._longest(doc, i)
            if match:
                end, surfaces = match
                best = min(surfaces, key=_surface_rank)
                spans.append(Span(doc, i, end, label=best.form, kb_id=best.key))
                i = end
                continue
            span = self._adjective_or_prefix(doc, i)
            if span is not None:
                spans.append(span)
            i += 1
        doc.spans["kb"] = spans
        return doc

    def _longest(self, doc: Doc, i: int) -> tuple[int, list] | None:
        first = doc[i].text
        if first not in self.first_tokens:
            return None
        best: tuple[int, list] | None = None
        text = first
        for j in range(i, min(len(doc), i + self.kb.max_tokens)):
            if j > i:
                text = f"{text}{' ' if doc[j - 1].whitespace_ else ''}{doc[j].text}"
            found = self.kb.lookup(text)
            if found:
                best = (j + 1, found)
        return best

    def _adjective_or_prefix(self, doc: Doc, i: int) -> Span | None:
        token = doc[i]
        code = self.kb.country_of_adjective(token.text)
        if code:
            return Span(doc, i, i + 1, label="adjective", kb_id=f"country:{code}")
        if "-" in token.text[1:-1]:
            head = token.text.split("-", 1)[0]
            found = self.kb.lookup(head)
            if not found and head.lower() in self.kb.adjectives:
                return Span(
                    doc, i, i + 1, label="prefix", kb_id=f"country:{self.kb.adjectives[head.lower()]}"
                )
            if found:
                return Span(doc, i, i + 1, label="prefix", kb_id=min(found, key=_surface_rank).key)
        return None


def _surface_rank(surface) -> tuple[int, int]:
    order = {"organization": 0, "person": 0, "country": 1, "area": 2, "region": 2, "city": 3}
    category = surface.key.split(":", 1)[0]
    category = {"org": "organization"}.get(category, category)
    return (order.get(category, 4), 0 if surface.form == "name" else 1)


OPENING_QUOTES = {"„", "»", "‚", "«"}


@Language.component("lagebild_quote_boundaries")
def quote_boundaries(doc: Doc) -> Doc:
    """An opening quote after a sentence end starts the next sentence (the sentencizer keeps it
    with the previous one: "… an. „Wir …" must split before „).

    The boundaries are read and written as one array: setting ``token.is_sent_start`` checks the
    whole Doc for a parse each time, which would make a long paragraph quadratic."""
    if len(doc) < 3:
        return doc
    starts = doc.to_array([SENT_START]).astype(numpy.int64)  # 1 starts a sentence, -1 does not
    changed = False
    for i in range(1, len(doc) - 1):
        if starts[i + 1] == 1 and doc[i].text in OPENING_QUOTES:
            starts[i], starts[i + 1] = 1, -1
            changed = True
    if changed:
        doc.from_array([SENT_START], starts.astype(numpy.uint64))
    return doc


class NumberStops:
    """A number that carries its sentence's full stop is split from it ("mehr als 80. Die Polizei …").

    The German tokenizer keeps "80." together as an ordinal, so the sentencizer would glue the next
    sentence on. The stop is split off when a capitalised word follows that is no month name and the
    number is not an ordinal after an article ("der 3. Weltkrieg", "am 3. Mai", "zum 2. Mal").
    """

    def __init__(self, ordinal_cues: set[str], months: set[str]) -> None:
        self.ordinal_cues = ordinal_cues
        self.months = months

    def __call__(self, doc: Doc) -> Doc:
        with doc.retokenize() as retokenizer:
            for token in doc[:-1]:
                if self._carries_stop(doc, token.i):
                    retokenizer.split(token, [token.text[:-1], "."], heads=[(token, 0), (token, 0)])
        return doc

    def _carries_stop(self, doc: Doc, i: int) -> bool:
        text, after = doc[i].text, doc[i + 1]
        number = text[:-1]
        if len(text) < 2 or not text.endswith(".") or not number.replace(".", "").replace(",", "").isdigit():
            return False
        if not after.text[:1].isupper() or after.lower_ in self.months:
            return False
        grouped = "." in number or "," in number  # "3.000.": no ordinal
        return grouped or i == 0 or doc[i - 1].lower_ not in self.ordinal_cues


@Language.factory("lagebild_number_stops", default_config={"knowledge": ""})
def make_number_stops(nlp: Language, name: str, *, knowledge: str) -> NumberStops:
    """Split a sentence's full stop off the number it ends on; `knowledge` as for the gazetteer."""
    words = cached_knowledge(knowledge or None).lexicon
    cues = {w.lower() for w in (*words.definite_articles, *words.ordinal_cues)}
    return NumberStops(cues, {m.lower() for m in words.months})


@Language.factory("lagebild_gazetteer", default_config={"knowledge": ""})
def make_gazetteer(nlp: Language, name: str, knowledge: str) -> Gazetteer:
    """Knowledge-base gazetteer; `knowledge` is the path of a user knowledge file or ""."""
    return Gazetteer(cached_knowledge(knowledge or None))


PIECE_CHARS = 100_000
"""The longest text the NLP stage gives spaCy at once, well under ``nlp.max_length`` (1,000,000):
a longer paragraph is cut into pieces at sentence ends (see `text_pieces`)."""

SENTENCE_END = re.compile(r"[.!?…][\"“”»«'’)\]]*\s+(?=\S)")
"""A sentence end and the space after it: where a long paragraph is cut."""
SPACE = re.compile(r"\s+(?=\S)")


@dataclass(frozen=True)
class TextPiece:
    """A stretch of an article's cleaned text that spaCy processes as one Doc."""

    text: str
    start: int  # character offset in the cleaned text
    paragraph: int  # index of the paragraph (blocks between blank lines) it belongs to


def text_pieces(text: str, limit: int = PIECE_CHARS) -> list[TextPiece]:
    """The article's paragraphs (split at blank lines, one piece each, empty ones included), a
    paragraph longer than `limit` characters cut into pieces of at most `limit` characters.

    A piece ends after the last sentence end in its window, or else after its last space, or else
    at `limit` characters; the pieces of a paragraph joined give it back, so every offset holds.
    """
    pieces: list[TextPiece] = []
    start = 0
    for index, paragraph in enumerate(text.split("\n\n")):
        pieces.extend(TextPiece(part, start + at, index) for at, part in _cut(paragraph, limit))
        start += len(paragraph) + 2
    return pieces


def _cut(text: str, limit: int) -> list[tuple[int, str]]:
    """`text` as (offset, piece) pairs of at most `limit` characters (see `text_pieces`)."""
    if len(text) <= limit:
        return [(0, text)]
    parts: list[tuple[int, str]] = []
    start = 0
    while len(text) - start > limit:
        end = _last_end(SENTENCE_END, text, start, start + limit)
        end = end or _last_end(SPACE, text, start, start + limit) or start + limit
        parts.append((start, text[start:end]))
        start = end
    parts.append((start, text[start:]))
    return parts


def _last_end(pattern: re.Pattern[str], text: str, start: int, stop: int) -> int | None:
    """The end of the last match of `pattern` in text[start:stop] (None: no match, or only at `start`)."""
    last = None
    for match in pattern.finditer(text, start, stop):
        last = match.end()
    return last if last is not None and last > start else None


@dataclass
class Pipeline:
    """The spaCy pipeline plus the optional trained pipeline used as an extra signal."""

    nlp: Language
    kb: KnowledgeBase
    trained: Language | None = None
    knowledge: str | None = None  # path of the user knowledge file merged into kb

    @property
    def piece_chars(self) -> int:
        """The longest text `pipe` may be given: `PIECE_CHARS`, or less under a lower ``max_length``."""
        limits = [PIECE_CHARS, self.nlp.max_length]
        if self.trained is not None:
            limits.append(self.trained.max_length)
        return min(limits)

    def pieces(self, text: str) -> list[TextPiece]:
        """An article's cleaned text as the pieces to `pipe` (see `text_pieces`)."""
        return text_pieces(text, self.piece_chars)

    def pipe(self, paragraphs: Iterable[str]) -> Iterator[Doc]:
        """One Doc per text; each text must be at most `piece_chars` long (use `pieces`)."""
        docs = self.nlp.pipe(paragraphs, batch_size=BATCH_SIZE, n_process=1)
        if self.trained is None:
            yield from docs
            return
        for doc in docs:
            yield self._add_trained_entities(doc)

    def _add_trained_entities(self, doc: Doc) -> Doc:
        assert self.trained is not None
        other = self.trained(doc.text)
        spans = []
        for ent in other.ents:
            label = NER_LABELS.get(ent.label_)
            span = doc.char_span(ent.start_char, ent.end_char, label=label or ent.label_)
            if label and span is not None:
                spans.append(span)
        doc.spans["ner"] = spans
        return doc


def build_pipeline(knowledge: str | None = None, trained: str | None = None) -> Pipeline:
    """Build the German pipeline once: blank("de") + sentencizer + HanTa tagger + gazetteer."""
    nlp = spacy.blank("de")
    nlp.add_pipe("lagebild_number_stops", config={"knowledge": knowledge or ""})
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("lagebild_quote_boundaries")
    nlp.add_pipe("lagebild_tagger")
    nlp.add_pipe("lagebild_gazetteer", config={"knowledge": knowledge or ""})
    model = None
    if trained:
        try:
            model = spacy.load(trained, exclude=["lemmatizer"])
        except OSError as exc:
            raise ConfigError(
                f"trained_pipeline: '{trained}' is not an installed spaCy pipeline ({exc})"
            ) from exc
        if "ner" not in model.pipe_names and "entity_ruler" not in model.pipe_names:
            log.warning("trained pipeline %s has no entity recogniser; it adds nothing", trained)
    return Pipeline(nlp=nlp, kb=cached_knowledge(knowledge or None), trained=model, knowledge=knowledge)


@lru_cache(maxsize=2)
def cached_pipeline(knowledge: str | None = None, trained: str | None = None) -> Pipeline:
    return build_pipeline(knowledge, trained)
