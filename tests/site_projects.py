"""Throw-away Lagebild projects for whole-site tests: mkdocs.yml, hand-written docs, seeds; built by the CLI.

`seed_site` builds the repository's seed corpus once per test session (shared by the browser
and reproducibility tests); `seed_site_elsewhere` builds it again in a separate process, started
alongside the first build so that the two run in parallel.
"""

from __future__ import annotations

import atexit
import difflib
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner, Result

from generator.cli import main
from generator.render.write import SECTIONS

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
EPOCH = "1730419200"  # 2024-11-01: SOURCE_DATE_EPOCH for builds that must be reproducible

_built: dict[str, Path] = {}


def hand_written(docs: Path) -> list[Path]:
    """The hand-written entries of a docs folder: everything but generated sections and staging."""
    return sorted(p for p in docs.iterdir() if p.name not in SECTIONS and not p.name.startswith("."))


def new_project(
    folder: Path, articles: Iterable[Path] | None = None, *, seeds: Path = SEEDS, knowledge: bool = True
) -> Path:
    """A project in `folder` with the repository's mkdocs.yml, hand-written docs and knowledge.yml.

    `articles` (default: all of `seeds`) are copied into ``seeds/`` with their sources.yml entries.
    """
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "mkdocs.yml", folder / "mkdocs.yml")
    shutil.copytree(ROOT / "overrides", folder / "overrides")  # the theme's custom_dir
    if knowledge:  # the repository's file itself: projects then share one cached NLP pipeline
        (folder / "lagebild.yml").write_text(
            f"knowledge: {json.dumps(str(ROOT / 'knowledge.yml'))}\n", "utf-8"
        )
    (folder / "docs").mkdir()
    for item in hand_written(ROOT / "docs"):
        (shutil.copytree if item.is_dir() else shutil.copy)(item, folder / "docs" / item.name)
    (folder / "seeds").mkdir()
    add_articles(folder, seeds, articles)
    return folder


def add_articles(project: Path, seeds: Path, articles: Iterable[Path] | None = None) -> None:
    """Copy `articles` of `seeds` (default: all) into the project, merging their sources.yml entries."""
    if articles is None:
        articles = [p for p in seeds.iterdir() if p.suffix in (".txt", ".md")]
    listed = seeds / "sources.yml"
    given = yaml.safe_load(listed.read_text("utf-8")) if listed.exists() else None
    target = project / "seeds" / "sources.yml"
    merged = yaml.safe_load(target.read_text("utf-8")) if target.exists() else None
    merged = merged or {}
    for path in sorted(articles):
        shutil.copy(path, project / "seeds" / path.name)
        if path.name in (given or {}):
            merged[path.name] = given[path.name]
    if merged:
        target.write_text(yaml.safe_dump(merged, allow_unicode=True, sort_keys=True), encoding="utf-8")


def remove_article(project: Path, name: str) -> None:
    """Delete an article from the project's seeds, and its sources.yml entry."""
    (project / "seeds" / name).unlink()
    listed = project / "seeds" / "sources.yml"
    given = yaml.safe_load(listed.read_text("utf-8")) or {}
    given.pop(name, None)
    listed.write_text(yaml.safe_dump(given, allow_unicode=True, sort_keys=True), encoding="utf-8")


@contextmanager
def source_date_epoch(value: str = EPOCH) -> Iterator[None]:
    old = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = value
    try:
        yield
    finally:
        if old is None:
            del os.environ["SOURCE_DATE_EPOCH"]
        else:
            os.environ["SOURCE_DATE_EPOCH"] = old


def build(project: Path, *args: str) -> Result:
    """``lagebild build --project PROJECT -q ARGS`` in this process (the NLP pipeline stays loaded)."""
    return CliRunner().invoke(main, ["build", "--project", str(project), "-q", *args])


def seed_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed corpus built in this process into a fresh project (``--no-cache``, SOURCE_DATE_EPOCH).

    Built once per session. The first call also starts `seed_site_elsewhere`'s build, so that
    both run at the same time.
    """
    if "here" not in _built:
        _start_subprocess_build(tmp_path_factory)
        project = new_project(tmp_path_factory.mktemp("seed-site-here"))
        with source_date_epoch():
            result = build(project, "--no-cache")
        assert result.exit_code == 0, result.output
        _built["here"] = project
    return _built["here"]


def seed_site_elsewhere(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed corpus built like `seed_site`, but by ``lagebild build`` in another process.

    Another process has another string hash seed, so set iteration order differs: output
    that depends on it differs between the two builds.
    """
    started = _start_subprocess_build(tmp_path_factory)
    if started.output is None:
        started.output, _ = started.process.communicate(timeout=600)
    assert started.process.returncode == 0, started.output
    return started.project


@dataclass
class _Started:
    project: Path
    process: subprocess.Popen[str]
    output: str | None = None


_running: list[_Started] = []


def _start_subprocess_build(tmp_path_factory: pytest.TempPathFactory) -> _Started:
    if not _running:
        project = new_project(tmp_path_factory.mktemp("seed-site-elsewhere"))
        env = {k: v for k, v in os.environ.items() if k != "PYTHONHASHSEED"} | {"SOURCE_DATE_EPOCH": EPOCH}
        command = [
            sys.executable,
            "-m",
            "generator.cli",
            "build",
            "--project",
            str(project),
            "--no-cache",
            "-q",
        ]
        process = subprocess.Popen(
            command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
        )
        atexit.register(_stop, process)
        _running.append(_Started(project, process))
    return _running[0]


def _stop(process: subprocess.Popen[str]) -> None:
    if process.poll() is None:
        process.kill()
        process.wait()


def files(folder: Path) -> dict[str, bytes]:
    """Every file below `folder` by relative path (POSIX), with its bytes."""
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def page_urls(site: Path) -> set[str]:
    """The URL of every HTML page of a built site, relative to its root ("akteure/x/", "404.html")."""
    urls = set()
    for page in site.rglob("*.html"):
        rel = page.relative_to(site).as_posix()
        if rel.startswith(("assets/", "search/")):
            continue
        urls.add(rel.removesuffix("index.html"))
    return urls


def first_difference(path: str, a: bytes, b: bytes) -> str:
    """The first changed lines of `path` between two versions (or the first differing byte)."""
    try:
        lines = difflib.unified_diff(a.decode().splitlines(), b.decode().splitlines(), lineterm="", n=0)
        return f"{path}:\n" + "\n".join(list(lines)[2:8])
    except UnicodeDecodeError:
        at = next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))
        return f"{path}: binary, first difference at byte {at}"
