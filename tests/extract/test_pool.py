"""Extraction in a local process pool gives what one process gives, in the corpus order."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from generator.base.cache import ExtractionCache
from generator.corpus.read import read_corpus
from generator.extract import Extractor
from generator.extract.pool import MIN_PER_WORKER, extract_local, workers_for
from generator.nlp import Pipeline, cached_pipeline

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def test_workers_follow_the_cores_and_the_work() -> None:
    assert workers_for(0, cores=2) == 1
    assert workers_for(MIN_PER_WORKER, cores=2) == 1
    assert workers_for(10 * MIN_PER_WORKER, cores=2) == 2
    assert workers_for(10 * MIN_PER_WORKER, cores=1) == 1


def test_two_processes_give_what_one_gives(tmp_path: Path) -> None:
    articles = read_corpus(SEEDS)
    pipeline = cached_pipeline(None, None)
    single = Extractor(pipeline).extract(articles)
    cache = ExtractionCache(tmp_path, "v")
    pooled = extract_local(pipeline, articles, cache=cache, workers=2)
    assert [e.document for e in pooled] == [e.document for e in single]
    assert [e.state.statements for e in pooled] == [e.state.statements for e in single]
    again = ExtractionCache(tmp_path, "v")
    assert [e.document for e in extract_local(pipeline, articles, cache=again, workers=2)] == [
        e.document for e in single
    ]
    assert again.hits == len(articles)


def test_the_pipeline_is_built_only_when_an_article_is_not_in_the_cache(tmp_path: Path) -> None:
    articles = read_corpus(SEEDS)[:3]
    built: list[int] = []

    def load() -> Pipeline:
        built.append(1)
        return cached_pipeline(None, None)

    first = extract_local(load, articles, cache=ExtractionCache(tmp_path, "v"), workers=1)
    assert built == [1]
    again = extract_local(load, articles, cache=ExtractionCache(tmp_path, "v"), workers=1)
    assert built == [1], "every article came from the cache: no pipeline needed"
    assert [e.document for e in again] == [e.document for e in first]


def test_a_changed_article_among_cached_ones_is_extracted_and_cached(tmp_path: Path) -> None:
    articles = read_corpus(SEEDS)
    pipeline = cached_pipeline(None, None)
    extract_local(pipeline, articles, cache=ExtractionCache(tmp_path, "v"))
    changed = [
        replace(articles[0], text=articles[0].text + "\n\nDie Lage blieb am Abend ruhig.\n"),
        *articles[1:],
    ]
    damaged = sorted(tmp_path.rglob("*.pickle"))[0]  # found damaged only when it is loaded
    damaged.write_bytes(b"not a pickle")
    cache = ExtractionCache(tmp_path, "v")
    found = extract_local(pipeline, changed, cache=cache)  # one new article: extracted while the cache loads
    single = Extractor(pipeline).extract(changed)
    assert [e.document for e in found] == [e.document for e in single]
    assert [e.state.statements for e in found] == [e.state.statements for e in single]
    assert cache.hits == len(articles) - 2
    again = ExtractionCache(tmp_path, "v")
    extract_local(pipeline, changed, cache=again)
    assert again.hits == len(articles), "the new article and the damaged entry were cached"
