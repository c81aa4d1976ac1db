"""Extraction on all cores of this machine: a local process pool, the default without a cluster.

Extraction is a pure function from article to records (`generator.extract.distributed` relies on
the same), so the articles the cache does not hold are cut into chunks and extracted in worker
processes; the results come back in the corpus order and go into the cache here. On Linux the
workers are forked from this process after its pipeline is built, so they start without loading
spaCy, the tagger and the knowledge base again. Few articles, or one core, are extracted here;
except that the few new articles of a rebuild are extracted in one forked process, which builds
the pipeline while this one loads the cached articles (the two take about as long).
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor

from generator.base.background import Background
from generator.base.cache import ExtractionCache
from generator.base.memory import collector_paused
from generator.corpus.read import RawArticle
from generator.extract import Extracted, Extractor, corpus_year
from generator.nlp import Pipeline

MIN_PER_WORKER = 8
"""Start worker processes only when each gets at least this many articles to extract."""
CHUNK = 16
"""Articles per task: small enough to keep every worker busy to the end."""

_inherited: Extractor | None = None  # the parent's extractor, in forked workers


def workers_for(todo: int, cores: int | None = None) -> int:
    """Worker processes for `todo` articles: one per core, fewer when there is little to do."""
    cores = cores if cores is not None else (os.cpu_count() or 1)
    return max(1, min(cores, todo // MIN_PER_WORKER))


def _extract_chunk(articles: list[RawArticle], default_year: int | None) -> list[Extracted]:
    assert _inherited is not None, "worker started without the parent's extractor"
    return _inherited.extract(articles, default_year=default_year)


def extract_local(
    pipeline: Pipeline | Callable[[], Pipeline],
    articles: list[RawArticle],
    *,
    cache: ExtractionCache | None = None,
    progress: Callable[[int], None] | None = None,
    workers: int | None = None,
) -> list[Extracted]:
    """Every article's extraction, in order: cached ones loaded, the others on all cores.

    `pipeline` may be a function that builds it: then it is built only if some article is not
    in the cache (a rebuild after a change to the pages alone never loads spaCy's pipeline)."""
    default_year = corpus_year(articles)
    keys = [cache.key(a.id, a.path, a.text, a.meta, default_year) if cache else "" for a in articles]
    build = (lambda: pipeline) if isinstance(pipeline, Pipeline) else pipeline
    new = [i for i, k in enumerate(keys) if not (cache and cache.holds(k))]
    early: Background[list[Extracted]] | None = None
    if cache and new and len(new) < len(articles) and _one_process(len(new), workers):
        chosen = [articles[i] for i in new]
        early = Background(lambda: Extractor(build()).extract(chosen, default_year=default_year))
    waiting = set(new) if early is not None else set()
    try:
        with collector_paused():  # thousands of loaded objects that all stay (generator.base.memory)
            results: list[Extracted | None] = [
                cache.get(k) if cache and i not in waiting else None for i, k in enumerate(keys)
            ]
        if early is not None and cache is not None:
            for i, extracted in zip(new, early.result(), strict=True):
                results[i] = extracted
                cache.put(keys[i], extracted)
    finally:
        if early is not None:
            early.close()
    todo = [i for i, r in enumerate(results) if r is None]
    if progress and len(todo) < len(articles):
        progress(len(articles) - len(todo))
    if not todo:
        return [r for r in results if r is not None]
    extractor = Extractor(build())
    count = workers if workers is not None else workers_for(len(todo))
    if count > 1 and "fork" in multiprocessing.get_all_start_methods():
        found = _in_processes(extractor, [articles[i] for i in todo], default_year, count, progress)
    else:
        found = extractor.extract([articles[i] for i in todo], progress=progress, default_year=default_year)
    for i, extracted in zip(todo, found, strict=True):
        results[i] = extracted
        if cache:
            cache.put(keys[i], extracted)
    return [r for r in results if r is not None]


def _one_process(todo: int, workers: int | None) -> bool:
    """Whether `todo` articles are extracted in one process (few of them, or one worker asked for)."""
    return (workers if workers is not None else workers_for(todo)) == 1


def _in_processes(
    extractor: Extractor,
    articles: list[RawArticle],
    default_year: int | None,
    workers: int,
    progress: Callable[[int], None] | None,
) -> list[Extracted]:
    global _inherited
    chunks = [articles[i : i + CHUNK] for i in range(0, len(articles), CHUNK)]
    _inherited = extractor
    try:
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
            found: list[Extracted] = []
            for part in pool.map(_extract_chunk, chunks, [default_year] * len(chunks)):
                found += part
                if progress:
                    progress(len(part))
            return found
    finally:
        _inherited = None
