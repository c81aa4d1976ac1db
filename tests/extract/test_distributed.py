"""Extraction on a local dask.distributed cluster gives the same report as one process."""

from __future__ import annotations

import pytest

from generator.corpus.read import read_corpus
from generator.errors import ConfigError
from generator.extract import corpus_year
from generator.resolve.merge import resolve
from tests.conftest import SEEDS

distributed = pytest.importorskip("distributed")


@pytest.mark.slow
def test_cluster_report_equals_single_process(extractor) -> None:
    from generator.extract.distributed import extract_on_cluster

    articles = read_corpus(SEEDS)
    single = resolve(extractor.extract(articles)).to_dict()
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster:
        extracted = extract_on_cluster(
            articles, cluster.scheduler_address, knowledge=None, trained=None,
            default_year=corpus_year(articles), partition_size=2,
        )  # fmt: skip
    assert [x.document.id for x in extracted] == [a.id for a in articles]
    assert resolve(extracted).to_dict() == single


def test_unreachable_scheduler_is_a_clear_error() -> None:
    from generator.extract.distributed import extract_on_cluster

    with pytest.raises(ConfigError, match="cannot reach the Dask scheduler"):
        extract_on_cluster(
            [], "tcp://127.0.0.1:1", knowledge=None, trained=None, default_year=None, timeout="2s"
        )
