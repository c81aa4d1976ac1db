"""Figures: stated quantities with qualifier, counted noun and a short subject.

Digits with German grouping and decimal comma, spaced and Swiss thousands ("14 000",
"250'000"), number words, scale words ("sieben Millionen"), number compounds ("90-minütigen"),
ranges ("zwischen 1.000 und 2.000" = two figures) and percentages. Not figures
(tests/data/ANNOTATION.md): dates, years, days, times, ages, ordinals, labels ("Platz 3"),
shares ("zwei Drittel") and vague amounts ("mehrere hundert").
"""

from __future__ import annotations

from dataclasses import replace
from itertools import pairwise

from spacy.tokens import Span, Token

from generator.extract.base import DocState, LocalFigure, SentenceView
from generator.knowledge.base import KnowledgeBase
from generator.nlp.numbers import UNIT_COMPOUND, is_digit_group, parse_digits, parse_number_word

SKIPPABLE = {"„", "“", '"', "»", "«", "(", ")"}
# A capitalised number word is a number at the start of a sentence or after one of these
# ("Port-au-Prince – Zwei Tage nach …").
OPENERS = {"–", "—", "-", ":", "„", "“", '"', "»", "«", "("}
CLAUSE_BREAKS = {",", ";", ":", "–", "—", "(", ")", "„", "“", '"', "»", "«"}
GROUP_SPACES = {"\u00a0", "\u202f", "\u2009"}  # no-break spaces between thousands ("14 000")
YEARS = range(1900, 2101)  # four plain digits in this range may be a year
# STTS tags of words that cannot stand between a number and the noun it counts: articles,
# determiners, pronouns, auxiliaries ("hatte 2008 seine Unabhängigkeit erklärt").
STOP_TAGS = {"ART", "PPOSAT", "PDAT", "PWAT", "PRELAT", "PPER", "PRF", "VAFIN", "VMFIN"}
ADJECTIVE_TAGS = {"ADJA", "ADJD"}
PREPOSITION_TAGS = {"APPR", "APPRART"}
# Figure kinds (figure_kind_cues in figures.yml) in the order they are tried; no cue: "count".
KIND_ORDER = ("per_unit", "part", "plan", "increment", "cumulative")


class FigureFinder:
    def __init__(self, kb: KnowledgeBase) -> None:
        lex = kb.lexicon
        self.kb = kb
        self.words = lex
        self.qualifiers = lex.qualifiers
        self.governing_verbs = {k: set(v) for k, v in lex.qualifier_governing_verbs.items()}
        self.governing_nouns = {k: tuple(v) for k, v in lex.qualifier_governing_nouns.items()}
        self.scales = {k.lower(): v for k, v in lex.scale_words.items()}
        self.units = lex.unit_adjectives
        self.months = set(lex.months)
        self.weekdays = set(lex.weekdays)
        self.not_counted = set(lex.not_counted)
        self.age_before = set(lex.age_before)
        self.age_after = set(lex.age_after)
        self.vague = set(lex.vague_before)
        self.labels = set(lex.label_nouns)
        self.nominal = set(lex.counted_nominalised)
        self.nominal_tails = tuple(w.lower() for w in lex.counted_nominalised if len(w) >= 6)
        self.count_nouns = set(lex.count_nouns)
        self.prepositions = set(lex.figure_prepositions)
        self.place_prepositions = set(lex.figure_place_prepositions)
        self.year_cues = set(lex.year_cues)
        self.articles = set(lex.definite_articles) | set(lex.indefinite_articles)
        self.determiners = self.articles | set(lex.figure_determiners)
        self.partitive = set(lex.partitive_articles)
        self.coordinators = set(lex.coordinators)
        self.source_words = set(lex.data_source_words)
        order = {kind: n for n, kind in enumerate(KIND_ORDER)}
        self.kind_cues = {
            kind: [f" {cue.lower()} " for cue in cues]
            for kind, cues in sorted(
                lex.figure_kind_cues.items(), key=lambda kv: order.get(kv[0], len(order))
            )
        }
        self.plan_modals = set(lex.figure_plan_modals)
        self.future_auxiliaries = set(lex.figure_future_auxiliaries)
        self.horizon_words = set(lex.figure_horizon_words)
        self.horizons = self.months | set(lex.period_words)

    def find(self, state: DocState) -> None:
        for view in state.sentences:
            state.figures.extend(self.in_sentence(view))

    def in_sentence(self, view: SentenceView) -> list[LocalFigure]:
        toks = view.span
        found: list[LocalFigure] = []
        i = 0
        while i < len(toks):
            parsed = self._number_at(toks, i, view)
            if parsed is None:
                i += 1
                continue
            value, end, unit = parsed
            if self._no_count(toks, i, end):  # and the other end of its range: "20 bis 30 Jahren"
                partner = self._number_at(toks, end + 1, view) if toks[end : end + 1].text == "bis" else None
                i = partner[1] if partner else end
                continue
            # ranges: "zwischen 1.000 und 2.000", "1.000 bis 2.000"
            second = None
            if (
                end + 1 < len(toks)
                and toks[end].lower_ in ("und", "bis")
                and (toks[end].lower_ == "bis" or (i > 0 and toks[i - 1].lower_ == "zwischen"))
            ):
                second = self._number_at(toks, end + 1, view)
            last_end = second[1] if second else end
            counts, noun_end = (unit, last_end) if unit else self._counted(toks, last_end)
            qualifier, q_start = self._qualifier(toks, i)
            if counts in self.not_counted or counts in self.months or counts in self.weekdays:
                i = last_end
                continue
            if counts is None and qualifier is None and not self._about_a_number(toks):
                i = last_end
                continue
            subject = self._subject(toks, last_end, noun_end, counts)
            if counts is None:
                counts, subject = self._counted_by_count_noun(toks, i)
            figure = LocalFigure(
                view.index,
                value,
                _surface(toks[q_start:end]),
                qualifier,
                counts,
                subject,
                i,
                kind=self._kind(toks, i),
            )
            found.append(figure)
            if second:
                figure.range_end = "low"
                surface = _surface(toks[end + 1 : second[1]])
                found.append(
                    replace(
                        figure,
                        value=second[0],
                        surface=surface,
                        qualifier=None,
                        start=end + 1,
                        range_end="high",
                    )
                )
            i = last_end
        return found

    # -- reading a number ----------------------------------------------------------------------
    def _number_at(self, toks: Span, i: int, view: SentenceView) -> tuple[float, int, str | None] | None:
        """(value, end, unit) for a number starting at token i."""
        text, end = self._digit_groups(toks, i)
        unit = None
        value: float | None = parse_digits(text)
        if value is None and text.endswith(".") and self._full_stop(toks, i, text[:-1], view):
            value = parse_digits(text[:-1])  # "auf mehr als 80." ends the sentence, no ordinal
        compound = UNIT_COMPOUND.match(text)
        if value is None and compound:
            stem = compound.group(2)
            for tail, noun in self.units.items():
                if stem.startswith(tail):
                    value, unit = parse_digits(compound.group(1)), noun
                    break
        if value is None and (text.islower() or i == 0 or toks[i - 1].text in OPENERS):
            value = parse_number_word(text, self.words)
            if value == 1:  # "ein", "eine": a number only before a scale word ("eine Million")
                value = 1 if i + 1 < len(toks) and toks[i + 1].lower_ in self.scales else None
        if value is None:
            return None
        if end < len(toks) and toks[end].lower_ in self.scales and not unit:
            value *= self.scales[toks[end].lower_]
            end += 1
        return float(value), end, unit

    def _digit_groups(self, toks: Span, i: int) -> tuple[str, int]:
        """The text of a number at token i and its end: "14 000" and "1 200 000" (plain, no-break
        or thin spaces) are one number when 3-digit groups follow a head of 1-3 digits."""
        head = toks[i].text
        if not (head.isdigit() and len(head) <= 3):
            return head, i + 1
        groups, j = [head], i + 1
        while j < len(toks):
            k = j + 1 if toks[j].text in GROUP_SPACES and not toks[j - 1].whitespace_ else j
            spaced = k > j or toks[j - 1].whitespace_ == " "
            if not (spaced and k < len(toks) and is_digit_group(toks[k].text.removesuffix("."))):
                break
            groups.append(toks[k].text)
            j = k + 1
            if "," in toks[k].text or toks[k].text.endswith("."):
                break
        if len(groups) == 1:
            return head, i + 1
        joined = " ".join(groups)
        if joined.endswith("."):  # "rund 14 000." at the end of a sentence
            joined = joined[:-1]
        return joined, j

    def _full_stop(self, toks: Span, i: int, number: str, view: SentenceView) -> bool:
        """ "80." is a number and a full stop, not an ordinal, at the end of the span, with grouped
        thousands ("4.500.") or after a qualifier ("mehr als 80."). The tokenizer did not end the
        sentence there: when the span goes on to name an actor, the speaker of the figure is unsure,
        and the figure is left out."""
        if i + 1 < len(toks) and toks[i + 1].text in self.months:
            return False
        if any(ref.start > i for ref in view.actor_refs()):
            return False
        return i + 1 == len(toks) or "." in number or self._qualifier(toks, i)[0] is not None

    # -- numbers that count nothing ------------------------------------------------------------
    def _no_count(self, toks: Span, i: int, end: int) -> bool:
        """A date, a time, a year, an age, a label, a share or a vague amount."""
        nxt = toks[end].text if end < len(toks) else ""
        after = toks[end + 1].text if end + 1 < len(toks) else ""
        prev = toks[i - 1].text if i > 0 else ""
        if nxt in self.months or nxt in self.not_counted or nxt.startswith("-jährig"):
            return True
        if nxt[:1].isupper() and after in self.age_after:  # "34 Jahre alt", "60 Jahre alte"
            return True
        if any(t.text in self.age_before for t in toks[max(0, i - 3) : i]):  # "im Alter von 60 Jahren"
            return True
        if prev in self.labels or prev.lower() in self.vague:  # "Platz 3", "mehrere hundert"
            return True
        if prev == "/" and i > 1 and toks[i - 2].like_num:  # "2015/16", "24/7"
            return True
        if self._year_like(toks[i]):
            return (prev in self.months) or self._is_year(toks, i, end)
        return False

    @staticmethod
    def _year_like(tok: Token) -> bool:
        return tok.text.isdigit() and len(tok.text) == 4 and int(tok.text) in YEARS

    def _is_year(self, toks: Span, i: int, end: int) -> bool:
        """A year-like number is a year unless a qualifier or a counted noun right after makes it
        a count ("mehr als 2000 Familien"): "seit 2011", "2008 seine Unabhängigkeit", "2014 und 2015"."""
        prev = toks[i - 1].lower_ if i > 0 else ""
        if prev in self.year_cues or (end < len(toks) and toks[end].text == "/"):
            return True
        if prev in self.coordinators and i > 1 and self._year_like(toks[i - 2]):
            return True
        qualifier, q_start = self._qualifier(toks, i)
        if qualifier is not None:
            return q_start > 0 and toks[q_start - 1].lower_ in self.year_cues
        return self._counted(toks, end, direct=True)[0] is None

    # -- qualifier -----------------------------------------------------------------------------
    def _qualifier(self, toks: Span, i: int) -> tuple[str | None, int]:
        if i >= 2:
            two = f"{toks[i - 2].lower_} {toks[i - 1].lower_}"
            if two in self.qualifiers:
                return self.qualifiers[two], i - 2
        if i >= 1 and toks[i - 1].lower_ in self.qualifiers and not self._governed(toks, i - 1):
            return self.qualifiers[toks[i - 1].lower_], i - 1
        return None, i

    def _governed(self, toks: Span, k: int) -> bool:
        """The qualifier word at k is a preposition a verb or noun takes ("verfügt über 180 Panzer",
        "Kontrolle über 30 Städte"), unless another preposition comes first ("von über 30") or the noun
        names a source ("nach ersten Berichten über 40 Tote")."""
        word = toks[k].lower_
        verbs, nouns = self.governing_verbs.get(word), self.governing_nouns.get(word)
        if not (verbs or nouns) or k == 0:
            return False
        before = toks[k - 1]
        if before.tag_ in PREPOSITION_TAGS or before.lower_ in self.prepositions:
            return False
        source = any(t.lower_ in self.source_words for t in toks[max(0, k - 4) : k - 1])
        if nouns and before.lower_.endswith(nouns) and not source:
            return True
        clause = self._clause(toks, k)
        return bool(verbs) and any(t.is_lower and (t.lemma_ or t.lower_) in verbs for t in clause)

    @staticmethod
    def _clause(toks: Span, k: int) -> Span:
        """The tokens around k up to the nearest clause break on either side."""
        start, end = k, k
        while start > 0 and toks[start - 1].text not in CLAUSE_BREAKS:
            start -= 1
        while end < len(toks) and toks[end].text not in CLAUSE_BREAKS:
            end += 1
        return toks[start:end]

    # -- kind ----------------------------------------------------------------------------------
    def _kind(self, toks: Span, i: int) -> str:
        """What the figure at token i is (figure_kind_cues): a cue in its clause makes it per_unit, part,
        plan, increment or cumulative, the first in KIND_ORDER; a plan also shows in the clause before
        ("plant, insgesamt 4.500 Soldaten … zu entsenden") and by its verbs (:meth:`_future`)."""
        clause = self._clause(toks, i)
        k = clause.start - toks.start - 1
        while k >= 0 and toks[k].text in CLAUSE_BREAKS:
            k -= 1
        wide = [*(self._clause(toks, k) if k >= 0 else ()), *clause]
        for kind, cues in self.kind_cues.items():
            words = f" {' '.join(t.lower_ for t in (wide if kind == 'plan' else clause))} "
            if any(cue in words for cue in cues) or (kind == "plan" and self._future(wide)):
                return kind
        return "count"

    def _future(self, tokens: list[Token]) -> bool:
        """ "entsandt werden sollen" (a modal with "werden"), "werde … schicken" (an auxiliary with an
        infinitive), "bis Dezember" (a horizon word before a month or "Ende")."""
        words = [t.lower_ for t in tokens]
        if self.plan_modals & set(words) and "werden" in words:
            return True
        if self.future_auxiliaries & set(words) and any(t.tag_ == "VVINF" for t in tokens):
            return True
        return any(a.lower_ in self.horizon_words and b.text in self.horizons for a, b in pairwise(tokens))

    # -- counted noun and subject --------------------------------------------------------------
    def _about_a_number(self, toks: Span) -> bool:
        """ "Die registrierte Zahl ist mit 4.500 höher": a figure even without a counted noun."""
        return any(t.lower_ in self.count_nouns for t in toks)

    def _counted_by_count_noun(self, toks: Span, i: int) -> tuple[str | None, str | None]:
        """ "bezifferte die Zahl der Toten auf mehr als 500": the noun after "Zahl der" before the number."""
        for j, tok in enumerate(toks[:i]):
            if tok.lower_ in self.count_nouns and j + 1 < i and toks[j + 1].lower_ in self.articles:
                counts, noun_end = self._counted(toks, j + 2)
                if counts:
                    return counts, self._subject(toks, j + 2, noun_end, counts)
        return None, None

    def _is_noun(self, text: str) -> bool:
        if self.kb.words.is_common_noun(text) or text in self.nominal:
            return True
        low = text.lower()  # "Binnenvertriebene", "Polizeibeamte"
        return any(low.endswith(tail) and len(low) - len(tail) >= 3 for tail in self.nominal_tails)

    def _stops_noun_search(self, tok: Token) -> bool:
        return tok.tag_ in STOP_TAGS or (tok.is_lower and tok.lower_ in self.determiners)

    def _counted(self, toks: Span, start: int, *, direct: bool = False) -> tuple[str | None, int]:
        """The counted noun after a number: skip adjectives, participles and short PPs; `direct`:
        only adjectives (a year-like number counts a noun that follows it directly)."""
        j, steps = start, 0
        while j < len(toks) and steps < (3 if direct else 8):
            tok = toks[j]
            text = tok.text
            if text in SKIPPABLE and not direct:
                j += 1
                continue
            if j == start and not direct and tok.lower_ in self.partitive:
                j += 1  # "drei der Verdächtigen", "30 ihrer Kämpfer"
                continue
            if tok.is_punct or tok.like_num or self._stops_noun_search(tok):
                return None, j
            if text.endswith("-") and j + 2 < len(toks) and toks[j + 1].lower_ in self.coordinators:
                return f"{text} {toks[j + 1].text} {toks[j + 2].text}", j + 3
            if tok.lower_ in self.prepositions:
                if direct:
                    return None, j
                j += 1  # "in X stationierte …": skip the PP's article and name
                while j < len(toks) and (toks[j].is_lower and toks[j].lower_ in self.articles):
                    j += 1
                j += 1
                steps += 2
                continue
            if text[:1].isupper() and text.lower() not in self.articles:
                return (text, j + 1) if self._is_noun(text) else (None, j)
            if direct and not (tok.tag_ in ADJECTIVE_TAGS or (not tok.tag_ and tok.is_lower)):
                return None, j
            j += 1
            steps += 1
        return None, j

    def _subject(self, toks: Span, start: int, noun_end: int, counts: str | None) -> str | None:
        """The words from the number to the counted noun, plus a place right after ("in X")."""
        if counts is None:
            return None
        words = [t.text for t in toks[start:noun_end] if t.text not in SKIPPABLE]
        tail = toks[noun_end : noun_end + 3]
        if len(tail) >= 2 and tail[0].lower_ in self.place_prepositions and tail[1].text[:1].isupper():
            words += [tail[0].text, tail[1].text]
        return " ".join(words) or counts


def _surface(span: Span) -> str:
    """The text of a figure without the full stop its last number may carry ("mehr als 80.")."""
    text = span.text
    return text[:-1] if text.endswith(".") and span[-1].text[:1].isdigit() else text
