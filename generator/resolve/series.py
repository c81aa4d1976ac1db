"""Figure series: figures that count the same thing about the same party, and where they disagree.

A series key is (group label, country): the counted noun mapped through the synonym groups
of ``knowledge/series.yml`` (Soldaten, Truppen, Streitkräfte and Mann all count "Soldaten"),
plus the country the figure is about: an adjective in its subject ("iranische"), a
country named with "aus", or else the one state mentioned in the figure's sentence that is
neither the claimant nor the place. Qualifiers become ranges ("mindestens 3.000" allows
3.000 and more), and two figures of one series from different claimants at close dates whose
ranges do not overlap are a conflict.

Only figures that count the same thing are compared. Each figure has a kind, read from its
sentence at extraction (``Figure.kind``, cues in ``knowledge/figures.yml``): a plain count, a
cumulative total ("insgesamt", "bislang"), an increment ("weitere"), a part ("davon"), a figure
per unit ("je Brigade", "täglich") or a plan or forecast ("bis Dezember … entsandt werden
sollen", "könnten"). Per-unit figures, plans, parts and increments stay in their series (the
page lists every figure) but are never compared: two of them rarely share a unit, a horizon, a
whole or a batch, and a false contradiction costs the reader more than a missed one. Counts are
compared with counts and cumulative totals with cumulative totals (``COMPARED_KINDS``), never
across kinds. One end of a stated range ("zwischen 1.000 und 2.000") bounds it only on its own
side, so a value inside the range does not contradict either end.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib import resources
from typing import Any

import yaml

from generator.base.formatting import country_name
from generator.errors import ConfigError
from generator.knowledge.schema import shipped_words
from generator.model import Conflict, Figure, Series
from generator.resolve.index import ReportIndex, page_slugs

_SafeLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml: fast
OTHER = "Sonstiges"
MIN_SUFFIX = 6  # group forms this long also match as the tail of a compound
_WORD = re.compile(r"[\wÄÖÜäöüß]+(?:-[\wÄÖÜäöüß]+)*")
# Kinds of figure (Figure.kind) whose figures are compared with figures of the same kind.
COMPARED_KINDS = frozenset({"count", "cumulative"})


@dataclass(frozen=True)
class Qualifier:
    """What a qualifier allows: its kind (lower, upper, approx) and the factors of the value."""

    kind: str
    low: float
    high: float | None


@dataclass(frozen=True)
class SeriesRules:
    """The data of ``knowledge/series.yml``."""

    groups: dict[str, str]  # lowercase noun → group label
    qualifiers: dict[str, Qualifier]
    close_days: int = 7

    @property
    def labels(self) -> set[str]:
        return set(self.groups.values())

    def label(self, counts: str | None) -> str:
        """The group label of a counted noun; unknown nouns are their own group."""
        text = " ".join((counts or "").split())
        if not text:
            return OTHER
        last = text.split()[-1].lower()
        if last in self.groups:
            return self.groups[last]
        for form, label in sorted(self.groups.items(), key=lambda kv: (-len(kv[0]), kv[0])):
            if len(form) >= MIN_SUFFIX and last.endswith(form):
                return label
        return text

    def qualifier(self, text: str | None) -> Qualifier | None:
        return self.qualifiers.get((text or "").strip().lower())

    def bound(self, text: str | None) -> str | None:
        """ "lower", "upper" or "approx" for a qualifier, None for none or an unknown one."""
        q = self.qualifier(text)
        return q.kind if q else None

    def range_of(self, figure: Figure) -> tuple[float, float | None]:
        """The values a figure is compatible with (None = unbounded above)."""
        q = self.qualifier(figure.qualifier)
        if q is None:
            return (figure.value, figure.value)
        high = None if q.high is None else figure.value * q.high
        return (figure.value * q.low, high)


def _parse_rules(data: Any, shown: str) -> SeriesRules:
    if not isinstance(data, dict):
        raise ConfigError(f"{shown}: expected a mapping with groups, qualifiers, close_days")
    groups: dict[str, str] = {}
    for label, forms in (data.get("groups") or {}).items():
        for form in [label, *(forms or [])]:
            groups.setdefault(str(form).lower(), str(label))
    qualifiers: dict[str, Qualifier] = {}
    for name, spec in (data.get("qualifiers") or {}).items():
        try:
            low, high = spec["range"]
            qualifiers[str(name).lower()] = Qualifier(str(spec["kind"]), float(low), high and float(high))
        except (KeyError, TypeError, ValueError) as exc:
            raise ConfigError(f"{shown}: qualifier '{name}' needs kind and range [low, high]") from exc
    return SeriesRules(groups, qualifiers, int(data.get("close_days", 7)))


@cache
def load_rules() -> SeriesRules:
    """The shipped series rules (read once per process)."""
    path = resources.files("generator.knowledge") / "series.yml"
    shown = "generator/knowledge/series.yml"
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_SafeLoader)
    except yaml.YAMLError as exc:
        raise ConfigError(f"{shown}: not valid YAML: {exc}") from exc
    return _parse_rules(data, shown)


@dataclass(frozen=True)
class CountryWords:
    adjectives: dict[str, str]  # inflected lowercase adjective → code
    names: dict[str, str]  # country name, alias or genitive → code
    stems: dict[str, str]  # code → first adjective stem

    def adjective(self, code: str) -> str | None:
        stem = self.stems.get(code)
        return f"{stem}e" if stem else None


@cache
def country_words() -> CountryWords:
    """Adjectives and names of countries, from ``knowledge/countries.yml`` and CLDR names."""
    from babel import Locale

    path = resources.files("generator.knowledge") / "countries.yml"
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=_SafeLoader) or {}
    adjectives: dict[str, str] = {}
    names: dict[str, str] = {}
    stems: dict[str, str] = {}
    for code, entry in sorted(data.items()):
        entry = entry or {}
        for stem in entry.get("adjectives") or []:
            stems.setdefault(code, stem)
            for ending in shipped_words().adjective_endings:
                adjectives.setdefault(f"{stem}{ending}".lower(), code)
        for alias in entry.get("aliases") or []:
            names.setdefault(alias, code)
    for code, name in sorted(Locale("de").territories.items()):
        if len(code) == 2 and code.isalpha():
            names.setdefault(name, code)
            names.setdefault(f"{name}s", code)
    return CountryWords(adjectives, names, stems)


def subject_country(subject: str | None, places: set[str]) -> str | None:
    """The country a figure's subject is about: an adjective first, then "aus X", then a name
    that is not a place of the figure (`places`: country codes of its regions)."""
    words, lists = country_words(), shipped_words()
    tokens = _WORD.findall(subject or "")
    found: list[tuple[int, int, str]] = []
    for i, token in enumerate(tokens):
        if (code := words.adjectives.get(token.lower())) is not None:
            found.append((0, i, code))
            continue
        code = words.names.get(token) or words.names.get(
            f"{token} {tokens[i + 1]}" if i + 1 < len(tokens) else ""
        )
        if code is None:
            continue
        before = tokens[i - 1].lower() if i else ""
        if before in lists.origin_prepositions:
            found.append((1, i, code))
        elif before not in lists.locative_prepositions and code not in places:
            found.append((2, i, code))
    return min(found)[2] if found else None


def series_name(label: str, country: str | None) -> str:
    if country is None:
        return label
    adjective = country_words().adjective(country)
    return f"{adjective} {label}" if adjective else f"{label} ({country_name(country)})"


class SeriesIndex:
    """Groups figures into series (by counted group and country) and finds their conflicts."""

    def __init__(
        self,
        ix: ReportIndex,
        actors_at: Mapping[tuple[str, int], set[str]],
        claimants_at: Mapping[tuple[str, int], set[str]] | None = None,
        rules: SeriesRules | None = None,
    ) -> None:
        self.ix = ix
        self.rules = rules or load_rules()
        self._actors_at = actors_at
        self._claimants_at = claimants_at or {}
        self._at: dict[tuple[str, int], list[Figure]] = defaultdict(list)
        for figure in ix.sorted_figures():
            self._at[(figure.doc, figure.sentence)].append(figure)
        members: dict[tuple[str, str | None], list[Figure]] = defaultdict(list)
        for figure in ix.sorted_figures():
            members[self.key(figure)].append(figure)
        named = {key: series_name(*key) for key in members}
        slugs = page_slugs(named.values())
        self.series: list[Series] = []
        for key, figures in members.items():
            conflicts = find_conflicts(ix, self.rules, figures)
            ids = [f.id for f in figures]
            name = named[key]
            self.series.append(
                Series(slugs[name], key[0], key[1], name, ids, conflicts, self.rules.close_days)
            )
        self.series.sort(key=lambda s: (s.label == OTHER, -len(s.figures), s.name.casefold(), s.id))

    def key(self, figure: Figure) -> tuple[str, str | None]:
        label = self.rules.label(figure.counts)
        places = self._places(figure)
        country = subject_country(figure.subject, places)
        if country is None and label in self.rules.labels:
            country = self._from_context(figure, places)
        return (label, country if label != OTHER else None)

    def _places(self, figure: Figure) -> set[str]:
        return {r.country for rid in figure.regions if (r := self.ix.regions.get(rid)) and r.country}

    def _from_context(self, figure: Figure, places: set[str]) -> str | None:
        """For a known group only: the country of another figure in the same sentence, else the
        one state named in the sentence that is neither a place of the figure nor a speaker."""
        for other in self._at.get((figure.doc, figure.sentence), ()):
            if other.id != figure.id and (code := subject_country(other.subject, self._places(other))):
                return code
        speakers = {figure.attributed_to, *self._claimants_at.get((figure.doc, figure.sentence), ())}
        spoken = {a.country for aid in speakers if (a := self.ix.actors.get(aid or ""))}
        states = {
            a.country
            for aid in self._actors_at.get((figure.doc, figure.sentence), ())
            if (a := self.ix.actors.get(aid)) and a.type == "state" and a.country and aid not in speakers
        }
        states -= places | spoken
        return states.pop() if len(states) == 1 else None


def voice(figure: Figure) -> str:
    """Who speaks: the claimant, else the article itself."""
    return figure.attributed_to or f"\0{figure.doc}"


def _disjoint(a: tuple[float, float | None], b: tuple[float, float | None]) -> bool:
    return (a[1] is not None and a[1] < b[0]) or (b[1] is not None and b[1] < a[0])


def compared_range(rules: SeriesRules, figure: Figure) -> tuple[float, float | None]:
    """The values a figure is compatible with in a comparison: its range, open on the far side when
    it is one end of a stated range (the low end of "1.000 bis 2.000" allows 1.000 and more)."""
    low, high = rules.range_of(figure)
    if figure.range_end == "low":
        return (low, None)
    return (0.0, high) if figure.range_end == "high" else (low, high)


def find_conflicts(ix: ReportIndex, rules: SeriesRules, figures: list[Figure]) -> list[Conflict]:
    """Comparable pairs from different claimants, at most `close_days` apart, whose ranges do not
    overlap; in the order of `figures` (each pair as (earlier, later) in that list).

    Figures are taken in date order and each is compared only with those at most `close_days`
    later, so that a series of thousands of figures costs about as many comparisons as it has
    pairs close in time, not the square of its length."""
    dated = []
    for n, figure in enumerate(figures):
        day = _ordinal(ix.figure_date(figure))
        if day is not None and figure.kind in COMPARED_KINDS:
            dated.append((day, n, figure, voice(figure), compared_range(rules, figure)))
    dated.sort(key=lambda item: (item[0], item[1]))
    found = []
    for i, (day, n, a, who, span) in enumerate(dated):
        for later, m, b, other, other_span in dated[i + 1 :]:
            if later - day > rules.close_days:
                break
            if who != other and a.kind == b.kind and _disjoint(span, other_span):
                first, second = (a, b) if n < m else (b, a)
                found.append((min(n, m), max(n, m), Conflict(first.id, second.id, later - day)))
    return [conflict for _, _, conflict in sorted(found, key=lambda item: (item[0], item[1]))]


def _ordinal(iso: str | None) -> int | None:
    try:
        return date.fromisoformat(iso or "").toordinal()
    except ValueError:
        return None
