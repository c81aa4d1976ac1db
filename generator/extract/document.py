"""The first extraction component: an article's sentences as the working state of the finders.

The NLP stage processes an article paragraph by paragraph (a very long paragraph in pieces cut at
sentence ends, `generator.nlp.pipeline.text_pieces`); `article_doc` joins those Docs into one Doc
for the article and records where each piece starts in the cleaned text. The component
``lagebild_document`` then splits the Doc into `SentenceView`s (overlong sentences cut into
chunks, one-sentence paragraphs without a final stop marked as headings) and stores a `DocState`
in ``doc._.lagebild``, which every later extraction component reads and extends.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span

from generator.extract.base import DocState, SentenceView
from generator.nlp.pipeline import TextPiece

PARAGRAPHS = "lagebild_paragraphs"  # doc.user_data key: [(first token, char offset, paragraph), ...]
DOC_ID = "lagebild_doc_id"  # doc.user_data key: the document id
HEADING_ENDS = (".", "!", "?", "“", '"', ":")

if not Doc.has_extension("lagebild"):
    Doc.set_extension("lagebild", default=None)


def article_doc(paragraphs: list[Doc], texts: Sequence[str] | Sequence[TextPiece], doc_id: str) -> Doc:
    """One Doc for the article and where each of its parts starts in the cleaned text.

    `texts` are the pieces the Docs were made from (`TextPiece`: offset and paragraph given), or
    plain paragraph texts, which stand in the cleaned text joined by blank lines."""
    doc = Doc.from_docs(paragraphs) if paragraphs else Doc(Language().vocab)
    starts, token = [], 0
    for para, piece in zip(paragraphs, _as_pieces(texts), strict=True):
        starts.append((token, piece.start, piece.paragraph))
        token += len(para)
    doc.user_data[PARAGRAPHS] = starts
    doc.user_data[DOC_ID] = doc_id
    return doc


def sentence_anchors(texts: Sequence[str]) -> list[str]:
    """A stable anchor per sentence: "s-" and 8 hex digits of a digest of its words (spacing
    ignored), "-2", "-3" … for a repeat of an earlier sentence's anchor in the same article.

    An anchor depends on its own sentence only (and on earlier repeats of it), so adding or
    removing other sentences never moves it to other text."""
    seen: dict[str, int] = {}
    anchors = []
    for text in texts:
        digest = hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()[:8]
        base = f"s-{digest}"
        seen[base] = seen.get(base, 0) + 1
        anchors.append(base if seen[base] == 1 else f"{base}-{seen[base]}")
    return anchors


def _as_pieces(texts: Sequence[str] | Sequence[TextPiece]) -> list[TextPiece]:
    pieces, char = [], 0
    for index, text in enumerate(texts):
        if isinstance(text, TextPiece):
            pieces.append(text)
            continue
        pieces.append(TextPiece(text, char, index))
        char += len(text) + 2
    return pieces


@dataclass
class DocumentSplitter:
    """Builds ``doc._.lagebild``: the sentences of the article, ready for the finders."""

    max_sentence_tokens: int = 300

    def __call__(self, doc: Doc) -> Doc:
        state = DocState(doc_id=str(doc.user_data.get(DOC_ID, "")))
        for p_index, sents in self._paragraphs(doc):
            heading = len(sents) == 1 and not sents[0][0].text.rstrip().endswith(HEADING_ENDS)
            for sent, offset in sents:
                view = SentenceView(len(state.sentences), sent, offset, heading=heading, paragraph=p_index)
                state.sentences.append(view)
        doc._.lagebild = state
        return doc

    def _paragraphs(self, doc: Doc) -> list[tuple[int, list[tuple[Span, int]]]]:
        """Each paragraph's sentences, with the offset that maps the Doc's characters to the text."""
        parts = [
            (p[0], p[1], p[2] if len(p) > 2 else n)
            for n, p in enumerate(doc.user_data.get(PARAGRAPHS) or [(0, 0)])
        ]
        bounds = [first for first, _, _ in parts[1:]] + [len(doc)]
        paragraphs: list[tuple[int, list[tuple[Span, int]]]] = []
        for (first, text_start, p_index), end in zip(parts, bounds, strict=True):
            if first >= end:
                continue
            offset = text_start - doc[first].idx  # document text position = offset + doc character
            sents = [(c, offset) for s in doc[first:end].sents if s.text.strip() for c in self._chunks(s)]
            if paragraphs and paragraphs[-1][0] == p_index:
                paragraphs[-1][1].extend(sents)  # the next piece of a paragraph cut into pieces
            else:
                paragraphs.append((p_index, sents))
        return paragraphs

    def _chunks(self, sent: Span) -> list[Span]:
        """Overlong "sentences" (a long line without a full stop) are cut so analysis stays linear."""
        if len(sent) <= self.max_sentence_tokens:
            return [sent]
        doc, step = sent.doc, self.max_sentence_tokens
        return [doc[i : min(i + step, sent.end)] for i in range(sent.start, sent.end, step)]


@Language.factory("lagebild_document", default_config={"max_sentence_tokens": 300})
def make_document_splitter(nlp: Language, name: str, *, max_sentence_tokens: int) -> DocumentSplitter:
    """The article's sentences as ``doc._.lagebild``; sentences longer than `max_sentence_tokens`
    tokens are cut into chunks of that length."""
    return DocumentSplitter(max_sentence_tokens)
