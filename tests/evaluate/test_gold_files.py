"""The gold files we score against are themselves checked: verbatim sentences, known claimants."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.model import ACTOR_TYPES, QUALIFIERS, REGION_TYPES, STANCES
from tests.conftest import GOLD, SEEDS, UNSEEN

SETS = [(GOLD, SEEDS), (UNSEEN, UNSEEN)]
FILES = [
    (gold, texts / json.loads(gold.read_text("utf-8"))["document"])
    for d, texts in SETS
    for gold in sorted(d.glob("*.gold.json"))
]


def test_both_sets_are_present() -> None:
    assert len([f for f in FILES if f[0].parent == GOLD]) == 5
    assert len([f for f in FILES if f[0].parent == UNSEEN]) >= 6


@pytest.mark.parametrize(("gold", "article"), FILES, ids=lambda p: p.name)
def test_gold_file_is_consistent(gold: Path, article: Path) -> None:
    data = json.loads(gold.read_text("utf-8"))
    text = article.read_text("utf-8")
    assert list(data) == ["document", "outlet", "published", "actors", "regions", "figures", "claims"]
    names = {a["name"] for a in data["actors"]}
    assert all(a["type"] in ACTOR_TYPES for a in data["actors"])
    assert all(r["type"] in REGION_TYPES for r in data["regions"])
    for fig in data["figures"]:
        assert fig["sentence"] in text, fig["sentence"]
        assert fig["qualifier"] is None or fig["qualifier"] in QUALIFIERS
        assert fig["attributed_to"] is None or fig["attributed_to"] in names
    for claim in data["claims"]:
        assert claim["sentence"] in text, claim["sentence"]
        assert claim["stance"] in STANCES
        assert claim["claimant"] in names
