"""Shared fixtures: the German pipeline and the seed corpus are built once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
GOLD = ROOT / "tests" / "data" / "gold"
UNSEEN = ROOT / "tests" / "data" / "unseen"


@pytest.fixture(scope="session")
def pipeline():
    from generator.nlp import build_pipeline

    return build_pipeline()


@pytest.fixture(scope="session")
def extractor(pipeline):
    from generator.extract import Extractor

    return Extractor(pipeline)


@pytest.fixture(scope="session")
def seed_report(extractor):
    from generator.corpus.read import read_corpus
    from generator.resolve.merge import resolve

    return resolve(extractor.extract(read_corpus(SEEDS)))


@pytest.fixture()
def extract_text(extractor):
    """Extract one article given as text; returns (Document, DocState)."""
    from generator.corpus.read import RawArticle

    def run(text: str, **meta):
        [result] = extractor.extract(
            [RawArticle(id="t", path="t.txt", text=text, meta=meta or {"title": "T"})]
        )
        return result

    return run
