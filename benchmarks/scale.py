"""Scale benchmark: a full Lagebild build against plain MkDocs + Material on the same Markdown.

Usage: python benchmarks/scale.py --articles 1000 [--articles 3000] [--keep DIR]

For each corpus size it generates a project (benchmarks/corpus.py), then measures, each in a
fresh process: the full `lagebild build` (extract, render, charts, MkDocs) with its peak
memory; plain `mkdocs build` with Material's default settings (automatic flat navigation) on the
same generated Markdown; a first build with caches, then a rebuild after one article gained a
sentence (with how many docs/ files it rewrote); extraction throughput in
one process; and the size of the search index. Prints one table. A benchmark, not a test.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from corpus import write_corpus

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
PLAIN_CONFIG = """site_name: Lagebild (plain)
theme:
  name: material
  language: de
plugins:
  - search
markdown_extensions:
  - attr_list
  - md_in_html
  - tables
  - admonition
  - abbr
  - pymdownx.details
  - pymdownx.snippets:
      auto_append: [includes/abkuerzungen.md]
      check_paths: false
  - toc:
      permalink: true
"""


def run(cmd: list[str], cwd: Path) -> tuple[float, float]:
    """(seconds, peak resident memory in GiB) of one command."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        err = proc.stderr.read().decode(errors="replace")[-2000:] if proc.stderr else ""
        raise SystemExit(f"{' '.join(cmd)} failed:\n{err}")
    return seconds, usage.ru_maxrss / 1024**2


def project(n: int, where: Path) -> Path:
    where.mkdir(parents=True)
    shutil.copy(ROOT / "mkdocs.yml", where / "mkdocs.yml")
    (where / "docs").mkdir()
    for item in (ROOT / "docs").iterdir():
        if item.suffix == ".md" or item.name == "stylesheets":
            (shutil.copytree if item.is_dir() else shutil.copy)(item, where / "docs" / item.name)
    write_corpus(n, where / "seeds")
    return where


def plain_mkdocs(built: Path, where: Path) -> tuple[float, float]:
    """Plain MkDocs + Material with default settings on the generated Markdown."""
    shutil.copytree(built / "docs", where / "docs", ignore=shutil.ignore_patterns(".lagebild-*"))
    (where / "mkdocs.yml").write_text(PLAIN_CONFIG, encoding="utf-8")
    return run([str(BIN / "mkdocs"), "build", "-q"], where)


def words_per_second(n: int) -> float:
    code = (
        "import sys,time,logging;sys.path.insert(0,'benchmarks');logging.disable(30);"
        "from extraction import corpus;from generator.nlp import build_pipeline;"
        "from generator.extract import Extractor;p=build_pipeline();a=corpus(N);"
        "w=sum(len(x.text.split()) for x in a);t=time.perf_counter();Extractor(p).extract(a);"
        "print(w/(time.perf_counter()-t))"
    ).replace("corpus(N)", f"corpus({n})")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    return float(out.stdout.strip())


def measure(n: int, keep: Path | None) -> dict[str, str]:
    base = Path(tempfile.mkdtemp(prefix=f"lagebild-scale-{n}-", dir=keep))
    proj = project(n, base / "project")
    lagebild = [str(BIN / "lagebild"), "build", "-q", "--project", str(proj)]
    full, memory = run([*lagebild, "--no-cache"], proj)
    plain, _ = plain_mkdocs(proj, base / "plain")
    warm, _ = run(lagebild, proj)  # fills the extraction and chart caches
    first = sorted((proj / "seeds").glob("*.txt"))[0]
    first.write_text(first.read_text("utf-8") + "\n\nEin weiterer Satz wurde ergänzt.\n", "utf-8")
    docs = [p for p in (proj / "docs").rglob("*") if p.is_file()]
    stamps = {p: p.stat().st_mtime_ns for p in docs}
    rebuild, _ = run(lagebild, proj)
    rewritten = sum(1 for p in docs if not p.exists() or p.stat().st_mtime_ns != stamps[p])
    pages = sum(1 for _ in (proj / "site").rglob("index.html"))
    index = proj / "site" / "search" / "search_index.json"
    result = {
        "articles": f"{n:,}",
        "pages": f"{pages:,}",
        "full lagebild build (s)": f"{full:.1f}",
        "plain MkDocs + Material (s)": f"{plain:.1f}",
        "ratio full / plain": f"{full / plain:.2f}",
        "peak memory, full build (GiB)": f"{memory:.2f}",
        "first build with caches (s)": f"{warm:.1f}",
        "rebuild after one change (s)": f"{rebuild:.1f}",
        "docs files rewritten by it": f"{rewritten:,} of {len(docs):,}",
        "rebuild / full": f"{rebuild / full:.2f}",
        "extraction, 1 process (words/s)": f"{words_per_second(min(n, 1000)):,.0f}",
        "search index (MB)": f"{index.stat().st_size / 1e6:.1f}",
    }
    if keep is None:
        shutil.rmtree(base, ignore_errors=True)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, action="append", help="corpus size (repeatable)")
    parser.add_argument("--keep", type=Path, default=None, help="keep the generated projects here")
    args = parser.parse_args()
    rows = [measure(n, args.keep) for n in (args.articles or [1000])]
    width = max(len(k) for k in rows[0])
    for key in rows[0]:
        print(f"{key:<{width}}  " + "  ".join(f"{row[key]:>12}" for row in rows))


if __name__ == "__main__":
    main()
