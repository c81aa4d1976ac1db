"""Published addresses never change: registered slugs are kept, merges and retirements redirect."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.errors import ConfigError
from generator.resolve.permalinks import Candidate, Permalinks


def test_new_entities_get_readable_unique_slugs() -> None:
    links = Permalinks()
    slugs = links.assign("akteure", [Candidate("a:1", ["a:1"], "Kursk"), Candidate("a:2", ["a:2"], "Kursk")])
    assert sorted(slugs.values()) == ["kursk", "kursk-2"]
    assert links.changed


def test_registered_slugs_survive_a_rename(tmp_path: Path) -> None:
    links = Permalinks()
    links.assign("akteure", [Candidate("actor:person:putin", ["actor:person:putin"], "Putin")])
    path = tmp_path / "permalinks.yml"
    links.save(path)
    again = Permalinks.load(path)
    merged = Candidate("actor:person:wladimir-putin", ["actor:person:putin", "actor:person:wladimir-putin"],
                       "Wladimir Putin")  # fmt: skip
    assert again.assign("akteure", [merged]) == {"actor:person:wladimir-putin": "putin"}
    assert again.redirects == {}


def test_merged_pages_redirect_and_retired_pages_point_to_the_index() -> None:
    links = Permalinks(sections={"akteure": {"k:a": "alpha", "k:b": "beta", "k:gone": "gone"}})
    slugs = links.assign("akteure", [Candidate("k:a", ["k:a", "k:b"], "Alpha")])
    assert slugs == {"k:a": "alpha"}
    assert links.redirects == {"akteure/beta": "akteure/alpha", "akteure/gone": "akteure/"}


def test_order_of_candidates_does_not_matter() -> None:
    cands = [Candidate(f"k:{i}", [f"k:{i}"], name) for i, name in enumerate(["B", "A", "A", "C"])]
    assert Permalinks().assign("x", cands) == Permalinks().assign("x", list(reversed(cands)))


def test_broken_registry_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "permalinks.yml"
    path.write_text("akteure: [1, 2\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"permalinks\.yml:\d+: not a valid permalink registry"):
        Permalinks.load(path)


def test_redirect_pages_point_to_the_new_address_and_never_hide_live_pages() -> None:
    from generator.render.redirects import redirect_files

    files = redirect_files(
        {"akteure/putin": "akteure/wladimir-putin", "akteure/gone": "akteure/", "akteure/live": "akteure/x"},
        existing={"akteure/live"},
    )
    assert set(files) == {"akteure/putin/index.html", "akteure/gone/index.html"}
    assert 'content="0; url=../wladimir-putin/"' in files["akteure/putin/index.html"]
    assert 'href="../"' in files["akteure/gone/index.html"]
