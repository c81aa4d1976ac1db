"""The permalink registry: once published, a page keeps its address.

``permalinks.yml`` (committed with the project) maps each entity's identity key to the
slug its page was first published under, per section. Adding or removing articles, or
better extraction, never changes an existing entity's URL; entities that were merged keep
every old URL as a redirect, and retired entities redirect to their section's index.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from generator.base.files import write_atomic
from generator.base.slugs import slugify
from generator.errors import ConfigError

SECTIONS = ("akteure", "regionen", "behauptungen", "quellen")
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
class Permalinks:
    sections: dict[str, dict[str, str]] = field(default_factory=dict)
    redirects: dict[str, str] = field(default_factory=dict)  # "akteure/putin" → "akteure/wladimir-putin"
    changed: bool = False

    @classmethod
    def load(cls, path: Path | None) -> Permalinks:
        if path is None or not path.exists():
            return cls()
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        except (yaml.YAMLError, UnicodeDecodeError) as exc:
            raise ConfigError(f"{path}: not a valid permalink registry: {exc}") from exc
        if not isinstance(data, dict) or not all(isinstance(v, dict) for v in data.values()):
            raise ConfigError(f"{path}: expected a mapping of sections to {{key: slug}} mappings")
        return cls(sections={str(s): {str(k): str(v) for k, v in m.items()} for s, m in data.items()})

    def save(self, path: Path) -> None:
        """Write the registry atomically (sorted, so diffs stay small)."""
        body = yaml.safe_dump(
            {s: dict(sorted(m.items())) for s, m in sorted(self.sections.items())},
            allow_unicode=True,
            sort_keys=False,
            width=120,
        )
        write_atomic(path, HEADER + body)

    def assign(self, section: str, candidates: list[Candidate]) -> dict[str, str]:
        """Slugs for `candidates` (key → slug): registered ones kept, new ones unique."""
        registry = self.sections.setdefault(section, {})
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
            while slug in taken:
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
        return result
