"""The dateline command: exit codes, formats and error reporting (run as a real subprocess)."""

import json
import subprocess
import sys
from pathlib import Path

from dateline.core.text import counted

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


def test_version() -> None:
    out = run("--version")
    assert out.returncode == 0 and out.stdout.startswith("dateline ")


def test_export_and_brief_take_the_apps_filter() -> None:
    everything = json.loads(run("export", "seeds").stdout)["events"]
    expected = [e for e in everything if e["status"] == "expected"]
    assert expected and len(expected) < len(everything)
    out = run("export", "--filter", "status:expected", "seeds")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert [e["id"] for e in data["events"]] == [e["id"] for e in expected]  # only the filtered events
    assert len(json.loads(run("export", "--limit", "1", "seeds").stdout)["events"]) == 1
    dated = [e for e in everything if e["date"]["earliest"]]
    last = max(e["date"]["earliest"] for e in dated)
    late = json.loads(run("export", "--since", last, "seeds").stdout)["events"]
    assert late and all((e["date"]["latest"] or "") >= last for e in late)
    brief = run("brief", "--filter", "status:expected", "seeds").stdout
    assert counted(len(expected), "event") in brief.splitlines()[0]


def test_csv_export_has_a_row_per_event_source() -> None:
    import csv
    import io

    out = run("export", "--format", "csv", "seeds")
    rows = list(csv.DictReader(io.StringIO(out.stdout)))
    events = json.loads(run("export", "seeds").stdout)["events"]
    assert len(rows) == sum(max(len(e["evidence"]), 1) for e in events)
    assert set(rows[0]) == {
        "date",
        "earliest",
        "latest",
        "status",
        "headline",
        "outlet",
        "title",
        "url",
        "sentence",
    }


def test_a_bad_filter_is_bad_usage_with_the_reason() -> None:
    out = run("brief", "--filter", "status:sometime", "seeds")
    assert out.returncode == 2 and "unknown status 'sometime'" in out.stderr and "Traceback" not in out.stderr
