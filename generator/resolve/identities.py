"""Which entities of different articles are one entity, and which name its page shows.

Names are compared with the one rule of :mod:`generator.knowledge.names` (a spelling key plus
a bounded edit distance), so "Baschar al-Assad" and "Bashar Assad", "Raqqa" and "Rakka" get
one page. Whether two matching names are one entity is decided here:

- people found by form (:func:`person_keys`): a full name joins a full name of the same spelling,
  or one with the same given name and surname ("Recep Erdogan" ~ "Recep Tayyip Erdoğan"); a
  surname alone joins the one full name that ends in it, and stays apart when two do ("Berg"
  with "Anna Berg" and "Jonas Berg");
- places and organisations (:func:`same_name_keys`): of one kind (a place never joins an
  organisation, nor a person), with no two different countries ("Républicains" in France,
  "Republicans" in the USA) and never two different knowledge-base entries;
- states and countries are knowledge-base entries: their key is their identity.

A page shows the name in use at the newest article that mentions the entity
(:func:`page_name`): a knowledge-base entry that was renamed (``former_names``) is "Front
National (FN)" on a report of 2015 articles and "Rassemblement National (RN)" once one
article is from after June 2018; the other names of the period are listed as aliases.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable

from generator.base.slugs import slugify
from generator.extract import Extracted
from generator.extract.base import LocalEntity
from generator.knowledge.base import KnowledgeBase
from generator.knowledge.names import name_words, same_name

PLACE_RANK = {"region": 0, "area": 1, "city": 2}


def person_key(name: str) -> str:
    """The key a person found by form has on its own."""
    return f"actor:person:{slugify(name)}"


def _is_person(ent: LocalEntity) -> bool:
    return ent.type == "person" and ent.category == "actor"


def _same_person(name: str, full: str) -> bool:
    """`name` names the person `full`: the same name, the same given name and surname, or the
    surname alone ("Assad", "Le Pens": the last words of "Marine Le Pen")."""
    words, full_words = name.split(), full.split()
    if len(words) <= len(full_words) and same_name(name, " ".join(full_words[-len(words) :])):
        return True
    return len(words) > 1 and (
        same_name(name, full, person=True)
        or same_name(f"{words[0]} {words[-1]}", f"{full_words[0]} {full_words[-1]}", person=True)
    )


def person_keys(extracted: list[Extracted]) -> dict[str, str]:
    """Person name → global key, for the people of every article (`name_keys`)."""
    return name_keys({e.name for x in extracted for e in x.state.entities.values() if _is_person(e)})


def name_keys(people: Iterable[str]) -> dict[str, str]:
    """Person name → global key: the fullest names first, every other name joins the one it matches.

    A name is compared only with the full names whose last word starts as one of its own does
    (`_initials`): `_same_person` never matches two others, as `same_name` compares the last words
    and lets two words differ only after the same first letter."""
    names = sorted(set(people), key=lambda n: (-len(name_words(n)), -len(n.split()), n))
    canonical: dict[str, str] = {}
    full_by_initial: dict[str, list[str]] = defaultdict(list)
    for name in names:
        initials = _initials(name)
        candidates = {f for i in initials for f in full_by_initial[i]}
        matches = [f for f in candidates if _same_person(name, f)]
        if len(matches) == 1:
            canonical[name] = canonical[matches[0]]
        else:
            canonical[name] = person_key(name)
            for initial in initials:
                full_by_initial[initial].append(name)
    return canonical


def _initials(name: str) -> set[str]:
    """The first letters of the last spelling key of `name` and of its first and last word alone
    (the forms `_same_person` compares)."""
    words = name.split()
    forms = [name_words(name), name_words(f"{words[0]} {words[-1]}")] if words else []
    return {form[-1][0] for form in forms if form and form[-1]}


def _kind(ent: LocalEntity) -> str | None:
    if ent.category == "region" and ent.type in PLACE_RANK:
        return "place"
    if ent.category == "actor" and ent.type == "organization":
        return "organization"
    return None


def _rank(ent: LocalEntity, known: bool) -> tuple[int, int, str]:
    """The group's key: a region before an area before a city, a known entry before a found one."""
    return (PLACE_RANK.get(ent.type, 0) * 2 + ent.key.startswith("named-"), not known, ent.id)


def same_name_keys(extracted: list[Extracted], knowledge: KnowledgeBase | None = None) -> dict[str, str]:
    """Place or organisation id → global key: entities of one kind whose names match become one."""
    known = set(knowledge.entries) if knowledge else set()
    ents: dict[str, LocalEntity] = {}
    for x in extracted:
        for e in x.state.entities.values():
            if _kind(e):
                ents.setdefault(e.id, e)
    groups = {i: _Group([e], known) for i, e in ents.items()}
    for a, b in _matching_pairs(list(ents.values())):
        ga, gb = groups[a], groups[b]
        if ga is not gb and ga.joins(gb):
            ga.absorb(gb)
            groups.update(dict.fromkeys((e.id for e in gb.ents), ga))
    result = {}
    for group in {id(g): g for g in groups.values()}.values():
        head = min(group.ents, key=lambda e: _rank(e, e.key in known)).id
        result.update(dict.fromkeys((e.id for e in group.ents), head))
    return result


class _Group:
    """Entities found to be one, with what may not be mixed: countries, knowledge-base entries."""

    def __init__(self, ents: list[LocalEntity], known: set[str]) -> None:
        self.ents = ents
        self.countries = {e.country for e in ents} - {None}
        self.entries = {e.key for e in ents if e.key in known}

    def joins(self, other: _Group) -> bool:
        """No two countries ("Républicains"/"Republicans"), no two knowledge-base entries."""
        return len(self.countries | other.countries) <= 1 and len(self.entries | other.entries) <= 1

    def absorb(self, other: _Group) -> None:
        self.ents += other.ents
        self.countries |= other.countries
        self.entries |= other.entries


def _matching_pairs(ents: list[LocalEntity]) -> Iterable[tuple[str, str]]:
    """Pairs of ids of one kind whose names match (compared within blocks of one first letter)."""
    blocks: dict[tuple[str, str, int], list[LocalEntity]] = defaultdict(list)
    for e in sorted(ents, key=lambda e: e.id):
        words = name_words(e.name)
        if words:
            blocks[(_kind(e) or "", words[0][0], len(words))].append(e)
    for block in blocks.values():
        for i, a in enumerate(block):
            for b in block[i + 1 :]:
                if a.name == b.name or same_name(a.name, b.name):
                    yield a.id, b.id


def global_key(ent: LocalEntity, people: dict[str, str], others: dict[str, str]) -> str:
    if _is_person(ent):
        return people.get(ent.name, ent.id)
    return others.get(ent.id, ent.id)


def own_key(ent: LocalEntity) -> str:
    """The key an entity would have on its own: how an earlier build may have registered it."""
    return person_key(ent.name) if _is_person(ent) else ent.id


def page_name(
    ents: list[LocalEntity], dates: dict[str, str | None], knowledge: KnowledgeBase | None = None
) -> tuple[str, list[str]]:
    """The name a page shows and the entity's other names in the period of its articles.

    A renamed knowledge-base entry shows the name in use at its newest dated article; any other
    entity the fullest name it was written with (most words, then most frequent, no genitive).
    """
    days = sorted({d for e in ents for m in e.mentions if (d := dates.get(m.doc))})
    first, last = (days[0], days[-1]) if days else (None, None)
    entries = [knowledge.entries[e.key] for e in ents if knowledge and e.key in knowledge.entries]
    renamed = next((entry for entry in entries if entry.former_names), None)
    if renamed is not None:
        name = renamed.name_on(last)
        return name, [n for n in renamed.names_between(first, last) if n != name]
    return best_name(ents), []


def best_name(ents: list[LocalEntity]) -> str:
    """The fullest name: most words, then most frequent, then alphabetical; "Le Pens" loses to "Le Pen"."""
    counts = Counter(e.name for e in ents)
    plain = [n for n in counts if not (n.endswith("s") and n[:-1] in counts)] or list(counts)
    return sorted(plain, key=lambda n: (-len(n.split()), -counts[n], n))[0]
