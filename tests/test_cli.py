"""The dateline command: exit codes, formats and error reporting (run as a real subprocess)."""

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "dateline.tui.cli", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        input=stdin,
        timeout=120,
    )


def test_export_json_on_seeds() -> None:
    out = run("export", "--format", "json", "seeds")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert {a["path"].rsplit("/", 1)[-1] for a in data["articles"]} == {
        p.name for p in (ROOT / "seeds").iterdir()
    }
    assert "Traceback" not in out.stderr


def test_formats_and_brief() -> None:
    assert run("export", "--format", "md", "seeds").stdout.startswith("# Timeline")
    assert "events" in json.loads(run("export", "--format", "timelinejs", "seeds").stdout)
    assert "EVENTS" in run("brief", "seeds").stdout
    assert "KEY EVENTS (1 of " in run("brief", "--top", "1", "seeds").stdout


def test_stdin() -> None:
    out = run("export", "-", stdin="The council met on Monday and approved the budget.\n")
    assert out.returncode == 0 and len(json.loads(out.stdout)["articles"]) == 1


def test_exit_codes() -> None:
    missing = run("export", "/nonexistent/folder")
    assert missing.returncode == 1
    assert "/nonexistent/folder" in missing.stderr and "Traceback" not in missing.stderr
    assert run("export", "--format", "pdf", "seeds").returncode == 2
    assert run("export").returncode == 2
    assert run().returncode == 2
