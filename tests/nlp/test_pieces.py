"""Long texts in pieces under spaCy's max_length: every piece keeps its place in the text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.nlp.pipeline import PIECE_CHARS, text_pieces

SENTENCE = "Die Behörde meldete am Montag {n} Verletzte in der Stadt. "


def test_short_paragraphs_are_one_piece_each_with_their_offsets() -> None:
    text = "Titel\n\nErster Absatz. Zweiter Satz.\n\n\n\nLetzter"
    pieces = text_pieces(text)
    assert [(p.paragraph, p.start, p.text) for p in pieces] == [
        (0, 0, "Titel"),
        (1, 7, "Erster Absatz. Zweiter Satz."),
        (2, 37, ""),  # an empty paragraph keeps its number, as text.split("\n\n") does
        (3, 39, "Letzter"),
    ]


def test_a_long_paragraph_is_cut_after_sentence_ends() -> None:
    paragraph = "".join(SENTENCE.format(n=n) for n in range(200)).strip()
    text = "Titel\n\n" + paragraph
    pieces = text_pieces(text, limit=1000)
    body = [p for p in pieces if p.paragraph == 1]
    assert len(body) > 10
    assert all(len(p.text) <= 1000 for p in pieces)
    assert all(p.text.endswith("Stadt. ") for p in body[:-1])  # a sentence and its space
    assert all(p.text.startswith("Die Behörde") for p in body)
    assert "".join(p.text for p in body) == paragraph
    for piece in pieces:
        assert text[piece.start : piece.start + len(piece.text)] == piece.text


def test_without_sentence_ends_a_paragraph_is_cut_at_spaces_then_anywhere() -> None:
    words = " ".join(["Wort"] * 100)
    assert all(p.text.endswith(" ") for p in text_pieces(words, limit=64)[:-1])
    solid = "x" * 250
    assert [len(p.text) for p in text_pieces(solid, limit=100)] == [100, 100, 50]


def test_pieces_fit_under_spacys_limit(pipeline) -> None:  # type: ignore[no-untyped-def]
    assert pipeline.piece_chars == min(PIECE_CHARS, pipeline.nlp.max_length)
    assert pipeline.piece_chars < 1_000_000


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(["ab", "c", " ", ".", "!", "?", "\n", "\n\n", "„", "“", "  "]), max_size=150
    ).map("".join),
    st.integers(min_value=1, max_value=60),
)
def test_pieces_cover_the_text_exactly(text: str, limit: int) -> None:
    pieces = text_pieces(text, limit)
    paragraphs = text.split("\n\n")
    assert {p.paragraph for p in pieces} == set(range(len(paragraphs)))
    for index, paragraph in enumerate(paragraphs):
        own = [p for p in pieces if p.paragraph == index]
        assert "".join(p.text for p in own) == paragraph
        assert all(len(p.text) <= limit for p in own)
    for piece in pieces:
        assert text[piece.start : piece.start + len(piece.text)] == piece.text
