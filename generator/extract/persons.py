"""People beyond any list: names found by form and context, not by a list of people.

Signals: a run of capitalised tokens that starts with a known given name, or whose
tokens are not German words; a role cue before ("Außenminister X", "der Sprecher des …,
X,") or after ("X, Chef des …"); an inverted reporting clause ("sagte X"). Surname-only
mentions ("Macron", "Macrons", "Kovalev") are linked to the full name in the document,
allowing transliteration variants (w/v, j/y) and one-letter typos.
"""

from __future__ import annotations

from spacy.lang.de.stop_words import STOP_WORDS
from spacy.tokens import Span, Token

from generator.base.slugs import slugify
from generator.extract.base import DocState, LocalEntity, SentenceView, sentence_spans
from generator.knowledge.base import KnowledgeBase


def name_key(name: str) -> str:
    """A spelling-tolerant key: "Kovalev" and "Kowalew" give the same key."""
    key = name.lower().replace("w", "v").replace("y", "j").replace("ij", "i").replace("kh", "ch")
    return key.removesuffix("s") if len(key) > 5 else key


def close_spelling(a: str, b: str) -> bool:
    """Same key, or one edit apart for names of six letters or more."""
    ka, kb = name_key(a), name_key(b)
    if ka == kb:
        return True
    if min(len(ka), len(kb)) < 6 or abs(len(ka) - len(kb)) > 1 or ka[:3] != kb[:3]:
        return False
    return _edit_distance(ka, kb) <= 1


def _edit_distance(a: str, b: str) -> int:
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


class PersonFinder:
    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        self.words = kb.words
        self.roles = kb.person_roles
        self.role_tails = tuple(sorted({r.lower() for r in self.roles if len(r) >= 5 and r[0].isupper()}))
        self.short_tails = tuple(sorted({r.lower() for r in self.roles if len(r) == 4 and r[0].isupper()}))
        lex = kb.lexicon
        self.reporting = {v.split("|")[0] for verbs in lex.reporting.values() for v in verbs}
        self.particles = set(lex.name_particles)
        self.descriptors = set(lex.organization_descriptors)
        self.honorifics = set(lex.honorifics)
        self.articles = {*lex.definite_articles, *lex.indefinite_articles}
        self.name_prefixes = tuple(lex.name_prefixes)
        self.place_prepositions = set(lex.place_prepositions)

    # -- token tests -----------------------------------------------------------------------
    def is_role(self, text: str) -> bool:
        if text in self.roles:
            return True
        if "-" in text:
            return text.rsplit("-", 1)[1] in self.roles
        low = text.lower()
        return text[:1].isupper() and (
            low.endswith(self.role_tails) or (len(low) > 6 and low.endswith(self.short_tails))
        )

    def name_like(self, tok: Token) -> bool:
        text = tok.text
        prefix = next((p for p in self.name_prefixes if text.startswith(p)), None)
        if prefix and text[len(prefix) : len(prefix) + 1].isupper():
            return True  # "al-Xyz"
        return (
            len(text) > 1
            and text[0].isupper()
            and not text.isupper()
            and all(ch.isalpha() or ch in "-'’" for ch in text)
        )

    def is_word(self, text: str) -> bool:
        return self.words.is_german_word(text) or text.lower() in self.articles

    def is_given_name(self, text: str) -> bool:
        return text in self.words.given_names and text.lower() not in STOP_WORDS

    # -- pass 1: full names ----------------------------------------------------------------
    def find(self, state: DocState) -> None:
        for view in state.sentences:
            self._full_names(state, view)
        people = [e for e in state.entities.values() if e.type == "person" and e.category == "actor"]
        for view in state.sentences:
            self._surnames(state, view, people)
            self._role_mentions(state, view, people)

    def _blocked(self, state: DocState, view: SentenceView, i: int) -> bool:
        """Covered by an entity other than a city or area (which a person's name may shadow)."""
        toks = view.span
        for ref in view.refs:
            if not ref.start <= i < ref.end or ref.entity.startswith("region:city"):
                continue
            # a capital that is also a given name, before an unknown name: "Victoria Obermann"
            if (
                ref.end - ref.start == 1
                and self.is_given_name(toks[i].text)
                and i + 1 < len(toks)
                and self.name_like(toks[i + 1])
                and not self.is_word(toks[i + 1].text)
            ):
                continue
            return True
        return False

    def _full_names(self, state: DocState, view: SentenceView) -> None:
        toks = view.span
        places = {e.name: e for e in state.entities.values() if e.category == "region"}
        for a, b, span in _ner(view):
            if span.label_ == "person" and not self._blocked(state, view, a):
                self._add(state, view, a, b)  # a trained pipeline says so
        i = 0
        while i < len(toks):
            if not self.name_like(toks[i]) or self._blocked(state, view, i):
                i += 1
                continue
            j = i
            while j < len(toks) and (
                (self.name_like(toks[j]) and not self._blocked(state, view, j))
                or (j > i and self._particle_continues(toks, j))
            ):
                j += 1
            start = i
            while start < j and (
                toks[start].text in self.particles
                or self.is_role(toks[start].text)
                or (self.is_word(toks[start].text) and not self.is_given_name(toks[start].text))
            ):
                start += 1  # "Laut", "Der", "von", common nouns before the name
            end = j
            while end > start and (
                toks[end - 1].text in self.particles
                or (len(toks[end - 1]) > 3 and self.words.is_common_noun(toks[end - 1].text))
            ):
                end -= 1  # "… Macron Dienstag"
            place = places.get(toks[start:end].text) if end > start else None
            if place is not None:  # "Kämpfe um Obertal": a place named elsewhere in the text
                state.mention(view, start, end, place)
            elif end > start and self._accept(view, start, end):
                self._add(state, view, start, end)
            i = max(j, i + 1)

    def _particle_continues(self, toks: Span, j: int) -> bool:
        """ "von der Heide": particles continue a name only up to a name that is not a German word."""
        k = j
        while k < len(toks) and toks[k].text in self.particles:
            k += 1
        return (
            k > j
            and k < len(toks)
            and self.name_like(toks[k])
            and not self.is_word(toks[k].text)
            and toks[k].text not in self.descriptors  # "X von der Denkfabrik Y"
        )

    def _accept(self, view: SentenceView, start: int, end: int) -> bool:
        toks = view.span
        names = [t.text for t in toks[start:end] if t.text not in self.particles]
        if not names or any(self.is_role(n) for n in names):
            return False
        unknown = [n for n in names if not self.is_word(n)]
        if len(names) >= 2 and self.is_given_name(names[0]) and unknown:
            return True
        if len(names) >= 2 and len(unknown) == len(names):
            return True
        before = toks[start - 1].text if start > 0 else ""
        if before in self.place_prepositions and not self.is_given_name(names[0]):
            return False  # a place: "in Obertal"
        if unknown and (self.is_role(before) or before in self.honorifics or self._role(view, start, end)):
            return True
        return bool(unknown) and len(names) <= 3 and self._inverted_speaker(view, start)

    def _inverted_speaker(self, view: SentenceView, start: int) -> bool:
        toks = view.span
        return start > 0 and toks[start - 1].lower_ in self.reporting

    def _add(self, state: DocState, view: SentenceView, start: int, end: int) -> None:
        name = view.span[start:end].text
        for ref in list(view.refs):  # a name shadows a city of the same spelling ("Wladimir")
            if ref.start < end and start < ref.end:
                view.refs.remove(ref)
                ent = state.entities.get(ref.entity)
                if ent:
                    ent.mentions = [
                        m for m in ent.mentions if not (m.sentence == view.index and m.text == ref.text)
                    ]
                    if not ent.mentions:
                        del state.entities[ref.entity]
        existing = self._match_existing(state, name)
        person = existing or state.entity(f"person:{slugify(name)}", name, "actor", "person")
        if existing and len(name.split()) > len(person.name.split()):
            person.name = name
        if person.role is None:
            person.role = self._role(view, start, end)
        state.mention(view, start, end, person)

    def _match_existing(self, state: DocState, name: str) -> LocalEntity | None:
        last = name.split()[-1]
        for ent in state.entities.values():
            same_first = (
                len(name.split()) == 1 or len(ent.name.split()) == 1 or ent.name.split()[0] == name.split()[0]
            )
            if ent.type == "person" and close_spelling(ent.name.split()[-1], last) and same_first:
                return ent
        return None

    def _role(self, view: SentenceView, start: int, end: int) -> str | None:
        """The role phrase before ("der russische Präsident X") or after ("X, Chef des …,") a name."""
        toks = view.span
        k = start - 1
        if k >= 0 and toks[k].text == ",":
            k -= 1
        phrase_end = k + 1
        # walk back over "des Obersten Rates der Republik X" to the role noun
        while (
            k >= 0
            and not self.is_role(toks[k].text)
            and k > start - 8
            and toks[k].text not in (".", ":", "„")
        ):
            k -= 1
        if k >= 0 and self.is_role(toks[k].text):
            first = k
            while (
                first > 0
                and toks[first - 1].is_lower
                and toks[first - 1].lower_ not in self.articles
                and first > k - 3
            ):
                first -= 1
            return _clean_role(toks[first:phrase_end], self.articles)
        if end + 1 < len(toks) and toks[end].text == "," and self.is_role(toks[end + 1].text):
            stop = end + 1
            while stop < len(toks) and toks[stop].text not in (",", ".", ";"):
                stop += 1
            return _clean_role(toks[end + 1 : stop], self.articles)
        return None

    # -- pass 2: surnames and roles ----------------------------------------------------------
    def _surnames(self, state: DocState, view: SentenceView, people: list[LocalEntity]) -> None:
        for i, tok in enumerate(view.span):
            if not self.name_like(tok) or self._blocked(state, view, i):
                continue
            for person in people:
                last = person.name.split()[-1]
                if len(last) >= 3 and close_spelling(last, tok.text) and tok.text != person.name:
                    if any(r.start <= i < r.end for r in view.refs):
                        break
                    state.mention(view, i, i + 1, person)
                    break

    def _role_mentions(self, state: DocState, view: SentenceView, people: list[LocalEntity]) -> None:
        """ "der russische Präsident" → the person introduced with that role in the document."""
        toks = view.span
        for i, tok in enumerate(toks):
            if not self.is_role(tok.text) or state.covered(view, i, i + 1):
                continue
            if i + 1 < len(toks) and self.name_like(toks[i + 1]) and not self.is_word(toks[i + 1].text):
                continue
            start = i
            if i > 0 and self.kb.country_of_adjective(toks[i - 1].text):
                start = i - 1
            phrase = toks[start : i + 1].text
            for person in people:
                role = (person.role or "").lower()
                if role and _same_role(role, phrase.lower(), self.kb):
                    state.mention(view, start, i + 1, person)
                    break


def _ner(view: SentenceView) -> list[tuple[int, int, Span]]:
    return [(a, b, s) for a, b, s in sentence_spans(view, "ner")]


def _same_role(role: str, phrase: str, kb: KnowledgeBase) -> bool:
    role_words = role.split()
    phrase_words = phrase.split()
    if phrase_words[-1].rstrip("s") not in [w.rstrip("s") for w in role_words]:
        return False
    if len(phrase_words) == 1:
        return role.strip() == phrase_words[0]
    country = kb.country_of_adjective(phrase_words[0])
    return country is not None and any(kb.country_of_adjective(w) == country for w in role_words)


def _clean_role(span: Span, articles: set[str]) -> str | None:
    words = [t.text for t in span if t.text not in (",", "„", "“")]
    while words and words[0].lower() in articles:
        words = words[1:]
    text = " ".join(words).strip()
    return text or None
