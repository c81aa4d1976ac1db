"""Locator maps from the Natural Earth shapes shipped in a wheel: drawn offline, reproducible."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from report_fixture import sample_report

from generator.charts.maps import MapError, format_coordinates, has_map, render_map
from generator.model import Region
from generator.render.write import render_report

SVG = "{http://www.w3.org/2000/svg}"
KURSK = Region("kursk", "Kursk", "city", country="RU", lat=51.73, lon=36.19)


def texts(svg: str) -> list[str]:
    return ["".join(t.itertext()) for t in ET.fromstring(svg).iter(f"{SVG}text")]


def test_city_map_marks_the_place_in_its_country() -> None:
    svg = render_map(KURSK)
    assert "Kursk" in texts(svg)
    assert svg == render_map(KURSK)  # reproducible
    assert "<dc:date>" not in svg
    assert len(svg) < 200_000  # simplified outlines, not the full 1:10m detail


def test_country_map_names_the_country_without_marker() -> None:
    svg = render_map(Region("russland", "Russland", "country", country="RU"))
    assert texts(svg) == ["Russland"]


def test_regions_without_a_known_country_get_no_map() -> None:
    assert not has_map(Region("sergeevka", "Sergeevka", "city"))
    assert not has_map(Region("x", "X", "city", country="ZZ"))
    with pytest.raises(MapError, match="ZZ"):
        render_map(Region("x", "X", "city", country="ZZ"))


def test_coordinates_in_german() -> None:
    assert format_coordinates(51.727, 36.185) == "51,73° N, 36,19° O"
    assert format_coordinates(-33.9, -70.65) == "33,9° S, 70,65° W"


def test_region_page_embeds_its_map(tmp_path: Path) -> None:
    render_report(sample_report(), tmp_path)
    assert (tmp_path / "karten/kursk.svg").is_file()
    page = (tmp_path / "regionen/kursk.md").read_text("utf-8")
    assert "![Karte: Kursk (Russland), markiert bei 51,73° N, 36,19° O.](../karten/kursk.svg)" in page
    assert "**Koordinaten:** 51,73° N, 36,19° O (GeoNames)" in page
    area = (tmp_path / "regionen/ferner-osten-russlands.md").read_text("utf-8")
    assert "die genaue Lage von Ferner Osten Russlands ist nicht bekannt" in area
