"""The committed permalinks.yml is the one a clean build of the committed seeds leaves: every
published address of the seed site is pinned in the repository, so CI notices any URL that moves."""

from __future__ import annotations

import difflib
import shutil
from pathlib import Path

import pytest

from generator.build import build_report
from generator.resolve.permalinks import Permalinks
from generator.settings import Settings
from tests.conftest import ROOT


@pytest.mark.slow
def test_a_clean_build_of_the_seeds_does_not_change_the_committed_registry(tmp_path: Path) -> None:
    committed = ROOT / "permalinks.yml"
    settings = Settings.load(ROOT)
    settings.permalinks = tmp_path / "permalinks.yml"
    settings.cache = False  # a clean build: nothing from earlier runs
    shutil.copy(committed, settings.permalinks)
    permalinks = Permalinks.load(settings.permalinks)
    build_report(settings, permalinks=permalinks)
    permalinks.save(settings.permalinks)
    before, after = committed.read_text("utf-8"), settings.permalinks.read_text("utf-8")
    diff = "\n".join(difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0))
    assert after == before, (
        "a build of the seeds changes permalinks.yml; run `lagebild build --no-site` in the repository "
        f"and commit permalinks.yml:\n{diff}"
    )
    assert not permalinks.changed
