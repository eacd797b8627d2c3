"""The app's own commands for the command palette (ctrl+p): export, brief, filters, actors, themes."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Hits, Provider

from dateline.tui.safe import clean

if TYPE_CHECKING:
    from dateline.tui.app import DatelineApp

Command = tuple[str, Callable[[], object], str]
MAX_ACTORS = 200  # actor commands offered; the Actors pane and `f actor:` reach the rest


class DatelineCommands(Provider):
    @property
    def dateline(self) -> DatelineApp:
        return self.app  # type: ignore[return-value]

    def commands(self) -> list[Command]:
        app = self.dateline
        out: list[Command] = [
            ("Export timeline as JSON…", partial(app.action_export, "json"), "Write the timeline to a file"),
            ("Export timeline as Markdown…", partial(app.action_export, "md"), "Write a Markdown briefing"),
            ("Show brief", app.action_brief, "A compact plain-text briefing"),
            ("Filter…", app.action_filter, "actor:NAME status:expected since:2017-01 until:2017-02"),
            ("Filter: expected and planned only", partial(app.apply_filter, "status:expected,planned"), ""),
            ("Clear filter and search", app.action_clear, "Show every event again"),
            ("Show load problems", app.action_problems, "Files that could not be read"),
            ("Keys", app.action_help, "Every key binding"),
        ]
        out += [
            (f"Theme: {name}", partial(setattr, app, "theme", name), "Switch the colour theme")
            for name in sorted(app.available_themes)
        ]
        if app.index is not None:
            out += [
                (f"Actor: {clean(actor.name)}", partial(app.filter_actor, actor), "Filter to this actor")
                for actor in app.index.sorted_actors()[:MAX_ACTORS]
            ]
        return out

    async def discover(self) -> Hits:
        for name, callback, help_text in self.commands():
            if not name.startswith(("Theme:", "Actor:")):
                yield DiscoveryHit(name, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, callback, help_text in self.commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), callback, help=help_text)
