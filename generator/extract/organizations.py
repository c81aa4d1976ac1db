"""Organisation patterns: organisations named by description, prefix, acronym or institution head.

"die chilenische Agentur XYZ", "Denkfabrik Nordlicht", "US-Außenministerium", "das Ministerium"
(the one named before). A mixin of `EntityFinder`, which sets the knowledge it reads.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from spacy.tokens import Span

from generator.base.slugs import slugify
from generator.extract.base import DocState, LocalEntity, SentenceView, sentence_spans
from generator.knowledge.base import Entry
from generator.model import Mention


class OrganizationPatterns:
    """Finds organisations that the knowledge base does not list by name."""

    def org_head(self, token: str) -> str | None:
        """The organisation head a noun ends in ("Verteidigungsministeriums" → "ministerium")."""
        for low in (head_lemma(token).lower(), token.lower()):
            for head in self.org_heads:
                if low.endswith(head):
                    return head
        return None

    def generic_org_name(self, adjective_stem: str, noun: str) -> str:
        low = noun.lower()
        nominative = any(low.endswith(h) for h in self.org_heads)  # "Konzern", "Behörde": keep
        lemma = noun if nominative else head_lemma(noun)
        head = self.org_head(noun) or ""
        gender = next(
            (self.gender[k] for k in sorted(self.gender, key=len, reverse=True) if head.endswith(k)), "m"
        )
        ending = self.gender_endings.get(gender, "er")
        if noun.endswith("kräfte") or noun.endswith("kräften"):
            lemma, ending = noun.removesuffix("n") if noun.endswith("kräften") else noun, "e"
        return f"{adjective_stem.capitalize()}{ending} {lemma}"

    # -- main -------------------------------------------------------------------------------

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
                word in self.descriptors or tail in self.descriptors or word.endswith(self.descriptor_endings)
            ):
                continue
            j = i + 1
            while j < len(toks) and (
                (toks[j].text[:1].isupper() and not self.kb.words.is_common_noun(toks[j].text))
                or (j > i + 1 and toks[j].text.startswith(self.name_prefixes))  # "… Tahrir al-Scham"
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

    def _office_orgs(self, state: DocState, view: SentenceView) -> None:
        """ "das Büro des (armenischen) Ministerpräsidenten": the office of a role holder speaks."""
        toks = view.span
        for i in range(len(toks) - 2):
            if toks[i].text not in self.office_heads or toks[i + 1].lower_ not in ("des", "der"):
                continue
            j = i + 2
            while j < len(toks) - 1 and toks[j].is_lower and j - i <= 4:
                j += 1  # "des armenischen"
            role = toks[j].text
            if not _ends_with_any(role, self.kb.person_roles) or state.covered(view, i, j + 1):
                continue
            name = f"{toks[i].text.removesuffix('s')} {toks[i + 1 : j + 1].text}"
            words = [t.text for t in toks[i + 2 : j]]
            code = next((c for w in words if (c := self.kb.country_of_adjective(w))), None)
            org = state.entity(f"org:{slugify(name)}", name, "actor", "organization", country=code)
            state.mention(view, i, j + 1, org)

    def _name_goes_on(self, toks: Span, k: int) -> bool:
        """The words after a head noun continue a proper name: "… Liste", "… für Internationale Politik"."""
        if k < len(toks) and toks[k].lower_ in self.name_links and k + 1 < len(toks):
            k += 1
        return k < len(toks) and toks[k].text[:1].isupper() and toks[k].is_alpha

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
        stem = adj_stem(adjective.lower())  # a known adjective of that country, or the word itself
        name = self.generic_org_name(stem, noun)
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
                and not self._in_dateline(view, i)  # "Ort/Ort (APA) –": a credit, not an actor
            ):
                if set(text) <= set("IVXLCDM") or self.kb.words.is_german_word(text.capitalize()):
                    continue
                org = state.entity(f"org:{slugify(text)}", text, "actor", "organization")
                state.mention(view, i, i + 1, org)

    def bare_heads(self, state: DocState) -> None:
        """ "des Geheimdienstes" → the last organisation with that head; "das Außenministerium"
        in a sentence naming a country → that country's ministry."""
        seen = SeenOrganizations(self._refers_to)
        for view in state.sentences:
            toks = view.span
            for i, tok in enumerate(toks):
                if i == 0 or toks[i - 1].lower_ not in self.articles:
                    continue
                if state.covered(view, i, i + 1) or not tok.text[:1].isupper():
                    continue
                lemma = head_lemma(tok.text)
                head = self.org_head(tok.text) or lemma in self.descriptor_kinds
                earlier = seen.latest(lemma) if head else None
                if earlier is not None:
                    state.mention(view, i, i + 1, earlier)
                    seen.read(earlier)
                    continue
                if lemma in self.state_bodies:
                    country = self._sentence_country(state, view, i)
                    if country and lemma in self.state_heads:  # "die Regierung in Lima": the state
                        entry = self.kb.country_entry(country)
                        if entry:
                            actor = self.actor(state, entry)
                            state.mention(view, i, i + 1, actor)
                            seen.read(actor)
                        continue
                    if country:
                        entry = self.kb.country_entry(country)
                        adjective = self._country_adjective(country)
                        if entry and adjective:
                            org = self._country_org(state, entry, tok.text, adjective)
                            state.mention(view, i, i + 1, org)
                            seen.read(org)
            seen.extend(
                state.entities[r.entity]
                for r in view.refs
                if r.entity.startswith("actor:") and state.entities[r.entity].type == "organization"
            )

    def _country_adjective(self, country: str) -> str | None:
        """The first adjective in "-isch" of the country `country` ("chilenisch"), if any."""
        if not hasattr(self, "_isch_adjectives"):
            table: dict[str, str] = {}
            for adjective, code in self.kb.adjectives.items():
                if adjective.endswith("isch"):
                    table.setdefault(code, adjective)
            self._isch_adjectives = table
        return self._isch_adjectives.get(country)

    def _refers_to(self, noun: str, org: LocalEntity, words: MentionWords) -> bool:
        """Whether a bare noun ("des Geheimdienstes", "die Miliz", "des Bündnisses") can mean `org`;
        `words` are the words of its mentions."""
        low = noun.lower()
        texts, first_words = words
        if org.name.split()[-1].lower().endswith(low) or any(text.endswith(low) for text in texts):
            return True
        if any(low in word for word in first_words):
            return True  # "Hilfsorganisation Helfende Hände" → "die Organisation"
        entry = self.kb.entries.get(org.key)
        return bool(entry and entry.kind and entry.kind in self.descriptor_kinds.get(noun, ()))

    def _sentence_country(self, state: DocState, view: SentenceView, near: int) -> str | None:
        """The country of the state, country or city named closest to token `near`
        ("die Regierung in Lima" → Peru, even after a dateline naming other cities)."""
        found = []
        for ref in view.refs:
            ent = state.entities.get(ref.entity)
            if ent and ent.country and (ent.type in ("state", "country") or ent.key.startswith("city:")):
                found.append((abs(ref.start - near), ref.start, ent.country))
        return min(found)[2] if found else None


MentionWords = tuple[set[str], set[str]]
"""The lowercase texts of an entity's mentions, and the first words of those with several words."""


class SeenOrganizations:
    """The organisations named so far, and for each bare noun the ones it can mean.

    Asking every organisation named so far, with every mention of each, for every bare noun grows
    with the square of the article. Here the answer per noun is kept and updated only when an
    organisation is named for the first time or its mentions gain a new wording; `latest` gives the
    one named most recently, as a scan from the latest mention backwards would. The mentions
    bare_heads itself adds are announced with `read`.
    """

    def __init__(self, refers: Callable[[str, LocalEntity, MentionWords], bool]) -> None:
        self.refers = refers
        self.clock = 0
        self.named: dict[str, int] = {}  # entity id → when it was last named
        self.orgs: dict[str, LocalEntity] = {}
        self.words: dict[str, tuple[list[Mention], int, set[str], set[str]]] = {}
        self.matches: dict[str, dict[str, LocalEntity]] = {}  # noun → the organisations it can mean

    def extend(self, entities: Iterable[LocalEntity]) -> None:
        """Organisations named in the sentence just read, in their order."""
        for org in entities:
            self.clock += 1
            self.named[org.id] = self.clock
            if org.id not in self.orgs:
                self.orgs[org.id] = org
            self.read(org)

    def latest(self, noun: str) -> LocalEntity | None:
        """The organisation named most recently that `noun` can mean."""
        if noun not in self.matches:
            self.matches[noun] = {
                key: org for key, org in self.orgs.items() if self.refers(noun, org, self._words(org))
            }
        found = self.matches[noun].values()
        return max(found, key=lambda org: self.named[org.id], default=None)

    def read(self, entity: LocalEntity) -> None:
        """Take in the mentions an organisation gained since it was last read."""
        if entity.id not in self.orgs or not self._grew(entity):
            return
        words = self._words(entity)
        for noun, found in self.matches.items():
            if entity.id not in found and self.refers(noun, entity, words):
                found[entity.id] = entity

    def _grew(self, org: LocalEntity) -> bool:
        """Read new mentions of `org`; True if a new wording came with them (or on the first read)."""
        cached = self.words.get(org.id)
        if cached is None or cached[0] is not org.mentions:  # first read, or the list was replaced
            cached = (org.mentions, 0, set(), set())
        mentions, read, texts, first_words = cached
        before = (len(texts), len(first_words)) if read else None
        for mention in mentions[read:]:
            text = mention.text.lower()
            texts.add(text)
            if " " in mention.text:
                first_words.add(text.split()[0])
        self.words[org.id] = (mentions, len(mentions), texts, first_words)
        return before != (len(texts), len(first_words))

    def _words(self, org: LocalEntity) -> MentionWords:
        _, _, texts, first_words = self.words[org.id]
        return texts, first_words


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


def plural_nominative(noun: str) -> str:
    """ "Beamten" → "Beamte", "Kreisen" → "Kreise"; "Diplomaten", "Regierungen" stay."""
    if noun.endswith(("Beamten", "Kreisen", "Offiziellen", "Verbündeten")):
        return noun[:-1]
    return noun


def adj_stem(word: str) -> str:
    for ending in ("en", "er", "es", "em", "e"):
        if word.endswith(ending) and word[: -len(ending)].endswith(
            ("isch", "lich", "ig", "al", "ert", "ang")
        ):
            return word[: -len(ending)]
    return word


def _ends_with_any(word: str, tails: set[str]) -> bool:
    low = word.lower()
    return any(low.endswith(t.lower()) and len(t) >= 4 for t in tails)
