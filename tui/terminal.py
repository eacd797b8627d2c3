"""Keys come from the terminal, never from piped data: what ``less`` and ``fzf`` do.

The app reads its keys from file descriptor 0. When stdin is a pipe (``cat story.txt | dateline -``), the
data would become key presses: a ``q`` quits, a ``?`` opens help, a crafted payload drives the command
palette. So before the app starts, :func:`keys_from_terminal` reads all of stdin (up to the loader's limit,
with a progress line) when ``-`` is among the paths, hands those bytes to the loader, and puts the terminal
(``/dev/tty``) on descriptor 0. With no terminal to take keys from, the app cannot run: it says so.
"""

from __future__ import annotations

import io
import os
import sys
import time
from collections.abc import Sequence

from dateline.core.load import MAX_COLLECTION_BYTES

TTY = "/dev/tty"
CHUNK = 1 << 20


def keys_from_terminal(paths: Sequence[str], tty: str = TTY) -> str | None:
    """Make descriptor 0 the terminal when it is not one; None when the app can run, else why it cannot.

    An app driven by another Textual driver (``$TEXTUAL_DRIVER``: ``dateline serve``'s web driver talks to
    the browser over stdin and stdout) takes its keys where that driver says: it is left alone."""
    if os.environ.get("TEXTUAL_DRIVER"):
        return None
    reads_stdin = "-" in paths
    if _isatty(0):
        if reads_stdin:
            return "'-' reads articles from stdin, but stdin is the terminal: pipe them in (… | dateline -)"
        return None
    if reads_stdin:
        data = read_stdin()
        sys.stdin = io.TextIOWrapper(
            io.BytesIO(data), encoding="utf-8", errors="replace"
        )  # what the loader reads
    try:
        fd = os.open(tty, os.O_RDWR)
    except OSError as exc:
        what = "the articles" if reads_stdin else "not a terminal"
        return (
            f"no terminal to take keys from (stdin is {what}; {TTY}: {exc.strerror}): "
            "'dateline brief' or 'dateline export' print the timeline instead"
        )
    try:
        os.dup2(fd, 0)
    finally:
        os.close(fd)
    return None


def read_stdin(limit: int = MAX_COLLECTION_BYTES + 1) -> bytes:
    """All of stdin up to ``limit`` bytes (one more than the loader keeps, so it can say that it cut the
    rest), with a progress line on stderr when stderr is a terminal. Unreadable stdin reads as nothing."""
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:
        return b""
    show = _isatty(2)
    chunks: list[bytes] = []
    size, shown = 0, 0.0
    try:
        while size < limit:
            chunk = stream.read(min(CHUNK, limit - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
            if show and time.monotonic() - shown > 0.1:
                sys.stderr.write(f"\rdateline: reading stdin… {size / CHUNK:.1f} MB")
                sys.stderr.flush()
                shown = time.monotonic()
    except (OSError, ValueError):
        pass  # the loader reports what it got (or that there was nothing)
    if show and shown:
        sys.stderr.write("\r\x1b[2K")
        sys.stderr.flush()
    return b"".join(chunks)


def _isatty(fd: int) -> bool:
    try:
        return os.isatty(fd)
    except OSError:
        return False
