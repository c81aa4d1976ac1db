"""Reproducible SVG charts of figures over time, one marker and colour per claimant.

Same points in → byte-identical SVG out: fixed hash salt, no date metadata, text kept as
text, series ordered by name. Numbers and dates are German (4.500, 03.05.2023). Time axes are
proportional to time: two figures a week apart stand seven times as far apart as two a day apart
(`date_axis`, shared with the stance chart).
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
from babel.dates import format_date as babel_date
from matplotlib.markers import TICKDOWN
from matplotlib.ticker import FuncFormatter

from generator.base.formatting import UNATTRIBUTED, format_date, format_number

# Okabe–Ito: distinguishable with colour-vision deficiencies; markers differ as well.
COLOURS = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#8C6D31")
UNATTRIBUTED_LOOK = ("#888888", "*")
MAX_TICKS = 8  # labelled dates on a time axis (days, weeks, months or years, as the span needs)
PAD_DAYS = 2.0  # a time axis runs at least this many days beyond its first and last date
DODGE = 0.012  # points on one date side by side, this share of the axis apart
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
class Layout:
    """The size of a chart: wide for the text column of a desktop page, narrow for a phone.

    A chart drawn narrow is shown at about its natural size on a 360–600 px screen, so its labels
    stay at the size of the text around it instead of shrinking with the picture."""

    width: float  # inches
    font: float  # points, of all text but the title
    ticks: int  # labelled dates on a time axis, at most
    legend_cols: int  # legend entries side by side, at most

    @property
    def style(self) -> dict[str, object]:
        return {**STYLE, "font.size": self.font, "axes.titlesize": self.font + 2}


WIDE = Layout(width=7.5, font=10, ticks=MAX_TICKS, legend_cols=3)
NARROW = Layout(width=4.2, font=10.5, ticks=5, legend_cols=1)


@dataclass(frozen=True)
class ChartPoint:
    """One figure to plot: when it was stated, its value, and who stated it."""

    date: str  # ISO date YYYY-MM-DD
    value: float
    series: str  # claimant name (or "ohne Zuschreibung")
    bound: str | None = None  # "lower" (mindestens), "upper" (fast, bis zu), "approx" (etwa)
    qualifier: str | None = None  # the word itself, for the text alternative
    band: tuple[float, float] | None = None  # for "approx": the values the statement allows

    @property
    def shown(self) -> str:
        """The value as the text states it: "mindestens 3.000"."""
        return (
            f"{self.qualifier} {format_number(self.value)}" if self.qualifier else format_number(self.value)
        )


def parse_date(iso: str) -> date | None:
    """An ISO date, or None for anything else ("" for unknown)."""
    try:
        return date.fromisoformat(iso)
    except ValueError:
        return None


def svg_text(fig: plt.Figure, pad: float = 0.1) -> str:
    """The figure as reproducible SVG text (no date metadata; hashsalt fixed in STYLE)."""
    buffer = io.StringIO()
    fig.savefig(buffer, format="svg", bbox_inches="tight", pad_inches=pad, metadata={"Date": None})
    return buffer.getvalue()


def plottable(points: Sequence[ChartPoint]) -> list[ChartPoint]:
    """Points with a full ISO date, in a stable order."""
    return sorted((p for p in points if parse_date(p.date)), key=lambda p: (p.series, p.date, p.value))


def over_time(points: Sequence[ChartPoint]) -> bool:
    """Plot over time when at least half of the points are dated; else by claimant."""
    dated = len(plottable(points))
    return dated > 0 and 2 * dated >= len(points)


def caption(points: Sequence[ChartPoint]) -> str:
    return "Angaben im Zeitverlauf, nach Urheber" if over_time(points) else "Angaben nach Urheber"


def series_names(points: Sequence[ChartPoint]) -> list[str]:
    return sorted({p.series for p in points})


def render_chart(points: Sequence[ChartPoint], *, title: str, ylabel: str, layout: Layout = WIDE) -> str:
    """Return an SVG (text) of `points`, one colour and marker per claimant (series).

    With enough dates the x axis is time, proportional to it; claimants with figures on the same
    date stand side by side; undated points are left out (see `alt_text`). Otherwise each claimant
    gets a row and the x axis is the value. `layout` sets its size. Raises ValueError for no points.
    """
    if not points:
        raise ValueError(f"chart {title!r}: no figures to plot")
    timeline = over_time(points)
    shown = plottable(points) if timeline else sorted(points, key=lambda p: (p.series, p.value, p.date))
    names = series_names(shown)
    height = 4.2 if timeline else 1.4 + 0.45 * len(names)
    if timeline and layout is NARROW:
        height += 0.25 * max(0, len(names) - 1)  # the legend stands below, one claimant a line
    with plt.rc_context(layout.style):
        fig, ax = plt.subplots(figsize=(layout.width, height), dpi=100)
        try:
            if timeline:
                limits = date_limits(dates_of(shown))
                xs = positions(shown, names, limits)
                _plot_over_time(ax, shown, xs, names, layout)
                _style_time_axes(ax, shown, limits, ylabel=ylabel, layout=layout)
                _draw_bounds(ax, shown, xs, names)
                _label_points(ax, shown, xs, names)
            else:
                _plot_by_claimant(ax, shown, names, xlabel=ylabel)
                _draw_bounds(ax, shown, [p.value for p in shown], names, vertical=False)
            ax.set_title(title)
            return svg_text(fig)
        finally:
            plt.close(fig)


def _look(names: list[str], name: str) -> tuple[str, str]:
    """Colour and marker of a claimant; figures without a claimant are grey stars."""
    if name == UNATTRIBUTED:
        return UNATTRIBUTED_LOOK
    i = [n for n in names if n != UNATTRIBUTED].index(name)
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


def dates_of(points: Sequence[ChartPoint]) -> list[str]:
    return sorted({p.date for p in points})


def day_number(iso: str) -> float:
    """An ISO date as matplotlib's date number (days): the x coordinate of that day."""
    return float(mdates.date2num(date.fromisoformat(iso)))


def date_limits(dates: Sequence[str]) -> tuple[float, float]:
    """The x range of a time axis over `dates`: first to last, padded (at least `PAD_DAYS`)."""
    days = [day_number(d) for d in dates]
    low, high = min(days), max(days)
    pad = max((high - low) * 0.05, PAD_DAYS)
    return low - pad, high + pad


def dodge(limits: tuple[float, float], place: int, count: int) -> float:
    """The offset of the `place`-th of `count` points on one date, centred on the date."""
    return (place - (count - 1) / 2) * DODGE * (limits[1] - limits[0])


def positions(points: Sequence[ChartPoint], names: list[str], limits: tuple[float, float]) -> list[float]:
    """The x position of each point: its date on the time axis, claimants side by side on one date."""
    present: dict[str, list[str]] = {}
    for p in points:
        present.setdefault(p.date, [])
        if p.series not in present[p.date]:
            present[p.date].append(p.series)
    xs = []
    for p in points:
        here = sorted(present[p.date], key=names.index)
        xs.append(day_number(p.date) + dodge(limits, here.index(p.series), len(here)))
    return xs


def tick_labels(days: Sequence[date]) -> list[str]:
    """German labels of a time axis' ticks: "2024" for years, "Nov. 2024" for months, else "05.11.2024"."""
    if len(days) > 1 and all(d.day == 1 for d in days):
        pattern = "yyyy" if all(d.month == 1 for d in days) else "MMM yyyy"
        return [babel_date(d, pattern, locale="de") for d in days]
    return [format_date(d.isoformat()) for d in days]


def day_marks(ax: plt.Axes, days: Sequence[float]) -> None:
    """A short mark under the x axis at each of `days`, drawn as ticks are: one line of markers,
    not a minor tick per day (each a text object of its own, which made drawing a chart of many
    days several times slower)."""
    ax.set_xticks([], minor=True)
    if days:
        ax.plot(
            days,
            [0] * len(days),
            linestyle="none",
            marker=TICKDOWN,
            markersize=3,
            markeredgewidth=plt.rcParams["xtick.minor.width"],
            color=plt.rcParams["xtick.color"],
            transform=ax.get_xaxis_transform(),  # x in days, y at the bottom of the axes
            clip_on=False,
        )


def date_axis(
    ax: plt.Axes, limits: tuple[float, float], dates: Sequence[str], max_ticks: int = MAX_TICKS
) -> None:
    """A time axis over `limits`: labelled days, weeks, months or years (at most `max_ticks`, German
    dates), and a short tick at each of `dates`, the days that have data."""
    low, high = limits
    locator = mdates.AutoDateLocator(minticks=3 if max_ticks >= MAX_TICKS else 2, maxticks=max_ticks)
    ticks = [x for x in locator.tick_values(mdates.num2date(low), mdates.num2date(high)) if low <= x <= high]
    ax.set_xticks(ticks, tick_labels([mdates.num2date(x).date() for x in ticks]))
    day_marks(ax, [x for x in sorted({day_number(d) for d in dates}) if low <= x <= high])
    if len(ticks) > 5 or (len(ticks) > 2 and max_ticks < MAX_TICKS):
        ax.tick_params(axis="x", labelrotation=30)
        for tick in ax.get_xticklabels():
            tick.set_horizontalalignment("right")
    ax.set_xlim(low, high)


def _plot_over_time(
    ax: plt.Axes, points: Sequence[ChartPoint], xs: list[float], names: list[str], layout: Layout
) -> None:
    for name in names:
        mine = [(x, p) for x, p in zip(xs, points, strict=True) if p.series == name]
        colour, marker = _look(names, name)
        line = "none" if name == UNATTRIBUTED else "-"  # unattributed figures are no one's series
        ax.plot(
            [x for x, _ in mine],
            [p.value for _, p in mine],
            color=colour,
            marker=marker,
            markersize=8,
            linewidth=1.5,
            linestyle=line,
            label=name,
        )
    # under the date labels (slanted on a narrow chart): about 0.75 inches below the axes
    below = -0.16 if layout is WIDE else -0.75 / (0.77 * ax.get_figure().get_figheight())
    ax.legend(
        loc="upper center",
        bbox_to_anchor=(0.5, below),
        ncols=min(len(names), layout.legend_cols),
        frameon=False,
    )


def _draw_bounds(
    ax: plt.Axes, points: Sequence[ChartPoint], xs: list[float], names: list[str], *, vertical: bool = True
) -> None:
    """Arrows for bounds (up/right = at least, down/left = at most), bars for approximate values."""
    (x0, x1), (y0, y1) = ax.get_xlim(), ax.get_ylim()
    rows = {name: len(names) - 1 - i for i, name in enumerate(names)}
    for x, p in zip(xs, points, strict=True):
        if p.bound is None:
            continue
        colour = _look(names, p.series)[0]
        y = p.value if vertical else rows[p.series]
        if p.bound == "approx" and p.band is not None:
            err = [[p.value - p.band[0]], [p.band[1] - p.value]]
            kwargs = {"yerr": err} if vertical else {"xerr": err}
            ax.errorbar([x], [y], fmt="none", ecolor=colour, elinewidth=1.4, capsize=4, **kwargs)
            continue
        sign = {"lower": 1, "upper": -1}.get(p.bound, 0)
        if sign:
            end = (x, y + sign * 0.09 * (y1 - y0)) if vertical else (x + sign * 0.07 * (x1 - x0), y)
            ax.annotate(
                "",
                xy=end,
                xytext=(x, y),
                arrowprops={
                    "arrowstyle": "-|>",
                    "color": colour,
                    "lw": 1.4,
                    "shrinkA": 5,
                    "shrinkB": 0,
                    "mutation_scale": 12,
                },
            )


def _label_points(ax: plt.Axes, points: Sequence[ChartPoint], xs: list[float], names: list[str]) -> None:
    """Write each value beside its marker, skipping labels that would overlap one already placed."""
    (x0, x1), (y0, y1) = ax.get_xlim(), ax.get_ylim()
    placed: list[tuple[float, float]] = []
    for name in names:
        for x, p in ((x, p) for x, p in zip(xs, points, strict=True) if p.series == name):
            fx, fy = (x - x0) / (x1 - x0), (p.value - y0) / (y1 - y0)
            if any(abs(fx - px) < 0.07 and abs(fy - py) < 0.06 for px, py in placed):
                continue
            placed.append((fx, fy))
            offset = (7, 0) if p.bound in ("lower", "upper") else (0, 7)
            _label(ax, x, p.value, p.value, _look(names, name)[0], offset)


def _plot_by_claimant(ax: plt.Axes, points: Sequence[ChartPoint], names: list[str], *, xlabel: str) -> None:
    rows = {name: len(names) - 1 - i for i, name in enumerate(names)}  # first name on top
    for name in names:
        colour, marker = _look(names, name)
        xs = [p.value for p in points if p.series == name]
        ax.plot(xs, [rows[name]] * len(xs), linestyle="none", color=colour, marker=marker, markersize=8)
        for x in sorted(set(xs)):
            _label(ax, x, rows[name], x, colour, (0, 7))
    ax.set_yticks(list(rows.values()), list(rows))
    ax.set_ylim(-0.7, len(names) - 0.3)
    top = max(p.value for p in points)
    ax.set_xlim(0, top * 1.2 if top > 0 else 1)
    ax.xaxis.set_major_formatter(FuncFormatter(lambda x, _pos: format_number(x)))
    ax.grid(axis="x", color="#dddddd")
    ax.grid(axis="y", visible=False)
    ax.set_xlabel(xlabel)


def _style_time_axes(
    ax: plt.Axes, points: Sequence[ChartPoint], limits: tuple[float, float], *, ylabel: str, layout: Layout
) -> None:
    date_axis(ax, limits, dates_of(points), layout.ticks)
    ax.grid(axis="x", visible=False)
    top = max(p.value for p in points)
    ax.set_ylim(0, top * 1.2 if top > 0 else 1)
    ax.yaxis.set_major_formatter(FuncFormatter(lambda y, _pos: format_number(y)))
    ax.set_ylabel(ylabel)


MAX_LISTED = 5  # per claimant, the text alternative lists up to this many values one by one


def _values(points: list[ChartPoint], *, dated: bool) -> str:
    """ "mindestens 3.000 am 02.05.2023, 4.500 am 03.05.2023" or a summary of many values."""
    if len(points) > MAX_LISTED:
        values = [p.value for p in points]
        low, high = format_number(min(values)), format_number(max(values))
        span = f"jeweils {low}" if low == high else f"von {low} bis {high}"
        when = f", {format_date(points[0].date)} bis {format_date(points[-1].date)}" if dated else ""
        return f"{len(points)} Angaben {span}{when}"
    return ", ".join(f"{p.shown} am {format_date(p.date)}" if dated else p.shown for p in points)


def alt_text(points: Sequence[ChartPoint], *, title: str) -> str:
    """A text alternative that states what the chart shows, claimant by claimant."""
    if not over_time(points):
        parts = [f"Diagramm „{title}“: Angaben nach Urheber, ohne Zeitachse."]
        for name in series_names(points):
            mine = sorted((p for p in points if p.series == name), key=lambda p: (p.value, p.date))
            parts.append(f"{name}: {_values(mine, dated=False)}.")
        return " ".join(parts)
    dated = plottable(points)
    parts = [f"Diagramm „{title}“: Angaben im Zeitverlauf nach Urheber."]
    for name in series_names(dated):
        parts.append(f"{name}: {_values([p for p in dated if p.series == name], dated=True)}.")
    undated = len(points) - len(dated)
    if undated:
        parts.append(f"{undated} Angabe(n) ohne Datum nicht dargestellt.")
    return " ".join(parts)


# Mentions per date ---------------------------------------------------------------------------


def render_mentions(counts: Sequence[tuple[str, int]], *, title: str, layout: Layout = WIDE) -> str:
    """A bar chart of mentions per date on a time axis (one bar per dated day), sized by `layout`."""
    if not counts:
        raise ValueError(f"chart {title!r}: no mentions to plot")
    ordered = sorted(counts)
    days = [d for d, _ in ordered]
    limits = date_limits(days)
    with plt.rc_context(layout.style):
        fig, ax = plt.subplots(figsize=(layout.width, 2.8), dpi=100)
        try:
            # 0.8 days wide, outlined so that a day stays visible on an axis of many months
            ax.bar(
                [day_number(d) for d in days],
                [n for _, n in ordered],
                width=0.8,
                color=COLOURS[0],
                edgecolor=COLOURS[0],
                linewidth=1.2,
            )
            date_axis(ax, limits, days, layout.ticks)
            ax.yaxis.get_major_locator().set_params(integer=True)
            ax.set_ylabel("Erwähnungen")
            ax.set_title(title)
            return svg_text(fig)
        finally:
            plt.close(fig)


def mention_alt(counts: Sequence[tuple[str, int]], *, title: str) -> str:
    listed = ", ".join(f"{format_date(d)}: {n}" for d, n in sorted(counts))
    return f"Diagramm „{title}“: Erwähnungen je Datum. {listed}."
