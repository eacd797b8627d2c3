"""The analysis cache: hits give the same results, nothing stale or corrupt is ever trusted."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from dateline.core import cache as cache_mod
from dateline.core import pipeline, stream
from dateline.core.cache import AnalysisCache, article_key, default_dir
from dateline.core.model import Article, ArticleAnalysis
from dateline.core.pipeline import build_timeline, iter_analyses

TEXTS = [
    "The minister said on Tuesday that talks would resume in March 2021.",
    "Officials met on 3 May 2019. They said the plan was agreed last week.",
    "Nothing dated happens in this short article at all.",
]


def _articles() -> list[Article]:
    return [Article(id=f"c{i}", text=t, published_given="2021-02-01") for i, t in enumerate(TEXTS)]


@pytest.fixture(autouse=True)
def _no_user_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests never touch the real user cache."""
    monkeypatch.setenv("DATELINE_CACHE_DIR", str(tmp_path / "cache"))


def _count_analyse(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    calls: list[str] = []
    real = pipeline.analyse

    def counting(article: Article) -> ArticleAnalysis:
        calls.append(article.id)
        return real(article)

    monkeypatch.setattr(pipeline, "analyse", counting)
    return calls


def test_env_var_sets_the_folder(tmp_path: Path) -> None:
    assert default_dir() == tmp_path / "cache"
    with AnalysisCache() as c:
        assert c.enabled
    assert (tmp_path / "cache" / "analyses.sqlite").exists()


def test_second_run_is_served_from_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = _count_analyse(monkeypatch)
    first = list(iter_analyses(_articles(), cache=True))
    assert calls == ["c0", "c1", "c2"]
    with AnalysisCache() as c:
        second = list(iter_analyses(_articles(), cache=c))
        assert c.hits == 3
    assert calls == ["c0", "c1", "c2"]
    assert [a.model_dump() for a in second] == [a.model_dump() for a in first]
    assert second[0].article.text == TEXTS[0]  # the text left out of the row is put back


def test_changed_article_is_analysed_again(monkeypatch: pytest.MonkeyPatch) -> None:
    list(iter_analyses(_articles(), cache=True))
    calls = _count_analyse(monkeypatch)
    changed = _articles()
    changed[1] = changed[1].model_copy(update={"title": "A new title"})
    list(iter_analyses(changed, cache=True))
    assert calls == ["c1"]


def test_key_depends_on_code_fingerprint(monkeypatch: pytest.MonkeyPatch) -> None:
    payload = _articles()[0].model_dump_json()
    before = article_key(payload)
    monkeypatch.setattr(cache_mod, "code_fingerprint", lambda: "other code")
    assert article_key(payload) != before


def test_whole_run_fast_path_and_problems_are_current(monkeypatch: pytest.MonkeyPatch) -> None:
    from dateline.core.model import LoadProblem

    first = build_timeline(_articles(), cache=True)
    calls = _count_analyse(monkeypatch)
    merges: list[int] = []
    real_merge = pipeline.merge.merge
    monkeypatch.setattr(pipeline.merge, "merge", lambda a, p=None: merges.append(1) or real_merge(a, p))
    again = build_timeline(_articles(), [LoadProblem(path="x", reason="y")], cache=True)
    assert calls == [] and merges == []
    assert again.model_dump(exclude={"problems"}) == first.model_dump(exclude={"problems"})
    assert [p.path for p in again.problems] == ["x"]


def test_corrupt_file_is_rebuilt(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "cache"
    folder.mkdir()
    (folder / "analyses.sqlite").write_bytes(os.urandom(8192))
    with AnalysisCache() as c:
        assert c.enabled, c.problem
        list(iter_analyses(_articles(), cache=c))
    calls = _count_analyse(monkeypatch)
    list(iter_analyses(_articles(), cache=True))
    assert calls == []


def test_bad_rows_are_dropped_not_trusted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    list(iter_analyses(_articles(), cache=True))
    db = sqlite3.connect(tmp_path / "cache" / "analyses.sqlite")
    rows = db.execute("SELECT key FROM analyses").fetchall()
    assert len(rows) == 3
    db.execute("UPDATE analyses SET data = ? WHERE key = ?", (b'{"article": 5}', rows[0][0]))
    db.execute("UPDATE analyses SET data = ? WHERE key = ?", (b"\xff\x00 not json", rows[1][0]))
    db.commit()
    db.close()
    calls = _count_analyse(monkeypatch)
    out = list(iter_analyses(_articles(), cache=True))
    assert len(calls) == 2
    assert [a.article.id for a in out] == ["c0", "c1", "c2"]
    calls.clear()
    list(iter_analyses(_articles(), cache=True))  # recomputed rows were written back
    assert calls == []


def test_row_about_another_article_is_not_used(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    list(iter_analyses(_articles(), cache=True))
    db = sqlite3.connect(tmp_path / "cache" / "analyses.sqlite")
    keys = {a.id: article_key(a.model_dump_json()) for a in _articles()}
    other = db.execute("SELECT data FROM analyses WHERE key = ?", (keys["c2"],)).fetchone()[0]
    db.execute("UPDATE analyses SET data = ? WHERE key = ?", (other, keys["c0"]))
    db.commit()
    db.close()
    calls = _count_analyse(monkeypatch)
    out = list(iter_analyses(_articles(), cache=True))
    assert calls == ["c0"]
    assert out[0].article.text == TEXTS[0]


def test_old_schema_is_dropped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    list(iter_analyses(_articles(), cache=True))
    db = sqlite3.connect(tmp_path / "cache" / "analyses.sqlite")
    db.execute("UPDATE meta SET value = 'ancient' WHERE name = 'schema'")
    db.commit()
    db.close()
    calls = _count_analyse(monkeypatch)
    list(iter_analyses(_articles(), cache=True))
    assert calls == ["c0", "c1", "c2"]


def test_unwritable_cache_turns_itself_off(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("DATELINE_CACHE_DIR", str(blocker / "sub"))
    c = AnalysisCache()
    assert not c.enabled and c.problem
    assert len(list(iter_analyses(_articles(), cache=c))) == 3


def test_failures_are_reported_and_not_cached(monkeypatch: pytest.MonkeyPatch) -> None:
    real = pipeline.analyse

    def flaky(article: Article) -> ArticleAnalysis:
        if article.id == "c1":
            raise ValueError("boom")
        return real(article)

    monkeypatch.setattr(pipeline, "analyse", flaky)
    problems: list = []
    out = list(iter_analyses(_articles(), cache=True, problems=problems))
    assert [a.article.id for a in out] == ["c0", "c1", "c2"]
    assert out[1].events == [] and out[1].article.text == TEXTS[1]
    assert [(p.path, p.skipped) for p in problems] == [("c1", False)]
    assert "ValueError: boom" in problems[0].reason
    calls = _count_analyse(monkeypatch)
    list(iter_analyses(_articles(), cache=True))
    assert calls == ["c1"]


def test_workers_give_the_same_results(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pipeline, "PARALLEL_MIN_CHARS", 0)
    monkeypatch.setattr(pipeline, "BATCH_ARTICLES", 2)
    articles = _articles() * 3
    articles = [a.model_copy(update={"id": f"{a.id}-{i}"}) for i, a in enumerate(articles)]
    serial = [a.model_dump() for a in iter_analyses(articles, jobs=1)]
    parallel = [a.model_dump() for a in iter_analyses(articles, jobs=2)]
    assert parallel == serial


def test_cli_uses_the_cache_and_no_cache_leaves_none(tmp_path: Path) -> None:
    import subprocess
    import sys

    root = Path(__file__).resolve().parents[1]
    folder = tmp_path / "in"
    folder.mkdir()
    for i, text in enumerate(TEXTS):
        (folder / f"a{i}.txt").write_text(text)

    def export(cache_dir: Path, *extra: str) -> bytes:
        env = {**os.environ, "DATELINE_CACHE_DIR": str(cache_dir)}
        cmd = [sys.executable, "-m", "dateline.tui.cli", "export", "--format", "json", *extra, str(folder)]
        proc = subprocess.run(cmd, cwd=root, env=env, capture_output=True, check=True, timeout=300)
        return proc.stdout

    first = export(tmp_path / "c1")
    assert (tmp_path / "c1" / "analyses.sqlite").exists()
    assert export(tmp_path / "c1") == first
    assert export(tmp_path / "c2", "--no-cache", "--jobs", "2") == first
    assert not (tmp_path / "c2").exists()


def test_a_run_round_trips_in_chunks_and_damage_is_refused(monkeypatch, tmp_path: Path) -> None:
    from dateline.core import build_timeline, cache, load_paths

    monkeypatch.setattr(cache, "RUN_CHUNK", 2)  # several chunks even for the seeds
    loaded = load_paths([str(Path(__file__).resolve().parents[1] / "seeds")])
    timeline = build_timeline(loaded.articles, loaded.problems)
    assert cache.assemble(cache.unpack_parts(cache.pack_timeline(timeline))) == timeline
    with AnalysisCache(tmp_path) as store:
        store.put_run("k", timeline)
        assert store.get_run("k") == timeline
        assert store.get_run("k", loaded.articles[:1]) is None  # about other articles: refused and dropped
        assert store.iter_run("k") is None
        store.put_run("k", timeline)
        db = sqlite3.connect(tmp_path / cache.FILENAME)
        (n,) = db.execute("SELECT count(*) FROM run_chunks WHERE key = 'k' AND field = 'events'").fetchone()
        assert n >= 2
        with db:
            db.execute("UPDATE run_chunks SET data = substr(data, 1, 10) WHERE key = 'k' AND seq = 3")
        assert store.get_run("k") is None
        assert store.iter_run("k") is None  # the damaged run was deleted
        store.put_run("k", timeline)
        with db:
            db.execute("DELETE FROM run_chunks WHERE key = 'k' AND seq = 1")
        assert store.get_run("k") is None
        db.close()


def _write_folder(folder: Path) -> None:
    folder.mkdir()
    for i, text in enumerate(TEXTS):
        (folder / f"a{i}.txt").write_text(text)
    (folder / "noise.txt").write_bytes(os.urandom(4096))  # a load problem, cached with the run


def test_reopening_the_same_files_loads_nothing_and_a_changed_file_is_seen(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    _write_folder(folder)
    loads: list[int] = []
    first = stream.timeline_for_paths([str(folder)], cache=True, loaded=lambda r: loads.append(1))
    again = stream.timeline_for_paths([str(folder)], cache=True, loaded=lambda r: loads.append(1))
    assert loads == [1]  # the second run came whole from the cache: nothing was loaded
    assert again == first and [p.reason for p in again.problems] == [p.reason for p in first.problems]
    assert any("binary" in p.reason for p in again.problems)
    (folder / "a0.txt").write_text(TEXTS[0].replace("March 2021", "June 2022"))
    changed = stream.timeline_for_paths([str(folder)], cache=True, loaded=lambda r: loads.append(1))
    assert loads == [1, 1]
    assert "June 2022" in changed.articles[0].text
    (folder / "a3.txt").write_text("A new article arrived on 4 June 2022 with more news.")
    more = stream.timeline_for_paths([str(folder)], cache=True, loaded=lambda r: loads.append(1))
    assert loads == [1, 1, 1] and len(more.articles) == len(first.articles) + 1


def test_a_file_changed_while_loading_is_not_cached_under_the_old_key(tmp_path: Path, monkeypatch) -> None:
    from dateline.core import load

    folder = tmp_path / "articles"
    _write_folder(folder)
    real = load.load_paths

    def edit_then_load(paths, **kw):  # the file changes after it was hashed, before it is read
        (folder / "a0.txt").write_text(TEXTS[0] + " It changed.")
        return real(paths, **kw)

    monkeypatch.setattr(load, "load_paths", edit_then_load)
    first = stream.timeline_for_paths([str(folder)], cache=True)
    assert "It changed." in first.articles[0].text
    monkeypatch.setattr(load, "load_paths", real)
    (folder / "a0.txt").write_text(
        TEXTS[0]
    )  # as it was when hashed: the run read from the edit must not show
    again = stream.timeline_for_paths([str(folder)], cache=True)
    assert "It changed." not in again.articles[0].text


def test_fingerprint_follows_what_the_loader_reads(tmp_path: Path) -> None:
    from dateline.core.load import fingerprint

    folder = tmp_path / "articles"
    _write_folder(folder)
    before = fingerprint([folder])
    assert before == fingerprint([folder]) and before != fingerprint([folder / "a0.txt"])
    (folder / "picture.png").write_bytes(b"not read")  # not an article suffix: the loader ignores it
    (folder / ".hidden.txt").write_text("hidden files are skipped")
    assert fingerprint([folder]) == before
    (folder / "a1.txt").write_text(TEXTS[1] + " ")
    assert fingerprint([folder]) != before
    assert fingerprint(["-"]) is None


@pytest.mark.parametrize(
    "damage",
    [
        "UPDATE runs SET chunks = NULL",
        "UPDATE runs SET chunks = 'many'",
        "UPDATE runs SET chunks = 0",
        "UPDATE runs SET chunks = 2",
        "UPDATE run_chunks SET data = CAST(data AS TEXT) WHERE seq = 0",
        "UPDATE run_chunks SET field = 7 WHERE seq = 0",
    ],
)
def test_a_run_row_of_the_wrong_shape_is_rebuilt_not_raised(tmp_path: Path, damage: str) -> None:
    folder = tmp_path / "articles"
    _write_folder(folder)
    first = stream.timeline_for_paths([str(folder)], cache=True)
    db = sqlite3.connect(tmp_path / "cache" / cache_mod.FILENAME)
    with db:
        db.execute(damage)
    db.close()
    loads: list[int] = []
    again = stream.timeline_for_paths([str(folder)], cache=True, loaded=lambda r: loads.append(1))
    assert again == first and loads == [1]  # read again from the files, not served short


def test_a_cached_run_reads_while_another_process_writes_the_cache(tmp_path: Path) -> None:
    from dateline.core import cache

    loaded = [Article(id="w", text=TEXTS[0], published_given="2021-02-01")]
    timeline = build_timeline(loaded)
    with AnalysisCache(tmp_path) as store:
        store.put_run("k", timeline)
        other = sqlite3.connect(tmp_path / cache.FILENAME, isolation_level=None)
        other.execute("BEGIN IMMEDIATE")  # another dateline holds the write lock
        try:
            assert store.get_run("k") == timeline
            assert store.enabled and store.problem is None  # "last used" skipped, the cache still on
        finally:
            other.execute("ROLLBACK")
            other.close()
