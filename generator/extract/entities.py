"""Actors and places from knowledge-base spans and German phrase patterns.

- country names: an acting state, or a place after a locative word ("in Russland");
- capitals: the government ("Teheran teilte mit") or the city ("in Teheran");
- country adjectives + head noun: forces and officials are the state ("iranische
  Truppen"), institutional heads are organisations ("chilenische Geheimdienst");
- prefixed compounds: "US-Regierung" (the state), "US-Außenministerium" (an organisation);
- region words: "Region X", "Dorf X", "Provinz X"; acronyms as organisations.
"""

from __future__ import annotations

import re

from spacy.tokens import Span

from generator.base.slugs import slugify
from generator.extract.base import DocState, LocalEntity, SentenceView, sentence_spans
from generator.extract.organizations import OrganizationPatterns, adj_stem, plural_nominative
from generator.extract.places import CountryTrail, PlacePatterns
from generator.knowledge.base import Entry, KnowledgeBase

DATELINE = re.compile(
    # "Obertal (dpa) - …", "Ort/Obertal (AFP) -"
    r"^(?P<place>[^()]{2,40})\(\w[\w /.-]{0,30}\)\s*[-–—]"
    # "Obertal, 3. Mai 2021", "Obertal, 03.05.2021"
    r"|^(?P<place2>[A-ZÄÖÜ][\w .'-]{1,40}),\s*(?:den\s+)?\d{1,2}\.\s*(?:\w+\s+|\d{1,2}\.)\d{4}"
    # "Obertal taz | …"
    r"|^(?P<place3>[A-ZÄÖÜ][\w.'-]{1,40})\s+\w{2,12}\s*\|"
)
LARGE_CITY = 200_000


class EntityFinder(PlacePatterns, OrganizationPatterns):
    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        lex = kb.lexicon
        self.locative = set(lex.locative_before)
        self.state_heads = set(lex.state_heads)
        self.prefix_state_heads = set(lex.prefix_state_heads)
        self.region_words = {w: t for t, words in lex.region_words.items() for w in words}
        self.region_words_unnamed = set(lex.region_words_unnamed)
        self.gender = lex.head_gender
        self.gender_endings = lex.gender_endings
        self.org_heads = [h.lower() for h in kb.organization_heads] or sorted(
            self.gender, key=len, reverse=True
        )
        self.state_bodies = set(lex.state_body_heads)
        self.place_prefixes = set(lex.place_name_prefixes)
        self.name_prefixes = tuple(lex.name_prefixes)
        self.name_links = set(lex.organization_name_links)
        self.office_heads = set(lex.office_heads)
        self.descriptors = set(lex.organization_descriptors)
        self.descriptor_endings = tuple(sorted({d.lower() for d in self.descriptors if len(d) > 5}))
        self.collective_adjectives = set(lex.collective_adjectives)
        self.collective_heads = lex.collective_heads
        self.descriptor_kinds = lex.descriptor_kinds
        self.articles = set(lex.definite_articles)
        self.coordinators = set(lex.coordinators)
        self.territory_nouns = set(lex.territory_nouns)
        self.country_anaphors = set(lex.country_anaphors)
        self.compass = lex.compass_words
        self.place_prepositions = set(lex.place_prepositions)

    # -- entities ---------------------------------------------------------------------------
    def actor(self, state: DocState, entry: Entry) -> LocalEntity:
        return state.entity(
            entry.key,
            entry.name,
            "actor",
            entry.actor_type or "organization",
            role=entry.role,
            country=entry.country,
        )

    def place(
        self, state: DocState, key: str, name: str, type_: str, entry: Entry | None = None
    ) -> LocalEntity:
        extra = {"country": entry.country, "lat": entry.lat, "lon": entry.lon} if entry else {}
        return state.entity(key, name, "region", type_, **extra)

    # -- helpers ----------------------------------------------------------------------------
    def is_locative(self, view: SentenceView, start: int) -> bool:
        """True if a locative word (preposition or "Grenze", "Osten" …) precedes the name,
        or the name opens a dateline ("Obertal (dpa) - …")."""
        toks = view.span
        if self._in_dateline(view, start, place_only=True):
            return True  # a place named in the dateline
        if start >= 2 and toks[start - 1].lower_ in self.coordinators:
            before = [r for r in view.refs if r.end == start - 1]
            if before and before[0].entity.startswith("region:"):
                return True  # "in Peru und Chile"
        i, skipped = start - 1, 0
        while i >= 0 and skipped < 3:
            tok = toks[i]
            if tok.text in self.locative or tok.lower_ in self.locative:
                return True
            if not (tok.is_lower and tok.is_alpha):
                return False
            i, skipped = i - 1, skipped + 1
        return False

    @staticmethod
    def _in_dateline(view: SentenceView, start: int, place_only: bool = False) -> bool:
        """Whether token `start` stands in the dateline of the opening lines ("Ort (dpa) –"); with
        `place_only`, in its place part."""
        dateline = DATELINE.match(view.text) if view.paragraph <= 3 else None
        if not dateline:
            return False
        groups = ("place", "place2", "place3")
        end = next(dateline.end(g) for g in groups if dateline.group(g)) if place_only else dateline.end()
        return view.span[start].idx - view.span[0].idx < end

    def _city_context(self, view: SentenceView, start: int, entry: Entry) -> bool:
        """Large cities always count; small ones only after a locative word ("in X", "nahe X")."""
        return entry.population >= LARGE_CITY or self.is_locative(view, start)

    def nominative(self, name: str) -> str:
        """ "Moskaus" → "Moskau"; "Paris", "Tunis", "Damaskus" keep their s (see KnowledgeBase.nominative)."""
        return self.kb.nominative(name)

    def find(self, state: DocState) -> None:
        trail = CountryTrail(self.kb)
        for view in state.sentences:
            for start, end, span in sentence_spans(view):
                self._kb_span(state, view, start, end, span)
            self._region_words(state, view)
            self._compass_and_border(state, view, trail)
            self._descriptor_orgs(state, view)
            self._office_orgs(state, view)
            self._collectives(state, view)
            self._acronyms(state, view)
            self._trained_orgs(state, view)
            trail.close(state, view)
        self._merge_city_into_region(state)

    def _collectives(self, state: DocState, view: SentenceView) -> None:
        """Unnamed groups that speak: "westliche Beamte", "europäischen Diplomaten"."""
        toks = view.span
        for i in range(len(toks) - 1):
            adjective = toks[i].lower_
            stem = adj_stem(adjective)
            if stem not in self.collective_adjectives or state.covered(view, i, i + 2):
                continue
            noun = toks[i + 1].text
            type_ = next((t for t, nouns in self.collective_heads.items() if noun in nouns), None)
            if type_ is None:
                continue
            name = f"{stem.capitalize()}e {plural_nominative(noun)}"
            group = state.entity(f"group:{slugify(name)}", name, "actor", type_)
            state.mention(view, i, i + 2, group)

    def _kb_span(self, state: DocState, view: SentenceView, start: int, end: int, span: Span) -> None:
        entry = self.kb.entries.get(span.kb_id_)
        if entry is None:
            return
        form = span.label_
        if form == "adjective":
            self._adjective(state, view, start, entry)
        elif form == "prefix":
            self._prefix(state, view, start, entry)
        elif entry.category == "country":
            self._country(state, view, start, end, entry, form)
        elif entry.category in ("organization", "person"):
            if entry.category == "organization" and self._in_dateline(view, start):
                return  # "Ort (dpa) –": the agency's credit, not an actor of the story
            state.mention(view, start, end, self.actor(state, entry))
        elif entry.category in ("area", "region", "city"):
            if entry.category == "city" and not self._city_context(view, start, entry):
                return
            name = entry.name if entry.category != "city" else self.nominative(span.text)
            key = entry.key if entry.category != "city" else f"city:{slugify(name)}"
            state.mention(view, start, end, self.place(state, key, name, entry.category, entry))

    def _country(
        self, state: DocState, view: SentenceView, start: int, end: int, entry: Entry, form: str
    ) -> None:
        code = entry.country or ""
        if form == "demonym":
            state.mention(view, start, end, self.actor(state, entry))
            return
        locative = self.is_locative(view, start)
        if form == "capital":
            if locative:
                name = self.nominative(view.span[start:end].text)
                city = self.kb.lookup(name)
                ref = next((self.kb.entries[s.key] for s in city if s.key.startswith("city:")), None)
                place = self.place(state, f"city:{slugify(name)}", name, "city", ref)
                place.country = place.country or code
                state.mention(view, start, end, place)
            else:
                state.mention(view, start, end, self.actor(state, entry))
            return
        if locative:
            place = self.place(state, entry.key, entry.name, "country", entry)
            state.mention(view, start, end, place)
        else:
            state.mention(view, start, end, self.actor(state, entry))

    def _adjective(self, state: DocState, view: SentenceView, start: int, country: Entry) -> None:
        toks = view.span
        j = start + 1
        coordinated = False
        while (
            j < len(toks)
            and j - start < 4
            and (toks[j].is_lower or self.kb.country_of_adjective(toks[j].text))
        ):
            if self.kb.country_of_adjective(toks[j].text):
                if toks[j - 1].lower_ not in ("und", "oder", ","):
                    break
                coordinated = True  # "französische und italienische Beamte"
            j += 1  # "stellvertretende französische", "chilenischen militärischen" …
        if j >= len(toks) or not toks[j].text[:1].isupper():
            return
        noun = toks[j].text
        if noun in self.territory_nouns:
            place = self.place(state, country.key, country.name, "country", country)
            state.mention(view, start, j + 1, place)  # "auf russischem Boden"
            return
        if noun in self.state_heads:
            state.mention(view, start, start + 1 if coordinated else j + 1, self.actor(state, country))
            return
        head = self.org_head(noun)
        if head and noun not in self.kb.person_roles:
            named = self._named_after(state, view, j + 1)
            if named is None and self._name_goes_on(toks, j + 1):
                return  # "Österreichisches Institut für Internationale Politik": a longer name, not known
            org = named or self._country_org(state, country, noun, toks[start].text)
            state.mention(view, start, j + 1, org)
