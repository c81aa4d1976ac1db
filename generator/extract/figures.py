"""Figures: stated quantities with qualifier, counted noun and a short subject.

Digits with German grouping and decimal comma, number words, scale words
("sieben Millionen"), number compounds ("90-minütigen"), ranges ("zwischen 1.000 und
2.000" = two figures) and percentages. Dates, years, days, times, ages and ordinals
are not figures.
"""

from __future__ import annotations

from spacy.tokens import Span

from generator.extract.base import DocState, LocalFigure, SentenceView
from generator.knowledge.base import KnowledgeBase
from generator.nlp.numbers import UNIT_COMPOUND, parse_digits, parse_number_word

SKIPPABLE = {"„", "“", '"', "»", "«", "(", ")"}


class FigureFinder:
    def __init__(self, kb: KnowledgeBase) -> None:
        lex = kb.lexicon
        self.kb = kb
        self.words = lex
        self.qualifiers = lex.qualifiers
        self.scales = {k.lower(): v for k, v in lex.scale_words.items()}
        self.units = lex.unit_adjectives
        self.months = set(lex.months)
        self.weekdays = set(lex.weekdays)
        self.not_counted = set(lex.not_counted)
        self.nominal = set(lex.counted_nominalised)
        self.count_nouns = set(lex.count_nouns)
        self.prepositions = set(lex.figure_prepositions)
        self.place_prepositions = set(lex.figure_place_prepositions)
        self.year_cues = set(lex.year_cues)
        self.articles = set(lex.definite_articles)
        self.coordinators = set(lex.coordinators)

    def find(self, state: DocState) -> None:
        for view in state.sentences:
            state.figures.extend(self.in_sentence(view))

    def in_sentence(self, view: SentenceView) -> list[LocalFigure]:
        toks = view.span
        found: list[LocalFigure] = []
        i = 0
        while i < len(toks):
            parsed = self._number_at(toks, i)
            if parsed is None:
                i += 1
                continue
            value, end, unit = parsed
            if self._is_date_or_year(toks, i, end, value):
                i = end
                continue
            # ranges: "zwischen 1.000 und 2.000", "1.000 bis 2.000"
            second = None
            if (
                end + 1 < len(toks)
                and toks[end].lower_ in ("und", "bis")
                and (toks[end].lower_ == "bis" or (i > 0 and toks[i - 1].lower_ == "zwischen"))
            ):
                second = self._number_at(toks, end + 1)
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
            found.append(
                LocalFigure(view.index, value, toks[q_start:end].text, qualifier, counts, subject, i)
            )
            if second:
                found.append(
                    LocalFigure(
                        view.index, second[0], toks[end + 1 : second[1]].text, None, counts, subject, end + 1
                    )
                )
            i = last_end
        return found

    def _number_at(self, toks: Span, i: int) -> tuple[float, int, str | None] | None:
        """(value, end, unit) for a number starting at token i."""
        text = toks[i].text
        unit = None
        value: float | None = parse_digits(text)
        compound = UNIT_COMPOUND.match(text)
        if value is None and compound:
            stem = compound.group(2)
            for tail, noun in self.units.items():
                if stem.startswith(tail):
                    value, unit = parse_digits(compound.group(1)), noun
                    break
        if (value is None and text.islower()) or (value is None and i == 0):
            value = parse_number_word(text, self.words)
            if value == 1:  # "ein", "eine": a number only before a scale word ("eine Million")
                value = 1 if i + 1 < len(toks) and toks[i + 1].lower_ in self.scales else None
        if value is None:
            return None
        end = i + 1
        if end < len(toks) and toks[end].lower_ in self.scales and not unit:
            value *= self.scales[toks[end].lower_]
            end += 1
        return float(value), end, unit

    def _is_date_or_year(self, toks: Span, i: int, end: int, value: float) -> bool:
        nxt = toks[end].text if end < len(toks) else ""
        after = toks[end + 1].text if end + 1 < len(toks) else ""
        prev = toks[i - 1].text if i > 0 else ""
        year_like = value.is_integer() and 1900 <= value <= 2100 and toks[i].text.isdigit()
        if nxt in self.months or nxt == "Uhr" or (prev in self.months and year_like):
            return True
        if nxt.startswith("-jährig") or (nxt in ("Jahre", "Jahren") and after == "alt"):
            return True
        return year_like and (prev.lower() in self.year_cues or self._counted(toks, end)[0] is None)

    def _about_a_number(self, toks: Span) -> bool:
        """ "Die registrierte Zahl ist mit 4.500 höher": a figure even without a counted noun."""
        return any(t.lower_ in self.count_nouns for t in toks)

    def _qualifier(self, toks: Span, i: int) -> tuple[str | None, int]:
        if i >= 2:
            two = f"{toks[i - 2].lower_} {toks[i - 1].lower_}"
            if two in self.qualifiers:
                return self.qualifiers[two], i - 2
        if i >= 1 and toks[i - 1].lower_ in self.qualifiers:
            return self.qualifiers[toks[i - 1].lower_], i - 1
        return None, i

    def _counted(self, toks: Span, start: int) -> tuple[str | None, int]:
        """The counted noun after a number: skip adjectives, participles and short PPs."""
        j, steps = start, 0
        while j < len(toks) and steps < 8:
            tok = toks[j]
            text = tok.text
            if text in SKIPPABLE:
                j += 1
                continue
            if tok.is_punct or tok.like_num:
                return None, j
            if text.endswith("-") and j + 2 < len(toks) and toks[j + 1].lower_ in self.coordinators:
                return f"{text} {toks[j + 1].text} {toks[j + 2].text}", j + 3
            if tok.lower_ in self.prepositions:
                j += 1  # "in X stationierte …": skip the PP's article and name
                while j < len(toks) and (toks[j].is_lower and toks[j].lower_ in self.articles):
                    j += 1
                j += 1
                steps += 2
                continue
            if text[:1].isupper() and text.lower() not in self.articles:
                if self.kb.words.is_common_noun(text) or text in self.nominal:
                    return text, j + 1
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
