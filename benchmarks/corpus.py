"""A corpus generator for benchmarks: N German articles made from the seeds and the unseen set.

People named in the gold annotations are renamed from a pool of names, so the number of
actors grows with the corpus as in a real news stream; counts are varied (years, times and
dates are left alone); every article is distinct text. `write_corpus` also writes the
``sources.yml`` a desk would keep: title, the outlet of the template article and a
publication date, spread over one year. Usage: python benchmarks/corpus.py N OUT_DIR
"""

from __future__ import annotations

import datetime as dt
import json
import random
import re
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
UNSEEN = ROOT / "tests" / "data" / "unseen"
SETS = [(ROOT / "seeds", ROOT / "tests" / "data" / "gold"), (UNSEEN, UNSEEN)]
FIRST = ["Anna", "Boris", "Carla", "Dmytro", "Elena", "Farid", "Gregor", "Hana", "Igor", "Julia",
         "Kemal", "Lena", "Marek", "Nadia", "Oleg", "Petra", "Rustam", "Sofia", "Tomasz", "Vera", "Walid",
         "Yulia"]  # fmt: skip
LAST = ["Abramowa", "Bondarenko", "Castellano", "Demir", "Eriksen", "Fomin", "Gruber", "Haddad", "Iwanow",
        "Jankowski", "Kowalczyk", "Lindqvist", "Marchetti", "Nowak", "Orlowa", "Petrenko", "Quast", "Rahimi",
        "Schewtschenko", "Tkachenko", "Urbanek", "Volkova", "Wysocki", "Zaharia"]  # fmt: skip


@dataclass
class Template:
    text: str
    people: list[str]  # full names, to be renamed
    outlet: str | None


def templates() -> list[Template]:
    """Every development article with its people and outlet."""
    out = []
    for texts, gold in SETS:
        for path in sorted(texts.glob("*.txt")):
            g = json.loads((gold / f"{path.stem}.gold.json").read_text("utf-8"))
            people = [a["name"] for a in g["actors"] if a["type"] == "person" and len(a["name"].split()) >= 2]
            out.append(Template(path.read_text("utf-8"), people, g.get("outlet")))
    return out


COUNT = re.compile(r"(?<![\d:.,])\d{2,}(?![\d:]|\.\d)")


def _vary(match: re.Match[str], rng: random.Random) -> str:
    number = int(match.group())
    day = number <= 31 and match.string[match.end() : match.end() + 1] == "."
    if day or 1900 <= number <= 2100:  # a day of the month or a year
        return match.group()
    return str(number + rng.randint(1, 9))


def article(text: str, people: list[str], rng: random.Random) -> str:
    for name in people:
        first, last = rng.choice(FIRST), rng.choice(LAST)
        text = text.replace(name, f"{first} {last}").replace(name.split()[-1], last)
    return COUNT.sub(lambda m: _vary(m, rng), text)


def generate(n: int, seed: int = 7) -> list[tuple[str, str]]:
    """N (file name, text) pairs."""
    return [(name, text) for name, text, _ in articles_with_meta(n, seed)]


def articles_with_meta(n: int, seed: int) -> list[tuple[str, str, dict[str, object]]]:
    rng = random.Random(seed)
    base = templates()
    start = dt.date(2025, 1, 1)
    out = []
    for i in range(n):
        template = base[i % len(base)]
        text = article(template.text, template.people, rng)
        meta = {
            "title": text.strip().splitlines()[0].strip()[:200],
            "outlet": template.outlet,
            "published": (start + dt.timedelta(days=i * 365 // max(n, 1))).isoformat(),
            "language": "de",
        }
        out.append((f"a{i:05d}.txt", text, meta))
    return out


def write_corpus(n: int, out: Path, seed: int = 7) -> list[Path]:
    """Write N articles and their sources.yml into `out`."""
    out.mkdir(parents=True, exist_ok=True)
    paths, sources = [], {}
    for name, text, meta in articles_with_meta(n, seed):
        (out / name).write_text(text, encoding="utf-8")
        sources[name] = meta
        paths.append(out / name)
    (out / "sources.yml").write_text(yaml.safe_dump(sources, allow_unicode=True, sort_keys=True), "utf-8")
    return paths


if __name__ == "__main__":
    write_corpus(int(sys.argv[1]), Path(sys.argv[2]))
