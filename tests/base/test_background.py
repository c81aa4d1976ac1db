"""A function run in a forked child while the caller goes on: its result, its error, its end."""

from __future__ import annotations

import os
import time

import pytest

from generator.base.background import Background, BackgroundError


def test_the_result_comes_from_another_process() -> None:
    here = os.getpid()
    job = Background(lambda: {"pid": os.getpid(), "text": "ä" * 1_000_000})
    result = job.result()
    assert result["text"] == "ä" * 1_000_000  # larger than a pipe's buffer
    assert result["pid"] != here or (os.cpu_count() or 1) < 2


def test_an_error_in_the_child_is_raised_by_result() -> None:
    def fail() -> None:
        raise ValueError("bad row 3")

    with pytest.raises(ValueError, match="bad row 3"):
        Background(fail).result()


def test_a_child_that_dies_is_reported() -> None:
    if (os.cpu_count() or 1) < 2:
        pytest.skip("one core: the work runs in this process")
    with pytest.raises(BackgroundError, match="exit code 3"):
        Background(lambda: os._exit(3)).result()


def test_close_stops_a_child_whose_result_is_not_wanted() -> None:
    if (os.cpu_count() or 1) < 2:
        pytest.skip("one core: the work runs in this process")
    job = Background(lambda: time.sleep(60))
    process = job._process
    assert process is not None and process.is_alive()
    job.close()
    assert not process.is_alive()
