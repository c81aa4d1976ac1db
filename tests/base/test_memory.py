"""The cyclic collector is held back while a build creates objects that stay, and only then."""

from __future__ import annotations

import gc
import weakref

import pytest

from generator.base.memory import collector_paused, kept_out_of_collection


def test_the_collector_is_paused_in_the_block_and_on_again_after_it() -> None:
    assert gc.isenabled()
    with pytest.raises(RuntimeError), collector_paused():
        assert not gc.isenabled()
        raise RuntimeError("a failing phase")
    assert gc.isenabled(), "on again even when the block failed"


def test_a_collector_that_was_off_stays_off() -> None:
    gc.disable()
    try:
        with collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_objects_alive_at_the_start_are_kept_out_of_reach_until_the_end() -> None:
    kept = [[n] for n in range(1000)]  # lists: objects the collector tracks
    with kept_out_of_collection():
        assert gc.get_freeze_count() >= len(kept)
    assert gc.get_freeze_count() == 0, "back in reach, so a later collection can free them"
    with pytest.raises(RuntimeError), kept_out_of_collection():
        raise RuntimeError("a failing phase")
    assert gc.get_freeze_count() == 0


def test_cycles_left_by_a_paused_phase_are_freed_not_frozen() -> None:
    class Node:
        other: object = None

    with collector_paused():
        a, b = Node(), Node()
        a.other, b.other = b, a  # a cycle: only the collector can free it
        gone = weakref.ref(a)
        del a, b
    with kept_out_of_collection():
        assert gone() is None
