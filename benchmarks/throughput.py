"""Extraction throughput in words per second: one process, all cores by default, and Dask.

Usage: python benchmarks/throughput.py [--articles 1000] [--workers N]

The single-process figure runs the extractor in this process. The default figure is what
`lagebild build` does without a cluster: `extract_local`, one forked worker process per core
(`generator.extract.pool`), with nothing cached. The Dask figure starts a local
``dask.distributed`` cluster (one process per core, as a team would start workers on a
cluster) and runs the same map over partitions that ``--scheduler`` uses; its workers build
their pipelines on a warm-up batch first. All three measure extraction alone, with the
pipeline built and warm. Prints one JSON object; a benchmark, not a test.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
import time
from pathlib import Path

from generator.corpus.read import RawArticle
from generator.extract import Extractor
from generator.extract.pool import extract_local
from generator.nlp import Pipeline, build_pipeline

sys.path.insert(0, str(Path(__file__).parent))
from corpus import articles_with_meta


def articles(n: int) -> list[RawArticle]:
    return [
        RawArticle(id=name[:-4], path=name, text=text, meta=meta)
        for name, text, meta in articles_with_meta(n, seed=7)
    ]


def words(batch: list[RawArticle]) -> int:
    return sum(len(a.text.split()) for a in batch)


def single(batch: list[RawArticle], pipeline: Pipeline) -> float:
    extractor = Extractor(pipeline)
    extractor.extract(batch[:20])  # warm-up
    start = time.perf_counter()
    extractor.extract(batch)
    return words(batch) / (time.perf_counter() - start)


def local(batch: list[RawArticle], pipeline: Pipeline, workers: int) -> float:
    """`lagebild build`'s default: worker processes forked from this one (its pipeline warm)."""
    start = time.perf_counter()
    extract_local(pipeline, batch, workers=workers)
    return words(batch) / (time.perf_counter() - start)


def parallel(batch: list[RawArticle], workers: int) -> float:
    from dask.distributed import Client, LocalCluster

    from generator.extract.distributed import extract_on_cluster

    options = {"knowledge": None, "trained": None, "default_year": None}
    cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None)
    with cluster, Client(cluster):
        address = cluster.scheduler_address
        extract_on_cluster(batch[: 4 * workers], address, partition_size=4, **options)  # warm-up
        start = time.perf_counter()
        extract_on_cluster(batch, address, partition_size=max(1, len(batch) // (workers * 4)), **options)
        return words(batch) / (time.perf_counter() - start)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args()
    logging.disable(logging.WARNING)
    batch = articles(args.articles)
    pipeline = build_pipeline()
    result = {
        "articles": len(batch),
        "words": words(batch),
        "workers": args.workers,
        "single": single(batch, pipeline),
        "local": local(batch, pipeline, args.workers),
        "parallel": parallel(batch, args.workers),
    }
    print(json.dumps(result))


if __name__ == "__main__":
    main()
