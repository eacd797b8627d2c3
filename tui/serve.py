"""``dateline serve PATHS``: the same app in a web browser, through textual-serve.

Each browser tab that opens the page gets its own ``dateline open PATHS`` process, driven over a websocket
(textual-serve's web driver), so colleagues without a terminal see exactly the terminal app. It binds to
127.0.0.1 unless told otherwise: anyone who can reach the port can read the articles.
"""

from __future__ import annotations

import ipaddress
import os
import shlex
import sys
from collections.abc import Sequence

LOOPBACK = "127.0.0.1"


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def app_command(paths: Sequence[str], *, jobs: int, cache: bool) -> str:
    """The shell command a browser tab runs: this Python, this package, the paths made absolute (the server
    may be started from anywhere)."""
    args = [sys.executable, "-m", "dateline.tui.cli", "open", "--jobs", str(jobs)]
    if not cache:
        args.append("--no-cache")
    args += ["--", *(p if p == "-" else os.path.abspath(p) for p in paths)]
    return shlex.join(args)


def serve(
    paths: Sequence[str], *, host: str = LOOPBACK, port: int = 8000, jobs: int = 1, cache: bool = True
) -> int:
    """Serve the app until interrupted; 2 when stdin is among the paths (each tab would read it again)."""
    if "-" in paths:
        print(
            "dateline: serve cannot read stdin (each browser tab starts its own app); give files",
            file=sys.stderr,
        )
        return 2
    if not is_loopback(host):
        print(
            f"dateline: warning: serving on {host}: anyone who can reach port {port} can read these articles "
            "(there is no login); the default is 127.0.0.1",
            file=sys.stderr,
        )
    from textual_serve.server import Server

    os.environ.setdefault("COLORTERM", "truecolor")  # the browser's terminal draws every colour and symbol
    os.environ["TERM"] = "xterm-256color"
    server = Server(app_command(paths, jobs=jobs, cache=cache), host=host, port=port, title="Dateline")
    server.serve()
    return 0
