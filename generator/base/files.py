"""Atomic writes: a reader (or a killed build) sees the old file or folder, or the whole new one.

`write_atomic` replaces one file through a temporary file and one rename. `swap_in` replaces a
whole folder (the built site): on Linux with one ``renameat2(RENAME_EXCHANGE)`` call, so that at
every instant the folder's path holds the complete old or the complete new folder. Where the
file system cannot exchange two paths, the old folder is renamed aside first and the new one moved
into its place; a build killed between those two renames leaves no folder at the path, only the
old one aside, and `recover_folder` (which the next build runs first) puts it back. It also
removes the staging and backup folders (``.site.new-*``, ``.site.previous-*``) a killed build
leaves behind.

An incremental build starts from the previous site. `link_tree` makes the staging folder out of
hard links to the previous site's files (no data is copied), and `copy_on_write` keeps the two
apart while the build writes: a file it opens for writing that still shares its data with the
previous site first gets data of its own. The live site is never written to.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import logging
import os
import secrets
import shutil
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

log = logging.getLogger(__name__)

STAGING, BACKUP = "new", "previous"
"""Purposes of the hidden folders next to a swapped folder: ``.site.new-…``, ``.site.previous-…``."""


def write_atomic(path: Path, data: str | bytes) -> None:
    """Write `data` (text as UTF-8 with "\\n" line ends, or bytes) to `path` through a temporary file
    in the same folder and one rename; the folder is created if needed."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        if isinstance(data, bytes):
            tmp.write_bytes(data)
        else:
            tmp.write_text(data, encoding="utf-8", newline="\n")
        tmp.replace(path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()


# -- folders replaced as a whole -------------------------------------------------------------


def sibling(target: Path, purpose: str) -> Path:
    """An unused hidden name next to `target` (same file system, so renames are atomic)."""
    return target.with_name(f".{target.name}.{purpose}-{os.getpid()}-{secrets.token_hex(4)}")


def fresh_folder(target: Path, purpose: str = STAGING) -> Path:
    """A new empty folder next to `target`; ``mkdir`` honours the umask (tempfile.mkdtemp: 0700)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    folder = sibling(target, purpose)
    folder.mkdir()
    return folder


def replace_problem(target: Path) -> str | None:
    """Why the folder `target` cannot be replaced by `swap_in`, or None if it can."""
    if target.is_symlink():
        return f"{target} is a symbolic link, not a folder (the build neither follows nor replaces it)"
    if not target.exists():
        return None
    if not target.is_dir():
        return f"{target} is a file, not a folder (the build neither moves nor deletes it)"
    if not _writable(target):
        return f"{target} is read-only (make it writable, or choose another folder)"
    return None


def _writable(folder: Path) -> bool:
    """Whether entries can be made and removed in `folder` (its write bits count, even for root)."""
    return os.access(folder, os.W_OK | os.X_OK) and bool(folder.stat().st_mode & 0o222)


def swap_in(new: Path, target: Path) -> None:
    """Replace the folder `target` by the folder `new`, then remove the old one.

    At every instant `target` holds the complete old folder or the complete new one where the
    system can exchange two paths (Linux); elsewhere the old folder is renamed aside first (and
    moved back if `new` cannot be moved in; `recover_folder` moves it back after a kill). A file,
    a link or a read-only folder at `target` is refused with an OSError that says so.
    """
    problem = replace_problem(target)
    if problem:
        raise (NotADirectoryError if "not a folder" in problem else PermissionError)(problem)
    if not target.exists():
        new.rename(target)
        return
    if exchange(new, target):
        remove_folder(new)  # the old folder, now under the staging name
        return
    backup = sibling(target, BACKUP)
    target.rename(backup)
    try:
        new.rename(target)
    except BaseException:
        backup.rename(target)
        raise
    remove_folder(backup)


def exchange(first: Path, second: Path) -> bool:
    """Exchange two paths in one atomic step (Linux ``renameat2`` with ``RENAME_EXCHANGE``).

    Returns False where the system or file system cannot (then nothing was changed); raises
    OSError for any other failure.
    """
    call = _renameat2()
    if call is None:
        return False
    at_fdcwd, rename_exchange = -100, 2
    if call(at_fdcwd, os.fsencode(first), at_fdcwd, os.fsencode(second), rename_exchange) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP, errno.ENOTSUP, errno.EXDEV):
        return False
    raise OSError(code, os.strerror(code), str(first), None, str(second))


def _renameat2():  # type: ignore[no-untyped-def]
    """The C library's ``renameat2`` (glibc ≥ 2.28, musl ≥ 1.2.5), or None."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        function = ctypes.CDLL(None, use_errno=True).renameat2
    except (AttributeError, OSError):
        return None
    function.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    function.restype = ctypes.c_int
    return function


def remove_folder(folder: Path) -> bool:
    """Remove `folder` and everything in it; what cannot be removed is logged, not hidden.

    Returns True if the folder is gone."""
    if not folder.exists() and not folder.is_symlink():
        return True
    failures: list[str] = []

    def failed(function, path, exc_info) -> None:  # type: ignore[no-untyped-def]
        failures.append(f"{path}: {exc_info[1]}")

    if sys.version_info >= (3, 12):
        shutil.rmtree(folder, onexc=lambda f, path, exc: failures.append(f"{path}: {exc}"))
    else:
        shutil.rmtree(folder, onerror=failed)
    if failures:
        log.warning("could not remove %s (%s); the next build tries again", folder, failures[0])
    return not folder.exists()


def leftovers(target: Path, purpose: str) -> list[Path]:
    """The hidden folders `sibling` made for `target` with this purpose, oldest first."""
    if not target.parent.is_dir():
        return []
    prefix = f".{target.name}.{purpose}-"
    found = [p for p in target.parent.iterdir() if p.name.startswith(prefix) and not p.is_symlink()]
    return sorted(found, key=lambda p: (p.stat().st_mtime, p.name))


def recover_folder(target: Path) -> list[str]:
    """Clean up after a build killed while it replaced `target` (call it holding the build lock).

    If `target` is gone but the old folder was renamed aside (``.NAME.previous-…``), it is put
    back; every other staging or backup folder is removed. Returns what was done, one line each.
    """
    done: list[str] = []
    backups = leftovers(target, BACKUP)
    if backups and not target.exists() and not target.is_symlink():
        backups.pop().rename(target)  # the newest: the site that was live when the build died
        done.append(f"{target}: put back the previous site left aside by a build that was killed")
    for folder in backups + leftovers(target, STAGING):
        if remove_folder(folder):
            done.append(f"{folder}: removed (left by a build that was killed)")
    return done


# -- incremental builds: a linked copy, written copy-on-write ---------------------------------


def link_tree(source: Path, target: Path) -> None:
    """Fill `target` with the folders of `source` and hard links to its files (symbolic links are
    copied as links). Where the file system cannot link (another device, no hard links), files are
    copied. Write into `target` only under `copy_on_write`, or `source` changes too."""

    def link_or_copy(src: str, dst: str) -> None:
        try:
            os.link(src, dst)
        except OSError:
            shutil.copy2(src, dst)

    shutil.copytree(source, target, symlinks=True, dirs_exist_ok=True, copy_function=link_or_copy)


_WRITING = os.O_WRONLY | os.O_RDWR | os.O_APPEND | os.O_TRUNC | os.O_CREAT
_guarded: list[str] = []  # folders under copy_on_write, absolute, each ending in a separator
_guard_lock = threading.Lock()
_hook_installed = False


def _separate(path: str) -> None:
    """Give the file at `path` data of its own if it shares them (a hard link): copy it beside
    itself and rename the copy over it. A file only this path holds is left alone."""
    try:
        if os.lstat(path).st_nlink < 2:
            return
    except OSError:
        return  # missing (about to be created) or unreadable: nothing shared
    copy = f"{path}.{os.getpid()}.cow"
    shutil.copy2(path, copy)
    os.replace(copy, path)


def _audit(event: str, args: tuple[object, ...]) -> None:
    """Python's audit hook for every ``open``: see `copy_on_write`."""
    if event != "open" or not _guarded:
        return
    path, mode, flags = args
    if isinstance(path, int) or path is None:
        return  # an open file descriptor: opened (and separated) before
    writing = any(c in mode for c in "wax+") if isinstance(mode, str) else bool(int(flags or 0) & _WRITING)  # type: ignore[call-overload]
    if not writing:
        return
    name = os.path.abspath(os.fsdecode(path))  # type: ignore[call-overload]
    if any(name.startswith(folder) for folder in _guarded):
        _separate(name)


@contextlib.contextmanager
def copy_on_write(folder: Path) -> Iterator[None]:
    """While inside, every file below `folder` that this process opens for writing (``open``,
    ``os.open``, and so everything built on them: MkDocs, its plugins, gzip, shutil) and that is a
    hard link shared with another path gets data of its own first. Made for a staging folder
    filled by `link_tree`: the build writes new files, the previous site keeps its own.

    Uses a Python audit hook (PEP 578), installed once per process and idle outside this block.
    Writes by other processes (Pagefind) are not seen: give them folders of their own.
    """
    global _hook_installed
    root = os.path.join(os.path.abspath(folder), "")
    with _guard_lock:
        if not _hook_installed:
            sys.addaudithook(_audit)
            _hook_installed = True
        _guarded.append(root)
    try:
        yield
    finally:
        with _guard_lock:
            _guarded.remove(root)
