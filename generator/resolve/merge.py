"""Resolution stage: merge per-document entities across the corpus into the report model.

Knowledge-base entities share their key across documents; people, places and organisations
found by form are one entity when their names are one name in two spellings ("Baschar
al-Assad"/"Bashar Assad", "Raqqa"/"Rakka"), and a renamed entry shows the name of its
articles' time: both in :mod:`generator.resolve.identities`. Statements with the same normalised
claim text land on one claim, and wordings that state the same thing are grouped into one
claim (:mod:`generator.resolve.claims`). Page slugs come from the permalink registry, so a
published page keeps its address; a claim merged into a group redirects to the group's page.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict

from generator.base.slugs import slugify
from generator.extract import Extracted
from generator.extract.base import LocalEntity, LocalStatement
from generator.knowledge.base import KnowledgeBase
from generator.knowledge.schema import shipped_words
from generator.model import Actor, Claim, Figure, Region, Report, Statement
from generator.resolve.addresses import pin_pages, pin_sources
from generator.resolve.claims import Wording, join_claims
from generator.resolve.facts import derive_facts
from generator.resolve.identities import global_key, own_key, page_name, person_keys, same_name_keys
from generator.resolve.permalinks import Candidate, Permalinks


def resolve(
    extracted: list[Extracted],
    permalinks: Permalinks | None = None,
    knowledge: KnowledgeBase | None = None,
    min_confidence: float = 0.0,
) -> Report:
    """Merge the documents' entities, figures and statements into one report.

    Statements whose attribution is less sure than `min_confidence` are held back: they stay in
    the report (``held_back``, exported with the data) but join no claim, so no page shows them.

    With the `knowledge` base, renamed entries show the name of their articles' time and two
    different entries are never merged by name (see :mod:`generator.resolve.identities`).
    """
    permalinks = permalinks or Permalinks()
    people = person_keys(extracted)
    others = same_name_keys(extracted, knowledge)
    groups: dict[str, list[LocalEntity]] = defaultdict(list)
    local_to_global: dict[tuple[str, str], str] = {}
    for x in extracted:
        for ent in x.state.entities.values():
            if ent.mentions:
                key = global_key(ent, people, others)
                groups[key].append(ent)
                local_to_global[(x.document.id, ent.id)] = key
    dates = {x.document.id: x.document.source.published for x in extracted}
    actors, regions, ids = _entities(groups, permalinks, dates, knowledge)

    def gid(doc: str, local: str | None) -> str | None:
        return ids.get(local_to_global.get((doc, local), "")) if local else None

    figures: list[Figure] = []
    claims: dict[str, Claim] = {}
    wordings: dict[str, set[str]] = defaultdict(set)
    contents: dict[str, Wording] = {}
    held: dict[str, Claim] = {}
    for x in extracted:
        figures.extend(_figures(x, gid))
        _statements(x, gid, claims, wordings, contents, held, min_confidence)
    tracked = {c.text for c in knowledge.claims} if knowledge else set()
    members = join_claims(claims, contents, tracked, knowledge.lexicon if knowledge else shipped_words())
    # sources keep the slug of their file name; registered, a removed or renamed one redirects
    pin_sources([x.document for x in extracted], permalinks)
    keys = {key: [k for m in members[key] for k in _claim_keys(m, wordings[m])] for key in claims}
    slugs = permalinks.assign(
        "behauptungen", [Candidate(f"claim:{key}", keys[key], c.text) for key, c in claims.items()]
    )
    for key, claim in claims.items():
        claim.id = slugs[f"claim:{key}"]
        claim.text = published_wording(claim.id, [contents[m].text for m in members[key]]) or claim.text
        claim.keys = keys[key]
        claim.actors.sort()
        claim.regions.sort()
    report = Report(
        documents=[x.document for x in extracted],
        actors=sorted(actors, key=lambda a: a.id),
        regions=sorted(regions, key=lambda r: r.id),
        figures=figures,
        claims=sorted(claims.values(), key=lambda c: c.id),
        held_back=sorted(held.values(), key=lambda c: c.text),
        redirects=dict(sorted(permalinks.redirects.items())),
    )
    return pin_pages(derive_facts(report), permalinks)  # series and Chronik months join the registry


def published_wording(slug: str, texts: list[str]) -> str | None:
    """The wording its address was made from, if the claim still has it (else None).

    A claim's page keeps the title it was published with: the address is made from the leading
    wording when the page first appears, and a later leading wording (another one stated more
    often as articles are added) would change the title on its page and in every row linking it.
    At 1,000 articles, ten new ones changed 750 pages only in such titles. Long wordings that
    differ only after the address's cut all fit it: the first of them in alphabetical order."""
    fits = [t for t in texts if slug == (base := slugify(t)) or re.fullmatch(rf"{re.escape(base)}-\d+", slug)]
    return min(fits, default=None)


def _entities(
    groups: dict[str, list[LocalEntity]],
    permalinks: Permalinks,
    dates: dict[str, str | None],
    knowledge: KnowledgeBase | None,
) -> tuple[list[Actor], list[Region], dict[str, str]]:
    named = {key: page_name(ents, dates, knowledge) for key, ents in groups.items()}
    names = {key: name for key, (name, _) in named.items()}
    keys = {key: sorted({key} | {own_key(e) for e in ents}) for key, ents in groups.items()}
    ids: dict[str, str] = {}
    for section, prefix in (("akteure", "actor:"), ("regionen", "region:")):
        cands = [Candidate(k, keys[k], names[k]) for k in groups if k.startswith(prefix)]
        ids.update(permalinks.assign(section, cands))
    actors, regions = [], []
    for key, ents in sorted(groups.items()):
        name = names[key]
        mentions = sorted((m for e in ents for m in e.mentions), key=lambda m: (m.doc, m.sentence, m.start))
        common = {
            "id": ids[key],
            "name": name,
            "type": ents[0].type,
            "country": next((e.country for e in ents if e.country), None),
            "aliases": sorted(({m.text for m in mentions} | set(named[key][1])) - {name}),
            "mentions": mentions,
            "keys": keys[key],
        }
        if key.startswith("actor:"):
            role = Counter(e.role for e in ents if e.role).most_common(1)
            actors.append(Actor(role=role[0][0] if role else None, **common))  # type: ignore[arg-type]
        else:
            lat = next((e.lat for e in ents if e.lat is not None), None)
            lon = next((e.lon for e in ents if e.lon is not None), None)
            regions.append(Region(lat=lat, lon=lon, **common))  # type: ignore[arg-type]
    return actors, regions, ids


def _figures(x: Extracted, gid) -> list[Figure]:
    doc = x.document
    out = []
    for n, f in enumerate(sorted(x.state.figures, key=lambda f: (f.sentence, f.start)), start=1):
        view = x.state.sentences[f.sentence]
        regions_here = sorted(
            {gid(doc.id, r.entity) for r in view.refs if r.entity.startswith("region:")} - {None}
        )
        out.append(
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
                date=doc.sentences[f.sentence].date or doc.source.published,
                regions=regions_here,
                kind=f.kind,
                range_end=f.range_end,
            )
        )
    return out


def _statements(
    x: Extracted,
    gid,
    claims: dict[str, Claim],
    wordings: dict[str, set[str]],
    contents: dict[str, Wording],
    held: dict[str, Claim],
    min_confidence: float,
) -> None:
    doc = x.document
    for n, s in enumerate(x.state.statements, start=1):
        if s.confidence < min_confidence:
            _hold_back(x, n, s, gid, held)
            continue
        key = _claim_key(s.claim)
        claim = claims.setdefault(key, Claim(id="", text=s.claim))
        wordings[key].add(s.claim)
        sig = s.signature
        content = contents.setdefault(
            key,
            Wording(key, s.claim, 0, sig.predicates, set(sig.words), _participants(x, s, gid),
                    sig.numbers, sig.clause, order=(doc.id, s.sentence)),
        )  # fmt: skip
        content.statements += 1
        claim.statements.append(_statement(x, n, s, gid))
        for ent in s.about:
            g = gid(doc.id, ent)
            if g and ent.startswith("actor:") and g not in claim.actors:
                claim.actors.append(g)
            elif g and ent.startswith("region:") and g not in claim.regions:
                claim.regions.append(g)


def _statement(x: Extracted, n: int, s: LocalStatement, gid) -> Statement:
    doc = x.document
    return Statement(
        id=f"{slugify(doc.id)}-c{n}",
        doc=doc.id,
        sentence=s.sentence,
        claimant=gid(doc.id, s.claimant),
        stance=s.stance,  # type: ignore[arg-type]
        quote=s.quote,
        date=doc.sentences[s.sentence].date or doc.source.published,
        confidence=s.confidence,
    )


def _hold_back(x: Extracted, n: int, s: LocalStatement, gid, held: dict[str, Claim]) -> None:
    """A statement too unsure to publish, kept by its wording (no claim id, no page)."""
    claim = held.setdefault(s.claim, Claim(id="", text=s.claim))
    claim.statements.append(_statement(x, n, s, gid))


def _participants(x: Extracted, s: LocalStatement, gid) -> set[str]:
    """The claim's core participants across documents: countries by code (named or by adjective),
    other actors and places by their page."""
    found = {f"country:{code}" for code in s.signature.countries}
    for ent in s.signature.about:
        local = x.state.entities.get(ent)
        if local is not None and local.key.startswith("country:"):
            found.add(local.key)
        elif g := gid(x.document.id, ent):
            found.add(f"{ent.partition(':')[0]}:{g}")
    return found


NUMBER = re.compile(r"\d+(?:[.,\s]\d{3})*(?:,\d+)?")


def _claim_key(text: str) -> str:
    """Claims that differ only in case, spacing or their numbers are one claim: "36 Flugzeuge
    überquerten die Linie" and "37 Flugzeuge …" are the same assertion with different figures,
    and its page shows both statements side by side."""
    text = NUMBER.sub("#", unicodedata.normalize("NFKC", text))
    return " ".join(text.casefold().split())


def _claim_keys(key: str, wordings: set[str]) -> list[str]:
    """The claim's key and, where it has numbers, the keys its wordings had before claims
    were merged across numbers: pages published under those keep their addresses."""
    old = {" ".join(unicodedata.normalize("NFKC", w).casefold().split()) for w in wordings}
    return [f"claim:{key}"] + [f"claim:{w}" for w in sorted(old - {key})]
