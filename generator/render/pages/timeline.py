"""The Chronik: an index of months and one page per month, days in order (`generator.resolve.timeline`)."""

from __future__ import annotations

from dataclasses import dataclass

from generator.render.escape import Safe
from generator.render.pages.kit import Kit, PageSpec
from generator.render.pages.rows import FigureRow, StatementRow
from generator.resolve.timeline import Day, Entry, Month, days, months


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
    title: str  # "Oktober 2024"
    days: list[DayRows]


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


def timeline_pages(kit: Kit) -> list[PageSpec]:
    """The Chronik index, then one page per month."""
    chronicle = months(days(kit.ix, kit.rel))
    index = TimelineIndex([month_row(kit, m) for m in chronicle])
    pages = [kit.page("chronik/index.md", "timeline.md.j2", "Chronik", kit.all_docs, index)]
    for month in chronicle:
        month_docs = sorted({e.doc for day in month.days for e in day.entries})
        data = MonthPage(month.title, [day_rows(kit, day) for day in month.days])
        title = f"Chronik: {month.title}"
        pages.append(kit.page(month.path, "timeline_month.md.j2", title, month_docs, data))
    return pages
