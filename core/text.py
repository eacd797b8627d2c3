"""Shared text helpers: paragraphs, sentences and furniture look-ups, all as offsets into the text."""

from __future__ import annotations

import re
import string
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache
from itertools import accumulate
from typing import NamedTuple

from dateline.core.model import Article, Furniture

# Words that end with a full stop without ending a sentence.
ABBREVIATIONS = frozenset(
    """a.m adm approx apr aug bros capt cmdr co col corp dec dept dr e.g e.u est etc feb fig fri ft gen
    gens gov hon i.e inc jan jr jul jun lt ltd maj mar messrs mon mr mrs ms mt no nov oct p.m pres prof
    rep rev sat sen sep sept sgt sr st sun thu thur thurs tue tues u.k u.n u.s vs wed""".split()
)

# Blank lines separate paragraphs; so does an indented line start (wire copy indents each paragraph).
_PARA = re.compile(r"\n[ \t\r]*\n+|\n(?=[ \t]{2,}\S)")
# A sentence ends at . ! ? (optionally followed by closing quotes/brackets) before whitespace.
_END = re.compile(r"""[.!?]+["'”’)\]]*(?=\s)|[.!?]+["'”’)\]]*$""")
_NEXT_CHAR = re.compile(r"\s*(\S)")
_INITIALS = re.compile(r"(?:[a-z]\.)+[a-z]")


class Segment(NamedTuple):
    start: int
    end: int


# Every step reads the same article's paragraphs and sentences: the splits are computed once per text (and
# per paragraph) and shared. The results are tuples, so no caller can change what another one sees.
@lru_cache(maxsize=16)
def paragraphs(text: str) -> tuple[Segment, ...]:
    """Paragraph spans (blank-line separated), trimmed of surrounding whitespace."""
    return tuple(_paragraphs_in(text, 0, len(text)))


def _paragraphs_in(text: str, start: int, end: int) -> list[Segment]:
    """Paragraphs of ``text[start:end]`` as offsets into ``text`` (the same as splitting the slice)."""
    out: list[Segment] = []
    pos = start
    for m in _PARA.finditer(text, start, end):
        _add_trimmed(text, pos, m.start(), out)
        pos = m.end()
    _add_trimmed(text, pos, end, out)
    return out


def _add_trimmed(text: str, start: int, end: int, out: list[Segment]) -> None:
    seg = text[start:end]
    body = seg.strip()
    if body:
        lead = seg.find(body[0])  # only white space comes before the first character of the body
        out.append(Segment(start + lead, start + lead + len(body)))


def sentences(text: str, start: int = 0, end: int | None = None) -> list[Segment]:
    """Sentence spans inside ``text[start:end]`` (one paragraph or the whole text)."""
    end = len(text) if end is None else end
    paras = paragraphs(text) if start == 0 and end == len(text) else _paragraphs_in(text, start, end)
    out: list[Segment] = []
    for para in paras:
        out.extend(_paragraph_sentences(text, para.start, para.end))
    return out


def paragraph_sentences(text: str, para: Segment) -> tuple[Segment, ...]:
    """Sentence spans of one paragraph (as returned by :func:`paragraphs`)."""
    return _paragraph_sentences(text, para.start, para.end)


@lru_cache(maxsize=256)
def _paragraph_sentences(text: str, start: int, end: int) -> tuple[Segment, ...]:
    out: list[Segment] = []
    _split_paragraph(text, start, end, out)
    return tuple(out)


def _split_paragraph(text: str, start: int, end: int, out: list[Segment]) -> None:
    pos = start  # where the current sentence began (after the previous one's end)
    first = start  # its first non-space character
    for m in _END.finditer(text, start, end):
        stop = m.end()
        mark = m.group()
        if mark[0] == "." and len(mark.rstrip("\"'”’)]")) == 1:
            word = _word_before(text, max(start, m.start() - 40), m.start())
            if word:
                low = word.lower()
                if low in ABBREVIATIONS or len(low) == 1 or _INITIALS.fullmatch(low):
                    continue
        # next sentence must start with a capital, digit or opening quote
        nxt = _NEXT_CHAR.match(text, stop, end)
        if nxt and not (nxt.group(1).isupper() or nxt.group(1).isdigit() or nxt.group(1) in "\"'“‘(["):
            continue
        if pos == start:
            _add_trimmed(text, pos, stop, out)
        else:  # it ends at the punctuation and starts where the check above found the next character
            out.append(Segment(first, stop))
        pos = stop
        first = nxt.start(1) if nxt else end
    _add_trimmed(text, pos, end, out)


_LETTERS_AND_DOTS = string.ascii_letters + "."


def _word_before(text: str, lo: int, dot: int) -> str:
    """The word ending at the full stop at ``dot`` ("Corp", "U.S"), read back no further than ``lo``: the
    run of ASCII letters and dots before it, from its first letter ("" when there is none)."""
    tail = text[lo:dot]
    return tail[len(tail.rstrip(_LETTERS_AND_DOTS)) :].lstrip(".")


class FurnitureIndex:
    """Fast "is this offset inside page furniture?" look-ups for one article."""

    def __init__(self, furniture: Iterable[Furniture]) -> None:
        items = sorted(furniture, key=lambda f: f.start)
        self._starts = [f.start for f in items]
        self._items = items

    def at(self, offset: int) -> Furniture | None:
        i = bisect_right(self._starts, offset) - 1
        if i >= 0 and self._items[i].start <= offset < self._items[i].end:
            return self._items[i]
        return None

    def kind(self, offset: int) -> str | None:
        f = self.at(offset)
        return f.kind if f else None


def overlap_test(spans: Iterable[tuple[int, int]]) -> Callable[[int, int], bool]:
    """``test(start, end)``: whether ``[start, end)`` overlaps any of ``spans``, in O(log n) a question (a
    loop over every span for every paragraph is quadratic in an article of many short lines)."""
    items = sorted(spans)
    starts = [a for a, _ in items]
    reach = list(accumulate((b for _, b in items), max))  # the furthest end among the first i spans

    def test(start: int, end: int) -> bool:
        i = bisect_left(starts, end)  # the spans starting before ``end``
        return i > 0 and reach[i - 1] > start

    return test


def continues_sentence(text: str, line_start: int) -> bool:
    """Whether the line starting at ``line_start`` continues a hard-wrapped sentence: the line right before it
    (no blank line between) is prose-long and stops mid-sentence (wire copy wraps at about 65 characters)."""
    if line_start < 2 or text[line_start - 1] != "\n":
        return False
    before = text.rfind("\n", 0, line_start - 1) + 1
    prev = text[before : line_start - 1].rstrip()
    return len(prev.strip()) >= 40 and (prev[-1:].islower() or prev[-1:] == ",")


MAX_NAME_WORD = 40  # letters in the longest word of a name (the longest real ones have about 35)


def name_like(words: str) -> bool:
    """Whether ``words`` could name someone or something: no "word" in it runs to thousands of letters."""
    return len(words) <= MAX_NAME_WORD or max(map(len, words.split()), default=0) <= MAX_NAME_WORD


# Furniture that carries no content at all: nothing is extracted from it.
# Page chrome (core/chrome.py): lines of the web page around a story; no part of them is the story's.
CHROME = frozenset({"timestamp", "nav", "section", "share", "related", "ad", "notice"})
NON_CONTENT = frozenset({"repeat", "credit", "licence", "comments", "byline", "source", "dateline"}) | CHROME


def content_sentences(article: Article, skip: frozenset[str] = NON_CONTENT) -> Iterator[Segment]:
    """Sentences of the article outside furniture of the given kinds (default: all non-content kinds)."""
    index = FurnitureIndex(article.furniture)
    for s in sentences(article.text):
        kind = index.kind(s.start)
        if kind is None or kind not in skip:
            yield s


def lead_paragraphs(article: Article, n: int = 3) -> list[Segment]:
    """The first ``n`` narrative paragraphs: not furniture, not the title line, at least a sentence long."""
    index = FurnitureIndex(article.furniture)
    breaks = sorted(
        (f.start, f.end) for f in article.furniture if f.kind in NON_CONTENT and f.kind != "dateline"
    )
    out: list[Segment] = []
    for para in paragraphs(article.text):
        for p in _between(article.text, para, breaks):
            if covered(article.text, index, p.start, p.end):
                continue
            body = article.text[p.start : p.end]
            if article.title and body.strip() == article.title.strip():
                continue
            out.append(p)
            if len(out) == n:
                return out
    return out


def _between(text: str, para: Segment, breaks: list[tuple[int, int]]) -> list[Segment]:
    """The stretches of a paragraph between furniture lines that carry no content: a page pasted with single
    line breaks runs its menus, headline and byline into one paragraph, and none of them is its lead."""
    inside = [(s, e) for s, e in breaks if para.start <= s < para.end]
    if not inside:
        return [para]
    out: list[Segment] = []
    pos = para.start
    for s, e in inside:
        _add_trimmed(text, pos, s, out)
        pos = max(pos, e)
    _add_trimmed(text, pos, para.end, out)
    return out


def covered(text: str, index: FurnitureIndex, start: int, end: int) -> bool:
    """True when ``text[start:end]`` is nothing but furniture and whitespace."""
    pos = start
    while pos < end:
        if text[pos].isspace():
            pos += 1
            continue
        f = index.at(pos)
        if f is None:
            return False
        pos = f.end
    return True


_SUFFIXES = ("ings", "ing", "ied", "ies", "ed", "es", "s", "ment", "ion", "ions")


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A crude English stem, enough to match a word's forms: "shooting", "shoots" and "shoot" -> "shoot";
    "arrested" and "arrest" -> "arrest"; "escaped" and "escape" -> "escap". Lower-case input."""
    w = word
    for suffix in _SUFFIXES:
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            w = w[: -len(suffix)] + ("y" if suffix in ("ied", "ies") else "")
            break
    if len(w) > 3 and w[-1] == w[-2] and w[-1] not in "aeiouls":  # "stopped" -> "stopp" -> "stop"
        w = w[:-1]
    return w.rstrip("e") or w


def counted(n: int, noun: str) -> str:
    """``n`` and the noun, singular for one: "1 article", "2,417 articles" (the regular plurals Dateline
    counts: articles, events, actors, quotes, sources, sentences)."""
    return f"{n:,} {noun}{'' if n == 1 else 's'}"
