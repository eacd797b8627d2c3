"""Pause the cyclic garbage collector around bursts of allocation that create no reference cycles.

The pipeline builds hundreds of thousands of small model objects; each allocation burst would otherwise start
a full collection over the whole heap (every loaded article), again and again. Refcounting still frees
everything as usual; cycles, if any, are collected once the collector is back on.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused_gc() -> Iterator[None]:
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()
