"""``dateline serve PATHS``: the same app in a web browser, through textual-serve.

Each browser tab that opens the page gets its own ``dateline open PATHS`` process, driven over a websocket
(textual-serve's web driver), so colleagues without a terminal see exactly the terminal app. It binds to
127.0.0.1 unless told otherwise: anyone who can reach the port can read the articles.

A tab's app is the server's own child (the shell textual-serve starts it with ``exec``s it) and ends with
the server, however the server ends (:func:`dateline.core.workers.watch_main`, as the analysis workers end
with their main process): an app whose server was killed would otherwise live on for ever, its websocket
gone.
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
    may be started from anywhere), as a child of this process (:func:`tab_main`) that ends with it."""
    args = [sys.executable, "-m", "dateline.tui.serve", str(os.getpid()), "open", "--jobs", str(jobs)]
    if not cache:
        args.append("--no-cache")
    args += ["--", *(p if p == "-" else os.path.abspath(p) for p in paths)]
    command = shlex.join(args)
    return f"exec {command}" if os.name == "posix" else command


def tab_main(argv: Sequence[str]) -> int:
    """A browser tab's app: ``SERVER_PID`` then ``dateline`` arguments. It ends when the server does."""
    from dateline.core.workers import watch_main
    from dateline.tui.cli import main

    watch_main(int(argv[0]))
    return main(argv[1:])


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


if __name__ == "__main__":
    sys.exit(tab_main(sys.argv[1:]))
