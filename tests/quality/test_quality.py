"""Extraction quality floors on the development set (seeds) and our own unseen set.

Scored exactly like `lagebild evaluate`, with the shipped knowledge only (no project
knowledge.yml), so the floors measure extraction that generalises. Raise a floor when
extraction improves; a drop below one is a regression.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.corpus.read import read_corpus
from generator.evaluate.annotation import document_records, evaluate, load_gold
from generator.resolve.merge import resolve
from tests.conftest import GOLD, SEEDS, UNSEEN

FLOORS = {
    "seeds": {"actors_typed": 0.90, "regions": 0.88, "figures": 0.95, "claims": 0.64,
              "attribution": 0.82, "qualifier": 0.95, "stance": 0.85, "metadata_from_text": 0.45},
    "unseen": {"actors_typed": 0.86, "regions": 0.82, "figures": 0.95, "claims": 0.68,
               "attribution": 0.85, "qualifier": 0.95, "stance": 0.90, "metadata_from_text": 0.90},
}  # fmt: skip
SETS = {"seeds": (SEEDS, GOLD), "unseen": (UNSEEN, UNSEEN)}


def scores(extractor, texts: Path, gold: Path, metadata: bool):
    report = resolve(extractor.extract(read_corpus(texts, metadata=metadata)))
    return evaluate(document_records(report), load_gold(gold))


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(SETS))
def test_quality_floors(extractor, name: str) -> None:
    texts, gold = SETS[name]
    result = scores(extractor, texts, gold, metadata=True)
    floors = FLOORS[name]
    got = {k: result.scores[k].f1 for k in ("actors_typed", "regions", "figures", "claims")}
    got.update(
        attribution=result.ratio(result.attribution),
        qualifier=result.ratio(result.qualifier),
        stance=result.ratio(result.stance),
    )
    inferred = scores(extractor, texts, gold, metadata=False)
    got["metadata_from_text"] = inferred.ratio(inferred.metadata)
    below = {k: (round(got[k], 3), floor) for k, floor in floors.items() if got[k] < floor}
    assert not below, f"{name}: below the floor (got, floor): {below}\n{result.table()}"
