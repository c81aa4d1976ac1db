from __future__ import annotations

import pytest

from generator.base.formatting import format_number
from generator.nlp.numbers import is_digit_group, parse_digits, parse_number_word


@pytest.mark.parametrize(
    ("text", "value"),
    [("12.000", 12000), ("3000", 3000), ("1,5", 1.5), ("1.234.567", 1234567), ("0,25", 0.25)],
)
def test_parse_digits(text: str, value: float) -> None:
    assert parse_digits(text) == value


@pytest.mark.parametrize("text", ["23.", "12.00", "1.2.3", "abc", "", "12,", "2024-10-24"])
def test_parse_digits_refuses(text: str) -> None:
    assert parse_digits(text) is None


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("14 000", 14000),  # plain space
        ("14\u00a0000", 14000),  # no-break space
        ("14\u202f000", 14000),  # narrow no-break space
        ("14\u2009000", 14000),  # thin space
        ("1 200 000", 1200000),
        ("250'000", 250000),  # Swiss
        ("1’500’000", 1500000),  # Swiss, typographic apostrophe
        ("14 000,5", 14000.5),
    ],
)
def test_parse_digits_spaced_and_swiss_thousands(text: str, value: float) -> None:
    assert parse_digits(text) == value


@pytest.mark.parametrize("text", ["14 00", "1234 567", "1.234 567", "12'34", "1 2", " 14 000", "14  000"])
def test_parse_digits_refuses_mixed_or_short_groups(text: str) -> None:
    assert parse_digits(text) is None


def test_digit_groups_continue_a_spaced_number() -> None:
    assert is_digit_group("000") and is_digit_group("500,5")
    assert not is_digit_group("00") and not is_digit_group("1000") and not is_digit_group("000.")


@pytest.mark.parametrize(
    ("word", "value"),
    [
        ("drei", 3),
        ("zwölf", 12),
        ("Zwanzig", 20),
        ("dreiundzwanzig", 23),
        ("hundert", 100),
        ("zweihundert", 200),
        ("dreitausend", 3000),
        ("zweihundertfünfzig", 250),
        ("einundvierzig", 41),
    ],
)
def test_parse_number_word(word: str, value: int) -> None:
    assert parse_number_word(word) == value


@pytest.mark.parametrize("word", ["Stunde", "und", "hunderte", "zweite", "Einsatz", "dreißigste"])
def test_parse_number_word_refuses(word: str) -> None:
    assert parse_number_word(word) is None


def test_format_number_german() -> None:
    assert format_number(12000) == "12.000"
    assert format_number(1.5) == "1,5"
    assert format_number(8_000_000) == "8.000.000"
