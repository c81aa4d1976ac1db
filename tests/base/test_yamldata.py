"""YAML input read defensively: dates stay text, every failure is one YamlProblem with its line."""

from __future__ import annotations

import pytest

from generator.base.yamldata import YamlProblem, parse_yaml


def test_dates_stay_text_and_keys_have_lines() -> None:
    document = parse_yaml("a.txt:\n  title: A\n  published: 2024-13-45\nb.txt: {}\n", first_line=1)
    assert document.data == {"a.txt": {"title": "A", "published": "2024-13-45"}, "b.txt": {}}
    assert document.line("a.txt") == 1
    assert document.line("a.txt", "published") == 3
    assert document.line("b.txt") == 4
    assert document.line("fehlt") is None


def test_lines_count_from_where_the_text_starts() -> None:
    assert parse_yaml("title: A\nurl: 5\n", first_line=2).line("url") == 3


def test_a_key_written_twice_is_listed() -> None:
    document = parse_yaml("a: 1\nb: 2\na: 3\n")
    assert document.data == {"a": 3, "b": 2}
    assert document.repeated == [(("a",), 1, 3)]


@pytest.mark.parametrize(
    ("text", "problem", "line"),
    [
        ("a: [1, 2\n", "expected ',' or ']'", 2),
        ("a: !!int x\n", "a value cannot be read", None),
        ("a: !!bool x\n", "a value cannot be read", None),
        ("a: !!python/name:os.system\n", "could not determine a constructor", 1),
        ("a: &x [*x]\n", "an alias refers to a value that contains it", 1),
        ("[" * 10000, "nested too deeply", None),
        ("--- a\n--- b\n", "expected a single document", 2),
    ],
)
def test_unusable_yaml_is_one_problem(text: str, problem: str, line: int | None) -> None:
    with pytest.raises(YamlProblem) as caught:
        parse_yaml(text)
    assert problem in caught.value.problem
    assert caught.value.line == line


def test_shared_aliases_are_fine_until_they_expand_too_far() -> None:
    assert parse_yaml("a: &x [1, 2]\nb: *x\nc: {<<: {d: 1}}\n").data == {
        "a": [1, 2],
        "b": [1, 2],
        "c": {"d": 1},
    }
    laughs = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]\n" for i in range(1, 9)
    )
    with pytest.raises(YamlProblem, match="values once aliases are expanded"):
        parse_yaml(laughs)
