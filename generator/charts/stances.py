"""Reproducible SVG chart of stances on one claim over time: one row per claimant.

The x axis is time, proportional to it (`generator.charts.figures.date_axis`), the y axis lists
the claimants; colour and marker say the stance (behauptet, bestätigt, bestreitet, bezweifelt).
Same style as `generator.charts.figures`.
"""

from __future__ import annotations

import textwrap
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

import matplotlib.pyplot as plt
from matplotlib.lines import Line2D

from generator.base.formatting import STANCE_DE, format_date
from generator.charts.figures import (
    NARROW,
    WIDE,
    Layout,
    date_axis,
    date_limits,
    day_number,
    dodge,
    parse_date,
    svg_text,
)

NARROW_NAME = 18  # characters a line of a claimant's name, on a narrow chart

# One colour and marker per stance: support in blue/green, opposition in orange/purple.
STANCE_STYLE: dict[str, tuple[str, str]] = {
    "asserts": ("#0072B2", "o"),
    "confirms": ("#009E73", "P"),
    "denies": ("#D55E00", "X"),
    "doubts": ("#CC79A7", "D"),
}


@dataclass(frozen=True)
class StancePoint:
    date: str  # ISO date, "" if unknown
    claimant: str  # display name
    stance: str


def dated(points: Sequence[StancePoint]) -> list[StancePoint]:
    return sorted((p for p in points if parse_date(p.date)), key=lambda p: (p.claimant, p.date, p.stance))


def _positions(shown: list[StancePoint], limits: tuple[float, float]) -> list[float]:
    """x of each point: its date; stances of one claimant on one day side by side."""
    cells: dict[tuple[str, str], list[str]] = defaultdict(list)
    for p in shown:
        if p.stance not in cells[(p.claimant, p.date)]:
            cells[(p.claimant, p.date)].append(p.stance)
    xs = []
    for p in shown:
        here = sorted(cells[(p.claimant, p.date)], key=list(STANCE_STYLE).index)
        xs.append(day_number(p.date) + dodge(limits, here.index(p.stance), len(here)))
    return xs


def render_stances(points: Sequence[StancePoint], *, title: str, layout: Layout = WIDE) -> str:
    """SVG text of the dated `points` on a time axis, sized by `layout`; ValueError if none is dated."""
    shown = dated(points)
    if not shown:
        raise ValueError(f"chart {title!r}: no dated statements to plot")
    names = sorted({p.claimant for p in shown})
    rows = {name: len(names) - 1 - i for i, name in enumerate(names)}
    dates = sorted({p.date for p in shown})
    limits = date_limits(dates)
    xs = _positions(shown, limits)
    labels = list(rows)
    width = layout.width
    if layout is NARROW:  # names in lines of 18 characters at most, the plot narrower to match
        labels = [textwrap.fill(name, NARROW_NAME, break_long_words=False) for name in labels]
        width -= 1.0
    with plt.rc_context(layout.style):
        fig, ax = plt.subplots(figsize=(width, 1.6 + 0.42 * len(names)), dpi=100)
        try:
            for stance, (colour, marker) in STANCE_STYLE.items():
                mine = [(x, p) for x, p in zip(xs, shown, strict=True) if p.stance == stance]
                if mine:
                    ax.plot(
                        [x for x, _ in mine],
                        [rows[p.claimant] for _, p in mine],
                        linestyle="none",
                        color=colour,
                        marker=marker,
                        markersize=9,
                        alpha=0.9,
                    )
            date_axis(ax, limits, dates, layout.ticks)
            ax.set_yticks(list(rows.values()), labels)
            ax.set_ylim(-0.7, len(names) - 0.3)
            ax.grid(axis="x", color="#dddddd")
            present = [s for s in STANCE_STYLE if any(p.stance == s for p in shown)]
            handles = [
                Line2D(
                    [],
                    [],
                    linestyle="none",
                    color=STANCE_STYLE[s][0],
                    marker=STANCE_STYLE[s][1],
                    markersize=8,
                    label=STANCE_DE[s],
                )
                for s in present
            ]
            ax.legend(
                handles=handles,
                loc="upper center",
                bbox_to_anchor=(0.5, -0.08 - (0.5 if layout is WIDE else 0.8) / len(names)),
                ncols=len(handles) if layout is WIDE else min(len(handles), 2),
                frameon=False,
            )
            ax.set_title(title)
            return svg_text(fig)
        finally:
            plt.close(fig)


ALT_DATES = 5
"""A claimant's stance with more dated statements than this is summed up in the text alternative
("behauptet 40-mal, 23.10.2024 bis 05.11.2025") instead of listed date by date."""
ALT_CLAIMANTS = 30
"""The text alternative describes at most this many claimants (those with the most statements);
the table under the chart lists all."""


def _stances(name: str, mine: list[StancePoint]) -> str:
    """`Kreml: bestreitet am 24.10.2024.`, date by date; or, with more than `ALT_DATES` of one
    stance, by stance: `Kreml: bestreitet 12-mal, 24.10.2024 bis 05.11.2025.`"""
    counts = Counter(p.stance for p in mine)
    if max(counts.values()) <= ALT_DATES:
        listed = ", ".join(f"{STANCE_DE.get(p.stance, p.stance)} am {format_date(p.date)}" for p in mine)
        return f"{name}: {listed}."
    parts = []
    for stance in counts:
        dates = [p.date for p in mine if p.stance == stance]
        word = STANCE_DE.get(stance, stance)
        if len(dates) > ALT_DATES:
            parts.append(f"{word} {len(dates)}-mal, {format_date(min(dates))} bis {format_date(max(dates))}")
        else:
            parts.extend(f"{word} am {format_date(d)}" for d in dates)
    return f"{name}: {', '.join(parts)}."


def stance_alt(points: Sequence[StancePoint], *, title: str) -> str:
    """Text alternative: each claimant's stances with dates (bounded: `ALT_DATES`, `ALT_CLAIMANTS`)."""
    shown = dated(points)
    parts = [f"Diagramm „{title}“: Haltungen im Zeitverlauf nach Akteur."]
    by_name: dict[str, list[StancePoint]] = {}
    for p in shown:
        by_name.setdefault(p.claimant, []).append(p)
    names = sorted(by_name)
    if len(names) > ALT_CLAIMANTS:
        names = sorted(sorted(names, key=lambda n: -len(by_name[n]))[:ALT_CLAIMANTS])
    parts += [_stances(name, by_name[name]) for name in names]
    if len(by_name) > len(names):
        more = len(by_name) - len(names)
        others = "ein weiterer Akteur" if more == 1 else f"{more} weitere Akteure"
        parts.append(f"Dazu {others}; alle stehen in der Tabelle zum Diagramm.")
    undated = len(points) - len(shown)
    if undated:
        parts.append(f"{undated} Aussage(n) ohne Datum nicht dargestellt.")
    return " ".join(parts)
