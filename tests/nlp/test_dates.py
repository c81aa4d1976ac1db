from __future__ import annotations

import pytest

from generator.nlp.dates import resolve_date

PUB = "2024-10-24"  # a Thursday


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Der Geheimdienst gab am Donnerstag bekannt, dass …", "2024-10-24"),
        ("Kirby sagte am Mittwoch, dass …", "2024-10-23"),
        ("Selenskyj sagte am vergangenen Freitag …", "2024-10-18"),
        ("Das sagte er gestern.", "2024-10-23"),
        ("erwartete die Ankunft schon für den heutigen 23. Oktober", "2024-10-23"),
        ("am 22. Oktober aktualisierten Artikel", "2024-10-22"),
        ("Im Dezember, am 30. Dezember, hieß es …", "2023-12-30"),
        ("Berlin, 14. März 2024: …", "2024-03-14"),
        ("am 05.11.2024 …", "2024-11-05"),
        ("Letzte Woche hat CNN Videos geolokalisiert.", None),
        ("Ende Oktober forderte Austin …", None),
    ],
)
def test_resolve_date(text: str, expected: str | None) -> None:
    assert resolve_date(text, PUB) == expected


def test_without_publication_date_only_explicit_dates_resolve() -> None:
    assert resolve_date("am Donnerstag", None) is None
    assert resolve_date("Berlin, 14. März 2024", None) == "2024-03-14"
