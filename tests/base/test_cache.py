"""An unchanged article is never re-extracted; a changed one always is."""

from __future__ import annotations

import os
import time
from pathlib import Path

from generator.base.cache import KEEP_DAYS, ExtractionCache, pipeline_version, prune
from generator.corpus.read import RawArticle
from generator.resolve.merge import resolve


def articles(extra: str = "") -> list[RawArticle]:
    return [
        RawArticle(
            id="a", path="a.txt", text="Die NATO bestätigte die Entsendung von 3.000 Soldaten.", meta={}
        ),
        RawArticle(
            id="b", path="b.txt", text=f"Kiew teilte mit, 500 Offiziere seien eingetroffen.{extra}", meta={}
        ),
    ]


def test_second_run_is_served_from_the_cache(extractor, tmp_path: Path) -> None:
    cache = ExtractionCache(tmp_path, pipeline_version())
    first = resolve(extractor.extract(articles(), cache=cache))
    assert (cache.hits, cache.misses) == (0, 2)
    again = ExtractionCache(tmp_path, pipeline_version())
    second = resolve(extractor.extract(articles(), cache=again))
    assert (again.hits, again.misses) == (2, 0)
    assert second.to_dict() == first.to_dict()


def test_a_changed_article_is_extracted_again(extractor, tmp_path: Path) -> None:
    extractor.extract(articles(), cache=ExtractionCache(tmp_path, pipeline_version()))
    cache = ExtractionCache(tmp_path, pipeline_version())
    report = resolve(extractor.extract(articles(" Das sagte Selenskyj."), cache=cache))
    assert (cache.hits, cache.misses) == (1, 1)
    assert "Das sagte Selenskyj." in report.documents[1].text


def test_another_pipeline_version_misses(extractor, tmp_path: Path) -> None:
    extractor.extract(articles(), cache=ExtractionCache(tmp_path, "v1"))
    cache = ExtractionCache(tmp_path, "v2")
    extractor.extract(articles(), cache=cache)
    assert cache.hits == 0


def test_damaged_entry_is_ignored(extractor, tmp_path: Path) -> None:
    extractor.extract(articles(), cache=ExtractionCache(tmp_path, "v"))
    for entry in tmp_path.rglob("*.pickle"):
        entry.write_bytes(b"not a pickle")
    cache = ExtractionCache(tmp_path, "v")
    result = extractor.extract(articles(), cache=cache)
    assert cache.hits == 0 and len(result) == 2


def test_entries_unused_for_a_month_are_pruned_and_used_ones_stay(extractor, tmp_path: Path) -> None:
    folder = tmp_path / "extraction"
    cache = ExtractionCache(folder, "v1")
    extractor.extract(articles(), cache=cache)
    entries = sorted(folder.rglob("*.pickle"))
    assert entries
    month_ago = time.time() - (KEEP_DAYS + 1) * 86400
    for path in entries:
        os.utime(path, (month_ago, month_ago))
    stale = folder / "ff" / "stale.pickle"  # an article no longer in the corpus
    stale.parent.mkdir(exist_ok=True)
    stale.write_bytes(b"x")
    os.utime(stale, (month_ago, month_ago))

    extractor.extract(articles(), cache=ExtractionCache(folder, "v1"))  # uses (touches) every entry
    assert prune(folder) == 1
    assert not stale.exists() and all(p.exists() for p in entries)
    assert prune(tmp_path / "missing") == 0
