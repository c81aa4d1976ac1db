"""German number parsing: "4.500", "1,5 Millionen", "zwölf", "dreiundzwanzig", "zweihundert"."""

from __future__ import annotations

import re

DIGITS = re.compile(r"^(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,\d+)?$")
UNIT_COMPOUND = re.compile(r"^(\d+(?:,\d+)?)-([a-zäöüß]+)$")

BASIC = {
    "null": 0, "ein": 1, "eins": 1, "eine": 1, "zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6,
    "sieben": 7, "acht": 8, "neun": 9, "zehn": 10, "elf": 11, "zwölf": 12, "dreizehn": 13, "vierzehn": 14,
    "fünfzehn": 15, "sechzehn": 16, "siebzehn": 17, "achtzehn": 18, "neunzehn": 19, "zwanzig": 20,
    "dreißig": 30, "vierzig": 40, "fünfzig": 50, "sechzig": 60, "siebzig": 70, "achtzig": 80, "neunzig": 90,
}  # fmt: skip
TENS = {v for k, v in BASIC.items() if v >= 20}


def parse_digits(text: str) -> float | None:
    """ "4.500" → 4500, "1,5" → 1.5, "3000" → 3000; anything else → None."""
    if not DIGITS.match(text):
        return None
    value = float(text.replace(".", "").replace(",", "."))
    return int(value) if value.is_integer() else value


def parse_number_word(word: str) -> int | None:
    """German number words up to the hundred thousands; None if `word` is not one."""
    w = word.lower()
    if not w or not w.isalpha():
        return None
    if w in BASIC:
        return BASIC[w]
    if w in ("hundert", "einhundert"):
        return 100
    if w in ("tausend", "eintausend"):
        return 1000
    for scale_word, scale in (("tausend", 1000), ("hundert", 100)):
        if scale_word in w:
            left, right = w.split(scale_word, 1)
            if left in ("", "ein"):
                lv: int | None = 1
            elif scale == 1000:
                lv = parse_number_word(left)  # "zweihundertfünfzigtausend"
                lv = lv if lv is not None and 1 <= lv < 1000 else None
            else:
                lv = _small(left)
            rv = 0 if right == "" else parse_number_word(right)
            if lv is None or rv is None or (scale == 100 and rv >= 100) or lv < 1:
                return None
            return lv * scale + rv
    return _small(w)


def _small(w: str) -> int | None:
    if w in BASIC and BASIC[w] > 0:
        return 1 if w in ("ein", "eine") else BASIC[w]
    if "und" in w:
        unit, tens = w.split("und", 1)
        uv = 1 if unit == "ein" else BASIC.get(unit)
        tv = BASIC.get(tens)
        if uv is not None and 1 <= uv <= 9 and tv in TENS:
            return uv + tv
    return None


def format_number(value: float) -> str:
    """German display: 4500 → "4.500", 1.5 → "1,5"."""
    if float(value).is_integer():
        return f"{int(value):,}".replace(",", ".")
    whole, frac = f"{value:,.2f}".rstrip("0").rstrip(".").split(".")
    return f"{whole.replace(',', '.')},{frac}"
