"""One build at a time per project folder: an exclusive lock on a lock file.

`BuildLock` takes an ``flock`` lock on the file; the kernel releases it when the holding process
ends, however it ends, so a killed build never leaves a lock behind. The file names the holder
(its pid and start time) for the message a second build prints while it waits or when it gives
up. Where ``fcntl`` is missing the file is created exclusively (``O_EXCL``) instead, and a file
whose pid no longer runs is a stale lock that is taken over.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import time
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from generator.errors import ConfigError, LagebildError

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

log = logging.getLogger(__name__)

LOCK_FILE = ".lagebild.lock"
"""Name of the lock file in the project folder."""


class BusyError(LagebildError):
    """Another build holds the lock of the project folder."""


class BuildLock:
    """``with BuildLock(path, wait=60):`` the block runs while no other build holds `path`.

    A second build waits up to `wait` seconds (0: not at all), calling `on_wait` once with a
    message naming the holder, then raises BusyError. `use_flock=False` forces the ``O_EXCL``
    variant (the one used where ``fcntl`` is missing)."""

    def __init__(
        self,
        path: Path,
        *,
        wait: float = 0.0,
        poll: float = 0.2,
        on_wait: Callable[[str], None] | None = None,
        use_flock: bool = True,
    ) -> None:
        self.path = Path(path)
        self.wait = wait
        self.poll = poll
        self.on_wait = on_wait or log.warning
        self.use_flock = use_flock and fcntl is not None
        self.fd: int | None = None

    def __enter__(self) -> BuildLock:
        deadline = time.monotonic() + self.wait
        told = False
        while not self._try():
            if time.monotonic() >= deadline:
                raise BusyError(
                    f"{self.path.parent}: another lagebild build is running ({self.holder()}); "
                    "wait until it has finished, then build again"
                    + ("" if self.use_flock else f" (if none is running, delete {self.path})")
                )
            if not told:
                self.on_wait(f"another lagebild build is running ({self.holder()}); waiting for it")
                told = True
            time.sleep(self.poll)
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.release()

    def holder(self) -> str:
        """Who holds the lock, as the lock file says ("pid 123, since 2026-11-07 14:03:11")."""
        try:
            info = json.loads(self.path.read_text(encoding="utf-8"))
            return f"pid {int(info['pid'])}, since {info['since']}, lock file {self.path}"
        except (OSError, ValueError, KeyError, TypeError):
            return f"lock file {self.path}"

    def _try(self) -> bool:
        try:
            return self._try_flock() if self.use_flock else self._try_exclusive()
        except OSError as exc:
            raise ConfigError(f"{self.path}: cannot take the build lock: {exc.strerror or exc}") from exc

    def _try_flock(self) -> bool:
        assert fcntl is not None
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            return False
        if not _same_file(fd, self.path):  # the holder removed the file as we opened it: again
            os.close(fd)
            return False
        self.fd = fd
        self._write_holder(fd)
        return True

    def _try_exclusive(self, again: bool = True) -> bool:
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o644)
        except FileExistsError:
            if not (again and self._stale()):
                return False
            holder = self.holder()
            with contextlib.suppress(FileNotFoundError):
                self.path.unlink()
            log.warning("removed a stale lock: the build it names is no longer running (%s)", holder)
            return self._try_exclusive(again=False)
        self.fd = fd
        self._write_holder(fd)
        return True

    def _stale(self) -> bool:
        """Whether the lock file names a process that no longer runs (O_EXCL variant only)."""
        try:
            pid = int(json.loads(self.path.read_text(encoding="utf-8"))["pid"])
        except FileNotFoundError:
            return False  # released meanwhile
        except (OSError, ValueError, KeyError, TypeError):
            return time.time() - _mtime(self.path) > 5  # unreadable and not just being written
        return not _running(pid)

    def _write_holder(self, fd: int) -> None:
        since = time.strftime("%Y-%m-%d %H:%M:%S")
        os.ftruncate(fd, 0)
        os.write(fd, json.dumps({"pid": os.getpid(), "since": since}).encode())

    def release(self) -> None:
        if self.fd is None:
            return
        with contextlib.suppress(FileNotFoundError):
            self.path.unlink()  # still holding it: nobody else has this file locked
        if self.use_flock:
            assert fcntl is not None
            fcntl.flock(self.fd, fcntl.LOCK_UN)
        os.close(self.fd)
        self.fd = None


def _same_file(fd: int, path: Path) -> bool:
    try:
        st = path.stat()
    except FileNotFoundError:
        return False
    own = os.fstat(fd)
    return (st.st_dev, st.st_ino) == (own.st_dev, own.st_ino)


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return time.time()


def _running(pid: int) -> bool:
    """Whether a process with this pid exists (on this machine; on Windows, where ``os.kill``
    would end it, every pid counts as running: a stale lock file is then removed by hand)."""
    if pid <= 0:
        return False
    if os.name == "nt":  # pragma: no cover
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # exists, owned by someone else
    return True
