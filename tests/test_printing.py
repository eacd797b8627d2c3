"""Text that misleads the reader: one cleaning for everything printed (brief, Markdown, stderr, the app), no
invisible or reordering characters anywhere, no giant words as names, UTF-8 read as UTF-8 despite a stray
byte, hard-wrapped lines that start with "by" are no bylines, and years before 1000 written with four digits."""

from __future__ import annotations

import subprocess
import sys

import pytest

from dateline.core.clean import clean, normalise_text, printable
from dateline.core.load import decode, load_paths
from dateline.core.model import Article
from dateline.core.pipeline import analyse
from dateline.tui.safe import clean as app_clean

BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"
INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff"
CONTROLS = "\x00\x07\x1b\x7f\x9b\u2028\u2029"
UNSAFE = set(BIDI + INVISIBLE + CONTROLS)


def test_printable_turns_every_unsafe_character_into_a_space_and_keeps_the_length() -> None:
    raw = f"a{BIDI}b{INVISIBLE}c{CONTROLS}d\ne\tf[bold]"
    out = printable(raw)
    assert len(out) == len(raw)
    assert not UNSAFE & set(out) and "\n" not in out and "\t" not in out
    assert out.replace(" ", "") == "abcdef[bold]"
    assert app_clean(raw) == out  # the app uses the same function


def test_printable_can_escape_instead_so_names_stay_tellable() -> None:
    assert printable("report\u202etxt.exe\x1b", escape=True) == "report\\u202etxt.exe\\x1b"
    assert printable("caf\udcff", escape=True) == "caf\\udcff"


def test_article_text_loses_bidi_and_zero_width_characters_but_keeps_its_offsets() -> None:
    raw = f"Pre\u200bsident \u202eSmith\u202c met on Tuesday.{INVISIBLE}"
    out = normalise_text(raw)
    assert len(out) == len(raw) and not UNSAFE & set(out)


def test_a_giant_word_never_becomes_an_actor_speaker_or_venue() -> None:
    giant = "Q" + "x" * 6000
    text = f'{giant} met {giant} Smith on Tuesday. "We are done," {giant} told {giant} Radio.'
    result = analyse(Article(id="a", text=text, published_given="2020-01-02"))
    assert all(max(len(w) for w in a.name.split()) <= 40 for a in result.actors)
    for q in result.quotes:
        assert q.speaker_name is None or len(q.speaker_name) < 100
        assert q.venue is None or len(q.venue) < 100


def test_brief_markdown_and_stderr_print_no_unsafe_character(tmp_path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    name = "evil\u202etxt.md"
    (folder / name).write_text(
        "---\n"
        "title: Talks \u202eend\u202c in Gen\u200beva\n"
        "author: Jane \u2067Doe\u2069\n"
        "published: not a date \u202e\n"
        "---\n"
        "Minister Alan \u200bReed said on March 3, 2021 that the \u202etalks\u202c had ended.\n\n"
        '"We are done," Reed told reporters on March 4, 2021.\n',
        encoding="utf-8",
    )
    env = {
        "PATH": "/usr/bin:/bin",
        "DATELINE_CACHE_DIR": str(tmp_path / "cache"),
        "PYTHONIOENCODING": "utf-8",
    }
    for args in (["brief"], ["export", "--format", "md"]):
        run = subprocess.run(
            [sys.executable, "-m", "dateline.tui.cli", *args, str(folder)],
            capture_output=True,
            env=env,
            timeout=120,
        )
        assert run.returncode == 0, run.stderr
        out, err = run.stdout.decode("utf-8"), run.stderr.decode("utf-8")
        assert "Reed" in out
        assert not UNSAFE & set(out), [c for c in out if c in UNSAFE]
        assert not UNSAFE & set(err), err
        assert "evil\\u202etxt.md" in err  # the file is named, its bidi override shown as an escape


def test_a_utf8_file_with_one_broken_byte_stays_utf8_and_says_so(tmp_path) -> None:
    data = "Café talks: “we are done”, said Zoë — naïve".encode() + b" \xff end.\n"
    text, note = decode(data)
    assert text is not None and text.startswith("Café talks: “we are done”") and "\ufffd" in text
    assert note is not None and "1 undecodable byte sequence" in note
    (tmp_path / "a.txt").write_bytes(data)
    result = load_paths([tmp_path])
    [article] = result.articles
    assert "Zoë" in article.text and note in article.notes
    [problem] = result.problems
    assert not problem.skipped and "read as UTF-8" in problem.reason


def test_cp1252_text_is_still_read_as_cp1252() -> None:
    assert decode("Café “quoted” naïve".encode("cp1252")) == (
        "Café “quoted” naïve",
        "not valid UTF-8: decoded as cp1252",
    )


WRAPPED = (
    "The committee said the rules would take effect on a schedule set\n"
    "by the end of March, according to officials close to the talks.\n"
    "The bill was sponsored in the Senate and passed the full chamber\n"
    "by Senator Jane Doe and others on Tuesday.\n"
)


def test_a_hard_wrapped_line_starting_with_by_is_no_byline() -> None:
    art = clean(Article(id="a", text=WRAPPED))
    assert art.author is None
    assert not [f for f in art.furniture if f.kind == "byline"]  # the lines stay text to read


@pytest.mark.parametrize(
    ("text", "author"),
    [
        ("Talks end in Geneva\nBy Jane Doe\n\nThe talks ended on Tuesday.\n", "Jane Doe"),
        ("Ministers agree to extend the truce in the northern province\nBy Jane Doe\n\nText.\n", "Jane Doe"),
        ("Headline\n\nBY JANE DOE AND JOHN ROE\n\nText here.\n", "JANE DOE AND JOHN ROE"),
        ("Headline\n\nBy: the news desk\n\nText here.\n", "the news desk"),
    ],
)
def test_bylines_are_still_read(text: str, author: str) -> None:
    assert clean(Article(id="a", text=text)).author == author


def test_years_before_1000_are_written_with_four_digits() -> None:
    text = "The council met in March. Last year the harvest failed; the last decade was worse."
    result = analyse(Article(id="a", text=text, published_given="0100-06-15"))
    values = {t.text: t.value for t in result.timexes}
    assert values["March"] == "0100-03"
    assert values["Last year"] == "0099"
    assert values["the last decade"] == "009"
