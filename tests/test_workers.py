"""Worker processes: never more than the machine's processors, and gone when the main process is killed."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from dateline.core import pipeline, workers
from dateline.core.model import Article


def test_jobs_are_capped_at_the_usable_processors(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(workers, "usable_cpus", lambda: 3)
    asked: list[int] = []

    def fake_pool(payloads: list[str], jobs: int):
        asked.append(jobs)
        return iter(())

    monkeypatch.setattr(pipeline, "_in_workers", fake_pool)
    text = "Envoys met in Geneva on March 2, 2017. " * 200
    articles = [Article(id=f"a{i}", text=text) for i in range(40)]  # past PARALLEL_MIN_CHARS: workers
    list(pipeline._compute(articles, [a.model_dump_json() for a in articles], list(range(40)), jobs=1000))
    assert asked == [3]


def test_usable_cpus_is_at_least_one() -> None:
    assert workers.usable_cpus() >= 1


def _children(pid: int) -> list[int]:
    out = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                out.append(int(entry.name))
    return out


def _gone(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return True
    return state == "Z"  # ended, not yet reaped by whoever adopted it


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc (Linux)")
@pytest.mark.skipif(workers.usable_cpus() < 2, reason="one processor: no worker processes")
@pytest.mark.parametrize("how", [signal.SIGKILL, signal.SIGTERM])
def test_workers_and_fork_server_end_with_a_killed_main_process(tmp_path: Path, how: signal.Signals) -> None:
    path = tmp_path / "many.jsonl"
    with path.open("w") as fh:
        for i in range(6000):  # seconds of work for two processes: killed long before the end
            text = (
                f"Envoys met in Geneva on March {i % 28 + 1}, 2017, and agreed to meet again in April. " * 6
            )
            fh.write(json.dumps({"id": f"a{i}", "text": text}) + "\n")
    main = subprocess.Popen(
        [sys.executable, "-m", "dateline.tui.cli", "export", "--no-cache", "--jobs", "2", str(path)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 120
        family: list[int] = []
        while time.monotonic() < deadline and main.poll() is None:  # until the pool's workers run
            helpers = _children(main.pid)
            family = helpers + [w for h in helpers for w in _children(h)]
            if len(family) > len(helpers):
                break
            time.sleep(0.02)
        assert main.poll() is None and len(family) >= 3, "no worker processes were seen"
        os.kill(main.pid, how)
        main.wait(30)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and not all(_gone(p) for p in family):
            time.sleep(0.05)
        assert all(_gone(p) for p in family), [p for p in family if not _gone(p)]
    finally:
        if main.poll() is None:
            main.kill()
            main.wait()
