"""core.stream: the one load the app and the command line share (progress, previews, the final timeline),
and the cache read back through it a chunk at a time."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from dateline.core import stream
from dateline.core.cache import AnalysisCache

ROOT = Path(__file__).resolve().parents[1]
TEXTS = [
    "The council met on 3 March 2021 and approved the harbour budget.",
    "The mayor said on 4 March 2021 that work on the harbour would begin in June 2021.",
    "Fishermen protested outside the town hall on 5 March 2021.",
]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    out = tmp_path / "articles"
    out.mkdir()
    for i, text in enumerate(TEXTS):
        (out / f"a{i}.txt").write_text(text, encoding="utf-8")
    return out


def kinds(updates) -> list[str]:
    return [type(u).__name__ + ("/final" if getattr(u, "final", False) else "") for u in updates]


def test_a_load_streams_progress_previews_and_ends_with_the_final_timeline(folder, monkeypatch) -> None:
    monkeypatch.setattr(stream, "MERGE_EVERY", 0.0)  # a preview after every article
    updates = list(stream.stream_timeline([str(folder)], jobs=1, cache=False))
    names = kinds(updates)
    assert names[0] == "Loaded" and len(updates[0].result.articles) == 3
    assert [u.done for u in updates if isinstance(u, stream.Progress)] == [1, 2, 3]
    assert "Snapshot" in names  # previews on the way
    assert names[-1] == "Snapshot/final" and names.count("Snapshot/final") == 1
    final = updates[-1].timeline
    assert len(final.articles) == 3 and final.events
    assert stream.timeline_for_paths([str(folder)], jobs=1, cache=False) == final


def test_without_previews_only_progress_and_the_final_timeline(folder) -> None:
    names = kinds(stream.stream_timeline([str(folder)], jobs=1, cache=False, previews=False))
    assert names == ["Loaded", "Progress", "Progress", "Progress", "Snapshot/final"]


def test_a_folder_opened_before_is_read_from_the_cache_in_parts(folder, tmp_path, monkeypatch) -> None:
    from dateline.core import cache

    monkeypatch.setattr(cache, "RUN_CHUNK", 1)  # one record a chunk: the run is read in many parts
    with AnalysisCache(tmp_path / "cache") as store:
        first = list(stream.stream_timeline([str(folder)], cache=store))[-1].timeline
        again = list(stream.stream_timeline([str(folder)], cache=store))
    assert not any(isinstance(u, stream.Loaded) for u in again)  # nothing loaded or analysed
    previews = [u for u in again if not u.final]
    assert previews and all(u.cached for u in again)
    assert len(previews[0].timeline.events) == 1  # the top of the timeline, before the rest is read
    assert again[-1].final and again[-1].timeline == first


def test_closing_the_stream_early_stops_the_load(folder) -> None:
    updates = stream.stream_timeline([str(folder)], jobs=1, cache=False)
    assert isinstance(next(updates), stream.Loaded)
    updates.close()  # the app does this when it closes mid-load
    with pytest.raises(StopIteration):
        next(updates)


def test_the_palette_commands_do_not_import_the_app() -> None:
    code = "import sys, dateline.tui.commands; print('dateline.tui.app' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_panes_own_their_keys_and_the_app_binds_none_of_theirs() -> None:
    from dateline.tui import keys
    from dateline.tui.app import DatelineApp
    from dateline.tui.widgets.detail import DetailView
    from dateline.tui.widgets.panes import TimelineView
    from dateline.tui.widgets.rows import RowsView

    pane_ids = {b.id for b in keys.ROWS + keys.TIMELINE}
    assert not pane_ids & {b.id for b in DatelineApp.BINDINGS}
    assert {b.id for b in RowsView.BINDINGS} == {b.id for b in keys.ROWS}
    assert {b.id for b in TimelineView.BINDINGS} == {b.id for b in keys.TIMELINE}
    assert {b.id for b in DetailView.BINDINGS} == {b.id for b in keys.MOVES}
