"""Export per document in the annotation format, and score it against gold files.

The format and the scoring follow ``tests/data/ANNOTATION.md`` exactly, so the numbers
``lagebild evaluate`` prints mean the same everywhere.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.errors import InputError
from generator.model import Report

CATEGORIES = ("actors", "actors_typed", "regions", "figures", "claims")


def _value(v: float) -> int | float:
    return int(v) if float(v).is_integer() else v


def document_records(report: Report) -> list[dict[str, Any]]:
    """One record per document in the annotation format."""
    actors = {a.id: a for a in report.actors}
    records = []
    for doc in report.documents:
        sentences = {s.index: s.text for s in doc.sentences}

        def entities_in(items: list[Any], with_type: bool, doc_id: str = doc.id) -> list[dict[str, Any]]:
            out = []
            for item in items:
                forms = list(dict.fromkeys(m.text for m in item.mentions if m.doc == doc_id))
                if not forms:
                    continue
                rec: dict[str, Any] = {"name": item.name, "type": item.type}
                if with_type:
                    rec["role"] = item.role
                else:
                    rec["country"] = item.country
                rec["mentions"] = forms
                out.append(rec)
            return out

        figures = [
            {
                "value": _value(f.value),
                "surface": f.surface,
                "qualifier": f.qualifier,
                "counts": f.counts,
                "subject": f.subject,
                "attributed_to": actors[f.attributed_to].name if f.attributed_to else None,
                "sentence": sentences[f.sentence],
            }
            for f in report.figures
            if f.doc == doc.id
        ]
        claims = [
            {
                "claim": c.text,
                "claimant": actors[s.claimant].name if s.claimant else None,
                "stance": s.stance,
                "confidence": s.confidence,
                "sentence": sentences[s.sentence],
            }
            for c in report.claims
            for s in c.statements
            if s.doc == doc.id
        ]
        claims.sort(
            key=lambda r: (list(sentences.values()).index(r["sentence"]), r["claimant"] or "", r["claim"])
        )
        records.append(
            {
                "document": doc.source.path,
                "outlet": doc.source.outlet,
                "published": doc.source.published,
                "actors": entities_in(report.actors, True),
                "regions": entities_in(report.regions, False),
                "figures": figures,
                "claims": claims,
            }
        )
    return records


# -- scoring ----------------------------------------------------------------------------------

_PARENS = re.compile(r"\([^)]*\)")
_PUNCT = re.compile(r"[^\w\s-]|_")


def normalise(text: str | None) -> str:
    """NFKC, case-folded, parentheses dropped, punctuation except '-' to spaces, spaces collapsed."""
    if text is None:
        return ""
    text = unicodedata.normalize("NFKC", str(text)).casefold()
    text = _PARENS.sub(" ", text)
    text = _PUNCT.sub(" ", text)
    return " ".join(text.split())


def _names(item: dict[str, Any]) -> set[str]:
    names = {normalise(item.get("name"))} | {normalise(m) for m in item.get("mentions") or []}
    return names - {""}


def sentences_overlap(a: str, b: str) -> bool:
    na, nb = normalise(a), normalise(b)
    if not na or not nb:
        return False
    if na in nb or nb in na:
        return True
    wa, wb = na.split(), nb.split()
    shorter, longer = (wa, wb) if len(wa) <= len(wb) else (wb, wa)
    pool = list(longer)
    shared = 0
    for w in shorter:
        if w in pool:
            pool.remove(w)
            shared += 1
    return shared >= 0.6 * len(shorter)


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def _match(pred: list[Any], gold: list[Any], same) -> list[tuple[Any, Any]]:
    """Greedy one-to-one matching in order: each predicted item takes the first free gold item."""
    used: set[int] = set()
    pairs = []
    for p in pred:
        for gi, g in enumerate(gold):
            if gi not in used and same(p, g):
                used.add(gi)
                pairs.append((p, g))
                break
    return pairs


def _actor_names(doc: dict[str, Any]) -> dict[str, set[str]]:
    return {normalise(a["name"]): _names(a) for a in doc.get("actors") or []}


def _same_actor(p_name: str | None, g_name: str | None, p_doc: dict, g_doc: dict) -> bool:
    if p_name is None or g_name is None:
        return p_name is None and g_name is None
    p_names = _actor_names(p_doc).get(normalise(p_name), {normalise(p_name)})
    g_names = _actor_names(g_doc).get(normalise(g_name), {normalise(g_name)})
    return bool(p_names & g_names)


@dataclass
class Evaluation:
    scores: dict[str, Score]
    attribution: tuple[int, int]
    qualifier: tuple[int, int]
    stance: tuple[int, int]
    metadata: tuple[int, int]
    details: list[str] = field(default_factory=list)

    def ratio(self, pair: tuple[int, int]) -> float:
        return pair[0] / pair[1] if pair[1] else 0.0

    @property
    def macro_f1(self) -> float:
        keys = ("actors_typed", "regions", "figures", "claims")
        return sum(self.scores[k].f1 for k in keys) / len(keys)

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            k: {
                "precision": round(s.precision, 4),
                "recall": round(s.recall, 4),
                "f1": round(s.f1, 4),
                "tp": s.tp,
                "fp": s.fp,
                "fn": s.fn,
            }
            for k, s in self.scores.items()
        }
        for name in ("attribution", "qualifier", "stance", "metadata"):
            pair = getattr(self, name)
            out[name] = {"accuracy": round(self.ratio(pair), 4), "correct": pair[0], "total": pair[1]}
        out["macro_f1"] = round(self.macro_f1, 4)
        return out

    def table(self) -> str:
        lines = [f"{'category':<14}{'precision':>10}{'recall':>10}{'f1':>8}{'tp':>6}{'fp':>6}{'fn':>6}"]
        for k, s in self.scores.items():
            lines.append(
                f"{k:<14}{s.precision:>10.3f}{s.recall:>10.3f}{s.f1:>8.3f}{s.tp:>6}{s.fp:>6}{s.fn:>6}"
            )
        for name in ("attribution", "qualifier", "stance", "metadata"):
            pair = getattr(self, name)
            lines.append(f"{name:<14}{'accuracy':>10}{self.ratio(pair):>10.3f}{'':>8}{pair[0]:>6}/{pair[1]}")
        lines.append(f"{'macro-F1':<14}{'':>10}{'':>10}{self.macro_f1:>8.3f}")
        return "\n".join(lines)


class _Scorer:
    """Accumulates the scores of ANNOTATION.md over documents."""

    def __init__(self) -> None:
        self.scores = {k: Score() for k in CATEGORIES}
        self.counts = {k: [0, 0] for k in ("attribution", "qualifier", "stance", "metadata")}
        self.details: list[str] = []

    def count(self, name: str, ok: bool) -> bool:
        self.counts[name][1] += 1
        self.counts[name][0] += ok
        return ok

    def tally(self, stem: str, key: str, pred: list, gold: list, same) -> list[tuple[Any, Any]]:
        pairs = _match(pred, gold, same)
        score = self.scores[key]
        score.tp += len(pairs)
        score.fp += len(pred) - len(pairs)
        score.fn += len(gold) - len(pairs)
        matched = {id(x) for pair in pairs for x in pair}
        self.details.extend(f"{stem} {key} extra: {_describe(p)}" for p in pred if id(p) not in matched)
        self.details.extend(f"{stem} {key} missed: {_describe(g)}" for g in gold if id(g) not in matched)
        return pairs

    def document(self, p_doc: dict[str, Any], g_doc: dict[str, Any]) -> None:
        stem = Path(g_doc["document"]).stem
        for name in ("outlet", "published"):
            if not self.count("metadata", normalise(p_doc.get(name)) == normalise(g_doc.get(name))):
                self.details.append(f"{stem} {name}: {p_doc.get(name)!r} ≠ {g_doc.get(name)!r}")

        def same_entity(p: dict, g: dict) -> bool:
            return bool(_names(p) & _names(g))

        def same_actor(p_name: str | None, g_name: str | None) -> bool:
            return _same_actor(p_name, g_name, p_doc, g_doc)

        self.tally(stem, "actors", p_doc["actors"], g_doc["actors"], same_entity)
        self.tally(
            stem,
            "actors_typed",
            p_doc["actors"],
            g_doc["actors"],
            lambda p, g: same_entity(p, g) and p["type"] == g["type"],
        )
        self.tally(stem, "regions", p_doc["regions"], g_doc["regions"], same_entity)
        figures = self.tally(
            stem,
            "figures",
            p_doc["figures"],
            g_doc["figures"],
            lambda p, g: (
                float(p["value"]) == float(g["value"]) and sentences_overlap(p["sentence"], g["sentence"])
            ),
        )
        for p, g in figures:
            if not self.count("attribution", same_actor(p.get("attributed_to"), g.get("attributed_to"))):
                self.details.append(
                    f"{stem} attribution: {p['value']} {p.get('attributed_to')!r}"
                    f" ≠ {g.get('attributed_to')!r}"
                )
            self.count("qualifier", normalise(p.get("qualifier")) == normalise(g.get("qualifier")))
        claims = self.tally(
            stem,
            "claims",
            p_doc["claims"],
            g_doc["claims"],
            lambda p, g: (
                sentences_overlap(p["sentence"], g["sentence"])
                and same_actor(p.get("claimant"), g.get("claimant"))
            ),
        )
        for p, g in claims:
            if not self.count("stance", p.get("stance") == g.get("stance")):
                self.details.append(
                    f"{stem} stance: {p['stance']} ≠ {g['stance']} ({p['claimant']}): {p['sentence'][:70]}"
                )


def evaluate(predicted: list[dict[str, Any]], gold: list[dict[str, Any]]) -> Evaluation:
    """Score predicted documents against gold documents, matched by file stem."""
    scorer = _Scorer()
    empty = {"actors": [], "regions": [], "figures": [], "claims": []}
    by_stem = {Path(d["document"]).stem: d for d in predicted}
    for g_doc in gold:
        scorer.document(by_stem.get(Path(g_doc["document"]).stem, empty), g_doc)
    c = scorer.counts
    return Evaluation(
        scorer.scores,
        tuple(c["attribution"]),
        tuple(c["qualifier"]),
        tuple(c["stance"]),  # type: ignore[arg-type]
        tuple(c["metadata"]),
        scorer.details,
    )  # type: ignore[arg-type]


def _describe(item: dict[str, Any]) -> str:
    if "sentence" in item:
        who = item.get("claimant", item.get("attributed_to"))
        head = item.get("value", item.get("stance"))
        return f"{head} by {who!r}: {item['sentence'][:80]}"
    return f"{item.get('name')!r} ({item.get('type')}) {item.get('mentions')}"


def load_gold(folder: Path) -> list[dict[str, Any]]:
    files = sorted(folder.glob("*.json"))
    if not files:
        raise InputError(str(folder), "no gold files (*.json) found")
    return [_load_json(p) for p in files]


def load_extraction(path: Path) -> list[dict[str, Any]]:
    data = _load_json(path)
    if not isinstance(data, dict) or not isinstance(data.get("documents"), list):
        raise InputError(str(path), 'expected {"documents": [...]} as written by `lagebild extract`')
    return data["documents"]


def _load_json(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise InputError(str(path), "file not found") from exc
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(str(path), f"not valid JSON: {exc}") from exc
