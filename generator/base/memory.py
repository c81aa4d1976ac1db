"""Python's cyclic garbage collector, held back while a build creates objects that live on.

A rebuild loads the cached extraction of every article and resolves them into the report model:
millions of objects that all stay alive until the pages are written. Each time enough of them
have been allocated, the collector walks all of them looking for unreachable cycles and finds
next to none; at 1,000 articles that walking was about half the time of loading and resolving.
So those phases run with the collector paused (`collector_paused`), and the model, once built, is
moved out of its reach (`kept_out_of_collection`) for the rest of the build. Objects without
cycles are still freed the moment they are no longer used; only cycles wait for the collector.

Not for extraction itself: spaCy documents form cycles, and extraction runs in worker processes
forked from this one, which inherit the collector's state.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """Run the block with the cyclic collector off; on again afterwards if it was on before."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


@contextmanager
def kept_out_of_collection() -> Iterator[None]:
    """Let the block run with every object alive at its start out of the collector's reach
    (``gc.freeze``); they are back in reach when it ends, so a later collection can free them.
    One collection first frees the cycles left by the phases that ran with the collector paused."""
    gc.collect()
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()
