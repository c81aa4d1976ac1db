"""The Schlagwörter page: every tag with the actor and region pages that carry it."""

from __future__ import annotations

from dataclasses import dataclass

from generator.base.formatting import ACTOR_TYPE_DE, REGION_TYPE_DE
from generator.render.escape import Safe
from generator.render.links import Linker
from generator.render.pages.kit import Kit, PageSpec
from generator.render.pages.rows import Tag


@dataclass(frozen=True)
class TagGroup:
    tag: Tag
    members: list[Safe]  # links to the pages carrying the tag, by name


@dataclass(frozen=True)
class TagsPage:
    tags: list[TagGroup]  # the kinds (Person, Stadt …) first, then the countries


def tags_page(kit: Kit, tagged: list[PageSpec]) -> PageSpec:
    """The tags of the actor and region pages in `tagged` (their data has `name` and `tags`)."""
    members: dict[str, list[tuple[str, str]]] = {}
    found: dict[str, Tag] = {}
    for spec in tagged:
        for t in spec.data.tags:
            found.setdefault(t.name, t)
            members.setdefault(t.name, []).append((spec.data.name, spec.path))
    kinds = {k: n for n, k in enumerate([*ACTOR_TYPE_DE.values(), *REGION_TYPE_DE.values()])}
    order = sorted(members, key=lambda t: (kinds.get(t, len(kinds)), t.casefold()))
    groups = [TagGroup(found[t], [Linker.to(path, name) for name, path in sorted(members[t])]) for t in order]
    return kit.page("schlagwoerter/index.md", "tags.md.j2", "Schlagwörter", kit.all_docs, TagsPage(groups))
