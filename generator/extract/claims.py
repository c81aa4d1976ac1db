"""Attribution and claims: who says what, with which stance.

A sentence is attributed through reporting verbs ("sagte", "teilte … mit", inverted
"betonte Baerbock"), source phrases ("laut X", "nach Angaben des X", "X zufolge") or, for a
sentence in reported speech or a quote right after an attributed one, the previous
speaker. The stance comes from the verb ("bestätigte" confirms, "bestritt" denies), from
phrases anywhere in the sentence ("keine Beweise" doubts, "unbegründete Gerüchte"
denies), flipped by a negation next to the verb ("bestritt … nicht").
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Span

from generator.extract.base import DocState, LocalStatement, Ref, SentenceView
from generator.knowledge.base import KnowledgeBase

CLAUSE_BREAKS = {";", ":", "–", "—"}


@dataclass
class Frame:
    claimant: str
    stance: str
    cue: int  # token index of the cue
    content_start: int


class ClaimFinder:
    def __init__(self, kb: KnowledgeBase, is_role: Callable[[str], bool] = lambda text: False) -> None:
        lex = kb.lexicon
        self.kb = kb
        self.is_role = is_role
        self.verbs: dict[str, list[tuple[str, str | None]]] = {}
        for stance, verbs in lex.reporting.items():
            for verb in verbs:
                word, _, particle = verb.partition("|")
                if particle == "nicht":
                    continue
                self.verbs.setdefault(word, []).append((stance, particle or None))
        for options in self.verbs.values():
            options.sort(key=lambda o: o[1] is None)  # particle verbs ("wies … zurück") first
        self.phrases = {stance: [p.lower() for p in ps] for stance, ps in lex.stance_phrases.items()}
        self.negations = set(lex.negation_words)
        self.flip = lex.negated_stance
        self.before = sorted((p.lower().split() for p in lex.source_before), key=len, reverse=True)
        self.after = {p.lower() for p in lex.source_after}
        self.pronouns = set(lex.speaker_pronouns)
        self.descriptors = set(lex.organization_descriptors)
        self.own_account = [p.lower() for p in lex.own_account_phrases]
        self.data_words = set(lex.data_source_words)
        self.pointing_back = set(lex.pointing_back_words)
        self.subjunctive = set(lex.subjunctive_forms)
        self.passive = set(lex.passive_auxiliaries)
        self.separable = tuple(lex.separable_particles)
        self.participles = set(lex.participles)
        self.articles = set(lex.definite_articles)
        self.object_articles = set(lex.object_articles)
        self.stop_prepositions = set(lex.subject_stop_prepositions)
        self.pp_prepositions = set(lex.pp_prepositions)
        self.tail = set(lex.reporting_tail)

    def find(self, state: DocState) -> None:
        previous: list[str] = []
        last_actor: str | None = None
        history: list[Ref] = []
        for view in state.sentences:
            frames = self._frames(view, previous, last_actor) + self._data_frames(view, history)
            if not frames and previous and self._continues(view):
                frames = [Frame(c, "asserts", 0, 0) for c in previous]
            view.speakers = list(dict.fromkeys(f.claimant for f in frames))
            target = view
            if frames and self._points_back(view) and view.index > 0:
                # "Das sagte der Parlamentarier X": X said the previous sentence
                target = state.sentences[view.index - 1]
                target.speakers = list(dict.fromkeys([*target.speakers, *view.speakers]))
            for frame in frames:
                if target is not view:
                    frame = Frame(frame.claimant, frame.stance, 0, 0)
                stance = self._phrase_stance(target) or frame.stance
                if frame.stance != "asserts" and stance in ("denies",) and frame.stance == "confirms":
                    stance = frame.stance
                self._add(state, target, frame, stance)
            previous = view.speakers or ([] if view.heading else previous if self._continues(view) else [])
            people = [
                r for r in view.actor_refs() if state.entities[r.entity].type in ("person", "organization")
            ]
            if people:
                last_actor = people[-1].entity
            history.extend(view.actor_refs())

    def _own_account(self, view: SentenceView) -> list[Frame]:
        """ "Die Armee hat nach eigenen Angaben …": the sentence's subject is its own source."""
        toks = view.span
        text = " ".join(t.lower_ for t in toks)
        if not any(p in text for p in self.own_account):
            return []
        subjects = [
            r
            for r in view.actor_refs()
            if not self._in_pp(toks, r.start) and not _genitive_attribute(toks, r)
        ]
        return [Frame(subjects[0].entity, "asserts", 0, 0)] if subjects else []

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

    def _data_frames(self, view: SentenceView, history: list[Ref]) -> list[Frame]:
        """ "nach Armeeangaben", "laut UN-Angaben": the body whose data it is, named before."""
        toks = view.span
        frames = []
        for i, tok in enumerate(toks):
            low = tok.lower_
            if (
                i == 0
                or toks[i - 1].lower_ not in self.data_words
                or not low.endswith("angaben")
                or low == "angaben"
            ):
                continue
            ref = next((r for r in view.actor_refs() if r.start == i), None)
            if ref is None:
                prefix = low.removesuffix("angaben").rstrip("-")
                ref = next((r for r in reversed(history) if prefix and prefix in r.text.lower()), None)
            if ref is not None:
                frames.append(Frame(ref.entity, "asserts", i, i + 1))
        return frames

    # -- frames -----------------------------------------------------------------------------
    def _frames(self, view: SentenceView, previous: list[str], last_actor: str | None) -> list[Frame]:
        toks = view.span
        frames: list[Frame] = []
        lowers = [t.lower_ for t in toks]
        for i, low in enumerate(lowers):
            if low not in self.verbs:
                continue
            option = next((o for o in self.verbs[low] if o[1] is None or o[1] in lowers[i + 1 :]), None)
            if option is None:
                continue
            stance = option[0]
            if (i + 1 < len(toks) and toks[i + 1].lower_ == "zu") or (i > 0 and toks[i].text[:1].isupper()):
                continue  # "zu sagen", nouns
            if self._is_participle(low) and any(w in self.passive for w in lowers[:i]):
                continue  # passive: "wurde beschuldigt", "Dies wurde … bekanntgegeben"
            if i > 0 and lowers[i - 1] == "und" and frames:
                claimants = list(dict.fromkeys(f.claimant for f in frames))
            else:
                claimants = self._subject(view, i, previous, last_actor)
            if not claimants:
                continue
            if self._negated(toks, i):
                stance = self.flip.get(stance, stance)
            frames.extend(Frame(c, stance, i, i + 1) for c in claimants)
        frames.extend(self._source_frames(view))
        frames.extend(self._own_account(view))
        seen: set[tuple[str, str]] = set()
        unique = []
        for f in frames:
            if (f.claimant, f.stance) not in seen:
                seen.add((f.claimant, f.stance))
                unique.append(f)
        return unique

    def _subject(self, view: SentenceView, i: int, previous: list[str], last_actor: str | None) -> list[str]:
        toks = view.span
        actors = view.actor_refs()
        # V2 with the actor first: "Berg warf dem Land vor", "Die Partei machte X …"
        first = [r for r in actors if r.end == i and all(t.lower_ in self.articles for t in toks[: r.start])]
        if first:
            return [first[0].entity]
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
            return _with_coordinated(view, after[0], actors)
        if j < len(toks) and self.is_role(toks[j].text):  # "sagte die Sprecherin des Verbands, Anna Berg"
            people = [r for r in actors if j < r.start <= j + 8 and r.entity.startswith("actor:person:")]
            if people:
                return [people[0].entity]
        if j < len(toks) and toks[j].lower_ in self.pronouns and j - i <= 2:
            return self._pronoun(toks[j].lower_, previous, last_actor)
        # subject before the verb, in the same clause: the leftmost actor of the clause
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
            if start <= r.start < i and not self._in_pp(toks, r.start) and not _genitive_attribute(toks, r)
        ]
        people = [r for r in before if r.entity.startswith("actor:person:")]
        if people:  # the first person: "X, Berater von Präsident Y, sagte"
            return _with_coordinated(view, people[0], actors)
        if before:
            return _with_coordinated(view, before[0], actors)
        for k in range(start, i):
            if toks[k].lower_ in self.pronouns:
                return self._pronoun(toks[k].lower_, previous, last_actor)
        return []

    def _pronoun(self, pronoun: str, previous: list[str], last_actor: str | None) -> list[str]:
        if previous:
            return previous[:1]
        return [last_actor] if last_actor else []

    def _in_pp(self, toks: Span, start: int) -> bool:
        """Actors inside a prepositional phrase ("mit Russland") are not subjects."""
        k = start - 1
        while k >= 0 and (
            toks[k].lower_ in self.articles or (toks[k].is_lower and toks[k].is_alpha and len(toks[k]) > 3)
        ):
            k -= 1
        return k >= 0 and toks[k].lower_ in self.pp_prepositions

    def _negated(self, toks: Span, i: int) -> bool:
        if i > 0 and toks[i - 1].lower_ in self.negations:
            return True  # "nicht geleugnet"
        for k in range(i + 1, min(len(toks), i + 10)):
            if toks[k].text in (",", ".", "„") or toks[k].lower_ == "dass":
                break
            if toks[k].lower_ in self.negations:
                return True
        return False

    def _source_frames(self, view: SentenceView) -> list[Frame]:
        toks = view.span
        lowers = [t.lower_ for t in toks]
        frames = []
        for ref in view.actor_refs():
            k = ref.start - 1
            while k >= 0 and (
                lowers[k] in self.articles
                or (toks[k].is_lower and toks[k].is_alpha and lowers[k] not in ("laut", "so", "wie", "von"))
                or self.is_role(toks[k].text)  # "laut dem Kommandeur X"
                or toks[k].text in self.descriptors  # "nach einer Zählung der Nachrichtenagentur X"
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

    def _continues(self, view: SentenceView) -> bool:
        """Reported speech (Konjunktiv) or a quote goes on with the previous speaker."""
        toks = view.span
        if toks[0].text == "„" or any(t.lower_ in self.subjunctive for t in toks):
            return not view.heading
        return False

    def _phrase_stance(self, view: SentenceView) -> str | None:
        low = f" {' '.join(t.lower_ for t in view.span)} "
        for stance in ("denies", "doubts", "confirms"):
            if any(f" {p} " in low for p in self.phrases.get(stance, [])):
                return stance
        return None

    def _is_participle(self, word: str) -> bool:
        """ "gemeldet", "mitgeteilt", "bestätigt": a participle of a reporting verb."""
        if word.startswith("ge") or any(word.startswith(p + "ge") for p in self.separable):
            return word.endswith(("t", "en"))
        return word in self.participles

    # -- statements -------------------------------------------------------------------------
    def _add(self, state: DocState, view: SentenceView, frame: Frame, stance: str) -> None:
        about = [r.entity for r in view.refs if r.entity != frame.claimant]
        texts = self._tracked(view) or [claim_text(view.span, frame.cue, frame.content_start, self.tail)]
        quote = _quote(view.span)
        for text in texts:
            if any(
                s.sentence == view.index and s.claimant == frame.claimant and s.claim == text
                for s in state.statements
            ):
                continue
            state.statements.append(LocalStatement(view.index, frame.claimant, stance, text, quote, about))

    def _tracked(self, view: SentenceView) -> list[str]:
        if not self.kb.claims:
            return []
        words = [t.lower_ for t in view.span] + [t.lemma_.lower() for t in view.span]
        text = view.text.lower()

        def found(word: str) -> bool:
            return word in text if " " in word else any(w.startswith(word) for w in words)

        return [c.text for c in self.kb.claims if all(any(found(w) for w in group) for group in c.groups)]


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


def _quote(span: Span) -> str | None:
    text = span.text
    if "„" in text and "“" in text:
        start, end = text.index("„"), text.rindex("“")
        if end > start + 1:
            return text[start + 1 : end]
    return None


QUOTES = '„“"»«‚‘'


def claim_text(span: Span, cue: int, content_start: int, tail: set[str]) -> str:
    """A short claim text: the reported clause, without the frame ("sagte X") and quotes.

    `tail`: reporting verbs of a trailing frame ("…, sagte er") that is cut off.
    """
    toks = list(span)
    lowers = [t.lower_ for t in toks]
    start, end = content_start, len(toks)
    if "dass" in lowers[cue:]:
        start = cue + lowers[cue:].index("dass") + 1
    elif cue > 1 and toks[cue - 1].text in (",", "“", '"'):
        start, end = 0, cue - 1  # „…“, sagte X  /  …, so X
    elif "," in [t.text for t in toks[cue : cue + 8]]:
        start = cue + [t.text for t in toks[cue:]].index(",") + 1
    for k in range(start + 1, end):  # drop a trailing frame: "…, erklärte sie am Montag."
        if toks[k].text == "," and k + 1 < end and lowers[k + 1] in tail:
            end = k
            break
    if end - start < 3:
        start, end = 0, len(toks)
    text = span.doc.text[toks[start].idx : toks[end - 1].idx + len(toks[end - 1].text)]
    text = " ".join(text.replace("„", "").replace("“", "").replace('"', "").split()).strip(" ,.;:–-!?")
    if len(text) > 160:
        text = text[:160].rsplit(" ", 1)[0] + " …"
    return text[:1].upper() + text[1:]
