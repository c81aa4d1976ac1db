"""Figure series with their figures looked up, and where series and figures live on the site.

The page planner (`generator.render.pages`) reads them; templates get only the rows built from them.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from generator.model import Figure
from generator.render import limits
from generator.render.limits import Shown
from generator.resolve.index import ReportIndex


@dataclass(frozen=True)
class Conflict:
    """Two figures of one series that cannot both be right."""

    first: Figure
    second: Figure
    days: int


@dataclass
class FigureSeries:
    label: str  # the group label, e.g. "Soldaten"
    country: str | None  # ISO code of the party counted
    name: str  # e.g. "iranische Soldaten"
    slug: str = ""
    figures: list[Figure] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    window_days: int = 7

    @property
    def anchor(self) -> str:
        return f"reihe-{self.slug}"

    @property
    def title(self) -> str:
        """The name as a heading: "Iranische Soldaten"."""
        return self.name[:1].upper() + self.name[1:]

    @property
    def disputed(self) -> list[tuple[Figure, list[Figure]]]:
        """Each figure that some conflict involves, with the figures it cannot be reconciled with."""
        against: dict[str, list[Figure]] = defaultdict(list)
        for c in self.conflicts:
            against[c.first.id].append(c.second)
            against[c.second.id].append(c.first)
        return [(f, against[f.id]) for f in self.figures if f.id in against]


class SeriesPages:
    """Every figure's series, and where series and figures live on the site."""

    def __init__(self, ix: ReportIndex) -> None:
        self.ix = ix
        figures = {f.id: f for f in ix.report.figures}
        self.series: list[FigureSeries] = []
        self._of: dict[str, FigureSeries] = {}
        self._listed: dict[str, Shown] = {}
        self._listed_ids: set[str] = set()
        for s in ix.report.series:
            members = [figures[i] for i in s.figures]
            conflicts = [Conflict(figures[c.first], figures[c.second], c.days) for c in s.conflicts]
            view = FigureSeries(s.label, s.country, s.name, s.id, members, conflicts, s.window_days)
            self.series.append(view)
            self._of.update((f.id, view) for f in members)
        self._rank = {s.slug: n for n, s in enumerate(self.series)}
        self._by_slug = {s.slug: s for s in self.series}
        self._position = {f.id: n for s in self.series for n, f in enumerate(s.figures)}

    def of(self, figure: Figure) -> FigureSeries:
        return self._of[figure.id]

    def path(self, s: FigureSeries) -> str:
        return f"zahlen/{s.slug}.md"

    def listed(self, s: FigureSeries) -> Shown:
        """The figures its page's table lists: the newest `limits.EVIDENCE_ROWS`, in series order."""
        found = self._listed.get(s.slug)
        if found is None:
            found = self._listed[s.slug] = limits.newest(s.figures, self.ix.figure_date, limits.EVIDENCE_ROWS)
            self._listed_ids.update(f.id for f in found.rows)
        return found

    def figure_path(self, figure: Figure) -> str:
        """Where a figure's row lives: its series page, at its anchor (at the page's top if the
        page's table does not list it)."""
        s = self.of(figure)
        self.listed(s)
        if figure.id not in self._listed_ids:
            return self.path(s)
        return f"{self.path(s)}#{self.ix.figure_anchor(figure.id)}"

    def grouped(self, figures: Iterable[Figure]) -> list[tuple[FigureSeries, list[Figure]]]:
        """`figures` split by series, in the order of `self.series`, each group in its series'
        order, without repeats."""
        groups: dict[str, dict[str, Figure]] = {}
        for f in figures:
            groups.setdefault(self._of[f.id].slug, {})[f.id] = f
        ordered = sorted(groups, key=self._rank.__getitem__)
        return [
            (series, sorted(groups[slug].values(), key=lambda f: self._position[f.id]))
            for slug in ordered
            for series in [self._by_slug[slug]]
        ]
