"""Atomic builds: a failed build leaves the previous site/ (and docs/) exactly as they were."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from site_projects import build, files, hand_written, new_project

from generator.render.write import SECTIONS
from generator.site.mkdocs import SiteBuildError, build_site, swap_in

MKDOCS_YML = """\
site_name: Atomar
theme: mkdocs
validation:
  links:
    not_found: warn
    anchors: warn
"""


def leftovers(folder: Path) -> list[str]:
    """Staging or backup folders of an atomic swap left next to the site."""
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(".site."))


@pytest.fixture()
def project(tmp_path: Path) -> Path:
    (tmp_path / "mkdocs.yml").write_text(MKDOCS_YML, encoding="utf-8")
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text("# Start\n\n[Seite](seite.md)\n", encoding="utf-8")
    (tmp_path / "docs" / "seite.md").write_text("# Seite\n\nText.\n", encoding="utf-8")
    (tmp_path / "docs" / "alt.md").write_text("# Alt\n", encoding="utf-8")
    build_site(tmp_path / "mkdocs.yml")
    return tmp_path


def test_failed_build_leaves_the_previous_site_byte_identical(project: Path) -> None:
    before = files(project / "site")
    assert "seite/index.html" in before
    (project / "docs" / "seite.md").write_text("# Seite\n\n[kaputt](fehlt.md)\n", encoding="utf-8")
    with pytest.raises(SiteBuildError, match=r"fehlt\.md"):
        build_site(project / "mkdocs.yml")
    assert files(project / "site") == before
    assert sorted(p.name for p in (project / "docs").iterdir()) == ["alt.md", "index.md", "seite.md"]
    assert leftovers(project) == []


def test_incremental_build_writes_its_pages_apart_from_the_live_site(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The staging folder of an incremental build starts as hard links to the live site; the pages
    MkDocs writes there get data of their own, so the live site does not change even when the
    build fails after MkDocs (here: in the search indexing)."""
    state = project / ".state.json"
    build_site(project / "mkdocs.yml", state_file=state)
    before = files(project / "site")
    (project / "docs" / "seite.md").write_text("# Seite\n\nNeuer Text.\n", encoding="utf-8")
    seen: dict[str, object] = {}

    def failing_index(staging: Path) -> None:
        page = staging / "seite" / "index.html"
        seen["written"] = "Neuer Text" in page.read_text(encoding="utf-8")
        seen["linked"] = (staging / "alt" / "index.html").stat().st_ino == (
            project / "site" / "alt" / "index.html"
        ).stat().st_ino
        raise SiteBuildError("Suchindex kaputt")

    monkeypatch.setattr("generator.site.mkdocs.index_site", failing_index)
    with pytest.raises(SiteBuildError, match="Suchindex kaputt"):
        build_site(project / "mkdocs.yml", state_file=state)
    assert seen == {"written": True, "linked": True}  # incremental: unchanged pages are links
    assert files(project / "site") == before
    assert leftovers(project) == []


def test_successful_build_replaces_the_whole_site(project: Path) -> None:
    (project / "docs" / "alt.md").unlink()
    (project / "docs" / "neu.md").write_text("# Neu\n", encoding="utf-8")
    build_site(project / "mkdocs.yml")
    built = files(project / "site")
    assert "neu/index.html" in built and "alt/index.html" not in built  # replaced, not merged
    assert leftovers(project) == []
    umask = os.umask(0o022)
    os.umask(umask)
    assert (project / "site").stat().st_mode & 0o777 == 0o777 & ~umask  # readable like `mkdir site`


def test_swap_keeps_the_old_folder_when_the_new_one_cannot_move(tmp_path: Path) -> None:
    target = tmp_path / "site"
    target.mkdir()
    (target / "index.html").write_text("alt", encoding="utf-8")
    with pytest.raises(OSError):
        swap_in(tmp_path / "fehlt", target)
    assert (target / "index.html").read_text(encoding="utf-8") == "alt"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


ARTICLE = "Die NATO bestätigte am Montag, dass 3.000 nordkoreanische Soldaten in der Region Kursk sind.\n"


@pytest.fixture(scope="module")
def failed_build(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, bytes], dict[str, bytes]]:
    """A built project whose next build fails in MkDocs (a broken link in a hand-written page).

    Returns the project and its site/ and generated docs/ files from before the failed build.
    """
    project = new_project(tmp_path_factory.mktemp("atomic"), [], knowledge=False)
    (project / "seeds" / "nato.txt").write_text(ARTICLE, encoding="utf-8")
    result = build(project)
    assert result.exit_code == 0, result.output
    site, docs = files(project / "site"), generated_docs(project)
    (project / "seeds" / "nato.txt").write_text(ARTICLE + "Mark Rutte sprach von 12.000 Soldaten.\n", "utf-8")
    page = project / "docs" / "methode.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n[kaputt](fehlt.md)\n", encoding="utf-8")
    result = build(project)
    assert result.exit_code == 1
    assert "fehlt.md" in result.output
    return project, site, docs


def generated_docs(project: Path) -> dict[str, bytes]:
    return {f"{s}/{rel}": data for s in SECTIONS if (project / "docs" / s).is_dir()
            for rel, data in files(project / "docs" / s).items()}  # fmt: skip


@pytest.mark.slow
def test_failed_lagebild_build_keeps_site_and_hand_written_pages(failed_build) -> None:  # type: ignore[no-untyped-def]
    project, site, _ = failed_build
    assert files(project / "site") == site
    names = [p.name for p in hand_written(project / "docs")]
    assert {"index.md", "methode.md"} <= set(names)
    assert "[kaputt](fehlt.md)" in (project / "docs" / "methode.md").read_text(encoding="utf-8")
    assert leftovers(project) == []


@pytest.mark.slow
def test_failed_lagebild_build_keeps_generated_docs(failed_build) -> None:  # type: ignore[no-untyped-def]
    project, _, docs = failed_build
    assert generated_docs(project) == docs
