"""A paragraph longer than spaCy takes at once is extracted in pieces, with the same results."""

from __future__ import annotations

import dataclasses

import pytest

from generator.corpus.read import RawArticle
from generator.extract import Extracted, Extractor
from tests.conftest import SEEDS


def long_paragraph() -> str:
    """The seed articles' paragraphs joined into one paragraph (no blank lines)."""
    parts = []
    for path in sorted(SEEDS.glob("*.txt")):
        parts += [line.strip() for line in path.read_text("utf-8").splitlines() if line.strip()]
    return " ".join(parts)


def extract(extractor: Extractor, text: str) -> Extracted:
    article = RawArticle(
        id="lang", path="lang.txt", text=text, meta={"title": "Lang", "published": "2024-10-24"}
    )
    [result] = extractor.extract([article])
    return result


def findings(result: Extracted) -> dict[str, object]:
    doc = result.document
    return {
        "sentences": [(s.index, s.paragraph, s.start, s.end, s.text, s.heading) for s in doc.sentences],
        "entities": {
            e.id: (e.name, e.type, [(m.sentence, m.start, m.end, m.text) for m in e.mentions])
            for e in result.state.entities.values()
        },
        "statements": [dataclasses.astuple(s) for s in result.state.statements],
        "figures": [dataclasses.astuple(f) for f in result.state.figures],
    }


@pytest.fixture(scope="module")
def text() -> str:
    return "Ein langer Bericht\n\n" + long_paragraph()


def test_pieces_give_the_same_findings_as_one_doc(
    extractor: Extractor, text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    whole = extract(extractor, text)
    monkeypatch.setattr(extractor.pipeline.nlp, "max_length", 2_000)  # pieces of at most 2,000 characters
    assert len(extractor.pipeline.pieces(text)) > 10
    pieces = extract(extractor, text)
    assert findings(pieces) == findings(whole)


def test_sentence_and_mention_offsets_point_into_the_text(
    extractor: Extractor, text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(extractor.pipeline.nlp, "max_length", 1_500)
    result = extract(extractor, text)
    doc = result.document
    assert doc.sentences[0].heading and doc.sentences[0].paragraph == 0
    assert {s.paragraph for s in doc.sentences[1:]} == {1}
    for sentence in doc.sentences:
        assert doc.text[sentence.start : sentence.end] == sentence.text
    for entity in result.state.entities.values():
        for mention in entity.mentions:
            assert doc.text[mention.start : mention.end] == mention.text
