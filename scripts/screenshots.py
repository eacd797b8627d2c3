"""Write the README's screenshots into screenshots/ from a real multi-article folder.

    python scripts/screenshots.py                    # Reuters stories whose title names OPEC (read now)
    python scripts/screenshots.py --topic coffee     # another topic
    python scripts/screenshots.py --folder seeds     # any folder of articles
    python scripts/screenshots.py --synthetic        # the fixed synthetic timeline of the snapshot tests

The Reuters slice is read from the shared corpus beside the repository (../shared/corpus/reuters21578) at
screenshot time into a temporary folder: no article is ever copied into the repository. Terminal shots are
SVGs (App.save_screenshot inside App.run_test; the brief through Rich's SVG export). The browser shot is a
PNG taken by headless Chromium (Debian's ``chromium``) of ``dateline serve``; it is skipped, with a note,
when Chromium is not installed.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import shutil
import socket
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
OUT = ROOT / "screenshots"
CORPUS = (
    Path("shared") / "corpus" / "reuters21578" / "articles.jsonl"
)  # beside the repository (or its worktree)
REUTERS = next(
    (p / CORPUS for p in (ROOT.parent, ROOT.parent.parent) if (p / CORPUS).exists()), ROOT.parent / CORPUS
)

SHOTS = [  # (file name, terminal size, what to do first: keys, or ("search"/"filter", text))
    ("main-120x40.svg", (120, 40), ["j"]),
    ("main-80x24.svg", (80, 24), []),
    ("detail.svg", (100, 32), ["enter"]),
    ("search.svg", (120, 40), [("search", "{word}"), "n"]),
    ("filter.svg", (120, 40), [("filter", "status:expected,planned")]),
    ("help.svg", (80, 30), ["question_mark"]),
]


def reuters_slice(topic: str, limit: int, folder: Path) -> Path:
    """Stories whose title names ``topic`` (any case), as one JSON Lines file in ``folder``."""
    out = folder / f"reuters-{topic.lower()}.jsonl"
    n = 0
    with REUTERS.open(encoding="utf-8") as src, out.open("w", encoding="utf-8") as dst:
        for line in src:
            story = json.loads(line)
            if topic.lower() in (story.get("title") or "").lower():
                dst.write(line)
                n += 1
                if n >= limit:
                    break
    print(f"{n} Reuters stories about {topic!r}", file=sys.stderr)
    return folder


async def shoot(app_args: dict, name: str, size: tuple[int, int], steps: list, word: str) -> None:
    from textual.widgets import Input

    from dateline.tui.app import DatelineApp

    app = DatelineApp(**app_args, unicode=True, remember=False)
    app.theme = "textual-dark"
    async with app.run_test(size=size) as pilot:
        while app.loading:  # the load starts after the first frame: wait for it to end, not just for workers
            await pilot.pause(0.05)
        await app.workers.wait_for_complete()
        await pilot.pause()
        app.clear_notifications()
        for step in steps:
            if isinstance(step, tuple):
                await pilot.press("slash" if step[0] == "search" else "f")
                app.screen.query_one(Input).value = step[1].format(word=word)
                await pilot.press("enter")
            else:
                await pilot.press(step)
        await pilot.pause(0.3)
        app.clear_notifications()
        await pilot.pause()
        app.save_screenshot(name, str(OUT))
    print(OUT / name)


def brief_svg(paths: list[str], name: str = "brief.svg") -> None:
    """``dateline brief`` as a terminal shows it, exported as an SVG."""
    from rich.console import Console
    from rich.text import Text

    out = subprocess.run(
        [sys.executable, "-m", "dateline.tui.cli", "brief", "--top", "8", *paths],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    console = Console(record=True, width=100, file=open("/dev/null", "w"))  # noqa: SIM115
    lines = out.splitlines()[:40]
    console.print(Text("$ dateline brief --top 8 " + " ".join(Path(p).name for p in paths), style="bold"))
    console.print(Text("\n".join(lines)))
    console.save_svg(str(OUT / name), title="dateline brief")
    print(OUT / name)


def browser_png(paths: list[str], name: str = "browser.png") -> None:
    """``dateline serve`` in headless Chromium: the page, once the app has drawn its loaded timeline."""
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        print(
            "skipped the browser shot: Chromium is not installed (apt-get install chromium)", file=sys.stderr
        )
        return
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = subprocess.Popen(
        [sys.executable, "-m", "dateline.tui.cli", "serve", "--port", str(port), *paths],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        asyncio.run(_chromium_shot(chromium, f"http://127.0.0.1:{port}/", OUT / name))
    finally:
        server.terminate()
        server.wait(timeout=10)
    print(OUT / name)


async def _chromium_shot(chromium: str, url: str, out: Path, wait: float = 25.0) -> None:
    """Open ``url`` in headless Chromium, give the page's websocket and the app ``wait`` seconds to draw, and
    save a screenshot, all through the DevTools protocol (``--screenshot`` alone shoots before the page's
    script has connected)."""
    import base64

    import aiohttp

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        devtools = s.getsockname()[1]
    with tempfile.TemporaryDirectory() as profile:
        browser = subprocess.Popen(
            [
                chromium,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-extensions",
                "--disable-sync",
                "--no-first-run",
                "--hide-scrollbars",
                f"--remote-debugging-port={devtools}",
                f"--user-data-dir={profile}",
                "--window-size=1280,800",
                "about:blank",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            async with aiohttp.ClientSession() as session:
                tabs = []
                for _ in range(200):
                    try:
                        async with session.get(f"http://127.0.0.1:{devtools}/json") as response:
                            tabs = await response.json()
                            break
                    except aiohttp.ClientError:
                        await asyncio.sleep(0.1)
                page = next(t for t in tabs if t["type"] == "page")
                async with session.ws_connect(page["webSocketDebuggerUrl"], max_msg_size=0) as ws:
                    calls = 0

                    async def call(method: str, **params: object) -> dict:
                        nonlocal calls
                        calls += 1
                        await ws.send_json({"id": calls, "method": method, "params": params})
                        async for message in ws:
                            data = json.loads(message.data)
                            if data.get("id") == calls:
                                return data.get("result", {})
                        return {}

                    await call("Page.navigate", url=url)
                    await asyncio.sleep(wait)
                    shot = await call("Page.captureScreenshot", format="png")
                    out.write_bytes(base64.b64decode(shot["data"]))
        finally:
            browser.terminate()
            browser.wait(timeout=10)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--topic", default="OPEC", help="Reuters stories whose title names this (default OPEC)"
    )
    parser.add_argument("--limit", type=int, default=60, help="at most this many stories (default 60)")
    parser.add_argument("--folder", help="a folder of articles instead of the Reuters slice")
    parser.add_argument("--synthetic", action="store_true", help="the snapshot tests' synthetic timeline")
    parser.add_argument("--word", default="oil", help="what the search shot searches for (default oil)")
    args = parser.parse_args()
    OUT.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        if args.synthetic:
            from tests.factory import sample_timeline

            app_args: dict = {"timeline": sample_timeline().model_copy(update={"problems": []})}
            paths: list[str] = []
        else:
            folder = Path(args.folder) if args.folder else reuters_slice(args.topic, args.limit, Path(tmp))
            paths = [str(folder)]
            app_args = {"paths": paths, "jobs": 1}
        for name, size, steps in SHOTS:
            asyncio.run(shoot(app_args, name, size, steps, args.word))
        if paths:
            brief_svg(paths)
            browser_png(paths)


if __name__ == "__main__":
    main()
