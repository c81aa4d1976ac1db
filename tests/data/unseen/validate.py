"""Check the gold files of this folder against tests/data/ANNOTATION.md.

Usage: python tests/data/unseen/validate.py [GOLD_DIR [TEXT_DIR]]
(both default to the folder of this script). Prints every problem as
`file: message` and exits with status 1 if there is any.
"""
import json
import re
import sys
from pathlib import Path

TOP_KEYS = ["document", "outlet", "published", "actors", "regions", "figures", "claims"]
ACTOR_KEYS = ["name", "type", "role", "mentions"]
REGION_KEYS = ["name", "type", "country", "mentions"]
FIGURE_KEYS = ["value", "surface", "qualifier", "counts", "subject", "attributed_to", "sentence"]
CLAIM_KEYS = ["claim", "claimant", "stance", "sentence"]
ACTOR_TYPES = {"person", "organization", "state"}
REGION_TYPES = {"city", "region", "country", "area"}
QUALIFIERS = {"mindestens", "mehr als", "etwa", "rund", "fast", "bis zu", "über", None}
STANCES = {"asserts", "confirms", "denies", "doubts"}
FURNITURE = re.compile(r"^(- |Siehe auch|Lesen Sie auch|Mehr zum Thema|PREV |NEXT |Foto:|©|Von .*, |Stand:|"
                       r"Schreibe einen Kommentar|Deine E-Mail-Adresse|PLUS|/[A-Z]|\([A-Za-z]+\)$)")
WORDS = {"ein": 1, "eine": 1, "zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6, "sieben": 7,
         "acht": 8, "neun": 9, "zehn": 10, "elf": 11, "zwölf": 12, "zwanzig": 20, "dreißig": 30,
         "hundert": 100, "tausend": 1000}
SCALES = {"millionen": 10**6, "million": 10**6, "milliarden": 10**9, "milliarde": 10**9}


def parse_number(surface):
    """Value of a figure surface such as 'rund 1,5 Millionen', 'fast 12.000', '44-tägiger'."""
    s = surface.lower()
    for q in sorted((q for q in QUALIFIERS if q), key=len, reverse=True):
        if s.startswith(q + " "):
            s = s[len(q) + 1:]
            break
    tokens = s.split()
    m = re.match(r"^(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+))?", tokens[0])
    if m:
        value = float(m.group(1).replace(".", "") + ("." + m.group(2) if m.group(2) else ""))
    elif tokens[0] in WORDS:
        value = WORDS[tokens[0]]
    else:
        return None
    for t in tokens[1:]:
        if t in SCALES:
            value *= SCALES[t]
    return value


def body_lines(text):
    return [ln for ln in text.split("\n") if ln.strip() and not FURNITURE.match(ln.strip())]


def check(gold_path, text_dir):
    problems = []
    err = problems.append
    try:
        g = json.loads(gold_path.read_text(encoding="utf-8"))
    except ValueError as e:
        return [f"invalid JSON: {e}"]
    if list(g) != TOP_KEYS:
        err(f"top-level keys {list(g)} != {TOP_KEYS}")
    if g.get("document") != gold_path.name.replace(".gold.json", ".txt"):
        err(f"document {g.get('document')!r} does not match the file name")
    txt = text_dir / g.get("document", "")
    if not txt.exists():
        return problems + [f"article {txt} not found"]
    text = txt.read_text(encoding="utf-8")
    body = "\n".join(body_lines(text))
    n_words = len(text.split())
    if not 250 <= n_words <= 500:
        err(f"article has {n_words} words (expected 250-500)")
    if g.get("outlet") is not None and not isinstance(g["outlet"], str):
        err("outlet must be a string or null")
    pub = g.get("published")
    if pub is not None and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(pub)):
        err(f"published {pub!r} is not an ISO date")

    names = set()
    for a in g.get("actors", []):
        where = f"actor {a.get('name')!r}"
        if list(a) != ACTOR_KEYS:
            err(f"{where}: keys {list(a)} != {ACTOR_KEYS}")
        if a.get("name") in names:
            err(f"{where}: duplicate name")
        names.add(a.get("name"))
        if a.get("type") not in ACTOR_TYPES:
            err(f"{where}: type {a.get('type')!r}")
        if a.get("type") == "state" and a.get("role") is not None:
            err(f"{where}: states carry role null")
        if not a.get("mentions"):
            err(f"{where}: no mentions")
        if len(set(a.get("mentions", []))) != len(a.get("mentions", [])):
            err(f"{where}: duplicate mentions")
        for m in a.get("mentions", []):
            if m not in body:
                err(f"{where}: mention {m!r} not in article body")
    rnames = set()
    for r in g.get("regions", []):
        where = f"region {r.get('name')!r}"
        if list(r) != REGION_KEYS:
            err(f"{where}: keys {list(r)} != {REGION_KEYS}")
        if r.get("name") in rnames:
            err(f"{where}: duplicate name")
        rnames.add(r.get("name"))
        if r.get("type") not in REGION_TYPES:
            err(f"{where}: type {r.get('type')!r}")
        c = r.get("country")
        if c is not None and not re.fullmatch(r"[A-Z]{2}", c):
            err(f"{where}: country {c!r} is not ISO 3166-1 alpha-2")
        if not r.get("mentions"):
            err(f"{where}: no mentions")
        for m in r.get("mentions", []):
            if m not in body:
                err(f"{where}: mention {m!r} not in article body")

    def sentence_ok(where, s):
        if not s or s not in text:
            err(f"{where}: sentence not verbatim in article: {s!r}")
        elif s not in body:
            err(f"{where}: sentence comes from page furniture: {s!r}")

    seen = set()
    for i, f in enumerate(g.get("figures", [])):
        where = f"figure {i} ({f.get('surface')!r})"
        if list(f) != FIGURE_KEYS:
            err(f"{where}: keys {list(f)} != {FIGURE_KEYS}")
        if not isinstance(f.get("value"), (int, float)) or isinstance(f.get("value"), bool):
            err(f"{where}: value must be a number")
        if f.get("qualifier") not in QUALIFIERS:
            err(f"{where}: qualifier {f.get('qualifier')!r}")
        surf = f.get("surface") or ""
        q = f.get("qualifier")
        starts = next((x for x in QUALIFIERS if x and surf.lower().startswith(x + " ")), None)
        if starts != q:
            err(f"{where}: qualifier {q!r} does not match surface")
        parsed = parse_number(surf)
        if parsed is None or abs(parsed - f.get("value", 0)) > 1e-6:
            err(f"{where}: value {f.get('value')} does not match surface (parsed {parsed})")
        if f.get("attributed_to") is not None and f["attributed_to"] not in names:
            err(f"{where}: attributed_to {f['attributed_to']!r} is not an actor name")
        sentence_ok(where, f.get("sentence"))
        if surf and f.get("sentence") and surf not in f["sentence"]:
            err(f"{where}: surface not in its sentence")
        key = (f.get("value"), f.get("surface"), f.get("sentence"), f.get("counts"))
        if key in seen:
            err(f"{where}: duplicate figure")
        seen.add(key)
    seen = set()
    for i, c in enumerate(g.get("claims", [])):
        where = f"claim {i} ({c.get('claim')!r}, {c.get('claimant')!r})"
        if list(c) != CLAIM_KEYS:
            err(f"{where}: keys {list(c)} != {CLAIM_KEYS}")
        if c.get("stance") not in STANCES:
            err(f"{where}: stance {c.get('stance')!r}")
        if c.get("claimant") not in names:
            err(f"{where}: claimant is not an actor name")
        sentence_ok(where, c.get("sentence"))
        key = (c.get("claim"), c.get("claimant"), c.get("sentence"))
        if key in seen:
            err(f"{where}: duplicate claim")
        seen.add(key)
    return problems


def main(argv):
    here = Path(__file__).resolve().parent
    gold_dir = Path(argv[1]) if len(argv) > 1 else here
    text_dir = Path(argv[2]) if len(argv) > 2 else gold_dir
    files = sorted(gold_dir.glob("*.gold.json"))
    if not files:
        print(f"no *.gold.json in {gold_dir}")
        return 1
    total = 0
    for p in files:
        for msg in check(p, text_dir):
            print(f"{p.name}: {msg}")
            total += 1
    print(f"{len(files)} gold files checked, {total} problem(s)")
    return 1 if total else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
