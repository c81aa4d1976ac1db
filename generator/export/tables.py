"""Data files beside the pages: the whole model as JSON, figures and statements as CSV."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable

from generator.model import Report
from generator.resolve.index import ReportIndex


def data_files(report: Report, ix: ReportIndex) -> dict[str, str]:
    """``data/report.json`` (the whole model), ``data/figures.csv``, ``data/claims.csv``."""
    return {
        "data/claims.csv": claims_csv(ix),
        "data/figures.csv": figures_csv(ix),
        "data/report.json": json.dumps(report.to_dict(), ensure_ascii=False, indent=1, sort_keys=True),
    }


def _csv(header: list[str], rows: Iterable[list[object]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(["" if v is None else v for v in row] for row in rows)
    return buffer.getvalue()


def _plain_number(value: float) -> str:
    return str(int(value)) if value == int(value) else repr(value)


def _anchor(ix: ReportIndex, doc: str, index: int) -> str | None:
    sentence = ix.sentence(doc, index)
    return sentence.anchor if sentence else None


def figures_csv(ix: ReportIndex) -> str:
    names = {s.id: s.name for s in ix.report.series}
    header = [
        *("id", "doc", "sentence", "anchor", "value", "surface", "qualifier", "counts", "subject"),
        *("attributed_to", "attributed_name", "date", "regions", "series", "series_slug", "sentence_text"),
    ]
    rows = (
        [
            f.id,
            f.doc,
            f.sentence,
            _anchor(ix, f.doc, f.sentence),
            _plain_number(f.value),
            f.surface,
            f.qualifier,
            f.counts,
            f.subject,
            f.attributed_to,
            ix.actor_name(f.attributed_to) if f.attributed_to else None,
            ix.figure_date(f),
            ";".join(f.regions),
            names.get(f.series or ""),
            f.series,
            ix.sentence_text(f.doc, f.sentence),
        ]
        for f in ix.sorted_figures()
    )
    return _csv(header, rows)


def claims_csv(ix: ReportIndex) -> str:
    header = [
        *("claim_id", "claim", "statement_id", "doc", "sentence", "anchor", "claimant"),
        *("claimant_name", "stance", "date", "quote", "sentence_text"),
    ]
    rows = (
        [
            c.id,
            c.text,
            s.id,
            s.doc,
            s.sentence,
            _anchor(ix, s.doc, s.sentence),
            s.claimant,
            ix.actor_name(s.claimant) if s.claimant else None,
            s.stance,
            ix.statement_date(s),
            s.quote,
            ix.sentence_text(s.doc, s.sentence),
        ]
        for c in ix.sorted_claims()
        for s in sorted(c.statements, key=ix.statement_key)
    )
    return _csv(header, rows)
