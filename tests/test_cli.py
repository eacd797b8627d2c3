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


def test_many_bad_records_of_one_file_are_counted_not_listed(tmp_path: Path) -> None:
    (tmp_path / "list.json").write_text(json.dumps([{"n": i} for i in range(12)]), encoding="utf-8")
    (tmp_path / "wire.jsonl").write_text("{broken\n" * 3, encoding="utf-8")
    (tmp_path / "ok.txt").write_text(
        "The council met on 3 March 2021 and approved the plan.\n", encoding="utf-8"
    )
    out = run("brief", str(tmp_path))
    assert out.returncode == 0, out.stderr
    lines = out.stderr.splitlines()
    named = [line for line in lines if "list.json[" in line]
    assert len(named) == 5  # the first five records by name ...
    assert "list.json[0]" in named[0] and "list.json[4]" in named[-1]
    counted_line = [line for line in lines if "list.json: 7 more records: not an article object" in line]
    assert len(counted_line) == 1  # ... and the other seven in one line
    assert sum("wire.jsonl:" in line for line in lines) == 3  # three bad lines: all named, none counted
    assert "1 article" in out.stdout
