"""One function run in a forked child process while this process goes on with other work.

A rebuild spends seconds serialising the whole model into the data files (``report.json`` and
the CSV files) while the pages are rendered on one core; on a machine with two cores or more the
child does the one while this process does the other. The child is forked, so it starts with
everything already in memory and nothing is pickled on the way in; its result comes back pickled
through a pipe. Without ``fork`` (or with one core) the function simply runs here, first.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import Generic, TypeVar

T = TypeVar("T")


class BackgroundError(RuntimeError):
    """The child process ended without a result (killed, or out of memory)."""


def _run(work: Callable[[], object], send: Connection) -> None:
    try:
        result: tuple[bool, object] = (True, work())
    except BaseException as exc:  # handed to the parent, which raises it
        result = (False, exc)
    send.send(result)
    send.close()


class Background(Generic[T]):
    """``work()`` started in a forked child now; `result` waits for it (and raises what it raised)."""

    def __init__(self, work: Callable[[], T]) -> None:
        self._value: T | None = None
        self._process: multiprocessing.process.BaseProcess | None = None
        if "fork" not in multiprocessing.get_all_start_methods() or (os.cpu_count() or 1) < 2:
            self._value = work()
            return
        context = multiprocessing.get_context("fork")
        self._receive, send = context.Pipe(duplex=False)
        self._process = context.Process(target=_run, args=(work, send), daemon=True)
        self._process.start()
        send.close()

    def result(self) -> T:
        """What ``work()`` returned; raises what it raised, or BackgroundError if the child died."""
        if self._process is None:
            return self._value  # type: ignore[return-value]
        try:
            ok, value = self._receive.recv()
        except EOFError:
            self._process.join()
            raise BackgroundError(
                f"the background process ended without a result (exit code {self._process.exitcode})"
            ) from None
        finally:
            self.close()
        if not ok:
            raise value
        return value  # type: ignore[no-any-return]

    def close(self) -> None:
        """Stop the child if it is still running (its result is no longer wanted), then reap it."""
        if self._process is None:
            return
        if self._process.is_alive():  # still working, or done and its result already read
            self._process.terminate()
        self._receive.close()
        self._process.join()
