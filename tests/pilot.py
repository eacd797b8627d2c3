"""Waiting in pilot tests for a state of the app, never for a time."""

from __future__ import annotations

import time
from collections.abc import Callable


async def until(pilot, ready: Callable[[], bool], deadline: float = 60.0) -> None:
    """Let the app run until ``ready()`` holds (checked between its idle moments); fail after a generous
    deadline rather than hang. For work the app does in the background (the palette's search, a worker)."""
    end = time.monotonic() + deadline
    await pilot.pause()
    while not ready():
        if time.monotonic() > end:
            raise AssertionError("the app never reached the expected state")
        await pilot.pause(0.02)


def palette_shows(app, *titles: str) -> bool:
    """The command palette is open and lists a command for each of ``titles`` (its search has got there)."""
    from textual.command import CommandList, CommandPalette

    if not isinstance(app.screen, CommandPalette):
        return False
    listed = app.screen.query_one(CommandList)
    prompts = [str(listed.get_option_at_index(i).prompt) for i in range(listed.option_count)]
    return all(any(title in p for p in prompts) for title in titles)
