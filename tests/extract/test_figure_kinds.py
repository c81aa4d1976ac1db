"""Figure kinds: what a figure counts, read from the clause around its number (figure_kind_cues).

A count, a figure per unit, a part of a whole, a plan or forecast, an increment and a cumulative
total are different things; series compare only figures of one kind. The sentences are made up
for these tests.
"""

from __future__ import annotations

import pytest


def kinds(extract_text, text: str) -> list[tuple[float, str]]:
    return [(f.value, f.kind) for f in extract_text(text).state.figures]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Nach Angaben der Armee sind 4.000 Soldaten in der Grenzregion stationiert.", "count"),
        ("Derzeit trainieren mindestens 2500 ausländische Soldaten auf dem Stützpunkt.", "count"),
        ("2500 ausländische Soldaten sollen sich auf dem Stützpunkt befinden.", "count"),
        ("Sie sagte, dass fast 9.000 Soldaten auf dem Stützpunkt ausgebildet würden.", "count"),
        ("Das Kontingent umfasse Bataillone mit jeweils 800 Soldaten.", "per_unit"),
        ("Die Armee feuert täglich bis zu 300 Granaten auf die Stadt.", "per_unit"),
        ("Nach Angaben der Behörden sterben 40 Zivilisten pro Tag.", "per_unit"),
        ("Bis Oktober sollen 5.000 Soldaten in das Nachbarland verlegt werden.", "plan"),
        ("Die Regierung plant, insgesamt 7.000 Soldaten zu entsenden.", "plan"),
        ("Der Minister erklärte, es könnten bis zu 6.000 Soldaten sein.", "plan"),
        ("Weitere 1.500 Soldaten trafen am Montag an der Grenze ein.", "increment"),
        ("Am Wochenende kamen 900 zusätzliche Soldaten hinzu.", "increment"),
        ("Seit Beginn des Einsatzes wurden insgesamt 20.000 Soldaten verlegt.", "cumulative"),
        ("Bislang starben nach Angaben der Armee 350 Soldaten.", "cumulative"),
    ],
)
def test_a_cue_in_the_clause_sets_the_kind(extract_text, text: str, kind: str) -> None:
    [(_, found)] = kinds(extract_text, text)
    assert found == kind


def test_a_part_and_its_whole_are_told_apart(extract_text) -> None:
    text = "Die Armee verlegte 6.000 Soldaten an die Grenze, darunter 400 Offiziere."
    assert kinds(extract_text, text) == [(6000, "count"), (400, "part")]


def test_a_plan_in_one_clause_leaves_a_count_in_the_first(extract_text) -> None:
    text = "Derzeit sind 3.000 Soldaten vor Ort, bis Dezember sollen es 10.000 Soldaten werden."
    assert kinds(extract_text, text) == [(3000, "count"), (10000, "plan")]


def test_both_ends_of_a_range_keep_the_kind_and_know_their_end(extract_text) -> None:
    figures = extract_text("Die Armee verlegte zwischen 1.000 und 2.000 Soldaten.").state.figures
    assert [(f.value, f.kind, f.range_end) for f in figures] == [
        (1000, "count", "low"),
        (2000, "count", "high"),
    ]
