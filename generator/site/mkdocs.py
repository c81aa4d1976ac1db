"""Build or serve the MkDocs site through the MkDocs Python API.

MkDocs problems (bad config, broken links under ``strict``, theme errors) come back as one
`SiteBuildError` that names the config file and lists the warnings MkDocs logged.

A build is atomic: MkDocs writes into a fresh folder next to the site folder, Pagefind indexes
it there (`generator.site.search`), and it replaces the previous site only once both succeeded.
A failed build leaves the previous site as it was.
"""

from __future__ import annotations

import logging
import shutil
from collections import deque
from collections.abc import Callable, Iterator
from contextlib import chdir, contextmanager
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException

from generator.base.files import copy_on_write, fresh_folder, link_tree, replace_problem, swap_in
from generator.base.timing import stage
from generator.errors import SiteBuildError
from generator.site.incremental import IncrementalPlugin, Plan, prepare, record
from generator.site.search import index_site
from generator.site.sections import SectionPlugin

__all__ = ["SiteBuildError", "build_site", "fresh_folder", "serve_site", "swap_in"]

log = logging.getLogger(__name__)

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
    page — fails the build. Runs in the config file's folder. The built pages are indexed for
    the search (`index_site`); the site folder is replaced only after both succeeded (see
    `swap_in`). With `state_file` the build is incremental where it safely can be (see
    `generator.site.incremental`): the staging folder starts as hard links to the previous site
    (`link_tree`), only changed pages are rendered again, and every file written gets data of its
    own first (`copy_on_write`), so the previous site stays as it was until the swap.
    `progress(done, total)` is called per rendered page. Returns how the site was built.
    Raises SiteBuildError.
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
            if replace_problem(target):  # a file or a read-only folder: say so before building
                raise SiteBuildError(f"{config_file}: cannot build the site: {replace_problem(target)}")
            with stage("Website planen"):
                how, state = prepare(config, config_file, state_file)
            staging = fresh_folder(target, "new")
            if how.incremental:  # the previous site's files, linked: no data is copied
                with stage("Website verlinken"):
                    link_tree(target, staging)
            config.site_dir = str(staging)
            config.plugins["lagebild-incremental"] = IncrementalPlugin(how, progress)
            config.plugins["lagebild-sections"] = SectionPlugin()
            # dirty=False even for an incremental build: MkDocs keeps plugin instances for the
            # whole process, and a plugin told "dirty" may carry this build's state into the next.
            config.plugins.on_startup(command="build", dirty=False)
            try:
                with _dirty_notice_hidden(), copy_on_write(staging), stage("MkDocs"):
                    build(config, dirty=how.incremental)
            finally:
                config.plugins.on_shutdown()
            with stage("Pagefind"):
                searched = index_site(staging)
            log.info("Suchindex: %d Seiten, %d kB", searched.pages, searched.bytes // 1000)
            with stage("Website tauschen"):
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


def serve_site(config_file: Path, dev_addr: str = "127.0.0.1:8000") -> None:
    """Serve the site with live reload at `dev_addr` until interrupted, every rebuild indexed for
    the search (`serve_hook`). Raises SiteBuildError."""
    from mkdocs.commands.serve import serve

    config_file = Path(config_file).resolve()
    hook = Path(__file__).with_name("serve_hook.py")
    with _collect_warnings() as collected, chdir(config_file.parent):
        try:
            serve(config_file=str(config_file), dev_addr=dev_addr, hooks=[str(hook)])
        except (MkDocsException, OSError) as exc:
            raise _error(config_file, exc, collected.messages) from exc
