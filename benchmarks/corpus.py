"""A corpus generator for benchmarks: N German articles made from the seeds and the unseen set.

People named in the gold annotations are renamed from a pool of names, so the number of
actors grows with the corpus as in a real news stream; numbers are varied; every article is
distinct text. Usage: python benchmarks/corpus.py N OUT_DIR
"""

from __future__ import annotations

import json
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
UNSEEN = ROOT / "tests" / "data" / "unseen"
SETS = [(ROOT / "seeds", ROOT / "tests" / "data" / "gold"), (UNSEEN, UNSEEN)]
FIRST = ["Anna", "Boris", "Carla", "Dmytro", "Elena", "Farid", "Gregor", "Hana", "Igor", "Julia",
         "Kemal", "Lena", "Marek", "Nadia", "Oleg", "Petra", "Rustam", "Sofia", "Tomasz", "Vera", "Walid",
         "Yulia"]  # fmt: skip
LAST = ["Abramowa", "Bondarenko", "Castellano", "Demir", "Eriksen", "Fomin", "Gruber", "Haddad", "Iwanow",
        "Jankowski", "Kowalczyk", "Lindqvist", "Marchetti", "Nowak", "Orlowa", "Petrenko", "Quast", "Rahimi",
        "Schewtschenko", "Tkachenko", "Urbanek", "Volkova", "Wysocki", "Zaharia"]  # fmt: skip


def templates() -> list[tuple[str, list[str]]]:
    """(article text, full names of its people) for every development article."""
    out = []
    for texts, gold in SETS:
        for path in sorted(texts.glob("*.txt")):
            g = json.loads((gold / f"{path.stem}.gold.json").read_text("utf-8"))
            people = [a["name"] for a in g["actors"] if a["type"] == "person" and len(a["name"].split()) >= 2]
            out.append((path.read_text("utf-8"), people))
    return out


def article(text: str, people: list[str], rng: random.Random) -> str:
    for name in people:
        first, last = rng.choice(FIRST), rng.choice(LAST)
        text = text.replace(name, f"{first} {last}").replace(name.split()[-1], last)
    return re.sub(r"\b\d{2,}\b", lambda m: str(int(m.group()) + rng.randint(1, 9)), text)


def generate(n: int, seed: int = 7) -> list[tuple[str, str]]:
    """N (file name, text) pairs."""
    rng = random.Random(seed)
    base = templates()
    return [(f"a{i:05d}.txt", article(*base[i % len(base)], rng)) for i in range(n)]


def write_corpus(n: int, out: Path, seed: int = 7) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, text in generate(n, seed):
        (out / name).write_text(text, encoding="utf-8")
        paths.append(out / name)
    return paths


if __name__ == "__main__":
    write_corpus(int(sys.argv[1]), Path(sys.argv[2]))
