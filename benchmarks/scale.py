"""Scale benchmark: a full Lagebild build against plain MkDocs + Material on the same Markdown.

Usage: python benchmarks/scale.py --articles 1000 [--articles 3000] [--keep DIR] [--zensical PATH]
       [--no-baselines]

For each corpus size it generates a project (benchmarks/corpus.py), then measures, each in a
fresh process: the full `lagebild build` (extract, render, charts, MkDocs; the caches are still
empty) with its peak memory, cost per article and largest page; two baselines on the same
generated Markdown: plain `mkdocs build` with Material's default settings (automatic flat
navigation), and plain `mkdocs build` with the project's own mkdocs.yml (so the cost of Lagebild's
own stages is the difference); a rebuild after one article gained a sentence (how many docs/ files
it rewrote, how many HTML pages MkDocs rendered again), then a rebuild after 10 new articles;
extraction throughput in one process and on all cores (benchmarks/throughput.py); the size of the Pagefind
search index, the time Pagefind takes to index the whole built site (part of every build, full or
incremental), and how fast the browser search answers, what its first query transfers and
whether an actor filter narrows the results (benchmarks/search_browser.py, system Chromium).
With ``--zensical`` (the path of a ``zensical`` executable, e.g. from ``pip install
'zensical<0.1'`` in a separate environment) it also times Zensical building the same docs/
from the same mkdocs.yml. Prints one table. A benchmark, not a test.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from corpus import write_corpus

from generator.site.search import BUNDLE, index_site

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


class Failed(SystemExit):
    """A measured command failed (its message carries the end of its error output)."""


def run(cmd: list[str], cwd: Path) -> tuple[float, float]:
    """(seconds, peak resident memory in GiB) of one command; raises Failed."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        err = proc.stderr.read().decode(errors="replace")[-2000:] if proc.stderr else ""
        raise Failed(f"{' '.join(cmd)} failed:\n{err}")
    return seconds, usage.ru_maxrss / 1024**2


def project(n: int, where: Path) -> Path:
    where.mkdir(parents=True)
    shutil.copy(ROOT / "mkdocs.yml", where / "mkdocs.yml")
    shutil.copytree(ROOT / "overrides", where / "overrides")
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


def own_config_mkdocs(built: Path, where: Path) -> tuple[float, float]:
    """Plain ``mkdocs build`` with the project's own mkdocs.yml (theme overrides, plugins, nav) on the
    same generated Markdown: what MkDocs alone costs for Lagebild's site, without Lagebild's stages."""
    shutil.copytree(built / "docs", where / "docs", ignore=shutil.ignore_patterns(".lagebild-*"))
    shutil.copy(built / "mkdocs.yml", where / "mkdocs.yml")
    if (built / "overrides").is_dir():
        shutil.copytree(built / "overrides", where / "overrides")
    return run([str(BIN / "mkdocs"), "build", "-q"], where)


def page_sizes(site: Path) -> list[int]:
    """Bytes of every HTML page of the built site."""
    return [p.stat().st_size for p in site.rglob("*.html")]


def add_articles(proj: Path, count: int) -> None:
    """`count` new articles (copies of existing ones with a new sentence), as a desk adds them."""
    seeds = sorted((proj / "seeds").glob("*.txt"))
    for n, source in enumerate(seeds[:count]):
        text = source.read_text("utf-8") + f"\n\nNachtrag {n + 1}: Die Lage blieb am Abend unverändert.\n"
        (proj / "seeds" / f"neu-{n + 1:03d}.txt").write_text(text, "utf-8")


def throughput(n: int) -> dict[str, float]:
    """Words per second in one process and on all cores (benchmarks/throughput.py)."""
    out = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "throughput.py"), "--articles", str(n)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def browser_search(site: Path) -> dict[str, float]:
    """Seconds to the first result in Chromium; empty if no browser is available."""
    out = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "search_browser.py"), str(site), "Soldaten", "Kursk"],
        capture_output=True,
        text=True,
    )
    if out.returncode != 0:
        print(f"browser search not measured: {out.stderr.strip()[-300:]}", file=sys.stderr)
        return {}
    return json.loads(out.stdout.strip().splitlines()[-1])


def zensical_build(zensical: Path, proj: Path, where: Path) -> str:
    """Zensical on the same docs/ and mkdocs.yml (it runs no MkDocs plugins; none are needed)."""
    shutil.copytree(proj / "docs", where / "docs", ignore=shutil.ignore_patterns(".lagebild-*"))
    shutil.copy(proj / "mkdocs.yml", where / "mkdocs.yml")
    try:
        seconds, _ = run([str(zensical), "build", "--clean"], where)
    except Failed as exc:
        print(exc, file=sys.stderr)
        return "failed"
    return f"{seconds:.1f}"


def site_stamps(site: Path) -> dict[Path, int]:
    return {p: p.stat().st_mtime_ns for p in site.rglob("index.html")}


def measure(n: int, keep: Path | None, zensical: Path | None, baselines: bool = True) -> dict[str, str]:
    if keep is not None:
        keep.mkdir(parents=True, exist_ok=True)
    base = Path(tempfile.mkdtemp(prefix=f"lagebild-scale-{n}-", dir=keep))
    proj = project(n, base / "project")
    words = sum(len(p.read_text("utf-8").split()) for p in (proj / "seeds").glob("*.txt"))
    lagebild = [str(BIN / "lagebild"), "build", "-q", "--project", str(proj)]
    # The caches are empty: this is all the work of a full build (it also fills the caches).
    full, memory = run(lagebild, proj)
    plain = own = None
    if baselines:
        plain, _ = plain_mkdocs(proj, base / "plain")
        own, _ = own_config_mkdocs(proj, base / "own-config")
    sizes = page_sizes(proj / "site")
    zensical_s = zensical_build(zensical, proj, base / "zensical") if zensical else None
    first = sorted((proj / "seeds").glob("*.txt"))[0]
    first.write_text(first.read_text("utf-8") + "\n\nEin weiterer Satz wurde ergänzt.\n", "utf-8")
    docs = [p for p in (proj / "docs").rglob("*") if p.is_file()]
    stamps = {p: p.stat().st_mtime_ns for p in docs}
    html = site_stamps(proj / "site")
    rebuild, _ = run(lagebild, proj)
    rewritten = sum(1 for p in docs if not p.exists() or p.stat().st_mtime_ns != stamps[p])
    after = site_stamps(proj / "site")
    rendered = sum(1 for p, t in after.items() if html.get(p) != t)
    add_articles(proj, 10)
    added, _ = run(lagebild, proj)
    bundle = proj / "site" / BUNDLE
    index_bytes = sum(
        f.stat().st_size for d in ("index", "fragment", "filter") for f in (bundle / d).iterdir()
    )
    start = time.perf_counter()
    index_site(proj / "site")  # as every build does after MkDocs
    pagefind = time.perf_counter() - start
    speed = throughput(min(n, 1000))
    search = browser_search(proj / "site")
    result = {
        "articles": f"{n:,}",
        "words": f"{words:,}",
        "pages": f"{len(after):,}",
        "full lagebild build (s)": f"{full:.1f}",
        "plain MkDocs + Material (s)": f"{plain:.1f}" if plain else "–",
        "ratio full / plain": f"{full / plain:.2f}" if plain else "–",
        "plain mkdocs build, project's mkdocs.yml (s)": f"{own:.1f}" if own else "–",
        "Lagebild's own stages: full − that (s)": f"{full - own:.1f}" if own else "–",
        "full build per article (ms)": f"{1000 * full / n:.0f}",
        "peak memory, full build (GiB)": f"{memory:.2f}",
        "largest HTML page (kB)": f"{max(sizes, default=0) / 1000:.0f}",
        "HTML pages over 1 MB": f"{sum(size > 1_000_000 for size in sizes)}",
        "rebuild after one change (s)": f"{rebuild:.1f}",
        "rebuild / full (target 1k: ≤ 0.05)": f"{rebuild / full:.3f}",
        "rebuild after 10 new articles (s)": f"{added:.1f}",
        "10 new / full (target 3k: ≤ 0.08)": f"{added / full:.3f}",
        "docs files rewritten by it": f"{rewritten:,} of {len(docs):,}",
        "HTML pages rendered by it": f"{rendered:,} of {len(after):,}",
        "extraction, 1 process (words/s)": f"{speed['single']:,.0f}",
        f"extraction, {speed['workers']:.0f} processes, default pool (words/s)": f"{speed['local']:,.0f}",
        "default pool / 1 process (target ≥ 1.8)": f"{speed['local'] / speed['single']:.2f}",
        f"extraction, {speed['workers']:.0f} Dask workers (words/s)": f"{speed['parallel']:,.0f}",
        "search index: chunks, fragments, filters (MB)": f"{index_bytes / 1e6:.1f}",
        "Pagefind indexing the site, in every build (s)": f"{pagefind:.1f}",
    }
    for label, value in search.items():
        result[f"browser: {label}"] = f"{value:.2f}" if isinstance(value, float) else str(value)
    if zensical_s is not None:
        result["Zensical, same docs/ (s)"] = zensical_s
    if keep is None:
        shutil.rmtree(base, ignore_errors=True)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, action="append", help="corpus size (repeatable)")
    parser.add_argument("--keep", type=Path, default=None, help="keep the generated projects here")
    parser.add_argument("--zensical", type=Path, default=None, help="also time this zensical executable")
    parser.add_argument(
        "--no-baselines",
        dest="baselines",
        action="store_false",
        help="skip the two plain MkDocs builds (hours at 10,000 articles); every target is still measured",
    )
    args = parser.parse_args()
    rows = [measure(n, args.keep, args.zensical, args.baselines) for n in (args.articles or [1000])]
    first = rows[0]["full build per article (ms)"]
    for row in rows:  # target at 10,000 articles: ≤ 1.2 × the cost per article at 1,000
        row[f"per-article cost vs {rows[0]['articles']} (target ≤ 1.2)"] = (
            f"{float(row['full build per article (ms)']) / float(first):.2f}"
        )
    keys = list(dict.fromkeys(k for row in rows for k in row))
    width = max(len(k) for k in keys)
    print(f"cores: {os.cpu_count()}")
    for key in keys:
        print(f"{key:<{width}}  " + "  ".join(f"{row.get(key, '–'):>12}" for row in rows))


if __name__ == "__main__":
    main()
