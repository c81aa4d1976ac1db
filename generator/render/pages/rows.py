"""Rows as pages print them: a figure, a statement, a source, a tag, with their links built.

All generated pages sit one folder deep, so a link reads the same on every page: `Rows` builds
each figure's and each statement's row once and every page that lists it shares it. Text that a
row prints as a link is escaped here; values that templates format (dates, numbers, stances,
names in plain text) stay raw for their filters.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from generator.base.slugs import slugify
from generator.model import Claim, Figure, Statement
from generator.render import limits
from generator.render.escape import Safe
from generator.render.formats import number_text, value_text
from generator.render.limits import Shown
from generator.render.links import Linker
from generator.render.series_pages import SeriesPages
from generator.resolve.index import ReportIndex


@dataclass(frozen=True)
class FigureRow:
    """One figure with everything a table, a timeline line or a summary prints about it."""

    anchor: str  # the id of its row on its series page (``zahl-…``)
    qualifier: str | None
    value: float
    value_link: Safe  # "fast 4.500" → its row on its series page (its top if not listed)
    number_link: Safe  # "4.500" → its row on its series page
    series_name: str
    series_link: Safe  # the series' name → its page
    subject: str | None
    surface: str  # the figure as the text writes it
    attributed: bool  # a claimant is named (else `voice` says who states it, if anyone)
    claimant: Safe  # link to the claimant's page (or the marked "ohne Zuschreibung")
    voice: str | None
    date: str | None  # the sentence's date, else the figure's, else the article's
    regions: list[Safe]  # links to the places the sentence names
    sentence: Safe  # "Satz 3" → the sentence on its source page
    evidence: Safe  # "CNN, Satz 3" → the sentence on its source page


@dataclass(frozen=True)
class StatementRow:
    """One statement with everything a table or a timeline line prints about it."""

    anchor: str  # the id of its row on its claim page (``aussage-…``)
    date: str | None  # the sentence's date, else the statement's, else the article's
    stance: str
    claim: Safe  # the claim's text → this statement's row on the claim page (its top if not listed)
    claimant: Safe
    quote: Safe  # the quote (or the sentence) → the sentence on its source page
    source: Safe  # the outlet → the source page
    sentence: Safe  # "Satz 3" → the sentence
    evidence: Safe  # "CNN, Satz 3" → the sentence


@dataclass(frozen=True)
class SourceRow:
    """A source that mentions an entity: its link, date and how often it mentions it."""

    link: Safe
    published: str | None
    count: int


@dataclass(frozen=True)
class Counted:
    """A linked actor or region and a count (mentions, shared sentences)."""

    link: Safe
    count: int


@dataclass(frozen=True)
class Tag:
    """A tag (Person, Stadt, Russland …): its chip links to its list on the Schlagwörter page."""

    name: str
    anchor: str
    link: Safe


def tag(name: str) -> Tag:
    return Tag(name, slugify(name), Linker.tag(name))


class Rows:
    """Builds the rows of one report; each figure's and statement's row once."""

    def __init__(self, ix: ReportIndex, series: SeriesPages) -> None:
        self.ix = ix
        self.series = series
        self.ln = Linker(ix)
        self._figures: dict[str, FigureRow] = {}
        self._statements: dict[tuple[str, str], StatementRow] = {}
        self._listed: dict[str, Shown] = {}
        self._listed_ids: set[tuple[str, str]] = set()

    def figure(self, f: Figure) -> FigureRow:
        row = self._figures.get(f.id)
        if row is None:
            row = self._figures[f.id] = self._figure_row(f)
        return row

    def figures(self, figures: Iterable[Figure]) -> list[FigureRow]:
        return [self.figure(f) for f in figures]

    def _figure_row(self, f: Figure) -> FigureRow:
        ln, where, s = self.ln, self.series.figure_path(f), self.series.of(f)
        return FigureRow(
            anchor=self.ix.figure_anchor(f.id),
            qualifier=f.qualifier,
            value=f.value,
            value_link=ln.to(where, value_text(f)),
            number_link=ln.to(where, number_text(f.value)),
            series_name=s.name,
            series_link=ln.to(self.series.path(s), s.name),
            subject=f.subject,
            surface=f.surface,
            attributed=bool(f.attributed_to),
            claimant=ln.actor(f.attributed_to),
            voice=f.voice,
            date=self.ix.figure_date(f),
            regions=self.regions(f.regions),
            sentence=ln.sentence(f.doc, f.sentence),
            evidence=ln.cite(f.doc, f.sentence),
        )

    def statement(self, claim: Claim, st: Statement) -> StatementRow:
        row = self._statements.get((claim.id, st.id))
        if row is None:
            row = self._statements[(claim.id, st.id)] = self._statement_row(claim, st)
        return row

    def listed(self, claim: Claim) -> Shown:
        """The statements its claim page lists, oldest first: all, or the newest
        `limits.EVIDENCE_ROWS`."""
        found = self._listed.get(claim.id)
        if found is None:
            ordered = sorted(claim.statements, key=self.ix.statement_key)
            found = self._listed[claim.id] = limits.newest(
                ordered, self.ix.statement_date, limits.EVIDENCE_ROWS
            )
            self._listed_ids.update((claim.id, st.id) for st in found.rows)
        return found

    def statements(self, pairs: Iterable[tuple[Claim, Statement]]) -> list[StatementRow]:
        return [self.statement(claim, st) for claim, st in pairs]

    def _statement_row(self, claim: Claim, st: Statement) -> StatementRow:
        ln, ix = self.ln, self.ix
        self.listed(claim)
        listed = (claim.id, st.id) in self._listed_ids
        return StatementRow(
            anchor=ix.statement_anchor(st.id),
            date=ix.statement_date(st),
            stance=st.stance,
            claim=ln.statement_row(claim.id, st.id, claim.text) if listed else ln.claim(claim.id),
            claimant=ln.actor(st.claimant),
            quote=ln.statement_text(st),
            source=self.source_link(st.doc),
            sentence=ln.sentence(st.doc, st.sentence),
            evidence=ln.cite(st.doc, st.sentence),
        )

    def source_link(self, doc_id: str) -> Safe:
        """The source's outlet (or short title), linked to its page."""
        return self.ln.source(doc_id, self.ix.source_label(doc_id))

    def sources(self, counts: Iterable[tuple[str, int]]) -> list[SourceRow]:
        """(doc id, mentions) pairs as rows with the source's title linked."""
        return [SourceRow(self.ln.source(d), self.ix.published(d), n) for d, n in counts]

    def actors(self, counts: Iterable[tuple[str, int]]) -> list[Counted]:
        return [Counted(self.ln.actor(a), n) for a, n in counts]

    def regions_counted(self, counts: Iterable[tuple[str, int]]) -> list[Counted]:
        return [Counted(self.ln.region(r), n) for r, n in counts]

    def actor_links(self, ids: Iterable[str | None]) -> list[Safe]:
        return [self.ln.actor(a) for a in ids]

    def regions(self, ids: Iterable[str]) -> list[Safe]:
        return [self.ln.region(r) for r in ids]

    def claims(self, claims: Iterable[Claim]) -> list[Safe]:
        return [self.ln.claim(c.id) for c in claims]
