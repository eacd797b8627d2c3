"""Every key binding of the app, in one place, each with an id so users can remap it.

Remap keys in a TOML file (``$DATELINE_KEYMAP`` or ``<user config dir>/dateline/keymap.toml``) mapping
binding ids to comma-separated keys::

    cursor_down = "j,down,ctrl+n"
    quit = "q,ctrl+q"
"""

from __future__ import annotations

import os
from pathlib import Path

from textual.binding import Binding

APP = [
    Binding("question_mark,f1", "help", "Help", id="help"),
    Binding("slash", "search", "Search", id="search"),
    Binding("n", "search_next", "Next match", show=False, id="search_next"),
    Binding("N", "search_previous", "Previous match", show=False, id="search_previous"),
    Binding("f", "filter", "Filter", id="filter"),
    Binding("escape", "back", "Back/clear", show=False, id="back"),
    Binding("y", "copy", "Copy", id="copy"),
    Binding("e", "export", "Export", show=False, id="export"),
    Binding("v", "toggle_view", "Key events/all", show=False, id="toggle_view"),
    Binding("t", "jump_date", "Go to date", show=False, id="jump_date"),
    Binding("m", "densest", "Densest period", show=False, id="densest"),
    Binding("q", "quit", "Quit", id="quit"),
    Binding("tab", "focus_next", "Next pane", show=False, id="focus_next"),
    Binding("shift+tab", "focus_previous", "Previous pane", show=False, id="focus_previous"),
    Binding("1", "pane('timeline')", "Timeline", show=False, id="pane_timeline"),
    Binding("2", "pane('actors')", "Actors", show=False, id="pane_actors"),
    Binding("3", "pane('quotes')", "Quotes", show=False, id="pane_quotes"),
]
"""Bindings of the app's main screen, whatever pane has focus."""

MOVES = [
    Binding("j,down", "cursor_down", "Down", show=False, id="cursor_down"),
    Binding("k,up", "cursor_up", "Up", show=False, id="cursor_up"),
    Binding("space,pagedown", "page_down", "Page down", show=False, id="page_down"),
    Binding("b,pageup", "page_up", "Page up", show=False, id="page_up"),
    Binding("g,home", "first", "First", show=False, id="first"),
    Binding("G,end", "last", "Last", show=False, id="last"),
]
"""Moving in a list pane, or scrolling a text pane (each pane binds these ids to its own actions)."""

ROWS = [*MOVES, Binding("enter", "select", "Open", id="select")]
"""A list pane (timeline, actors, quotes): moves, and Enter on the row."""

TIMELINE = [
    Binding("d", "next_date", "Next date", show=False, id="next_date"),
    Binding("D", "previous_date", "Previous date", show=False, id="previous_date"),
]
"""The timeline pane's own keys, on top of ROWS."""

CLOSE = [Binding("escape,q", "close", "Back", id="close")]
"""Closing a pushed screen (detail and text pages)."""

HELP = [Binding("escape,q,question_mark,f1", "close", "Close help", key_display="esc", id="help_close")]

PROMPT = [Binding("escape", "cancel", "Cancel", id="prompt_cancel")]


def keymap_path() -> Path:
    env = os.environ.get("DATELINE_KEYMAP")
    if env:
        return Path(env)
    from platformdirs import user_config_dir

    return Path(user_config_dir("dateline")) / "keymap.toml"


def load_keymap(path: Path | None = None) -> tuple[dict[str, str], str | None]:
    """The user's keymap (binding id → keys) and an error message when the file is unusable."""
    path = path or keymap_path()
    if not path.is_file():
        return {}, None
    import tomllib

    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        return {}, f"keymap {path}: {exc}"
    table = data.get("keymap", data)
    known = {b.id for b in (*APP, *ROWS, *TIMELINE, *CLOSE, *HELP, *PROMPT)}
    keymap = {str(k): v for k, v in table.items() if k in known and isinstance(v, str)}
    ignored = [str(k) for k in table if k not in keymap]
    if ignored:  # a misspelt id would otherwise change nothing, and say nothing
        return keymap, (
            f"keymap {path}: ignored {', '.join(ignored)} (each entry is a binding id, as listed in the "
            'README, = "keys,separated,by,commas")'
        )
    return keymap, None
