"""How long each stage of a build took, logged at debug level (``lagebild build -v``).

A rebuild that takes longer than expected is explained by these lines: which stage the time went
to (reading the cache, resolution, planning, MkDocs, Pagefind …), without a profiler.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterator
from contextlib import contextmanager

log = logging.getLogger("generator.timing")


@contextmanager
def stage(name: str) -> Iterator[None]:
    """Log ``name: 1.23 s`` at debug level when the block ends (also when it raised)."""
    start = time.perf_counter()
    try:
        yield
    finally:
        log.debug("Zeit %s: %.2f s", name, time.perf_counter() - start)
