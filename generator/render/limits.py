"""Bounded lists on actor and region pages.

An actor named in a thousand articles would otherwise get a page with thousands of rows that
nobody reads and every build renders. Actor and region pages are overviews: their tables show
the newest `ROWS_SHOWN` rows (the most frequent, for co-mention lists) and say how many there
are in all and where the rest is. Nothing is lost: every statement stays on its claim page,
every figure on its series page, every sentence on its source page, and all of it in the data
files. Claim, series and source pages, which are those complete lists, are never cut.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from generator.model import Claim, Figure, Statement
from generator.resolve.index import ReportIndex

ROWS_SHOWN = 100


@dataclass(frozen=True)
class Shown:
    """The rows a table shows, and how many there are in all."""

    rows: list[Any]
    total: int

    @property
    def hidden(self) -> int:
        return self.total - len(self.rows)


def newest(rows: Sequence[Any], date: Callable[[Any], str | None], limit: int) -> Shown:
    """The `limit` rows with the latest dates, in their given order."""
    if len(rows) <= limit:
        return Shown(list(rows), len(rows))
    ranked = sorted(range(len(rows)), key=lambda i: (date(rows[i]) or "", -i), reverse=True)
    keep = set(ranked[:limit])
    return Shown([row for i, row in enumerate(rows) if i in keep], len(rows))


class Cut:
    """Table limits for templates (``cut.figures(figures)`` …), reading dates from the index."""

    def __init__(self, ix: ReportIndex, limit: int | None = None) -> None:
        self.ix = ix
        self.limit = ROWS_SHOWN if limit is None else limit

    def figures(self, figures: Sequence[Figure]) -> Shown:
        return newest(figures, self.ix.figure_date, self.limit)

    def statements(self, statements: Sequence[tuple[Claim, Statement]]) -> Shown:
        return newest(statements, lambda row: self.ix.statement_date(row[1]), self.limit)

    def sources(self, sources: Sequence[tuple[str, int]]) -> Shown:
        return newest(sources, lambda row: self.ix.published(row[0]), self.limit)

    def first(self, rows: Sequence[Any]) -> Shown:
        """The first rows (lists already ordered by importance, such as co-mentions)."""
        return Shown(list(rows[: self.limit]), len(rows))
