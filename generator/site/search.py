"""The site search: Pagefind indexes the built pages; the site ships the index and its interface.

Pagefind (the ``pagefind[bin]`` package brings its binary) reads every HTML page of a built site
and writes ``pagefind/`` into it: the index split into small chunks that the browser loads as a
query needs them, German stemming (``<html lang="de">``), the filters the pages declare with
``data-pagefind-filter`` and the search interface (``pagefind-component-ui.js``) that the header
of every page loads (``overrides/``).

What is indexed is decided by the pages: only the text inside ``data-pagefind-body`` (the page
content, see ``overrides/main.html``), without the blocks marked ``data-search-exclude`` (tables
that repeat sentences indexed on their source pages, the citation box) and the headings' "¶"
links. Pagefind always reads the whole site, so an incremental build is indexed as completely as
a full one.
"""

from __future__ import annotations

import gzip
import json
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.errors import SiteBuildError

BUNDLE = "pagefind"
ENTRY = Path(BUNDLE) / "pagefind-entry.json"
FRAGMENT_SIGNATURE = b"pagefind_dcd"  # what a fragment starts with, once decompressed
# Pagefind writes the filter index in an order that varies from run to run (its hash maps), so
# these files (and the two that name them by their digests) differ between builds of the same
# pages; the pages' text, words, metadata and filter values (in the fragments) do not.
UNORDERED = (f"{BUNDLE}/filter/", f"{BUNDLE}/pagefind-entry.json", f"{BUNDLE}/pagefind.")
# Blocks that repeat what is indexed elsewhere, and the "¶" permalinks of headings and table rows.
EXCLUDED = ("[data-search-exclude]", ".headerlink", ".lb-link")
MAX_OUTPUT = 4000


@dataclass(frozen=True)
class SearchIndex:
    """What Pagefind wrote: pages indexed and the bundle's size on disk."""

    pages: int
    bytes: int


def pagefind_executable() -> Path:
    """The Pagefind binary of the installed ``pagefind[bin]``. Raises SiteBuildError without it."""
    try:
        from pagefind.service import get_executable

        found = get_executable()
    except (ImportError, FileNotFoundError):
        found = None
    if found is None or not found.is_file():
        raise SiteBuildError(
            "the site search needs Pagefind, which is not installed: pip install 'pagefind[bin]'"
        )
    return found


def index_site(site_dir: Path) -> SearchIndex:
    """Index the built site in `site_dir` with Pagefind, replacing any earlier ``pagefind/``.

    Raises SiteBuildError when Pagefind is missing or fails.
    """
    site_dir = Path(site_dir)
    bundle = site_dir / BUNDLE
    shutil.rmtree(bundle, ignore_errors=True)
    args = [str(pagefind_executable()), "--site", str(site_dir), "--output-subdir", BUNDLE, "--quiet"]
    for selector in EXCLUDED:
        args += ["--exclude-selectors", selector]
    try:
        done = subprocess.run(args, capture_output=True, text=True, errors="replace", check=False)
    except OSError as exc:
        raise SiteBuildError(f"{site_dir}: Pagefind could not be started: {exc}") from exc
    output = (done.stdout + done.stderr).strip()
    if done.returncode != 0 or not (site_dir / ENTRY).is_file():
        raise SiteBuildError(f"{site_dir}: Pagefind failed to index the site:\n{output[-MAX_OUTPUT:]}")
    return SearchIndex(pages=indexed_pages(site_dir), bytes=bundle_bytes(bundle))


def indexed_pages(site_dir: Path) -> int:
    """The number of pages in the search index of `site_dir` (0 without one)."""
    try:
        entry = json.loads((site_dir / ENTRY).read_text(encoding="utf-8"))
        return sum(int(lang["page_count"]) for lang in entry["languages"].values())
    except (OSError, ValueError, KeyError, TypeError):
        return 0


def bundle_bytes(bundle: Path) -> int:
    """The size of the files below `bundle`."""
    return sum(p.stat().st_size for p in bundle.rglob("*") if p.is_file())


def indexed_documents(site_dir: Path) -> list[dict[str, Any]]:
    """Every page in the search index of `site_dir`, as Pagefind stored it, sorted by URL.

    Each is a mapping with ``url``, ``content`` (the indexed text), ``meta`` (``title`` and the
    page's metadata), ``filters`` and ``anchors``: what a search result shows, for tests and checks.
    """
    documents = []
    for fragment in sorted((Path(site_dir) / BUNDLE / "fragment").glob("*.pf_fragment")):
        data = gzip.decompress(fragment.read_bytes())
        documents.append(json.loads(data.removeprefix(FRAGMENT_SIGNATURE)))
    return sorted(documents, key=lambda d: d["url"])


def varies_between_builds(path: str) -> bool:
    """Whether the site file at `path` (relative, POSIX) may differ between builds of the same
    pages: the parts of the search bundle listed in `UNORDERED`."""
    return path.startswith(UNORDERED)
