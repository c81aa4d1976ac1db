from __future__ import annotations

from generator.corpus.clean import clean_text
from tests.conftest import SEEDS

RAW = """Schlagzeile über den Konflikt

CNN

Der erste Satz des Artikels steht hier. Er hat zwei Sätze.

Siehe auch  Zwei Kriegsschiffe kollidieren vor der Küste

Der zweite Absatz bleibt erhalten.

Schreibe einen Kommentar

Deine E-Mail-Adresse wird nicht veröffentlicht. Erforderliche Felder sind mit * markiert
PREV Ein Teaser für den vorigen Artikel
NEXT Ein Teaser für den nächsten Artikel
© REUTERS/KCNA
- Krieg
- Nato
- showPaywall:
- false
"""


def test_cruft_is_removed_and_text_kept() -> None:
    cleaned = clean_text(RAW)
    assert cleaned.headline == "Schlagzeile über den Konflikt"
    assert "Der zweite Absatz bleibt erhalten." in cleaned.text
    for cruft in (
        "Siehe auch",
        "Schreibe einen",
        "E-Mail-Adresse",
        "PREV",
        "NEXT",
        "showPaywall",
        "©",
        "- Nato",
    ):
        assert cruft not in cleaned.text
    assert "CNN" in cleaned.furniture and "© REUTERS/KCNA" in cleaned.furniture
    assert cleaned.text.split("\n\n") == [
        "Schlagzeile über den Konflikt",
        "Der erste Satz des Artikels steht hier. Er hat zwei Sätze.",
        "Der zweite Absatz bleibt erhalten.",
    ]


def test_repeated_headline_and_trailing_credit() -> None:
    text = (
        "Titel der Meldung\n\nTitel der Meldung\nTitel der Meldung\n-\n\n"
        "Das sagte er. (Anna Muster/Agenturen)\n/ATS\n"
    )
    cleaned = clean_text(text)
    assert cleaned.text == "Titel der Meldung\n\nDas sagte er."
    assert "(Anna Muster/Agenturen)" in cleaned.furniture and "/ATS" in cleaned.furniture


def test_seed_fact_box_is_furniture() -> None:
    raw = (SEEDS / "001_f0ae384efe2a001d.txt").read_text(encoding="utf-8")
    cleaned = clean_text(raw)
    assert not cleaned.text.rstrip().endswith("Quellen")
    assert "Details" in cleaned.furniture
