"""How fast the app feels: time to first frame, load time, and key-press latency at 100 vs 100,000 events.

    python bench/tui.py                 # seeds/ and the Reuters corpus (if present), then latency
    python bench/tui.py --skip-reuters  # quicker

First frame is measured from outside, as a user sees it: ``dateline PATH`` runs in a pseudo-terminal (80×24,
TERM=xterm-256color) and the clock stops when the first full frame (the pane titles) has been written.
Loading and latency are measured in-process with a headless app (App.run_test): latency is the time for one
``j`` press to be handled and the screen updated, averaged over many presses, with synthetic Timelines built
from the models so the figure does not depend on the pipeline.
"""

from __future__ import annotations

import argparse
import asyncio
import fcntl
import os
import pty
import select
import statistics
import struct
import sys
import termios
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
REUTERS = ROOT.parent / "shared" / "corpus" / "reuters21578" / "articles.jsonl"


def dateline_command() -> list[str]:
    beside = Path(sys.executable).with_name("dateline")
    return [str(beside)] if beside.exists() else [sys.executable, "-m", "dateline.tui.cli"]


def first_frame(path: Path, timeout: float = 30.0) -> float:
    """Seconds from exec to the first frame showing all three pane titles."""
    pid, fd = pty.fork()
    if pid == 0:  # child
        os.environ.update(TERM="xterm-256color", COLUMNS="80", LINES="24")
        os.chdir(ROOT)
        cmd = dateline_command()
        os.execv(cmd[0], [*cmd, str(path)])
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    start = time.perf_counter()
    seen = b""
    took = float("nan")
    try:
        while time.perf_counter() - start < timeout:
            ready, _, _ = select.select([fd], [], [], 0.05)
            if not ready:
                continue
            try:
                seen += os.read(fd, 65536)
            except OSError:
                break
            if b"Timeline" in seen and b"Actors" in seen and b"Quotes" in seen:
                took = time.perf_counter() - start
                break
    finally:
        os.write(fd, b"q")
        deadline = time.perf_counter() + 5
        while time.perf_counter() < deadline:
            done, _ = os.waitpid(pid, os.WNOHANG)
            if done:
                break
            try:
                if select.select([fd], [], [], 0.05)[0]:
                    os.read(fd, 65536)
            except OSError:
                pass
        else:
            os.kill(pid, 9)
            os.waitpid(pid, 0)
        os.close(fd)
    return took


class FrameClock:
    """Times a key press from the moment the key arrives (as a driver would post it) to the next frame the
    screen hands to the driver. Pilot.press is not used for timing: it waits for the whole process to be idle,
    which never happens while a load runs in a worker thread."""

    def __init__(self, app) -> None:
        self.app = app
        self.frame = asyncio.Event()
        original = app._display

        def display(screen, renderable) -> None:
            if renderable is not None:
                self.frame.set()
            original(screen, renderable)

        app._display = display

    async def press(self, key: str, character: str | None = None) -> float:
        from textual import events

        self.frame.clear()
        start = time.perf_counter()
        self.app.post_message(events.Key(key, character if character is not None else key))
        await asyncio.wait_for(self.frame.wait(), timeout=30)
        return time.perf_counter() - start


async def load_while_pressing(path: Path, timeout: float) -> tuple[float, list[float], int]:
    """Full load time in a headless app, with j / k presses during the load to see that the UI responds."""
    from dateline.tui.app import DatelineApp

    app = DatelineApp([str(path)])
    presses: list[float] = []
    start = time.perf_counter()
    async with app.run_test(size=(80, 24)) as pilot:
        clock = FrameClock(app)
        while app.loading and time.perf_counter() - start < timeout:
            # a key that changes nothing draws no frame: until events show, move the focus (always redrawn)
            key = (
                ("j" if len(presses) % 2 == 0 else "k") if app.index and app.index.timeline.events else "tab"
            )
            presses.append(await clock.press(key))
            await asyncio.sleep(0.05)
        await app.workers.wait_for_complete()
        await pilot.pause()  # the last key posted may still be queued: handle it before the app closes
        total = time.perf_counter() - start
        events = len(app.index.timeline.events) if app.index else 0
    return total, presses, events


async def key_latency(n: int, presses: int = 300) -> tuple[float, float]:
    """Median seconds from a ``j`` press to the next frame, and for one full-screen repaint, at ``n`` events."""
    from dateline.tui.app import DatelineApp
    from tests.factory import synthetic_timeline

    app = DatelineApp(timeline=synthetic_timeline(n))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        clock = FrameClock(app)
        await clock.press("G")  # measure in the middle of the list, where a naive widget would be slowest
        for _ in range(presses // 2):
            await clock.press("k")
        times = [await clock.press("j") for _ in range(presses)]
        t = time.perf_counter()
        for _ in range(20):
            app.screen._compositor.render_update(full=True)
        repaint = (time.perf_counter() - t) / 20
    return statistics.median(times), repaint


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--skip-reuters", action="store_true")
    parser.add_argument("--load-timeout", type=float, default=900.0)
    args = parser.parse_args()

    targets = [ROOT / "seeds"] + ([] if args.skip_reuters or not REUTERS.exists() else [REUTERS])
    print("time to first frame (pty, 80×24; best of 3):")
    for path in targets:
        runs = [first_frame(path) for _ in range(3)]
        print(f"  {path.name:<16} {min(runs):6.3f} s   (runs: {', '.join(f'{r:.3f}' for r in runs)})")

    import tempfile

    os.environ["DATELINE_CACHE_DIR"] = tempfile.mkdtemp(prefix="dateline-bench-")  # never the user's cache
    print(
        "full load in a headless app, pressing j every 50 ms meanwhile (cold, then reopened from the cache):"
    )
    for path, label in [(p, lab) for p in targets for lab in ("cold", "cached")]:
        total, presses, events = asyncio.run(load_while_pressing(path, args.load_timeout))
        if presses:
            med, worst = statistics.median(presses), max(presses)
            keys = (
                f"{len(presses)} presses during load: median {med * 1000:.1f} ms, worst {worst * 1000:.1f} ms"
            )
        else:
            keys = "loaded before the first press"
        print(f"  {path.name:<16} {label:<6} {total:7.2f} s, {events:,} events; {keys}")

    print("key-press latency (j, key to next frame, median of 300) and full repaint, synthetic events:")
    results = {}
    for n in (100, 100_000):
        t = time.perf_counter()
        results[n] = asyncio.run(key_latency(n))
        print(
            f"  {n:>7,} events: {results[n][0] * 1000:6.2f} ms/press, repaint {results[n][1] * 1000:6.2f} ms"
            f"   (setup {time.perf_counter() - t:.1f} s)"
        )
    ratio = results[100_000][0] / results[100][0]
    print(f"  ratio 100,000 / 100: {ratio:.2f}")


if __name__ == "__main__":
    main()
