"""The Chronik: an index of months and one page per month, days in order (`generator.resolve.timeline`).

A month too long for one page (`generator.resolve.timeline.split`) gets an overview page instead:
its weeks (or days) with their counts, each linked to its own page, and every day's anchor, so a
link to ``chronik/2024-10/#tag-2024-10-24`` still leads to the day."""

from __future__ import annotations

from dataclasses import dataclass

from generator.render.escape import Safe
from generator.render.pages.kit import Kit, PageSpec
from generator.render.pages.rows import FigureRow, StatementRow
from generator.resolve.timeline import Day, Entry, Month, Part, days, months, split


@dataclass(frozen=True)
class MonthRow:
    link: Safe  # "Oktober 2024" → its page
    days: int
    published: int  # publications, statements and figures that month
    statements: int
    figures: int


@dataclass(frozen=True)
class EntryRow:
    """One line of a day: a publication, a statement or a figure."""

    kind: str  # "published" | "statement" | "figure"
    source: Safe  # the outlet → the source page
    title: str  # the source's title
    published: str | None  # the article's date
    resolved: bool  # dated by its sentence ("am Donnerstag"), not by the article
    statement: StatementRow | None
    figure: FigureRow | None


@dataclass(frozen=True)
class DayRows:
    date: str  # ISO date, "" for undated entries
    anchor: str
    entries: list[EntryRow]


@dataclass(frozen=True)
class TimelineIndex:
    months: list[MonthRow]  # oldest first, undated last


@dataclass(frozen=True)
class MonthPage:
    title: str  # "Oktober 2024", or a part of a month: "KW 43 (21.10.–27.10.2024)", "24.10.2024"
    days: list[DayRows]
    month: Safe | None = None  # on a part of a month: the link to the month's overview


@dataclass(frozen=True)
class PartRow:
    link: Safe  # "KW 43 (21.10.–27.10.2024)" → its page
    days: int
    published: int
    statements: int
    figures: int


@dataclass(frozen=True)
class DayLink:
    date: str  # ISO date, "" for undated entries
    anchor: str  # the day's anchor, here and on its page
    entries: int
    page: Safe  # the page that lists the day (the first part of a day cut into parts)


@dataclass(frozen=True)
class SplitMonthPage:
    """The page of a month whose entries are on several pages."""

    title: str
    parts: list[PartRow]
    days: list[DayLink]


def entry_row(kit: Kit, e: Entry) -> EntryRow:
    rows, ix = kit.rows, kit.ix
    statement = rows.statement(e.claim, e.statement) if e.claim and e.statement else None
    figure = rows.figure(e.figure) if e.figure else None
    return EntryRow(
        kind=e.kind,
        source=rows.source_link(e.doc),
        title=ix.source_title(e.doc),
        published=ix.published(e.doc),
        resolved=e.resolved,
        statement=statement,
        figure=figure,
    )


def day_rows(kit: Kit, day: Day) -> DayRows:
    return DayRows(day.date, day.anchor, [entry_row(kit, e) for e in day.entries])


def month_row(kit: Kit, month: Month) -> MonthRow:
    link = kit.ln.to(month.path, month.title)
    counts = [month.count(kind) for kind in ("published", "statement", "figure")]
    return MonthRow(link, len(month.days), *counts)


def _docs(all_days: list[Day]) -> list[str]:
    return sorted({e.doc for day in all_days for e in day.entries})


def split_month(kit: Kit, month: Month, parts: list[Part]) -> list[PageSpec]:
    """The overview page of a month that was split, then a page per part."""
    rows = [
        PartRow(
            kit.ln.to(part.path, part.title),
            len(part.days),
            *(part.count(kind) for kind in ("published", "statement", "figure")),
        )
        for part in parts
    ]
    first: dict[str, Part] = {}
    for part in parts:
        for day in part.days:
            first.setdefault(day.anchor, part)
    links = [
        DayLink(day.date, day.anchor, len(day.entries), kit.ln.to(f"{page.path}#{day.anchor}", page.title))
        for day in month.days
        for page in [first[day.anchor]]
    ]
    overview = SplitMonthPage(month.title, rows, links)
    title = f"Chronik: {month.title}"
    pages = [kit.page(month.path, "timeline_split.md.j2", title, _docs(month.days), overview)]
    up = kit.ln.to(month.path, month.title)
    for part in parts:
        data = MonthPage(part.title, [day_rows(kit, day) for day in part.days], up)
        title = f"Chronik: {part.title}"
        pages.append(kit.page(part.path, "timeline_month.md.j2", title, _docs(part.days), data))
    return pages


def timeline_pages(kit: Kit) -> list[PageSpec]:
    """The Chronik index, then one page per month (and per part of a month that was split)."""
    chronicle = months(days(kit.ix, kit.rel))
    index = TimelineIndex([month_row(kit, m) for m in chronicle])
    pages = [kit.page("chronik/index.md", "timeline.md.j2", "Chronik", kit.all_docs, index)]
    for month in chronicle:
        parts = split(month)
        if parts:
            pages += split_month(kit, month, parts)
            continue
        data = MonthPage(month.title, [day_rows(kit, day) for day in month.days])
        title = f"Chronik: {month.title}"
        pages.append(kit.page(month.path, "timeline_month.md.j2", title, _docs(month.days), data))
    return pages
