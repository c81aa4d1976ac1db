"""The timeline (Chronik): publications, statements and figures by the date they refer to.

A statement or figure is placed on its sentence's own date when extraction resolved one
("am Donnerstag" in an article of 28.10.2024 → 24.10.2024), else on its own date, else on the
publication date; entries whose date came from the sentence are marked as resolved. The
timeline has one page per month (``chronik/2024-10/``, days anchored ``#tag-2024-10-24``)
and one for undated entries, so that no page grows with the whole corpus.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from generator.model import Claim, Figure, Statement
from generator.nlp.dates import MONTHS
from generator.resolve.index import ReportIndex
from generator.resolve.relations import Relations

KIND_ORDER = {"published": 0, "statement": 1, "figure": 2}


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
        return sum(1 for day in self.days for e in day.entries if e.kind == kind)


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
