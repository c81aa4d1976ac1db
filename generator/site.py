"""Build or serve the MkDocs site through the MkDocs Python API.

MkDocs problems (bad config, broken links under ``strict``, theme errors) come back as one
`SiteBuildError` that names the config file and lists the warnings MkDocs logged.
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException

from .errors import SiteBuildError

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


def build_site(config_file: Path, site_dir: Path | None = None, *, strict: bool = True) -> None:
    """Build the site described by `config_file` (into `site_dir` if given, else its own).

    With `strict` (the default) any warning — a broken link or anchor, a missing nav
    page — fails the build. Raises SiteBuildError.
    """
    config_file = Path(config_file)
    options: dict[str, object] = {"strict": strict}
    if site_dir is not None:
        options["site_dir"] = str(Path(site_dir).resolve())
    with _collect_warnings() as collected:
        try:
            config = load_config(config_file=str(config_file), **options)
            config.plugins.on_startup(command="build", dirty=False)
            try:
                build(config)
            finally:
                config.plugins.on_shutdown()
        except (MkDocsException, OSError) as exc:  # Abort (strict) is a MkDocsException
            raise _error(config_file, exc, collected.messages) from exc


def serve_site(config_file: Path, dev_addr: str = "127.0.0.1:8000") -> None:
    """Serve the site with live reload at `dev_addr` until interrupted. Raises SiteBuildError."""
    from mkdocs.commands.serve import serve

    config_file = Path(config_file)
    with _collect_warnings() as collected:
        try:
            serve(config_file=str(config_file), dev_addr=dev_addr)
        except (MkDocsException, OSError) as exc:
            raise _error(config_file, exc, collected.messages) from exc
