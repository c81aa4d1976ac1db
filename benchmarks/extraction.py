"""Extraction throughput: words per second on a corpus made from the seeds and the unseen set.

Usage: python benchmarks/extraction.py [--articles 2000]

The corpus repeats the development articles with numbers varied, so every article is
distinct text. Prints start-up time, extraction time and words per second; a benchmark,
not a test — it asserts nothing.
"""

from __future__ import annotations

import argparse
import logging
import sys
import time
from pathlib import Path

from generator.corpus.read import RawArticle
from generator.extract import Extractor
from generator.nlp import build_pipeline
from generator.resolve.merge import resolve

sys.path.insert(0, str(Path(__file__).parent))
from corpus import generate


def corpus(n: int) -> list[RawArticle]:
    return [
        RawArticle(id=name[:-4], path=name, text=text, meta={"title": name}) for name, text in generate(n)
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    args = parser.parse_args()
    logging.disable(logging.WARNING)
    t0 = time.perf_counter()
    pipeline = build_pipeline()
    startup = time.perf_counter() - t0
    articles = corpus(args.articles)
    words = sum(len(a.text.split()) for a in articles)
    t1 = time.perf_counter()
    extracted = Extractor(pipeline).extract(articles)
    t2 = time.perf_counter()
    report = resolve(extracted)
    t3 = time.perf_counter()
    print(f"{'articles':<28}{len(articles):>12,}")
    print(f"{'words':<28}{words:>12,}")
    print(f"{'start-up (s)':<28}{startup:>12.2f}")
    print(f"{'extraction (s)':<28}{t2 - t1:>12.2f}")
    print(f"{'resolution (s)':<28}{t3 - t2:>12.2f}")
    print(f"{'words per second':<28}{words / (t2 - t1):>12,.0f}")
    print(
        f"{'actors / regions / claims':<28}{len(report.actors):>6}/{len(report.regions)}/{len(report.claims)}"
    )


if __name__ == "__main__":
    main()
