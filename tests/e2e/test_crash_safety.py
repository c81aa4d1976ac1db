"""A build killed at any point leaves a complete site (the old or the new), and the next build
cleans up after it; a second build in the same folder waits or stops with a clear message.

Each kill runs ``lagebild build`` in another process that dies (``os._exit``: no exception
handler, no ``finally``) at one point of the build, injected by patching the function there.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from site_projects import build, files, new_project, page_urls

from generator import build as build_module
from generator.base.lock import LOCK_FILE, BuildLock
from generator.render.write import SECTIONS
from tests.conftest import ROOT

OLD = "Die NATO bestätigte am Montag, dass 3.000 nordkoreanische Soldaten in der Region Kursk sind.\n"
NEW = OLD + "Die Ministerin Petra Lindqvist sagte am Dienstag, 12.000 Soldaten seien an der Grenze.\n"

KILL = """
import os, sys
from pathlib import Path
point, project = sys.argv[1], sys.argv[2]

def die(*args, **kwargs):
    os._exit(9)

if point == "render-sync":  # half of the generated pages moved into docs/
    import generator.render.sync as sync
    moves = []
    replace = sync.os.replace
    def dying_replace(*args, **kwargs):
        moves.append(args)
        if len(moves) == 3:
            die()
        return replace(*args, **kwargs)
    sync.os.replace = dying_replace
elif point == "site-built":  # MkDocs done, the new site complete in its staging folder
    import generator.site.mkdocs as mkdocs
    mkdocs.index_site = die
elif point == "swap-exchanged":  # the new site in place, the old one not yet removed
    import generator.base.files as files
    files.remove_folder = die
elif point == "swap-between-renames":  # no exchange: the old site renamed aside, the new not yet in
    import generator.base.files as files
    files.exchange = lambda first, second: False
    rename = Path.rename
    def dying_rename(self, target):
        if self.name.startswith(".site.new-"):
            die()
        return rename(self, target)
    Path.rename = dying_rename
elif point == "site-swapped":  # site/ new, docs backup not yet marked as committed
    import generator.build as build
    real = build.build_site
    def build_then_die(*args, **kwargs):
        real(*args, **kwargs)
        die()
    build.build_site = build_then_die
elif point == "registry":  # everything published, the registry not yet saved
    from generator.resolve.permalinks import Permalinks
    Permalinks.save = die

from generator.cli import main
main(["build", "--project", project, "-q"])
"""

POINTS = ["render-sync", "site-built", "swap-exchanged", "swap-between-renames", "site-swapped", "registry"]


def generated(project: Path) -> dict[str, bytes]:
    return {
        f"{s}/{rel}": data
        for s in SECTIONS
        if (project / "docs" / s).is_dir()
        for rel, data in files(project / "docs" / s).items()
    }


def leftovers(project: Path) -> list[str]:
    found = [p.name for p in project.iterdir() if p.name.startswith((".site.", LOCK_FILE))]
    found += [p.name for p in (project / "docs").iterdir() if p.name.startswith(".lagebild-")]
    return sorted(found)


def version(site: Path) -> str | None:
    """Which complete site `site` is: "old", "new", or None (missing, or pages cut off)."""
    if not (site / "index.html").is_file():
        return None
    pages = [
        site / url / "index.html" if not url.endswith(".html") else site / url for url in page_urls(site)
    ]
    if not all(page.read_text("utf-8").rstrip().endswith("</html>") for page in pages):
        return None
    source = (site / "quellen" / "nato" / "index.html").read_text("utf-8")
    return "new" if "Lindqvist" in source else "old"


@pytest.fixture(scope="module")
def versions(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A built project (the old site, its cache warm) and a clean build of the changed article."""
    old = new_project(tmp_path_factory.mktemp("kill-old"), [])
    (old / "seeds" / "nato.txt").write_text(OLD, encoding="utf-8")
    assert build(old).exit_code == 0
    new = tmp_path_factory.mktemp("kill-new") / "project"
    shutil.copytree(old, new, symlinks=True)
    (new / "seeds" / "nato.txt").write_text(NEW, encoding="utf-8")
    assert build(new).exit_code == 0
    assert version(old / "site") == "old" and version(new / "site") == "new"
    return old, new


@pytest.mark.slow
@pytest.mark.parametrize("point", POINTS)
def test_a_build_killed_at_any_point_leaves_a_complete_site(
    versions: tuple[Path, Path], tmp_path: Path, point: str
) -> None:
    old, new = versions
    project = tmp_path / "project"
    shutil.copytree(old, project, symlinks=True)
    (project / "seeds" / "nato.txt").write_text(NEW, encoding="utf-8")
    killed = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(KILL), point, str(project)],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert killed.returncode == 9, killed.stdout + killed.stderr
    expected = "new" if point in ("swap-exchanged", "site-swapped", "registry") else "old"
    if point == "swap-between-renames":
        assert not (project / "site").exists()  # only without an exchange; the next build puts it back
        assert [p.name for p in project.glob(".site.previous-*")]
    else:
        assert version(project / "site") == expected
    assert leftovers(project)  # the kill left staging or backup folders, and the lock file

    build_module.recover(build_module.Settings.load(project))  # what the next build does first
    assert version(project / "site") == (expected if point != "swap-between-renames" else "old")
    # docs/ matches the site that is live: back as before the killed build, or the new pages
    assert generated(project) == generated(old if expected == "old" else new)

    assert build(project).exit_code == 0  # and the next build publishes the new site
    assert version(project / "site") == "new"
    assert generated(project) == generated(new)
    assert page_urls(project / "site") == page_urls(new / "site")
    assert (project / "permalinks.yml").read_text("utf-8") == (new / "permalinks.yml").read_text("utf-8")
    assert leftovers(project) == []


@pytest.mark.slow
def test_a_second_build_in_the_same_folder_stops_with_a_clear_message(
    versions: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = tmp_path / "project"
    shutil.copytree(versions[0], project, symlinks=True)
    before = files(project / "site")
    monkeypatch.setattr(build_module, "LOCK_WAIT", 0)
    with BuildLock(project / LOCK_FILE):  # a first build holds the folder
        result = build(project)
    assert result.exit_code == 1
    assert re.search(r"another lagebild build is running \(pid \d+, since", result.output)
    assert files(project / "site") == before  # nothing touched
    assert build(project).exit_code == 0  # once the first has finished
