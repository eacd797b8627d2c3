"""What the keys of the main screen do: search, filter, export, copy, help, jumps in time, the view mode.

A mixin of :class:`dateline.tui.app.DatelineApp`, kept apart so the app module only lays the app out. Each
action works on the app's state (``index``, ``flt``, ``query_text``) and asks panes through what every pane
offers (``detail()``, ``copy_text()``), never by their type.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from dateline.core.text import counted
from dateline.tui.filtering import Filter, FilterError
from dateline.tui.safe import clean

if TYPE_CHECKING:
    from dateline.core.model import Actor, Timeline
    from dateline.tui.widgets.panes import TimelineView

BRIEF_MIN_WIDTH = 50
EXPORT_HINT = "Format by the name's end: .json .md .csv, or .timeline.json for TimelineJS"
FILTER_HINT = 'actor:"NAME" status:expected since:"Jan 2017" until:2017-02 words — empty to clear'
MAIN_ONLY = {
    "search",
    "search_next",
    "search_previous",
    "filter",
    "pane",
    "back",
    "export",
    "jump_date",
    "densest",
    "toggle_view",
}


def format_for(path: str) -> str:
    """The export format a file name asks for (by its ending); JSON when it says none."""
    name = path.lower()
    if name.endswith((".timeline.json", ".timelinejs", ".timelinejs.json")):
        return "timelinejs"
    for ending, fmt in ((".md", "md"), (".markdown", "md"), (".csv", "csv"), (".json", "json")):
        if name.endswith(ending):
            return fmt
    return "json"


class MainActions:
    """Actions of the main screen (mixed into the app; ``self`` is the DatelineApp)."""

    app: Any  # (for type checkers: the attributes used here are the app's)

    def check_action(self: Any, action: str, parameters: tuple[object, ...]) -> bool | None:
        return not (action in MAIN_ONLY and len(self.screen_stack) > 1)

    def _timeline(self: Any) -> TimelineView:
        from dateline.tui.widgets.panes import TimelineView

        return self.query_one(TimelineView)

    def _prompt(self: Any, title: str, value: str, hint: str, done, check=None) -> None:
        from dateline.tui.screens.prompt import PromptScreen

        self.push_screen(PromptScreen(title, value, hint, check), done)

    # panes ---------------------------------------------------------------------------------------------
    def action_pane(self: Any, name: str) -> None:
        self.query_one(f"#{name}").focus()

    def action_back(self: Any) -> None:
        """Esc: clear the search, then the filter."""
        self.action_clear()

    def action_clear(self: Any) -> None:
        if self.query_text:
            self.run_search("")
        elif self.flt.active:
            self.flt = Filter()
            self.refresh_panes()

    def action_toggle_view(self: Any) -> None:
        """Key events only, or every event (remembered for the next run)."""
        self.view_mode = "all" if self.view_mode == "key" else "key"
        self._remember(view=self.view_mode)
        self.refresh_panes()
        label = "Key events only (v: all events)" if self.view_mode == "key" else "All events"
        self.notify(label, timeout=2)

    # help ----------------------------------------------------------------------------------------------
    def action_help(self: Any) -> None:
        from dateline.tui.screens.pages import HelpScreen

        if isinstance(self.screen, HelpScreen):
            return
        self.push_screen(HelpScreen(self.help_rows()))

    def help_rows(self: Any) -> list[tuple[str, str]]:
        """(keys, description) for every binding of the main screen and its panes, after the user's keymap."""
        from textual.binding import Binding

        from dateline.tui import keys

        ours = {b.id: b.description for b in keys.APP + keys.ROWS + keys.TIMELINE}
        grouped: dict[str, tuple[str, list[str]]] = {}
        timeline = self._timeline()
        nodes = [self.screen_stack[0], timeline, self]
        for node in nodes:
            bindings = node._bindings.copy()
            if self._keymap:
                bindings.apply_keymap(self._keymap)
            for key, binding in bindings:
                if binding.system or binding.id not in ours:
                    continue
                grouped.setdefault(binding.id, (ours[binding.id], []))[1].append(
                    self.get_key_display(binding.with_key(key))
                )
        rows = [(" / ".join(dict.fromkeys(k)), desc) for desc, k in grouped.values()]
        palette = Binding(self.COMMAND_PALETTE_BINDING, "command_palette")
        rows.append((self.get_key_display(palette), "Command palette: export, brief, filter, theme"))
        return rows

    # search --------------------------------------------------------------------------------------------
    def action_search(self: Any) -> None:
        hint = "Words in headlines and sources; n / N for next / previous"
        self._prompt("Search", self.query_text, hint, self.run_search)

    def run_search(self: Any, query: str | None) -> None:
        from dateline.tui.view import matches

        if query is None:
            return
        self.query_text = query.strip()
        timeline = self._timeline()
        timeline.set_query(self.query_text)
        self.found = matches(timeline.events, self.query_text) if self.query_text else []
        self.set_status()
        if self.query_text:
            timeline.focus()
            self._step(timeline.cursor - 1, 1, quiet_wrap=True)

    def _step(self: Any, cursor: int, step: int, *, quiet_wrap: bool = False) -> None:
        from dateline.tui.view import step_match

        if not self.query_text:
            self.action_search()
            return
        found, wrapped = step_match(self.found, cursor, step)
        if found is None:
            self.notify(
                f"No event matches {clean(self.query_text)!r}", severity="warning", markup=False, timeout=3
            )
            return
        if wrapped and not quiet_wrap:
            where = "top" if step > 0 else "bottom"
            self.notify(f"Search wrapped to the {where}", timeout=2)
        self._timeline().cursor = found
        self.set_status()

    def action_search_next(self: Any) -> None:
        self._step(self._timeline().cursor, 1)

    def action_search_previous(self: Any) -> None:
        self._step(self._timeline().cursor, -1)

    # filter --------------------------------------------------------------------------------------------
    def parse(self: Any, text: str) -> Filter:
        from dateline.tui.filtering import newest, parse_filter

        if self.index is None:
            return parse_filter(text)
        timeline = self.index.timeline
        return parse_filter(text, timeline.actors, today=newest(timeline))

    def _filter_error(self: Any, text: str) -> str | None:
        try:
            self.parse(text)
        except FilterError as exc:
            return str(exc)
        return None

    def action_filter(self: Any) -> None:
        self._prompt("Filter", self.flt.describe(), FILTER_HINT, self.apply_filter, self._filter_error)

    def apply_filter(self: Any, text: str | None) -> None:
        if text is None:
            return
        try:
            self.flt = self.parse(text)
        except FilterError as exc:
            self.notify(str(exc), severity="error", markup=False)
            return
        self.refresh_panes()
        self._timeline().focus()

    def filter_actor(self: Any, actor: Actor | None) -> None:
        self.flt = self.flt.with_actor(actor)
        self.refresh_panes()
        if actor is not None:
            shown = self._timeline().row_count
            events = counted(shown, "event")
            self.notify(f"{events} with {clean(actor.name)}; Esc clears", markup=False, timeout=3)

    # time ----------------------------------------------------------------------------------------------
    def action_jump_date(self: Any) -> None:
        hint = "2017-01-24, Jan 2017, last week…: the first event on or after it"
        self._prompt("Go to date", "", hint, self.jump_to, self._date_error)

    def _date_error(self: Any, text: str) -> str | None:
        try:
            self._date(text)
        except FilterError as exc:
            return str(exc)
        return None

    def _date(self: Any, text: str):
        from dateline.tui.filtering import newest, parse_period

        today = newest(self.index.timeline) if self.index is not None else None
        return parse_period(text, end=False, today=today)

    def jump_to(self: Any, text: str | None) -> None:
        from dateline.tui.view import row_on_or_after

        if not text or not text.strip():
            return
        timeline = self._timeline()
        timeline.focus()
        timeline.move_to(row_on_or_after(timeline.events, self._date(text)))

    def action_densest(self: Any) -> None:
        """Go to the busiest period of the density strip (the first event in it)."""
        from dateline.tui.view import row_on_or_after
        from dateline.tui.widgets.strip import DensityStrip

        strip = self.query_one(DensityStrip)
        busiest = strip.data.densest() if strip.data is not None else None
        timeline = self._timeline()
        if busiest is None:
            self.notify("No dated events", severity="warning", timeout=2)
            return
        timeline.focus()
        timeline.move_to(row_on_or_after(timeline.events, busiest[0]))
        self.notify(f"Busiest {strip.data.column_unit()}: {counted(busiest[1], 'event')}", timeout=3)

    # copy, export, pages ---------------------------------------------------------------------------------
    def action_copy(self: Any) -> None:
        focused = self.focused
        text = focused.copy_text() if hasattr(focused, "copy_text") else None
        if not text:
            self.notify("Nothing to copy", severity="warning", timeout=2)
            return
        self.copy_to_clipboard(text)
        first = text.splitlines()[0]
        self.notify(f"Copied: {first[:60]}", markup=False, timeout=2)

    def view_timeline(self: Any) -> Timeline | None:
        """What is on screen as a Timeline: the events shown (filter and view mode) and what they refer to."""
        if self.index is None:
            return None
        from dateline.tui.filtering import filtered

        timeline = self.index.timeline
        if not self.flt.active and self.view_mode != "key":
            return timeline
        shown = self._timeline().events
        return filtered(timeline.model_copy(update={"events": shown}), Filter())

    def action_export(self: Any, fmt: str = "") -> None:
        if self._still_loading():
            return
        ending = {"md": "md", "csv": "csv", "timelinejs": "timeline.json"}.get(fmt, "json")
        self._prompt(
            "Export what is shown to a file",
            f"dateline-timeline.{ending}",
            EXPORT_HINT + "; an existing file is replaced",
            self.export_to,
        )

    def export_to(self: Any, path: str | None, fmt: str | None = None) -> None:
        import os

        if not path or self.index is None or self._still_loading():
            return
        from dateline.core import export

        timeline = self.view_timeline()
        pieces = export.render(timeline, fmt or format_for(path))
        try:
            with open(os.path.expanduser(path), "w", encoding="utf-8", newline="") as fh:
                last = ""
                for last in pieces:
                    fh.write(last)
                if not last.endswith("\n"):
                    fh.write("\n")
        except OSError as exc:
            self.notify(f"Could not write {path}: {exc.strerror}", severity="error", markup=False)
            return
        self.notify(f"Wrote {counted(len(timeline.events), 'event')} to {path}", markup=False, timeout=3)

    def _still_loading(self: Any) -> bool:
        """While loading, what is shown is partial: a file written from it would read as the whole timeline."""
        if self.loading:
            self.notify("Still loading: export once the timeline is complete.", severity="warning", timeout=4)
        return self.loading

    def action_brief(self: Any) -> None:
        timeline = self.view_timeline()
        if timeline is None:
            return
        from dateline.core import export
        from dateline.tui.screens.pages import TextScreen

        # as wide as the page it is shown on (borders, padding and a scroll bar off): the brief's columns
        # wrapped at 80 columns were unreadable
        width = max(BRIEF_MIN_WIDTH, self.size.width - 6)
        self.push_screen(TextScreen("Brief", export.brief(timeline, width=width)))

    def action_problems(self: Any) -> None:
        from dateline.tui.screens.pages import TextScreen

        problems = self.index.timeline.problems if self.index else []
        body = "\n".join(f"{'skipped' if p.skipped else 'warning'}: {p.path}: {p.reason}" for p in problems)
        self.push_screen(TextScreen("Load problems", body or "No problems."))
