"""A source's cleaned text as Markdown: one anchored span per sentence, mentions linked.

Every sentence becomes ``<span class="lb-satz" id="s-3fa2c1d0"><span id="s3"></span>…</span>`` so
that a briefing can link to one line: the outer anchor comes from the sentence's words and stays
when other sentences are added or removed (`Sentence.anchor`); the inner one is its position, which
older links used and the site search shows: a word found in the sentence is shown under the source's
result as "Satz 3" (``overrides/assets/lagebild/search.js``). A sentence that is a statement also
carries who said it with which stance, as search metadata of its page
(``data-pagefind-meta="s3:Wladimir Putin bestreitet"``), which the result shows. Inside it, each
actor and region mention (located by the model's character offsets) links to that entity's page. The text
itself is escaped; nothing is re-extracted. The source page's data (`generator.render.pages.source`)
holds the finished paragraphs.
"""

from __future__ import annotations

from collections import defaultdict
from itertools import groupby

from generator.base.formatting import STANCE_DE
from generator.model import Document, Sentence
from generator.render.escape import Safe, escape_html, escape_markdown
from generator.resolve.index import ReportIndex

Span = tuple[int, int, str]  # start, end (within the sentence), target path

LONG_PARAGRAPH, BLOCK = 20, 10
"""A paragraph of more than `LONG_PARAGRAPH` sentences (a text without blank lines) is shown in
blocks of `BLOCK` sentences: Markdown's inline parsing takes time growing with the square of a
paragraph's length (a million characters in one paragraph would take hours)."""


class SourceText:
    """Mentions per sentence for the whole report, and the paragraphs of one document."""

    def __init__(self, ix: ReportIndex) -> None:
        self.ix = ix
        self._mentions: dict[tuple[str, int], list[tuple[int, int, str, str]]] = defaultdict(list)
        for actor in ix.actors.values():
            for m in actor.mentions:
                self._mentions[(m.doc, m.sentence)].append((m.start, m.end, m.text, ix.actor_path(actor.id)))
        for region in ix.regions.values():
            for m in region.mentions:
                self._mentions[(m.doc, m.sentence)].append(
                    (m.start, m.end, m.text, ix.region_path(region.id))
                )
        self._voices: dict[tuple[str, int], list[str]] = defaultdict(list)
        for claim in ix.sorted_claims():
            for st in claim.statements:
                voice = f"{ix.actor_name(st.claimant)} {STANCE_DE.get(st.stance, st.stance)}"
                if voice not in self._voices[(st.doc, st.sentence)]:
                    self._voices[(st.doc, st.sentence)].append(voice)

    def search_meta(self, doc: Document, sentence: Sentence) -> str:
        """The sentence's search metadata attribute: who says what in it ("" if nobody)."""
        voices = self._voices.get((doc.id, sentence.index))
        if not voices:
            return ""
        return f' data-pagefind-meta="{sentence.position_anchor}:{escape_html("; ".join(voices))}"'

    def spans(self, doc: Document, sentence: Sentence) -> list[Span]:
        """Non-overlapping mention spans of a sentence, longest first when they compete."""
        found: list[Span] = []
        for start, end, text, path in sorted(self._mentions.get((doc.id, sentence.index), ())):
            local = start - sentence.start
            if not (local >= 0 and end > start and sentence.text[local : local + len(text)] == text):
                local = sentence.text.find(text) if text else -1  # offsets missing or stale
            if local >= 0:
                found.append((local, local + len(text), path))
        chosen: list[Span] = []
        for span in sorted(found, key=lambda s: (-(s[1] - s[0]), s[0], s[2])):
            if all(span[1] <= other[0] or other[1] <= span[0] for other in chosen):
                chosen.append(span)
        return sorted(chosen)

    def sentence_markdown(self, doc: Document, sentence: Sentence) -> str:
        text, out, pos = sentence.text, [], 0
        for start, end, path in self.spans(doc, sentence):
            out.append(_escape_piece(text[pos:start]))
            out.append(f"[{escape_markdown(text[start:end])}](../{path}){{ .lb-ent }}")
            pos = end
        out.append(_escape_piece(text[pos:]))
        return "".join(out).strip()

    def paragraphs(self, doc: Document) -> list[Safe]:
        """The document's sentences as Markdown paragraphs; headline sentences in bold."""
        paragraphs: list[Safe] = []
        ordered = sorted(doc.sentences, key=lambda s: s.index)
        for _, group in groupby(ordered, key=lambda s: (s.paragraph, s.heading)):
            sentences = list(group)
            step = BLOCK if len(sentences) > LONG_PARAGRAPH else len(sentences)
            for block in (sentences[i : i + step] for i in range(0, len(sentences), step)):
                spans = " ".join(
                    f'<span class="lb-satz" id="{s.anchor}"{self.search_meta(doc, s)}>'
                    f"{_position(s)}{self.sentence_markdown(doc, s)}</span>"
                    for s in block
                )
                paragraphs.append(Safe(f"**{spans}**" if block[0].heading else spans))
        return paragraphs


def _position(sentence: Sentence) -> str:
    """The sentence's position anchor ("s3") inside its span, unless that is its anchor already."""
    if sentence.anchor == sentence.position_anchor:
        return ""
    return f'<span id="{sentence.position_anchor}"></span>'


def _escape_piece(text: str) -> str:
    """Escape a piece of a sentence, keeping one space where it starts or ends with whitespace."""
    if not text:
        return ""
    if not text.strip():
        return " "
    lead = " " if text[0].isspace() else ""
    trail = " " if text[-1].isspace() else ""
    return f"{lead}{escape_markdown(text)}{trail}"
