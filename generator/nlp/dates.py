"""Resolve the date a sentence refers to, relative to the article's publication date.

"am Mittwoch" in an article of Wednesday 5.5.2021 → 2021-05-05 (the last such weekday
on or before publication), "gestern" → the day before, "am 3. Mai" → that day in the
publication year (or the year before if it would lie after publication), explicit dates as
written. Vague spans ("letzte Woche", "Ende Mai") resolve to nothing. The month, weekday
and relative day words come from ``generator/knowledge/dates.yml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from generator.knowledge.schema import shipped_words
from generator.knowledge.words import WordLists, alternatives

NUMERIC = re.compile(r"\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b")


@dataclass(frozen=True)
class Calendar:
    """Lookup tables and patterns compiled from the calendar words of a word list."""

    months: dict[str, int]  # lowercase month name → number
    weekdays: dict[str, int]  # lowercase weekday → 0 … 6
    relative: dict[str, int]  # lowercase relative day word → days
    month_pattern: str  # "januar|jänner|…" for larger patterns
    day_month: re.Pattern[str]
    weekday: re.Pattern[str]
    relative_re: re.Pattern[str]


def _calendar(words: WordLists) -> Calendar:
    months = {k.lower(): v for k, v in words.months.items()}
    weekdays = {k.lower(): v for k, v in words.weekdays.items()}
    relative = {k.lower(): v for k, v in words.relative_days.items()}
    month_pattern = alternatives(months)
    return Calendar(
        months,
        weekdays,
        relative,
        month_pattern,
        re.compile(rf"\b(\d{{1,2}})\.\s*({month_pattern})(?:\s+(\d{{4}}))?\b", re.I),
        re.compile(rf"\b({alternatives(weekdays)})\b", re.I),
        re.compile(rf"\b({alternatives(relative)})\b", re.I),
    )


def calendar(words: WordLists | None = None) -> Calendar:
    """The calendar of `words` (default: the shipped word lists), built once per word list."""
    return (words or shipped_words()).memo("calendar", _calendar)


def month_number(name: str, words: WordLists | None = None) -> int:
    """ "Oktober" → 10; any spelling of ``months`` in any case."""
    return calendar(words).months[name.lower()]


def month_names(words: WordLists | None = None) -> list[str]:
    """The display name of every month, January first: the first name each number has."""
    names: dict[int, str] = {}
    for name, number in (words or shipped_words()).months.items():
        names.setdefault(number, name)
    return [names[n] for n in sorted(names)]


def _safe(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def resolve_date(text: str, published: str | None, words: WordLists | None = None) -> str | None:
    """The ISO date `text` refers to, or None."""
    cal = calendar(words)
    pub = date.fromisoformat(published) if published else None
    found = NUMERIC.search(text)
    if found:
        d = _safe(int(found.group(3)), int(found.group(2)), int(found.group(1)))
        return d.isoformat() if d else None
    found = cal.day_month.search(text)
    if found:
        year = int(found.group(3)) if found.group(3) else (pub.year if pub else None)
        if year is None:
            return None
        d = _safe(year, cal.months[found.group(2).lower()], int(found.group(1)))
        if d and pub and not found.group(3) and d > pub + timedelta(days=7):
            d = _safe(year - 1, d.month, d.day)
        return d.isoformat() if d else None
    if pub is None:
        return None
    found = cal.relative_re.search(text)
    if found:
        return (pub + timedelta(days=cal.relative[found.group(1).lower()])).isoformat()
    found = cal.weekday.search(text)
    if found:
        back = (pub.weekday() - cal.weekdays[found.group(1).lower()]) % 7
        return (pub - timedelta(days=back)).isoformat()
    return None


MONTHS = [name.lower() for name in month_names()]  # display names, for pages that print a month
