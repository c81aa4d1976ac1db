"""German number parsing: "4.500", "14 000", "250'000", "1,5 Millionen", "zwölf", "dreiundzwanzig"."""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.knowledge.schema import shipped_words
from generator.knowledge.words import WordLists

# Thousands are grouped by "." (German), "'" or "’" (Swiss) or a space (plain, no-break U+00A0,
# narrow no-break U+202F, thin U+2009): one separator throughout, 3-digit groups after a 1-3 digit head.
GROUP_SEPARATORS = ".'’ \u00a0\u202f\u2009"
DIGITS = re.compile(rf"^(?:\d{{1,3}}(?P<sep>[{GROUP_SEPARATORS}])\d{{3}}(?:(?P=sep)\d{{3}})*|\d+)(?:,\d+)?$")
DIGIT_GROUP = re.compile(r"^\d{3}(?:,\d+)?$")  # a group after a spaced head: "000", "500,5"
UNIT_COMPOUND = re.compile(r"^(\d+(?:,\d+)?)-([a-zäöüß]+)$")


@dataclass(frozen=True)
class NumberWords:
    """The number words of a word list (``generator/knowledge/figures.yml``), lowercase."""

    basic: dict[str, int]  # "zwölf" → 12
    tens: frozenset[int]  # 20, 30 … 90: the second part of "dreiundzwanzig"
    scales: tuple[tuple[str, int], ...]  # scales inside one word, largest first


def _number_words(words: WordLists) -> NumberWords:
    basic = {k.lower(): v for k, v in words.number_words.items()}
    scales = tuple(
        sorted(((k.lower(), v) for k, v in words.number_word_scales.items()), key=lambda kv: -kv[1])
    )
    return NumberWords(basic, frozenset(v for v in basic.values() if v >= 20), scales)


def number_words(words: WordLists | None = None) -> NumberWords:
    """The number words of `words` (default: the shipped lists), built once per word list."""
    return (words or shipped_words()).memo("number_words", _number_words)


def parse_digits(text: str) -> float | None:
    """ "4.500" → 4500, "14 000" → 14000, "250'000" → 250000, "1,5" → 1.5, "3000" → 3000;
    anything else → None."""
    match = DIGITS.match(text)
    if not match:
        return None
    if match["sep"]:
        text = text.replace(match["sep"], "")
    value = float(text.replace(",", "."))
    return int(value) if value.is_integer() else value


def is_digit_group(text: str) -> bool:
    """A 3-digit group that continues a spaced number ("14 000": the "000")."""
    return bool(DIGIT_GROUP.match(text))


def parse_number_word(word: str, words: WordLists | None = None) -> int | None:
    """German number words up to the hundred thousands; None if `word` is not one."""
    w = word.lower()
    if not w or not w.isalpha():
        return None
    return _parse(w, number_words(words))


def _parse(w: str, table: NumberWords) -> int | None:
    if w in table.basic:
        return table.basic[w]
    for scale_word, scale in table.scales:
        if scale_word in w:
            left, right = w.split(scale_word, 1)
            if left == "":
                lv: int | None = 1
            elif scale > 100:
                lv = _parse(left, table)  # "zweihundertfünfzigtausend"
                lv = lv if lv is not None and 1 <= lv < scale else None
            else:
                lv = _small(left, table)
            rv = 0 if right == "" else _parse(right, table)
            if lv is None or rv is None or (rv >= scale) or lv < 1:
                return None
            return lv * scale + rv
    return _small(w, table)


def _small(w: str, table: NumberWords) -> int | None:
    """1 … 99: a basic word or "dreiundzwanzig"."""
    if table.basic.get(w, 0) > 0:
        return table.basic[w]
    if "und" in w:
        unit, tens = w.split("und", 1)
        uv = table.basic.get(unit)
        tv = table.basic.get(tens)
        if uv is not None and 1 <= uv <= 9 and tv in table.tens:
            return uv + tv
    return None
