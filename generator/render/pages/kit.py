"""What every page builder shares: the report's lookups, its rows, and the page spec it returns.

A page builder (one module per page type) reads the report through `Kit` and returns a
`PageSpec` whose `data` is a plain dataclass: every value its template prints, links already
built. The query objects stay here, in Python; no template sees them.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any

from generator.charts.assets import Asset
from generator.render.citation import Citation, SiteInfo, cite
from generator.render.pages.rows import Rows
from generator.render.series_pages import SeriesPages
from generator.render.source_text import SourceText
from generator.resolve.index import ReportIndex
from generator.resolve.relations import Relations


@dataclass(frozen=True)
class PageSpec:
    """One page to write: where, with which template, and the data it shows."""

    path: str  # relative to the docs root, e.g. "akteure/wladimir-putin.md"
    template: str
    data: Any  # a dataclass: the page's values, each field one template variable
    cite: Citation  # the page's "Zitieren" box
    assets: tuple[Asset, ...] = ()  # charts and maps the page embeds

    @property
    def context(self) -> dict[str, Any]:
        """The template's variables: the fields of `data` and ``cite``."""
        values = {f.name: getattr(self.data, f.name) for f in fields(self.data)}
        return {**values, "cite": self.cite}


class Kit:
    """The lookups over one report that page builders read, built once per render."""

    def __init__(self, ix: ReportIndex, site: SiteInfo) -> None:
        self.ix = ix
        self.site = site
        self.rel = Relations(ix)
        self.series = SeriesPages(ix)
        self.text = SourceText(ix)
        self.rows = Rows(ix, self.series)
        self.ln = self.rows.ln
        self.all_docs = [d.id for d in ix.sorted_documents()]

    def page(
        self, path: str, template: str, title: str, docs: list[str], data: Any, assets: tuple[Asset, ...] = ()
    ) -> PageSpec:
        """The spec of a page titled `title` that rests on the documents `docs`."""
        return PageSpec(path, template, data, cite(self.site, self.ix, path, title, docs), assets)
