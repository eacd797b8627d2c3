"""Loading in a worker: the first frame comes before the data, events stream in, problems are listed."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest

import dateline.core.pipeline
import dateline.core.stream
import dateline.tui.app
from dateline.core.model import ArticleAnalysis, DateValue, Event, Evidence
from dateline.tui.app import DatelineApp
from dateline.tui.widgets.panes import TimelineView

ROOT = Path(__file__).resolve().parents[1]


async def loaded(app: DatelineApp, pilot, deadline: float = 60.0) -> None:
    """Wait until the app's load has ended. (Waiting for workers alone races with the load's start: the app
    starts it only after the first frame.)"""
    for _ in range(int(deadline / 0.05)):
        await pilot.pause(0.05)
        if not app.loading:
            break
    await app.workers.wait_for_complete()
    await pilot.pause()


def fake_analyse(article):
    """One dated event per article, so the test does not depend on the real extractors."""
    day = date(2020, 1, int(article.id.removeprefix("story")) + 1)
    sentence = article.text.split(".")[0] + "."
    ev = Evidence(article=article.id, start=0, end=len(sentence), text=sentence)
    event = Event(
        id=f"{article.id}-e",
        headline=sentence,
        date=DateValue(value=day.isoformat(), granularity="day", earliest=day, latest=day),
        status="occurred",
        evidence=[ev],
    )
    return ArticleAnalysis(article=article, events=[event]), None


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    for i in range(5):
        (tmp_path / f"story{i}.txt").write_text(
            f"Story {i} [bold]happened[/bold]. More text.", encoding="utf-8"
        )
    (tmp_path / "noise.bin.txt").write_bytes(bytes(range(256)) * 20)
    return tmp_path


async def test_events_stream_in_and_problems_are_noticed(folder, monkeypatch) -> None:
    monkeypatch.setattr(dateline.core.pipeline, "analyse_safely", fake_analyse)
    monkeypatch.setattr(dateline.core.stream, "MERGE_EVERY", 0.0)  # merge after every article
    updates: list[tuple[int, bool]] = []
    original = DatelineApp.show_timeline

    def spy(self, timeline, *, final):
        updates.append((len(timeline.events), final))
        original(self, timeline, final=final)

    monkeypatch.setattr(DatelineApp, "show_timeline", spy)
    app = DatelineApp([str(folder)], jobs=1, cache=False)
    async with app.run_test(size=(80, 24)) as pilot:
        assert app.loading or updates  # the first frame does not wait for the data
        await loaded(app, pilot)
        await pilot.pause()
        assert not app.loading
        assert updates[-1] == (5, True)
        assert any(not final for _, final in updates)  # partial merges were shown on the way
        assert [n for n, _ in updates] == sorted(n for n, _ in updates)
        view = app.query_one(TimelineView)
        assert view.row_count == 5
        assert "Story 0 [bold]happened[/bold]." in view.render_line(0).text
        assert not app.query_one("#progress").display
        notes = [n.message for n in app._notifications]
        assert any("noise.bin.txt" in m for m in notes)


async def test_real_pipeline_loads_the_seeds() -> None:
    app = DatelineApp([str(ROOT / "seeds")])
    async with app.run_test(size=(80, 24)) as pilot:
        await loaded(app, pilot)
        await pilot.pause()
        assert app.index is not None and len(app.index.timeline.articles) == 2
        assert "2 articles" in str(app.query_one("#status").render())


async def test_missing_path_is_reported_not_fatal(tmp_path) -> None:
    app = DatelineApp([str(tmp_path / "nope")])
    async with app.run_test(size=(80, 24)) as pilot:
        await loaded(app, pilot)
        await pilot.pause()
        notes = [n.message for n in app._notifications]
        assert any("no such file" in m for m in notes)
        assert any("No article could be loaded" in m for m in notes)
        # the load is over: nothing says more is coming, and the exit status is the command line's
        assert str(app.query_one("#strip").render()) == "No dated events."
        assert app.query_one("#timeline").empty_text == "No article could be loaded."
        await pilot.press("q")
    assert app.exit_status() == 1


async def test_the_app_exits_0_when_articles_were_loaded(folder, monkeypatch) -> None:
    monkeypatch.setattr(dateline.core.pipeline, "analyse_safely", fake_analyse)
    app = DatelineApp([str(folder)], jobs=1, cache=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await loaded(app, pilot)
        await pilot.press("q")
    assert app.exit_status() == 0


async def test_reopening_a_folder_comes_from_the_cache(folder, monkeypatch) -> None:
    monkeypatch.setattr(dateline.core.pipeline, "analyse_safely", fake_analyse)
    for run in range(2):
        app = DatelineApp([str(folder)], jobs=1, cache=True)
        async with app.run_test(size=(80, 24)) as pilot:
            await loaded(app, pilot)
            await pilot.pause()
            assert app.index is not None and len(app.index.timeline.events) == 5, run

        def no_analysis(article):
            raise AssertionError("a cached folder was analysed again")

        monkeypatch.setattr(dateline.core.pipeline, "analyse_safely", no_analysis)


async def test_a_failed_load_says_so(folder, monkeypatch) -> None:
    def broken(paths):
        raise OSError("disk on fire")

    monkeypatch.setattr("dateline.core.load.load_paths", broken)
    app = DatelineApp([str(folder)], jobs=1, cache=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await loaded(app, pilot)
        await pilot.pause()
        assert not app.loading
        assert "Loading failed" in str(app.query_one("#status").render())
        assert not app.query_one("#progress").display


async def test_worker_processes_start_inside_the_app(monkeypatch) -> None:
    """With several jobs the pool starts while Textual holds sys.stderr (whose fd is not real)."""
    monkeypatch.setattr(dateline.core.pipeline, "PARALLEL_MIN_CHARS", 0)
    app = DatelineApp([str(ROOT / "seeds")], jobs=2, cache=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await loaded(app, pilot)
        status = str(app.query_one("#status").render())
        assert "Loading failed" not in status
        assert app.index is not None, status and len(app.index.timeline.articles) == 2


async def test_a_cached_run_found_damaged_while_shown_is_rebuilt(folder, monkeypatch) -> None:
    import sqlite3

    from dateline.core import cache

    monkeypatch.setattr(dateline.core.pipeline, "analyse_safely", fake_analyse)
    monkeypatch.setattr(cache, "RUN_CHUNK", 1)  # one event per chunk: the cached run is read in many parts
    shown: list[tuple[int, bool]] = []
    original = DatelineApp.show_timeline

    def spy(self, timeline, *, final):
        shown.append((len(timeline.events), final))
        original(self, timeline, final=final)

    monkeypatch.setattr(DatelineApp, "show_timeline", spy)
    for run in range(2):
        if run:  # the last chunk (the load problems) is damaged: the events were read, then the run fails
            db = sqlite3.connect(Path(os.environ["DATELINE_CACHE_DIR"]) / cache.FILENAME)
            with db:
                db.execute(
                    "UPDATE run_chunks SET data = x'5b7b' WHERE seq = (SELECT max(seq) FROM run_chunks)"
                )
            db.close()
            shown.clear()
        app = DatelineApp([str(folder)], jobs=1, cache=True)
        async with app.run_test(size=(80, 24)) as pilot:
            await loaded(app, pilot)
            await pilot.pause(0.2)
            assert shown[-1] == (5, True) and (run == 0 or shown[0] == (1, False)), shown
            assert not app.loading and app.index is not None and len(app.index.timeline.problems) == 1
            status = str(app.query_one("#status").render())
            assert "5 events" in status and "so far" not in status, status


async def test_exporting_before_the_load_ends_writes_no_partial_file(tmp_path, monkeypatch) -> None:
    from tests.factory import sample_timeline

    partial = sample_timeline()

    def load_half(self, paths) -> None:  # shows what it has so far and is still at work
        self.show_timeline(partial.model_copy(update={"events": partial.events[:1]}), final=False)

    monkeypatch.setattr(DatelineApp, "load", load_half)
    app = DatelineApp([str(tmp_path)], jobs=1, cache=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.loading and app.index is not None
        target = tmp_path / "out.json"
        app.export_to("json", str(target))
        await pilot.pause()
        assert not target.exists()  # one event of many would read as the whole timeline
        assert any("loading" in n.message.lower() for n in app._notifications)
