"""The timeline (Chronik): publications, statements and figures by the date they refer to.

A statement or figure is placed on its sentence's own date when extraction resolved one
("am Donnerstag" in an article of 28.10.2024 → 24.10.2024), else on its own date, else on the
publication date; entries whose date came from the sentence are marked as resolved.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from .model import Claim, Figure, Statement
from .relations import Relations
from .views import ReportIndex

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
