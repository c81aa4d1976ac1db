"""People beyond any list: names found by form and context, not by a list of people.

Signals: a run of capitalised tokens that starts with a known given name, or whose
tokens are not German words; a role cue before ("Außenminister X", "der Sprecher des …,
X,") or after ("X, Chef des …"); an inverted reporting clause ("sagte X"). Surname-only
mentions ("Macron", "Macrons", "Kovalev") are linked to the full name in the document,
allowing transliteration variants (w/v, j/y) and one-letter typos.
"""

from __future__ import annotations

from bisect import insort
from collections.abc import Callable, Iterable, Iterator

from spacy.lang.de.stop_words import STOP_WORDS
from spacy.tokens import Span, Token

from generator.base.slugs import slugify
from generator.extract.base import DocState, LocalEntity, SentenceView, TokenSigns, sentence_spans
from generator.knowledge.base import KnowledgeBase
from generator.knowledge.names import close_spelling, name_words

LOCATIVE_FILLERS = frozenset({"ADJA", "ART", "KON", "$,"})
"""STTS tags of the words that may stand between a place preposition and a place name."""


ROLE_EDGE_TAGS = frozenset({"APPR", "APPRART", "ART", "KON", "ADV", "PTKVZ", "$(", "PPOSAT", "PIAT"})
"""STTS tags that never begin or end a role phrase ("von Präsident", "Anwalt von")."""


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
        self.coordinators = set(lex.coordinators)
        self.time_words = {*lex.months, *lex.weekdays, *lex.period_words}
        self.signs = TokenSigns(self.words.is_german_word, lex.noun_suffixes)

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

    def plain_word(self, tok: Token) -> bool:
        """A German word the tagger does not call a name ("Berg" tagged NE is a name)."""
        return self.is_word(tok.text) and not self.signs.tagged_name(tok)

    def is_given_name(self, text: str) -> bool:
        return text in self.words.given_names and text.lower() not in STOP_WORDS

    # -- pass 1: full names ----------------------------------------------------------------
    def find(self, state: DocState) -> None:
        known = PeopleIndex(
            (e for e in state.entities.values() if e.type == "person"),
            alive=lambda e: state.entities.get(e.id) is e,
        )
        places = PlaceNames(state)
        for view in state.sentences:
            self._full_names(state, view, known, places)
        people = [e for e in state.entities.values() if e.type == "person" and e.category == "actor"]
        surnames = SurnameLookup(people)
        roles: dict[str, LocalEntity | None] = {}
        for view in state.sentences:
            self._surnames(state, view, surnames)
            self._role_mentions(state, view, people, roles)

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
                and not self.plain_word(toks[i + 1])
            ):
                continue
            return True
        return False

    def _full_names(
        self, state: DocState, view: SentenceView, known: PeopleIndex, places: PlaceNames
    ) -> None:
        toks = view.span
        for a, b, span in _ner(view):
            if span.label_ == "person" and not self._blocked(state, view, a):
                self._add(state, view, a, b, known)  # a trained pipeline says so
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
                or (self.plain_word(toks[start]) and not self.is_given_name(toks[start].text))
            ):
                start += 1  # "Laut", "Der", "von", common nouns before the name
            end = j
            keep = 2 if start < end and self.is_given_name(toks[start].text) else 0  # "Anna Berg"
            while end > start + keep and (
                toks[end - 1].text in self.particles
                or toks[end - 1].text in self.time_words  # "Wang Yi Mitte August"
                or (
                    len(toks[end - 1]) > 3
                    and self.words.is_common_noun(toks[end - 1].text)
                    and not self.signs.tagged_name(toks[end - 1])
                )
            ):
                end -= 1  # "… Macron Dienstag"
            place = places.get(toks[start:end].text) if end > start else None
            if place is not None:  # "Kämpfe um Obertal": a place named elsewhere in the text
                state.mention(view, start, end, place)
            elif end > start and self._accept(view, start, end):
                self._add(state, view, start, end, known)
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
        tokens = [t for t in toks[start:end] if t.text not in self.particles]
        names = [t.text for t in tokens]
        if not names or any(self.is_role(n) for n in names):
            return False
        given = self.is_given_name(names[0])
        if len(tokens) == 1 and (given or (tokens[0].tag_ and not self.signs.tagged_name(tokens[0]))):
            return False  # a first name alone, or one word the tagger does not call a name
        if not given and (self.signs.common_noun(tokens[-1]) or tokens[-1].tag_ == "NN"):
            return False  # "des Übergangsrats", "Kommando Nord der Armee": common nouns, not a name
        if not given and self._after_locative(toks, start):
            return False  # a place: "in Obertal", "in Ober Tal und Untertal"
        unknown = [t for t in tokens if not self.plain_word(t)]
        if len(names) >= 2 and given and unknown:
            return True
        if len(names) >= 2 and len(unknown) == len(names):
            return True
        before = toks[start - 1].text if start > 0 else ""
        if unknown and (self.is_role(before) or before in self.honorifics or self._role(view, start, end)):
            return True
        return bool(unknown) and len(names) <= 3 and self._inverted_speaker(view, start)

    def _after_locative(self, toks: Span, start: int) -> bool:
        """A place preposition before the name, across adjectives, articles and coordinated names:
        "in Obertal", "im benachbarten Obertal", "in Obertal und Untertal"."""
        k = start - 1
        while k >= 0 and start - k <= 6:
            tok = toks[k]
            if tok.lower_ in self.place_prepositions or tok.lower_ == "im":
                return True
            if not self._between_place_and_name(tok):
                return False
            k -= 1
        return False

    def _between_place_and_name(self, tok: Token) -> bool:
        if self.name_like(tok) and not self.plain_word(tok):
            return True  # an earlier name of a list: "in Obertal und Untertal"
        if tok.tag_:
            return tok.tag_ in LOCATIVE_FILLERS
        return tok.is_lower and tok.is_alpha  # untagged: any lowercase word

    def _inverted_speaker(self, view: SentenceView, start: int) -> bool:
        toks = view.span
        return start > 0 and toks[start - 1].lower_ in self.reporting

    def _add(self, state: DocState, view: SentenceView, start: int, end: int, known: PeopleIndex) -> None:
        name = view.span[start:end].text
        self._shadow(state, view, start, end)
        existing = self._match_existing(name, known)
        person = existing or state.entity(f"person:{slugify(name)}", name, "actor", "person")
        known.add(person)
        if existing and len(name.split()) > len(person.name.split()):
            known.rename(person, name)
        if person.role is None:
            person.role = self._role(view, start, end)
        if person.country is None and person.role:
            person.country = self._country_of_role(person.role)
        state.mention(view, start, end, person)

    def _country_of_role(self, role: str) -> str | None:
        """The country a role names: "russische Präsident", "US-Außenminister", "Polizeichef des Kosovos"."""
        for word in role.split():
            code = self.kb.country_of_adjective(word)
            if code:
                return code
            prefix = word.split("-", 1)[0] if "-" in word else ""
            # "US-Außenminister": an abbreviation names the state; "Syrien-Expertin" names a topic
            for part in (prefix if prefix.isupper() else "", word):
                found = self.kb.lookup(part) if part else None
                code = next(
                    (f.key.split(":", 1)[1] for f in found or [] if f.key.startswith("country:")), None
                )
                if code:
                    return code
        return None

    @staticmethod
    def _shadow(state: DocState, view: SentenceView, start: int, end: int) -> None:
        """A person's name shadows a city of the same spelling ("Wladimir"): drop its mention."""
        for ref in list(view.refs):
            if ref.start < end and start < ref.end:
                view.refs.remove(ref)
                ent = state.entities.get(ref.entity)
                if ent:
                    ent.mentions = [
                        m for m in ent.mentions if not (m.sentence == view.index and m.text == ref.text)
                    ]
                    if not ent.mentions:
                        del state.entities[ref.entity]

    @staticmethod
    def _match_existing(name: str, known: PeopleIndex) -> LocalEntity | None:
        """The person of the document `name` names: the first whose surname is spelt closely
        (with the same first name, if both give one), else one known by the first word."""
        parts = name.split()
        for ent in known.close_to(parts[-1]):
            words = ent.name.split()
            if len(parts) == 1 or len(words) == 1 or words[0] == parts[0]:
                return ent
        return known.by_first_word(parts)

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
    def _surnames(self, state: DocState, view: SentenceView, surnames: SurnameLookup) -> None:
        for i, tok in enumerate(view.span):
            if not self.name_like(tok) or self._blocked(state, view, i):
                continue
            covered = any(r.start <= i < r.end and not r.entity.startswith("region:city") for r in view.refs)
            covered = covered or (i > 0 and view.span[i - 1].lower_ in self.place_prepositions)
            person = surnames.surname(tok.text)
            if person is not None:
                if not covered:
                    self._shadow(state, view, i, i + 1)  # "Salvador forderte": the person, not the city
                    state.mention(view, i, i + 1, person)
                continue
            person = surnames.first_name(tok.text)  # "Anna" after "Anna Berg"
            if person is not None:
                self._shadow(state, view, i, i + 1)  # a city of that name gives way
                state.mention(view, i, i + 1, person)

    def _role_mentions(
        self,
        state: DocState,
        view: SentenceView,
        people: list[LocalEntity],
        holders: dict[str, LocalEntity | None],
    ) -> None:
        """ "der russische Präsident" → the person introduced with that role in the document
        (`holders` remembers the answer per phrase: roles do not change in this pass)."""
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
            if phrase not in holders:
                found = [p for p in people if p.role and _same_role(p.role.lower(), phrase.lower(), self.kb)]
                holders[phrase] = found[0] if len(found) == 1 else None  # two presidents: left open
            person = holders[phrase]
            if person is not None:
                state.mention(view, start, i + 1, person)


def _surname_key(name: str) -> tuple[int, str] | None:
    """The bucket of a name's last word: two words that `close_spelling` accepts have as many
    spelling keys and the same first letter (equal, a genitive "-s" or one edit after it)."""
    words = name_words(name.split()[-1]) if name.split() else ()
    return (len(words), words[0][0]) if words else None


class PeopleIndex:
    """The people of a document, found by surname bucket and first word instead of a scan.

    Answers are the same as a scan of the people in the order they were added (the order of
    ``DocState.entities``); `alive` tells whether an entity is still in the document (a person
    whose every mention was shadowed is dropped)."""

    def __init__(
        self, people: Iterable[LocalEntity], alive: Callable[[LocalEntity], bool] | None = None
    ) -> None:
        self.alive = alive or (lambda _: True)
        self.rank: dict[int, int] = {}  # id(entity) → order of addition
        self.by_surname: dict[tuple[int, str], list[tuple[int, LocalEntity]]] = {}
        self.by_first: dict[str, list[tuple[int, LocalEntity]]] = {}  # first word of a longer name
        self.by_name: dict[str, list[tuple[int, LocalEntity]]] = {}
        for person in people:
            self.add(person)

    def add(self, person: LocalEntity) -> None:
        if id(person) not in self.rank:
            self.rank[id(person)] = len(self.rank)
            self._file(person)

    def rename(self, person: LocalEntity, name: str) -> None:
        self._unfile(person)
        person.name = name
        self._file(person)

    def close_to(self, word: str) -> Iterator[LocalEntity]:
        """People whose last name word is `word` spelt closely, in order of addition."""
        key = _surname_key(word)
        for _, person in self.by_surname.get(key, []) if key else []:
            if self.alive(person) and close_spelling(person.name.split()[-1], word):
                yield person

    def by_first_word(self, parts: list[str]) -> LocalEntity | None:
        """A one-word name that is the first word of exactly one full name of the document is that
        person: a first name alone ("Anna" after "Anna Berg") or a family name written first
        ("Präsident Lai" after "Lai Ching-te"). Two words: the full name of a person known by the
        first word alone."""
        table = self.by_first if len(parts) == 1 else self.by_name
        found = [p for _, p in table.get(parts[0], []) if self.alive(p)]
        return found[0] if len(found) == 1 else None

    def _buckets(self, person: LocalEntity) -> list[list[tuple[int, LocalEntity]]]:
        words = person.name.split()
        key = _surname_key(person.name)
        buckets = [self.by_name.setdefault(person.name, [])]
        if key:
            buckets.append(self.by_surname.setdefault(key, []))
        if len(words) > 1:
            buckets.append(self.by_first.setdefault(words[0], []))
        return buckets

    def _file(self, person: LocalEntity) -> None:
        for bucket in self._buckets(person):
            insort(bucket, (self.rank[id(person)], person), key=lambda item: item[0])

    def _unfile(self, person: LocalEntity) -> None:
        for bucket in self._buckets(person):
            bucket[:] = [item for item in bucket if item[1] is not person]


class SurnameLookup:
    """Pass 2: the person a single capitalised word names, remembered per word (the people of
    the document are fixed by then)."""

    def __init__(self, people: list[LocalEntity]) -> None:
        self.index = PeopleIndex(people)
        self.surnames: dict[str, LocalEntity | None] = {}
        self.first_names: dict[str, LocalEntity | None] = {}

    def surname(self, word: str) -> LocalEntity | None:
        """The first person whose surname (3 letters or more) `word` spells ("Macrons", "Kovalev")."""
        if word not in self.surnames:
            self.surnames[word] = next(
                (p for p in self.index.close_to(word) if len(p.name.split()[-1]) >= 3 and word != p.name),
                None,
            )
        return self.surnames[word]

    def first_name(self, word: str) -> LocalEntity | None:
        if word not in self.first_names:
            self.first_names[word] = self.index.by_first_word([word])
        return self.first_names[word]


class PlaceNames:
    """The document's places by name, as ``{e.name: e for e in regions}`` would give them (the
    last place of a name wins) while a place dropped from the document no longer counts."""

    def __init__(self, state: DocState) -> None:
        self.state = state
        self.by_name: dict[str, list[LocalEntity]] = {}
        for ent in state.entities.values():
            if ent.category == "region":
                self.by_name.setdefault(ent.name, []).append(ent)

    def get(self, name: str) -> LocalEntity | None:
        alive = (e for e in reversed(self.by_name.get(name, [])) if self.state.entities.get(e.id) is e)
        return next(alive, None)


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
    """The role as a noun phrase: no reporting verb or preposition before it ("sagte Sprecher",
    "von Präsident"), nothing after a verb ("… hatte seinem"), no dangling "von" at the end."""
    tokens = [t for t in span if t.text not in (",", "„", "“")]
    cut = next((k for k, t in enumerate(tokens) if k and t.tag_.startswith("V")), len(tokens))
    tokens = tokens[:cut]
    while tokens and (
        tokens[0].lower_ in articles or tokens[0].tag_ in ROLE_EDGE_TAGS or tokens[0].tag_.startswith("V")
    ):
        tokens = tokens[1:]
    while tokens and (tokens[-1].lower_ in articles or tokens[-1].tag_ in ROLE_EDGE_TAGS):
        tokens = tokens[:-1]
    text = " ".join(t.text for t in tokens).replace("( ", "(").replace(" )", ")").strip()
    return text or None
