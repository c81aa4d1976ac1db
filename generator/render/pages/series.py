"""Figure series: the summary every series gets, its own page (zahlen/x), and the Zahlen index."""

from __future__ import annotations

from dataclasses import dataclass, replace

from generator.base.formatting import format_number
from generator.charts.assets import FigureChart
from generator.render import limits
from generator.render.escape import Safe
from generator.render.limits import Shown
from generator.render.pages.kit import Kit, PageSpec
from generator.render.pages.rows import FigureRow
from generator.render.series_pages import FigureSeries


@dataclass(frozen=True)
class SeriesSummary:
    """A series as the overview, the Zahlen index and its own page sum it up."""

    name: str  # "iranische Soldaten"
    title: str  # "Iranische Soldaten"
    label: str  # the counted group, "Soldaten"
    country: str | None  # the party counted
    window_days: int
    link: Safe  # the name, linked to the series page
    figures: int
    conflicts: int  # pairs of figures that cannot both be right
    span: Safe  # "3.000 bis 4.500"
    first: str | None  # the earliest and latest date of its figures
    last: str | None
    claimants: int  # distinct voices
    latest: FigureRow  # the newest figure (the highest, on the same date)


@dataclass(frozen=True)
class Disputed:
    """A figure in a conflict, the figures it clashes with (cut), and how many more there are."""

    figure: FigureRow
    others: list[FigureRow]
    more: int


@dataclass(frozen=True)
class SeriesPage:
    summary: SeriesSummary
    regions: list[Safe]  # the places its figures name, by name
    disputed: Shown  # of Disputed, at most `limits.CONFLICTS_SHOWN`
    chart: FigureChart
    figures: Shown  # of FigureRow: all of them, or the newest `limits.EVIDENCE_ROWS`


@dataclass(frozen=True)
class FiguresIndex:
    summaries: list[SeriesSummary]
    total: int  # figures in all series
    example: str | None  # the party of the first series about a country ("iranische")


def series_summary(kit: Kit, s: FigureSeries) -> SeriesSummary:
    ix = kit.ix
    values = [f.value for f in s.figures]
    low, high = min(values), max(values)
    dates = sorted(d for f in s.figures if (d := ix.figure_date(f)))
    latest = max(s.figures, key=lambda f: (ix.figure_date(f) or "", f.value, f.id))
    return SeriesSummary(
        name=s.name,
        title=s.title,
        label=s.label,
        country=s.country,
        window_days=s.window_days,
        link=kit.ln.to(kit.series.path(s), s.name),
        figures=len(s.figures),
        conflicts=len(s.conflicts),
        span=Safe(format_number(low) + (f" bis {format_number(high)}" if high != low else "")),
        first=dates[0] if dates else None,
        last=dates[-1] if dates else None,
        claimants=len({f.voice for f in s.figures}),
        latest=kit.rows.figure(latest),
    )


def figure_chart(kit: Kit, s: FigureSeries) -> FigureChart:
    rows = tuple((replace(f, date=kit.ix.figure_date(f)), f.voice or "") for f in s.figures)
    return FigureChart(
        path=f"charts/zahlen-{s.slug}.svg", title=s.name, ylabel=f"Anzahl {s.label}", rows=rows
    )


def disputed(kit: Kit, s: FigureSeries) -> Shown:
    """The figures some conflict involves, each with those it cannot be reconciled with."""
    shown = limits.CONFLICTS_SHOWN
    rows = [
        Disputed(kit.rows.figure(f), kit.rows.figures(others[:shown]), max(len(others) - shown, 0))
        for f, others in s.disputed
    ]
    return limits.first(rows, shown)


def series_page(kit: Kit, s: FigureSeries, summary: SeriesSummary) -> PageSpec:
    ix = kit.ix
    chart = figure_chart(kit, s)
    listed = kit.series.listed(s)
    regions = sorted(
        {r for f in s.figures for r in f.regions},
        key=lambda r: ix.regions[r].name if r in ix.regions else r,
    )
    data = SeriesPage(
        summary=summary,
        regions=kit.rows.regions(regions),
        disputed=disputed(kit, s),
        chart=chart,
        figures=Shown(kit.rows.figures(listed.rows), listed.total),
    )
    return kit.page(kit.series.path(s), "series.md.j2", s.name, [f.doc for f in s.figures], data, (chart,))


def figures_index(kit: Kit, summaries: list[SeriesSummary]) -> PageSpec:
    about_countries = [k for k in summaries if k.country]
    example = about_countries[0] if about_countries else None
    data = FiguresIndex(
        summaries=summaries,
        total=sum(k.figures for k in summaries),
        example=example.name[: len(example.name) - len(example.label)].strip() if example else None,
    )
    return kit.page("zahlen/index.md", "figures.md.j2", "Zahlen", kit.all_docs, data)
