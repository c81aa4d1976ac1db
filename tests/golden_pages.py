"""Golden pages: the Markdown and data files `lagebild build --no-site` writes for the seeds.

They are kept in tests/golden/docs/ (see tests/golden/README.md). `make golden` runs this file to
write them again; tests/render/test_golden.py builds the same files and compares. Both build in a
throw-away copy of the project, so the user's docs/ and permalinks.yml are never touched.
"""

from __future__ import annotations

import difflib
import json
import shutil
import sys
import tempfile
from pathlib import Path

from site_projects import build, hand_written, source_date_epoch

from generator.render.write import SECTIONS

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = ROOT / "tests" / "golden"
PAGES = GOLDEN / "docs"
CHARTS = GOLDEN / "svg-files.txt"
"""SVG charts and maps are listed by name only: large, and redrawn differently by every matplotlib."""

DIFF_FILES = 3
DIFF_LINES = 40


def golden_project(folder: Path) -> Path:
    """A copy of the project in `folder`: mkdocs.yml, permalinks.yml, seeds/, the hand-written docs.

    It uses the shipped knowledge.yml itself (as `make site` does), so the in-process pipeline cache
    is shared with the other whole-build tests.
    """
    folder.mkdir(parents=True, exist_ok=True)
    for name in ("mkdocs.yml", "permalinks.yml"):
        if (ROOT / name).exists():
            shutil.copy(ROOT / name, folder / name)
    (folder / "lagebild.yml").write_text(f"knowledge: {json.dumps(str(ROOT / 'knowledge.yml'))}\n", "utf-8")
    shutil.copytree(ROOT / "seeds", folder / "seeds")
    (folder / "docs").mkdir()
    for item in hand_written(ROOT / "docs"):
        (shutil.copytree if item.is_dir() else shutil.copy)(item, folder / "docs" / item.name)
    return folder


def split(docs: Path) -> tuple[dict[str, bytes], list[str]]:
    """The generated sections of `docs`: text files by relative path, and the paths of the SVGs."""
    pages: dict[str, bytes] = {}
    charts: list[str] = []
    for section in SECTIONS:
        for path in sorted((docs / section).rglob("*")):
            rel = path.relative_to(docs).as_posix()
            if path.suffix == ".svg":
                charts.append(rel)
            elif path.is_file():
                pages[rel] = path.read_bytes()
    return pages, charts


def build_pages(folder: Path) -> tuple[dict[str, bytes], list[str]]:
    """Build the seeds' Markdown in a project copy below `folder` and return `split` of its docs."""
    project = golden_project(folder / "project")
    with source_date_epoch():
        result = build(project, "--no-site", "--no-cache")
    if result.exit_code != 0:
        raise RuntimeError(f"lagebild build --no-site failed:\n{result.output}") from result.exception
    return split(project / "docs")


def read_golden() -> tuple[dict[str, bytes], list[str]]:
    """The golden files: pages by relative path, and the listed SVG paths."""
    pages = {p.relative_to(PAGES).as_posix(): p.read_bytes() for p in sorted(PAGES.rglob("*")) if p.is_file()}
    charts = CHARTS.read_text("utf-8").splitlines() if CHARTS.exists() else []
    return pages, charts


def write_golden(pages: dict[str, bytes], charts: list[str]) -> None:
    shutil.rmtree(PAGES, ignore_errors=True)
    for rel, data in pages.items():
        (PAGES / rel).parent.mkdir(parents=True, exist_ok=True)
        (PAGES / rel).write_bytes(data)
    CHARTS.write_bytes(chart_list(charts))


def chart_list(charts: list[str]) -> bytes:
    return "".join(f"{rel}\n" for rel in charts).encode()


def differences(golden: dict[str, bytes], built: dict[str, bytes]) -> str:
    """What differs between golden and built files, with a unified diff of the first differing files."""
    missing = sorted(golden.keys() - built.keys())
    added = sorted(built.keys() - golden.keys())
    changed = [rel for rel in sorted(golden.keys() & built.keys()) if golden[rel] != built[rel]]
    if not (missing or added or changed):
        return ""
    report = [f"no longer generated: {rel}" for rel in missing] + [f"new: {rel}" for rel in added]
    report += [f"changed: {rel}" for rel in changed]
    for rel in changed[:DIFF_FILES]:
        diff = list(
            difflib.unified_diff(
                golden[rel].decode("utf-8", "replace").splitlines(),
                built[rel].decode("utf-8", "replace").splitlines(),
                f"golden/{rel}",
                f"built/{rel}",
                lineterm="",
            )
        )
        report += ["", *diff[:DIFF_LINES]]
        if len(diff) > DIFF_LINES:
            report.append(f"... {len(diff) - DIFF_LINES} more lines")
    return "\n".join(report)


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="lagebild-golden-") as tmp:
        pages, charts = build_pages(Path(tmp))
    write_golden(pages, charts)
    print(f"{len(pages)} files in {PAGES.relative_to(ROOT)}/, {len(charts)} SVGs listed in {CHARTS.name}.")
    print("Review the changes with `git diff --stat tests/golden` and `git diff tests/golden`.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
