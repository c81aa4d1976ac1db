"""Chart assets: unchanged charts come from the chart cache, parallel drawing gives the same SVGs."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from report_fixture import sample_report
from site_projects import files

from generator.charts import assets
from generator.charts.assets import FigureChart, MentionChart, RegionMap, StanceChart, draw_assets
from generator.render.write import collect_assets, render_report


def test_unchanged_charts_come_from_the_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache = tmp_path / "cache"
    render_report(sample_report(), tmp_path / "a", cache_dir=cache)
    assert list(cache.rglob("*.svg"))

    def refuse(self: object) -> str:
        raise AssertionError(f"redrawn: {self}")

    for kind in (FigureChart, StanceChart, MentionChart, RegionMap):
        monkeypatch.setattr(kind, "render", refuse)
    render_report(sample_report(), tmp_path / "b", cache_dir=cache)
    assert files(tmp_path / "a") == files(tmp_path / "b")
    report = sample_report()
    next(f for f in report.figures if f.value == 3000).value = 4000
    with pytest.raises(AssertionError, match="redrawn: FigureChart"):  # changed data: drawn anew
        render_report(report, tmp_path / "c", cache_dir=cache)


def test_parallel_drawing_gives_the_same_svgs(monkeypatch: pytest.MonkeyPatch) -> None:
    from generator.render.pages import plan_pages
    from generator.resolve.index import ReportIndex

    wanted = collect_assets(plan_pages(ReportIndex(sample_report())))
    serial = draw_assets(wanted)
    assets._figure_svg.cache_clear()  # the workers must draw, not inherit this process's results
    assets._stance_svg.cache_clear()
    monkeypatch.setattr(assets, "PARALLEL_FROM", 1)
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    assert draw_assets(wanted) == serial
