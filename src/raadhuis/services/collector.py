"""Pausing the cyclic garbage collector around large reads and analyses.

A snapshot of a national-scale organisation is a million small objects; building it sets
off full collections that each walk all of them — seconds on the synthetic 100,000-post
organisation — and free nothing, since these objects hold no cycles and are freed by
reference counting.
"""

from __future__ import annotations

import gc
import threading
from contextlib import ContextDecorator


class CollectorPaused(ContextDecorator):
    """Pause the cyclic garbage collector while an analysis runs.

    A snapshot of a large organisation is a million small objects; the analyses add a few hundred
    thousand more, enough to trigger full collections that each walk all of them — seconds on the
    synthetic 100,000-post organisation — and find nothing, since these objects hold no cycles and
    are freed by reference counting. Nested and concurrent calls share one pause, and the collector
    is switched back on only if it was on before the first of them."""

    _lock = threading.Lock()
    _depth = 0
    _was_enabled = False

    def __enter__(self) -> CollectorPaused:
        with self._lock:
            if CollectorPaused._depth == 0:
                CollectorPaused._was_enabled = gc.isenabled()
                gc.disable()
            CollectorPaused._depth += 1
        return self

    def __exit__(self, *exc: object) -> None:
        with self._lock:
            CollectorPaused._depth -= 1
            if CollectorPaused._depth == 0 and CollectorPaused._was_enabled:
                gc.enable()


collector_paused = CollectorPaused()
