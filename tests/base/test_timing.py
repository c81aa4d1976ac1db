"""`lagebild build -v` says how long each stage took."""

from __future__ import annotations

import logging

import pytest

from generator.base.timing import stage


def test_a_stage_logs_its_name_and_seconds_also_when_it_fails(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.DEBUG, logger="generator.timing"):
        with stage("Planung"):
            pass
        with pytest.raises(ValueError), stage("Pagefind"):
            raise ValueError("broken")
    lines = [r.getMessage() for r in caplog.records]
    assert len(lines) == 2
    assert lines[0].startswith("Zeit Planung: ") and lines[0].endswith(" s")
    assert lines[1].startswith("Zeit Pagefind: ")
