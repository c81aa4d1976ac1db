"""Extraction time of one article that is a single long paragraph (no blank lines).

Usage: python benchmarks/long_paragraph.py [--sizes 10000,100000,500000,1000000,2000000] [--profile]

The paragraph is German news text made from the development articles (people renamed, counts
varied, see `corpus.py`), their lines joined by spaces until the size is reached. For each size it
prints the characters, sentences, extraction seconds and microseconds per character: when
extraction is linear in the input, the last column stays flat. A benchmark, not a test: it prints
figures and asserts nothing. ``--profile`` also prints the top functions of a cProfile run per size.
"""

from __future__ import annotations

import argparse
import cProfile
import logging
import pstats
import random
import sys
import time
from pathlib import Path

from generator.corpus.read import RawArticle
from generator.extract import Extractor
from generator.nlp import build_pipeline

sys.path.insert(0, str(Path(__file__).parent))
from corpus import article, templates

SIZES = (10_000, 100_000, 500_000, 1_000_000, 2_000_000)
META = {"title": "Lang", "published": "2024-05-01"}


def long_paragraph(size: int, seed: int = 7) -> str:
    """About `size` characters of German news text in one paragraph."""
    rng = random.Random(seed)
    base = templates()
    parts: list[str] = []
    length, i = 0, 0
    while length < size:
        template = base[i % len(base)]
        for line in article(template.text, template.people, rng).split("\n"):
            if line.strip():
                parts.append(line.strip())
                length += len(line.strip()) + 1
        i += 1
    return " ".join(parts)[:size].rsplit(" ", 1)[0]


def extract_once(extractor: Extractor, text: str) -> int:
    """Extract `text` as one article; returns its number of sentences."""
    [result] = extractor.extract([RawArticle(id="lang", path="lang.txt", text=text, meta=META)])
    return len(result.document.sentences)


def timed(extractor: Extractor, text: str, profile: bool) -> tuple[float, int]:
    profiler = cProfile.Profile() if profile else None
    start = time.perf_counter()
    if profiler is None:
        sentences = extract_once(extractor, text)
    else:
        sentences = profiler.runcall(extract_once, extractor, text)
    seconds = time.perf_counter() - start
    if profiler is not None:
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)
    return seconds, sentences


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default=",".join(str(s) for s in SIZES))
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args()
    logging.disable(logging.WARNING)
    extractor = Extractor(build_pipeline())
    extract_once(extractor, long_paragraph(5_000))  # warm-up: pipeline and knowledge loaded
    print(f"{'characters':>12} {'sentences':>10} {'seconds':>9} {'µs/char':>8}")
    for size in (int(s) for s in args.sizes.split(",")):
        text = long_paragraph(size)
        seconds, sentences = timed(extractor, text, args.profile)
        per_char = seconds / len(text) * 1e6
        print(f"{len(text):>12,} {sentences:>10,} {seconds:>9.2f} {per_char:>8.1f}", flush=True)


if __name__ == "__main__":
    main()
