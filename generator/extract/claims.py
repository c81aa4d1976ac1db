"""Claims: who says what, with which stance, and how sure the attribution is.

A sentence is attributed through the speaker slot of a reporting cue (see
:mod:`generator.extract.attribution`): a reporting verb and its subject, a source phrase
("laut X", "nach Angaben des X", "X zufolge"), or, for a sentence without a cue in reported
speech (Konjunktiv, ``Mood=Sub``) or a quote right after an attributed one, the previous speaker.
A sentence without any of these is narrative and no claim. The stance comes from the cue
("bestätigte" confirms, "bestritt" denies) within the scope of its negation, and from phrases
anywhere in the sentence (see :mod:`generator.extract.stance`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Span, Token

from generator.extract.attribution import CONTINUED, FADING, UNKNOWN, Context, Frame, SpeakerFinder
from generator.extract.base import ClaimSignature, DocState, LocalStatement, SentenceView
from generator.extract.entities import DATELINE
from generator.extract.stance import NO_STATEMENT, StanceReader
from generator.knowledge.base import KnowledgeBase


class ClaimFinder:
    def __init__(self, kb: KnowledgeBase, is_role: Callable[[str], bool] = lambda text: False) -> None:
        lex = kb.lexicon
        self.kb = kb
        self.speakers = SpeakerFinder(kb, is_role)
        self.stance = StanceReader(kb)
        self.verbs: dict[str, list[tuple[str, str | None]]] = {}
        for stance, verbs in lex.reporting.items():
            for verb in verbs:
                word, _, particle = verb.partition("|")
                if particle == "nicht":
                    continue
                self.verbs.setdefault(word, []).append((stance, particle or None))
        for options in self.verbs.values():
            options.sort(key=lambda o: o[1] is None)  # particle verbs ("wies … zurück") first
        self.object_dependent = set(lex.object_dependent_verbs)
        self.non_reporting = lex.non_reporting_objects
        self.pointing_back = set(lex.pointing_back_words)
        self.subjunctive = set(lex.subjunctive_forms)
        self.passive = set(lex.passive_auxiliaries)
        self.separable = tuple(lex.separable_particles)
        self.word_order = WordOrder(self.separable, tuple(lex.genitive_articles))
        self.participles = set(lex.participles)
        self.tail = set(lex.reporting_tail)
        self.impersonal = set(lex.impersonal_subjects)
        self.event_endings = tuple(lex.event_noun_endings)
        self.non_events = tuple(lex.non_event_nouns)

    def find(self, state: DocState) -> None:
        ctx = Context(state)
        for view in state.sentences:
            ctx.sentence = view.index
            frames = self._frames(view, ctx) + self.speakers.data_frames(view, ctx.history)
            if not frames and ctx.previous and not ctx.unsaid and self._continues(view):
                confidence = min(CONTINUED, ctx.confidence * FADING)
                frames = [Frame(c, "asserts", 0, 0, confidence) for c in ctx.previous]
            view.speakers = list(dict.fromkeys(f.claimant for f in frames))
            target = view
            if frames and self._points_back(view) and view.index > 0:
                # "Das sagte der Parlamentarier X": X said the previous sentence
                target = state.sentences[view.index - 1]
                target.speakers = list(dict.fromkeys([*target.speakers, *view.speakers]))
            for frame in frames:
                if target is not view:
                    frame = Frame(frame.claimant, frame.stance, 0, 0, frame.confidence)
                stance = self.stance.phrase_stance(target.span) or frame.stance
                if stance == "denies" and frame.stance == "confirms":
                    stance = frame.stance
                self._add(state, target, frame, stance)
            if view.speakers:
                ctx.previous = view.speakers
                ctx.confidence = min(f.confidence for f in frames)
            elif view.heading or ctx.unsaid or not self._continues(view):
                ctx.previous = []
            self._remember(state, view, ctx)

    @staticmethod
    def _remember(state: DocState, view: SentenceView, ctx: Context) -> None:
        for ref in view.actor_refs():
            kind = state.entities[ref.entity].type
            if kind in ("person", "organization"):
                ctx.last_actor = ref.entity
            if kind == "person":
                ctx.last_person = ref.entity
            if kind == "organization":
                ctx.last_organization = ref.entity
        ctx.history.extend(view.actor_refs())

    def _points_back(self, view: SentenceView) -> bool:
        """ "Das sagte X …", "Dies erklärte X …" without a clause of its own: attribution only."""
        toks = view.span
        lowers = [t.lower_ for t in toks]
        return (
            len(toks) > 2
            and lowers[0] in self.pointing_back
            and lowers[1] in self.verbs
            and "dass" not in lowers
            and "„" not in lowers
        )

    # -- frames -----------------------------------------------------------------------------
    def _frames(self, view: SentenceView, ctx: Context) -> list[Frame]:
        toks = view.span
        frames: list[Frame] = []
        lowers = [t.lower_ for t in toks]
        ctx.unsaid = False
        for i, low in enumerate(lowers):
            if low not in self.verbs:
                continue
            option = next((o for o in self.verbs[low] if o[1] is None or o[1] in lowers[i + 1 :]), None)
            if option is None:
                continue
            if (i + 1 < len(toks) and toks[i + 1].lower_ == "zu") or (i > 0 and toks[i].text[:1].isupper()):
                continue  # "zu sagen", nouns
            if self._is_participle(low) and any(w in self.passive for w in lowers[:i]):
                continue  # passive: "wurde beschuldigt", "Dies wurde … bekanntgegeben"
            verb = f"{low}|{option[1]}" if option[1] else low
            if verb in self.object_dependent and not self.stance.rejects_statement(toks):
                continue  # "wies den Angriff zurück": no statement
            if self._reports_nothing(toks, i, lowers):
                continue  # "erklärte seine Unabhängigkeit"
            stance = self.stance.cue_stance(option[0], toks, i)
            if i > 0 and lowers[i - 1] == "und" and frames:
                claimants = list(dict.fromkeys(f.claimant for f in frames))
                confidence = frames[-1].confidence
            else:
                claimants, confidence = self.speakers.subject(view, i, ctx)
            if stance == NO_STATEMENT or confidence == UNKNOWN:
                # "sagte er nicht", "sagte ein Oberst": no statement, and no continuation either
                ctx.unsaid = True
                continue
            if not claimants:
                near = {lowers[k] for k in (i - 1, i + 1) if 0 <= k < len(lowers)}
                if not near & self.impersonal:
                    ctx.unsaid = True  # a speaker we cannot name took the floor: nobody continues
                continue
            frames.extend(Frame(c, stance, i, i + 1, confidence) for c in claimants)
        frames.extend(self.speakers.source_frames(view))
        frames.extend(self.speakers.own_account(view))
        seen: set[tuple[str, str]] = set()
        unique = []
        for f in frames:
            if (f.claimant, f.stance) not in seen:
                seen.add((f.claimant, f.stance))
                unique.append(f)
        return unique

    def _reports_nothing(self, toks: Span, i: int, lowers: list[str]) -> bool:
        """A sense of the verb that reports nothing, told by its object ("den Krieg erklären")."""
        objects = self.non_reporting.get(toks[i].lemma_.lower(), [])
        start = max((k + 1 for k in range(i) if lowers[k] == ","), default=0)
        end = next((k for k in range(i + 1, len(lowers)) if lowers[k] == ","), len(lowers))
        return any(w.startswith(o) for o in objects for w in lowers[start:end])

    def _continues(self, view: SentenceView) -> bool:
        """Reported speech (Konjunktiv) or a quote goes on with the previous speaker."""
        toks = view.span
        if toks[0].text == "„" or any(t.lower_ in self.subjunctive or _konjunktiv(t) for t in toks):
            return not view.heading
        return False

    def _is_participle(self, word: str) -> bool:
        """ "gemeldet", "mitgeteilt", "bestätigt": a participle of a reporting verb."""
        if word.startswith("ge") or any(word.startswith(p + "ge") for p in self.separable):
            return word.endswith(("t", "en"))
        return word in self.participles

    # -- statements -------------------------------------------------------------------------
    def _add(self, state: DocState, view: SentenceView, frame: Frame, stance: str) -> None:
        about = [r.entity for r in view.refs if r.entity != frame.claimant]
        start, end = claim_range(view.span, frame.cue, frame.content_start, self.tail)
        own = set(range(start, end))
        if frame.content_start > frame.cue + 1:  # a source phrase ("nach Angaben X"): all the rest
            own = set(range(len(view.span))) - set(range(frame.cue, frame.content_start))
        content = self._content(view, own, frame.claimant)
        signature = self._signature(view, content, own, frame.claimant)
        texts = self._tracked(content) or [claim_text(view.span, start, end, self.word_order)]
        quote = _quote(view.span)
        for text in texts:
            if state.has_statement(view.index, frame.claimant, text):
                continue
            state.statements.append(
                LocalStatement(
                    view.index, frame.claimant, stance, text, quote, about, frame.confidence, signature
                )
            )

    def _content(self, view: SentenceView, own: set[int], claimant: str) -> list[Token]:
        """The claim's own tokens (positions `own`) without its frame: the claimant, reporting verbs."""
        frame = {k for r in view.refs if r.entity == claimant for k in range(r.start, r.end)}
        toks = [t for k, t in enumerate(view.span) if k in own and k not in frame]
        return [t for t in toks if t.lower_ not in self.verbs]

    def _signature(
        self, view: SentenceView, toks: list[Token], own: set[int], claimant: str
    ) -> ClaimSignature:
        """Predicates, content words, entities and numbers of the claim content `toks`."""
        return ClaimSignature(
            predicates=_predicates(toks, self.event_endings, self.non_events),
            words=list(dict.fromkeys(t.lemma_ for t in toks if t.tag_.startswith(CONTENT_TAGS))),
            about=list(
                dict.fromkeys(
                    r.entity for r in view.refs if r.entity != claimant and {r.start, r.end - 1} <= own
                )
            ),
            numbers=[t.text for t in toks if t.tag_ == "CARD" or (not t.tag_ and t.like_num)],
            countries=list(dict.fromkeys(c for t in toks if (c := self.kb.adjectives.get(t.lower_)))),
            clause=_has_finite_verb(toks),
        )

    def _tracked(self, content: list[Token]) -> list[str]:
        """Tracked claims whose every word group occurs in the claim's own content, not in its frame
        or elsewhere in the sentence: the speaker's name ("Ruritanien teilte mit") is no word of the claim."""
        if not self.kb.claims:
            return []
        words = [t.lower_ for t in content] + [t.lemma_.lower() for t in content]
        text = " ".join(t.lower_ for t in content)

        def found(word: str) -> bool:
            return word in text if " " in word else any(w.startswith(word) for w in words)

        return [c.text for c in self.kb.claims if all(any(found(w) for w in group) for group in c.groups)]


def _konjunktiv(token: Token) -> bool:
    """A finite verb in Konjunktiv I (the tagger's ``Mood=Sub``, not a "-te" form): reported speech.

    Konjunktiv II ("könnte", "würde") is mostly hypothetical, not reported; its reporting forms
    are listed in `subjunctive_forms`.
    """
    low = token.lower_
    return (
        token.tag_.endswith("FIN")
        and "Sub" in token.morph.get("Mood")
        and not low.endswith(("te", "ten", "tet"))
        and not low.startswith("würd")
    )


def _quote(span: Span) -> str | None:
    text = span.text
    if "„" in text and "“" in text:
        start, end = text.index("„"), text.rindex("“")
        if end > start + 1:
            return text[start + 1 : end]
    return None


QUOTES = '„“"»«‚‘'


CONTENT_TAGS = ("NN", "VV", "ADJ")
"""STTS tags of the content words of a claim: nouns, full verbs, adjectives (names are entities)."""
SIDE_CLAUSE = ("KOUS", "KOUI", "PRELS", "PRELAT")
"""Tags that open a side clause ("wenn …", "um … zu", "die …"): its verbs are not the claim's predicate."""
NOUN_LEFT = ("ART", "ADJA", "PPOSAT", "PIAT", "PDAT", "CARD", "ADV")
"""Tags between a preposition and its noun ("über eine baldige Entsendung")."""


def _predicates(toks: list[Token], event_endings: tuple[str, ...], non_events: tuple[str, ...]) -> list[str]:
    """Lemmas of the main clause's full verbs and of its event nouns not governed by a preposition
    ("die Entsendung", not "Berichte über eine Entsendung"); all verbs when the main clause has
    none, auxiliaries when there is no full verb at all."""
    main: list[str] = []
    side = False
    for k, t in enumerate(toks):
        if t.tag_ in SIDE_CLAUSE:
            side = True
        elif t.text in (",", ";", ":", "–"):
            side = False
        if side:
            continue
        event = t.tag_ == "NN" and t.lower_.endswith(event_endings) and not _after_preposition(toks, k)
        if event and not t.lower_.endswith(non_events):
            main.append(t.lemma_)
        elif t.tag_.startswith("VV"):
            main.append(_verb_lemma(toks, k))
    verbs = [_verb_lemma(toks, k) for k, t in enumerate(toks) if t.tag_.startswith("VV")]
    auxiliaries = [t.lemma_ for t in toks if t.tag_.startswith("VA")]
    return list(dict.fromkeys(main or verbs or auxiliaries))


def _verb_lemma(toks: list[Token], k: int) -> str:
    """A finite verb's lemma with its separated particle: "greife … an" → "angreifen"."""
    lemma = toks[k].lemma_
    if toks[k].tag_ == "VVFIN":
        for t in toks[k + 1 :]:
            if t.text in (",", ";", ":"):
                break
            if t.tag_ == "PTKVZ":
                return t.lower_ + lemma
    return lemma


def _after_preposition(toks: list[Token], k: int) -> bool:
    while k > 0 and toks[k - 1].tag_ in NOUN_LEFT:
        k -= 1
    return k > 0 and toks[k - 1].tag_.startswith("APPR")


@dataclass(frozen=True)
class WordOrder:
    """What :func:`verb_second` needs to know of the language (from the lexicon)."""

    separable: tuple[str, ...] = ()  # particles of separable verbs ("dar" in "darstellen")
    genitive: tuple[str, ...] = ()  # articles of a genitive attribute ("der", "des")


def claim_range(span: Span, cue: int, content_start: int, tail: set[str]) -> tuple[int, int]:
    """The reported clause as tokens [start, end) of the sentence, without the frame ("sagte X").

    `tail`: reporting verbs of a trailing frame ("…, sagte er") that is cut off.
    """
    toks = list(span)
    lowers = [t.lower_ for t in toks]
    start, end = content_start, len(toks)
    if cue == 0 and content_start == 0:
        pass  # a continued report: the whole sentence is the content
    elif "dass" in lowers[cue:]:
        start = cue + lowers[cue:].index("dass") + 1
    elif cue > 1 and toks[cue - 1].text in (",", "“", '"'):
        start, end = 0, cue - 1  # „…“, sagte X  /  …, so X
    elif "," in [t.text for t in toks[cue : cue + 8]]:
        start = cue + [t.text for t in toks[cue:]].index(",") + 1
    for k in range(start + 1, end):  # drop a trailing frame: "…, erklärte sie am Montag."
        if toks[k].text == "," and k + 1 < end and lowers[k + 1] in tail:
            end = k
            break
    if end - start < 3 or not _has_finite_verb(toks[start:end]):
        start, end = 0, len(toks)  # no clause of its own ("Uns etwas", "Der Sprecher, X"): the sentence
    return start, end


def claim_text(span: Span, start: int, end: int, order: WordOrder = WordOrder()) -> str:
    """A short claim text: the tokens [start, end) of the sentence, without quotes; a dependent
    clause in main-clause order (see :func:`verb_second`)."""
    toks = list(span)
    text = (
        verb_second(toks[start:end], order)
        or span.text[
            toks[start].idx - span.start_char : toks[end - 1].idx + len(toks[end - 1].text) - span.start_char
        ]
    )
    dateline = DATELINE.match(text)
    if dateline and dateline.group("place"):
        text = text[dateline.end() :]  # "Ort (dpa) - …": the dateline is no part of the claim
    text = " ".join(text.replace("„", "").replace("“", "").replace('"', "").split()).strip(" ,.;:–-!?")
    if len(text) > 160:
        text = text[:160].rsplit(" ", 1)[0] + " …"
    return text[:1].upper() + text[1:]


VORFELD_HEADS = ("NN", "NE", "PPER", "PDS", "PIS")
VORFELD_WORDS = ("ART", "ADJA", "ADJD", "CARD", "ADV", "PIAT", "PIDAT", "PDAT", "PPOSAT", "APPR", "APPRART")


def verb_second(tokens: list[Token], order: WordOrder = WordOrder()) -> str | None:
    """A dependent clause read as a statement: "Nordland Truppen nach Südland geschickt habe"
    → "Nordland habe Truppen nach Südland geschickt" (the finite verb after the first phrase).

    Only when the clause before its first comma ends in its one finite verb, opens with a noun
    phrase or a prepositional phrase whose end is clear, and the verb has no separable particle
    ("darstelle" would have to become "stelle … dar"); otherwise None."""
    while tokens and tokens[-1].is_punct:
        tokens = tokens[:-1]
    end = next((k for k, t in enumerate(tokens) if t.text in (",", ";", ":")), len(tokens))
    clause = tokens[:end]
    if len(clause) < 3 or not clause[-1].tag_.endswith("FIN"):
        return None
    verb = clause[-1]
    if any(t.tag_.endswith("FIN") for t in clause[:-1]):
        return None  # a verb before the end: already a main clause, or two clauses
    if verb.tag_ == "VVFIN" and verb.lower_.startswith(order.separable):
        return None
    head = _vorfeld_end(clause[:-1], order.genitive)
    if head is None or head + 1 >= len(clause) - 1:
        return None  # no clear first phrase, or nothing to move ("Die Soldaten kämpften")
    words = [t.text for t in clause[: head + 1]] + [verb.text] + [t.text for t in clause[head + 1 : -1]]
    rest = "".join(t.text_with_ws for t in tokens[end:])
    return " ".join(words) + ("" if not rest or rest[0] in ",;:" else " ") + rest


def _vorfeld_end(clause: list[Token], genitive: tuple[str, ...]) -> int | None:
    """The index of the last token of the clause's first phrase, or None when it is unclear."""
    head = next((k for k, t in enumerate(clause) if t.tag_ in VORFELD_HEADS), None)
    if head is None or any(t.tag_ not in VORFELD_WORDS for t in clause[:head]):
        return None
    prepositional = clause[0].tag_ in ("APPR", "APPRART")
    while True:
        nxt = head + 1
        if nxt < len(clause) and clause[head].tag_ == "NE" and clause[nxt].tag_ == "NE":
            head = nxt  # "Kim Jong Un": the whole name
            continue
        if (nxt < len(clause) and clause[nxt].tag_ == "KON") or (
            clause[head].tag_ == "NN" and nxt < len(clause) and clause[nxt].lower_ in genitive
        ):  # "Nordland und Südland", "das Krankenhaus der Stadt"
            more = next((k for k in range(nxt + 1, len(clause)) if clause[k].tag_ in VORFELD_HEADS), None)
            if more is None or any(t.tag_ not in ("ART", "ADJA", "CARD") for t in clause[nxt + 1 : more]):
                return None
            head = more
            continue
        break
    if prepositional and head + 1 < len(clause) and clause[head + 1].tag_ in ("APPR", "APPRART"):
        return None  # "Beim Angriff auf das Gefängnis …": where the phrase ends is unclear
    return head


def _has_finite_verb(tokens: list[Token]) -> bool:
    """Whether the tokens hold a finite verb (a clause); True when the tagger did not run."""
    if not any(t.tag_ for t in tokens):
        return True
    return any(t.tag_.endswith("FIN") for t in tokens)
