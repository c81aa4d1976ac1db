"""German display formats and labels: numbers, dates, entity types, stances, countries."""

from __future__ import annotations

import math
from functools import cache

from babel.numbers import format_decimal

STANCE_DE: dict[str, str] = {
    "asserts": "behauptet",
    "confirms": "bestätigt",
    "denies": "bestreitet",
    "doubts": "bezweifelt",
}
STANCE_PARTICIPLE_DE: dict[str, str] = {
    "asserts": "behauptet",
    "confirms": "bestätigt",
    "denies": "bestritten",
    "doubts": "bezweifelt",
}
ACTOR_TYPE_DE: dict[str, str] = {"person": "Person", "organization": "Organisation", "state": "Staat"}
REGION_TYPE_DE: dict[str, str] = {"city": "Stadt", "region": "Region", "country": "Land", "area": "Gebiet"}
UNATTRIBUTED = "ohne Zuschreibung"


def format_number(value: float) -> str:
    """German number format by Babel (CLDR): ``4500`` → ``"4.500"``, ``1.5`` → ``"1,5"``,
    ``-3000`` → ``"-3.000"``; at most two decimals."""
    if not math.isfinite(value):
        return str(value)
    return format_decimal(value, format="#,##0.##", locale="de_DE")


def format_date(iso: str | None) -> str:
    """``"2024-10-24"`` → ``"24.10.2024"``; partial or unknown dates are shown as given, None as "–"."""
    if not iso:
        return "–"
    parts = iso.split("-")
    if len(parts) == 3 and all(p.isdigit() for p in parts):
        return f"{parts[2]}.{parts[1]}.{parts[0]}"
    return iso


@cache
def country_name(code: str | None) -> str:
    """German name of an ISO 3166-1 alpha-2 code (``"RU"`` → ``"Russland"``); the code if unknown."""
    if not code:
        return "–"
    try:
        from babel import Locale

        return str(Locale("de").territories.get(code.upper(), code))
    except ImportError:  # pragma: no cover - babel is a dependency, but names are a nicety
        return code


def label(mapping: dict[str, str], key: str | None) -> str:
    """Look up a German label, falling back to the key itself (or "–" for None)."""
    if key is None:
        return "–"
    return mapping.get(key, key)
