"""Infer an article's outlet and publication date from its text when metadata is missing."""

from __future__ import annotations

import re
from datetime import date

from .cleaning import Cleaned
from .dates import MONTH_PATTERN, NUMERIC, month_number
from .knowledge import KnowledgeBase

FULL_DATE = re.compile(rf"\b(\d{{1,2}})\.\s*({MONTH_PATTERN})\s+(\d{{4}})\b", re.I)
TODAY = re.compile(
    rf"\b(?:am\s+heutigen|heute,?|am\s+heutigen\s+\w+,?)\s+(\d{{1,2}})\.\s*({MONTH_PATTERN})(?:\s+(\d{{4}}))?",
    re.I,
)
YEAR = re.compile(r"\b(19[5-9]\d|20\d\d)\b")
AGENCY_TAG = re.compile(r"^(?:/\s*([A-Z][A-Za-z]{1,9})|\(([A-Z][A-Za-z]{1,9})\)|([A-Z]{2,8}))$")
SPOKE_WITH = re.compile(
    r"\b(?:mit|gegenüber|sagte\w*|berichtet\w*|laut|zitiert\w*)\s+(?:der|dem|den|die|des)?\s*(?:Nachrichtenagentur|Sender|Zeitung|Portal)?\s*„?([A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*){0,3})"
)


def _media(kb: KnowledgeBase) -> dict[str, str]:
    cached = getattr(kb, "_media_cache", None)
    if cached is not None:
        return cached
    media: dict[str, str] = {}
    for surface, bucket in kb.surfaces.items():
        for s in bucket:
            entry = kb.entries.get(s.key)
            if entry and entry.kind in ("media", "agency"):
                media.setdefault(surface, entry.name)
    kb._media_cache = media  # type: ignore[attr-defined]
    return media


def infer_outlet(cleaned: Cleaned, kb: KnowledgeBase) -> str | None:
    """The outlet named by a byline, agency tag, dateline or tag list; else one the text reports with."""
    media = _media(kb)
    for line in cleaned.furniture:
        tag = AGENCY_TAG.match(line.strip())
        if tag:
            return next(g for g in tag.groups() if g)
        for part in re.split(r"[/(),;:\s]+", line):
            if part in media and not line.startswith("©"):
                return part
        words = line.split()
        for n in (3, 2):
            for k in range(len(words) - n + 1):
                phrase = " ".join(words[k : k + n]).strip("()/,")
                if phrase in media:
                    return phrase
    for match in SPOKE_WITH.finditer(cleaned.text):
        words = match.group(1).split()
        for n in range(len(words), 0, -1):
            phrase = " ".join(words[:n]).strip('“”".,')
            if phrase in media:
                return phrase
    return None


def infer_published(cleaned: Cleaned, default_year: int | None = None) -> str | None:
    """A dateline or byline date, or "am heutigen 23. Oktober" with the year the text implies."""
    for line in cleaned.furniture + cleaned.text.split("\n\n")[:2]:
        found = _full_date(line)
        if found and (line in cleaned.furniture or len(line) < 80):
            return found
    match = TODAY.search(cleaned.text)
    if match:
        year = int(match.group(3)) if match.group(3) else _implied_year(cleaned.text, default_year)
        if year:
            return _iso(year, month_number(match.group(2)), int(match.group(1)))
    return None


def _full_date(text: str) -> str | None:
    m = FULL_DATE.search(text)
    if m:
        return _iso(int(m.group(3)), month_number(m.group(2)), int(m.group(1)))
    m = NUMERIC.search(text)
    if m:
        return _iso(int(m.group(3)), int(m.group(2)), int(m.group(1)))
    return None


def _implied_year(text: str, default_year: int | None) -> int | None:
    years = [int(y) for y in YEAR.findall(text)]
    return max(years) if years else default_year


def _iso(year: int, month: int, day: int) -> str | None:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None
