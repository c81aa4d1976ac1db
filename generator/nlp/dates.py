"""Resolve the date a sentence refers to, relative to the article's publication date.

"am Donnerstag" in an article of Thursday 24.10.2024 → 2024-10-24 (the last such weekday
on or before publication), "gestern" → the day before, "am 22. Oktober" → that day in the
publication year (or the year before if it would lie after publication), explicit dates as
written. Vague spans ("letzte Woche", "Ende Oktober") resolve to nothing.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

MONTHS = ["januar", "februar", "märz", "april", "mai", "juni", "juli", "august", "september", "oktober",
          "november", "dezember"]  # fmt: skip
WEEKDAYS = ["montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag"]
MONTH_PATTERN = "|".join([*MONTHS, "jänner"])
DAY_MONTH = re.compile(rf"\b(\d{{1,2}})\.\s*({MONTH_PATTERN})(?:\s+(\d{{4}}))?\b", re.I)
NUMERIC = re.compile(r"\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b")
WEEKDAY = re.compile(
    r"\b(?:am\s+(?:vergangenen\s+|letzten\s+)?)?(" + "|".join(WEEKDAYS) + r"|sonnabend)\b", re.I
)
RELATIVE = {"vorgestern": -2, "gestern": -1, "heute": 0, "heutigen": 0, "gestrigen": -1}
RELATIVE_RE = re.compile(r"\b(" + "|".join(RELATIVE) + r")\b", re.I)


def month_number(name: str) -> int:
    name = name.lower()
    return 1 if name == "jänner" else MONTHS.index(name) + 1


def _safe(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def resolve_date(text: str, published: str | None) -> str | None:
    """The ISO date `text` refers to, or None."""
    pub = date.fromisoformat(published) if published else None
    found = NUMERIC.search(text)
    if found:
        d = _safe(int(found.group(3)), int(found.group(2)), int(found.group(1)))
        return d.isoformat() if d else None
    found = DAY_MONTH.search(text)
    if found:
        year = int(found.group(3)) if found.group(3) else (pub.year if pub else None)
        if year is None:
            return None
        d = _safe(year, month_number(found.group(2)), int(found.group(1)))
        if d and pub and not found.group(3) and d > pub + timedelta(days=7):
            d = _safe(year - 1, d.month, d.day)
        return d.isoformat() if d else None
    if pub is None:
        return None
    found = RELATIVE_RE.search(text)
    if found:
        return (pub + timedelta(days=RELATIVE[found.group(1).lower()])).isoformat()
    found = WEEKDAY.search(text)
    if found:
        name = found.group(1).lower()
        target = 5 if name == "sonnabend" else WEEKDAYS.index(name)
        back = (pub.weekday() - target) % 7
        return (pub - timedelta(days=back)).isoformat()
    return None
