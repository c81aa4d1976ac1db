"""HanTa tagger throughput: words per second of the ``lagebild_tagger`` component.

Usage: python benchmarks/tagger.py [--words 100000] [--baseline-words 10000]

The text is the paragraphs of the seed articles and the unseen set, shuffled and repeated
until about ``--words`` words (whitespace-separated, as in benchmarks/extraction.py). Docs
are tokenised and split into sentences first; the timings cover the tagger alone:

* cold: a new component (empty caches) over the whole text;
* warm: the same component over the same text again;
* cold, distinct: a new component over each paragraph once (every form is new at first);
* HanTa ``tag_sent``: the unwrapped tagger on the first ``--baseline-words`` words, the
  figure before the caches.

A benchmark, not a test — it asserts nothing.
"""

from __future__ import annotations

import argparse
import random
import time
from pathlib import Path

import spacy
from spacy.tokens import Doc

from generator.nlp.tagger import HanTaTagger, hanta_input, load_model

ROOT = Path(__file__).resolve().parents[1]
SOURCES = sorted((ROOT / "seeds").glob("*.txt")) + sorted((ROOT / "tests" / "data" / "unseen").glob("*.txt"))


def paragraphs() -> list[str]:
    out = []
    for path in SOURCES:
        text = path.read_text(encoding="utf-8")
        out += [p.strip() for p in text.split("\n\n") if p.strip()]
    return out


def corpus(words: int, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    base = paragraphs()
    out: list[str] = []
    count = 0
    while count < words:
        batch = base[:]
        rng.shuffle(batch)
        for p in batch:
            out.append(p)
            count += len(p.split())
            if count >= words:
                break
    return out


def count_words(texts: list[str]) -> int:
    return sum(len(t.split()) for t in texts)


def run(tagger: HanTaTagger, docs: list[Doc]) -> float:
    t0 = time.perf_counter()
    for doc in docs:
        tagger(doc)
    return time.perf_counter() - t0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=100_000)
    parser.add_argument("--baseline-words", type=int, default=10_000)
    args = parser.parse_args()

    nlp = spacy.blank("de")
    nlp.add_pipe("sentencizer")
    t0 = time.perf_counter()
    load_model()
    load = time.perf_counter() - t0

    texts = corpus(args.words)
    words = count_words(texts)
    docs = list(nlp.pipe(texts))
    distinct = paragraphs()
    distinct_docs = list(nlp.pipe(distinct))

    tagger = HanTaTagger(nlp, cache_size=100_000)
    cold = run(tagger, docs)
    warm = run(tagger, docs)
    info = tagger.cache_info()
    distinct_cold = run(HanTaTagger(nlp, cache_size=100_000), distinct_docs)

    model = load_model()
    baseline_texts = corpus(args.baseline_words)
    baseline_docs = list(nlp.pipe(baseline_texts))
    t0 = time.perf_counter()
    for doc in baseline_docs:
        for sent in doc.sents:
            tokens = [hanta_input(t.text) for t in sent if not t.is_space]
            if tokens:
                model.tag_sent(tokens, taglevel=3)
    baseline = time.perf_counter() - t0

    rows = [
        ("model load (s)", f"{load:.2f}"),
        ("words", f"{words:,}"),
        ("cold (words/s)", f"{words / cold:,.0f}"),
        ("warm (words/s)", f"{words / warm:,.0f}"),
        (f"cold, distinct {count_words(distinct):,} words", f"{count_words(distinct) / distinct_cold:,.0f}"),
        (
            f"HanTa tag_sent, {count_words(baseline_texts):,} words",
            f"{count_words(baseline_texts) / baseline:,.0f}",
        ),
    ]
    rows += [(f"cache {name}", f"{ci.currsize:,} entries") for name, ci in info.items()]
    for label, value in rows:
        print(f"{label:<38}{value:>16}")


if __name__ == "__main__":
    main()
