"""An unchanged article is never re-extracted; a changed one always is."""

from __future__ import annotations

from pathlib import Path

from generator.cache import ExtractionCache, pipeline_version
from generator.corpus import RawArticle
from generator.resolve import resolve


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
