"""People a reader can trust: gates that keep common nouns, lone first names and towns off the
person pages, using the part-of-speech tags beside the lexicon (sentences written for these tests)."""

from __future__ import annotations


def people(result) -> dict[str, set[str]]:
    return {
        e.name: {m.text for m in e.mentions}
        for e in result.state.entities.values()
        if e.type == "person" and e.mentions
    }


def places(result) -> set[str]:
    return {e.name for e in result.state.entities.values() if e.category == "region"}


def test_a_surname_that_is_also_a_noun_stays_after_a_given_name(extract_text) -> None:
    r = extract_text("Titel\n\nInnenministerin Carla Hügelberg sagte am Dienstag, die Lage sei ernst.")
    assert "Carla Hügelberg" in people(r)


def test_a_lone_first_name_is_linked_to_the_full_name_or_dropped(extract_text) -> None:
    r = extract_text(
        "Titel\n\nDie Ministerin Petra Lindqvist sagte, die Gespräche gingen weiter. "
        "Petra wolle am Freitag nach Genf reisen, hieß es. Thomas sagte, man warte ab."
    )
    found = people(r)
    assert found["Petra Lindqvist"] >= {"Petra Lindqvist", "Petra"}
    assert "Thomas" not in found and "Petra" not in found


def test_common_nouns_are_not_people(extract_text) -> None:
    r = extract_text(
        "Titel\n\nTausende flohen aus der Stadt, sagte Tausende. "
        "Der Sprecher des Übergangsrats sagte, die Wahlen fänden statt. "
        "Der Sprecher des Regionalkommandos Nordwest der Armee sagte, die Lage sei ruhig."
    )
    assert people(r) == {}


def test_two_unknown_names_after_a_locative_are_a_place(extract_text) -> None:
    r = extract_text(
        "Titel\n\nBei Durchsuchungen in Dolno Selo und Gorno Pole seien Waffen gefunden worden, "
        "sagte der Polizeisprecher."
    )
    assert not {"Dolno Selo", "Gorno Pole"} & set(people(r))
    assert "Dolno Selo" in places(r)


def test_a_family_name_written_first_is_one_person(extract_text) -> None:
    r = extract_text(
        "Titel\n\nNach der Vereidigung von Premier Tan Wei-ming begann das Manöver. "
        "Premier Tan rief zur Zurückhaltung auf."
    )
    found = people(r)
    assert list(found) == ["Tan Wei-ming"]
    assert "Tan" in found["Tan Wei-ming"]


def test_a_time_after_a_name_is_not_part_of_it(extract_text) -> None:
    r = extract_text(
        "Titel\n\nAls Außenminister Lo Fang Mitte Mai nach Hanoi reiste, war die Lage angespannt."
    )
    assert "Lo Fang" in people(r)
    assert not [name for name in people(r) if "Mitte" in name or "Mai" in name]


def test_roles_are_noun_phrases_and_give_the_country(extract_text) -> None:
    r = extract_text(
        "Titel\n\nDas sagte Innenminister Petar Vukotić am Montag. "
        "Zuvor hatte die ungarische Außenministerin Ilona Szabados erklärt, man sei bereit."
    )
    roles = {e.name: (e.role, e.country) for e in r.state.entities.values() if e.type == "person"}
    assert roles["Petar Vukotić"][0] == "Innenminister"
    assert roles["Ilona Szabados"] == ("ungarische Außenministerin", "HU")


def test_a_topic_prefix_is_no_nationality_and_a_surname_shadows_a_city(extract_text) -> None:
    r = extract_text(
        "Titel\n\nDie Jemen-Expertin Marta Kowalski sagte, die Lage sei ernst. "
        "Die Leiterin des UN-Büros, María Elena Salvador, forderte Hilfe. Salvador sagte, es fehle an allem."
    )
    found = {e.name: e for e in r.state.entities.values() if e.mentions}
    assert found["Marta Kowalski"].country is None
    assert "Salvador" in {m.text for m in found["María Elena Salvador"].mentions}
    assert "Salvador" not in {e.name for e in r.state.entities.values() if e.category == "region"}
