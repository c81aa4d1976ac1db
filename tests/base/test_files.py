"""Folder swap: at every instant the site folder is the old or the new one; a kill leaves nothing behind."""

from __future__ import annotations

import gzip
import logging
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from generator.base import files
from generator.base.files import fresh_folder, leftovers, recover_folder, swap_in
from tests.conftest import ROOT


def site(folder: Path, text: str) -> Path:
    """A small "site": an index page and a nested page, both saying `text`."""
    (folder / "seite").mkdir(parents=True, exist_ok=True)
    (folder / "index.html").write_text(text, encoding="utf-8")
    (folder / "seite" / "index.html").write_text(text, encoding="utf-8")
    return folder


def state(target: Path) -> str | None:
    """Which complete site `target` holds ("alt", "neu"), or None if it holds none."""
    try:
        texts = {(target / rel).read_text(encoding="utf-8") for rel in ("index.html", "seite/index.html")}
    except OSError:
        return None
    return texts.pop() if len(texts) == 1 else None


def hidden(parent: Path) -> list[str]:
    return sorted(p.name for p in parent.iterdir() if p.name.startswith("."))


@pytest.mark.parametrize("can_exchange", [True, False])
def test_swap_replaces_the_folder_and_leaves_nothing_behind(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, can_exchange: bool
) -> None:
    if not can_exchange:
        monkeypatch.setattr(files, "exchange", lambda a, b: False)
    target = site(tmp_path / "site", "alt")
    (target / "alt.html").write_text("weg", encoding="utf-8")
    swap_in(site(fresh_folder(target), "neu"), target)
    assert state(target) == "neu"
    assert not (target / "alt.html").exists()
    assert hidden(tmp_path) == []


def test_swap_into_a_missing_folder(tmp_path: Path) -> None:
    target = tmp_path / "site"
    swap_in(site(fresh_folder(target), "neu"), target)
    assert state(target) == "neu" and hidden(tmp_path) == []


def test_the_exchange_is_one_step_where_the_system_has_it(tmp_path: Path) -> None:
    first, second = site(tmp_path / "a", "alt"), site(tmp_path / "b", "neu")
    if not files.exchange(first, second):
        pytest.skip("this file system cannot exchange two paths")
    assert (state(first), state(second)) == ("neu", "alt")


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda p: p.write_text("kein Ordner", encoding="utf-8"), "is a file, not a folder"),
        (lambda p: p.symlink_to(p.parent / "anderswo", target_is_directory=True), "symbolic link"),
        (lambda p: (p.mkdir(), p.chmod(0o555)), "is read-only"),
    ],
    ids=["file", "link", "read-only"],
)
def test_swap_refuses_what_it_must_not_replace(tmp_path: Path, make, message: str) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "anderswo").mkdir()
    target = tmp_path / "site"
    make(target)
    new = site(fresh_folder(target), "neu")
    try:
        with pytest.raises(OSError, match=message):
            swap_in(new, target)
        assert new.is_dir()  # nothing was moved: the caller removes its staging folder
        assert target.is_symlink() or target.is_file() or target.stat().st_mode & 0o777 == 0o555
    finally:
        if target.is_dir() and not target.is_symlink():
            target.chmod(0o755)


KILL = """
import os, sys
from pathlib import Path
from generator.base import files

point = sys.argv[3]
if point == "between-renames":  # no exchange: the old site is renamed aside, then the process dies
    files.exchange = lambda a, b: False
    rename = Path.rename
    calls = []
    def dying_rename(self, target):
        calls.append(self)
        if len(calls) == 2:
            os._exit(9)
        return rename(self, target)
    Path.rename = dying_rename
elif point == "after-exchange":  # the new site is in place, the old one not yet removed
    files.remove_folder = lambda folder: os._exit(9)
elif point == "before-swap":
    files.exchange = lambda a, b: os._exit(9)
files.swap_in(Path(sys.argv[1]), Path(sys.argv[2]))
"""


@pytest.mark.parametrize("point", ["before-swap", "between-renames", "after-exchange"])
def test_a_build_killed_inside_the_swap_is_recovered_by_the_next(tmp_path: Path, point: str) -> None:
    """The process dies (os._exit: no handler, no finally runs) at a point inside the swap; the
    next build's `recover_folder` leaves one complete site (the old or the new) and no leftovers."""
    target = site(tmp_path / "site", "alt")
    new = site(fresh_folder(target), "neu")
    script = textwrap.dedent(KILL)
    done = subprocess.run(
        [sys.executable, "-c", script, str(new), str(target), point], cwd=ROOT, capture_output=True
    )
    assert done.returncode == 9, done.stderr.decode()
    if point == "between-renames":
        assert not target.exists()  # the one instant without a site, on systems without an exchange
        assert len(leftovers(target, "previous")) == 1
    else:
        assert state(target) == ("alt" if point == "before-swap" else "neu")
    recover_folder(target)
    assert state(target) == {"before-swap": "alt", "between-renames": "alt", "after-exchange": "neu"}[point]
    assert hidden(tmp_path) == []


WATCH = """
import sys, time
from pathlib import Path
target, stop = Path(sys.argv[1]), Path(sys.argv[2])
seen, missing = 0, 0
while not stop.exists():
    for rel in ("index.html", "seite/index.html"):  # as a web server opens each file by its path
        try:
            if (target / rel).read_text().startswith("v"):
                seen += 1
        except OSError:
            missing += 1
print(seen, missing)
"""


def test_a_reader_never_finds_the_site_missing_while_it_is_swapped(tmp_path: Path) -> None:
    target = site(tmp_path / "site", "v0")
    if not files.exchange(site(tmp_path / "probe", "x"), target) or not files.exchange(
        tmp_path / "probe", target
    ):
        pytest.skip("this file system cannot exchange two paths")
    stop = tmp_path / "stop"
    watcher = subprocess.Popen(
        [sys.executable, "-c", WATCH, str(target), str(stop)], stdout=subprocess.PIPE, text=True
    )
    try:
        for n in range(1, 300):
            swap_in(site(fresh_folder(target), f"v{n}"), target)
    finally:
        stop.touch()
        out, _ = watcher.communicate(timeout=60)
    seen, missing = map(int, out.split())
    assert seen > 0
    assert missing == 0


def test_recover_puts_back_the_newest_site_left_aside_and_removes_the_rest(tmp_path: Path) -> None:
    target = tmp_path / "site"
    older = site(fresh_folder(target, "previous"), "älter")
    newest = site(fresh_folder(target, "previous"), "alt")
    (newest / "index.html").touch()
    (newest).touch()
    staging = site(fresh_folder(target, "new"), "halb")
    assert {older.name, newest.name, staging.name} == set(hidden(tmp_path))
    done = recover_folder(target)
    assert state(target) == "alt"
    assert hidden(tmp_path) == []
    assert any("put back" in line for line in done)


def test_recover_keeps_a_live_site_and_removes_only_leftovers(tmp_path: Path) -> None:
    target = site(tmp_path / "site", "live")
    site(fresh_folder(target, "previous"), "alt")
    site(fresh_folder(target, "new"), "halb")
    (tmp_path / ".site-fremd").mkdir()  # not ours: stays
    recover_folder(target)
    assert state(target) == "live"
    assert hidden(tmp_path) == [".site-fremd"]


def test_a_folder_that_cannot_be_removed_is_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    folder = site(tmp_path / "weg", "x")

    def refuse(path: str, *args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied", path)

    monkeypatch.setattr(files.os, "unlink", refuse)
    with caplog.at_level(logging.WARNING):
        assert files.remove_folder(folder) is False
    assert "could not remove" in caplog.text and "weg" in caplog.text


# ---- incremental builds: linked staging folder, written copy-on-write ----------------------


def linked_pair(tmp_path: Path) -> tuple[Path, Path]:
    """A "live" site and a staging folder made of hard links to it."""
    live = site(tmp_path / "live", "alt")
    (live / "data.txt.gz").write_bytes(gzip.compress(b"alt"))
    staging = tmp_path / "staging"
    files.link_tree(live, staging)
    return live, staging


def test_link_tree_links_the_files_instead_of_copying_them(tmp_path: Path) -> None:
    live, staging = linked_pair(tmp_path)
    for rel in ("index.html", "seite/index.html", "data.txt.gz"):
        assert (staging / rel).stat().st_ino == (live / rel).stat().st_ino
    assert state(staging) == "alt"


def test_writes_under_copy_on_write_leave_the_linked_site_alone(tmp_path: Path) -> None:
    live, staging = linked_pair(tmp_path)
    with files.copy_on_write(staging):
        (staging / "index.html").write_text("neu", encoding="utf-8")  # open(…, "w")
        with open(staging / "seite" / "index.html", "a", encoding="utf-8") as page:  # append
            page.write(" und neu")
        shutil.copyfile(tmp_path / "live" / "index.html", staging / "seite" / "kopie.html")  # new file
        with gzip.open(staging / "data.txt.gz", "wb") as data:
            data.write(b"neu")
        fd = os.open(staging / "index.html", os.O_WRONLY | os.O_APPEND)  # os.open
        os.write(fd, b"!")
        os.close(fd)
    assert state(live) == "alt"
    assert gzip.decompress((live / "data.txt.gz").read_bytes()) == b"alt"
    assert (staging / "index.html").read_text(encoding="utf-8") == "neu!"
    assert (staging / "seite" / "index.html").read_text(encoding="utf-8") == "alt und neu"
    assert gzip.decompress((staging / "data.txt.gz").read_bytes()) == b"neu"
    assert (live / "index.html").stat().st_nlink == 1  # no longer shared
    assert not list(staging.rglob("*.cow"))


def test_without_copy_on_write_a_write_reaches_both_links(tmp_path: Path) -> None:
    """What `copy_on_write` prevents: outside it, the hook is idle and the live file changes too."""
    live, staging = linked_pair(tmp_path)
    with files.copy_on_write(tmp_path / "elsewhere"):
        (staging / "index.html").write_text("neu", encoding="utf-8")
    assert (live / "index.html").read_text(encoding="utf-8") == "neu"
