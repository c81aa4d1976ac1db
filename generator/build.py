"""The whole run as one short function per command: gather, extract, resolve, render, build."""

from __future__ import annotations

import hashlib
import json
import logging
import tempfile
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from generator.base.cache import KEEP_DAYS, ExtractionCache, pipeline_version, prune
from generator.base.files import recover_folder, remove_folder, write_atomic
from generator.base.lock import LOCK_FILE, BuildLock
from generator.base.memory import collector_paused, kept_out_of_collection
from generator.base.timing import stage
from generator.corpus.read import read_corpus
from generator.errors import ConfigError, InputError
from generator.evaluate.annotation import document_records
from generator.extract import Extracted, corpus_year
from generator.extract.distributed import extract_on_cluster
from generator.extract.pool import extract_local
from generator.knowledge.base import cached_knowledge
from generator.model import Report
from generator.nlp import cached_pipeline
from generator.render.citation import read_site_info
from generator.render.write import SECTIONS, render_report, restore_sections
from generator.resolve.merge import resolve
from generator.resolve.permalinks import Permalinks
from generator.settings import Settings, check_outputs
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
    version = pipeline_version(settings.knowledge, settings.trained_pipeline)
    cache = ExtractionCache(settings.cache_dir / "extraction" if settings.cache else None, version)
    extracted = extract_local(
        lambda: cached_pipeline(knowledge, settings.trained_pipeline),
        articles,
        cache=cache,
        progress=progress("Extraktion", len(articles)),
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
    with stage("Lesen und Extraktion"):
        extracted = extract_corpus(settings, progress)
    knowledge = cached_knowledge(str(settings.knowledge) if settings.knowledge.exists() else None)
    with collector_paused(), stage("Auflösung"):  # the model's objects all stay alive (generator.base.memory)
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


LOCK_WAIT = 600.0
"""Seconds a build waits for another build in the same project folder before it stops."""
COMMITTED = ".committed"
"""Marker in a docs backup folder: the outputs built from the new docs are in place, keep them."""
SITE_BEFORE = ".site-before"
"""File in a docs backup folder: which folder was the site when the site build began (`_identity`):
if another one is the site when the next build recovers, the new site went live, keep the docs."""


def build(
    settings: Settings,
    *,
    site: bool = True,
    progress: ProgressFactory = _no_progress,
    lock_wait: float | None = None,
) -> Report:
    """Extract, render Markdown into docs/, build the site; then record the published addresses.

    One build at a time per project folder (`BuildLock`, waiting up to `lock_wait` seconds,
    default `LOCK_WAIT`); what a build killed half-way left behind is undone first (`recover`)."""
    check_outputs(settings, site=site)  # before anything is read or written: no output on an input
    wait = LOCK_WAIT if lock_wait is None else lock_wait
    with BuildLock(settings.mkdocs_config.parent / LOCK_FILE, wait=wait):
        recover(settings)
        return _build(settings, site=site, progress=progress)


def recover(settings: Settings) -> None:
    """Undo what a killed build left (call it holding the lock): docs/ back as it was unless its
    outputs were complete, the site folder back if it was left aside, staging folders removed."""
    docs, project = settings.docs_dir, settings.mkdocs_config.parent
    try:
        for line in recover_folder(settings.site_dir):  # first: the site that was live is back
            log.warning("%s", line)
        for backup in sorted(docs.glob(".lagebild-previous-*")) if docs.is_dir() else []:
            if not _published(backup, settings.site_dir):
                restore_sections(backup, docs, set(SECTIONS))
                log.warning("%s: generated pages put back as they were before a build that was killed", docs)
            remove_folder(backup)
        for staging in docs.glob(".lagebild-render-*") if docs.is_dir() else []:
            remove_folder(staging)
        for stale in [
            *project.glob(".lagebild-zensical-*.yml"),
            *settings.permalinks.parent.glob(f".{settings.permalinks.name}.*.tmp"),
        ]:
            stale.unlink(missing_ok=True)
    except OSError as exc:
        raise ConfigError(f"{project}: cannot clean up after a build that was killed: {exc}") from exc


def _published(backup: Path, site_dir: Path) -> bool:
    """Whether the build that left the docs backup `backup` got its outputs out (keep its docs)."""
    if (backup / COMMITTED).exists():
        return True
    before = backup / SITE_BEFORE
    return before.exists() and before.read_text(encoding="utf-8") != _identity(site_dir)


def _identity(folder: Path) -> str:
    """Which folder is at `folder` ("device:inode"; renames and exchanges keep it), or "none"."""
    try:
        st = folder.stat()
    except FileNotFoundError:
        return "none"
    return f"{st.st_dev}:{st.st_ino}"


def _build(settings: Settings, *, site: bool, progress: ProgressFactory) -> Report:
    permalinks = Permalinks.load(settings.permalinks)
    report = build_report(settings, progress, permalinks)
    with kept_out_of_collection():  # the model stays to the end (generator.base.memory)
        _publish(settings, report, permalinks, site=site, progress=progress)
    return report


def _publish(
    settings: Settings, report: Report, permalinks: Permalinks, *, site: bool, progress: ProgressFactory
) -> None:
    """Render the report into docs/, build the site, record the addresses, prune the caches."""
    registry = None
    step = _bar(progress, "Seiten")
    settings.docs_dir.mkdir(parents=True, exist_ok=True)
    previous = Path(tempfile.mkdtemp(prefix=".lagebild-previous-", dir=settings.docs_dir))
    before = {s for s in SECTIONS if (settings.docs_dir / s).exists()}
    try:
        info = read_site_info(settings.mkdocs_config)
        charts = settings.cache_dir / "charts" if settings.cache else None
        with stage("Seiten, Grafiken, Daten"):
            render_report(
                report,
                settings.docs_dir,
                site=info,
                progress=step,
                previous=previous,
                cache_dir=charts,
                contact=settings.accessibility_contact,
            )
        if permalinks.changed or not settings.permalinks.exists():
            # Python writes the YAML, a second at 1,000 articles: in a thread, started after the
            # pages (which fork processes), that runs while MkDocs builds and Pagefind indexes.
            thread = ThreadPoolExecutor(max_workers=1)
            registry = thread.submit(permalinks.text)
            thread.shutdown(wait=False)  # the thread ends with its one task
        if site:
            (previous / SITE_BEFORE).write_text(_identity(settings.site_dir), encoding="utf-8")
        if site and settings.builder == "zensical":
            build_with_zensical(settings.mkdocs_config, settings.site_dir, command=settings.zensical)
        elif site:
            with stage("Website (MkDocs, Pagefind)"):
                how = build_site(
                    settings.mkdocs_config,
                    settings.site_dir,
                    strict=True,
                    state_file=_site_state(settings),
                    progress=_bar(progress, "Website"),
                )
            log.info("Website %s gebaut: %s", "teilweise" if how.incremental else "ganz", how.reason)
        (previous / COMMITTED).touch()  # killed from here on, the next build keeps these outputs
    except BaseException:
        restore_sections(previous, settings.docs_dir, before)  # docs/ as it was: nothing half-written
        raise
    finally:
        remove_folder(previous)
    if registry is not None:
        permalinks.save(settings.permalinks, registry.result())
    if settings.cache:
        old = sum(prune(settings.cache_dir / part) for part in ("extraction", "charts"))
        if old:
            log.info("%d cache entries unused for %d days removed", old, KEEP_DAYS)
