"""Reproducible SVG charts of figures over time, one marker and colour per claimant.

Same points in → byte-identical SVG out: fixed hash salt, no date metadata, text kept as
text, series ordered by name. Numbers and dates are German (12.000, 24.10.2024).
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

import matplotlib

matplotlib.use("Agg")

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
from matplotlib.ticker import FuncFormatter

from .formatting import UNATTRIBUTED, format_date, format_number

# Okabe–Ito: distinguishable with colour-vision deficiencies; markers differ as well.
COLOURS = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#F0E442")
MARKERS = ("o", "s", "^", "D", "v", "P", "X", "*")
STYLE: dict[str, object] = {
    "svg.hashsalt": "lagebild",
    "svg.fonttype": "none",
    "text.parse_math": False,  # article text may contain "$"
    "font.family": "sans-serif",
    "font.sans-serif": ["DejaVu Sans", "Arial", "Helvetica"],
    "font.size": 10,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "axes.grid.axis": "y",
    "grid.color": "#dddddd",
    "axes.titlesize": 12,
    "axes.titleweight": "bold",
    "axes.titlelocation": "left",
}


@dataclass(frozen=True)
class ChartPoint:
    """One figure to plot: when it was stated, its value, and who stated it."""

    date: str  # ISO date YYYY-MM-DD
    value: float
    series: str  # claimant name (or "ohne Zuschreibung")


def _parse(iso: str) -> date | None:
    try:
        return date.fromisoformat(iso)
    except ValueError:
        return None


def plottable(points: Sequence[ChartPoint]) -> list[ChartPoint]:
    """Points with a full ISO date, in a stable order."""
    return sorted((p for p in points if _parse(p.date)), key=lambda p: (p.series, p.date, p.value))


def over_time(points: Sequence[ChartPoint]) -> bool:
    """Plot over time when at least half of the points are dated; else by claimant."""
    dated = len(plottable(points))
    return dated > 0 and 2 * dated >= len(points)


def caption(points: Sequence[ChartPoint]) -> str:
    return "Angaben im Zeitverlauf, nach Urheber" if over_time(points) else "Angaben nach Urheber"


def series_names(points: Sequence[ChartPoint]) -> list[str]:
    return sorted({p.series for p in points})


def render_chart(points: Sequence[ChartPoint], *, title: str, ylabel: str) -> str:
    """Return an SVG (text) of `points`, one colour and marker per claimant (series).

    With enough dates the x axis is time (undated points are left out, see `alt_text`);
    otherwise each claimant gets a row and the x axis is the value. Raises ValueError
    for no points.
    """
    if not points:
        raise ValueError(f"chart {title!r}: no figures to plot")
    timeline = over_time(points)
    shown = plottable(points) if timeline else sorted(points, key=lambda p: (p.series, p.value, p.date))
    names = series_names(shown)
    height = 4.2 if timeline else 1.4 + 0.45 * len(names)
    with plt.rc_context(STYLE):
        fig, ax = plt.subplots(figsize=(7.5, height), dpi=100)
        try:
            if timeline:
                _plot_over_time(ax, shown, names)
                _style_time_axes(ax, shown, ylabel=ylabel)
                _label_points(ax, shown, names)
            else:
                _plot_by_claimant(ax, shown, names, xlabel=ylabel)
            ax.set_title(title)
            buffer = io.StringIO()
            fig.savefig(buffer, format="svg", bbox_inches="tight", pad_inches=0.1, metadata={"Date": None})
        finally:
            plt.close(fig)
    return buffer.getvalue()


def _style(i: int) -> tuple[str, str]:
    return COLOURS[i % len(COLOURS)], MARKERS[i % len(MARKERS)]


def _label(ax: plt.Axes, x: object, y: object, value: float, colour: str, offset: tuple[int, int]) -> None:
    ax.annotate(
        format_number(value),
        (x, y),
        textcoords="offset points",
        xytext=offset,
        ha="center" if offset[0] == 0 else "left",
        va="bottom" if offset[0] == 0 else "center",
        fontsize=9,
        color=colour,
    )


def _plot_over_time(ax: plt.Axes, points: Sequence[ChartPoint], names: list[str]) -> None:
    for i, name in enumerate(names):
        mine = [p for p in points if p.series == name]
        colour, marker = _style(i)
        line = "none" if name == UNATTRIBUTED else "-"  # unattributed figures are no one's series
        ax.plot([_parse(p.date) for p in mine], [p.value for p in mine], color=colour, marker=marker,
                markersize=8, linewidth=1.5, linestyle=line, label=name)  # fmt: skip
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.14), ncols=min(len(names), 3), frameon=False)


def _label_points(ax: plt.Axes, points: Sequence[ChartPoint], names: list[str]) -> None:
    """Write each value above its marker, skipping labels that would overlap one already placed."""
    (x0, x1), (y0, y1) = ax.get_xlim(), ax.get_ylim()
    placed: list[tuple[float, float]] = []
    for i, name in enumerate(names):
        for p in (p for p in points if p.series == name):
            x = mdates.date2num(_parse(p.date))
            fx, fy = (x - x0) / (x1 - x0), (p.value - y0) / (y1 - y0)
            if any(abs(fx - px) < 0.08 and abs(fy - py) < 0.06 for px, py in placed):
                continue
            placed.append((fx, fy))
            _label(ax, x, p.value, p.value, _style(i)[0], (0, 6))


def _plot_by_claimant(ax: plt.Axes, points: Sequence[ChartPoint], names: list[str], *, xlabel: str) -> None:
    rows = {name: len(names) - 1 - i for i, name in enumerate(names)}  # first name on top
    for i, name in enumerate(names):
        colour, marker = _style(i)
        xs = [p.value for p in points if p.series == name]
        ax.plot(xs, [rows[name]] * len(xs), linestyle="none", color=colour, marker=marker, markersize=8)
        for x in sorted(set(xs)):
            _label(ax, x, rows[name], x, colour, (7, 0))
    ax.set_yticks(list(rows.values()), list(rows))
    ax.set_ylim(-0.7, len(names) - 0.3)
    top = max(p.value for p in points)
    ax.set_xlim(0, top * 1.2 if top > 0 else 1)
    ax.xaxis.set_major_formatter(FuncFormatter(lambda x, _pos: format_number(x)))
    ax.grid(axis="x", color="#dddddd")
    ax.grid(axis="y", visible=False)
    ax.set_xlabel(xlabel)


def _style_time_axes(ax: plt.Axes, points: Sequence[ChartPoint], *, ylabel: str) -> None:
    days = sorted({d for p in points if (d := _parse(p.date))})
    pad = max((days[-1] - days[0]).days * 0.08, 1.0)
    ticks = _thin(days, min_gap=((days[-1] - days[0]).days + 2 * pad) / 6)  # ~6 labels fit the axis
    ax.set_xticks(ticks)
    ax.xaxis.set_major_formatter(
        FuncFormatter(lambda x, _pos: format_date(mdates.num2date(x).date().isoformat()))
    )
    if len(ticks) > 4:
        ax.tick_params(axis="x", labelrotation=30)
        for tick in ax.get_xticklabels():
            tick.set_horizontalalignment("right")
    ax.set_xlim(mdates.date2num(days[0]) - pad, mdates.date2num(days[-1]) + pad)
    top = max(p.value for p in points)
    ax.set_ylim(0, top * 1.18 if top > 0 else 1)
    ax.yaxis.set_major_formatter(FuncFormatter(lambda y, _pos: format_number(y)))
    ax.set_ylabel(ylabel)


def _thin(days: list[date], *, min_gap: float) -> list[date]:
    """Tick dates at least `min_gap` days apart, always keeping the first and the last."""
    kept = [days[0]]
    for day in days[1:]:
        if (day - kept[-1]).days >= min_gap:
            kept.append(day)
    if kept[-1] != days[-1]:
        if len(kept) > 1 and (days[-1] - kept[-1]).days < min_gap:
            kept[-1] = days[-1]
        else:
            kept.append(days[-1])
    return kept


def _summary(values: list[float]) -> str:
    low, high = format_number(min(values)), format_number(max(values))
    if len(values) == 1:
        return low
    return (
        f"{len(values)} Angaben, jeweils {low}"
        if low == high
        else f"{len(values)} Angaben von {low} bis {high}"
    )


def alt_text(points: Sequence[ChartPoint], *, title: str) -> str:
    """A text alternative that states what the chart shows, claimant by claimant."""
    if not over_time(points):
        parts = [f"Diagramm „{title}“: Angaben nach Urheber, ohne Zeitachse."]
        for name in series_names(points):
            parts.append(f"{name}: {_summary([p.value for p in points if p.series == name])}.")
        return " ".join(parts)
    dated = plottable(points)
    parts = [f"Diagramm „{title}“: Angaben im Zeitverlauf nach Urheber."]
    for name in series_names(dated):
        mine = [p for p in dated if p.series == name]
        when = format_date(mine[0].date)
        if len(mine) > 1:
            when = f"{when} bis {format_date(mine[-1].date)}"
        parts.append(f"{name}: {_summary([p.value for p in mine])}, {when}.")
    undated = len(points) - len(dated)
    if undated:
        parts.append(f"{undated} Angabe(n) ohne Datum nicht dargestellt.")
    return " ".join(parts)
