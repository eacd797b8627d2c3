"""A time budget for one article's analysis: past it, the analysis stops and the article is kept without it.

Every step is meant to grow with its input (see bench/hostile.py), but a step may still meet an input no one
thought of. Rather than stall a whole run for hours on one file, :func:`limit` stops the analysis of an
article that takes longer than its budget, raising :class:`OverBudget`; the pipeline then keeps the article
(text, title, date) without extractions and reports it by name.

Two ways of stopping, so that normal articles pay nothing measurable (two system calls each):

* in the main thread (the command line, and the worker processes), a one-shot ``SIGALRM`` timer: it stops
  any code, even a long regular-expression match (the ``re`` engine checks for signals). The handler is
  installed once, only where SIGALRM has no handler of its own, and does nothing when no article is timed;
* in other threads (the app analyses in a thread), where no signal can be delivered, :func:`check`: called
  by the steps' loops at each sentence, paragraph or anchor, it compares the clock with the deadline.

The budget is ``ARTICLE_SECONDS`` unless ``$DATELINE_ARTICLE_SECONDS`` says otherwise (``0`` stops every
analysis at its first check: a way to see the fallback; a negative or non-numeric value is ignored).
"""

from __future__ import annotations

import os
import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

ARTICLE_SECONDS = 30.0
ENV = "DATELINE_ARTICLE_SECONDS"


class OverBudget(BaseException):
    """The analysis of one article ran past its budget. A BaseException, as KeyboardInterrupt is: a step's
    ``except Exception`` (a date out of range, a bug kept to one article) must not swallow it."""


class _Deadline(threading.local):
    deadline: float | None = None  # time.monotonic() past which the current thread's article is over budget


_local = _Deadline()


def seconds() -> float:
    """The budget per article: ``$DATELINE_ARTICLE_SECONDS`` when it is a number >= 0, else the default."""
    raw = os.environ.get(ENV)
    if raw is None:
        return ARTICLE_SECONDS
    try:
        value = float(raw)
    except ValueError:
        return ARTICLE_SECONDS
    return value if value >= 0 else ARTICLE_SECONDS


def check() -> None:
    """Raise :class:`OverBudget` when the current thread's article is past its deadline."""
    deadline = _local.deadline
    if deadline is not None and time.monotonic() >= deadline:
        _local.deadline = None  # said once: the code that catches it may go on without a budget
        raise OverBudget


def _alarm(signum: int, frame: object) -> None:
    if _local.deadline is not None:  # an alarm after the budget was lifted (a race at the end) does nothing
        _local.deadline = None
        raise OverBudget


_installed = False  # whether _alarm is this process's SIGALRM handler (installed once: a signal() call costs
# more than the two setitimer() calls an article pays)


def _arm(budget: float) -> bool:
    """Start a one-shot SIGALRM timer for ``budget`` seconds when this thread can take signals and nobody
    else uses SIGALRM; False when the budget rests on :func:`check` alone."""
    global _installed
    if not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        return False
    if not _installed:
        if signal.getsignal(signal.SIGALRM) not in (signal.SIG_DFL, None):  # someone else's: leave it alone
            return False
        signal.signal(signal.SIGALRM, _alarm)
        _installed = True
    previous = signal.setitimer(signal.ITIMER_REAL, budget)
    if previous != (0.0, 0.0):  # someone else's timer was running: put it back
        signal.setitimer(signal.ITIMER_REAL, *previous)
        return False
    return True


@contextmanager
def limit(budget: float | None = None) -> Iterator[None]:
    """Run the body with a time budget (``seconds()`` by default); raises :class:`OverBudget` past it.

    Nested uses keep the outer budget. A budget of 0 stops the body at its first :func:`check`."""
    if _local.deadline is not None:
        yield
        return
    budget = seconds() if budget is None else budget
    _local.deadline = time.monotonic() + budget
    signalled = budget > 0 and _arm(budget)
    try:
        yield
    finally:
        _local.deadline = None  # first: an alarm arriving from here on does nothing
        if signalled:
            signal.setitimer(signal.ITIMER_REAL, 0)
