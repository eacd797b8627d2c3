"""``dateline serve``: a real server on a free loopback port, visited as a browser does (the page, then its
websocket), until the app's first screen says what it loaded. Bounded in time; the server is stopped after."""

from __future__ import annotations

import asyncio
import os
import re
import shlex
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from dateline.tui.serve import app_command, is_loopback
from tests.processes import PROC, descendants, wait_until_ended

ROOT = Path(__file__).resolve().parents[1]
ANSI = re.compile(r"\x1b\[[0-9;?<>=]*[ -/]*[@-~]|\x1b[()][A-Z0-9]|\x1b[=>]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_loopback_is_recognised() -> None:
    assert is_loopback("127.0.0.1") and is_loopback("localhost") and is_loopback("::1")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.0.2.7")


def test_each_tab_runs_this_python_on_absolute_paths_as_the_servers_child() -> None:
    command = shlex.split(app_command(["seeds"], jobs=1, cache=False))
    # exec: the app replaces the shell textual-serve starts, so it is the server's child and ends with it
    assert command[:5] == ["exec", sys.executable, "-m", "dateline.tui.serve", str(os.getpid())]
    assert "--no-cache" in command and command[5] == "open"
    assert str(ROOT / "seeds") in command or str(Path("seeds").resolve()) in command


def _start_server(port: int) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "dateline.tui.cli", "serve", "--port", str(port), "--jobs", "1", "seeds"],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def _stop(server: subprocess.Popen, tabs: list[int]) -> None:
    """Stop the server, then make sure no app it started is left, even when the test failed."""
    server.terminate()
    try:
        server.wait(timeout=30)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait()
    for pid in wait_until_ended(tabs, deadline=10):
        os.kill(pid, signal.SIGKILL)


def test_a_browser_gets_the_page_then_the_app_over_the_websocket() -> None:
    aiohttp = pytest.importorskip("aiohttp")
    port = free_port()
    server = _start_server(port)
    tabs: list[int] = []
    try:
        asyncio.run(asyncio.wait_for(_visit(aiohttp, port, server.pid, tabs), timeout=90))
    finally:
        _stop(server, tabs)
    assert b"warning" not in server.stderr.read()  # loopback: no warning
    assert tabs and wait_until_ended(tabs) == []  # the tab's app ended with the server


@pytest.mark.skipif(not PROC.is_dir(), reason="finds the tab's app in /proc")
@pytest.mark.parametrize("kill", [signal.SIGKILL, signal.SIGTERM])
def test_a_tabs_app_ends_when_the_server_is_killed(kill: int) -> None:
    """Killed (even with SIGKILL, when it cannot clean up), the server leaves no app of a tab running."""
    aiohttp = pytest.importorskip("aiohttp")
    port = free_port()
    server = _start_server(port)
    tabs: list[int] = []
    try:

        async def visit_then_kill() -> None:
            async with aiohttp.ClientSession() as session:
                ws = await _first_screen(aiohttp, session, port)
                tabs.extend(descendants(server.pid))
                server.send_signal(kill)  # with the browser still connected
                await ws.close()

        asyncio.run(asyncio.wait_for(visit_then_kill(), timeout=90))
        server.wait(timeout=30)
        assert tabs, "the server started no app"
        assert wait_until_ended(tabs) == [], "an app outlived the server"
    finally:
        _stop(server, tabs)


async def _first_screen(aiohttp, session, port: int):
    """Open the page, then its websocket, until the app's first screen says what it loaded; the socket."""
    base = f"http://127.0.0.1:{port}"
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
    ws = await session.ws_connect(f"ws://127.0.0.1:{port}/ws?width=100&height=30")
    async for message in ws:
        if message.type == aiohttp.WSMsgType.BINARY:
            screen += ANSI.sub("", message.data.decode("utf-8", "replace"))
        elif message.type == aiohttp.WSMsgType.TEXT:
            screen += ANSI.sub("", message.data)
        else:
            break
        if re.search(r"\d+ events .{0,3}\d+ actors .{0,3}\d+ quotes .{0,3}2 articles", screen):
            break
    assert "2 articles" in screen, screen[-2000:]
    return ws


async def _visit(aiohttp, port: int, server: int, tabs: list[int]) -> None:
    async with aiohttp.ClientSession() as session:
        ws = await _first_screen(aiohttp, session, port)
        tabs.extend(descendants(server))
        await ws.send_str('["stdin", "q"]')
        await ws.close()
