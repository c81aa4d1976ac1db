"""The knowledge base is built once per knowledge file, then loaded from the disk cache."""

from __future__ import annotations

from pathlib import Path

import pytest


def test_the_knowledge_base_is_built_once_and_then_loaded(tmp_path: Path, monkeypatch) -> None:
    from generator.knowledge import base as knowledge

    monkeypatch.setenv("LAGEBILD_CACHE", str(tmp_path / "lagebild"))
    user = tmp_path / "knowledge.yml"
    user.write_text("organizations:\n  - name: Beispielbrigade\n    type: organization\n", "utf-8")
    knowledge.cached_knowledge.cache_clear()
    built = knowledge.cached_knowledge(str(user))
    assert list((tmp_path / "lagebild").glob("knowledge-*.pickle"))

    def no_building(*args: object) -> None:
        raise AssertionError("built again although nothing changed")

    monkeypatch.setattr(knowledge, "build_knowledge", no_building)
    knowledge.cached_knowledge.cache_clear()
    loaded = knowledge.cached_knowledge(str(user))
    assert loaded.surfaces.keys() == built.surfaces.keys()
    assert any("beispielbrigade" in surface.lower() for surface in loaded.surfaces)

    user.write_text(user.read_text("utf-8").replace("Beispielbrigade", "Probebrigade"), "utf-8")
    knowledge.cached_knowledge.cache_clear()
    with pytest.raises(AssertionError, match="built again"):
        knowledge.cached_knowledge(str(user))  # a changed user file is a different knowledge base
    knowledge.cached_knowledge.cache_clear()
