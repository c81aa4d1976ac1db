"""Infer an article's outlet and publication date from its text when metadata is missing."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from generator.corpus.clean import Cleaned
from generator.knowledge.base import KnowledgeBase
from generator.knowledge.schema import shipped_words
from generator.knowledge.words import WordLists, alternatives
from generator.nlp.dates import NUMERIC, calendar

YEAR = re.compile(r"\b(19[5-9]\d|20\d\d)\b")
AGENCY_TAG = re.compile(r"^(?:/\s*([A-Za-z][A-Za-z]{1,9})|\(([A-Za-z][A-Za-z]{1,9})\)|([A-Z]{2,8}))$")


@dataclass(frozen=True)
class MetadataPatterns:
    """Patterns compiled from ``dates.yml`` and ``cleaning.yml`` (see :func:`metadata_patterns`)."""

    full_date: re.Pattern[str]  # "14. März 2024"
    today: re.Pattern[str]  # "am heutigen Sonntag, dem 3. März"
    credit: re.Pattern[str]  # a photo credit line
    spoke_with: re.Pattern[str]  # "sagte gegenüber der Nachrichtenagentur X"


def _patterns(words: WordLists) -> MetadataPatterns:
    cal = calendar(words)
    months, weekdays = cal.month_pattern, alternatives(cal.weekdays)
    cues = "|".join([alternatives(words.outlet_cue_words), rf"(?:{alternatives(words.outlet_cue_stems)})\w*"])
    return MetadataPatterns(
        re.compile(rf"\b(\d{{1,2}})\.\s*({months})\s+(\d{{4}})\b", re.I),
        re.compile(
            rf"\b({alternatives(cal.relative)})\s*,?\s*(?:({weekdays})\s*,?\s*)?"
            rf"(?:(?:{alternatives(words.date_articles)})\s+)?(\d{{1,2}})\.\s*({months})(?:\s+(\d{{4}}))?",
            re.I,
        ),
        re.compile(rf"^(?:©|\(c\)|{alternatives(words.credit_labels)})\b", re.I),
        re.compile(
            rf"\b(?:{cues})\s+(?:{alternatives(words.definite_articles)})?\s*"
            rf"(?:{alternatives(words.outlet_nouns)})?\s*„?([A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*){{0,3}})"
        ),
    )


def metadata_patterns(words: WordLists | None = None) -> MetadataPatterns:
    """The patterns of `words` (default: the shipped lists), compiled once per word list."""
    return (words or shipped_words()).memo("metadata", _patterns)


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
    patterns = metadata_patterns(kb.lexicon)
    for line in cleaned.furniture:
        if patterns.credit.match(line):
            continue  # photo credits name photo agencies, not the outlet
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
    for match in patterns.spoke_with.finditer(cleaned.text):
        words = match.group(1).split()
        for n in range(len(words), 0, -1):
            phrase = " ".join(words[:n]).strip('“”".,')
            if phrase in media:
                return phrase
    return None


def infer_published(
    cleaned: Cleaned, default_year: int | None = None, words: WordLists | None = None
) -> str | None:
    """A dateline or byline date, or "am heutigen 3. Mai" with the year the text implies."""
    patterns, cal = metadata_patterns(words), calendar(words)
    for line in cleaned.furniture + cleaned.text.split("\n\n")[:2]:
        found = _full_date(line, patterns, cal.months)
        if found and (line in cleaned.furniture or len(line) < 80):
            return found
    match = patterns.today.search(cleaned.text)
    if match:
        word, weekday, day, month, year = match.groups()
        month_no = cal.months[month.lower()]
        candidates = [int(year)] if year else _candidate_years(cleaned.text, default_year)
        for y in candidates:  # the year in which the stated weekday fits the date
            d = _date(y, month_no, int(day))
            if d and (weekday is None or d.weekday() == cal.weekdays[weekday.lower()]):
                back = -cal.relative[word.lower()]  # "am gestrigen Sonntag, dem 3. …": published a day later
                return (d + timedelta(days=back)).isoformat()
    return None


def _candidate_years(text: str, default_year: int | None) -> list[int]:
    years = sorted({int(y) for y in YEAR.findall(text)} | ({default_year} if default_year else set()))
    if not years:
        return []
    return [years[-1], years[-1] + 1, years[-1] + 2, years[-1] - 1]


def _full_date(text: str, patterns: MetadataPatterns, months: dict[str, int]) -> str | None:
    m = patterns.full_date.search(text)
    if m:
        return _iso(int(m.group(3)), months[m.group(2).lower()], int(m.group(1)))
    m = NUMERIC.search(text)
    if m:
        return _iso(int(m.group(3)), int(m.group(2)), int(m.group(1)))
    return None


def _date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _iso(year: int, month: int, day: int) -> str | None:
    d = _date(year, month, day)
    return d.isoformat() if d else None
