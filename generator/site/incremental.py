"""Incremental site builds: after one article changed, MkDocs renders only the pages that changed.

MkDocs can skip unchanged pages (``build(dirty=True)``) but leaves three things wrong, which
this module puts right, so that an incremental build publishes exactly what a full build
would:

- *what counts as changed*: MkDocs compares modification times. Here every file of the docs
  folder is compared by content with the state of the last build; a changed file whose time
  says otherwise is rebuilt all the same (its old output is removed first).
- *stale files*: outputs of removed files are deleted (and the search bundle, which
  `generator.site.search` writes anew over the whole site after every build).

A page's HTML also depends on things outside its Markdown: mkdocs.yml, the theme, the
snippets appended to every page, the pages named in the navigation without a title of their
own. Their digest is the build's *fingerprint*; when it changed, the build is a full one. A
snippet made of abbreviation definitions alone (``*[NATO]: …``, appended to every page) is the
exception: an abbreviation changes only the pages whose text has it, so its definitions are
kept in the state and a page that names a new, changed or dropped abbreviation is built again
(`glossary`, `pages_naming`). When a page was removed, every page whose Markdown names its file
is built again too, so that a link left pointing at it fails the strict build as it would in a
full one. The state lives in the cache folder and is trusted only for the very site it was
written for (the digest of its search index entry, which changes with the text of any page,
must match).
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from generator.base.digest import code_digest
from generator.base.files import write_atomic
from generator.site.search import ENTRY

log = logging.getLogger(__name__)

STATE_VERSION = 3
ABBREVIATION = re.compile(r"^\*\[([^\]]+)\]:(.*)$")
PLAIN_TERM = re.compile(r"[\w .\-/]+")  # written the same in a page's Markdown as in its text
SNIPPET_MARK = "--8<--"  # pymdownx.snippets' include
SEARCH_INDEX = ENTRY  # Pagefind's entry file: its digest identifies the site last built
PACKAGES = ("mkdocs", "mkdocs-material", "pymdown-extensions", "markdown", "pagefind", "lagebild")


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def file_digests(root: Path) -> dict[str, str]:
    """``{path relative to root: sha256}`` of every file below `root` (hidden ones skipped)."""
    out: dict[str, str] = {}
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.startswith("."):
                continue
            path = Path(folder) / name
            out[path.relative_to(root).as_posix()] = digest(path.read_bytes())
    return out


def _versions() -> dict[str, str]:
    found = {}
    for name in PACKAGES:
        try:
            found[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            found[name] = "-"
    return found


def _untitled_nav_pages(nav: Any) -> Iterator[str]:
    """Pages the navigation names without a title: their own title shows on every page."""
    if isinstance(nav, str):
        yield nav
    elif isinstance(nav, list):
        for item in nav:
            yield from _untitled_nav_pages(item)
    elif isinstance(nav, dict):
        for value in nav.values():
            if not isinstance(value, str):
                yield from _untitled_nav_pages(value)


def glossary(path: Path) -> dict[str, str] | None:
    """The abbreviations a snippet defines (``{"NATO": "…"}``), if it holds nothing else; else None."""
    try:
        lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    except (OSError, UnicodeDecodeError):
        return None
    found = [ABBREVIATION.match(line) for line in lines]
    if not lines or not all(found):
        return None
    return {m.group(1): m.group(2).strip() for m in found if m}


def snippets(config: MkDocsConfig, docs: dict[str, str]) -> tuple[dict[str, str], dict[str, str]]:
    """The files MkDocs does not publish but pages include: (digests of the other snippets,
    definitions of the abbreviation glossaries, ``"file\tNATO"`` keys)."""
    excluded = config.exclude_docs
    other: dict[str, str] = {}
    terms: dict[str, str] = {}
    for rel, data in docs.items():
        if excluded is None or not excluded.match_file(rel):
            continue
        defined = glossary(Path(config.docs_dir) / rel)
        if defined is None:
            other[rel] = data
        else:
            terms.update({f"{rel}\t{term}": text for term, text in defined.items()})
    return other, terms


def fingerprint(config: MkDocsConfig, config_file: Path, docs: dict[str, str], other: dict[str, str]) -> str:
    """The digest of everything that every page's HTML depends on besides its own source and the
    abbreviations it uses (`other`: the digests of the snippets that are not glossaries)."""
    parts: dict[str, Any] = {
        "state": STATE_VERSION,
        "versions": _versions(),
        "plugins": code_digest("site"),  # the plugins `lagebild build` adds shape every page
        "config": digest(config_file.read_bytes()),
        # files MkDocs does not publish but pages include (snippets appended to every page)
        "excluded": other,
    }
    if config.nav is None:  # automatic navigation: every page lists every other
        parts["pages"] = sorted(p for p in docs if p.endswith(".md"))
    else:
        parts["nav"] = {p: docs.get(p, "") for p in _untitled_nav_pages(config.nav)}
    custom_dir = config.theme.custom_dir
    if custom_dir:
        parts["theme"] = file_digests(Path(custom_dir))
    return digest(json.dumps(parts, sort_keys=True).encode())


@dataclass
class BuildState:
    """What the last build was made from: fingerprint, docs file digests, search index digest."""

    fingerprint: str = ""
    docs: dict[str, str] = field(default_factory=dict)
    search_index: str = ""
    terms: dict[str, str] = field(default_factory=dict)  # abbreviations defined (`snippets`)

    @classmethod
    def load(cls, path: Path | None) -> BuildState | None:
        if path is None or not path.is_file():
            return None
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            return cls(data["fingerprint"], dict(data["docs"]), data["search_index"], dict(data["terms"]))
        except (OSError, ValueError, KeyError, TypeError):
            log.info("%s: unreadable build state, building the whole site", path)
            return None

    def save(self, path: Path) -> None:
        payload = {
            "fingerprint": self.fingerprint,
            "docs": self.docs,
            "search_index": self.search_index,
            "terms": self.terms,
        }
        write_atomic(path, json.dumps(payload, sort_keys=True))


@dataclass
class Plan:
    """How to build: incrementally on top of the previous site, or in full (and why)."""

    incremental: bool
    reason: str
    changed: set[str] = field(default_factory=set)  # docs files to rebuild whatever their times say


def plan(previous: BuildState | None, current: BuildState, site_dir: Path, docs_dir: Path) -> Plan:
    if previous is None:
        return Plan(False, "no earlier build recorded")
    index = site_dir / SEARCH_INDEX
    if not index.is_file() or digest(index.read_bytes()) != previous.search_index:
        return Plan(False, "the site folder is not the one last built")
    if previous.fingerprint != current.fingerprint:
        return Plan(False, "configuration, theme, navigation or appended snippets changed")
    changed = {p for p, d in current.docs.items() if previous.docs.get(p) != d}
    removed = sorted(p for p in set(previous.docs) - set(current.docs) if p.endswith(".md"))
    # an abbreviation added, dropped or defined otherwise: its term
    terms = {key.partition("\t")[2] for key, _ in previous.terms.items() ^ current.terms.items()}
    if any(not PLAIN_TERM.fullmatch(term) for term in terms):  # might be written otherwise in a page
        return Plan(False, "an abbreviation with special characters changed")
    names = {_link_name(p) for p in removed} | terms
    if terms:
        names.add(SNIPPET_MARK)  # a page that includes a snippet may show the term through it
    named = pages_naming(docs_dir, current.docs, names) - changed
    reason = f"{len(changed)} of {len(current.docs)} docs files changed"
    if removed or terms:
        reason += f"; {len(removed)} pages removed and {len(terms)} abbreviations changed"
        reason += f", named by {len(named)} more pages"
    return Plan(True, reason, changed | named)


def pages_naming(docs_dir: Path, docs: dict[str, str], names: set[str]) -> set[str]:
    """The Markdown pages among `docs` whose text has one of `names`: the file name of a removed
    page (all pages that can link to it), an abbreviation that changed (all pages that use it).
    A few pages more may have the text otherwise, which only costs the time to build them."""
    if not names:
        return set()
    found = set()
    for rel in docs:
        if rel.endswith(".md"):
            text = (docs_dir / rel).read_text(encoding="utf-8", errors="replace")
            if any(name in text for name in names):
                found.add(rel)
    return found


def _link_name(path: str) -> str:
    """What any link to the page at `path` contains: its file name, with its folder for an index."""
    parts = path.split("/")
    return "/".join(parts[-2:]) if parts[-1] in ("index.md", "README.md") and len(parts) > 1 else parts[-1]


def prepare(config: MkDocsConfig, config_file: Path, state_file: Path | None) -> tuple[Plan, BuildState]:
    """How to build the site of `config` (full without a `state_file`), and the state to record."""
    docs_dir = Path(config.docs_dir)
    docs = file_digests(docs_dir)
    other, terms = snippets(config, docs)
    current = BuildState(fingerprint(config, config_file, docs, other), docs, terms=terms)
    if state_file is None:
        return Plan(False, "incremental builds off"), current
    return plan(BuildState.load(state_file), current, Path(config.site_dir), docs_dir), current


def record(state: BuildState, site_dir: Path, state_file: Path | None) -> None:
    """Save `state` as the state of the site just built in `site_dir`."""
    if state_file is not None:
        index = site_dir / SEARCH_INDEX
        state.search_index = digest(index.read_bytes()) if index.is_file() else ""
        state.save(state_file)


class IncrementalPlugin(BasePlugin):
    """Added to the configuration by `lagebild build` (never named in mkdocs.yml).

    Knows the changed files (`Plan.changed`), removes their old outputs so MkDocs rebuilds
    them, counts rendered pages for a progress bar and deletes the outputs of files that are
    gone.
    """

    def __init__(self, build_plan: Plan, progress: Callable[[int, int], None] | None = None) -> None:
        super().__init__()
        self.plan = build_plan
        self.progress = progress
        self.rendered: set[str] = set()
        self.outputs: set[str] = set()
        self.total = 0

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        if self.plan.incremental:
            for file in files:
                if file.src_uri in self.plan.changed and file.abs_dest_path:
                    Path(file.abs_dest_path).unlink(missing_ok=True)
        pages = [f for f in files.documentation_pages() if f.inclusion.is_included()]
        self.total = sum(1 for f in pages if not self.plan.incremental or f.is_modified())
        self.outputs = {os.path.normpath(f.abs_dest_path) for f in files if f.abs_dest_path}
        return files

    def on_page_context(self, context: Any, *, page: Page, config: MkDocsConfig, nav: Any) -> Any:
        self.rendered.add(page.url)
        if self.progress is not None:
            self.progress(len(self.rendered), self.total)
        return context

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self.plan.incremental:
            self._remove_stale(Path(config.site_dir), config)

    def _remove_stale(self, site: Path, config: MkDocsConfig) -> None:
        keep = set(self.outputs)
        keep |= {os.path.normpath(site / name) for name in config.theme.static_templates}
        keep.add(os.path.normpath(site / "sitemap.xml.gz"))
        for folder, _dirs, files in os.walk(site, topdown=False):
            for name in files:
                path = os.path.join(folder, name)
                if os.path.normpath(path) not in keep:
                    os.unlink(path)
            if folder != str(site) and not os.listdir(folder):
                os.rmdir(folder)
