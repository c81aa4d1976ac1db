"""Renamings are typed data: ``former_names`` is checked with file and key, and read into the entries."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.errors import ConfigError
from generator.knowledge.base import KnowledgeBase, _load_user
from generator.knowledge.schema import read_user_file


def problems_of(tmp_path: Path, text: str) -> str:
    path = tmp_path / "knowledge.yml"
    path.write_text(text, "utf-8")
    with pytest.raises(ConfigError) as caught:
        read_user_file(path)
    return str(caught.value)


@pytest.mark.parametrize(
    ("entry", "expected"),
    [
        (
            "former_names: [{name: Alt, until: gestern}]",
            "actors[1].former_names[1].until: expected a date (YYYY-MM-DD), got a string",
        ),
        ("former_names: [{name: Alt}]", "actors[1].former_names[1].until: missing"),
        (
            "former_names: [{name: Alt, bis: 2018-06-01}]",
            "actors[1].former_names[1].bis: unknown key (known: name, until)",
        ),
        (
            "former_names: [{name: Alt, until: 2020-01-01}, {name: Älter, until: 2019-01-01}]",
            "actors[1].former_names[2].until: must be later than 2020-01-01 (oldest name first)",
        ),
        (
            "former_names: [{name: Neu, until: 2020-01-01}]",
            "actors[1].former_names[1].name: 'Neu' is listed twice",
        ),
        ("former_names: Alt", "actors[1].former_names: expected a list of mappings, got a string"),
    ],
)
def test_a_bad_renaming_names_the_file_and_the_key(tmp_path: Path, entry: str, expected: str) -> None:
    message = problems_of(tmp_path, f"actors:\n  - {{name: Neu, {entry}}}\n")
    assert f"{tmp_path / 'knowledge.yml'}: {expected}" in message


def test_a_user_renaming_is_read_and_recognised(tmp_path: Path) -> None:
    path = tmp_path / "knowledge.yml"
    path.write_text(
        "actors:\n  - {name: Neue Partei, former_names: [{name: Alte Partei, until: '2019-03-01'}]}\n"
        "places:\n  - {name: Neustadt, type: city, former_names: [{name: Altstadt, until: 2001-01-01}]}\n",
        "utf-8",
    )
    kb = KnowledgeBase()
    _load_user(kb, read_user_file(path))
    party = kb.entries["org:neue-partei"]
    assert party.former_names == [("Alte Partei", "2019-03-01")]
    assert [s.key for s in kb.lookup("Alte Partei")] == ["org:neue-partei"]
    assert party.name_on("2019-02-28") == "Alte Partei" and party.name_on("2019-03-01") == "Neue Partei"
    assert kb.entries["city:neustadt"].names_between("1999-01-01", "2005-01-01") == ["Altstadt", "Neustadt"]


def test_the_genitive_s_is_dropped_only_where_the_loader_added_it() -> None:
    from generator.knowledge.base import cached_knowledge

    kb = cached_knowledge(None)
    assert kb.nominative("Moskaus") == "Moskau"
    for name in ("Paris", "Tunis", "Damaskus"):
        assert kb.nominative(name) == name
