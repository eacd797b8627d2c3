"""Step 1 — load: files, folders (recursive) or ``-`` (stdin) into :class:`Article` models.

The only module of ``core`` that reads files. Bad input never raises: each file or JSON line that cannot be
used is reported once as a :class:`LoadProblem` (by name and reason) and skipped, and everything else still
loads.

Formats, chosen by suffix (or sniffed for stdin and files without a suffix):

* ``.txt``/``.text`` — the whole file is the article text.
* ``.md``/``.markdown`` — optional ``---`` front matter (``title``, ``date``/``published``, ``source``,
  ``author``, ``url``); the front matter is blanked to spaces so offsets stay those of the file. Without a
  ``title`` the first ``# heading`` is the title.
* ``.json`` — one article object, a list of them, or an object holding such a list under ``articles``,
  ``items``, ``data``, ``stories`` or ``results``. The text is the first of ``text``/``body``/``content``.
* ``.jsonl``/``.ndjson`` — one article object per line, read line by line.
* ``.html``/``.htm`` (or an ``html`` field of a JSON object without text) — a saved web page: its main text
  and metadata; ``.xml``/``.rss``/``.atom`` — an RSS or Atom feed, one article per entry. Both are read by
  :mod:`dateline.core.web`; files without a telling suffix that start like a page or a feed are read so too.

Encoding: UTF-8 (a BOM is dropped), UTF-16 with a BOM, else cp1252 and finally Latin-1, with a note on the
article. Limits (see README "Limits"): one article's text is read up to :data:`MAX_BYTES`; JSON collections
up to :data:`MAX_COLLECTION_BYTES`; a JSONL line up to :data:`MAX_LINE_BYTES`. Text past a limit is dropped
with a warning (the article still loads).
"""

from __future__ import annotations

import io
import json
import os
import re
import stat
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from dateline.core.clean import normalise_text, printable
from dateline.core.model import Article, LoadProblem
from dateline.core.published import parse_given
from dateline.core.web import FEED_SUFFIXES, HTML_SUFFIXES, MAX_HTML_BYTES, WebText, sniff

SUFFIXES = (".txt", ".md", ".json", ".jsonl", ".text", ".markdown", ".ndjson", *HTML_SUFFIXES, *FEED_SUFFIXES)
JSON_SUFFIXES = (".json",)
JSONL_SUFFIXES = (".jsonl", ".ndjson")
MARKDOWN_SUFFIXES = (".md", ".markdown")

MAX_BYTES = 2 * 1024 * 1024  # one article's text: a plain or Markdown file, or one JSON record's text field
MAX_COLLECTION_BYTES = 256 * 1024 * 1024  # a whole .json file (parsed in one piece) or stdin
MAX_LINE_BYTES = 8 * 1024 * 1024  # one JSONL line (a record with its JSON escapes)
MAX_FIELD_CHARS = 1000  # a metadata field (title, author, ...) beyond this is cut

TEXT_FIELDS = ("text", "body", "content")
DATE_FIELDS = ("published", "date", "published_at", "publishedAt", "pubdate", "pubDate", "datePublished")
LIST_FIELDS = ("articles", "items", "data", "stories", "results")
META_FIELDS = ("id", "title", "source", "author", "url", "headline", "link", "byline", *DATE_FIELDS)
_MB = 1024 * 1024


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


class _Loader:
    """State of one ``load_paths`` call: results, ids taken, and files already read (no file loads twice)."""

    def __init__(self, max_bytes: int) -> None:
        self.max_bytes = max_bytes
        self.result = LoadResult()
        self.ids = UniqueIds()
        self.files_seen: set[tuple[int, int]] = set()

    def problem(self, name: str, reason: str, *, skipped: bool = True) -> None:
        self.result.problems.append(LoadProblem(path=name, reason=reason, skipped=skipped))

    def add(self, src: Source, name: str) -> None:
        if len(src.text) > self.max_bytes:
            self.problem(
                src.path or name, f"text longer than {self.max_bytes} characters: truncated", skipped=False
            )
        article = _to_article(src, self.ids, self.max_bytes)
        if article is None:
            self.problem(src.path or name, "no article text")
            return
        for note in article.notes:
            if note.startswith(UTF8_REPLACED):  # said on stderr too: the text holds replacement characters
                self.problem(article_name(article), note, skipped=False)
        given = article.published_given
        if given and parse_given(given) is None:  # relative, partial or junk: never a day read off the clock
            reason = f"published date “{given}” is not a calendar date (day, month and year): ignored"
            article.notes.append(reason)
            self.problem(article_name(article), reason, skipped=False)
        self.result.articles.append(article)


def article_name(article: Article) -> str:
    """How a problem names an article: its file, and its id when the file holds several (JSON, JSON lines)."""
    if article.path is None:
        return article.id
    stem = article.path.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    return article.path if article.id == stem else f"{article.path} ({article.id})"


def load_paths(paths: Iterable[str | os.PathLike[str]], *, max_bytes: int = MAX_BYTES) -> LoadResult:
    """Load every article under ``paths`` (files, folders, or ``-`` for stdin). Never raises on bad input."""
    from dateline.core.cache import paused_gc

    with paused_gc():
        return _load_all(paths, max_bytes)


def _load_all(paths: Iterable[str | os.PathLike[str]], max_bytes: int) -> LoadResult:
    loader = _Loader(max_bytes)
    for raw in paths:
        if str(raw) == "-":
            try:
                data = _read_upto(sys.stdin.buffer, MAX_COLLECTION_BYTES + 1)
            except (AttributeError, OSError, ValueError) as exc:  # no stdin, closed, or unreadable
                loader.problem("<stdin>", f"cannot read: {exc}")
                continue
            if len(data) > MAX_COLLECTION_BYTES:
                loader.problem(
                    "<stdin>", f"only the first {MAX_COLLECTION_BYTES // _MB} MB were read", skipped=False
                )
            _load_stream(
                loader, "<stdin>", "stdin", io.BufferedReader(io.BytesIO(data[:MAX_COLLECTION_BYTES])), ""
            )
            continue
        path = Path(raw)
        name = display_path(path)
        try:
            st = path.stat()
        except OSError as exc:
            if os.path.lexists(path):
                loader.problem(name, f"cannot open: {_why(exc)} (broken symlink or symlink loop?)")
            else:
                loader.problem(name, "no such file or directory")
            continue
        if stat.S_ISDIR(st.st_mode):
            for file in _walk(path, loader):
                _load_file(loader, file, explicit=False)
        else:
            _load_file(loader, path, explicit=True)
    return loader.result


def fingerprint(paths: Iterable[str | os.PathLike[str]], *, max_bytes: int = MAX_BYTES) -> str | None:
    """A hash of everything ``load_paths(paths)`` would read, without parsing it: the files it would open, in
    order, by name and content, and what the folder walk reported. Equal fingerprints mean equal loads, so
    a whole run can be cached under it. ``None`` when the input cannot be read twice (stdin, a FIFO or
    device named on the command line)."""
    import hashlib

    h = hashlib.blake2b(f"dateline-load\0{max_bytes}\0".encode(), digest_size=20)
    walk = _Loader(max_bytes)
    for raw in paths:
        if str(raw) == "-":
            return None
        path = Path(raw)
        h.update(b"\1" + os.fsencode(path))
        try:
            st = path.stat()
        except OSError as exc:
            h.update(f"\2{type(exc).__name__}".encode())
            continue
        if stat.S_ISDIR(st.st_mode):
            files = _walk(path, walk)
        elif stat.S_ISREG(st.st_mode):
            files = [path]
        else:
            return None
        for file in files:
            h.update(b"\3" + os.fsencode(file) + b"\0")
            try:
                with file.open("rb") as fh:
                    while chunk := fh.read(1 << 20):
                        h.update(chunk)
            except OSError as exc:
                h.update(f"\2{type(exc).__name__}".encode())
    for problem in walk.result.problems:  # e.g. a folder that could not be read: its loss changes the load
        h.update(f"\4{problem.path}\0{problem.reason}".encode("utf-8", "surrogatepass"))
    return h.hexdigest()


def display_path(path: str | os.PathLike[str]) -> str:
    """A file name safe to print: undecodable bytes, control, bidirectional and zero-width characters shown
    as escapes (a name is an identifier: it must stay tellable from its look-alikes)."""
    raw = os.fsencode(path)
    return printable(raw.decode("utf-8", errors="backslashreplace"), escape=True)


def _why(exc: OSError) -> str:
    return exc.strerror or exc.__class__.__name__


def _walk(root: Path, loader: _Loader) -> list[Path]:
    """Article files under ``root`` in a stable order.

    Symlinked folders are followed once (a folder already visited, e.g. through a symlink loop, is reported
    and skipped); unreadable folders, dangling or looping file symlinks and non-regular files (FIFOs, devices:
    reading them could block) are reported, not fatal. Hidden files and folders are skipped.
    """
    found: list[Path] = []
    seen: set[tuple[int, int]] = set()

    def onerror(err: OSError) -> None:
        loader.problem(display_path(err.filename or root), f"cannot read folder: {_why(err)}")

    for dirpath, dirnames, filenames in os.walk(root, followlinks=True, onerror=onerror):
        try:
            st = os.stat(dirpath)
        except OSError as exc:
            loader.problem(display_path(dirpath), f"cannot read folder: {_why(exc)}")
            dirnames[:] = []
            continue
        key = (st.st_dev, st.st_ino)
        if key in seen:
            loader.problem(display_path(dirpath), "folder already visited (symlink loop?): skipped")
            dirnames[:] = []
            continue
        seen.add(key)
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if name.startswith("."):
                continue
            p = Path(dirpath) / name
            suffix = p.suffix.lower()
            if suffix and suffix not in SUFFIXES:
                continue  # images, PDFs, ...: not articles, not worth a warning each
            try:
                fst = p.stat()
            except OSError as exc:
                loader.problem(display_path(p), f"cannot open: {_why(exc)} (broken symlink or symlink loop?)")
                continue
            if not stat.S_ISREG(fst.st_mode):
                loader.problem(display_path(p), "not a regular file")
                continue
            found.append(p)
    return found


def _load_file(loader: _Loader, path: Path, *, explicit: bool) -> None:
    name = display_path(path)
    try:
        with path.open("rb") as fh:
            st = os.fstat(fh.fileno())
            if stat.S_ISREG(st.st_mode):
                key = (st.st_dev, st.st_ino)
                if key in loader.files_seen:
                    return  # the same file named twice (or reached through a symlink): load it once
                loader.files_seen.add(key)
            elif stat.S_ISDIR(st.st_mode):
                loader.problem(name, "is a folder")
                return
            elif not explicit:
                loader.problem(name, "not a regular file")
                return
            _load_stream(loader, name, path.stem, fh, path.suffix.lower())
    except OSError as exc:
        loader.problem(name, f"cannot read: {_why(exc)}")


def _load_stream(loader: _Loader, name: str, stem: str, fh: io.BufferedReader, suffix: str) -> None:
    if suffix not in SUFFIXES:
        suffix = _sniff(fh.peek(1024)[:1024])
    if suffix in HTML_SUFFIXES or suffix in FEED_SUFFIXES:
        _load_web(loader, name, stem, fh, suffix in HTML_SUFFIXES)
        return
    if suffix in JSONL_SUFFIXES:
        _load_jsonl(loader, name, stem, fh)
        return
    limit = MAX_COLLECTION_BYTES if suffix in JSON_SUFFIXES else loader.max_bytes
    data = _read_upto(fh, limit + 1)
    truncated = len(data) > limit
    data = data[:limit]
    if not data.strip():
        loader.problem(name, "empty file")
        return
    text, note = decode(data, truncated=truncated)
    if text is None:
        loader.problem(name, note or "binary file (not text)")
        return
    if suffix in JSON_SUFFIXES:
        if truncated:
            loader.problem(name, f"JSON file larger than {MAX_COLLECTION_BYTES // _MB} MB: not read")
            return
        sources = _from_json(loader, name, stem, text)
    elif suffix in MARKDOWN_SUFFIXES:
        sources = [_from_markdown(name, stem, text)]
    else:
        sources = [Source(id=stem, text=text, path=name)]
    notes = [note] if note else []
    if truncated:
        notes.append(f"truncated: only the first {limit // _MB} MB were read")
    for src in sources:
        src.notes[:0] = notes
        before = len(loader.result.articles)
        loader.add(src, name)
        if truncated and len(loader.result.articles) > before:
            loader.problem(name, notes[-1], skipped=False)


def _sniff(head: bytes) -> str:
    """Format of data without a telling suffix: JSON collection, JSON lines, an HTML page, a feed, or text."""
    if web := sniff(head):
        return ".html" if web == "html" else ".xml"
    head = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"["):
        return ".json"
    if head.startswith(b"{"):
        return ".jsonl"  # a single pretty-printed object is retried as JSON (see _load_jsonl)
    return ".txt"


def _load_web(loader: _Loader, name: str, stem: str, fh: io.BufferedReader, is_html: bool) -> None:
    """A saved page (one article) or a feed (one article per entry with text); see :mod:`dateline.core.web`."""
    from dateline.core.web import read_feed, read_html

    limit = MAX_HTML_BYTES if is_html else MAX_COLLECTION_BYTES
    data = _read_upto(fh, limit + 1)
    if len(data) > limit:
        loader.problem(name, f"{'HTML page' if is_html else 'feed'} larger than {limit // _MB} MB: not read")
        return
    text, note = decode(data)
    if text is None or not text.strip():
        loader.problem(name, note or "empty file")
        return
    if is_html:
        page = read_html(text if note is None else data)  # not UTF-8: the page's own charset decides
        if page is None:
            loader.problem(name, "no article text in the HTML page")
        else:
            loader.add(_web_source(page, stem, name), name)
        return
    feed = read_feed(data)
    if feed is None:
        loader.problem(name, "XML that is not an RSS or Atom feed")
        return
    if feed.error:
        loader.problem(name, f"malformed feed: {feed.error}", skipped=not feed.entries)
    for n in feed.empty:
        loader.problem(f"{name}#{n}", "feed entry without text")
    for n, entry in enumerate(feed.entries, 1):
        loader.add(_web_source(entry, f"{stem}-{n}", name), name)


def _web_source(page: WebText, stem: str, name: str) -> Source:
    meta = {k: v for k in ("id", "title", "author", "source", "url", "published") if (v := getattr(page, k))}
    return Source(id=stem, text=page.text, path=name, meta=meta)


def _read_upto(fh: BinaryIO, n: int) -> bytes:
    chunks: list[bytes] = []
    while n > 0:
        chunk = fh.read(min(n, 1 << 20))
        if not chunk:
            break
        chunks.append(chunk)
        n -= len(chunk)
    return b"".join(chunks)


def _load_jsonl(loader: _Loader, name: str, stem: str, fh: io.BufferedReader) -> None:
    if fh.peek(4)[:4].startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16: lines cannot be split as bytes
        data = _read_upto(fh, MAX_COLLECTION_BYTES + 1)
        text, note = decode(data[:MAX_COLLECTION_BYTES])
        if text is None:
            loader.problem(name, note or "undecodable")
            return
        lines = (line.encode("utf-8") for line in text.splitlines(keepends=True))
        _jsonl_lines(loader, name, stem, lines, len(data) > MAX_COLLECTION_BYTES)
        return
    _jsonl_lines(loader, name, stem, _bounded_lines(fh), False)


def _bounded_lines(fh: BinaryIO) -> Iterator[bytes]:
    """Lines of ``fh``; a line longer than MAX_LINE_BYTES comes back as ``b""`` marker after being skipped."""
    while True:
        line = fh.readline(MAX_LINE_BYTES + 1)
        if not line:
            return
        if len(line) > MAX_LINE_BYTES and not line.endswith(b"\n"):
            while True:  # skip the rest of the over-long line without holding it
                rest = fh.readline(1 << 20)
                if not rest or rest.endswith(b"\n"):
                    break
            yield b"\x00too-long"
            continue
        yield line


def _jsonl_lines(loader: _Loader, name: str, stem: str, lines: Iterator[bytes], truncated: bool) -> None:
    count = 0
    blank = True
    first: list[bytes] = []
    failed_first = False
    for lineno, raw in enumerate(lines, 1):
        if raw == b"\x00too-long":
            loader.problem(f"{name}:{lineno}", f"line longer than {MAX_LINE_BYTES // _MB} MB: skipped")
            continue
        if lineno == 1:
            first.append(raw)
        if not raw.strip():
            continue
        blank = False
        text, note = _decode_line(raw)
        try:
            item = json.loads(text)
        except RecursionError:
            loader.problem(f"{name}:{lineno}", f"malformed JSON line: {TOO_DEEP}")
            continue
        except ValueError as exc:
            if lineno == 1 and text.strip() == "{":
                failed_first = True  # a pretty-printed JSON object, not JSON lines
                break
            loader.problem(f"{name}:{lineno}", f"malformed JSON line: {exc}")
            continue
        src = _from_object(item, f"{stem}-{lineno}", f"{name}:{lineno}")
        if src is None:
            loader.problem(f"{name}:{lineno}", "not an article object (no text, body, content or html)")
            continue
        if note:
            src.notes.append(note)
        src.path = name
        loader.add(src, name)
        count += 1
    if failed_first:
        rest = b"".join([*first, *lines])
        text, note = decode(rest[:MAX_COLLECTION_BYTES])
        if text is None:
            loader.problem(name, note or "binary data")
            return
        for src in _from_json(loader, name, stem, text):
            if note:
                src.notes.append(note)
            loader.add(src, name)
        return
    if truncated:
        loader.problem(name, f"only the first {MAX_COLLECTION_BYTES // _MB} MB were read", skipped=False)
    if count == 0 and blank:
        loader.problem(name, "empty file")


def _decode_line(raw: bytes) -> tuple[str, str | None]:
    """One JSON line to text (no binary check: raw control bytes make the JSON itself invalid)."""
    try:
        return raw.decode("utf-8").lstrip("\ufeff"), None
    except UnicodeDecodeError:
        text, note = decode(raw)
        return (text, note) if text is not None else (raw.decode("latin-1"), note)


def decode(data: bytes, *, truncated: bool = False) -> tuple[str | None, str | None]:
    """Bytes to text: UTF-8 (BOM removed), UTF-16 with a BOM, else cp1252/Latin-1 with a note. Data that is
    UTF-8 but for a few bytes (its valid multi-byte characters outnumber its broken sequences
    ``UTF8_MAJORITY`` to one) is read as UTF-8 with those bytes replaced, and a note that says so.

    Returns ``(None, reason)`` for binary data. ``truncated`` data may end inside a UTF-8 sequence: that
    partial character is dropped rather than blamed on the encoding.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        if truncated:
            data = data[: len(data) - len(data) % 2]
        try:
            return data.decode("utf-16"), "decoded as UTF-16"
        except UnicodeDecodeError:
            return None, "undecodable UTF-16"
    sample = data[:8192]
    if b"\x00" in sample or _binary_ratio(sample) > 0.1:
        return None, "binary file (not text)"
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError as exc:
        if truncated and exc.start >= len(data) - 3 and exc.reason == "unexpected end of data":
            return data[: exc.start].decode("utf-8"), None
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - data.count("\ufffd".encode())  # byte sequences that are not UTF-8
    good = len(text) - len(text.encode("ascii", "ignore")) - text.count("\ufffd")  # characters that are
    if good >= UTF8_MAJORITY * bad:  # a UTF-8 file with a few broken bytes: cp1252 would garble all the rest
        return text, f"{UTF8_REPLACED} {bad} undecodable byte sequence(s) replaced by U+FFFD"
    try:
        return data.decode("cp1252"), "not valid UTF-8: decoded as cp1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "not valid UTF-8: decoded as Latin-1"


UTF8_MAJORITY = 4
UTF8_REPLACED = "not valid UTF-8 throughout: read as UTF-8,"


_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13, 27))


def _binary_ratio(sample: bytes) -> float:
    """Share of control bytes (other than tab, newlines, form feed and ESC) in ``sample``."""
    if not sample:
        return 0.0
    return (len(sample) - len(sample.translate(None, _CONTROL_BYTES))) / len(sample)


TOO_DEEP = "nested too deeply to read"


def _from_json(loader: _Loader, name: str, stem: str, text: str) -> list[Source]:
    try:
        obj = json.loads(text)
    except RecursionError:  # one item nested a thousand deep: read the others one by one
        obj = _array_items(loader, name, text)
        if obj is None:
            loader.problem(name, f"malformed JSON: {TOO_DEEP}")
            return []
    except ValueError as exc:
        loader.problem(name, f"malformed JSON: {exc}")
        return []
    if isinstance(obj, dict) and not any(isinstance(obj.get(k), str) for k in TEXT_FIELDS):
        obj = next((obj[k] for k in LIST_FIELDS if isinstance(obj.get(k), list)), obj)
    items = obj if isinstance(obj, list) else [obj]
    if not items:
        loader.problem(name, "no articles in the JSON")
    out: list[Source] = []
    for i, item in enumerate(items):
        if item is _UNREAD:
            continue  # (reported by _array_items)
        src = _from_object(item, f"{stem}-{i + 1}" if len(items) > 1 else stem, name)
        if src is None:
            loader.problem(f"{name}[{i}]", "not an article object (no text, body, content or html)")
        else:
            out.append(src)
    return out


# The tokens that give a JSON text its structure: a whole string (escapes inside it skipped), or a bracket,
# brace or comma outside strings.
_JSON_TOKEN = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"|[\[\]{},]', re.S)
_UNREAD = object()  # an array item that could not be read (reported, and left out)


def _array_items(loader: _Loader, name: str, text: str) -> list[object] | None:
    """The items of the JSON array ``text``, each parsed on its own: split at the array's own commas by a
    scan that counts brackets instead of recursing, so an item nested too deeply to parse is reported
    (``name[i]``) and left out while the others load. ``None`` when ``text`` is no array."""
    start = len(text) - len(text.lstrip())
    if not text.startswith("[", start):
        return None
    items: list[object] = []
    depth, item_start = 0, start + 1

    def take(end: int) -> None:
        part = text[item_start:end]
        if not part.strip():
            return
        try:
            items.append(json.loads(part))
        except (ValueError, RecursionError) as exc:
            reason = TOO_DEEP if isinstance(exc, RecursionError) else f"malformed JSON: {exc}"
            loader.problem(f"{name}[{len(items)}]", reason)
            items.append(_UNREAD)

    for m in _JSON_TOKEN.finditer(text, start):
        c = m.group()
        if c in "[{":
            depth += 1
        elif c in "]}":
            depth -= 1
            if depth == 0:
                take(m.start())
                return items
        elif c == "," and depth == 1:
            take(m.start())
            item_start = m.end()
    take(len(text))  # an array never closed: its last item, as far as it goes
    return items


def _from_object(item: object, fallback_id: str, name: str) -> Source | None:
    if not isinstance(item, dict):
        return None
    body = next((item[k] for k in TEXT_FIELDS if isinstance(item.get(k), str) and item[k].strip()), None)
    page = None
    if body is None and isinstance(item.get("html"), str):  # a saved page inside a record
        from dateline.core.web import read_html

        page = read_html(item["html"], url=item.get("url") if isinstance(item.get("url"), str) else None)
        body = page.text if page else None
    if body is None:
        return None
    meta: dict[str, str] = {}
    for key in META_FIELDS:
        raw = item.get(key)
        if raw is not None and (value := raw if type(raw) is str else _meta_value(raw)):
            meta[key.lower()] = value
    for key, alias in (("title", "headline"), ("url", "link"), ("author", "byline")):
        if key not in meta and alias in meta:
            meta[key] = meta[alias]
    if page is not None:  # what the record says wins over what the page says
        for key in ("title", "author", "source", "url", "published"):
            if (value := getattr(page, key)) and not any(meta.get(k) for k in _SAME.get(key, (key,))):
                meta[key] = value
    given = meta.get("id")
    return Source(id=given or fallback_id, text=body, path=name, meta=meta)


_SAME = {"published": tuple(k.lower() for k in DATE_FIELDS)}


def _meta_value(value: object, depth: int = 0) -> str | None:
    """A metadata value as one line of text: strings and numbers as they are, ``{"name": ...}`` by name,
    lists of strings joined; nothing from deeper than a few levels (a name is never nested a hundred deep)."""
    if isinstance(value, bool) or value is None or depth > 3:
        return None
    if isinstance(value, str | int | float):
        return str(value)
    if isinstance(value, dict):
        return _meta_value(value.get("name"), depth + 1)
    if isinstance(value, list):
        parts = [p for p in (_meta_value(v, depth + 1) for v in value[:20]) if p]
        return ", ".join(parts) or None
    return None


_FRONT = re.compile(r"\A(---[ \t]*\r?\n)(.*?)(\r?\n---[ \t]*)(?:\r?\n|\Z)", re.S)
_HEADING = re.compile(r"^[ \t]*#[ \t]+(\S[^\n]*)", re.M)


def _from_markdown(name: str, stem: str, text: str) -> Source:
    meta: dict[str, str] = {}
    m = _FRONT.match(text[:65536])
    if m:
        for line in m.group(2).splitlines():
            key, sep, value = line.partition(":")
            if sep and key.strip() and not key.startswith((" ", "\t", "-")):
                meta[key.strip().lower()] = value.strip().strip("\"'")
        # blank out the front matter so offsets into the text stay those of the file
        text = re.sub(r"[^\n]", " ", text[: m.end()]) + text[m.end() :]
    if not meta.get("title") and (h := _HEADING.search(text[:4096])):
        meta["title"] = h.group(1).strip().rstrip("#").strip()
    return Source(id=stem, text=text, path=name, meta=meta)


def _one_line(value: str | None) -> str | None:
    if not value:
        return None
    if len(value) <= MAX_FIELD_CHARS and value.isprintable():  # the common case, fast
        return value.strip() or None
    value = " ".join(normalise_text(value[: MAX_FIELD_CHARS * 2]).split())[:MAX_FIELD_CHARS]
    return value or None


_ID_CHARS = re.compile(r"[^\w.-]+")


class UniqueIds:
    """Article ids made unique: the second ``x`` becomes ``x-2``, the third ``x-3``, ...

    Each base id remembers the last number it handed out, so 40,000 records sharing one id cost 40,000
    look-ups, not the 800 million of counting up from 2 each time."""

    def __init__(self) -> None:
        self.taken: set[str] = set()
        self.last: dict[str, int] = {}

    def claim(self, aid: str) -> str:
        if aid in self.taken:
            base, n = aid, self.last.get(aid, 1)
            while aid in self.taken:  # "x-2" may itself have been given (or taken by an "x-2" record)
                n += 1
                aid = f"{base}-{n}"
            self.last[base] = n
        self.taken.add(aid)
        return aid


def _to_article(src: Source, ids: UniqueIds, max_chars: int) -> Article | None:
    raw = src.text
    notes = src.notes
    if len(raw) > max_chars:
        raw = raw[:max_chars]
        notes = [*notes, f"truncated: only the first {max_chars} characters were read"]
    text = normalise_text(raw)
    if not text.strip():
        return None
    aid = ids.claim(_ID_CHARS.sub("_", src.id[:200]).strip("_") or "article")
    meta = src.meta
    published = next((meta[k.lower()] for k in DATE_FIELDS if meta.get(k.lower())), None)
    return Article(
        id=aid,
        path=src.path,
        external_id=_one_line(meta.get("id")),
        title=_one_line(meta.get("title")),
        text=text,
        source=_one_line(meta.get("source")),
        author=_one_line(meta.get("author")),
        url=_one_line(meta.get("url")),
        published_given=_one_line(published),
        notes=notes,
    )
