"""Bring the generated sections of the docs folder up to date, touching only what changed.

`render_report` stages new and changed files first; `sync_sections` then moves each staged
file over its old version (`os.replace`: readers see the old file or the new one, never half
of one), deletes files that are no longer generated and leaves unchanged files — and their
modification times — alone, so MkDocs and browsers see only real changes.

Every file it replaces or deletes is first kept in a backup folder under the same relative
path, and the files it adds are listed there (`ADDED`), so `restore_sections` can put the
docs folder back exactly as it was (a failed site build, a failure half-way through).
"""

from __future__ import annotations

import contextlib
import filecmp
import json
import os
import shutil
from collections.abc import Iterable
from pathlib import Path

ADDED = ".added.json"
"""File in the backup folder that lists the files a sync added (relative to the docs folder)."""


def generated_files(docs_dir: Path, sections: Iterable[str]) -> set[str]:
    """Relative paths of every file in the given section folders of `docs_dir`."""
    found: set[str] = set()
    for section in sections:
        folder = docs_dir / section
        if folder.is_dir():
            found |= {p.relative_to(docs_dir).as_posix() for p in folder.rglob("*") if not p.is_dir()}
    return found


def unchanged(docs_dir: Path, rel: str, data: bytes) -> bool:
    """Whether `docs_dir/rel` already holds exactly `data`."""
    target = docs_dir / rel
    try:
        return target.stat().st_size == len(data) and target.read_bytes() == data
    except OSError:
        return False


def move_if_changed(source: Path, docs_dir: Path, rel: str, staging: Path) -> None:
    """Stage the finished file `source` as `rel` (moved into `staging`), unless `docs_dir/rel`
    already holds the same bytes; then `source` is left where it is."""
    target = docs_dir / rel
    try:
        same = target.stat().st_size == source.stat().st_size and filecmp.cmp(source, target, shallow=False)
    except OSError:
        same = False
    if not same:
        (staging / rel).parent.mkdir(parents=True, exist_ok=True)
        os.replace(source, staging / rel)


def sync_sections(
    staging: Path, docs_dir: Path, sections: Iterable[str], keep: set[str], backup: Path
) -> None:
    """Move the staged files into `docs_dir`, delete section files not in `keep`; roll back on failure.

    `staging` holds the new and changed files under their relative paths; `keep` names every
    file the sections should hold afterwards (staged or unchanged). Replaced and deleted files
    are kept in `backup`, added ones listed in `backup/ADDED`.
    """
    sections = tuple(sections)
    staged = sorted(generated_files(staging, sections))
    stale = sorted(generated_files(docs_dir, sections) - keep)
    added = [rel for rel in staged if not (docs_dir / rel).exists()]
    backup.mkdir(parents=True, exist_ok=True)
    (backup / ADDED).write_text(json.dumps(added), encoding="utf-8")
    try:
        for rel in stale:
            _keep_copy(docs_dir / rel, backup / rel, move=True)
        for rel in staged:
            target = docs_dir / rel
            if target.exists():
                _keep_copy(target, backup / rel, move=False)
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(staging / rel, target)
        for section in sections:
            (docs_dir / section).mkdir(exist_ok=True)
            _prune_empty(docs_dir / section)
    except OSError:
        restore_files(backup, docs_dir, sections)
        raise


def restore_files(backup: Path, docs_dir: Path, sections: Iterable[str]) -> None:
    """Undo `sync_sections`: drop the added files, put the kept copies back (with their mtimes)."""
    listed = backup / ADDED
    if listed.exists():
        for rel in json.loads(listed.read_text(encoding="utf-8")):
            (docs_dir / rel).unlink(missing_ok=True)
    for section in sections:
        kept = backup / section
        if not kept.is_dir():
            continue
        for path in sorted(kept.rglob("*")):
            if not path.is_dir():
                target = docs_dir / path.relative_to(backup)
                target.parent.mkdir(parents=True, exist_ok=True)
                os.replace(path, target)
        shutil.rmtree(kept, ignore_errors=True)
        if (docs_dir / section).is_dir():
            _prune_empty(docs_dir / section)
    listed.unlink(missing_ok=True)


def _keep_copy(source: Path, copy: Path, *, move: bool) -> None:
    """Keep `source` as `copy`: moved, or hard-linked (copied where links fail), mtime preserved."""
    copy.parent.mkdir(parents=True, exist_ok=True)
    if move:
        os.replace(source, copy)
        return
    try:
        os.link(source, copy)
    except OSError:
        shutil.copy2(source, copy)


def _prune_empty(folder: Path) -> None:
    """Remove empty sub-folders of `folder` (deepest first); `folder` itself stays."""
    folders = sorted((p for p in folder.rglob("*") if p.is_dir()), key=lambda p: len(p.parts), reverse=True)
    for path in folders:
        with contextlib.suppress(OSError):  # not empty
            path.rmdir()
