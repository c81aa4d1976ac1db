"""People found by form get one key per person: the fullest name, which shorter forms join."""

from __future__ import annotations

from generator.resolve.identities import _same_person, name_keys, person_key

NAMES = [
    "Wladimir Putin",
    "Putin",
    "Putins",
    "Anna Berg",
    "Jonas Berg",
    "Berg",
    "Baschar al-Assad",
    "Bashar Assad",
    "Assad",
    "Recep Tayyip Erdoğan",
    "Recep Erdogan",
    "Erdogan",
    "Ahmad Schah",
    "Ahmed Schah",
    "Marine Le Pen",
    "Le Pens",
    "Olaf Scholz",
    "Scholz",
    "Oleg Bondarenko",
    "Bondarenkos",
    "Anne Berg",
]


def brute_force(people: list[str]) -> dict[str, str]:
    """The rule without the index: every name compared with every fuller name kept so far."""
    from generator.knowledge.names import name_words

    canonical: dict[str, str] = {}
    full: list[str] = []
    for name in sorted(set(people), key=lambda n: (-len(name_words(n)), -len(n.split()), n)):
        matches = [f for f in full if _same_person(name, f)]
        if len(matches) == 1:
            canonical[name] = canonical[matches[0]]
        else:
            canonical[name] = person_key(name)
            full.append(name)
    return canonical


def test_shorter_forms_join_the_one_full_name_they_match() -> None:
    keys = name_keys(NAMES)
    assert keys["Putin"] == keys["Putins"] == keys["Wladimir Putin"]
    assert keys["Bashar Assad"] == keys["Assad"] == keys["Baschar al-Assad"]
    assert keys["Recep Erdogan"] == keys["Erdogan"] == keys["Recep Tayyip Erdoğan"]
    assert keys["Le Pens"] == keys["Marine Le Pen"]
    assert keys["Bondarenkos"] == keys["Oleg Bondarenko"]
    assert keys["Anna Berg"] != keys["Jonas Berg"] != keys["Anne Berg"]
    assert keys["Berg"] == person_key("Berg"), "a surname two full names end in stays apart"


def test_the_index_finds_every_match_the_full_comparison_finds() -> None:
    # every order of input: the result depends on the names alone
    assert name_keys(NAMES) == brute_force(NAMES)
    assert name_keys(reversed(NAMES)) == brute_force(NAMES)
    with_given = [*NAMES, "Wolodymyr Selenskyj", "Selenskyjs", "Wolodimir Selenskyj", "W. Selenskyj"]
    assert name_keys(with_given) == brute_force(with_given)
