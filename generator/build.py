"""The whole run as one short function per command: gather, extract, resolve, render, build."""

from __future__ import annotations

import hashlib
import json
import logging
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

from generator.base.cache import KEEP_DAYS, ExtractionCache, pipeline_version, prune
from generator.base.files import write_atomic
from generator.corpus.read import read_corpus
from generator.errors import InputError
from generator.evaluate.annotation import document_records
from generator.extract import Extracted, Extractor, corpus_year
from generator.extract.distributed import extract_on_cluster
from generator.knowledge.base import cached_knowledge
from generator.model import Report
from generator.nlp import cached_pipeline
from generator.render.citation import read_site_info
from generator.render.write import SECTIONS, render_report, restore_sections
from generator.resolve.merge import resolve
from generator.resolve.permalinks import Permalinks
from generator.settings import Settings
from generator.site.mkdocs import build_site
from generator.site.zensical import build_with_zensical

log = logging.getLogger(__name__)
ProgressFactory = Callable[[str, int], Callable[[int], None]]


def _no_progress(label: str, total: int) -> Callable[[int], None]:
    return lambda n: None


def extract_corpus(settings: Settings, progress: ProgressFactory = _no_progress) -> list[Extracted]:
    """Read the corpus and run extraction over every article."""
    articles = read_corpus(
        settings.seeds,
        max_bytes=settings.max_file_bytes,
        strict=settings.strict,
        metadata=not settings.ignore_metadata,
        on_error=lambda e: log.error("%s (skipped)", e),
    )
    if not articles:
        raise InputError(str(settings.seeds), "no readable articles (.txt or .md) found")
    knowledge = str(settings.knowledge) if settings.knowledge.exists() else None
    if settings.scheduler:
        return extract_on_cluster(
            articles,
            settings.scheduler,
            knowledge=knowledge,
            trained=settings.trained_pipeline,
            default_year=corpus_year(articles),
        )
    pipeline = cached_pipeline(knowledge, settings.trained_pipeline)
    version = pipeline_version(settings.knowledge, settings.trained_pipeline)
    cache = ExtractionCache(settings.cache_dir / "extraction" if settings.cache else None, version)
    extracted = Extractor(pipeline).extract(
        articles, progress=progress("Extraktion", len(articles)), cache=cache
    )
    if cache.hits:
        log.info("%d of %d articles unchanged, taken from the cache", cache.hits, len(articles))
    return extracted


def build_report(
    settings: Settings, progress: ProgressFactory = _no_progress, permalinks: Permalinks | None = None
) -> Report:
    """Corpus → NLP → extraction → resolution: the report model."""
    if permalinks is None:
        permalinks = Permalinks.load(settings.permalinks)
    extracted = extract_corpus(settings, progress)
    knowledge = cached_knowledge(str(settings.knowledge) if settings.knowledge.exists() else None)
    return resolve(extracted, permalinks, knowledge, settings.min_confidence)


def write_extraction(report: Report, out: Path) -> None:
    """Write ``{"documents": [...]}`` in the annotation format, atomically."""
    payload = json.dumps({"documents": document_records(report)}, ensure_ascii=False, indent=2)
    write_atomic(out, payload + "\n")


def _bar(progress: ProgressFactory, label: str) -> Callable[[int, int], None]:
    """A ``step(done, total)`` callback that opens the progress bar on its first call."""
    bar: list[Callable[[int], None]] = []

    def step(done: int, total: int) -> None:
        if not bar:
            bar.append(progress(label, total))
        bar[0](1)

    return step


def _site_state(settings: Settings) -> Path | None:
    """Where the state of the last site build is kept (per site folder); None without a cache."""
    if not settings.cache:
        return None
    name = hashlib.sha256(str(settings.site_dir.resolve()).encode()).hexdigest()[:16]
    return settings.cache_dir / "site" / f"{name}.json"


def build(settings: Settings, *, site: bool = True, progress: ProgressFactory = _no_progress) -> Report:
    """Extract, render Markdown into docs/, build the site; then record the published addresses."""
    permalinks = Permalinks.load(settings.permalinks)
    report = build_report(settings, progress, permalinks)
    step = _bar(progress, "Seiten")
    settings.docs_dir.mkdir(parents=True, exist_ok=True)
    previous = Path(tempfile.mkdtemp(prefix=".lagebild-previous-", dir=settings.docs_dir))
    before = {s for s in SECTIONS if (settings.docs_dir / s).exists()}
    try:
        info = read_site_info(settings.mkdocs_config)
        charts = settings.cache_dir / "charts" if settings.cache else None
        render_report(
            report, settings.docs_dir, site=info, progress=step, previous=previous, cache_dir=charts
        )
        if site and settings.builder == "zensical":
            build_with_zensical(settings.mkdocs_config, settings.site_dir, command=settings.zensical)
        elif site:
            how = build_site(
                settings.mkdocs_config,
                settings.site_dir,
                strict=True,
                state_file=_site_state(settings),
                progress=_bar(progress, "Website"),
            )
            log.info("Website %s gebaut: %s", "teilweise" if how.incremental else "ganz", how.reason)
    except BaseException:
        restore_sections(previous, settings.docs_dir, before)  # docs/ as it was: nothing half-written
        raise
    finally:
        shutil.rmtree(previous, ignore_errors=True)
    if permalinks.changed or not settings.permalinks.exists():
        permalinks.save(settings.permalinks)
    if settings.cache:
        old = sum(prune(settings.cache_dir / part) for part in ("extraction", "charts"))
        if old:
            log.info("%d cache entries unused for %d days removed", old, KEEP_DAYS)
    return report
