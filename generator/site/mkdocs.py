"""Build or serve the MkDocs site through the MkDocs Python API.

MkDocs problems (bad config, broken links under ``strict``, theme errors) come back as one
`SiteBuildError` that names the config file and lists the warnings MkDocs logged.

A build is atomic: MkDocs writes into a fresh folder next to the site folder, which replaces
the previous site only once the build succeeded. A failed build leaves the previous site as it was.
"""

from __future__ import annotations

import logging
import os
import secrets
import shutil
from collections import deque
from collections.abc import Callable, Iterator
from contextlib import chdir, contextmanager
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException

from generator.errors import SiteBuildError
from generator.site.incremental import IncrementalPlugin, Plan, prepare, record

__all__ = ["SiteBuildError", "build_site", "serve_site"]

MAX_LISTED = 20


class _Collector(logging.Handler):
    """Keeps the WARNING+ messages MkDocs logs, to put them into the error."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: deque[str] = deque(maxlen=1000)

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(f"{record.levelname}: {record.getMessage()}")


@contextmanager
def _collect_warnings() -> Iterator[_Collector]:
    logger = logging.getLogger("mkdocs")
    collector = _Collector()
    logger.addHandler(collector)
    try:
        yield collector
    finally:
        logger.removeHandler(collector)


def _error(config_file: Path, exc: BaseException, collected: deque[str]) -> SiteBuildError:
    messages = list(collected)
    lines = [f"{config_file}: site build failed: {exc}"]
    lines += [f"  {m}" for m in messages[:MAX_LISTED]]
    if len(messages) > MAX_LISTED:
        lines.append(f"  … and {len(messages) - MAX_LISTED} more")
    return SiteBuildError("\n".join(lines))


def build_site(
    config_file: Path,
    site_dir: Path | None = None,
    *,
    strict: bool = True,
    state_file: Path | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> Plan:
    """Build the site described by `config_file` (into `site_dir` if given, else its own).

    With `strict` (the default) any warning — a broken link or anchor, a missing nav
    page — fails the build. Runs in the config file's folder. The site folder is replaced
    only after a successful build (see `swap_in`). With `state_file` the build is
    incremental where it safely can be (see `generator.site.incremental`): the previous site is
    copied and only changed pages are rendered again. `progress(done, total)` is called per
    rendered page. Returns how the site was built. Raises SiteBuildError.
    """
    config_file = Path(config_file).resolve()
    options: dict[str, object] = {"strict": strict}
    if site_dir is not None:
        options["site_dir"] = str(Path(site_dir).resolve())
    # Markdown extensions resolve paths (pymdownx.snippets' base_path) against the working
    # folder: build from the config's folder, as `mkdocs build` run there would.
    with _collect_warnings() as collected, chdir(config_file.parent):
        staging: Path | None = None
        try:
            config = load_config(config_file=str(config_file), **options)
            target = Path(config.site_dir)
            how, state = prepare(config, config_file, state_file)
            staging = fresh_folder(target, "new")
            if how.incremental:
                shutil.copytree(target, staging, symlinks=True, dirs_exist_ok=True)
            config.site_dir = str(staging)
            config.plugins["lagebild-incremental"] = IncrementalPlugin(how, progress)
            # dirty=False even for an incremental build: MkDocs keeps plugin instances for the
            # whole process, and Material's search, told "dirty", would carry this build's
            # entries into the next one. IncrementalPlugin merges the index itself.
            config.plugins.on_startup(command="build", dirty=False)
            try:
                with _dirty_notice_hidden():
                    build(config, dirty=how.incremental)
            finally:
                config.plugins.on_shutdown()
            swap_in(staging, target)
            record(state, target, state_file)
            return how
        except (MkDocsException, OSError) as exc:  # Abort (strict) is a MkDocsException
            raise _error(config_file, exc, collected.messages) from exc
        finally:
            if staging is not None:
                shutil.rmtree(staging, ignore_errors=True)


class _DirtyNotice(logging.Filter):
    """Drops MkDocs' warning that dirty builds may leave navigation and links inaccurate:
    `generator.site.incremental` builds incrementally only where they cannot be (and the warning
    would fail every strict incremental build)."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith("A 'dirty' build is being performed")


@contextmanager
def _dirty_notice_hidden() -> Iterator[None]:
    logger = logging.getLogger("mkdocs.commands.build")
    notice = _DirtyNotice()
    logger.addFilter(notice)
    try:
        yield
    finally:
        logger.removeFilter(notice)


def _sibling(target: Path, purpose: str) -> Path:
    """An unused hidden name next to `target` (same file system, so renames are atomic)."""
    return target.with_name(f".{target.name}.{purpose}-{os.getpid()}-{secrets.token_hex(4)}")


def fresh_folder(target: Path, purpose: str) -> Path:
    """A new empty folder next to `target`; ``mkdir`` honours the umask (tempfile.mkdtemp: 0700)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    folder = _sibling(target, purpose)
    folder.mkdir()
    return folder


def swap_in(new: Path, target: Path) -> None:
    """Replace the folder `target` by `new`: old → backup, new → target, then drop the backup.

    If moving `new` into place fails, the backup is moved back, so `target` is never lost.
    """
    if not target.exists():
        new.rename(target)
        return
    backup = _sibling(target, "previous")
    target.rename(backup)
    try:
        new.rename(target)
    except OSError:
        backup.rename(target)
        raise
    shutil.rmtree(backup, ignore_errors=True)


def serve_site(config_file: Path, dev_addr: str = "127.0.0.1:8000") -> None:
    """Serve the site with live reload at `dev_addr` until interrupted. Raises SiteBuildError."""
    from mkdocs.commands.serve import serve

    config_file = Path(config_file).resolve()
    with _collect_warnings() as collected, chdir(config_file.parent):
        try:
            serve(config_file=str(config_file), dev_addr=dev_addr)
        except (MkDocsException, OSError) as exc:
            raise _error(config_file, exc, collected.messages) from exc
