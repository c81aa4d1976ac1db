"""What the site search knows about a page beyond its text: its kind and its facets.

Pagefind (see `generator.site.search`) indexes the built pages; a page declares its filter
values with ``data-pagefind-filter`` attributes. Every generated page of one of the six kinds
ends with a hidden block of them (`facets_markup`):

- ``Art``: Akteur, Region, Behauptung, Zahl, Quelle or Chronik;
- ``Akteur`` and ``Region``: the main actors and places of the page, at most `MAX_ACTORS` and
  `MAX_PLACES` (an entity page names itself and the places or actors named most often in the
  sentences that mention it; a claim its most frequent speakers, then the actors it concerns,
  and the places it concerns; a series the most frequent speakers and places of its figures; a
  source the actors and places it mentions most often);
- ``Medium``: a source page its outlet;
- ``Monat``: a source page the month it was published in ("2024-10 (Oktober)": the number first,
  so that the filter lists them in order), a claim the month it was first reported in, a Chronik
  page its own month.

The values come from the report model, so the search filters agree with the pages.

Why bounded: Pagefind counts the pages of every filter value on every query, so a query costs
time in proportion to the number of (page, value) pairs in the index. At 3,000 articles, tagging
a source with every actor and place it names made 131,000 pairs and a broad query 270–390 ms in
the browser (25–50 ms without filters); with the caps the pairs grow with the number of pages
only, not with how much each page names. A filter for an actor thus finds the pages where the
actor is among the main ones, which is what a reader narrowing a search means. Outlets and months
are filed on the pages that have one of their own, not on every page that collects articles (an
actor's page under every month it was named in): with them on every page, a broad query still
took 260–290 ms; the month values alone, 15,000 pairs, cost about 100 ms of it. The search dialog
loads the filters only when the reader first opens a filter list (``filtersOnDemand`` in
``overrides/assets/lagebild/search.js``), so the first queries count nothing; the caps keep the
queries after that fast.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from generator.model import Figure, Mention
from generator.nlp.dates import MONTHS
from generator.render.escape import Safe, escape_html
from generator.render.pages.kit import Kit

MAX_ACTORS = 5
"""The most actors a page is filed under in the search's ``Akteur`` filter."""

MAX_PLACES = 3
"""The most places a page is filed under in the search's ``Region`` filter."""


@dataclass(frozen=True)
class Facets:
    """The search filter values of one page; each tuple sorted, without repeats."""

    kind: str
    actors: tuple[str, ...] = ()
    regions: tuple[str, ...] = ()
    outlets: tuple[str, ...] = ()
    months: tuple[str, ...] = ()

    def filters(self) -> list[tuple[str, str]]:
        """(filter name, value) pairs, in a fixed order."""
        named = (("Akteur", self.actors), ("Region", self.regions), ("Medium", self.outlets))
        pairs = [("Art", self.kind)]
        pairs += [(name, value) for name, values in named for value in values]
        return pairs + [("Monat", month) for month in self.months]


def month_name(iso: str | None) -> str | None:
    """``"2024-10-24"`` or ``"2024-10"`` → ``"2024-10 (Oktober)"``; None if there is no month."""
    if not iso or len(iso) < 7 or not iso[:4].isdigit() or not iso[5:7].isdigit():
        return None
    if not 1 <= int(iso[5:7]) <= 12:
        return None
    return f"{iso[:7]} ({MONTHS[int(iso[5:7]) - 1].capitalize()})"


def _sorted(values: Iterable[str | None]) -> tuple[str, ...]:
    return tuple(sorted({v for v in values if v}, key=lambda v: (v.casefold(), v)))


def _ranked(counts: Mapping[str, int]) -> list[str]:
    """The keys of `counts`, highest count first; ties by key."""
    return [i for i, _ in sorted(counts.items(), key=lambda ic: (-ic[1], ic[0]))]


def _most(ids: Iterable[str | None], limit: int, first: Iterable[str | None] = ()) -> list[str]:
    """The `limit` values of `ids` that occur most often, after those of `first`
    (chosen the same way); ties by value."""
    chosen: list[str] = []
    for group in (first, ids):
        for i in _ranked(Counter(i for i in group if i)):
            if i not in chosen and len(chosen) < limit:
                chosen.append(i)
    return chosen


def _months(values: Iterable[str | None]) -> tuple[str, ...]:
    """Month names, oldest first."""
    keys = sorted({v[:7] for v in values if v and month_name(v)})
    return tuple(name for key in keys if (name := month_name(key)))


class PageFacets:
    """The facets of every page of one report, by page path (``akteure/x.md``)."""

    def __init__(self, kit: Kit) -> None:
        self.kit = kit
        self.ix = kit.ix
        self.regions_at: dict[tuple[str, int], set[str]] = defaultdict(set)
        for region in self.ix.regions.values():
            for m in region.mentions:
                self.regions_at[(m.doc, m.sentence)].add(region.id)

    def by_path(self, paths: Iterable[str] = ()) -> dict[str, Facets]:
        """Facets of every actor, region, claim, series and source page, and of those of `paths`
        that are Chronik month pages."""
        return {**self.of_entities(), **self.of_months(paths)}

    def of_entities(self) -> dict[str, Facets]:
        """Facets of every actor, region, claim, series and source page, by path."""
        ix, found = self.ix, {}
        for actor in ix.actors.values():
            found[ix.actor_path(actor.id)] = self.actor(actor.id)
        for region in ix.regions.values():
            found[ix.region_path(region.id)] = self.region(region.id)
        for claim in ix.claims.values():
            found[ix.claim_path(claim.id)] = self.claim(claim.id)
        for series in self.kit.series.series:
            found[self.kit.series.path(series)] = self.figures("Zahl", series.figures)
        for doc_id in ix.docs:
            path = ix.source_path(doc_id)
            if path:
                found[path] = self.source(doc_id)
        return found

    def of_months(self, paths: Iterable[str]) -> dict[str, Facets]:
        """Facets of those of `paths` that are Chronik month pages."""
        return {
            path: self.month_page(path)
            for path in paths
            if path.startswith("chronik/") and path != "chronik/index.md"
        }

    @staticmethod
    def month_page(path: str) -> Facets:
        """A Chronik month page (``chronik/2024-10.md``) is about its month."""
        name = month_name(path.removeprefix("chronik/").removesuffix(".md"))
        return Facets("Chronik", months=(name,) if name else ())

    # --- the parts ---------------------------------------------------------------------

    def _names(self, actor_ids: Iterable[str | None]) -> list[str]:
        return [self.ix.actors[a].name for a in actor_ids if a in self.ix.actors]

    def _places(self, region_ids: Iterable[str | None]) -> list[str]:
        return [self.ix.regions[r].name for r in region_ids if r in self.ix.regions]

    def _outlets(self, docs: Iterable[str]) -> tuple[str, ...]:
        return _sorted(self.ix.docs[d].source.outlet for d in docs if d in self.ix.docs)

    def _published(self, docs: Iterable[str]) -> tuple[str, ...]:
        return _months(self.ix.published(d) for d in docs)

    def _first_reported(self, docs: Iterable[str]) -> list[str]:
        """The dated one of `docs` published first (none if no document has a date)."""
        dated = sorted((date, d) for d in docs if (date := self.ix.published(d)))
        return [dated[0][1]] if dated else []

    def _regions_at(self, mentions: list[Mention]) -> list[str]:
        """The regions named most often in the sentences of `mentions` (at most `MAX_PLACES`)."""
        sentences = {(m.doc, m.sentence) for m in mentions}
        return _most((r for key in sentences for r in self.regions_at.get(key, ())), MAX_PLACES)

    # --- per kind ----------------------------------------------------------------------

    def actor(self, actor_id: str) -> Facets:
        actor = self.ix.actors[actor_id]
        return Facets(
            "Akteur",
            actors=(actor.name,),
            regions=_sorted(self._places(self._regions_at(actor.mentions))),
        )

    def region(self, region_id: str) -> Facets:
        region = self.ix.regions[region_id]
        acting = [a for a, _ in self.kit.rel.co_mentioned(region.mentions)[:MAX_ACTORS]]
        return Facets(
            "Region",
            actors=_sorted(self._names(acting)),
            regions=(region.name,),
        )

    def claim(self, claim_id: str) -> Facets:
        claim = self.ix.claims[claim_id]
        speakers = [st.claimant for st in claim.statements]
        return Facets(
            "Behauptung",
            actors=_sorted(_most(self._names(claim.actors), MAX_ACTORS, first=self._names(speakers))),
            regions=_sorted(_most(self._places(claim.regions), MAX_PLACES)),
            months=self._published(self._first_reported(st.doc for st in claim.statements)),
        )

    def figures(self, kind: str, figures: list[Figure]) -> Facets:
        return Facets(
            kind,
            actors=_sorted(_most(self._names(f.attributed_to for f in figures), MAX_ACTORS)),
            regions=_sorted(_most(self._places(r for f in figures for r in f.regions), MAX_PLACES)),
        )

    def source(self, doc_id: str) -> Facets:
        actors, regions = self.kit.rel.mentioned_in(doc_id)
        return Facets(
            "Quelle",
            actors=_sorted(self._names(_ranked(dict(actors))[:MAX_ACTORS])),
            regions=_sorted(self._places(_ranked(dict(regions))[:MAX_PLACES])),
            outlets=self._outlets([doc_id]),
            months=self._published([doc_id]),
        )


def facets_markup(facets: Facets | None) -> Safe:
    """The hidden block of ``data-pagefind-filter`` elements that ends a page ("" without facets)."""
    if facets is None:
        return Safe("")
    spans = "".join(
        f'<span data-pagefind-filter="{escape_html(name)}:{escape_html(value)}"></span>'
        for name, value in facets.filters()
    )
    return Safe(f'<div class="lb-facets" hidden>{spans}</div>')
