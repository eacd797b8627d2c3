"""Worker processes that never outnumber the machine's processors, nor outlive the process that started them.

``--jobs 1000`` started 135 processes and took 5 GB: :func:`usable_cpus` caps the pool. And after the main
process was killed (SIGTERM or SIGKILL), its pool's workers, blocked on a queue that others still held open,
lived on, and kept the fork server and the resource tracker alive with them: each worker now runs
:func:`watch_main` as its initializer, a thread that ends the worker when the main process ends (the fork
server and the resource tracker then see their last client go, and end too).
"""

from __future__ import annotations

import os
import select
import threading
import time

ORPHAN_EXIT = 3  # a worker's exit status when its main process is gone
POLL_SECONDS = 0.5  # how often to ask where the main process cannot be waited on


def usable_cpus() -> int:
    """The processors this process may run on (its affinity mask where the system has one)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def watch_main(pid: int) -> None:
    """A worker's initializer: end this worker as soon as the process ``pid`` (the pool's owner) ends."""
    threading.Thread(target=_exit_after, args=(pid,), name="dateline-watch-main", daemon=True).start()


def _exit_after(pid: int) -> None:
    try:
        fd = os.pidfd_open(pid)  # Linux 5.3+: readable once the process has ended
    except (AttributeError, OSError):  # elsewhere, or already gone: ask now and then
        while _alive(pid):
            time.sleep(POLL_SECONDS)
    else:
        select.select([fd], [], [])
    os._exit(ORPHAN_EXIT)  # no cleanup to do: results would go nowhere


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
