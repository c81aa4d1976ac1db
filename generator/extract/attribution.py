"""Who speaks: the speaker slot of a reporting cue, and how sure that attribution is.

A cue's speaker is its subject, found by the sentence's structure: verb-second with the
subject first ("Berg sagte, …"), inverted after the content ("…, sagte Berg", "…, so Berg"),
a pronoun ("sagte er") or a role phrase ("sagte der Minister") resolved to the last person or
organisation the document named that way, a source phrase ("laut X", "nach Angaben des X",
"X zufolge", "nach ukrainischen Angaben") or an apposition ("die Sprecherin des Verbands,
Anna Berg, sagte"). An actor merely named nearby (an object, a place in the clause) is never
the speaker.

Confidence (0–1) of a frame, by the evidence that made it: EXPLICIT for a named subject or
source phrase, RESOLVED for a pronoun or role phrase, AMBIGUOUS for a role phrase that more than
one person named before could fill, CONTINUED for a sentence that has no cue of its own and
continues the previous speaker (less for each further sentence). Statements below the
`min_confidence` setting are held back from the pages.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from generator.extract.base import DocState, Ref, SentenceView
from generator.knowledge.base import KnowledgeBase

CLAUSE_BREAKS = {";", ":", "–", "—"}
EXPLICIT, RESOLVED, CONTINUED = 0.9, 0.7, 0.5
AMBIGUOUS = 0.4  # a role phrase ("der Präsident") that fits more than one person named before
FADING = 0.8  # each further sentence continued without a cue of its own: 0.5, 0.4, 0.32 …
UNKNOWN = 0.0  # the speaker slot holds someone the document has not named: no statement


@dataclass
class Frame:
    claimant: str
    stance: str
    cue: int  # token index of the cue
    content_start: int
    confidence: float = EXPLICIT


@dataclass
class Context:
    """What the document has said before the current sentence."""

    state: DocState
    previous: list[str] = field(default_factory=list)  # speakers of the last attributed sentence
    confidence: float = EXPLICIT  # the lowest confidence among those speakers' frames
    last_actor: str | None = None  # last person or organisation named
    last_person: str | None = None
    last_organization: str | None = None
    history: list[Ref] = field(default_factory=list)
    sentence: int = 0
    unsaid: bool = False  # the sentence has a cue that says nothing or no one ("sagte er nicht")


class SpeakerFinder:
    def __init__(self, kb: KnowledgeBase, is_role: Callable[[str], bool]) -> None:
        lex = kb.lexicon
        self.is_role = is_role
        self.before = sorted((p.lower().split() for p in lex.source_before), key=len, reverse=True)
        self.after = {p.lower() for p in lex.source_after}
        self.pronouns = set(lex.speaker_pronouns)
        self.person_pronouns = set(lex.person_pronouns)
        self.descriptors = set(lex.organization_descriptors)
        self.own_phrases = [p.lower() for p in lex.own_account_phrases]
        self.data_words = set(lex.data_source_words)
        self.articles = set(lex.definite_articles)
        self.object_articles = set(lex.object_articles)
        self.subject_articles = (self.articles | set(lex.indefinite_articles)) - self.object_articles
        self.stop_prepositions = set(lex.subject_stop_prepositions)
        self.pp_prepositions = set(lex.pp_prepositions)

    # -- the subject of a reporting verb -----------------------------------------------------
    def subject(self, view: SentenceView, i: int, ctx: Context) -> tuple[list[str], float]:
        toks = view.span
        actors = view.actor_refs()
        # V2 with the actor first: "Berg warf dem Land vor", "Die Partei machte X …",
        # "Regierungssprecher Anna Berg warf …", "Der neue Minister Berg sagte …"
        first = [r for r in actors if r.end == i and all(map(self._title_word, toks[: r.start]))]
        if first:
            return [first[0].entity], EXPLICIT
        # V2 with a pronoun first: "Er warf der Regierung vor": not the object after the verb
        if i >= 1 and toks[i - 1].lower_ in self.pronouns and (i == 1 or toks[i - 2].text in CLAUSE_BREAKS):
            return self.pronoun(toks[i - 1].lower_, ctx), RESOLVED
        # V2 with a noun phrase first: "Ein Regierungsvertreter bestätigte der Agentur X": X is no speaker
        if self._noun_phrase_first(toks, i):
            return self._subject_before(view, i, ctx)
        # inverted: "sagte der französische Präsident Emmanuel Macron", "betonte Baerbock", "sagte er"
        j = i + 1
        while (
            j < len(toks)
            and (
                toks[j].lower_ in self.articles or (toks[j].is_lower and toks[j].lower_ not in self.pronouns)
            )
            and toks[j].lower_ not in self.stop_prepositions  # "schrieb auf Telegram": not a subject
            and j - i <= 3
        ):
            j += 1
        after = [
            r
            for r in actors
            if (
                r.start == j
                or (r.start > i and r.start <= j + 1 and toks[r.start - 1].lower_ in self.articles)
            )
            and toks[r.start - 1].lower_ not in self.object_articles
        ]
        if not after and j < len(toks) and toks[j].text[:1].isupper():
            # "teilte der Oberste Rat (OR) mit": a name phrase, then the named body
            k = j
            while k < len(toks) and k - j < 5 and (toks[k].text[:1].isupper() or toks[k].text == "("):
                k += 1
                hit = next((r for r in actors if r.start == k), None)
                if hit is not None:
                    after = [hit]
                    break
        if after:
            return _with_coordinated(view, after[0], actors), EXPLICIT
        if j < len(toks) and self.is_role(toks[j].text):  # "sagte die Sprecherin des Verbands, Anna Berg"
            people = [r for r in actors if j < r.start <= j + 8 and r.entity.startswith("actor:person:")]
            if people:
                return [people[0].entity], EXPLICIT
            body = [r for r in actors if r.start == j + 2 and toks[j + 1].lower_ in self.articles]
            if body:  # "sagte ein Sprecher der Armee": the body speaks
                return [body[0].entity], EXPLICIT
            named, sure = self.role_holder(toks[j].text, ctx)  # "sagte der Minister": named before
            if named:
                return [named], sure
            person = next((c for c in ctx.previous if c.startswith("actor:person:")), None)
            return ([person], RESOLVED) if person else ([], UNKNOWN)  # "sagte ein Oberst": someone else
        if j < len(toks) and toks[j].text in self.descriptors:  # "teilte die Organisation mit"
            body = next((c for c in ctx.previous if not c.startswith("actor:person:")), ctx.last_organization)
            return ([body], RESOLVED) if body else ([], UNKNOWN)
        if j < len(toks) and toks[j].lower_ in self.pronouns and j - i <= 2:
            return self.pronoun(toks[j].lower_, ctx), RESOLVED
        return self._subject_before(view, i, ctx)

    def _title_word(self, tok: Token) -> bool:
        """An article, adjective or role before a name: "Der neue Regierungssprecher"."""
        return tok.lower_ in self.articles or tok.tag_ == "ADJA" or self.is_role(tok.text)

    def _noun_phrase_first(self, toks: Span, i: int) -> bool:
        """ "Ein Sprecher der Behörde sagte", "Der israelische Vertreter bestätigte": the sentence opens
        with a subject noun phrase (article, adjectives, nouns, genitive) right before the verb."""
        if i < 2 or toks[0].lower_ not in self.subject_articles or toks[i - 1].tag_ not in ("NN", "NE"):
            return False
        if i + 1 < len(toks) and toks[i + 1].lower_ in self.pronouns:
            return False  # "Die Manöver nannte er …": the pronoun after the verb is the subject
        return all(t.tag_ in ("ADJA", "NN", "NE") or t.lower_ in self.articles for t in toks[1:i])

    def _subject_before(self, view: SentenceView, i: int, ctx: Context) -> tuple[list[str], float]:
        """The subject before the verb, in the same clause: the leftmost actor of the clause."""
        toks = view.span
        actors = view.actor_refs()
        start = 0
        if i >= 2 and toks[i - 1].text == "," and toks[i - 2].text == "“":
            start = i  # „…“, sagte …: the quote is the content, not the speaker
        for k in range(i - 1, start - 1, -1):
            if toks[k].text in CLAUSE_BREAKS or toks[k].lower_ == "dass":
                start = k + 1
                break
        before = [
            r
            for r in actors
            if start <= r.start < i
            and not self.in_pp(toks, r.start)
            and not _genitive_attribute(toks, r)
            and not self._noun_attribute(toks, r)
        ]
        people = [r for r in before if r.entity.startswith("actor:person:")]
        if people:  # the first person: "X, Berater von Präsident Y, sagte"
            return _with_coordinated(view, people[0], actors), EXPLICIT
        if before:
            return _with_coordinated(view, before[0], actors), EXPLICIT
        for k in range(start, i):
            if toks[k].lower_ in self.pronouns:
                return self.pronoun(toks[k].lower_, ctx), RESOLVED
            role = toks[k + 1].text if k + 1 < i else ""
            if k == start and toks[k].lower_ in self.subject_articles and role and self.is_role(role):
                if k + 3 < i and toks[k + 2].lower_ in self.articles and toks[k + 3].text in self.descriptors:
                    body = ctx.last_organization  # "Ein Sprecher der Behörde sagte": the body named last
                    return ([body], RESOLVED) if body else ([], UNKNOWN)
                named, sure = self.role_holder(toks[k + 1].text, ctx)  # "Der Minister warf … vor"
                if named:
                    return [named], sure
        return [], EXPLICIT

    def _noun_attribute(self, toks: Span, ref: Ref) -> bool:
        """ "die Stationierung ausländischer Truppen": an attribute of a common noun is no subject
        (a role or a body's descriptor is different: "der Sprecher der Armee" speaks for the army)."""
        k = ref.start - 1
        while k >= 0 and (toks[k].tag_ == "ADJA" or toks[k].lower_ in self.articles):
            k -= 1
        if k < 0 or toks[k].tag_ != "NN":
            return False
        return not self.is_role(toks[k].text) and toks[k].text not in self.descriptors

    def pronoun(self, pronoun: str, ctx: Context) -> list[str]:
        """The previous speaker; else for "er" the last person, for "sie", "man" the last actor."""
        if ctx.previous:
            return ctx.previous[:1]
        if pronoun in self.person_pronouns and ctx.last_person:
            return [ctx.last_person]
        return [ctx.last_actor] if ctx.last_actor else []

    def role_holder(self, role: str, ctx: Context) -> tuple[str | None, float]:
        """The last person named earlier in this role: "der Minister" → the Innenminister named
        before; RESOLVED if only one person held the role so far, AMBIGUOUS if several did."""
        low = role.lower()
        holders: list[tuple[int, str]] = []
        for ent in ctx.state.entities.values():
            if ent.type != "person":
                continue
            roles = [ent.role or ""] + [m.text for m in ent.mentions]
            if not any(r.lower().split()[-1:] and r.lower().split()[-1].endswith(low) for r in roles if r):
                continue
            seen = [m.sentence for m in ent.mentions if m.sentence < ctx.sentence]
            if seen:
                holders.append((max(seen), ent.id))
        if not holders:
            return None, UNKNOWN
        return max(holders)[1], RESOLVED if len(holders) == 1 else AMBIGUOUS

    def in_pp(self, toks: Span, start: int) -> bool:
        """Actors inside a prepositional phrase ("mit Russland") are not subjects."""
        k = start - 1
        while k >= 0 and (
            toks[k].lower_ in self.articles or (toks[k].is_lower and toks[k].is_alpha and len(toks[k]) > 3)
        ):
            k -= 1
        return k >= 0 and toks[k].lower_ in self.pp_prepositions

    # -- source phrases ----------------------------------------------------------------------
    def source_frames(self, view: SentenceView) -> list[Frame]:
        """ "laut X", "nach Angaben des Exilmediums X", "X zufolge"."""
        toks = view.span
        lowers = [t.lower_ for t in toks]
        frames = []
        starts = {r.start for r in view.actor_refs()}
        for ref in view.actor_refs():
            if ref.end < len(toks) and toks[ref.end].tag_ in ("NE", "FM") and ref.end not in starts:
                continue  # "Myanmar Now": the ref is only the start of a longer name
            k = ref.start - 1
            while k >= 0 and (
                lowers[k] in self.articles
                or (toks[k].is_lower and toks[k].is_alpha and lowers[k] not in ("laut", "so", "wie", "von"))
                or self.is_role(toks[k].text)  # "laut dem Kommandeur X"
                or toks[k].text in self.descriptors  # "nach einer Zählung der Nachrichtenagentur X"
                or (toks[k].tag_ == "NN" and k > 0 and lowers[k - 1] in self.articles)  # "des Exilmediums X"
            ):
                k -= 1
            for phrase in self.before:
                n = len(phrase)
                if k - n + 1 >= 0 and lowers[k - n + 1 : k + 1] == phrase:
                    if phrase == ["so"] and (k == 0 or toks[k - 1].text != ","):
                        break
                    if phrase == ["wie"]:
                        break
                    frames.append(Frame(ref.entity, "asserts", k, ref.end))
                    break
            if ref.end < len(toks) and lowers[ref.end] in self.after:
                frames.append(Frame(ref.entity, "asserts", ref.end, ref.end + 1))
        return frames

    def own_account(self, view: SentenceView) -> list[Frame]:
        """ "Die Armee hat nach eigenen Angaben …": the sentence's subject is its own source."""
        toks = view.span
        text = " ".join(t.lower_ for t in toks)
        if not any(p in text for p in self.own_phrases):
            return []
        subjects = [
            r for r in view.actor_refs() if not self.in_pp(toks, r.start) and not _genitive_attribute(toks, r)
        ]
        return [Frame(subjects[0].entity, "asserts", 0, 0)] if subjects else []

    def data_frames(self, view: SentenceView, history: list[Ref]) -> list[Frame]:
        """ "nach Armeeangaben", "laut UN-Angaben", "nach ukrainischen Angaben": whose data it is."""
        toks = view.span
        frames = []
        for i, tok in enumerate(toks):
            low = tok.lower_
            if i == 0 or not low.endswith("angaben"):
                continue
            if low == "angaben":  # "nach ukrainischen Angaben": the state of the adjective
                ref = next((r for r in view.actor_refs() if r.end == i and r.start == i - 1), None)
                if ref is not None and i >= 2 and toks[i - 2].lower_ in self.data_words:
                    frames.append(Frame(ref.entity, "asserts", i, i + 1))
                continue
            if toks[i - 1].lower_ not in self.data_words:
                continue
            ref = next((r for r in view.actor_refs() if r.start == i), None)
            confidence = EXPLICIT
            if ref is None:
                prefix = low.removesuffix("angaben").rstrip("-")
                ref = next((r for r in reversed(history) if prefix and prefix in r.text.lower()), None)
                confidence = RESOLVED
            if ref is not None:
                frames.append(Frame(ref.entity, "asserts", i, i + 1, confidence))
        return frames


def _genitive_attribute(toks: Span, ref: Ref) -> bool:
    """ "Macrons Kommentare", "Frankreichs Erfolg": a possessor, not a subject."""
    return (
        ref.text.endswith("s")
        and ref.end < len(toks)
        and toks[ref.end].text[:1].isupper()
        and toks[ref.end].is_alpha
        and ref.end - ref.start == 1
    )


def _with_coordinated(view: SentenceView, first: Ref, actors: list[Ref]) -> list[str]:
    """ "französische und italienische Beamte" / "In Chile und der EU" → both."""
    result = [first.entity]
    toks = view.span
    for ref in actors:
        if (
            ref.start >= first.end
            and ref.start - first.end <= 3
            and "und" in [t.lower_ for t in toks[first.end : ref.start]]
        ):
            result.append(ref.entity)
    return list(dict.fromkeys(result))
