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
from generator.extract.places import PlacePatterns
from generator.knowledge.base import Entry, KnowledgeBase

DATELINE = re.compile(
    r"^[^()]{2,40}\(\w[\w /.-]{0,30}\)\s*[-–—]"  # "Obertal (dpa) - …"
    r"|^[A-ZÄÖÜ][\w .'-]{1,40},\s*(?:den\s+)?\d{1,2}\.\s*\w+\s+\d{4}"  # "Obertal, 3. Mai 2021"
)
LARGE_CITY = 200_000


def head_lemma(token: str) -> str:
    """Strip a German genitive/plural ending from a head noun: "Geheimdienstes" → "Geheimdienst"."""
    if token.endswith("dienste") or token.endswith("räte"):
        return token[:-1].replace("räte", "rat")
    for ending in ("es", "s", "n", "en"):
        if token.endswith(ending) and len(token) - len(ending) >= 4:
            stem = token[: -len(ending)]
            if stem[-1] not in "aeiou" or ending in ("s", "n"):
                return stem
    return token


class EntityFinder(PlacePatterns):
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
        self.descriptors = set(lex.organization_descriptors)
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
        if start == 0 and DATELINE.match(view.text):
            return True
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

    def _city_context(self, view: SentenceView, start: int, entry: Entry) -> bool:
        """Large cities always count; small ones only after a locative word ("in X", "nahe X")."""
        return entry.population >= LARGE_CITY or self.is_locative(view, start)

    def nominative(self, name: str) -> str:
        """ "Moskaus" → "Moskau" when the form without -s is known too."""
        if name.endswith("s") and self.kb.lookup(name[:-1]):
            return name[:-1]
        return name

    def org_head(self, token: str) -> str | None:
        """The organisation head a noun ends in ("Verteidigungsministeriums" → "ministerium")."""
        for low in (head_lemma(token).lower(), token.lower()):
            for head in self.org_heads:
                if low.endswith(head):
                    return head
        return None

    def generic_org_name(self, adjective_stem: str, noun: str) -> str:
        lemma = head_lemma(noun)
        head = self.org_head(noun) or ""
        gender = next(
            (self.gender[k] for k in sorted(self.gender, key=len, reverse=True) if head.endswith(k)), "m"
        )
        ending = self.gender_endings.get(gender, "er")
        if noun.endswith("kräfte") or noun.endswith("kräften"):
            lemma, ending = noun.removesuffix("n") if noun.endswith("kräften") else noun, "e"
        return f"{adjective_stem.capitalize()}{ending} {lemma}"

    # -- main -------------------------------------------------------------------------------
    def find(self, state: DocState) -> None:
        for view in state.sentences:
            for start, end, span in sentence_spans(view):
                self._kb_span(state, view, start, end, span)
            self._region_words(state, view)
            self._compass_and_border(state, view)
            self._descriptor_orgs(state, view)
            self._collectives(state, view)
            self._acronyms(state, view)
            self._trained_orgs(state, view)
        self._merge_city_into_region(state)

    def _collectives(self, state: DocState, view: SentenceView) -> None:
        """Unnamed groups that speak: "westliche Beamte", "europäischen Diplomaten"."""
        toks = view.span
        for i in range(len(toks) - 1):
            adjective = toks[i].lower_
            stem = _adj_stem(adjective)
            if stem not in self.collective_adjectives or state.covered(view, i, i + 2):
                continue
            noun = toks[i + 1].text
            type_ = next((t for t, nouns in self.collective_heads.items() if noun in nouns), None)
            if type_ is None:
                continue
            name = f"{stem.capitalize()}e {_plural_nominative(noun)}"
            group = state.entity(f"group:{slugify(name)}", name, "actor", type_)
            state.mention(view, i, i + 2, group)

    def _trained_orgs(self, state: DocState, view: SentenceView) -> None:
        """Organisations a trained pipeline found (``doc.spans["ner"]``) that nothing else covers."""
        for start, end, span in sentence_spans(view, "ner"):
            if span.label_ == "organization" and not state.covered(view, start, end):
                name = span.text
                org = state.entity(f"org:{slugify(name)}", name, "actor", "organization")
                state.mention(view, start, end, org)

    def _descriptor_orgs(self, state: DocState, view: SentenceView) -> None:
        """ "Denkfabrik Nordlicht", "Reederei Blau", "Rebellengruppe R7" → organisations."""
        toks = view.span
        for i in range(len(toks) - 1):
            word = toks[i].text
            tail = word.rsplit("-", 1)[-1]
            if not (
                word in self.descriptors
                or tail in self.descriptors
                or any(word.endswith(d.lower()) for d in self.descriptors if len(d) > 5)
            ):
                continue
            j = i + 1
            while (
                j < len(toks)
                and toks[j].text[:1].isupper()
                and not self.kb.words.is_common_noun(toks[j].text)
            ):
                j += 1
            if j == i + 1 or state.covered(view, i + 1, j):
                continue
            name = toks[i + 1 : j].text
            if self.kb.lookup(name):
                continue
            org = state.entity(f"org:{slugify(name)}", name, "actor", "organization")
            state.mention(view, i + 1, j, org)
            state.mention(view, i, j, org)

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
            org = named or self._country_org(state, country, noun, toks[start].text)
            state.mention(view, start, j + 1, org)

    def _named_after(self, state: DocState, view: SentenceView, k: int) -> LocalEntity | None:
        """ "die chilenische Agentur XYZ": the name after a description is the organisation."""
        toks = view.span
        if k >= len(toks):
            return None
        text = toks[k].text
        known = [self.kb.entries[s.key] for s in self.kb.lookup(text) if s.key in self.kb.entries]
        org = next((e for e in known if e.category == "organization"), None)
        if org:
            return self.actor(state, org)
        if 2 <= len(text) <= 6 and text.isupper() and text.isalpha():
            ent = state.entity(f"org:{slugify(text)}", text, "actor", "organization")
            state.mention(view, k, k + 1, ent)
            return ent
        return None

    def _country_org(self, state: DocState, country: Entry, noun: str, adjective: str) -> LocalEntity:
        code = country.country or ""
        lemma = head_lemma(noun)
        for candidate in (lemma.lower(), noun.lower(), (self.org_head(noun) or "")):
            key = self.kb.country_heads.get((code, candidate))
            if key:
                return self.actor(state, self.kb.entries[key])
        stem = next(
            (a for a, c in self.kb.adjectives.items() if c == code and a == _adj_stem(adjective.lower())),
            None,
        )
        name = self.generic_org_name(stem or _adj_stem(adjective.lower()), noun)
        return state.entity(f"org:{slugify(name)}", name, "actor", "organization", country=code)

    def _prefix(self, state: DocState, view: SentenceView, start: int, entry: Entry) -> None:
        token = view.span[start].text
        tail = token.split("-", 1)[1]
        if tail in self.kb.person_roles or _ends_with_any(tail, self.kb.person_roles):
            return  # a role ("NATO-Generalsekretär"): handled with the person it names
        if tail in self.prefix_state_heads:
            state.mention(view, start, start + 1, self.actor(state, entry))
            return
        known = [self.kb.entries[s.key] for s in self.kb.lookup(tail) if s.key in self.kb.entries]
        known_org = next((e for e in known if e.category == "organization"), None)
        if known_org:
            state.mention(view, start, start + 1, self.actor(state, known_org))
            return
        if self.org_head(tail) and entry.category == "country":
            code = entry.country or ""
            key = self.kb.country_heads.get((code, head_lemma(tail).lower()))
            if key:
                org = self.actor(state, self.kb.entries[key])
            else:
                name = f"{token.split('-', 1)[0]}-{head_lemma(tail)}"
                org = state.entity(f"org:{slugify(name)}", name, "actor", "organization", country=code)
            state.mention(view, start, start + 1, org)
        elif entry.category == "organization":
            state.mention(view, start, start + 1, self.actor(state, entry))

    def _acronyms(self, state: DocState, view: SentenceView) -> None:
        for i, tok in enumerate(view.span):
            text = tok.text
            if (
                2 <= len(text) <= 6
                and text.isupper()
                and text.isalpha()
                and not state.covered(view, i, i + 1)
            ):
                if set(text) <= set("IVXLCDM") or self.kb.words.is_german_word(text.capitalize()):
                    continue
                org = state.entity(f"org:{slugify(text)}", text, "actor", "organization")
                state.mention(view, i, i + 1, org)

    def bare_heads(self, state: DocState) -> None:
        """ "des Geheimdienstes" → the last organisation with that head; "das Außenministerium"
        in a sentence naming a country → that country's ministry."""
        seen: list[LocalEntity] = []
        for view in state.sentences:
            toks = view.span
            for i, tok in enumerate(toks):
                if i == 0 or toks[i - 1].lower_ not in self.articles:
                    continue
                if state.covered(view, i, i + 1) or not tok.text[:1].isupper():
                    continue
                lemma = head_lemma(tok.text)
                earlier = next((e for e in reversed(seen) if self._refers_to(lemma, e)), None)
                if earlier is not None and (self.org_head(tok.text) or lemma in self.descriptor_kinds):
                    state.mention(view, i, i + 1, earlier)
                    continue
                if lemma in self.state_bodies:
                    country = self._sentence_country(state, view)
                    if country and lemma in self.state_heads:  # "die Regierung in Lima": the state
                        entry = self.kb.country_entry(country)
                        if entry:
                            state.mention(view, i, i + 1, self.actor(state, entry))
                        continue
                    if country:
                        entry = self.kb.country_entry(country)
                        adjective = next(
                            (a for a, c in self.kb.adjectives.items() if c == country and a.endswith("isch")),
                            None,
                        )
                        if entry and adjective:
                            org = self._country_org(state, entry, tok.text, adjective)
                            state.mention(view, i, i + 1, org)
            seen.extend(
                state.entities[r.entity]
                for r in view.refs
                if r.entity.startswith("actor:") and state.entities[r.entity].type == "organization"
            )

    def _refers_to(self, noun: str, org: LocalEntity) -> bool:
        """Whether a bare noun ("des Geheimdienstes", "die Miliz", "des Bündnisses") can mean `org`."""
        low = noun.lower()
        if org.name.split()[-1].lower().endswith(low) or any(
            m.text.lower().endswith(low) for m in org.mentions
        ):
            return True
        if any(low in m.text.lower().split()[0] for m in org.mentions if " " in m.text):
            return True  # "Hilfsorganisation Helfende Hände" → "die Organisation"
        entry = self.kb.entries.get(org.key)
        return bool(entry and entry.kind and entry.kind in self.descriptor_kinds.get(noun, ()))

    def _sentence_country(self, state: DocState, view: SentenceView) -> str | None:
        for ref in view.refs:
            ent = state.entities.get(ref.entity)
            if ent and ent.country and (ent.type in ("state", "country") or ent.key.startswith("city:")):
                return ent.country
        return None


def _plural_nominative(noun: str) -> str:
    """ "Beamten" → "Beamte", "Kreisen" → "Kreise"; "Diplomaten", "Regierungen" stay."""
    if noun.endswith(("Beamten", "Kreisen", "Offiziellen", "Verbündeten")):
        return noun[:-1]
    return noun


def _adj_stem(word: str) -> str:
    for ending in ("en", "er", "es", "em", "e"):
        if word.endswith(ending) and word[: -len(ending)].endswith(
            ("isch", "lich", "ig", "al", "ert", "ang")
        ):
            return word[: -len(ending)]
    return word


def _ends_with_any(word: str, tails: set[str]) -> bool:
    low = word.lower()
    return any(low.endswith(t.lower()) and len(t) >= 4 for t in tails)
