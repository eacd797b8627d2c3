"""``dateline serve``: a real server on a free loopback port, visited as a browser does (the page, then its
websocket), until the app's first screen says what it loaded. Bounded in time; the server is stopped after."""

from __future__ import annotations

import asyncio
import re
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from dateline.tui.serve import app_command, is_loopback

ROOT = Path(__file__).resolve().parents[1]
ANSI = re.compile(r"\x1b\[[0-9;?<>=]*[ -/]*[@-~]|\x1b[()][A-Z0-9]|\x1b[=>]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_loopback_is_recognised() -> None:
    assert is_loopback("127.0.0.1") and is_loopback("localhost") and is_loopback("::1")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.0.2.7")


def test_each_tab_runs_this_python_on_absolute_paths() -> None:
    command = app_command(["seeds"], jobs=1, cache=False)
    assert command.startswith(sys.executable) and "--no-cache" in command
    assert str(ROOT / "seeds") in command or str(Path("seeds").resolve()) in command


def test_a_browser_gets_the_page_then_the_app_over_the_websocket() -> None:
    aiohttp = pytest.importorskip("aiohttp")
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "dateline.tui.cli", "serve", "--port", str(port), "--jobs", "1", "seeds"],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        asyncio.run(asyncio.wait_for(_visit(aiohttp, port), timeout=90))
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
    assert b"warning" not in server.stderr.read()  # loopback: no warning


async def _visit(aiohttp, port: int) -> None:
    base = f"http://127.0.0.1:{port}"
    async with aiohttp.ClientSession() as session:
        page = ""
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:  # until the server listens
            try:
                async with session.get(base + "/") as response:
                    assert response.status == 200
                    page = await response.text()
                    break
            except aiohttp.ClientConnectorError:
                await asyncio.sleep(0.1)
        assert "/ws" in page and "Dateline" in page
        screen = ""
        async with session.ws_connect(f"ws://127.0.0.1:{port}/ws?width=100&height=30") as ws:
            async for message in ws:
                if message.type == aiohttp.WSMsgType.BINARY:
                    screen += ANSI.sub("", message.data.decode("utf-8", "replace"))
                elif message.type == aiohttp.WSMsgType.TEXT:
                    screen += ANSI.sub("", message.data)
                else:
                    break
                if re.search(r"\d+ events .{0,3}\d+ actors .{0,3}\d+ quotes .{0,3}2 articles", screen):
                    break
            await ws.send_str('["stdin", "q"]')
        assert "2 articles" in screen, screen[-2000:]
