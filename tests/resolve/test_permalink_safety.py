"""The permalink registry cannot write outside the site or give one address to two pages."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from generator.errors import ConfigError
from generator.resolve.permalinks import Candidate, Permalinks, is_safe_slug


def registry(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "permalinks.yml"
    path.write_text(text, "utf-8")
    return path


@pytest.mark.parametrize(
    "slug",
    [
        "../../../../X",
        "..",
        ".",
        "a/b",
        "a\\\\b",
        "/etc",
        "Ukraine",
        "ukraine/",
        "-x",
        "x-",
        "a--b",
        "ü",
        "",
        "a b",
    ],
)
def test_a_slug_that_is_not_one_safe_segment_is_named(tmp_path: Path, slug: str) -> None:
    path = registry(tmp_path, f'akteure:\n  actor:country:UA: ukraine\n  actor:x: "{slug}"\n')
    with pytest.raises(ConfigError) as caught:
        Permalinks.load(path)
    assert str(caught.value).startswith(f"{path}:3: akteure: actor:x: ")
    assert "not one safe path segment" in str(caught.value)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("akteure:\n  actor:x: 5\n", ":2: akteure: actor:x: expected a slug (text), not 5"),
        ("akteure:\n  actor:x: [a]\n", ":2: akteure: actor:x: expected a slug (text), not ['a']"),
        ("akteure: [a]\n", ":1: akteure: expected a mapping of keys to slugs"),
        ("../x:\n  k: a\n", ":1: '../x' is not a section name"),
        ("- a\n", ":1: expected a mapping of sections"),
    ],
)
def test_wrong_shapes_are_named_with_their_line(tmp_path: Path, text: str, message: str) -> None:
    path = registry(tmp_path, text)
    with pytest.raises(ConfigError, match=str(path).replace(".", r"\.") + ".*") as caught:
        Permalinks.load(path)
    assert message in str(caught.value)


def test_every_problem_at_once(tmp_path: Path) -> None:
    path = registry(tmp_path, "akteure:\n  a: ../x\n  b: ok\n  c: /y\n")
    with pytest.raises(ConfigError) as caught:
        Permalinks.load(path)
    assert [line.split(": ")[0] for line in str(caught.value).splitlines()] == [f"{path}:2", f"{path}:4"]


def test_the_committed_registry_is_safe() -> None:
    links = Permalinks.load(Path(__file__).resolve().parents[2] / "permalinks.yml")
    assert all(is_safe_slug(s) for section in links.sections.values() for s in section.values())


def test_two_entities_on_one_slug_is_an_error_naming_both() -> None:
    links = Permalinks(sections={"akteure": {"actor:country:UA": "ukraine", "actor:country:CN": "ukraine"}})
    cands = [Candidate("actor:country:UA", ["actor:country:UA"], "Ukraine"),
             Candidate("actor:country:CN", ["actor:country:CN"], "China")]  # fmt: skip
    with pytest.raises(ConfigError) as caught:
        links.assign("akteure", cands)
    message = str(caught.value)
    assert "'actor:country:CN' and 'actor:country:UA' have the same slug 'ukraine'" in message
    assert message.startswith("permalinks.yml: akteure: ")


@pytest.mark.parametrize("section", ["akteure", "regionen", "quellen"])
def test_the_error_holds_in_every_identity_section(section: str) -> None:
    links = Permalinks(sections={section: {"k:a": "x", "k:b": "x"}}, path=Path("p/permalinks.yml"))
    with pytest.raises(
        ConfigError, match=rf"p/permalinks\.yml: {section}: 'k:a' and 'k:b' have the same slug"
    ):
        links.assign(section, [Candidate("k:a", ["k:a"], "A"), Candidate("k:b", ["k:b"], "B")])


def test_keys_of_one_entity_may_share_its_slug() -> None:
    links = Permalinks(sections={"akteure": {"k:a": "alpha", "k:a2": "alpha"}})
    assert links.assign("akteure", [Candidate("k:a", ["k:a", "k:a2"], "Alpha")]) == {"k:a": "alpha"}


def test_a_claim_group_that_split_keeps_its_slug_for_one_part_with_a_warning(
    caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(logging.getLogger("generator"), "propagate", True)
    links = Permalinks(sections={"behauptungen": {"claim:a": "aussage", "claim:b": "aussage"}})
    slugs = links.assign("behauptungen", [Candidate("claim:a", ["claim:a"], "Aussage A"),
                                          Candidate("claim:b", ["claim:b"], "Aussage B")])  # fmt: skip
    assert slugs == {"claim:a": "aussage", "claim:b": "aussage-b"}
    assert "'claim:a' and 'claim:b' had the slug 'aussage' (one page split up)" in caplog.text
    assert "'claim:a' keeps it, 'claim:b' now has 'aussage-b'" in caplog.text


def test_no_unsafe_slug_leaves_assign_whatever_its_source() -> None:
    links = Permalinks(sections={"akteure": {"k:a": "../../x"}})  # not read through load()
    with pytest.raises(ConfigError, match=r"akteure: unsafe slugs \['\.\./\.\./x'\]"):
        links.assign("akteure", [Candidate("k:a", ["k:a"], "A")])


def test_names_from_user_data_always_give_safe_slugs() -> None:
    names = ["../../../../X", "..", "/etc/passwd", "C:\\Windows", "\u202eevil", "", "ü/ß"]
    slugs = Permalinks().assign("akteure", [Candidate(f"k:{i}", [f"k:{i}"], n) for i, n in enumerate(names)])
    assert all(is_safe_slug(s) for s in slugs.values()) and len(set(slugs.values())) == len(names)
