"""The per-article time budget: an analysis past it stops, the article is kept (text, title, date) without
extractions and named on stderr, and the run goes on. Steps that would never end are simulated by loops
that end on their own after a minute, so a broken budget fails the test instead of hanging it."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import threading
import time

import pytest

from dateline.core import budget, events, pipeline
from dateline.core.model import Article

STALL = 60.0  # seconds a simulated endless step runs before giving up on being stopped


def _stall_pure_python(*_args, **_kwargs):
    end = time.monotonic() + STALL
    while time.monotonic() < end:  # no check(): only a signal can stop this
        pass
    raise AssertionError("the budget did not stop the step")


def _stall_with_checks(*_args, **_kwargs):
    end = time.monotonic() + STALL
    while time.monotonic() < end:
        budget.check()
    raise AssertionError("the budget did not stop the step")


def _article(aid: str = "a") -> Article:
    return Article(
        id=aid,
        path=f"{aid}.md",
        title="Talks in Geneva",
        text="Envoys met in Geneva on March 2, 2019 and agreed to meet again.\n",
        published_given="2019-03-04",
    )


def test_a_stalled_step_is_stopped_by_the_alarm_and_the_article_kept(monkeypatch) -> None:
    monkeypatch.setattr(events, "extract", _stall_pure_python)
    monkeypatch.setenv(budget.ENV, "0.2")
    analysis, error = pipeline.analyse_safely(_article())
    assert error is not None and error.startswith("analysis stopped after 0.2 s")
    kept = analysis.article
    assert kept.title == "Talks in Geneva" and kept.text.startswith("Envoys met")
    assert kept.published is not None and kept.published.value == "2019-03-04"
    assert (analysis.events, analysis.timexes, analysis.actors, analysis.quotes) == ([], [], [], [])
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)  # no timer left running


def test_in_a_thread_the_steps_checks_stop_it(monkeypatch) -> None:
    monkeypatch.setattr(events, "extract", _stall_with_checks)
    monkeypatch.setenv(budget.ENV, "0.2")
    out: list = []
    worker = threading.Thread(target=lambda: out.append(pipeline.analyse_safely(_article())))
    worker.start()
    worker.join(STALL + 10)
    [(analysis, error)] = out
    assert error is not None and "analysis stopped" in error
    assert analysis.article.title == "Talks in Geneva" and analysis.events == []


def test_the_run_goes_on_after_an_article_over_budget(monkeypatch) -> None:
    real = events.extract

    def stall_on_first(article, timexes):
        return _stall_pure_python() if article.id == "slow" else real(article, timexes)

    monkeypatch.setattr(events, "extract", stall_on_first)
    # the budget holds for "fine" too: generous, so that a loaded machine still analyses it in time
    monkeypatch.setenv(budget.ENV, "2")
    problems: list = []
    done = list(pipeline.iter_analyses([_article("slow"), _article("fine")], problems=problems))
    assert [a.article.id for a in done] == ["slow", "fine"]
    assert done[0].events == [] and done[1].events
    [problem] = problems
    assert problem.path == "slow.md" and not problem.skipped and "analysis stopped" in problem.reason


def test_a_budget_of_zero_stops_every_analysis_at_its_first_check() -> None:
    with pytest.raises(budget.OverBudget), budget.limit(0):
        budget.check()


def test_nested_budgets_keep_the_outer_one_and_leave_nothing_armed() -> None:
    with budget.limit(30):
        with budget.limit(0):
            budget.check()  # the outer budget (30 s) holds: no stop here
        budget.check()
    budget.check()  # no budget at all: never stops
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


@pytest.mark.parametrize(("raw", "expected"), [("5", 5.0), ("0", 0.0), ("-1", 30.0), ("soon", 30.0)])
def test_the_budget_comes_from_the_environment_when_it_is_a_number(monkeypatch, raw, expected) -> None:
    monkeypatch.setattr(budget, "ARTICLE_SECONDS", 30.0)
    monkeypatch.setenv(budget.ENV, raw)
    assert budget.seconds() == expected


def test_the_command_names_each_article_over_budget_and_keeps_it(tmp_path) -> None:
    (tmp_path / "one.md").write_text(
        "---\ntitle: Talks\npublished: 2019-03-04\n---\nEnvoys met on March 2.\n"
    )
    (tmp_path / "two.txt").write_text("Envoys met again on March 9, 2019.\n")
    env = {"PATH": "/usr/bin:/bin", budget.ENV: "0", "DATELINE_CACHE_DIR": str(tmp_path / "cache")}
    run = subprocess.run(
        [sys.executable, "-m", "dateline.tui.cli", "export", str(tmp_path)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 2 and all("analysis stopped after 0 s" in line for line in lines)
    assert "one.md" in lines[0] and "two.txt" in lines[1]
    timeline = json.loads(run.stdout)
    assert [a["title"] for a in timeline["articles"]] == ["Talks", None]
    assert timeline["articles"][0]["published"]["value"] == "2019-03-04"
    assert timeline["events"] == []
