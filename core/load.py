"""Step 1 — load: files, folders (recursive) or ``-`` (stdin) into :class:`Article` models.

The only module of ``core`` that does I/O. Bad input never raises: each file or line that cannot be used is
reported as a :class:`LoadProblem` and skipped, and everything else still loads.
"""

from __future__ import annotations

import json
import os
import re
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from core.model import Article, LoadProblem

SUFFIXES = (".txt", ".md", ".json", ".jsonl", ".text", ".markdown", ".ndjson")
MAX_BYTES = 5 * 1024 * 1024  # read at most this much of one file; documented in the README
TEXT_FIELDS = ("text", "body", "content")
DATE_FIELDS = ("published", "date", "published_at", "pubdate")


@dataclass(slots=True)
class Source:
    """Raw material for one article before parsing into the model."""

    id: str
    text: str
    path: str | None = None
    meta: dict[str, str] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)


@dataclass(slots=True)
class LoadResult:
    articles: list[Article] = field(default_factory=list)
    problems: list[LoadProblem] = field(default_factory=list)


def load_paths(paths: Iterable[str | os.PathLike[str]], *, max_bytes: int = MAX_BYTES) -> LoadResult:
    """Load every article under ``paths`` (files, folders, or ``-`` for stdin)."""
    result = LoadResult()
    ids: set[str] = set()
    for raw in paths:
        if str(raw) == "-":
            data = sys.stdin.buffer.read(max_bytes + 1)
            _load_bytes("<stdin>", "stdin", data, max_bytes, result, ids)
            continue
        path = Path(raw)
        if path.is_dir():
            for file in _walk(path, result):
                _load_file(file, max_bytes, result, ids)
        elif path.exists():
            _load_file(path, max_bytes, result, ids)
        else:
            result.problems.append(LoadProblem(path=str(path), reason="no such file or directory"))
    return result


def _walk(root: Path, result: LoadResult) -> list[Path]:
    """Files under ``root`` in a stable order; symlink loops and unreadable folders are reported, not fatal."""
    found: list[Path] = []
    seen: set[tuple[int, int]] = set()

    def onerror(err: OSError) -> None:
        result.problems.append(
            LoadProblem(path=str(err.filename), reason=f"cannot read folder: {err.strerror}")
        )

    for dirpath, dirnames, filenames in os.walk(root, followlinks=True, onerror=onerror):
        try:
            st = os.stat(dirpath)
        except OSError:
            continue
        key = (st.st_dev, st.st_ino)
        if key in seen:
            result.problems.append(LoadProblem(path=dirpath, reason="symlink loop: folder already visited"))
            dirnames[:] = []
            continue
        seen.add(key)
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if name.startswith("."):
                continue
            p = Path(dirpath) / name
            if p.suffix.lower() in SUFFIXES:
                found.append(p)
    return found


def _load_file(path: Path, max_bytes: int, result: LoadResult, ids: set[str]) -> None:
    try:
        with path.open("rb") as fh:
            data = fh.read(max_bytes + 1)
    except OSError as exc:
        result.problems.append(LoadProblem(path=str(path), reason=f"cannot read: {exc.strerror or exc}"))
        return
    _load_bytes(str(path), path.stem, data, max_bytes, result, ids, suffix=path.suffix.lower())


def _load_bytes(
    name: str,
    stem: str,
    data: bytes,
    max_bytes: int,
    result: LoadResult,
    ids: set[str],
    suffix: str = "",
) -> None:
    notes: list[str] = []
    if len(data) > max_bytes:
        data = data[:max_bytes]
        notes.append(f"truncated: only the first {max_bytes // (1024 * 1024)} MB were read")
        result.problems.append(LoadProblem(path=name, reason=notes[-1], skipped=False))
    if not data.strip():
        result.problems.append(LoadProblem(path=name, reason="empty file"))
        return
    text, note = decode(data)
    if text is None:
        result.problems.append(LoadProblem(path=name, reason=note or "binary file"))
        return
    if note:
        notes.append(note)
    if not suffix:
        suffix = ".jsonl" if text.lstrip().startswith("{") else ".txt"
    sources: list[Source] = []
    if suffix in (".json",):
        sources = _from_json(name, stem, text, result)
    elif suffix in (".jsonl", ".ndjson"):
        sources = _from_jsonl(name, stem, text, result)
    elif suffix in (".md", ".markdown"):
        sources = [_from_markdown(name, stem, text)]
    else:
        sources = [Source(id=stem, text=text, path=name)]
    for src in sources:
        src.notes[:0] = notes
        article = _to_article(src, ids)
        if article is None:
            result.problems.append(LoadProblem(path=src.path or name, reason="no article text"))
        else:
            result.articles.append(article)


def decode(data: bytes) -> tuple[str | None, str | None]:
    """Bytes to text: UTF-8 (BOM removed), else cp1252/Latin-1 with a note; ``None`` for binary data."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "decoded as UTF-16"
        except UnicodeDecodeError:
            return None, "undecodable UTF-16"
    sample = data[:8192]
    if b"\x00" in sample or _binary_ratio(sample) > 0.1:
        return None, "binary file (not text)"
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "not valid UTF-8: decoded as cp1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "not valid UTF-8: decoded as Latin-1"


def _binary_ratio(sample: bytes) -> float:
    if not sample:
        return 0.0
    bad = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13, 27))
    return bad / len(sample)


def _from_json(name: str, stem: str, text: str, result: LoadResult) -> list[Source]:
    try:
        obj = json.loads(text)
    except ValueError as exc:
        result.problems.append(LoadProblem(path=name, reason=f"malformed JSON: {exc}"))
        return []
    items = obj if isinstance(obj, list) else [obj]
    out: list[Source] = []
    for i, item in enumerate(items):
        src = _from_object(item, f"{stem}-{i + 1}" if len(items) > 1 else stem, name)
        if src is None:
            result.problems.append(LoadProblem(path=f"{name}[{i}]", reason="not an article object"))
        else:
            out.append(src)
    return out


def _from_jsonl(name: str, stem: str, text: str, result: LoadResult) -> list[Source]:
    out: list[Source] = []
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except ValueError as exc:
            result.problems.append(LoadProblem(path=f"{name}:{lineno}", reason=f"malformed JSON line: {exc}"))
            continue
        src = _from_object(item, f"{stem}-{lineno}", name)
        if src is None:
            result.problems.append(LoadProblem(path=f"{name}:{lineno}", reason="not an article object"))
        else:
            out.append(src)
    return out


def _from_object(item: object, fallback_id: str, name: str) -> Source | None:
    if not isinstance(item, dict):
        return None
    body = next((item[k] for k in TEXT_FIELDS if isinstance(item.get(k), str) and item[k].strip()), None)
    if body is None:
        return None
    meta = {k: str(v) for k, v in item.items() if k not in TEXT_FIELDS and isinstance(v, str | int | float)}
    given = meta.get("id")
    return Source(id=given or fallback_id, text=body, path=name, meta=meta)


_FRONT = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*\r?\n", re.S)


def _from_markdown(name: str, stem: str, text: str) -> Source:
    meta: dict[str, str] = {}
    m = _FRONT.match(text)
    if m:
        for line in m.group(1).splitlines():
            key, sep, value = line.partition(":")
            if sep and key.strip():
                meta[key.strip().lower()] = value.strip().strip("\"'")
        # blank out the front matter so offsets into the text stay those of the file
        text = " " * m.end() + text[m.end() :]
    return Source(id=stem, text=text, path=name, meta=meta)


def _to_article(src: Source, ids: set[str]) -> Article | None:
    from core.clean import normalise_text

    text = normalise_text(src.text)
    if not text.strip():
        return None
    aid = re.sub(r"[^\w.-]+", "_", src.id).strip("_") or "article"
    base, n = aid, 1
    while aid in ids:
        n += 1
        aid = f"{base}-{n}"
    ids.add(aid)
    meta = src.meta
    published = next((meta[k] for k in DATE_FIELDS if meta.get(k)), None)
    return Article(
        id=aid,
        path=src.path,
        external_id=meta.get("id"),
        title=meta.get("title") or None,
        text=text,
        source=meta.get("source") or None,
        author=meta.get("author") or None,
        url=meta.get("url") or None,
        published_given=published,
        notes=src.notes,
    )
