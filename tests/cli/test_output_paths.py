"""Output paths are contained: a build never writes over its inputs, outside its project, or silently.

Each case fails before anything is read or written (no extraction runs), with exit code 1 and a
message naming the setting, the path and what it would overwrite.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from site_projects import new_project

from generator.cli import main
from generator.settings import Settings, output_problems
from tests.conftest import SEEDS

ARTICLES = sorted(SEEDS.glob("*.txt"))[:1]


@pytest.fixture()
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = new_project(tmp_path / "projekt", ARTICLES)
    monkeypatch.chdir(folder)
    return folder


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under `folder` with its bytes: to show that nothing was touched."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def build(*args: str) -> Result:
    return CliRunner().invoke(main, ["build", "-q", *args])


@pytest.mark.parametrize(
    ("site_dir", "covered"),
    [
        ("seeds", "the corpus (seeds)"),
        (".", "the project folder (.)"),
        ("..", "the corpus (seeds), the project folder (.)"),
        ("docs", "docs_dir (docs)"),
        ("/", "the corpus (seeds)"),
    ],
)
def test_site_dir_on_an_input_fails_before_touching_anything(
    project: Path, site_dir: str, covered: str
) -> None:
    before = snapshot(project)
    result = build("--site-dir", site_dir)
    assert result.exit_code == 1, result.output
    assert f"Error: site_dir: {site_dir} is or contains " in result.output
    assert covered in result.output and "which the build would overwrite" in result.output
    assert snapshot(project) == before
    assert not (project / "site").exists()


def test_a_site_dir_that_links_to_the_corpus_is_caught(project: Path) -> None:
    (project / "ausgabe").symlink_to(project / "seeds")
    result = build("--site-dir", "ausgabe")
    assert result.exit_code == 1
    assert "site_dir: ausgabe is or contains the corpus" in result.output


def test_site_dir_inside_docs_dir_is_refused(project: Path) -> None:
    result = build("--site-dir", "docs/site")
    assert result.exit_code == 1
    assert "site_dir: docs/site is inside docs_dir" in result.output


@pytest.mark.parametrize(("docs_dir", "covered"), [("seeds", "the corpus"), (".", "the project folder")])
def test_docs_dir_on_an_input_fails(project: Path, docs_dir: str, covered: str) -> None:
    (project / "lagebild.yml").write_text(
        (project / "lagebild.yml").read_text("utf-8") + f"docs_dir: {docs_dir}\n", "utf-8"
    )
    before = snapshot(project)
    result = build("--no-site")
    assert result.exit_code == 1
    assert f"Error: docs_dir: {docs_dir} is or contains " in result.output and covered in result.output
    assert snapshot(project) == before


def test_a_file_where_the_site_should_be_is_an_error_and_stays(project: Path) -> None:
    (project / "site").write_text("Notizen, nicht überschreiben", "utf-8")
    result = build()
    assert result.exit_code == 1
    assert "site_dir: site is a file, not a folder (the build neither moves nor deletes it)" in result.output
    assert (project / "site").read_text("utf-8") == "Notizen, nicht überschreiben"
    assert [p.name for p in project.iterdir() if p.name.startswith(".site")] == []


def test_a_read_only_site_is_an_error(project: Path) -> None:
    site = project / "site"
    site.mkdir()
    (site / "index.html").write_text("alt", "utf-8")
    site.chmod(0o555)
    try:
        result = build()
    finally:
        site.chmod(0o755)
    assert result.exit_code == 1
    assert "site_dir: site is read-only" in result.output
    assert (site / "index.html").read_text("utf-8") == "alt"


def test_a_site_that_cannot_be_created_is_an_error(project: Path) -> None:
    (project / "gesperrt").mkdir(mode=0o555)
    try:
        result = build("--site-dir", "gesperrt/site")
    finally:
        (project / "gesperrt").chmod(0o755)
    assert result.exit_code == 1
    assert f"site_dir: gesperrt/site cannot be created: {project / 'gesperrt'} is read-only" in result.output


def test_a_registry_slug_leading_outside_is_named_and_nothing_is_written(project: Path) -> None:
    (project / "permalinks.yml").write_text("akteure:\n  actor:country:UA: ../../../../X\n", "utf-8")
    result = build()
    assert result.exit_code == 1
    assert (
        "Error: permalinks.yml:2: akteure: actor:country:UA: '../../../../X' is not one safe path segment"
    ) in result.output
    assert not (project / "site").exists()
    assert not list(project.parent.parent.glob("**/X"))


def test_two_registry_keys_on_one_slug_is_an_error_naming_both(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(
        "Die Ukraine und China verhandelten am Montag in Genf über einen Waffenstillstand.", "utf-8"
    )
    (tmp_path / "permalinks.yml").write_text(
        "akteure:\n  actor:country:UA: ukraine\n  actor:country:CN: ukraine\n", "utf-8"
    )
    result = CliRunner().invoke(
        main, ["extract", str(corpus), "--out", str(tmp_path / "x.json"), "--project", str(tmp_path), "-q"]
    )
    assert result.exit_code == 1, result.output
    assert "akteure: 'actor:country:CN' and 'actor:country:UA' have the same slug 'ukraine'" in result.output


def test_the_checks_pass_for_the_usual_layout(project: Path) -> None:
    assert output_problems(Settings.load(project)) == []
    assert output_problems(Settings.load(project, {"site_dir": project / "site" / "neu"})) == []


@pytest.mark.skipif(os.geteuid() != 0, reason="only root ignores permissions")
def test_write_bits_count_even_for_root(project: Path) -> None:
    (project / "docs").chmod(0o555)
    try:
        problems = output_problems(Settings.load(project))
    finally:
        (project / "docs").chmod(0o755)
    assert problems == [f"docs_dir: {project / 'docs'} is read-only"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("seeds: 2024-13-45\n", "lagebild.yml: a value cannot be read"),
        ("strict: !!bool vielleicht\n", "lagebild.yml: a value cannot be read"),
        ("seeds: Grüße\n".encode("latin-1"), "lagebild.yml: not valid UTF-8"),
        (None, "lagebild.yml: cannot be read"),
    ],
)
def test_an_unreadable_lagebild_yml_is_a_message(
    tmp_path: Path, content: str | bytes | None, message: str
) -> None:
    config = tmp_path / "lagebild.yml"
    if content is None:
        config.mkdir()
    elif isinstance(content, bytes):
        config.write_bytes(content)
    else:
        config.write_text(content, "utf-8")
    result = CliRunner().invoke(main, ["build", "--project", str(tmp_path), "-q"])
    assert result.exit_code == 1
    assert message in result.output and "Traceback" not in result.output
