"""On-disk cache of per-article analyses, so reopening the same articles is near-instant.

One SQLite file (standard library) under ``platformdirs.user_cache_dir("dateline")``, or the folder named by
the ``DATELINE_CACHE_DIR`` environment variable. A row maps a key to the JSON of one
:class:`ArticleAnalysis`. The key hashes the loaded article (``Article.model_dump_json()``, so text *and*
metadata), :data:`dateline.core.model.PIPELINE_VERSION` and a fingerprint of the pipeline's own source code, so
editing an extractor never serves stale results.

Nothing read back is trusted: the file carries a schema version (another version is dropped and rebuilt), a
file SQLite cannot read is deleted and rebuilt, and every row is validated with pydantic on the way out (a
row that fails is deleted and recomputed). Any other SQLite failure turns the cache off for the run
(:attr:`AnalysisCache.problem` says why) rather than failing the run.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import sqlite3
import time
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from pathlib import Path

from pydantic import TypeAdapter, ValidationError

from dateline.core.gcpause import paused_gc
from dateline.core.model import (
    PIPELINE_VERSION,
    Actor,
    Article,
    ArticleAnalysis,
    Event,
    LoadProblem,
    Quote,
    TimeExpression,
    Timeline,
)

SCHEMA_VERSION = "3"  # 2: runs stored in chunks; 3: runs keep texts and problems, keyed by files too
FILENAME = "analyses.sqlite"
KEEP_RUNS = 4  # whole-run Timelines kept (the fast path for reopening the same folder)
MAX_CACHE_BYTES = 2 * 1024 * 1024 * 1024  # past this, the least recently used rows are dropped
NOT_ANALYSIS = frozenset(
    {"load.py", "cache.py", "export.py", "stream.py", "__init__.py"}
)  # no effect on analyse()
_MANY = TypeAdapter(list[ArticleAnalysis])


_COLUMNS = {  # the layout of each table (a cache of another layout is rebuilt, not turned off run after run)
    "meta": ("name", "value"),
    "analyses": ("key", "data", "used"),
    "runs": ("key", "used", "chunks"),
    "run_chunks": ("key", "seq", "field", "data"),
}


def _default_folder() -> Path:
    import platformdirs

    return Path(platformdirs.user_cache_dir("dateline"))


def default_dir() -> Path:
    """Where the cache lives: ``$DATELINE_CACHE_DIR`` or the platform's user cache folder."""
    env = os.environ.get("DATELINE_CACHE_DIR")
    return Path(env) if env else _default_folder()


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """Hash of PIPELINE_VERSION, every file of ``core`` analyse() may read (modules and any data files), and
    the versions of the libraries the steps use: change any of them and no old row matches."""
    h = hashlib.sha256(f"{PIPELINE_VERSION}\0{SCHEMA_VERSION}\0".encode())
    root = Path(__file__).resolve().parent
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        rel = path.relative_to(root).as_posix()
        if rel in NOT_ANALYSIS or "__pycache__" in rel or path.suffix in (".pyc", ".pyo"):
            continue
        h.update(rel.encode() + b"\0" + path.read_bytes() + b"\0")
    from importlib.metadata import PackageNotFoundError, version

    for dist in ("dateparser", "countryinfo", "rapidfuzz", "pydantic"):
        with contextlib.suppress(PackageNotFoundError):  # e.g. a frozen build: the source hash still applies
            h.update(f"{dist}={version(dist)}\0".encode())
    return h.hexdigest()


@lru_cache(maxsize=1)
def _reader_versions() -> str:
    """The versions of the libraries that read pages and feeds: they decide what an HTML or feed article is."""
    from importlib.metadata import PackageNotFoundError, version

    found = []
    for dist in ("trafilatura", "htmldate", "feedparser", "lxml"):
        with contextlib.suppress(PackageNotFoundError):
            found.append(f"{dist}={version(dist)}")
    return "\0".join(found)


def article_key(article_json: str | bytes) -> str:
    """Cache key of one loaded article, from its ``model_dump_json()``."""
    data = article_json.encode("utf-8", "surrogatepass") if isinstance(article_json, str) else article_json
    return hashlib.blake2b(code_fingerprint().encode() + b"\0" + data, digest_size=20).hexdigest()


def pack(analysis: ArticleAnalysis, text: str) -> bytes:
    """JSON of ``analysis`` for the cache, leaving out the article text when it is ``text`` (the loaded
    article's, which the key already pins down): half the bytes to read back and validate."""
    if analysis.article.text == text:
        analysis = analysis.model_copy(update={"article": analysis.article.model_copy(update={"text": ""})})
    return analysis.model_dump_json().encode()


def unpack(analysis: ArticleAnalysis, article: Article) -> ArticleAnalysis | None:
    """Put back the text :func:`pack` left out; ``None`` when ``analysis`` is not about ``article``."""
    if analysis.article.id != article.id:
        return None
    if analysis.article.text == "":
        analysis.article.text = article.text
    return analysis


def run_key(keys: Sequence[str]) -> str:
    """Key of a whole run: the article keys in order (order matters: it decides ids and ties)."""
    h = hashlib.blake2b(digest_size=20)
    h.update("\n".join(keys).encode())
    return h.hexdigest()


def files_key(paths: Sequence[str]) -> str | None:
    """Key of a whole run over the files under ``paths``: what the loader would read (one hash of the files,
    no parsing: :func:`dateline.core.load.fingerprint`), the loader's own code (it decides what an article is) and
    the pipeline's. ``None`` when the input cannot be read twice (stdin). The fast path for reopening: look
    the run up with :meth:`AnalysisCache.iter_run`."""
    from dateline.core.load import fingerprint

    found = fingerprint(paths)
    if found is None:
        return None
    loader = (Path(__file__).resolve().parent / "load.py").read_bytes()
    h = hashlib.blake2b(code_fingerprint().encode() + b"\0" + loader + b"\0", digest_size=20)
    h.update(_reader_versions().encode())
    h.update(found.encode())
    return "files:" + h.hexdigest()


RUN_CHUNK = 1000  # items per stored chunk of a run: reading back validates (and holds) one chunk at a time
# Events first (in timeline order), then what the app's panes show: it can show them while the rest is read.
RUN_FIELDS = ("events", "actors", "quotes", "articles", "timexes", "problems")
_RUN_ADAPTERS = {
    "articles": TypeAdapter(list[Article]),
    "events": TypeAdapter(list[Event]),
    "actors": TypeAdapter(list[Actor]),
    "quotes": TypeAdapter(list[Quote]),
    "timexes": TypeAdapter(list[TimeExpression]),
    "problems": TypeAdapter(list[LoadProblem]),
}
RunPart = tuple[str, list]  # (a Timeline field, the next items of it)


def pack_timeline(timeline: Timeline) -> Iterator[tuple[str, bytes]]:
    """A merged Timeline for the cache: each list in chunks of RUN_CHUNK items, each chunk its own JSON array
    (``(field, json)``, fields in RUN_FIELDS order), so reading back validates a chunk at a time."""
    for name in RUN_FIELDS:
        items = getattr(timeline, name)
        for i in range(0, max(len(items), 1), RUN_CHUNK):
            yield name, _RUN_ADAPTERS[name].dump_json(items[i : i + RUN_CHUNK])


def unpack_parts(chunks: Iterable[tuple[str, bytes]]) -> Iterator[RunPart]:
    """Validate packed chunks one by one; raises ValueError (or ValidationError) on anything out of shape."""
    order = {name: i for i, name in enumerate(RUN_FIELDS)}
    last = 0
    for name, data in chunks:
        if order.get(name, -1) < last:
            raise ValueError(f"unexpected chunk {name!r}")
        last = order[name]
        yield name, _RUN_ADAPTERS[name].validate_json(data)


def assemble(parts: Iterable[RunPart]) -> Timeline:
    fields: dict[str, list] = {name: [] for name in RUN_FIELDS}
    for name, items in parts:
        fields[name].extend(items)
    return Timeline(**fields)


class RunUnreadable(Exception):
    """A cached run turned out damaged while being read (it has been deleted)."""


class AnalysisCache:
    """A key → :class:`ArticleAnalysis` store. Never raises on I/O or corruption: it turns itself off."""

    def __init__(self, folder: str | os.PathLike[str] | None = None) -> None:
        self.path = Path(folder) if folder is not None else default_dir()
        self.path = self.path / FILENAME
        self.problem: str | None = None
        self.hits = 0
        self.misses = 0
        self._db: sqlite3.Connection | None = None
        self._pending: list[tuple[str, bytes, int]] = []
        self._wrote = False
        try:
            self._db = self._open()
        except (sqlite3.Error, OSError) as exc:
            self._db = None
            self.problem = f"cache disabled: {exc}"

    @property
    def enabled(self) -> bool:
        return self._db is not None

    def _open(self) -> sqlite3.Connection:
        self._private()
        try:
            return self._connect()
        except sqlite3.DatabaseError:
            self._remove()  # not a database, malformed, or another schema: rebuild from nothing
            self._private()
            return self._connect()

    def _private(self) -> None:
        """The cache holds full article texts: its folder is made ``0700`` (and the default folder, ours,
        kept so), its file ``0600`` before SQLite opens it (SQLite gives its -wal and -shm files the same
        mode). A folder named by ``$DATELINE_CACHE_DIR`` that exists already is left as it is."""
        folder = self.path.parent
        existed = folder.is_dir()
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        if not existed or folder == _default_folder():
            with contextlib.suppress(OSError):
                if folder.stat().st_mode & 0o077:
                    folder.chmod(0o700)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            if os.fstat(fd).st_mode & 0o077:
                os.fchmod(fd, 0o600)
        finally:
            os.close(fd)

    def _connect(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, timeout=5, isolation_level=None, check_same_thread=False)
        try:
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")
            db.execute("CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT NOT NULL)")
            row = db.execute("SELECT value FROM meta WHERE name = 'schema'").fetchone()
            if row is None or row[0] != SCHEMA_VERSION:
                db.execute("DROP TABLE IF EXISTS analyses")
                db.execute("DROP TABLE IF EXISTS runs")
                db.execute("DROP TABLE IF EXISTS run_chunks")
                db.execute("INSERT OR REPLACE INTO meta VALUES ('schema', ?)", (SCHEMA_VERSION,))
            db.execute(
                "CREATE TABLE IF NOT EXISTS analyses"
                " (key TEXT PRIMARY KEY, data BLOB NOT NULL, used INTEGER NOT NULL) WITHOUT ROWID"
            )
            db.execute(
                "CREATE TABLE IF NOT EXISTS runs (key TEXT PRIMARY KEY, used REAL NOT NULL, chunks INTEGER)"
            )
            db.execute(
                "CREATE TABLE IF NOT EXISTS run_chunks (key TEXT NOT NULL, seq INTEGER NOT NULL, field TEXT NOT NULL,"
                " data BLOB NOT NULL, PRIMARY KEY (key, seq))"  # (rowid: big rows read fast)
            )
            for table, columns in _COLUMNS.items():  # tables of another layout under this schema's name
                found = tuple(r[1] for r in db.execute(f"PRAGMA table_info({table})"))
                if found != columns:
                    raise sqlite3.DatabaseError(f"table {table} has columns {found}, not {columns}")
            ok = db.execute("PRAGMA quick_check(1)").fetchone()
            if ok is None or ok[0] != "ok":
                raise sqlite3.DatabaseError(f"integrity check failed: {ok}")
        except sqlite3.Error:
            db.close()
            raise
        return db

    def _remove(self) -> None:
        for suffix in ("", "-wal", "-shm", "-journal"):
            with contextlib.suppress(FileNotFoundError):
                os.remove(f"{self.path}{suffix}")

    def _fail(self, exc: Exception) -> None:
        self.problem = f"cache disabled: {exc}"
        if self._db is not None:
            with contextlib.suppress(sqlite3.Error):
                self._db.close()
        self._db = None

    def get_many(self, keys: Sequence[str]) -> dict[str, ArticleAnalysis]:
        """The cached analyses among ``keys`` (validated; bad rows are dropped and treated as misses)."""
        if self._db is None or not keys:
            self.misses += len(keys)
            return {}
        try:
            rows = self._select(keys)
        except sqlite3.Error as exc:
            self._fail(exc)
            self.misses += len(keys)
            return {}
        found = _validate([(k, d) for k, d in rows if d is not None])
        bad = [k for k, _ in rows if k not in found]
        if bad:
            self._delete(bad)
        self.hits += len(found)
        self.misses += len(keys) - len(found)
        return found

    def _select(self, keys: Sequence[str]) -> list[tuple[str, bytes | None]]:
        assert self._db is not None
        db = self._db
        db.execute("CREATE TEMP TABLE IF NOT EXISTS wanted (k TEXT PRIMARY KEY) WITHOUT ROWID")
        db.execute("BEGIN")
        try:
            db.execute("DELETE FROM wanted")
            db.executemany("INSERT OR IGNORE INTO wanted VALUES (?)", ((k,) for k in keys))
            rows = db.execute("SELECT key, data FROM analyses JOIN wanted ON key = k").fetchall()
            today = int(time.time()) // 86400 * 86400  # "last used", to the day, for trimming
            db.execute(
                "UPDATE analyses SET used = ? WHERE used < ? AND key IN (SELECT k FROM wanted)",
                (today, today),
            )
            db.execute("DELETE FROM wanted")
            db.execute("COMMIT")
        except sqlite3.Error:
            if db.in_transaction:
                db.execute("ROLLBACK")
            raise
        return [(k, _blob(d)) for k, d in rows]

    def _delete(self, keys: Iterable[str]) -> None:
        if self._db is None:
            return
        try:
            self._db.executemany("DELETE FROM analyses WHERE key = ?", ((k,) for k in keys))
        except sqlite3.Error as exc:
            self._fail(exc)

    def put(self, key: str, analysis_json: bytes) -> None:
        """Queue one analysis (its ``model_dump_json()``); written in batches, and by :meth:`flush`."""
        if self._db is None:
            return
        self._pending.append((key, analysis_json, int(time.time())))
        if len(self._pending) >= 256:
            self.flush()

    def flush(self) -> None:
        if self._db is None or not self._pending:
            self._pending.clear()
            return
        pending, self._pending = self._pending, []
        self._wrote = True
        try:
            with self._db:
                self._db.execute("BEGIN")
                self._db.executemany("INSERT OR REPLACE INTO analyses VALUES (?, ?, ?)", pending)
        except sqlite3.Error as exc:
            self._fail(exc)

    def get_run(self, key: str, articles: Sequence[Article] | None = None) -> Timeline | None:
        """The whole merged Timeline of a run (over exactly ``articles``, when given), if cached (validated)."""
        parts = self.iter_run(key)
        if parts is None:
            return None
        try:
            with paused_gc():
                timeline = assemble(parts)
        except RunUnreadable:
            return None
        if articles is not None and [a.id for a in timeline.articles] != [a.id for a in articles]:
            self.forget_run(key)
            return None
        return timeline

    def iter_run(self, key: str) -> Iterator[RunPart] | None:
        """A cached run's parts as they are read and validated, a chunk at a time (events first, in order);
        ``None`` when there is no such run. A damaged run is deleted, and the iterator raises
        :class:`RunUnreadable` when it meets the damage."""
        if self._db is None:
            return None
        try:
            row = self._db.execute("SELECT chunks FROM runs WHERE key = ?", (key,)).fetchone()
            if row is None:
                return None
        except sqlite3.Error as exc:
            self._fail(exc)
            return None
        # "last used" is only a hint for trimming: when another dateline is writing the cache, skip it at once
        # rather than wait for the lock (or turn the cache off)
        try:
            self._db.execute("PRAGMA busy_timeout = 0")
            try:
                self._db.execute("UPDATE runs SET used = ? WHERE key = ?", (time.time(), key))
            finally:
                self._db.execute("PRAGMA busy_timeout = 5000")
        except sqlite3.OperationalError:
            pass
        except sqlite3.Error as exc:
            self._fail(exc)
            return None
        return self._read_run(key, row[0])

    def _read_run(self, key: str, expected: int) -> Iterator[RunPart]:
        try:
            db = self._db
            assert db is not None
            seen: set[str] = set()
            for seq in range(expected):  # one chunk in memory at a time
                row = db.execute("SELECT field, data FROM run_chunks WHERE key = ? AND seq = ?", (key, seq))
                found = row.fetchone()
                if found is None:
                    raise ValueError("missing chunk")
                data = _blob(found[1])
                if data is None:
                    raise ValueError("a chunk that is no blob")
                yield from unpack_parts([(found[0], data)])
                seen.add(found[0])
                time.sleep(0)  # let other threads (an app's screen) run between chunks
            # Every field has a chunk, even an empty one: fewer means the run was cut short.
            if len(seen) != len(RUN_FIELDS):
                raise ValueError("missing field")
        except (ValidationError, ValueError, TypeError, sqlite3.Error) as exc:  # TypeError: a row's SQL type
            self.forget_run(key)
            raise RunUnreadable(str(exc)) from None

    def put_run(self, key: str, timeline: Timeline) -> None:
        """Store a run's merged Timeline; keeps the few most recent runs."""
        if self._db is None:
            return
        try:
            with self._db:
                self._db.execute("BEGIN")
                self._db.execute("DELETE FROM run_chunks WHERE key = ?", (key,))
                n = 0
                for n, (name, data) in enumerate(pack_timeline(timeline), 1):
                    self._db.execute("INSERT INTO run_chunks VALUES (?, ?, ?, ?)", (key, n - 1, name, data))
                self._db.execute("INSERT OR REPLACE INTO runs VALUES (?, ?, ?)", (key, time.time(), n))
                self._db.execute(
                    "DELETE FROM runs WHERE key NOT IN (SELECT key FROM runs ORDER BY used DESC LIMIT ?)",
                    (KEEP_RUNS,),
                )
                self._db.execute("DELETE FROM run_chunks WHERE key NOT IN (SELECT key FROM runs)")
        except sqlite3.Error as exc:
            self._fail(exc)

    def forget_run(self, key: str) -> None:
        """Drop a cached run (damaged, or one whose files changed while they were read)."""
        if self._db is None:
            return
        try:
            with self._db:
                self._db.execute("BEGIN")
                self._db.execute("DELETE FROM runs WHERE key = ?", (key,))
                self._db.execute("DELETE FROM run_chunks WHERE key = ?", (key,))
        except sqlite3.Error as exc:
            self._fail(exc)

    def trim(self, max_bytes: int = MAX_CACHE_BYTES) -> None:
        """Drop the least recently used rows while the file is larger than ``max_bytes``."""
        if self._db is None:
            return
        try:
            size = self.path.stat().st_size
            if size <= max_bytes:
                return
            (count,) = self._db.execute("SELECT count(*) FROM analyses").fetchone()
            drop = int(count * (1 - max_bytes / size * 0.8)) + 1
            with self._db:
                self._db.execute("BEGIN")
                self._db.execute(
                    "DELETE FROM analyses WHERE key IN (SELECT key FROM analyses ORDER BY used LIMIT ?)",
                    (drop,),
                )
            self._db.execute("VACUUM")
        except (sqlite3.Error, OSError) as exc:
            self._fail(exc)

    def close(self) -> None:
        self.flush()
        if self._wrote:
            self.trim()
        if self._db is not None:
            with contextlib.suppress(sqlite3.Error):
                self._db.close()
            self._db = None

    def __enter__(self) -> AnalysisCache:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _blob(value: object) -> bytes | None:
    """A stored blob as bytes, or None when SQLite handed back another type: its columns take any type, and
    ``bytes(n)`` of a stored integer would allocate n zero bytes, of a float raise. Dateline writes blobs
    only: any other type is damage, dropped and rebuilt."""
    if isinstance(value, bytes):
        return value
    if isinstance(value, memoryview | bytearray):
        return bytes(value)
    return None


def _validate(rows: list[tuple[str, bytes]], chunk: int = 512) -> dict[str, ArticleAnalysis]:
    """Validate rows, ``chunk`` at a time in one pydantic call each (fast, and no corpus-sized buffer); a
    chunk that fails is validated row by row, keeping the good rows."""
    out: dict[str, ArticleAnalysis] = {}
    with paused_gc():
        for i in range(0, len(rows), chunk):
            part = rows[i : i + chunk]
            try:
                many = _MANY.validate_json(b"[" + b",".join(d for _, d in part) + b"]")
                pairs = [(k, a) for (k, _), a in zip(part, many, strict=True)]  # all or nothing
                out.update(pairs)
                continue
            except (ValidationError, ValueError):
                pass
            for key, data in part:
                try:
                    out[key] = ArticleAnalysis.model_validate_json(data)
                except (ValidationError, ValueError):
                    continue
    return out
