"""End to end: the installed ``dateline`` on the real seeds/ in a real terminal (tmux), read with capture-pane.

Assertions about events are tolerant of pipeline changes: they check order and presence, not exact rows.
Waiting is by polling the screen for a state (with a generous deadline), never by fixed sleeps.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
TMUX = shutil.which("tmux")
pytestmark = pytest.mark.skipif(
    TMUX is None, reason="tmux is not installed (CI installs it: apt-get install tmux)"
)
EXIT_MARK = "DATELINE-EXITED"


def dateline_command() -> list[str]:
    beside = Path(sys.executable).with_name("dateline")
    if beside.exists():
        return [str(beside)]
    found = shutil.which("dateline")
    return [found] if found else [sys.executable, "-m", "dateline.tui.cli"]


class Terminal:
    """A tmux server of its own (its socket in a temporary folder, removed on close: tmux leaves it behind)."""

    def __init__(self, name: str) -> None:
        self.folder = tempfile.mkdtemp(prefix="dateline-tmux-")  # short: a socket path has ~100 bytes
        self.socket = os.path.join(self.folder, name)
        self.term_name = "xterm-256color"

    def tmux(self, *args: str) -> str:
        assert TMUX is not None
        out = subprocess.run(
            [TMUX, "-u", "-S", self.socket, *args], capture_output=True, text=True, check=True
        )
        return out.stdout

    def start(
        self,
        command: str,
        width: int = 80,
        height: int = 24,
        term: str = "xterm-256color",
        extra: dict[str, str] | None = None,
    ) -> None:
        env = {"TERM": term, "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", **(extra or {})}
        exports = " ".join(f"{k}={shlex.quote(v)}" for k, v in env.items())
        script = f"cd {shlex.quote(str(ROOT))} && env {exports} {command}; echo {EXIT_MARK}=$?; sleep 600"
        self.tmux(
            "-f", "/dev/null", "new-session", "-d", "-s", "e2e", "-x", str(width), "-y", str(height), script
        )

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-t", "e2e")

    def keys(self, *keys: str) -> None:
        self.tmux("send-keys", "-t", "e2e", *keys)

    def wait(self, ready: Callable[[str], bool], deadline: float = 60.0) -> str:
        """Poll the screen until ``ready`` says it shows the state wanted (generous deadline: a loaded CI
        machine may take seconds for what takes a tenth of one here)."""
        end = time.monotonic() + deadline
        screen = self.screen()
        while not ready(screen):
            if time.monotonic() > end:
                raise AssertionError(f"screen never reached the expected state:\n{screen}")
            time.sleep(0.05)
            screen = self.screen()
        return screen

    def close(self) -> None:
        subprocess.run([TMUX or "tmux", "-S", self.socket, "kill-server"], capture_output=True, check=False)
        shutil.rmtree(self.folder, ignore_errors=True)


def cursor_line(screen: str) -> str:
    """The timeline row carrying the cursor mark."""
    for line in screen.splitlines():
        inner = line.lstrip("│|").lstrip()
        if inner.startswith(("▶", ">")):
            return line
    raise AssertionError(f"no cursor row on screen:\n{screen}")


def loaded(screen: str) -> bool:
    """The header says the load is over AND the timeline shows it. (The header alone is not enough: a
    capture can catch a frame half drawn, the header new and the panes still empty.)"""
    lines = screen.splitlines()
    first = lines[0] if lines else ""
    if " article" not in first or "Loading" in first or "No events yet" in screen:
        return False
    return any(_LABEL.match(line.lstrip("│| ▶>")) for line in lines) and _has_cursor(screen)


def _has_cursor(screen: str) -> bool:
    try:
        cursor_line(screen)
    except AssertionError:
        return False
    return True


KINDS = {  # terminal kind: (TERM, extra environment)
    "xterm-256color": ("xterm-256color", {}),
    "linux": ("linux", {}),
    "no-color": ("xterm-256color", {"NO_COLOR": "1"}),
}
NOT_ASCII_CONSOLE = "╭╮╰╯│─▶◷»…⏎▂▁▃▄▅▆▇█·▲"  # what the Linux console's font cannot draw


@pytest.fixture(params=list(KINDS))
def term(request: pytest.FixtureRequest):
    terminal = Terminal(f"seeds-{request.param}")
    terminal.term_name, terminal.extra = KINDS[request.param]
    terminal.kind = request.param
    yield terminal
    terminal.close()


_LABEL = re.compile(r"(?:(\d{1,2})\s)?(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\s(\d{4})")
_MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()


def row_dates(screen: str) -> list[tuple[int, int, int]]:
    """(year, month, day or 0) of each timeline row that starts with a date label, top to bottom."""
    out = []
    for line in screen.splitlines():
        inner = line.lstrip("│| ▶>")
        m = _LABEL.match(inner)
        if m:
            out.append((int(m.group(3)), _MONTHS.index(m.group(2)) + 1, int(m.group(1) or 0)))
    return out


def _date_rows(screen: str) -> list[str]:
    return [r for r in screen.splitlines() if _LABEL.match(r.lstrip("│| ▶>"))]


def test_dateline_on_the_seeds_in_tmux(term: Terminal) -> None:
    term.start(shlex.join([*dateline_command(), "seeds"]), term=term.term_name, extra=term.extra)
    screen = term.wait(loaded)
    assert not screen.splitlines()[0].lstrip().startswith("0 events"), screen
    if term.kind == "linux":
        assert not any(ch in screen for ch in NOT_ASCII_CONSOLE), screen
    term.keys("g")  # the timeline opens on the period the articles are about: start from the top
    screen = term.wait(lambda s: loaded(s) and cursor_line(s) == _date_rows(s)[0])

    # the timeline is in date order (months before the days they contain are fine: compare months)
    dates = row_dates(screen)
    assert len(dates) >= 3, screen
    assert [d[:2] for d in dates] == sorted(d[:2] for d in dates), screen
    rows = screen.splitlines()
    first = cursor_line(screen)
    term.keys("j")
    moved = term.wait(lambda s: cursor_line(s) != first)
    assert rows.index(first) + 1 == moved.splitlines().index(cursor_line(moved))

    term.keys("Enter")  # the event's detail, with its sources, then back
    term.wait(lambda s: "Sources (" in s)
    term.keys("Escape")
    term.wait(lambda s: "Sources (" not in s and loaded(s))

    term.keys("?")
    help_screen = term.wait(lambda s: "Keys" in s and "Search" in s)
    assert "Next date" in help_screen
    term.keys("Escape")
    term.wait(lambda s: "Keys" not in s.split("\n", 2)[1] and "Esc to close" not in s)

    # search for a word of the last row on screen: the cursor lands on a row holding it
    last_row = _date_rows(moved)[-1]
    word = max(re.findall(r"[A-Za-z]{4,}", _LABEL.sub("", last_row)), key=len)
    term.keys("/")
    term.wait(lambda s: "Search" in s and "n / N" in s)
    term.keys(word, "Enter")
    # the prompt closes a frame before the search is drawn: wait for the header's count ("search: w 1/3")
    counted = re.compile(rf"search: {word} (?:\d+|-)/(\d+)")
    found = term.wait(lambda s: "n / N" not in s and counted.search(s) is not None)
    # matches are in headlines and source sentences: `n` goes from match to match, one of them is the row
    matches = int(counted.search(found).group(1))
    for _ in range(matches - 1):
        if word in cursor_line(found):
            break
        before = cursor_line(found)
        term.keys("n")
        found = term.wait(lambda s, before=before: cursor_line(s) != before)
    assert word in cursor_line(found), found

    term.keys("q")
    after = term.wait(lambda s: EXIT_MARK in s)
    assert f"{EXIT_MARK}=0" in after
    # the terminal is clean: the alternate screen is gone and no app drawing is left behind
    assert not any(ch in after for ch in "╭╰│▶+|>"), after
    assert after.strip().splitlines()[-1].startswith(f"{EXIT_MARK}=0")


PIPED = (
    "q?:jjq Talks in Geneva\n\n"
    "The envoys met in Geneva on March 2, 2017 and agreed to meet again on April 5, 2017, officials said.\n\n"
    "q\n"
)


def test_an_article_piped_into_the_app_is_data_and_keys_come_from_the_terminal(tmp_path: Path) -> None:
    """``cat story.txt | dateline -``: the q and ? in the story are text, not key presses; the keys typed in
    the terminal drive the app (it reads them from /dev/tty, as less and fzf do)."""
    article = tmp_path / "piped.txt"
    article.write_text(PIPED)
    terminal = Terminal("piped")
    try:
        terminal.start(f"cat {shlex.quote(str(article))} | {shlex.join([*dateline_command(), '-'])}")
        screen = terminal.wait(loaded)  # still running: the piped "q" quit nothing
        assert " 1 article" in screen.splitlines()[0] and "Mar 2017" in screen, screen
        assert " 1 articles" not in screen.splitlines()[0], screen
        first = cursor_line(screen)
        terminal.keys("j")
        terminal.wait(lambda s: _has_cursor(s) and cursor_line(s) != first)
        terminal.keys("?")
        terminal.wait(lambda s: "Keys" in s and "Search" in s)
        terminal.keys("Escape")
        terminal.wait(lambda s: "Esc to close" not in s and loaded(s))
        terminal.keys("q")
        after = terminal.wait(lambda s: EXIT_MARK in s)
        assert f"{EXIT_MARK}=0" in after
    finally:
        terminal.close()
