"""Placeholder until the app lands."""

from __future__ import annotations


def run_app(paths: list[str], *, mouse: bool = True, theme: str | None = None) -> int:
    raise SystemExit("the app is not built yet")
