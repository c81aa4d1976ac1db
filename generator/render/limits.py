"""Bounded lists on every page, so that no page grows with the corpus.

An actor named in a thousand articles would otherwise get a page with thousands of rows that
nobody reads and every build renders. Actor and region pages are overviews: their tables show
the newest `ROWS_SHOWN` rows (the most frequent, for co-mention lists) and say how many there
are in all and where the rest is. Claim and series pages list their evidence in full up to
`EVIDENCE_ROWS` rows (the newest beyond that, with the count and the data file that has all).
Nothing is lost: every sentence stays on its source page, every statement and figure on the
Chronik page of its day, and all of it in the data files; a link to a statement or figure whose
row its claim or series page does not list leads to that page's top. The conflicts box above a
series' table shows at most `CONFLICTS_SHOWN` disputed figures.

A section index lists everything, `INDEX_ROWS` rows a page.

The limits are read when a list is cut, so a test may change them for one build.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

ROWS_SHOWN = 100

INDEX_ROWS = 1000
"""Rows on one page of a section index (Akteure, Regionen, Behauptungen, Quellen); a longer
index continues on further pages (``quellen/seite-2/``)."""

EVIDENCE_ROWS = 300
"""Most statements a claim page lists (and figures in their sentences), most figures a series
page lists: the newest. About 200 kB of HTML each."""

NAMES_SHOWN = 30
"""Most links in one line of names on a claim page (Geäußert von, Betrifft, Orte): a claim
repeated by hundreds of speakers names the `NAMES_SHOWN` with the most statements and says how many
more there are (the stance table below lists all). A line of hundreds of links is no use to a
reader, and Markdown takes time quadratic in the links of one paragraph to convert it."""

CONFLICTS_SHOWN = 20
"""At most this many disputed figures (and, per figure, figures it clashes with) in a series'
conflicts box; the table of all figures follows on the same page."""


@dataclass(frozen=True)
class Shown:
    """The rows a table shows, and how many there are in all."""

    rows: list[Any]
    total: int

    @property
    def hidden(self) -> int:
        return self.total - len(self.rows)


def newest(rows: Sequence[Any], date: Callable[[Any], str | None], limit: int | None = None) -> Shown:
    """The `limit` (default `ROWS_SHOWN`) rows with the latest dates, in their given order."""
    limit = ROWS_SHOWN if limit is None else limit
    if len(rows) <= limit:
        return Shown(list(rows), len(rows))
    ranked = sorted(range(len(rows)), key=lambda i: (date(rows[i]) or "", -i), reverse=True)
    keep = set(ranked[:limit])
    return Shown([row for i, row in enumerate(rows) if i in keep], len(rows))


def most(rows: Sequence[Any], weight: Callable[[Any], int], limit: int) -> Shown:
    """The `limit` rows of the greatest `weight` (the earlier of equal ones), in their given order."""
    if len(rows) <= limit:
        return Shown(list(rows), len(rows))
    ranked = sorted(range(len(rows)), key=lambda i: (-weight(rows[i]), i))
    keep = set(ranked[:limit])
    return Shown([row for i, row in enumerate(rows) if i in keep], len(rows))


def first(rows: Sequence[Any], limit: int | None = None) -> Shown:
    """The first `limit` (default `ROWS_SHOWN`) rows, for lists already ordered by importance."""
    limit = ROWS_SHOWN if limit is None else limit
    return Shown(list(rows[:limit]), len(rows))
