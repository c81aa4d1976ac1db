"""Resolution stage: merge per-document entities across the corpus into the report model.

Knowledge-base entities share their key across documents. People found by form are
merged by name: a surname-only person ("Putin") joins the one full name in the corpus
that ends in it ("Wladimir Putin"), allowing transliteration variants. Statements with
the same normalised claim text land on one claim.
"""

from __future__ import annotations

import unicodedata
from collections import Counter, defaultdict

from .extract import Extracted
from .extract.base import LocalEntity
from .extract.persons import close_spelling
from .model import Actor, Claim, Figure, Region, Report, Statement
from .slugs import slugify, unique_slugs


def _global_key(ent: LocalEntity, people: dict[str, str]) -> str:
    if ent.type == "person" and ent.category == "actor":
        return people.get(ent.name, ent.id)
    return ent.id


def _person_map(extracted: list[Extracted]) -> dict[str, str]:
    """Person name → global key: short names join the one fuller name they match."""
    names = sorted(
        {e.name for x in extracted for e in x.state.entities.values() if e.type == "person"},
        key=lambda n: (-len(n.split()), n),
    )
    canonical: dict[str, str] = {}
    full: list[str] = []
    for name in names:
        last = name.split()[-1]
        matches = [
            f
            for f in full
            if close_spelling(f.split()[-1], last)
            and (len(name.split()) == 1 or f.split()[0] == name.split()[0])
        ]
        if len(matches) == 1:
            canonical[name] = canonical[matches[0]]
        else:
            canonical[name] = f"actor:person:{slugify(name)}"
            full.append(name)
    return canonical


def resolve(extracted: list[Extracted]) -> Report:
    people = _person_map(extracted)
    groups: dict[str, list[LocalEntity]] = defaultdict(list)
    local_to_global: dict[tuple[str, str], str] = {}
    for x in extracted:
        for ent in x.state.entities.values():
            if not ent.mentions:
                continue
            key = _global_key(ent, people)
            groups[key].append(ent)
            local_to_global[(x.document.id, ent.id)] = key
    names = {key: _best_name(ents) for key, ents in groups.items()}
    actor_slugs = unique_slugs([names[k] for k in groups if k.startswith("actor:")])
    region_slugs = unique_slugs([names[k] for k in groups if k.startswith("region:")])
    ids: dict[str, str] = {}
    actors, regions = [], []
    for key, ents in sorted(groups.items()):
        name = names[key]
        mentions = sorted((m for e in ents for m in e.mentions), key=lambda m: (m.doc, m.sentence, m.start))
        aliases = sorted({m.text for m in mentions} - {name})
        first = ents[0]
        if key.startswith("actor:"):
            ids[key] = actor_slugs[name]
            role = Counter(e.role for e in ents if e.role).most_common(1)
            actors.append(
                Actor(
                    id=ids[key],
                    name=name,
                    type=first.type,
                    role=role[0][0] if role else None,  # type: ignore[arg-type]
                    country=next((e.country for e in ents if e.country), None),
                    aliases=aliases,
                    mentions=mentions,
                )
            )
        else:
            ids[key] = region_slugs[name]
            regions.append(
                Region(
                    id=ids[key],
                    name=name,
                    type=first.type,  # type: ignore[arg-type]
                    country=next((e.country for e in ents if e.country), None),
                    lat=next((e.lat for e in ents if e.lat is not None), None),
                    lon=next((e.lon for e in ents if e.lon is not None), None),
                    aliases=aliases,
                    mentions=mentions,
                )
            )

    def gid(doc: str, local: str | None) -> str | None:
        if local is None:
            return None
        return ids.get(local_to_global.get((doc, local), ""))

    figures: list[Figure] = []
    claims: dict[str, Claim] = {}
    for x in extracted:
        doc = x.document
        date = doc.source.published
        for n, f in enumerate(sorted(x.state.figures, key=lambda f: (f.sentence, f.start)), start=1):
            view = x.state.sentences[f.sentence]
            regions_here = sorted(
                {gid(doc.id, r.entity) for r in view.refs if r.entity.startswith("region:")} - {None}
            )
            figures.append(
                Figure(
                    id=f"{slugify(doc.id)}-f{n}",
                    doc=doc.id,
                    sentence=f.sentence,
                    value=f.value,
                    surface=f.surface,
                    qualifier=f.qualifier,
                    counts=f.counts,
                    subject=f.subject,
                    attributed_to=gid(doc.id, f.attributed_to),
                    date=doc.sentences[f.sentence].date or date,
                    regions=regions_here,
                )
            )  # type: ignore[arg-type]
        for n, s in enumerate(x.state.statements, start=1):
            text_key = _claim_key(s.claim)
            claim = claims.setdefault(text_key, Claim(id="", text=s.claim))
            claim.statements.append(
                Statement(
                    id=f"{slugify(doc.id)}-c{n}",
                    doc=doc.id,
                    sentence=s.sentence,
                    claimant=gid(doc.id, s.claimant),
                    stance=s.stance,  # type: ignore[arg-type]
                    quote=s.quote,
                    date=doc.sentences[s.sentence].date or date,
                )
            )
            for ent in s.about:
                g = gid(doc.id, ent)
                if g and ent.startswith("actor:") and g not in claim.actors:
                    claim.actors.append(g)
                elif g and ent.startswith("region:") and g not in claim.regions:
                    claim.regions.append(g)
    claim_slugs = unique_slugs([c.text for c in claims.values()])
    for claim in claims.values():
        claim.id = claim_slugs[claim.text]
        claim.actors.sort()
        claim.regions.sort()
    return Report(
        documents=[x.document for x in extracted],
        actors=sorted(actors, key=lambda a: a.id),
        regions=sorted(regions, key=lambda r: r.id),
        figures=figures,
        claims=sorted(claims.values(), key=lambda c: c.id),
    )


def _claim_key(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def _best_name(ents: list[LocalEntity]) -> str:
    """The fullest name: most words, then most frequent, then alphabetical."""
    counts = Counter(e.name for e in ents)
    return sorted(counts, key=lambda n: (-len(n.split()), -counts[n], n))[0]
