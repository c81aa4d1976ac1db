"""Chart and map specifications: where each SVG goes, what it shows, its text alternative.

Pages embed these specs; `generator.render` writes each distinct one once (by path) through
its `render()`. A spec is built from the model only, so the same report gives the same files.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Protocol

from .charts import ChartPoint, alt_text, caption, mention_alt, render_chart, render_mentions
from .model import Figure, Region
from .series import load_rules
from .stance_chart import StancePoint, render_stances, stance_alt

BOUND_NOTES = {
    "lower": "Pfeil nach oben: Untergrenze (mindestens, mehr als)",
    "upper": "Pfeil nach unten: Obergrenze (fast, bis zu)",
    "approx": "Balken: ungefähre Angabe (etwa, rund)",
}


class Asset(Protocol):
    """Anything a page embeds as a file of its own."""

    @property
    def path(self) -> str: ...

    def render(self) -> str: ...


@dataclass(frozen=True)
class FigureChart:
    """Figures of one series over time, one colour and marker per claimant."""

    path: str
    title: str
    ylabel: str
    rows: tuple[tuple[Figure, str], ...]  # (figure with its effective date, claimant label)

    @property
    def points(self) -> list[ChartPoint]:
        rules = load_rules()
        points = []
        for f, s in self.rows:
            kind = rules.bound(f.qualifier)
            low, high = rules.range_of(f)
            band = (low, high) if kind == "approx" and high is not None else None
            points.append(ChartPoint(f.date or "", f.value, s, kind, f.qualifier, band))
        return points

    @property
    def alt(self) -> str:
        return alt_text(self.points, title=self.title)

    @property
    def caption(self) -> str:
        return caption(self.points)

    @property
    def bounds_note(self) -> str:
        """How the chart shows qualifiers, for the bounds it actually has ("" if none)."""
        kinds = {p.bound for p in self.points}
        return "; ".join(text for kind, text in BOUND_NOTES.items() if kind in kinds)

    def render(self) -> str:
        return _figure_svg(tuple(self.points), self.title, self.ylabel)


@dataclass(frozen=True)
class StanceChart:
    """Who took which stance on a claim, when."""

    path: str
    title: str
    points: tuple[StancePoint, ...]

    @property
    def alt(self) -> str:
        return stance_alt(self.points, title=self.title)

    @property
    def caption(self) -> str:
        return "Haltungen im Zeitverlauf, nach Akteur"

    def render(self) -> str:
        return _stance_svg(self.points, self.title)


@dataclass(frozen=True)
class MentionChart:
    """How often an actor is mentioned, per date."""

    path: str
    title: str
    counts: tuple[tuple[str, int], ...]  # (ISO date, mentions), dated only

    @property
    def alt(self) -> str:
        return mention_alt(self.counts, title=self.title)

    @property
    def caption(self) -> str:
        return "Erwähnungen je Datum"

    def render(self) -> str:
        return render_mentions(self.counts, title=self.title)


@dataclass(frozen=True)
class RegionMap:
    """A region's country drawn from Natural Earth shapes, the place marked if it has coordinates."""

    path: str
    region: Region
    country_label: str

    @property
    def marked(self) -> bool:
        return self.region.lat is not None and self.region.lon is not None and self.region.type != "country"

    @property
    def alt(self) -> str:
        from .maps import format_coordinates

        if self.region.type == "country":
            return f"Karte: {self.country_label} und Nachbarländer, {self.country_label} hervorgehoben."
        if self.marked:
            coords = format_coordinates(self.region.lat or 0.0, self.region.lon or 0.0)
            return f"Karte: {self.region.name} ({self.country_label}), markiert bei {coords}."
        where = f"die genaue Lage von {self.region.name} ist nicht bekannt"
        return f"Karte: {self.country_label} hervorgehoben; {where}."

    def render(self) -> str:
        from .maps import render_map

        return render_map(self.region)


# Same data, same SVG: within one process (tests, repeated builds) each chart is drawn once.
@lru_cache(maxsize=1024)
def _figure_svg(points: tuple[ChartPoint, ...], title: str, ylabel: str) -> str:
    return render_chart(points, title=title, ylabel=ylabel)


@lru_cache(maxsize=1024)
def _stance_svg(points: tuple[StancePoint, ...], title: str) -> str:
    return render_stances(points, title=title)
