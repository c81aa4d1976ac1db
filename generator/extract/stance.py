"""Stance with scope: the cue's sense, its negation, and phrases that set the sentence's stance.

A negation in the cue's clause ("bestätigte … nicht", "nicht offiziell bestätigt") turns the
cue's stance into `negated_stance`; "none" there means the sentence is no statement at all
("sagte er nicht", "bestritt nicht"). Stance phrases ("keine Beweise", "weder … noch") set the
stance of the whole sentence, except where a phrase of `stance_phrase_exceptions` cancels them
("es besteht kein Zweifel" is no doubt).
"""

from __future__ import annotations

from spacy.tokens import Span

from generator.knowledge.base import KnowledgeBase

NO_STATEMENT = "none"


class StanceReader:
    def __init__(self, kb: KnowledgeBase) -> None:
        lex = kb.lexicon
        self.phrases = {stance: [p.lower() for p in ps] for stance, ps in lex.stance_phrases.items()}
        self.exceptions = [p.lower() for p in lex.stance_phrase_exceptions]
        self.negations = set(lex.negation_words)
        self.flip = lex.negated_stance
        self.repelled = {w.lower() for w in lex.repelled_objects}
        self.correlatives = set(lex.correlative_negations)

    def negated(self, toks: Span, i: int) -> bool:
        """A negation right before the cue ("nicht offiziell bestätigt") or after it in its clause."""
        for k in range(i - 1, max(-1, i - 3), -1):
            if toks[k].lower_ in self.negations and (k == i - 1 or toks[k].tag_ == "PTKNEG"):
                return True
            if not toks[k].is_alpha:
                break
        for k in range(i + 1, min(len(toks), i + 10)):
            if toks[k].text in (",", ".", "„") or toks[k].lower_ == "dass":
                break
            if toks[k].lower_ in self.negations:
                return True
        return False

    def cue_stance(self, stance: str, toks: Span, i: int) -> str:
        """The cue's stance in its clause, or NO_STATEMENT."""
        if self.negated(toks, i):
            return self.flip.get(stance, stance)
        return stance

    def rejects_statement(self, toks: Span) -> bool:
        """ "wies die Vorwürfe zurück" denies; "wies den Angriff zurück" repels, no statement."""
        words = [t.lemma_.lower() for t in toks] + [t.lower_ for t in toks]
        return not any(any(w.startswith(r) for r in self.repelled) for w in words)

    def correlative_denial(self, span: Span) -> bool:
        """ "habe weder geplant noch geliefert": "weder … noch" negating full verbs."""
        lowers = [t.lower_ for t in span]
        for k, low in enumerate(lowers):
            if low in self.correlatives and "noch" in lowers[k + 1 :]:
                end = lowers.index("noch", k + 1) + 3
                return any(t.tag_.startswith("VV") for t in span[k + 1 : end])
        return False

    def phrase_stance(self, span: Span) -> str | None:
        low = f" {' '.join(t.lower_ for t in span)} "
        for phrase in self.exceptions:
            low = low.replace(f" {phrase} ", " ")
        for stance in ("denies", "doubts", "confirms"):
            if any(f" {p} " in low for p in self.phrases.get(stance, [])):
                return stance
        return "denies" if self.correlative_denial(span) else None
