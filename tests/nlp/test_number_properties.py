"""Property tests (hypothesis): German number parsing and display hold for any input, not just examples."""

from __future__ import annotations

import re
import string

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from generator.base.formatting import format_number
from generator.nlp.numbers import parse_digits, parse_number_word

# No example database: nothing is written into the checkout (.hypothesis/); failures print their example.
PROPERTY = settings(
    max_examples=300, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow]
)


@PROPERTY
@given(st.integers(min_value=0, max_value=10**12))
def test_integers_round_trip_through_german_display(n: int) -> None:
    shown = format_number(n)
    assert re.fullmatch(r"\d{1,3}(?:\.\d{3})*", shown)
    assert parse_digits(shown) == n


@PROPERTY
@given(st.integers(min_value=0, max_value=10**11).filter(lambda k: k % 10))
def test_one_decimal_values_round_trip(tenths: int) -> None:
    value = tenths / 10
    shown = format_number(value)
    assert re.fullmatch(r"\d{1,3}(?:\.\d{3})*,\d", shown), shown
    assert parse_digits(shown) == value


@PROPERTY
@given(st.text())
def test_parse_digits_never_raises(text: str) -> None:
    value = parse_digits(text)
    assert value is None or value >= 0


UNITS = ["", "ein", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun"]
TEENS = ["zehn", "elf", "zwölf", "dreizehn", "vierzehn", "fünfzehn", "sechzehn", "siebzehn", "achtzehn",
         "neunzehn"]  # fmt: skip
TENS = ["", "", "zwanzig", "dreißig", "vierzig", "fünfzig", "sechzig", "siebzig", "achtzig", "neunzig"]


def below_hundred(n: int, *, final: bool) -> str:
    """1..99 as a German word; a final 1 is "eins" ("hunderteins"), a leading one "ein"."""
    if n == 1:
        return "eins" if final else "ein"
    if n < 10:
        return UNITS[n]
    if n < 20:
        return TEENS[n - 10]
    tens, unit = divmod(n, 10)
    return f"{UNITS[unit]}und{TENS[tens]}" if unit else TENS[tens]


def below_thousand(n: int, *, final: bool, one: str) -> str:
    hundreds, rest = divmod(n, 100)
    head = f"{one if hundreds == 1 else UNITS[hundreds]}hundert" if hundreds else ""
    return head + (below_hundred(rest, final=final) if rest else "")


@st.composite
def german_number(draw: st.DrawFn, top: int) -> tuple[int, str]:
    """A number below `top` and one way to write it as one German word."""
    n = draw(st.integers(min_value=1, max_value=top - 1))
    one = draw(st.sampled_from(["", "ein"]))  # "hundert" or "einhundert", "tausend" or "eintausend"
    thousands, rest = divmod(n, 1000)
    word = ""
    if thousands:
        word = "" if thousands == 1 and not one else below_thousand(thousands, final=False, one=one)
        word += "tausend"
    if rest or not word:
        word += below_thousand(rest, final=True, one=one)
    word = draw(st.sampled_from([word, word.capitalize()]))
    return n, word


@PROPERTY
@given(german_number(top=100_000))
@example((23, "dreiundzwanzig"))
@example((1001, "tausendeins"))
@example((99_999, "neunundneunzigtausendneunhundertneunundneunzig"))
def test_german_number_words_are_parsed(case: tuple[int, str]) -> None:
    value, word = case
    assert parse_number_word(word) == value


@PROPERTY
@given(german_number(top=1_000_000).filter(lambda case: case[0] >= 100_000))
@example((100_000, "hunderttausend"))
def test_hundred_thousands_are_parsed(case: tuple[int, str]) -> None:
    value, word = case
    assert parse_number_word(word) == value


@PROPERTY
@given(st.text(alphabet=string.ascii_letters + "äöüßÄÖÜ", max_size=40))
def test_parse_number_word_never_raises(word: str) -> None:
    value = parse_number_word(word)
    assert value is None or 0 <= value < 1_000_000
