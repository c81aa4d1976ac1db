"""Figures a reader can trust: what is a count and what is not (tests/data/ANNOTATION.md).

Years, dates, times, ages, ordinals, labels, shares and vague amounts are no figures; spaced and Swiss
thousands are one number; "über" is a qualifier only where it means "more than". The sentences are
made up for these tests.
"""

from __future__ import annotations

import pytest


def figures(extract_text, text: str) -> list[tuple[float, str, str | None, str | None]]:
    return [(f.value, f.surface, f.qualifier, f.counts) for f in extract_text(text).state.figures]


def values(extract_text, text: str) -> list[float]:
    return [f.value for f in extract_text(text).state.figures]


# -- years -------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "Die Brücke über den Fluss wurde 1995 eröffnet und 2014 saniert.",
        "Seit 2011 herrscht in dem Land Bürgerkrieg.",
        "Im Jahr 2015 kam die Regierung ins Wanken.",
        "Ende 2016 wurde die Grenze geschlossen.",
        "Die Saison 2015/16 endete früh.",
        "In den Jahren 2014 und 2015 stieg die Zahl der Anträge stark an.",
        "Die Provinz hatte 2008 ihre Autonomie erklärt.",
        "Das Manöver Strait Thunder-2025B begann am Morgen.",
        "Die Zahl der Opfer ist seit 2019 deutlich gestiegen.",
        "Von 2014 bis 2016 wurde die Zahl der Übergänge halbiert.",
    ],
)
def test_a_bare_year_is_no_figure(extract_text, text: str) -> None:
    assert values(extract_text, text) == []


def test_a_year_like_number_counts_with_a_qualifier_or_a_noun_right_after(extract_text) -> None:
    found = figures(extract_text, "Seit 2019 sind mehr als 2000 Familien geflohen, 1950 Häuser stehen leer.")
    assert found == [(2000, "mehr als 2000", "mehr als", "Familien"), (1950, "1950", None, "Häuser")]


def test_a_year_beside_a_figure_leaves_the_figure(extract_text) -> None:
    found = figures(extract_text, "Im Jahr 2015 stellten rund 88.000 Menschen einen Antrag.")
    assert found == [(88000, "rund 88.000", "rund", "Menschen")]


# -- ages, times, dates, ordinals, labels -------------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "Der 34-Jährige wurde am Abend festgenommen.",
        "Ein 16-jähriger Schüler wurde leicht verletzt.",
        "Die Frau starb im Alter von 60 Jahren.",
        "Die Verletzten sind im Alter von 20 bis 30 Jahren.",
        "Der 45 Jahre alte Fahrer blieb unverletzt.",
        "Der Konvoi traf um 14.30 Uhr ein, der zweite um 14:30.",
        "Die Grenze ist von 9 bis 17 Uhr offen.",
        "Am 3. Mai und am 3.5.2016 wurde gestreikt.",
        "Zum dritten Mal seit dem 2. Weltkrieg belegte das Land Platz 3.",
        "Die Offensive „Operation 1027“ dauert an.",
    ],
)
def test_ages_times_dates_ordinals_and_labels_are_no_figures(extract_text, text: str) -> None:
    assert values(extract_text, text) == []


def test_a_duration_stays_a_figure(extract_text) -> None:
    assert figures(extract_text, "Die Feuerpause hielt nur drei Tage.") == [(3, "drei", None, "Tage")]


# -- shares and vague amounts ----------------------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "Zwei Drittel der Bewohner sind geflohen.",
        "Drei Viertel der Häuser wurden beschädigt, die Hälfte der Straßen ist gesperrt.",
        "Mehr als die Hälfte der Schulen bleibt zu.",
        "Mehrere hundert Menschen demonstrierten vor dem Parlament.",
        "Einige tausend Soldaten und ein paar hundert Polizisten waren im Einsatz.",
        "Hunderte flohen, Tausende blieben, einige Dutzend wurden festgenommen.",
        "Zwei Dutzend Fahrzeuge brannten aus.",
    ],
)
def test_shares_and_vague_amounts_are_no_figures(extract_text, text: str) -> None:
    assert values(extract_text, text) == []


def test_a_plain_hundred_is_a_figure(extract_text) -> None:
    found = figures(extract_text, "Es wurden mehr als hundert Raketen abgefeuert.")
    assert found == [(100, "mehr als hundert", "mehr als", "Raketen")]


# -- spaced and Swiss thousands -----------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "value", "surface"),
    [
        ("Rund 14 000 Menschen sind geflohen.", 14000, "Rund 14 000"),
        ("Rund 14\u00a0000 Menschen sind geflohen.", 14000, "Rund 14\u00a0000"),
        ("Rund 14\u202f000 Menschen sind geflohen.", 14000, "Rund 14\u202f000"),
        ("Rund 1 200 000 Menschen sind geflohen.", 1200000, "Rund 1 200 000"),
        ("Rund 250'000 Menschen sind geflohen.", 250000, "Rund 250'000"),
        ("Rund 250’000 Menschen sind geflohen.", 250000, "Rund 250’000"),
    ],
)
def test_spaced_and_swiss_thousands_are_one_number(extract_text, text: str, value: int, surface: str) -> None:
    assert figures(extract_text, text) == [(value, surface, "rund", "Menschen")]


def test_only_three_digit_groups_after_a_short_head_are_joined(extract_text) -> None:
    found = values(extract_text, "Im Jahr 2015 200 Soldaten? Nein: 2015 kamen 12 Busse mit 40 Soldaten.")
    assert 2015200 not in found and 12040 not in found
    assert {12, 40} <= set(found)


# -- "über": qualifier or preposition -----------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "qualifier", "surface"),
    [
        ("Über 180 Menschen wurden verletzt.", "über", "Über 180"),
        ("Die Behörden sprachen von über 40 Toten.", "über", "über 40"),
        ("Die Polizei berichtete, über 30 Menschen seien verletzt worden.", "über", "über 30"),
        ("Nach ersten Berichten über 40 Tote in der Stadt.", "über", "über 40"),
        ("Die Rebellen verfügen nach eigenen Angaben über 180 erbeutete Panzer.", None, "180"),
        ("Die Zeitung berichtete über 30 Fälle von Folter.", None, "30"),
        ("Die Regierung hat die Kontrolle über 40 Ortschaften verloren.", None, "40"),
        ("Die Armee verlor die Kontrolle über mehr als 30 Städte.", "mehr als", "mehr als 30"),
    ],
)
def test_ueber_is_a_qualifier_only_where_it_means_more_than(
    extract_text, text: str, qualifier: str | None, surface: str
) -> None:
    [(_, got_surface, got_qualifier, _)] = figures(extract_text, text)
    assert (got_qualifier, got_surface) == (qualifier, surface)


def test_an_estimate_word_outside_the_vocabulary_is_no_qualifier(extract_text) -> None:
    found = figures(extract_text, "In der Provinz leben schätzungsweise 700.000 Menschen.")
    assert found == [(700000, "700.000", None, "Menschen")]


# -- counted nouns and numbers at the end of a sentence -----------------------------------------------
def test_nominalised_nouns_and_partitives_are_counted(extract_text) -> None:
    found = figures(
        extract_text,
        "Die Polizei nahm zwei weitere Verdächtige und 30 seiner Anhänger fest, drei Beamte wurden verletzt.",
    )
    assert [(v, c) for v, _, _, c in found] == [(2, "Verdächtige"), (30, "Anhänger"), (3, "Beamte")]


def test_a_compound_of_a_nominalised_noun_is_counted(extract_text) -> None:
    found = figures(extract_text, "Das Hilfswerk zählt über drei Millionen Binnenvertriebene.")
    assert found == [(3_000_000, "über drei Millionen", "über", "Binnenvertriebene")]


def test_a_capitalised_number_word_after_a_dash_is_a_number(extract_text) -> None:
    found = figures(extract_text, "Obertal – Zwei Tage nach dem Erdrutsch ist die Straße wieder frei.")
    assert found == [(2, "Zwei", None, "Tage")]


def test_a_number_that_ends_the_sentence_is_no_ordinal(extract_text) -> None:
    found = figures(extract_text, "Die Behörde bezifferte die Zahl der Vermissten auf mehr als 80.")
    assert found == [(80, "mehr als 80", "mehr als", "Vermissten")]
