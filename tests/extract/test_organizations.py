"""Organisations and places by pattern: no cut-off names, no capital of a dateline as an acting state
(sentences written for these tests)."""

from __future__ import annotations


def actors(result) -> dict[str, str]:
    return {e.name: e.type for e in result.state.entities.values() if e.category == "actor" and e.mentions}


def test_an_unknown_longer_name_after_a_head_is_not_cut(extract_text) -> None:
    r = extract_text(
        "Titel\n\nDer Forscher vom Slowenischen Institut für Küstenforschung zeigte sich skeptisch. "
        "Die Partei Ungarische Mitte forderte Neuwahlen."
    )
    names = set(actors(r))
    assert "Slowenisches Institut" not in names
    assert not [n for n in names if n in ("Ungarische", "Ungarische Partei")]


def test_a_descriptor_takes_the_whole_name_with_an_arabic_article(extract_text) -> None:
    r = extract_text("Titel\n\nDie Miliz Dschaisch al-Fadschr erklärte, sie habe die Stadt eingenommen.")
    assert "Dschaisch al-Fadschr" in actors(r)


def test_a_capital_in_the_dateline_is_a_place_not_the_state(extract_text) -> None:
    r = extract_text(
        "Überschrift zur Lage\n\nRom/Wien (dpa) - Die Regierung in Budapest kündigte am Montag Gespräche an."
    )
    assert "Österreich" not in actors(r) and "Italien" not in actors(r)
    places = {e.name for e in r.state.entities.values() if e.category == "region"}
    assert {"Rom", "Wien"} <= places


def test_the_agency_of_a_dateline_and_a_capital_with_a_numeric_date_are_no_actors(extract_text) -> None:
    r = extract_text(
        "Titel der Meldung\n\nWien, 03.05.2024 (dpa) - Die Behörden meldeten am Abend neue Schäden."
    )
    assert "Österreich" not in actors(r)
    assert not [name for name in actors(r) if name.lower().startswith("dpa")]
