"""Reading the web as analysts save it: HTML pages and RSS/Atom feeds, turned into article text and metadata.

Part of step 1 (load): :mod:`dateline.core.load` finds the files and calls these readers; they return plain
values (text and metadata strings) and never raise on bad input.

* **HTML** (:func:`read_html`): the main text and the page's title, author, site name and canonical URL by
  ``trafilatura``, tuned for precision (comments, related links and navigation left out); the publication
  date by ``htmldate`` (through trafilatura's metadata step), asked only for dates the page states, so a
  URL that gives a month never becomes a made-up first day of it. The article text is the extracted text,
  one paragraph a block, which is what the app shows and what every offset refers to.
* **Feeds** (:func:`read_feed`): ``feedparser``, one entry per article with its title, link, date, author
  and content; HTML content goes through the same main-text path, and a summary is used when that is all.

Those libraries (and lxml under them) take about half a second to import: they are imported on the first
page or feed read, so ``import dateline.core`` and the app's first frame never pay for them.
"""

from __future__ import annotations

import io
import logging
import re
import time
from dataclasses import dataclass, field
from functools import cache
from typing import Any

HTML_SUFFIXES = (".html", ".htm", ".xhtml")
FEED_SUFFIXES = (".xml", ".rss", ".atom")
MAX_HTML_BYTES = 16 * 1024 * 1024  # a saved page larger than this is refused (its text would be cut anyway)


@dataclass(slots=True)
class WebText:
    """What a page or feed entry gives: text plus metadata, every field optional but the text."""

    text: str
    title: str | None = None
    author: str | None = None
    source: str | None = None  # the outlet (site or feed name)
    url: str | None = None
    published: str | None = None  # ISO date, only at day precision
    id: str | None = None


@dataclass(slots=True)
class Feed:
    """A feed's entries as :class:`WebText`, the entries without text by position, and the parse error."""

    entries: list[WebText] = field(default_factory=list)
    empty: list[int] = field(default_factory=list)  # 1-based positions of entries with no text
    error: str | None = None  # malformed XML (the entries before the damage may still have loaded)


# --- recognising --------------------------------------------------------------------------------------------

_HTML_HEAD = re.compile(rb"<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]", re.I)
_FEED_HEAD = re.compile(rb"<rss[\s>]|<feed[\s>]|<rdf:rdf[\s>]|<channel[\s>]", re.I)


def sniff(head: bytes) -> str | None:
    """``"html"`` or ``"feed"`` for data whose first bytes say so, else ``None`` (plain text)."""
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if not start.startswith(b"<"):
        return None
    if _FEED_HEAD.search(head):
        return "feed"
    if _HTML_HEAD.search(head):
        return "html"
    return None


# --- HTML ---------------------------------------------------------------------------------------------------

# Tuned for precision: what is not the story (comments, related links, menus, tables of other stories) stays out.
_EXTRACT: dict[str, Any] = {
    "favor_precision": True,
    "include_comments": False,
    "include_links": False,
    "include_images": False,
    "with_metadata": True,
    # htmldate: the original publication date, from the page's markup only (no guessing from its free text
    # or a partial URL date, which would invent a day)
    "date_extraction_params": {"original_date": True, "extensive_search": False, "outputformat": "%Y-%m-%d"},
}
_TITLE_SEP = r"\s+[-–—|:·•»]\s+"


def read_html(html: str | bytes, *, url: str | None = None) -> WebText | None:
    """The main text and metadata of a page (or of an HTML fragment, as feeds carry); ``None`` when it holds
    no text at all. Never raises on bad markup."""
    url = url or _saved_from(html)
    doc = _bare_extraction(html, url)
    text = _paragraphs(doc.text if doc is not None else None)
    if not text:
        text = _paragraphs(html_to_text(html))  # a fragment too short for main-text extraction: all of it
    if not text:
        return None
    if doc is None:
        return WebText(text=text, url=url)
    source = _clean(doc.sitename) or _clean(doc.hostname)
    return WebText(
        text=text,
        title=strip_site_name(_clean(doc.title), source, doc.hostname),
        author=_clean(doc.author),
        source=source,
        url=_clean(doc.url) or url,
        published=_day(doc.date),
    )


_SAVED_FROM = re.compile(r"<!--\s*saved from url=\(\d+\)(https?://[^\s>]+?)\s*-->", re.I)


def _saved_from(html: str | bytes) -> str | None:
    """The address a browser wrote into a page it saved ("<!-- saved from url=(0042)https://... -->")."""
    head = html[:4096]
    if isinstance(head, bytes):
        head = head.decode("latin-1")
    m = _SAVED_FROM.search(head)
    return m.group(1) if m else None


def _bare_extraction(html: str | bytes, url: str | None) -> Any:
    try:
        import trafilatura
    except ImportError:  # pragma: no cover - a broken install: the fallback still reads the page as text
        return None
    _quiet()
    try:
        return trafilatura.bare_extraction(html, url=url, **_EXTRACT)
    except Exception:  # the libraries' errors on hostile markup are many; never a traceback
        return None


@cache
def _quiet() -> None:
    """The libraries log what they discard as warnings; with no handler of ours Python would print those on
    stderr, where Dateline reports problems one line each. Dateline reports what it could not read itself."""
    for name in ("trafilatura", "htmldate", "courlan", "justext"):
        logging.getLogger(name).addHandler(logging.NullHandler())
        logging.getLogger(name).propagate = False


def html_to_text(html: str | bytes) -> str:
    """Every piece of text of an HTML page or fragment, one block element a line (scripts and styles out)."""
    try:
        import lxml.html
        from lxml import etree

        root = lxml.html.fromstring(html)
    except Exception:  # empty or unparseable markup
        return ""
    etree.strip_elements(
        root, "head", "script", "style", "noscript", "template", etree.Comment, with_tail=False
    )
    for el in root.iter("p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "blockquote"):
        el.tail = "\n" + (el.tail or "")
    return root.text_content()


def _paragraphs(text: str | None) -> str:
    """One paragraph a line, separated by blank lines (the pipeline's paragraph mark); spaces tidied."""
    if not text:
        return ""
    lines = (" ".join(line.split()) for line in text.splitlines())
    return "\n\n".join(line for line in lines if line)


def strip_site_name(title: str | None, *names: str | None) -> str | None:
    """``title`` without a leading or trailing site name ("Story - The Outlet", "Outlet | Story")."""
    if not title:
        return title
    for name in names:
        if not name:
            continue
        stem = re.escape(name.strip()).replace(r"\ ", r"\s+")
        if len(stem) < 2:
            continue
        # "Story - Outlet", "Story | Outlet Politics" (a section of the site after its name)
        trimmed = re.sub(rf"(?:{_TITLE_SEP}){stem}(?:\s+[^\s|–—-]+){{0,2}}\s*$", "", title, flags=re.I)
        trimmed = re.sub(rf"^{stem}(?:{_TITLE_SEP})", "", trimmed, flags=re.I)
        if trimmed.strip() and trimmed != title:
            return trimmed.strip()
    return title


def _clean(value: str | None) -> str | None:
    return " ".join(value.split()) or None if value else None


_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def _day(value: str | None) -> str | None:
    return value if value and _ISO_DAY.fullmatch(value) else None


# --- feeds --------------------------------------------------------------------------------------------------


def read_feed(data: bytes) -> Feed | None:
    """The entries of an RSS or Atom feed; ``None`` when ``data`` is not a feed at all."""
    import feedparser

    try:  # a file object, never a string: feedparser would fetch a string that looks like a URL
        parsed = feedparser.parse(io.BytesIO(data), resolve_relative_uris=False)
    except Exception:  # hostile input: not a feed we can read
        return None
    feed_info = parsed.get("feed", {})
    entries = parsed.get("entries", [])
    if not entries and not parsed.get("version"):
        return None
    error = None
    if parsed.get("bozo"):
        exc = parsed.get("bozo_exception")
        if not isinstance(exc, feedparser.CharacterEncodingOverride):
            error = " ".join(str(exc).split()) or type(exc).__name__
    outlet = _clean(feed_info.get("title"))
    out = Feed(error=error)
    for n, entry in enumerate(entries, 1):
        item = _entry(entry, outlet)
        if item is None:
            out.empty.append(n)
        else:
            out.entries.append(item)
    return out


def _entry(entry: Any, outlet: str | None) -> WebText | None:
    link = _clean(entry.get("link"))
    body = None
    for part in [*entry.get("content", []), entry.get("summary_detail")]:
        if not part or not (value := part.get("value", "").strip()):
            continue
        if "html" in (part.get("type") or "text/html"):
            page = read_html(value, url=link)
            body = page.text if page else None
        else:
            body = _paragraphs(value)
        if body:
            break
    if not body:
        return None
    return WebText(
        text=body,
        title=_clean(_plain(entry.get("title"))),
        author=_clean(entry.get("author")),
        source=outlet,
        url=link,
        published=_struct_day(entry.get("published_parsed") or entry.get("updated_parsed")),
        id=_clean(entry.get("id")),
    )


def _plain(value: str | None) -> str | None:
    """A feed title may carry markup or entities: its text."""
    if not value or "<" not in value:
        return value
    return html_to_text(f"<span>{value}</span>") or value


def _struct_day(value: time.struct_time | None) -> str | None:
    if not value:
        return None
    return time.strftime("%Y-%m-%d", value)
