"""The timeline (Chronik): publications, statements and figures by the date they refer to.

A statement or figure is placed on its sentence's own date when extraction resolved one
("am Donnerstag" in an article of 28.10.2024 → 24.10.2024), else on its own date, else on the
publication date; entries whose date came from the sentence are marked as resolved. The
timeline has one page per month (``chronik/2024-10/``, days anchored ``#tag-2024-10-24``)
and one for undated entries, so that no page grows with the whole corpus.

A month with more than `PAGE_ENTRIES` entries (a busy month of a large corpus) is split
(`split`): its page lists the pages it was split into, one per calendar week
(``chronik/2024-10-kw43/``); a week that is still too long gives each of its days a page
(``chronik/2024-10-24/``), and a day that is still too long is cut into parts
(``chronik/2024-10-24-teil-2/``). So no Chronik page grows with the size of the corpus either.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from itertools import groupby

from generator.model import Claim, Figure, Statement
from generator.nlp.dates import MONTHS
from generator.resolve.index import ReportIndex
from generator.resolve.relations import Relations

KIND_ORDER = {"published": 0, "statement": 1, "figure": 2}
PAGE_ENTRIES = 800
"""Most entries on one Chronik page (about 450 kB of HTML at the entries' usual length)."""


@dataclass(frozen=True)
class Entry:
    """One line of the timeline."""

    date: str  # ISO date, "" if unknown
    kind: str  # "published" | "statement" | "figure"
    doc: str
    sentence: int = -1
    resolved: bool = False  # the date is the sentence's own, not the article's
    claim: Claim | None = None
    statement: Statement | None = None
    figure: Figure | None = None

    @property
    def key(self) -> tuple[int, str, int, str]:
        ident = self.statement.id if self.statement else self.figure.id if self.figure else ""
        return (KIND_ORDER[self.kind], self.doc, self.sentence, ident)


@dataclass(frozen=True)
class Day:
    date: str  # ISO date, "" for undated entries
    entries: list[Entry]

    @property
    def anchor(self) -> str:
        return f"tag-{self.date}" if self.date else "ohne-datum"


def count(days: list[Day], kind: str) -> int:
    """Entries of `kind` ("published", "statement", "figure") on `days`."""
    return sum(1 for day in days for e in day.entries if e.kind == kind)


@dataclass(frozen=True)
class Month:
    key: str  # "2024-10", "" for undated entries
    days: list[Day]

    @property
    def slug(self) -> str:
        return self.key or "ohne-datum"

    @property
    def path(self) -> str:
        return f"chronik/{self.slug}.md"

    @property
    def title(self) -> str:
        if not self.key:
            return "Ohne Datum"
        year, month = self.key.split("-")
        return f"{MONTHS[int(month) - 1].capitalize()} {year}"

    def count(self, kind: str) -> int:
        return count(self.days, kind)


@dataclass(frozen=True)
class Part:
    """One page of a month that is too long for one page: a week, a day, or a part of a day."""

    month: Month
    slug: str  # "2024-10-kw43", "2024-10-24", "2024-10-24-teil-2"
    title: str  # "KW 43 (21.10.–27.10.2024)", "24.10.2024", "24.10.2024, Teil 2 von 3"
    days: list[Day]  # a day cut into parts has only some of its entries here

    @property
    def path(self) -> str:
        return f"chronik/{self.slug}.md"

    def count(self, kind: str) -> int:
        return count(self.days, kind)


def _size(days: list[Day]) -> int:
    return sum(len(day.entries) for day in days)


def _german(iso: str) -> str:
    return f"{iso[8:10]}.{iso[5:7]}.{iso[:4]}"


def _day_pages(month: Month, day: Day, limit: int) -> list[Part]:
    """One page for `day`, or parts of at most `limit` entries (the first keeps a date's slug)."""
    slug = day.date or month.slug
    title = _german(day.date) if day.date else month.title
    if len(day.entries) <= limit:
        return [Part(month, slug, title, [day])]
    cuts = range(0, len(day.entries), limit)
    return [
        Part(
            month,
            slug if n == 1 and day.date else f"{slug}-teil-{n}",  # "ohne-datum" is the month's
            f"{title}, Teil {n} von {len(cuts)}",
            [Day(day.date, day.entries[start : start + limit])],
        )
        for n, start in enumerate(cuts, start=1)
    ]


def _week(day: Day) -> int:
    return date.fromisoformat(day.date).isocalendar().week


def split(month: Month, limit: int | None = None) -> list[Part]:
    """The pages a month is split into, oldest first; [] while the month fits on its own page.

    Calendar weeks (only their days in this month), then days for a week that is too long,
    then parts for a day that is too long. Undated entries have no weeks: only parts. At most
    `limit` entries a page (default `PAGE_ENTRIES`)."""
    limit = PAGE_ENTRIES if limit is None else limit
    if _size(month.days) <= limit:
        return []
    if not month.key:
        return [part for day in month.days for part in _day_pages(month, day, limit)]
    pages: list[Part] = []
    for week, grouped in groupby(month.days, key=_week):
        days = list(grouped)
        if _size(days) > limit:
            pages += [part for day in days for part in _day_pages(month, day, limit)]
            continue
        first, last = days[0].date, days[-1].date
        span = f"{first[8:10]}.{first[5:7]}.–{_german(last)}" if first != last else _german(first)
        pages.append(Part(month, f"{month.key}-kw{week:02d}", f"KW {week} ({span})", days))
    return pages


def months(all_days: list[Day]) -> list[Month]:
    """Days grouped by month, oldest first; undated entries last."""
    grouped: dict[str, list[Day]] = defaultdict(list)
    for day in all_days:
        grouped[day.date[:7]].append(day)
    return [Month(key, grouped[key]) for key in sorted(grouped, key=lambda k: (k == "", k))]


def _resolved(ix: ReportIndex, doc: str, index: int) -> bool:
    sentence = ix.sentence(doc, index)
    return bool(sentence and sentence.date and sentence.date != ix.published(doc))


def entries(ix: ReportIndex, rel: Relations) -> list[Entry]:
    found = [Entry(d.source.published or "", "published", d.id) for d in ix.sorted_documents()]
    for claim, st in rel.statements:
        found.append(
            Entry(
                ix.statement_date(st) or "",
                "statement",
                st.doc,
                st.sentence,
                _resolved(ix, st.doc, st.sentence),
                claim=claim,
                statement=st,
            )
        )
    for f in rel.figures:
        found.append(
            Entry(
                ix.figure_date(f) or "",
                "figure",
                f.doc,
                f.sentence,
                _resolved(ix, f.doc, f.sentence),
                figure=f,
            )
        )
    return found


def days(ix: ReportIndex, rel: Relations) -> list[Day]:
    """Entries grouped by date, oldest first; undated entries last."""
    by_date: dict[str, list[Entry]] = defaultdict(list)
    for entry in entries(ix, rel):
        by_date[entry.date].append(entry)
    ordered = sorted(by_date, key=lambda d: (d == "", d))
    return [Day(d, sorted(by_date[d], key=lambda e: e.key)) for d in ordered]
