"""Shared fixtures: a fixed synthetic timeline and an environment pinned for deterministic app tests."""

from __future__ import annotations

import pytest

from tests.factory import sample_timeline


@pytest.fixture(autouse=True)
def _pinned_env(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:
    """Same colours and keys on every machine: no NO_COLOR, a UTF-8 xterm, no user keymap, settings or cache."""
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("TERM", "xterm-256color")
    monkeypatch.setenv("COLORTERM", "truecolor")
    monkeypatch.setenv("DATELINE_KEYMAP", str(tmp_path / "no-keymap.toml"))
    monkeypatch.setenv("DATELINE_CONFIG", str(tmp_path / "settings.toml"))  # never the user's settings
    monkeypatch.setenv("DATELINE_CACHE_DIR", str(tmp_path / "cache"))  # never the user's analysis cache


@pytest.fixture
def sample():
    return sample_timeline()


@pytest.hookimpl(tryfirst=True)
def pytest_pyfunc_call(pyfuncitem: pytest.Function) -> bool | None:
    """Run ``async def`` tests in a fresh event loop (no pytest-asyncio needed)."""
    import asyncio
    import inspect

    if not inspect.iscoroutinefunction(pyfuncitem.obj):
        return None
    names = pyfuncitem._fixtureinfo.argnames
    asyncio.run(pyfuncitem.obj(**{name: pyfuncitem.funcargs[name] for name in names}))
    return True
