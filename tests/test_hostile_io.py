"""Inputs and outputs that used to end the run with a traceback: deep JSON, cache values of the wrong SQL
type, a closed or full stdout, Ctrl-C while writing, piped stdin in the app. Each ends with one clear line on
stderr, a meaningful exit status, and every good article kept. Also the cache's file modes and layout."""

from __future__ import annotations

import json
import os
import select
import signal
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from dateline.core.cache import FILENAME, AnalysisCache
from dateline.core.pipeline import build_timeline
from dateline.core.stream import timeline_for_paths

GOOD = [
    {"id": "first", "text": "The envoys met in Geneva on March 2, 2017, officials said."},
    {"id": "second", "text": "The talks resumed in Vienna on April 5, 2017, officials said."},
]
DEEP = "[" * 5000 + "]" * 5000


def dateline(
    *args: str, stdin: bytes | None = None, env: dict | None = None, **kw
) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "dateline.tui.cli", *args],
        input=stdin,
        capture_output=True,
        timeout=120,
        env={**os.environ, **(env or {})},
        **kw,
    )


def _ids(stdout: bytes) -> list[str]:
    return [a["id"] for a in json.loads(stdout)["articles"]]


# --- JSON nested a thousand deep ----------------------------------------------------------------------------


def test_a_deep_jsonl_line_is_skipped_and_the_other_lines_load(tmp_path: Path) -> None:
    path = tmp_path / "records.jsonl"
    path.write_text(f"{json.dumps(GOOD[0])}\n{DEEP}\n{json.dumps(GOOD[1])}\n")
    run = dateline("export", "--no-cache", str(path))
    assert run.returncode == 0 and b"Traceback" not in run.stderr
    assert _ids(run.stdout) == ["first", "second"]
    assert (
        run.stderr.decode().strip()
        == f"dateline: skipped: {path}:2: malformed JSON line: nested too deeply to read"
    )


@pytest.mark.parametrize("where", ["file", "stdin"])
def test_a_deep_item_of_a_json_array_is_skipped_and_the_others_load(tmp_path: Path, where: str) -> None:
    deep_object = '{"text": ' * 3000 + '"x"' + "}" * 3000
    data = f"[{json.dumps(GOOD[0])}, {deep_object}, {json.dumps(GOOD[1])}]"
    path = tmp_path / "records.json"
    path.write_text(data)
    run = dateline("export", "--no-cache", *(["-"] if where == "stdin" else [str(path)]), stdin=data.encode())
    assert run.returncode == 0 and b"Traceback" not in run.stderr
    assert _ids(run.stdout) == ["first", "second"]
    name = "<stdin>" if where == "stdin" else str(path)
    assert run.stderr.decode().strip() == f"dateline: skipped: {name}[1]: nested too deeply to read"


# --- cache values of the wrong SQL type -----------------------------------------------------------------------


def _seeds_timeline(folder: Path):
    with AnalysisCache(folder) as store:
        timeline = timeline_for_paths(["seeds"], cache=store)
        return timeline, store.problem


@pytest.mark.parametrize("value", [10**18, 1.5, "not json", -1])
def test_cache_values_of_the_wrong_sql_type_are_dropped_and_rebuilt(tmp_path: Path, value) -> None:
    first, _ = _seeds_timeline(tmp_path)
    db = sqlite3.connect(tmp_path / FILENAME)
    db.execute("UPDATE analyses SET data = ?", (value,))
    db.execute("UPDATE run_chunks SET data = ?", (value,))
    db.commit()
    db.close()
    again, problem = _seeds_timeline(tmp_path)  # no TypeError, no MemoryError: every row is recomputed
    assert problem is None
    assert again.model_dump() == first.model_dump()
    db = sqlite3.connect(tmp_path / FILENAME)
    assert {type(d) for (d,) in db.execute("SELECT data FROM analyses")} == {bytes}
    db.close()


# --- the cache: private, and rebuilt when its layout is another --------------------------------------------------


def test_the_cache_is_a_private_file_in_a_private_folder(tmp_path: Path) -> None:
    folder = tmp_path / "new" / "cache"
    with AnalysisCache(folder) as store:
        build_timeline([], cache=store)
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert stat.S_IMODE((folder / FILENAME).stat().st_mode) == 0o600


def test_a_cache_file_readable_by_others_is_made_private(tmp_path: Path) -> None:
    with AnalysisCache(tmp_path):
        pass
    (tmp_path / FILENAME).chmod(0o644)
    with AnalysisCache(tmp_path) as store:
        assert store.enabled
    assert stat.S_IMODE((tmp_path / FILENAME).stat().st_mode) == 0o600


def test_a_cache_of_another_layout_is_rebuilt_not_switched_off(tmp_path: Path) -> None:
    _seeds_timeline(tmp_path)
    db = sqlite3.connect(tmp_path / FILENAME)
    db.execute("DROP TABLE analyses")
    db.execute("CREATE TABLE analyses (key TEXT PRIMARY KEY, data BLOB)")  # same schema number, other columns
    db.commit()
    db.close()
    for _ in range(2):  # not turned off on this run, nor on the next
        _, problem = _seeds_timeline(tmp_path)
        assert problem is None
    db = sqlite3.connect(tmp_path / FILENAME)
    assert [r[1] for r in db.execute("PRAGMA table_info(analyses)")] == ["key", "data", "used"]
    assert db.execute("SELECT count(*) FROM analyses").fetchone()[0] == 2
    db.close()


# --- stdout closed, full, or interrupted ----------------------------------------------------------------------


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full here")
def test_a_full_stdout_is_one_line_and_status_3() -> None:
    with open("/dev/full", "w") as full:
        run = subprocess.run(
            [sys.executable, "-m", "dateline.tui.cli", "export", "--no-cache", "seeds"],
            stdout=full,
            stderr=subprocess.PIPE,
            timeout=120,
        )
    assert run.returncode == 3
    assert run.stderr.decode().strip() == (
        "dateline: cannot write the output (No space left on device): what was written is incomplete"
    )


def test_a_closed_stdout_is_one_line_and_status_3() -> None:
    run = subprocess.run(
        ["bash", "-c", f"{sys.executable} -m dateline.tui.cli export --no-cache seeds >&-"],
        stderr=subprocess.PIPE,
        timeout=120,
    )
    assert run.returncode == 3
    assert run.stderr.decode().strip() == "dateline: stdout is closed: nowhere to print the timeline"


def test_ctrl_c_while_writing_marks_the_output_incomplete(tmp_path: Path) -> None:
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(40):  # more JSON than a pipe holds: the writer blocks until it is read
        (folder / f"a{i}.txt").write_text(
            f"Envoys met in Geneva on March {i % 28 + 1}, 2017, officials said.\n" * 20
        )
    proc = subprocess.Popen(
        [sys.executable, "-m", "dateline.tui.cli", "export", "--no-cache", "--jobs", "1", str(folder)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        # Ctrl-C as a terminal sends it, whatever this test inherited: a shell starts background jobs
        # (nohup, CI runners, `pytest &`) with SIGINT ignored, and Python then never raises KeyboardInterrupt
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    assert proc.stdout is not None and proc.stderr is not None
    ready, _, _ = select.select([proc.stdout], [], [], 120)  # writing has begun (the analysis is over)
    assert ready
    first = os.read(proc.stdout.fileno(), 1024)
    proc.send_signal(signal.SIGINT)
    rest = proc.stdout.read()
    err = proc.stderr.read().decode()
    assert proc.wait(60) == 130
    out = (first + rest).decode()
    assert out.startswith("{") and out.rstrip().endswith("[dateline: output interrupted here: incomplete]")
    assert "interrupted while writing: the output is incomplete" in err and "Traceback" not in err


# --- piped stdin and the app ------------------------------------------------------------------------------------


def test_the_app_without_a_terminal_for_keys_says_so_and_exits_2() -> None:
    run = dateline("seeds", "-", stdin=b"q?", start_new_session=True)  # a new session: no controlling tty
    assert run.returncode == 2
    err = run.stderr.decode().strip()
    assert err.startswith("dateline: no terminal to take keys from (stdin is the articles;")
    assert "Traceback" not in err


def test_piped_articles_are_read_whole_and_keys_come_from_the_terminal() -> None:
    main, tty = os.openpty()
    script = (
        "import os, sys\n"
        "from dateline.tui.terminal import keys_from_terminal\n"
        "print(keys_from_terminal(['-'], tty=sys.argv[1]))\n"
        "print(os.isatty(0), os.ttyname(0) == sys.argv[1])\n"
        "print(sys.stdin.buffer.read().decode())\n"
    )
    try:
        run = subprocess.run(
            [sys.executable, "-c", script, os.ttyname(tty)],
            input=b"q?jj the articles",
            capture_output=True,
            timeout=60,
        )
    finally:
        os.close(main)
        os.close(tty)
    assert run.stdout.decode().splitlines() == ["None", "True True", "q?jj the articles"], run.stderr


def test_dash_with_stdin_a_terminal_is_bad_usage() -> None:
    main, tty = os.openpty()
    try:
        run = subprocess.run(
            [sys.executable, "-m", "dateline.tui.cli", "-"], stdin=tty, capture_output=True, timeout=60
        )
    finally:
        os.close(main)
        os.close(tty)
    assert run.returncode == 2
    assert b"stdin is the terminal: pipe them in" in run.stderr
