"""The first extraction component: an article's sentences as the working state of the finders.

The NLP stage processes an article paragraph by paragraph; `article_doc` joins those Docs into one
Doc for the article and records where each paragraph starts in the cleaned text. The component
``lagebild_document`` then splits the Doc into `SentenceView`s (overlong sentences cut into
chunks, one-sentence paragraphs without a final stop marked as headings) and stores a `DocState`
in ``doc._.lagebild``, which every later extraction component reads and extends.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span

from generator.extract.base import DocState, SentenceView

PARAGRAPHS = "lagebild_paragraphs"  # doc.user_data key: [(first token, char offset in the text), ...]
DOC_ID = "lagebild_doc_id"  # doc.user_data key: the document id
HEADING_ENDS = (".", "!", "?", "“", '"', ":")

if not Doc.has_extension("lagebild"):
    Doc.set_extension("lagebild", default=None)


def article_doc(paragraphs: list[Doc], texts: list[str], doc_id: str) -> Doc:
    """One Doc for the article; the paragraphs' places in the cleaned text (joined by blank lines)."""
    doc = Doc.from_docs(paragraphs) if paragraphs else Doc(Language().vocab)
    starts, token, char = [], 0, 0
    for para, text in zip(paragraphs, texts, strict=True):
        starts.append((token, char))
        token += len(para)
        char += len(text) + 2
    doc.user_data[PARAGRAPHS] = starts
    doc.user_data[DOC_ID] = doc_id
    return doc


@dataclass
class DocumentSplitter:
    """Builds ``doc._.lagebild``: the sentences of the article, ready for the finders."""

    max_sentence_tokens: int = 300

    def __call__(self, doc: Doc) -> Doc:
        state = DocState(doc_id=str(doc.user_data.get(DOC_ID, "")))
        paragraphs = doc.user_data.get(PARAGRAPHS) or [(0, 0)]
        bounds = [start for start, _ in paragraphs[1:]] + [len(doc)]
        for p_index, ((first, text_start), end) in enumerate(zip(paragraphs, bounds, strict=True)):
            if first >= end:
                continue
            offset = text_start - doc[first].idx  # document text position = offset + doc character
            sents = [chunk for s in doc[first:end].sents if s.text.strip() for chunk in self._chunks(s)]
            heading = len(sents) == 1 and not sents[0].text.rstrip().endswith(HEADING_ENDS)
            for sent in sents:
                view = SentenceView(len(state.sentences), sent, offset, heading=heading, paragraph=p_index)
                state.sentences.append(view)
        doc._.lagebild = state
        return doc

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
