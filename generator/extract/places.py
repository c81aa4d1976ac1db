"""Place patterns: "Region X", "im Süden des Landes X", "an der Grenze zu Y", "in Obertal".

A mixin of EntityFinder (generator/extract/entities.py), which provides the knowledge base,
the lexicon lists and the helpers `place`, `is_locative` and `nominative`.
"""

from __future__ import annotations

from spacy.tokens import Span

from generator.base.slugs import slugify
from generator.extract.base import DocState, LocalEntity, SentenceView
from generator.knowledge.base import Entry, KnowledgeBase


class PlacePatterns:
    """Place rules shared by the entity finder (see the module docstring)."""

    def _region_words(self, state: DocState, view: SentenceView) -> None:
        toks = view.span
        for i in range(len(toks) - 1):
            type_ = self.region_words.get(toks[i].text)
            if not type_:
                continue
            j = i + 1
            while (
                j < len(toks)
                and toks[j].text[:1].isupper()
                and (not self.kb.words.is_common_noun(toks[j].text) or toks[j].text in self.place_prefixes)
            ):
                j += 1
            if j == i + 1 and type_ == "city" and i + 2 <= len(toks) - 1 and self._lone_name(toks, i + 1):
                j = i + 2  # "Kleinstadt Obertal": a name that is also a German word
            if j == i + 1:
                continue
            name = toks[i + 1 : j].text
            if self.kb.lookup(name) and any(
                s.key.startswith(("country:", "org:")) for s in self.kb.lookup(name)
            ):
                continue
            for ref in list(view.refs):
                if ref.start >= i + 1 and ref.end <= j and ref.entity.startswith("region:"):
                    view.refs.remove(ref)
                    ent = state.entities[ref.entity]
                    ent.mentions = [
                        m for m in ent.mentions if not (m.sentence == view.index and m.text == ref.text)
                    ]
            existing = state.first_region(name)
            entry = None
            for s in self.kb.lookup(name):
                entry = self.kb.entries.get(s.key)
                break
            place = self.place(state, f"named-{type_}:{slugify(name)}", name, type_, entry)
            if entry and not place.country:
                place.country = entry.country
            if existing and not place.country:
                place.country = existing.country
            state.mention(view, i, j, place)
            if toks[i].text not in self.region_words_unnamed:
                state.mention(view, i + 1, j, place)

    def _country_at(self, state: DocState, view: SentenceView, k: int, trail: CountryTrail) -> Entry | None:
        """The country named at token k (a country ref, or "des Landes": the last country named)."""
        ref = next((r for r in view.refs if r.start == k), None)
        if ref is not None:
            ent = state.entities.get(ref.entity)
            return (
                self.kb.country_entry(ent.country)
                if ent and ent.type in ("state", "country") and ent.country
                else None
            )
        if view.span[k].text in self.country_anaphors:
            found, country = trail.named_in(state, view)
            return country if found else trail.before
        return None

    def _compass_and_border(self, state: DocState, view: SentenceView, trail: CountryTrail) -> None:
        """ "im Süden Perus", "im Norden des Landes", "an der Grenze zu Chile"."""
        toks = view.span
        for i, tok in enumerate(toks[:-2]):
            if tok.text in self.compass and toks[i + 1].lower_ in ("des", "der"):
                country = self._country_at(state, view, i + 2, trail)
                if country and not state.covered(view, i, i + 1):
                    name = f"{self.compass[tok.text]}-{country.name}"
                    place = self.place(state, f"named-region:{slugify(name)}", name, "region", country)
                    ref = next((r for r in view.refs if r.start == i + 2), None)
                    state.mention(view, i, ref.end if ref else i + 3, place)
            elif tok.text == "Grenze" and toks[i + 1].lower_ in ("zu", "zur", "zum"):
                k = i + 2 + (toks[i + 2].lower_ in ("der", "dem", "den"))
                country = self._country_at(state, view, k, trail) if k < len(toks) else None
                if country is None:
                    continue
                start = i - 1 if i > 0 and self.kb.country_of_adjective(toks[i - 1].text) else i
                name = f"Grenzgebiet zu {country.name}"
                place = self.place(state, f"named-region:{slugify(name)}", name, "region")
                state.mention(view, start, k + 1, place)

    def _lone_name(self, toks: Span, k: int) -> bool:
        """A capitalised word standing alone as a name: followed by punctuation or a lowercase word."""
        nxt = toks[k + 1] if k + 1 < len(toks) else None
        return (
            toks[k].text[:1].isupper() and toks[k].is_alpha and (nxt is None or nxt.is_punct or nxt.is_lower)
        )

    def _merge_city_into_region(self, state: DocState) -> None:
        """Places of one name in one article are one place; "Region X" beats a city X."""
        rank = {"region": 0, "area": 1, "country": 2, "city": 3}
        by_name: dict[str, list[LocalEntity]] = {}
        merged: dict[str, str] = {}  # id of a merged place → id of the place it joined
        for ent in state.entities.values():
            if ent.category == "region":
                by_name.setdefault(ent.name, []).append(ent)
        for group in by_name.values():
            if len(group) < 2:
                continue
            group.sort(key=lambda e: (rank.get(e.type, 9), e.key.startswith("named-")))
            target = group[0]
            for ent in group[1:]:
                target.mentions.extend(ent.mentions)
                target.country = target.country or ent.country
                target.lat, target.lon = target.lat or ent.lat, target.lon or ent.lon
                merged[ent.id] = target.id
                del state.entities[ent.id]
        if merged:  # one pass over the references, however many places were merged
            for view in state.sentences:
                for ref in view.refs:
                    ref.entity = merged.get(ref.entity, ref.entity)

    def unknown_places(self, state: DocState) -> None:
        """ "in Obertal", "nach Untertal": an unknown name after a locative preposition is a place."""
        for view in state.sentences:
            toks = view.span
            for i in range(len(toks) - 1):
                if toks[i].lower_ not in self.place_prepositions and toks[i].lower_ != "im":
                    continue
                j = i + 1
                while j < len(toks) - 1 and toks[j].is_lower and toks[j].is_alpha and j - i <= 2:
                    j += 1  # "im benachbarten Obertal"
                i_name = j
                if toks[i].lower_ == "im" and i_name == i + 1:
                    continue
                while j < len(toks) and j - i_name < 3 and self._unknown_name(toks[j].text):
                    j += 1
                if j == i_name or state.covered(view, i_name, j):
                    continue
                if j < len(toks) and toks[j].text[:1].isupper() and toks[j].is_alpha:
                    continue  # "in Macrons Sinne": a genitive, not a place
                name = toks[i_name:j].text
                place = self.place(state, f"named-city:{slugify(name)}", name, "city")
                state.mention(view, i_name, j, place)
        self._repeat_mentions(state)

    def _repeat_mentions(self, state: DocState) -> None:
        """A place found once by context ("Kleinstadt Obertal") is the same place elsewhere in the text."""
        named = {
            e.name: e
            for e in state.entities.values()
            if e.category == "region" and e.key.startswith("named-")
        }
        for view in state.sentences:
            for k, tok in enumerate(view.span):
                place = named.get(tok.text)
                if place is not None and " " not in place.name and not state.covered(view, k, k + 1):
                    state.mention(view, k, k + 1, place)

    def _unknown_name(self, text: str) -> bool:
        return (
            len(text) > 2
            and text[0].isupper()
            and not text.isupper()
            and text.replace("-", "").isalpha()
            and not self.kb.words.is_german_word(text)
            and text not in self.kb.words.given_names
        )


class CountryTrail:
    """The last country named in the sentences already read, for "im Norden des Landes".

    The entity finder reads the sentences in order and calls `close` after each, so an anaphor
    looks at its own sentence and at one remembered answer instead of every earlier sentence.
    """

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        self.before: Entry | None = None  # the answer of the latest earlier sentence naming a country

    def named_in(self, state: DocState, view: SentenceView) -> tuple[bool, Entry | None]:
        """Whether the sentence names a state or country, and its entry (its last-found reference)."""
        for ref in reversed(view.refs):
            ent = state.entities.get(ref.entity)
            if ent and ent.type in ("state", "country") and ent.country:
                return True, self.kb.country_entry(ent.country)
        return False, None

    def close(self, state: DocState, view: SentenceView) -> None:
        found, country = self.named_in(state, view)
        if found:
            self.before = country
