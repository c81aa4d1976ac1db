"""Extraction on a Dask cluster, for corpora one machine cannot process in time.

Extraction is a pure function from article to per-article records, so it runs as a map over
partitions of a ``dask.bag``; every worker builds the German pipeline once and keeps it.
Resolution and rendering then run on this machine. Dask is optional: install
``lagebild[dask]`` and pass ``--scheduler tcp://host:8786`` (or set ``scheduler``).
"""

from __future__ import annotations

import logging
from functools import lru_cache

from generator.corpus.read import RawArticle
from generator.errors import ConfigError
from generator.extract import Extracted, Extractor
from generator.nlp import build_pipeline

log = logging.getLogger(__name__)


@lru_cache(maxsize=2)
def _worker_extractor(knowledge: str | None, trained: str | None) -> Extractor:
    return Extractor(build_pipeline(knowledge, trained))


def extract_partition(
    articles: list[RawArticle], knowledge: str | None, trained: str | None, default_year: int | None
) -> list[Extracted]:
    """What one worker does with its share of the corpus."""
    return _worker_extractor(knowledge, trained).extract(list(articles), default_year=default_year)


def extract_on_cluster(
    articles: list[RawArticle],
    scheduler: str,
    *,
    knowledge: str | None,
    trained: str | None,
    default_year: int | None,
    partition_size: int = 50,
    timeout: str = "20s",
) -> list[Extracted]:
    """Extract `articles` on the Dask scheduler at `scheduler`, in the corpus order."""
    try:
        import dask.bag as db
        from dask.distributed import Client
    except ImportError as exc:
        raise ConfigError(
            "scheduler: Dask is not installed; install it with pip install 'lagebild[dask]'"
        ) from exc
    try:
        client = Client(scheduler, timeout=timeout)
    except OSError as exc:
        raise ConfigError(f"scheduler: cannot reach the Dask scheduler at {scheduler} ({exc})") from exc
    with client:
        partitions = max(1, -(-len(articles) // partition_size))
        log.info("extracting %d articles in %d partitions on %s", len(articles), partitions, scheduler)
        bag = db.from_sequence(articles, npartitions=partitions)
        return list(bag.map_partitions(extract_partition, knowledge, trained, default_year).compute())
