"""Precision first: statements found less surely than `min_confidence` stay in the data, on no page."""

from __future__ import annotations

from generator.resolve.merge import resolve

TEXT = (
    "Die Ministerin Clara Hoffmann sagte, die Grenze bleibe geschlossen. "
    "Die Lage sei aber stabil. "
    "Die Kontrollen seien verstärkt worden. "
    "Weitere Maßnahmen seien nicht geplant."
)


def _claimed(report) -> dict[str, float]:
    return {c.text: s.confidence for c in report.claims for s in c.statements}


def test_statements_below_the_threshold_are_held_back_not_dropped(extract_text) -> None:
    extracted = extract_text(TEXT)
    everything = resolve([extracted])
    sure = resolve([extract_text(TEXT)], min_confidence=0.45)
    assert len(_claimed(everything)) == 4
    assert all(c >= 0.45 for c in _claimed(sure).values())
    held = {c.text: [s.confidence for s in c.statements] for c in sure.held_back}
    assert held and all(c < 0.45 for cs in held.values() for c in cs)
    assert set(held) | set(_claimed(sure)) == set(_claimed(everything))
    assert all(c.id == "" for c in sure.held_back)  # no page, no permalink


def test_held_back_statements_are_in_the_exported_report(extract_text) -> None:
    report = resolve([extract_text(TEXT)], min_confidence=0.45)
    exported = report.to_dict()
    assert [c["text"] for c in exported["held_back"]] == [c.text for c in report.held_back]
    assert exported["held_back"][0]["statements"][0]["confidence"] < 0.45
