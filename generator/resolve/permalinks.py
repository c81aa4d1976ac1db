"""The permalink registry: once published, a page keeps its address.

``permalinks.yml`` (committed with the project) maps each entity's identity key to the
slug its page was first published under, per section. Adding or removing articles, or
better extraction, never changes an existing entity's URL; entities that were merged keep
every old URL as a redirect, and retired entities redirect to their section's index.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from generator.base.files import write_atomic
from generator.base.slugs import slugify
from generator.base.yamldata import YamlDocument, YamlProblem, parse_yaml
from generator.errors import ConfigError
from generator.resolve.index import is_reserved

log = logging.getLogger(__name__)

SECTIONS = ("akteure", "regionen", "behauptungen", "quellen")
# Sections whose keys are identities (an entity, an article): two keys on one slug there are two
# pages claiming one address (a merge of two registries, a hand edit), never one page split up.
IDENTITY_SECTIONS = ("akteure", "regionen", "quellen")
SAFE_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
MAX_SLUG = 200
NOT_SAFE = "is not one safe path segment (lowercase letters, digits and inner hyphens: 'wladimir-putin')"
HEADER = (
    "# Permanent page addresses: entity key → slug, per section. Written by `lagebild build`;\n"
    "# commit it, so that published URLs never change. Do not edit slugs that were published.\n"
)


@dataclass
class Candidate:
    """An entity asking for a slug: its main key, every key it covers, and its name."""

    key: str
    keys: list[str]
    name: str


@dataclass
class SourcePage:
    """A source page: its key ("source:ID"), its slug (from the file name) and its identities
    ("text:…", a digest of its text; "url:…", of its web address), which a renamed file keeps."""

    key: str
    slug: str
    identities: list[str] = field(default_factory=list)


MOVED = "moved:"
"""Registry key prefix in ``quellen``: ``moved:OLD-SLUG: NEW-SLUG``, a renamed file's old page."""


@dataclass
class Permalinks:
    sections: dict[str, dict[str, str]] = field(default_factory=dict)
    redirects: dict[str, str] = field(default_factory=dict)  # "akteure/putin" → "akteure/wladimir-putin"
    changed: bool = False
    path: Path | None = None  # the file it was read from, for messages

    @classmethod
    def load(cls, path: Path | None) -> Permalinks:
        """The registry in `path` (empty if there is none), every slug checked to be safe.

        A file that cannot be read, is not YAML, or has a slug that is not one safe path segment
        is a ConfigError listing every problem with its line and key.
        """
        if path is None or not (path.exists() or path.is_symlink()):
            return cls(path=path)
        try:
            document = parse_yaml(path.read_text(encoding="utf-8"))
        except YamlProblem as exc:
            where = f"{path}:{exc.line}" if exc.line else str(path)
            raise ConfigError(f"{where}: not a valid permalink registry: {exc.problem}") from exc
        except UnicodeDecodeError as exc:
            raise ConfigError(f"{path}: not a valid permalink registry: not UTF-8") from exc
        except OSError as exc:
            raise ConfigError(f"{path}: cannot be read: {exc.strerror or exc}") from exc
        sections, problems = _checked_registry(document)
        if problems:
            raise ConfigError("\n".join(f"{path}:{line}: {problem}" for line, problem in problems))
        return cls(sections=sections, path=path)

    def save(self, path: Path, text: str | None = None) -> None:
        """Write the registry atomically: `text`, made by `text()` beforehand, or `text()` now."""
        write_atomic(path, self.text() if text is None else text)

    def text(self) -> str:
        """The registry as ``permalinks.yml`` holds it (sorted, so diffs stay small)."""
        body = yaml.safe_dump(
            {s: dict(sorted(m.items())) for s, m in sorted(self.sections.items())},
            allow_unicode=True,
            sort_keys=False,
            width=120,
        )
        return HEADER + body

    def assign(self, section: str, candidates: list[Candidate]) -> dict[str, str]:
        """Slugs for `candidates` (key → slug): registered ones kept, new ones unique."""
        registry = self.sections.setdefault(section, {})
        shared = self._shared_slugs(section, registry, candidates)
        taken = set(registry.values())
        result: dict[str, str] = {}
        fresh: list[Candidate] = []
        for cand in sorted(candidates, key=lambda c: c.key):
            used = set(result.values())
            known = sorted({registry[k] for k in cand.keys if k in registry} - used)
            if not known:
                fresh.append(cand)
                continue
            slug = registry.get(cand.key) or known[0]
            result[cand.key] = slug
            for k in cand.keys:
                if registry.get(k) != slug:
                    self.changed = self.changed or k not in registry
                    registry.setdefault(k, slug)
            for old in known:
                if old != slug:
                    self.redirects[f"{section}/{old}"] = f"{section}/{slug}"
        for cand in sorted(fresh, key=lambda c: (slugify(c.name), c.key)):
            slug = base = slugify(cand.name)
            n = 2
            while slug in taken or is_reserved(slug):  # "index", "seite-2" are the section's own pages
                slug, n = f"{base}-{n}", n + 1
            taken.add(slug)
            result[cand.key] = slug
            for k in cand.keys:
                registry[k] = slug
            self.changed = True
        live = set(result.values())
        for slug in sorted(taken - live):
            target = f"{section}/{slug}"
            if target not in self.redirects and slug not in live:
                self.redirects[target] = f"{section}/"  # retired: back to the section index
        for slug, keys in shared.items():
            moved = ", ".join(f"'{k}' now has '{result[k]}'" for k in keys if result[k] != slug)
            kept = [k for k in keys if result[k] == slug]
            keeper = f"'{kept[0]}' keeps it" if kept else "none keeps it"
            log.warning(
                "%s: %s: %s had the slug '%s' (one page split up); %s, %s",
                *(self._shown(), section, _both(keys), slug, keeper, moved),
            )
        unsafe = sorted(slug for slug in result.values() if not is_safe_slug(slug))
        if unsafe:  # slugify makes none; a guard for every other source of slugs
            raise ConfigError(f"{self._shown()}: {section}: unsafe slugs {unsafe}")
        return result

    def _shown(self) -> str:
        return str(self.path) if self.path else "permalinks.yml"

    def _shared_slugs(
        self, section: str, registry: dict[str, str], candidates: list[Candidate]
    ) -> dict[str, list[str]]:
        """Registered slugs that several candidates have as their own (their main key's) slug.

        In an identity section that is an error naming them: which page keeps the published
        address is for a person to decide. Elsewhere (a claim's wordings regroup when articles
        change) the first key keeps it and the others get new slugs; the caller warns.
        """
        owners: dict[str, list[str]] = {}
        for cand in sorted(candidates, key=lambda c: c.key):
            if cand.key in registry:
                owners.setdefault(registry[cand.key], []).append(cand.key)
        shared = {slug: keys for slug, keys in sorted(owners.items()) if len(keys) > 1}
        if shared and section in IDENTITY_SECTIONS:
            raise ConfigError(
                "\n".join(
                    f"{self._shown()}: {section}: {_both(keys)} have the same slug '{slug}', but two pages "
                    "cannot share one address; keep the line of the page it was published for and delete "
                    "the other (that page then gets a new address)"
                    for slug, keys in shared.items()
                )
            )
        return shared

    def sources(self, pages: list[SourcePage]) -> None:
        """Register the source pages (their slugs are their file names, see `SourcePage`).

        A slug registered before that no page has any more redirects to the page that took over
        its identity (the same text or web address under a new file name), remembered as
        ``moved:OLD: NEW``; else to the section index.
        """
        section = "quellen"
        registry = self.sections.setdefault(section, {})
        self._shared_slugs(section, registry, [Candidate(p.key, [p.key], p.slug) for p in pages])
        live = {p.slug for p in pages}
        owner = {ident: p.slug for p in sorted(pages, key=lambda p: p.key) for ident in p.identities}
        identities: dict[str, list[str]] = {}  # slug → the identities registered for it
        for key, slug in sorted(registry.items()):
            if key.startswith(("text:", "url:")):
                identities.setdefault(slug, []).append(key)
        retired = sorted(set(registry.values()) - live)
        for slug in retired:  # first the pages whose text or address another page has now
            heir = next((owner[k] for k in identities.get(slug, []) if k in owner), None)
            if heir and registry.get(MOVED + slug) != heir:
                registry[MOVED + slug] = heir
                self.changed = True
        for slug in retired:  # then every retired page, following moves made since
            target = self._successor(registry, slug, live)
            self.redirects[f"{section}/{slug}"] = f"{section}/{target}" if target else f"{section}/"
        for page in pages:
            for key in (page.key, *page.identities):
                if registry.get(key) != page.slug:
                    registry[key] = page.slug
                    self.changed = True

    @staticmethod
    def _successor(registry: dict[str, str], slug: str, live: set[str]) -> str | None:
        """The live page a retired source slug was remembered to have moved to (`MOVED`), if any."""
        seen = {slug}
        target = registry.get(MOVED + slug)
        while target and target not in live and target not in seen:  # moved on again since
            seen.add(target)
            target = registry.get(MOVED + target)
        return target if target in live else None


def _both(keys: list[str]) -> str:
    return " and ".join(f"'{k}'" for k in keys)


def is_safe_slug(slug: str) -> bool:
    """True if `slug` is one path segment that can be nothing else: ``a-z``, ``0-9`` and inner hyphens."""
    return isinstance(slug, str) and len(slug) <= MAX_SLUG and SAFE_SLUG.fullmatch(slug) is not None


def _checked_registry(document: YamlDocument) -> tuple[dict[str, dict[str, str]], list[tuple[Any, str]]]:
    """The sections of a registry file, and (line, problem) for every entry that is not safe."""
    data = {} if document.data is None else document.data
    if not isinstance(data, dict):
        return {}, [(1, "expected a mapping of sections to {key: slug} mappings")]
    sections: dict[str, dict[str, str]] = {}
    problems: list[tuple[Any, str]] = []
    for name, entries in data.items():
        section = str(name)
        line = document.line(section)
        if not is_safe_slug(section):
            problems.append((line, f"{section!r} is not a section name (lowercase letters, digits, hyphens)"))
        elif entries is None:
            sections[section] = {}
        elif not isinstance(entries, dict):
            problems.append((line, f"{section}: expected a mapping of keys to slugs"))
        else:
            sections[section] = {}
            for key, slug in entries.items():
                where = document.line(section, str(key)) or line
                if isinstance(slug, str) and is_safe_slug(slug):
                    sections[section][str(key)] = slug
                elif not isinstance(slug, str):
                    problems.append((where, f"{section}: {key}: expected a slug (text), not {slug!r}"))
                else:
                    problems.append((where, f"{section}: {key}: {slug!r} {NOT_SAFE}"))
    return sections, problems
