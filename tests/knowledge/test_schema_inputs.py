"""A user's knowledge.yml never reaches a traceback: every wrong value is named by file and key path."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.errors import ConfigError
from generator.knowledge.schema import describe, read_user_file


def problems_of(tmp_path: Path, text: str | bytes) -> str:
    path = tmp_path / "knowledge.yml"
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, "utf-8")
    with pytest.raises(ConfigError) as caught:
        read_user_file(path)
    message = str(caught.value)
    assert all(line.startswith(str(path)) for line in message.splitlines())
    return message


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("actors: Putin\n", "knowledge.yml: actors: expected a list of mappings, got a string"),
        ("actors: 5\n", "knowledge.yml: actors: expected a list of mappings, got a number"),
        ("places: 2024-10-24\n", "knowledge.yml: places: expected a list of mappings, got a string"),
        ("claims:\n  - text: Damm\n    all: damm\n", "claims[1].all: expected a list of lists of strings"),
        (
            "claims:\n  - text: Damm\n    all: [3]\n",
            "claims[1].all[1]: expected a list of strings, got a number",
        ),
        (
            "lexicon:\n  reporting: sagte\n",
            "lexicon.reporting: expected a mapping of strings to lists of strings",
        ),
        ("lexicon:\n  reporting:\n    asserts: 5\n", "lexicon.reporting.asserts: expected a list of strings"),
        ("lexicon:\n  months: 5\n", "lexicon.months: expected a mapping of strings to whole numbers"),
        ("lexicon: [reporting]\n", "knowledge.yml: lexicon: expected a mapping"),
        (
            "places:\n  - name: Obertal\n    former_names:\n      - {name: Untertal, until: 2024-13-45}\n",
            "places[1].former_names[1].until: '2024-13-45' is not a day of the calendar",
        ),
        (
            "places:\n  - name: Obertal\n    former_names:\n      - {name: Untertal, until: gestern}\n",
            "places[1].former_names[1].until: expected a date (YYYY-MM-DD), got a string",
        ),
        ("actors:\n  - name: X\n    type: [person]\n", "actors[1].type: expected a string, got a list"),
        ("actors: [\n", "knowledge.yml:2: not valid YAML"),
        ("actors: !!int x\n", "knowledge.yml: not valid YAML: a value cannot be read"),
        ("actors: &a [*a]\n", "knowledge.yml:1: not valid YAML: an alias refers to a value that contains it"),
        ("actors:\n" + "[" * 5000 + "\n", "not valid YAML"),
        ("actors: [Grüße]\n".encode("latin-1"), "knowledge.yml: not valid UTF-8"),
    ],
)
def test_wrong_values_are_named_by_key_path(tmp_path: Path, text: str | bytes, expected: str) -> None:
    assert expected in problems_of(tmp_path, text)


def test_a_wrong_type_is_not_reported_twice(tmp_path: Path) -> None:
    message = problems_of(tmp_path, "actors:\n  - name: X\n    type: [person]\n")
    assert len(message.splitlines()) == 1


def test_a_billion_laughs_is_refused_not_expanded(tmp_path: Path) -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, 9)]
    message = problems_of(tmp_path, "lexicon:\n" + "\n".join("  " + line for line in lines) + "\n")
    assert "values once aliases are expanded" in message


@pytest.mark.parametrize(
    ("described", "expected"),
    [
        (list[str], "a list of strings"),
        (list[list[str]], "a list of lists of strings"),
        (dict[str, list[str]], "a mapping of strings to lists of strings"),
        (dict[str, int], "a mapping of strings to whole numbers"),
        (list[bool], "a list of true/false values"),
    ],
)
def test_types_read_as_english(described: object, expected: str) -> None:
    assert describe(described) == expected


def test_cli_names_the_knowledge_problem_and_exits_1(tmp_path: Path) -> None:
    (tmp_path / "knowledge.yml").write_text("actors: 5\nlexicon:\n  honorifics: Dr.\n", "utf-8")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Die NATO bestätigte die Entsendung.", "utf-8")
    result = CliRunner().invoke(
        main, ["extract", str(corpus), "--out", str(tmp_path / "x.json"), "--project", str(tmp_path), "-q"]
    )
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert "knowledge.yml: actors: expected a list of mappings, got a number" in result.output
    assert "knowledge.yml: lexicon.honorifics: expected a list of strings, got a string" in result.output
