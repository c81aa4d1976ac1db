"""Chart and map specifications: where each SVG goes, what it shows, its text alternative.

Pages embed these specs; `generator.render.write` writes each distinct one once (by path), drawn
by `draw_assets`. A spec is built from the model only, so the same report gives the same files:
`cache_key()` names what a drawing depends on, and an on-disk cache (`ChartCache`) keyed by it
and by the drawing code's version lets a rebuild skip matplotlib for every unchanged chart.
Many charts to draw are drawn in parallel processes; the SVG does not depend on which.
"""

from __future__ import annotations

import hashlib
import logging
import os
from collections import Counter
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from pathlib import Path
from typing import Protocol

import matplotlib

from generator.base.cache import touch
from generator.base.digest import code_digest
from generator.base.files import write_atomic
from generator.charts.figures import (
    NARROW,
    WIDE,
    ChartPoint,
    Layout,
    alt_text,
    caption,
    mention_alt,
    render_chart,
    render_mentions,
)
from generator.charts.maps import format_coordinates, render_map, shapes_path
from generator.charts.stances import StancePoint, render_stances, stance_alt
from generator.model import Figure, Region

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

    def cache_key(self) -> str: ...

    def variants(self) -> tuple[Asset, ...]:
        """Further files the page embeds with this one (a chart's narrow drawing for phones)."""
        ...


NARROW_SUFFIX = "-schmal.svg"


class _Narrowable:
    """A chart drawn twice: wide (`path`) and narrow (`narrow_path`), for screens under 600 px.

    Pages embed both pictures; the style sheet shows one (docs/stylesheets/lagebild.css)."""

    path: str
    narrow: bool

    @property
    def narrow_path(self) -> str:
        return self.path.removesuffix(".svg") + NARROW_SUFFIX

    def variants(self) -> tuple[Asset, ...]:
        if self.narrow:
            return ()
        return (replace(self, path=self.narrow_path, narrow=True),)  # type: ignore[type-var]

    @property
    def layout(self) -> Layout:
        return NARROW if self.narrow else WIDE


@dataclass(frozen=True)
class FigureChart(_Narrowable):
    """Figures of one series over time, one colour and marker per claimant."""

    path: str
    title: str
    ylabel: str
    rows: tuple[tuple[Figure, str], ...]  # (figure with its effective date, claimant label)
    narrow: bool = False

    @property
    def points(self) -> list[ChartPoint]:
        points = []
        for f, s in self.rows:
            band = (
                (f.low, f.high) if f.bound == "approx" and f.low is not None and f.high is not None else None
            )
            points.append(ChartPoint(f.date or "", f.value, s, f.bound, f.qualifier, band))
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
        return _figure_svg(tuple(self.points), self.title, self.ylabel, self.layout)

    def cache_key(self) -> str:
        return repr(("figures", tuple(self.points), self.title, self.ylabel, self.narrow))


TABLE_ROWS = 200
"""Most rows in the data table under a stance chart; a longer one is summed up by actor and stance."""


@dataclass(frozen=True)
class StanceSpan:
    """An actor's statements of one stance on a claim: from when to when, how many."""

    claimant: str
    stance: str
    first: str  # ISO date, "" if none is dated
    last: str
    statements: int


@dataclass(frozen=True)
class StanceChart(_Narrowable):
    """Who took which stance on a claim, when."""

    path: str
    title: str
    points: tuple[StancePoint, ...]
    narrow: bool = False

    @property
    def alt(self) -> str:
        return stance_alt(self.points, title=self.title)

    @property
    def caption(self) -> str:
        return "Haltungen im Zeitverlauf, nach Akteur"

    @property
    def table(self) -> list[tuple[StancePoint, int]]:
        """The data as the chart's table lists them: each (date, actor, stance) once, in the order
        of the points, with how many statements it stands for (a claim repeated by hundreds of
        reports gets a table of its distinct points, not one row per report)."""
        return list(Counter(self.points).items())

    @property
    def summary(self) -> list[StanceSpan]:
        """The data by actor and stance (first and last date, statements), for a chart whose
        `table` would be longer than `TABLE_ROWS`; by actor, then stance."""
        spans: dict[tuple[str, str], list[StancePoint]] = {}
        for p in self.points:
            spans.setdefault((p.claimant, p.stance), []).append(p)
        rows = []
        for (claimant, stance), points in spans.items():
            dates = sorted(p.date for p in points if p.date) or [""]
            rows.append(StanceSpan(claimant, stance, dates[0], dates[-1], len(points)))
        return sorted(rows, key=lambda r: (r.claimant.casefold(), r.claimant, r.stance))

    @property
    def long(self) -> bool:
        """Whether the table would have more than `TABLE_ROWS` rows (then `summary` stands in)."""
        return len(set(self.points)) > TABLE_ROWS

    @property
    def drawn(self) -> tuple[StancePoint, ...]:
        """The points the chart draws: each (date, actor, stance) once, in a fixed order. The same
        statement reported again on the same day changes the table's count, not the picture, so
        it does not redraw the chart."""
        return tuple(sorted(set(self.points), key=lambda p: (p.claimant, p.date, p.stance)))

    def render(self) -> str:
        return _stance_svg(self.drawn, self.title, self.layout)

    def cache_key(self) -> str:
        return repr(("stances", self.drawn, self.title, self.narrow))


@dataclass(frozen=True)
class MentionChart(_Narrowable):
    """How often an actor is mentioned, per date."""

    path: str
    title: str
    counts: tuple[tuple[str, int], ...]  # (ISO date, mentions), dated only
    narrow: bool = False

    @property
    def alt(self) -> str:
        return mention_alt(self.counts, title=self.title)

    @property
    def caption(self) -> str:
        return "Erwähnungen je Datum"

    def render(self) -> str:
        return render_mentions(self.counts, title=self.title, layout=self.layout)

    def cache_key(self) -> str:
        return repr(("mentions", self.counts, self.title, self.narrow))


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
        if self.region.type == "country":
            return f"Karte: {self.country_label} und Nachbarländer, {self.country_label} hervorgehoben."
        if self.marked:
            coords = format_coordinates(self.region.lat or 0.0, self.region.lon or 0.0)
            return f"Karte: {self.region.name} ({self.country_label}), markiert bei {coords}."
        where = f"die genaue Lage von {self.region.name} ist nicht bekannt"
        return f"Karte: {self.country_label} hervorgehoben; {where}."

    def render(self) -> str:
        return render_map(self.region)

    def variants(self) -> tuple[Asset, ...]:
        return ()  # a map scales with the screen: it has no labels to keep readable

    def cache_key(self) -> str:
        # What the map shows, not the region's mentions: a new mention must not redraw the map.
        r = self.region
        shown = (r.id, r.name, r.type, r.country, r.lat, r.lon)
        return repr(("map", shown, shapes_path().name, shapes_path().stat().st_size))


# Same data, same SVG: within one process (tests, repeated builds) each chart is drawn once.
@lru_cache(maxsize=1024)
def _figure_svg(points: tuple[ChartPoint, ...], title: str, ylabel: str, layout: Layout) -> str:
    return render_chart(points, title=title, ylabel=ylabel, layout=layout)


@lru_cache(maxsize=1024)
def _stance_svg(points: tuple[StancePoint, ...], title: str, layout: Layout) -> str:
    return render_stances(points, title=title, layout=layout)


# Drawing: on-disk cache, parallel processes ---------------------------------------------------

PARALLEL_FROM = 50
"""Draw in parallel processes from this many charts and maps to draw (fewer: not worth starting them)."""

log = logging.getLogger(__name__)


@cache
def drawing_version() -> str:
    """A hash of the drawing code and matplotlib's version: a change to either redraws everything."""
    digest = hashlib.sha256(matplotlib.__version__.encode())
    digest.update(code_digest("charts", "base").encode())
    return digest.hexdigest()[:16]


class ChartCache:
    """Drawn SVGs in `folder`, one file per hash of (drawing version, asset's cache key)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.hits = 0

    def _path(self, asset: Asset) -> Path:
        key = hashlib.sha256(f"{drawing_version()}\n{asset.cache_key()}".encode()).hexdigest()
        return self.folder / key[:2] / f"{key}.svg"

    def get(self, asset: Asset) -> str | None:
        path = self._path(asset)
        try:
            svg = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            return None
        self.hits += 1
        touch(path)
        return svg

    def put(self, asset: Asset, svg: str) -> None:
        path = self._path(asset)
        try:
            write_atomic(path, svg)
        except OSError as exc:
            log.warning("%s: could not write chart cache entry (%s)", path, exc)


def draw_assets(assets: Sequence[Asset], cache_dir: Path | None = None) -> dict[str, str]:
    """The SVG of every asset, by path: from the cache in `cache_dir` where present, else drawn."""
    store = ChartCache(cache_dir) if cache_dir is not None else None
    svgs: dict[str, str] = {}
    missing: list[Asset] = []
    for asset in assets:
        found = store.get(asset) if store is not None else None
        if found is None:
            missing.append(asset)
        else:
            svgs[asset.path] = found
    for asset, svg in zip(missing, _draw(missing), strict=True):
        svgs[asset.path] = svg
        if store is not None:
            store.put(asset, svg)
    if store is not None and store.hits:
        log.info("%d of %d charts and maps unchanged, taken from the cache", store.hits, len(assets))
    return {asset.path: svgs[asset.path] for asset in assets}


def _draw(assets: Sequence[Asset]) -> list[str]:
    """Draw `assets` in order: in this process, or in one process per CPU when there are many."""
    workers = os.cpu_count() or 1
    if len(assets) < PARALLEL_FROM or workers < 2:
        return [asset.render() for asset in assets]
    with ProcessPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(_render, assets, chunksize=max(1, len(assets) // (4 * workers))))


def _render(asset: Asset) -> str:
    return asset.render()
