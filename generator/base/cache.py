"""Extraction cache: an unchanged article is never re-extracted.

Entries are keyed by the article (id, text, metadata) and the pipeline version — a hash of
the extraction code, the shipped knowledge, the user's knowledge file and the trained
pipeline's name — so any change that could alter a result makes a new key. Entries are
written atomically; a damaged entry is ignored and rebuilt.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import pickle
import time
from pathlib import Path
from typing import Any

from generator.base.digest import code_digest
from generator.base.files import write_atomic

log = logging.getLogger(__name__)

EXTRACTION_CODE = ("base", "knowledge", "corpus", "nlp", "extract", "model.py", "errors.py")
"""The parts of the package whose code decides what extraction returns."""


def pipeline_version(knowledge: Path | None = None, trained: str | None = None) -> str:
    """A hash of everything that decides what extraction returns."""
    digest = hashlib.sha256(code_digest(*EXTRACTION_CODE).encode())
    if knowledge is not None and knowledge.exists():
        digest.update(knowledge.read_bytes())
    digest.update(str(trained).encode())
    return digest.hexdigest()[:16]


class ExtractionCache:
    """Pickled per-article extraction results in `folder` (None: caching off)."""

    def __init__(self, folder: Path | None, version: str) -> None:
        self.folder = folder
        self.version = version
        self.hits = 0
        self.misses = 0

    def key(self, *parts: Any) -> str:
        payload = json.dumps([self.version, *parts], sort_keys=True, ensure_ascii=False, default=str)
        return hashlib.sha256(payload.encode()).hexdigest()

    def _path(self, key: str) -> Path:
        assert self.folder is not None
        return self.folder / key[:2] / f"{key}.pickle"

    def holds(self, key: str) -> bool:
        """Whether an entry for `key` is on disk (it may still turn out damaged on `get`)."""
        return self.folder is not None and self._path(key).is_file()

    def get(self, key: str) -> Any | None:
        if self.folder is None:
            return None
        path = self._path(key)
        try:
            with path.open("rb") as fh:
                value = pickle.load(fh)
        except FileNotFoundError:
            self.misses += 1
            return None
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError) as exc:
            log.warning("%s: damaged cache entry ignored (%s)", path, exc)
            self.misses += 1
            return None
        self.hits += 1
        touch(path)
        return value

    def put(self, key: str, value: Any) -> None:
        if self.folder is None:
            return
        path = self._path(key)
        try:
            write_pickle(path, value)
        except OSError as exc:
            log.warning("%s: could not write cache entry (%s)", path, exc)


KEEP_DAYS = 30
"""Cache entries not used for this many days are deleted after a successful build."""


def touch(path: Path) -> None:
    """Mark a cache entry as used now (its age is the time since its last use)."""
    with contextlib.suppress(OSError):  # a read-only cache still serves, it just ages
        os.utime(path)


def prune(folder: Path, days: float = KEEP_DAYS) -> int:
    """Delete the entries of the cache `folder` not used for `days` days; returns how many."""
    if not folder.is_dir():
        return 0
    limit = time.time() - days * 86400
    removed = 0
    for path in folder.rglob("*"):
        try:
            if path.is_file() and path.stat().st_mtime < limit:
                path.unlink()
                removed += 1
        except OSError as exc:
            log.warning("%s: could not remove old cache entry (%s)", path, exc)
    return removed


def write_pickle(path: Path, value: Any) -> None:
    """Pickle `value` to `path` atomically: readers see the old file or the whole new one."""
    write_atomic(path, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
