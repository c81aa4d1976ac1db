"""A source's cleaned text as Markdown: one anchored span per sentence, mentions linked.

Every sentence becomes ``<span class="lb-satz" id="s3">…</span>`` so that a briefing can link
to one line. Inside it, each actor and region mention (located by the model's character
offsets) links to that entity's page. The text itself is escaped; nothing is re-extracted.
The source page's data (`generator.render.pages.source`) holds the finished paragraphs.
"""

from __future__ import annotations

from collections import defaultdict
from itertools import groupby

from generator.model import Document, Sentence
from generator.render.escape import Safe, escape_markdown
from generator.resolve.index import ReportIndex

Span = tuple[int, int, str]  # start, end (within the sentence), target path


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
            spans = " ".join(
                f'<span class="lb-satz" id="{s.anchor}">{self.sentence_markdown(doc, s)}</span>'
                for s in sentences
            )
            paragraphs.append(Safe(f"**{spans}**" if sentences[0].heading else spans))
        return paragraphs


def _escape_piece(text: str) -> str:
    """Escape a piece of a sentence, keeping one space where it starts or ends with whitespace."""
    if not text:
        return ""
    if not text.strip():
        return " "
    lead = " " if text[0].isspace() else ""
    trail = " " if text[-1].isspace() else ""
    return f"{lead}{escape_markdown(text)}{trail}"
