"""Data files beside the pages: the whole model as JSON, figures and statements as CSV.

Every text cell of the CSV files is safe to open in a spreadsheet (:func:`safe_cell`); control
and bidi characters are dropped from all data files, as from pages.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable
from dataclasses import is_dataclass
from pathlib import Path
from typing import Any, TextIO

from generator.model import Report, field_names
from generator.resolve.index import ReportIndex

DATA_FILES = ("data/claims.csv", "data/figures.csv", "data/report.json")


def data_files(report: Report, ix: ReportIndex) -> dict[str, str]:
    """``data/report.json`` (the whole model), ``data/figures.csv``, ``data/claims.csv``
    (`DATA_FILES`)."""
    return dict(zip(DATA_FILES, (claims_csv(ix), figures_csv(ix), report_json(report)), strict=True))


def write_data_files(report: Report, ix: ReportIndex, folder: Path) -> list[str]:
    """Write `DATA_FILES` below `folder` and return their paths relative to it.

    ``report.json`` goes to the file as it is encoded: at 10,000 articles it is some 300 MB,
    which as one string (and the model as dicts before it) would double the build's memory."""
    (folder / "data").mkdir(parents=True, exist_ok=True)
    for rel, text in (("data/claims.csv", claims_csv(ix)), ("data/figures.csv", figures_csv(ix))):
        (folder / rel).write_text(text, encoding="utf-8", newline="")
    with (folder / "data/report.json").open("w", encoding="utf-8", newline="") as fh:
        write_report_json(report, fh)
    return list(DATA_FILES)


def report_json(report: Report) -> str:
    """The whole model as ``json.dumps(plain_text(report.to_dict()), ensure_ascii=False, indent=1,
    sort_keys=True)`` would write it, in one pass (the standard encoder is slow with an indent)."""
    buffer = io.StringIO()
    write_report_json(report, buffer)
    return buffer.getvalue()


def write_report_json(report: Report, out: TextIO) -> None:
    """`report_json` written to `out` piece by piece: the model is read as it is, never copied."""
    sink = _Sink(out)
    _emit(report, "\n", sink)
    sink.flush()


class _Sink:
    """Collects the encoded pieces and writes them out in batches."""

    BATCH = 1 << 16

    def __init__(self, out: TextIO) -> None:
        self.out = out
        self.parts: list[str] = []

    def append(self, part: str) -> None:
        self.parts.append(part)
        if len(self.parts) >= self.BATCH:
            self.flush()

    def flush(self) -> None:
        self.out.write("".join(self.parts))
        self.parts.clear()


_encode_text = json.encoder.encode_basestring  # type: ignore[attr-defined]
_encode_float = json.encoder.JSONEncoder().iterencode  # NaN and infinities as json.dumps writes them


def _emit(value: Any, newline: str, out: _Sink) -> None:
    """Append `value` as indented JSON (one space per level) to `out`; text without control characters.
    A dataclass is written as the dict of its fields (`generator.model.plain_data`)."""
    if isinstance(value, str):
        out.append(_encode_text(_CONTROL.sub("", value)))
    elif value is None:
        out.append("null")
    elif value is True or value is False:
        out.append("true" if value else "false")
    elif isinstance(value, int):
        out.append(int.__repr__(value))
    elif isinstance(value, float):
        out.append("".join(_encode_float(value)))
    elif isinstance(value, dict):
        _emit_dict(value, newline, out)
    elif isinstance(value, list | tuple):
        _emit_list(value, newline, out)
    elif is_dataclass(value) and not isinstance(value, type):
        _emit_dict({name: getattr(value, name) for name in field_names(value)}, newline, out)
    else:
        out.append(json.dumps(plain_text(value), ensure_ascii=False))


def _emit_dict(value: dict[Any, Any], newline: str, out: _Sink) -> None:
    if not value:
        out.append("{}")
        return
    inner = newline + " "
    items = sorted({plain_text(k): v for k, v in value.items()}.items())
    out.append("{")
    for n, (key, item) in enumerate(items):
        out.append(("," if n else "") + inner + _encode_text(key) + ": ")
        _emit(item, inner, out)
    out.append(newline + "}")


def _emit_list(value: list[Any] | tuple[Any, ...], newline: str, out: _Sink) -> None:
    if not value:
        out.append("[]")
        return
    inner = newline + " "
    out.append("[")
    for n, item in enumerate(value):
        out.append(("," if n else "") + inner)
        _emit(item, inner, out)
    out.append(newline + "]")


# Control characters and bidi embeddings, overrides and isolates are dropped from data files as
# from pages (tab, newline and carriage return stay: CSV quotes them).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u202a-\u202e\u2066-\u2069]")
# A cell a spreadsheet would evaluate starts with one of these (full-width forms in East Asian
# locales too); a plain number such as "-3" or "+1.5" stays a number.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")
_NUMBER = re.compile(r"[+-]?\d+(?:\.\d+)?(?:e[+-]?\d+)?", re.IGNORECASE)


def safe_cell(value: object) -> object:
    """A CSV cell that a spreadsheet shows as written: text that would start a formula gets a
    leading apostrophe (``=SUMME(A1)`` → ``'=SUMME(A1)``), control characters are dropped."""
    if value is None:
        return ""
    if not isinstance(value, str):
        return value
    text = _CONTROL.sub("", value)
    if text.startswith(FORMULA_STARTS) and not _NUMBER.fullmatch(text):
        return "'" + text
    return text


def plain_text(value: Any) -> Any:
    """`value` (JSON data) with control and bidi characters dropped from every text in it."""
    if isinstance(value, str):
        return _CONTROL.sub("", value)
    if isinstance(value, dict):
        return {plain_text(k): plain_text(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain_text(v) for v in value]
    return value


def _csv(header: list[str], rows: Iterable[list[object]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows([safe_cell(v) for v in row] for row in rows)
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
