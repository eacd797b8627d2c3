"""Loading: every format, every kind of bad input, and the CLI's behaviour on a hostile folder."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from dateline.core import load
from dateline.core.clean import normalise_text
from dateline.core.load import MAX_BYTES, decode, load_paths

ROOT = Path(__file__).resolve().parents[1]
QUIRKS = Path("/work/shared/corpus/reuters21578/quirks")

GOOD_TEXT = "The committee met on Tuesday. It said the talks would resume in March 2021.\n"


# --- formats -----------------------------------------------------------------------------------------------------


def test_txt_file(tmp_path: Path) -> None:
    (tmp_path / "story one.txt").write_text(GOOD_TEXT, encoding="utf-8")
    r = load_paths([tmp_path / "story one.txt"])
    assert r.problems == []
    [a] = r.articles
    assert a.id == "story_one"
    assert a.text == GOOD_TEXT
    assert a.path and a.path.endswith("story one.txt")
    assert a.notes == []


def test_markdown_front_matter_keeps_offsets(tmp_path: Path) -> None:
    front = (
        "---\n"
        'title: "Talks resume"\n'
        "date: 2021-03-02\n"
        "source: Example Wire\n"
        "author: A. Writer\n"
        "url: https://example.org/a\n"
        "tags:\n"
        "  - one\n"
        "---\n"
    )
    (tmp_path / "a.md").write_text(front + GOOD_TEXT, encoding="utf-8")
    [a] = load_paths([tmp_path]).articles
    assert a.title == "Talks resume"
    assert a.published_given == "2021-03-02"
    assert a.source == "Example Wire"
    assert a.author == "A. Writer"
    assert a.url == "https://example.org/a"
    assert len(a.text) == len(front + GOOD_TEXT)  # front matter blanked, not removed
    assert a.text[len(front) :] == GOOD_TEXT
    assert a.text[: len(front)].strip() == ""


def test_markdown_published_key_and_heading_title(tmp_path: Path) -> None:
    (tmp_path / "b.md").write_text("---\npublished: 5 May 2019\n---\n# The heading\n\nBody text here.\n")
    [a] = load_paths([tmp_path / "b.md"]).articles
    assert a.published_given == "5 May 2019"
    assert a.title == "The heading"


def test_json_object_and_list(tmp_path: Path) -> None:
    one = {"id": "x1", "title": "T", "published": "2020-01-02", "text": GOOD_TEXT, "author": ["A", "B"]}
    (tmp_path / "one.json").write_text(json.dumps(one))
    many = [{"body": "First story body."}, {"content": "Second story body."}, {"title": "no text"}]
    (tmp_path / "many.json").write_text(json.dumps(many))
    r = load_paths([tmp_path])
    ids = sorted(a.id for a in r.articles)
    assert ids == ["many-1", "many-2", "x1"]
    x1 = next(a for a in r.articles if a.id == "x1")
    assert (x1.title, x1.published_given, x1.external_id, x1.author) == ("T", "2020-01-02", "x1", "A, B")
    assert [p.path for p in r.problems] == [f"{tmp_path / 'many.json'}[2]"]


def test_json_wrapper_object(tmp_path: Path) -> None:
    doc = {"status": "ok", "articles": [{"title": "A", "content": "Alpha text.", "source": {"name": "Wire"}}]}
    (tmp_path / "feed.json").write_text(json.dumps(doc))
    [a] = load_paths([tmp_path]).articles
    assert (a.title, a.source, a.text) == ("A", "Wire", "Alpha text.")


def test_jsonl_bad_line_among_good(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "a", "text": "Alpha."}),
        "{not json",
        "",
        json.dumps({"id": "b", "text": "Beta."}),
        json.dumps(["not", "an", "object"]),
    ]
    (tmp_path / "feed.jsonl").write_text("\n".join(lines) + "\n")
    r = load_paths([tmp_path])
    assert [a.id for a in r.articles] == ["a", "b"]
    assert sorted(p.path.rsplit(":", 1)[1] for p in r.problems) == ["2", "5"]
    assert all(p.skipped for p in r.problems)


def test_stdin_text_and_jsonl(monkeypatch: pytest.MonkeyPatch) -> None:
    class FakeStdin:
        def __init__(self, data: bytes) -> None:
            self.buffer = io.BytesIO(data)

    monkeypatch.setattr(sys, "stdin", FakeStdin(GOOD_TEXT.encode()))
    [a] = load_paths(["-"]).articles
    assert (a.id, a.text, a.path) == ("stdin", GOOD_TEXT, "<stdin>")
    feed = (
        json.dumps({"id": "s1", "text": "One."}) + "\n" + json.dumps({"id": "s2", "text": "Two."})
    ).encode()
    monkeypatch.setattr(sys, "stdin", FakeStdin(feed))
    assert [a.id for a in load_paths(["-"]).articles] == ["s1", "s2"]


def test_duplicate_ids_are_made_unique(tmp_path: Path) -> None:
    for sub in ("x", "y"):
        (tmp_path / sub).mkdir()
        (tmp_path / sub / "same.txt").write_text("Some text.")
    assert sorted(a.id for a in load_paths([tmp_path]).articles) == ["same", "same-2"]


def test_same_file_named_twice_loads_once(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Some text.")
    assert len(load_paths([tmp_path, tmp_path / "a.txt"]).articles) == 1


# --- encodings and bad bytes --------------------------------------------------------------------------------------


def test_decode_utf8_bom_latin1_cp1252_binary() -> None:
    assert decode("\ufeffCafé".encode()) == ("Café", None)
    text, note = decode("Café “quoted”".encode("cp1252"))
    assert text == "Café “quoted”" and note and "cp1252" in note
    text, note = decode(b"caf\xe9 \x81")  # 0x81 is undefined in cp1252
    assert text == "caf\xe9 \x81" and note and "Latin-1" in note
    assert decode(bytes(range(256)) * 10)[0] is None
    assert decode("Ünïcode".encode("utf-16"))[0] == "Ünïcode"


def test_truncated_utf8_is_not_mistaken_for_latin1() -> None:
    data = ("é" * 10).encode()[:-1]
    assert decode(data, truncated=True) == ("é" * 9, None)


@pytest.mark.skipif(not QUIRKS.is_dir(), reason="shared corpus not present")
def test_real_broken_reuters_files() -> None:
    r = load_paths([QUIRKS])
    assert r.problems == []
    assert len(r.articles) == len(list(QUIRKS.glob("*.txt")))
    for a in r.articles:
        assert not any(c in a.text for c in "\x1b\x7f\x05\x1e")
    notes = {a.id: a.notes for a in r.articles}
    assert any("cp1252" in n for n in notes["reut-17980"])  # the known stray 0xFC byte
    assert len(next(a for a in r.articles if a.id == "reut-21288").text) == len(
        (QUIRKS / "reut-21288.txt").read_bytes().decode()
    )


def test_normalise_text_is_length_preserving_and_safe() -> None:
    raw = "a\x1b[31mred\x1b[0m b\x1b]0;title\x07 c\x9b2J d\r\ne\rf\x7f\x00\ud800\u2028[bold]x[/]"
    out = normalise_text(raw)
    assert len(out) == len(raw)
    assert "red" in out and "title" not in out and "[bold]x[/]" in out
    assert not any(ord(c) < 32 and c not in "\t\n" for c in out)
    assert not any(0x7F <= ord(c) <= 0x9F for c in out)
    out.encode("utf-8")  # no lone surrogates left


def test_oversized_file_is_truncated_with_a_warning(tmp_path: Path) -> None:
    line = "Word after word fills this line of the very long article.\n"
    (tmp_path / "big.txt").write_text(line * (MAX_BYTES // len(line) + 100))
    r = load_paths([tmp_path])
    [a] = r.articles
    assert len(a.text) <= MAX_BYTES
    assert any("truncated" in n for n in a.notes)
    [p] = r.problems
    assert not p.skipped and "truncated" in p.reason


def test_symlink_loops_and_dangling_links(tmp_path: Path) -> None:
    (tmp_path / "ok.txt").write_text("Fine text.")
    (tmp_path / "sub").mkdir()
    os.symlink("..", tmp_path / "sub" / "up")  # folder loop
    os.symlink("self.txt", tmp_path / "self.txt")  # file loop
    os.symlink("missing.txt", tmp_path / "dangling.txt")
    r = load_paths([tmp_path])
    assert [a.id for a in r.articles] == ["ok"]
    reasons = {Path(p.path).name: p.reason for p in r.problems}
    assert "symlink" in reasons["self.txt"]
    assert "symlink" in reasons["dangling.txt"]
    assert "up" in reasons


def test_unreadable_folder_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "ok.txt").write_text("Fine text.")
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "hidden.txt").write_text("Cannot be seen.")
    real_scandir = os.scandir

    def scandir(path):  # root can read any folder, so simulate the permission error
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    r = load_paths([tmp_path])
    assert [a.id for a in r.articles] == ["ok"]
    assert [(Path(p.path).name, p.reason) for p in r.problems] == [
        ("locked", "cannot read folder: Permission denied")
    ]


def test_fifo_in_a_folder_does_not_hang(tmp_path: Path) -> None:
    (tmp_path / "ok.txt").write_text("Fine text.")
    os.mkfifo(tmp_path / "pipe.txt")
    r = load_paths([tmp_path])
    assert [a.id for a in r.articles] == ["ok"]
    assert [p.reason for p in r.problems] == ["not a regular file"]


def test_control_characters_in_names_and_metadata(tmp_path: Path) -> None:
    name = "evil\x1b]0;pwned\x07.txt"
    (tmp_path / name).write_text("Body.")
    (tmp_path / "m.json").write_text(json.dumps({"title": "A\x1b[2Jtitle\nsecond line", "text": "Body two."}))
    r = load_paths([tmp_path])
    assert len(r.articles) == 2
    for a in r.articles:
        for value in (a.id, a.path, a.title or ""):
            assert "\x1b" not in value and "\x07" not in value and "\n" not in value
    assert next(a for a in r.articles if a.id == "m").title == "A title second line"


def test_missing_path_and_empty_file(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.md").write_text("  \n\n ")
    r = load_paths([tmp_path, tmp_path / "nope.txt"])
    assert r.articles == []
    assert sorted((Path(p.path).name, p.reason) for p in r.problems) == [
        ("blank.md", "empty file"),
        ("empty.txt", "empty file"),
        ("nope.txt", "no such file or directory"),
    ]


def test_jsonl_line_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(load, "MAX_LINE_BYTES", 100)
    big = json.dumps({"id": "big", "text": "x" * 500})
    (tmp_path / "f.jsonl").write_text(json.dumps({"id": "a", "text": "Alpha."}) + "\n" + big + "\n")
    r = load_paths([tmp_path])
    assert [a.id for a in r.articles] == ["a"]
    [p] = r.problems
    assert p.path.endswith(":2") and "longer than" in p.reason


# --- acceptance: the real CLI on a hostile folder ------------------------------------------------------------------

HOSTILE = (
    "Markup stays literal: [bold red]X[/] and [link=https://example.org]click[/link].\n"
    "A title change \x1b]0;owned\x07 and \x1b[31mred\x1b[0m colours and a bell \x07 end here.\n"
)


def _hostile_folder(root: Path) -> dict[str, str]:
    """Build the folder; returns good article id → a phrase its text must contain."""
    (root / "empty.txt").write_bytes(b"")
    (root / "random.txt").write_bytes(os.urandom(200 * 1024))
    (root / "latin1.txt").write_bytes("Le café a ouvert le 3 mars 2020 à Zürich.".encode("latin-1"))
    (root / "bom.txt").write_bytes("\ufeffThe BOM article opened on 4 May 2021.".encode())
    (root / "broken.json").write_text('{"title": "cut off", "text": "never closed')
    good = json.dumps({"id": "line-good-1", "text": "The first good line says hello."})
    good2 = json.dumps({"id": "line-good-2", "text": "The second good line says goodbye."})
    (root / "feed.jsonl").write_text(f"{good}\n{{oops\n{good2}\n")
    paragraph = "The council voted on the budget on 12 June 2019, officials said. " * 20 + "\n\n"
    with (root / "huge.txt").open("w") as fh:
        while fh.tell() < 20 * 1024 * 1024:
            fh.write(paragraph * 100)
    (root / "loops").mkdir()
    os.symlink("../loops", root / "loops" / "again")
    os.symlink("loop.txt", root / "loop.txt")
    (root / "hostile.txt").write_text(HOSTILE)
    return {
        "latin1": "café",
        "bom": "The BOM article",
        "line-good-1": "first good line",
        "line-good-2": "second good line",
        "huge": "The council voted",
        "hostile": "[bold red]X[/]",
    }


def test_cli_on_a_hostile_folder(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    expected = _hostile_folder(folder)
    env = {**os.environ, "DATELINE_CACHE_DIR": str(tmp_path / "cache")}
    proc = subprocess.run(
        [sys.executable, "-m", "dateline.tui.cli", "export", "--format", "json", str(folder)],
        cwd=ROOT,
        capture_output=True,
        env=env,
        timeout=600,
    )
    stderr = proc.stderr.decode("utf-8")
    assert proc.returncode == 0, stderr
    assert "Traceback" not in stderr
    assert b"\x1b" not in proc.stdout and b"\x07" not in proc.stdout
    assert b"\x1b" not in proc.stderr and b"\x07" not in proc.stderr
    timeline = json.loads(proc.stdout)
    texts = {a["id"]: a["text"] for a in timeline["articles"]}
    assert set(texts) == set(expected)
    for aid, phrase in expected.items():
        assert phrase in texts[aid], aid
    hostile = texts["hostile"]
    assert "[link=https://example.org]click[/link]" in hostile
    assert "owned" not in hostile  # the OSC payload goes with its escape
    assert len(hostile) == len(HOSTILE)
    notes = {a["id"]: a["notes"] for a in timeline["articles"]}
    assert any("cp1252" in n for n in notes["latin1"])
    assert any("truncated" in n for n in notes["huge"])
    for bad in ("empty.txt", "random.txt", "broken.json", "feed.jsonl:2", "loop.txt", "again"):
        lines = [ln for ln in stderr.splitlines() if bad in ln]
        assert len(lines) == 1, (bad, stderr)
    assert stderr.count("huge.txt") == 1  # the truncation warning, once


def test_cli_exit_codes(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    env = {**os.environ, "DATELINE_CACHE_DIR": str(tmp_path / "cache")}

    def run(*args: str) -> subprocess.CompletedProcess[bytes]:
        return subprocess.run(
            [sys.executable, "-m", "dateline.tui.cli", *args],
            cwd=ROOT,
            capture_output=True,
            env=env,
            timeout=120,
        )

    nothing = run("export", str(tmp_path))
    assert nothing.returncode == 1
    assert b"empty.txt" in nothing.stderr and b"Traceback" not in nothing.stderr
    assert run("export", "--format", "nope", str(tmp_path)).returncode == 2
    assert run("export", "--jobs", "0", str(tmp_path)).returncode == 2
    assert run().returncode == 2


def test_no_stdin_is_a_problem_not_a_crash(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", None)
    r = load_paths(["-"])
    assert r.articles == []
    assert [p.path for p in r.problems] == ["<stdin>"]
