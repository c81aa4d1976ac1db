"""One build per project folder: a second one waits or stops with a message naming the first."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from generator.base.lock import LOCK_FILE, BuildLock, BusyError
from generator.errors import ConfigError
from tests.conftest import ROOT

HOLD = """
import sys
from pathlib import Path
from generator.base.lock import BuildLock
with BuildLock(Path(sys.argv[1]), use_flock=sys.argv[2] == "flock"):
    print("held", flush=True)
    sys.stdin.readline()
"""

VARIANTS = ["flock", "exclusive"]


def holder(lock: Path, variant: str) -> subprocess.Popen[str]:
    """Another process holding the lock until a line is written to its stdin (or it is killed)."""
    process = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(lock), variant],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None and process.stdout.readline().strip() == "held"
    return process


@pytest.mark.parametrize("variant", VARIANTS)
def test_a_second_build_stops_with_a_message_naming_the_first(tmp_path: Path, variant: str) -> None:
    lock = tmp_path / LOCK_FILE
    first = holder(lock, variant)
    try:
        busy = rf"another lagebild build is running \(pid {first.pid}, since"
        with pytest.raises(BusyError, match=busy), BuildLock(lock, wait=0, use_flock=variant == "flock"):
            pytest.fail("the lock was taken twice")
    finally:
        first.communicate("\n", timeout=30)
    with BuildLock(lock, use_flock=variant == "flock"):  # free again once the first has finished
        assert json.loads(lock.read_text("utf-8"))["pid"] == os.getpid()
    assert not lock.exists()  # nothing left in the project folder


@pytest.mark.parametrize("variant", VARIANTS)
def test_a_waiting_build_goes_on_when_the_first_finishes(tmp_path: Path, variant: str) -> None:
    lock = tmp_path / LOCK_FILE
    first = holder(lock, variant)
    told: list[str] = []

    def finish_first(message: str) -> None:  # called once the second build starts waiting
        told.append(message)
        threading.Thread(target=first.communicate, args=("\n",), kwargs={"timeout": 30}).start()

    with BuildLock(lock, wait=120, poll=0.05, on_wait=finish_first, use_flock=variant == "flock"):
        assert first.wait(timeout=30) == 0
    assert len(told) == 1 and f"pid {first.pid}" in told[0] and "waiting" in told[0]


@pytest.mark.parametrize("variant", VARIANTS)
def test_the_lock_of_a_killed_build_is_taken_over(tmp_path: Path, variant: str) -> None:
    lock = tmp_path / LOCK_FILE
    first = holder(lock, variant)
    first.send_signal(signal.SIGKILL)
    first.wait(timeout=30)
    assert lock.exists()  # the killed build could not remove it
    with BuildLock(lock, wait=0, use_flock=variant == "flock"):
        assert json.loads(lock.read_text("utf-8"))["pid"] == os.getpid()


def test_an_unreadable_stale_file_does_not_block_flock(tmp_path: Path) -> None:
    lock = tmp_path / LOCK_FILE
    lock.write_text("kaputt", encoding="utf-8")
    with BuildLock(lock, wait=0):
        assert json.loads(lock.read_text("utf-8"))["pid"] == os.getpid()


def test_two_locks_in_one_process_exclude_each_other(tmp_path: Path) -> None:
    lock = tmp_path / LOCK_FILE
    with BuildLock(lock), pytest.raises(BusyError), BuildLock(lock, wait=0):
        pytest.fail("the lock was taken twice")


def test_a_lock_that_cannot_be_made_is_a_clear_error(tmp_path: Path) -> None:
    missing = tmp_path / "fehlt" / LOCK_FILE
    with pytest.raises(ConfigError, match="cannot take the build lock"), BuildLock(missing):
        pytest.fail("locked a file in a folder that does not exist")
