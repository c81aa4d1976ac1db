"""Sentence boundaries of the NLP pipeline: a number may end a sentence, an ordinal does not."""

from __future__ import annotations


def sentences(pipeline, text: str) -> list[str]:
    return [s.text for s in next(pipeline.pipe([text])).sents]


def test_a_number_with_the_full_stop_ends_its_sentence(pipeline) -> None:
    text = "Es starben mehr als 80. Die Behörde sprach später von 3.000. Danach wurde es still."
    assert sentences(pipeline, text) == [
        "Es starben mehr als 80.",
        "Die Behörde sprach später von 3.000.",
        "Danach wurde es still.",
    ]


def test_ordinals_and_dates_stay_inside_their_sentence(pipeline) -> None:
    text = "Der 3. Parteitag begann am 3. Mai. Zum 2. Mal sprach er vor seinem 80. Geburtstag."
    assert sentences(pipeline, text) == [
        "Der 3. Parteitag begann am 3. Mai.",
        "Zum 2. Mal sprach er vor seinem 80. Geburtstag.",
    ]
