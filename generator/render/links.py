"""Escaped Markdown links between generated pages.

All generated pages sit one folder below the docs root (``akteure/x.md``), so a link from any
page is ``../<path>``; where things live comes from `generator.resolve.index.ReportIndex`.
The page data (`generator.render.pages`) builds its links here; templates only print them.
"""

from __future__ import annotations

from generator.base.slugs import slugify
from generator.model import Statement
from generator.render.escape import Safe, escape_markdown
from generator.resolve.index import ReportIndex


class Linker:
    """Escaped Markdown links from a generated page (one folder deep) to other pages."""

    def __init__(self, index: ReportIndex) -> None:
        self.index = index

    @staticmethod
    def to(path: str, text: object) -> Safe:
        """``[text](../path)`` with the text escaped; path is relative to the docs root."""
        return Safe(f"[{escape_markdown(text)}](../{path})")

    def actor(self, actor_id: str | None) -> Safe:
        """Link to an actor page; dangling ids and None are shown as text."""
        if actor_id in self.index.actors:
            return self.to(self.index.actor_path(actor_id), self.index.actors[actor_id].name)
        return Safe(f"*{escape_markdown(self.index.actor_name(actor_id))}*")

    def region(self, region_id: str) -> Safe:
        if region_id in self.index.regions:
            return self.to(self.index.region_path(region_id), self.index.regions[region_id].name)
        return escape_markdown(region_id)

    @staticmethod
    def tag(name: str) -> Safe:
        """A tag chip linking to the tag's list on the Schlagwörter page."""
        return Safe(f"[{escape_markdown(name)}](../schlagwoerter/index.md#{slugify(name)}){{ .md-tag }}")

    def claim(self, claim_id: str) -> Safe:
        if claim_id in self.index.claims:
            return self.to(self.index.claim_path(claim_id), self.index.claims[claim_id].text)
        return escape_markdown(claim_id)

    def source(self, doc_id: str, text: object | None = None) -> Safe:
        path = self.index.source_path(doc_id)
        shown = self.index.source_title(doc_id) if text is None else text
        return self.to(path, shown) if path else escape_markdown(shown)

    def sentence(self, doc_id: str, index: int, text: object | None = None) -> Safe:
        """Link to one sentence on its source page (``../quellen/x.md#s3``).

        The link text defaults to "Satz n". A sentence missing from the model links to
        the source page without an anchor rather than to an anchor that does not exist.
        """
        shown = f"Satz {index + 1}" if text is None else text
        path = self.index.source_path(doc_id)
        if path is None:
            return escape_markdown(shown)
        sentence = self.index.sentence(doc_id, index)
        anchor = f"#{sentence.anchor}" if sentence else ""
        return self.to(f"{path}{anchor}", shown)

    def cite(self, doc_id: str, index: int) -> Safe:
        """A short citation link: "CNN, Satz 3" → the sentence on its source page."""
        return self.sentence(doc_id, index, f"{self.index.source_label(doc_id)}, Satz {index + 1}")

    def statement_text(self, statement: Statement) -> Safe:
        """The quote (in „…“) or else the whole sentence, linked to the sentence."""
        if statement.quote:
            text = f"„{statement.quote}“"
        else:
            text = self.index.sentence_text(statement.doc, statement.sentence) or "Satz"
        return self.sentence(statement.doc, statement.sentence, text)

    def statement_row(self, claim_id: str, statement_id: str, text: object) -> Safe:
        """Link to a statement's row on its claim page (``../behauptungen/x.md#aussage-…``)."""
        if claim_id not in self.index.claims:
            return escape_markdown(text)
        anchor = self.index.statement_anchor(statement_id)
        return self.to(f"{self.index.claim_path(claim_id)}#{anchor}", text)
