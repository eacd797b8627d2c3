"""What an article reports as news: its headline line, its lead sentence and the sentences that restate them.

News is written top down: the headline and the first sentence say what happened; later sentences restate it
with details. Pages pasted as text add lines that are not news at all (a time stamp such as "Posted July 20,
2009" or "Last updated at 12:42 GMT"). Everything here returns segments (offsets into the article's text);
the events step turns them into events and evidence.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from dateline.core import gazetteer as gz
from dateline.core import lexicon
from dateline.core.model import Article, TimeExpression
from dateline.core.text import (
    FurnitureIndex,
    Segment,
    lead_paragraphs,
    paragraph_sentences,
    paragraphs,
    stem,
)

TOP_PARAGRAPHS = 3  # a page's headline line and time stamps come among its first paragraphs
STAMP_CHARS = 100
HEADLINE_LINE_CHARS = 160
HEADLINE_LINE_WORDS = 4  # "THE WHITE HOUSE" above a headline is a section label, not the headline
RESTATE_PARAGRAPHS = 6  # news tells its happening first: restatements are sought in the first paragraphs
RESTATE_SHARED = 2  # action words a sentence shares with the lead to restate its happening

STAMP_WORDS = frozenset(lexicon.words("happenings", "stamps.words"))  # "posted" (events reads it too)
_LABEL_WORDS = frozenset(lexicon.words("happenings", "labels.words"))
_TOKEN = re.compile(r"\S+")
_BARE = re.compile(r"[^\w]+")
_PROSE_WORD = re.compile(r"[A-Za-z]*[a-z][A-Za-z]*")
_STOP = frozenset(lexicon.words("function_words", "stop")) | gz.REPORTING_VERBS
_LOWER_WORD = re.compile(r"(?<![\w'’-])[a-z][a-z'’-]{3,}")
_SENTENCE_END = (".", "!", "?", '"', "”", "’", "'")


def is_stamp(text: str, seg: Segment, timexes: Sequence[TimeExpression] = ()) -> bool:
    """Whether a short paragraph is a page's time stamp: it holds a number and, apart from its time
    expressions, no word of prose, only stamp words ("posted", "updated"), capitalised abbreviations (EDT) and
    short words ("at")."""
    if seg.end - seg.start > STAMP_CHARS or not any(c.isdigit() for c in text[seg.start : seg.end]):
        return False
    pos, rest = seg.start, []
    for t in sorted((t for t in timexes if seg.start <= t.start < seg.end), key=lambda t: t.start):
        rest.append(text[pos : t.start])
        pos = max(pos, t.end)
    rest.append(text[pos : seg.end])
    prose = (w for w in _PROSE_WORD.findall(" ".join(rest)) if len(w) > 3)
    return all(w.lower() in STAMP_WORDS for w in prose)


def stamp_end(text: str, sent: Segment, timexes: Sequence[TimeExpression]) -> int:
    """Where a sentence's leading time stamp ends ("7 November 2011 Last updated at 21:40 GMT Help Jackson's
    doctor ...": after "Help"), or ``sent.start`` when it has none. A stamp is a run of time expressions,
    stamp words ("updated", "posted"), page labels, capitalised abbreviations (GMT) and numbers holding at
    least one time expression and one stamp word; pages pasted as one paragraph put it before the lead."""
    spans = sorted((t.start, t.end) for t in timexes if sent.start <= t.start < sent.end)
    if not spans:
        return sent.start
    end = sent.start
    timex_seen = stamp_seen = False
    pos = sent.start
    i = 0
    while pos < sent.end:
        while i < len(spans) and spans[i][1] <= pos:
            i += 1
        if i < len(spans) and spans[i][0] <= pos:
            pos = spans[i][1]
            timex_seen = True
            end = pos
            continue
        m = _TOKEN.search(text, pos, sent.end)
        if m is None:
            break
        if i < len(spans) and m.start() >= spans[i][0]:  # the next time expression comes first
            pos = spans[i][0]
            continue
        bare = _BARE.sub("", m.group()).lower()
        if bare in STAMP_WORDS:
            stamp_seen = True
        elif not (
            bare in _LABEL_WORDS or not bare or bare.isdigit() or (m.group().isupper() and len(bare) <= 4)
        ):
            break
        pos = end = m.end()
    if not (timex_seen and stamp_seen):
        return sent.start
    while end < sent.end and text[end].isspace():
        end += 1
    return end


def stamps(article: Article, timexes: Sequence[TimeExpression] = ()) -> list[Segment]:
    """The time stamp lines among the article's first paragraphs."""
    return [p for p in paragraphs(article.text)[:TOP_PARAGRAPHS] if is_stamp(article.text, p, timexes)]


def headline_segment(article: Article, timexes: Sequence[TimeExpression] = ()) -> Segment | None:
    """The headline line when the text holds one: the paragraph equal to the title, or else a short first
    line of a few words without closing punctuation (time stamps, furniture and section labels passed over).
    A title that is a time stamp or other page furniture is no headline."""
    text = article.text
    top = paragraphs(text)[:TOP_PARAGRAPHS]
    index = FurnitureIndex(article.furniture)
    title = (article.title or "").strip()
    if title:
        for para in top:
            if (
                text[para.start : para.end].strip() == title
                and index.kind(para.start) is None
                and not is_stamp(text, para, timexes)
            ):
                return para
    for para in top:
        body = text[para.start : para.end]
        if index.kind(para.start) is not None or is_stamp(text, para, timexes):
            continue
        if len(body.split()) < HEADLINE_LINE_WORDS and not body.endswith(_SENTENCE_END):
            continue  # a label above the headline
        if _headline_like(body):
            return para
        return None  # the first narrative paragraph: there is no headline line above it
    return None


def _headline_like(body: str) -> bool:
    """A line that reads as a headline or a label, not as prose: short, one line, no closing punctuation."""
    return len(body) <= HEADLINE_LINE_CHARS and not body.endswith(_SENTENCE_END) and "\n" not in body


def lead_segment(article: Article, timexes: Sequence[TimeExpression] = ()) -> Segment | None:
    """The first sentence of the first narrative paragraph, without a leading dateline; the headline line
    itself when the text holds nothing else. Passed over on the way: the headline line, time stamps, and the
    lines that read as headlines (a second headline, a standfirst or a label without closing punctuation)
    unless nothing else is left (see :func:`subheadlines`)."""
    return news_lines(article, timexes)[1]


def subheadlines(article: Article, timexes: Sequence[TimeExpression] = ()) -> list[Segment]:
    """The lines passed over on the way to the lead because they read as headlines (a second headline, a
    standfirst): they restate the news the lead reports."""
    return news_lines(article, timexes)[2]


def news_lines(
    article: Article, timexes: Sequence[TimeExpression] = ()
) -> tuple[Segment | None, Segment | None, list[Segment]]:
    """The headline line (:func:`headline_segment`), the lead (:func:`lead_segment`) and the subheadlines
    (:func:`subheadlines`) together: each is found on the way to the next, so a caller that needs them all
    reads the top of the article once."""
    text = article.text
    head = headline_segment(article, timexes)
    paras = [
        p
        for p in lead_paragraphs(article, 1 + TOP_PARAGRAPHS)
        if p != head and not is_stamp(text, p, timexes)
    ]
    prose = [p for p in paras if not _headline_like(text[p.start : p.end])]
    passed = [
        p
        for p in paras
        if prose and p.start < prose[0].start and len(text[p.start : p.end].split()) >= HEADLINE_LINE_WORDS
    ]
    paras = prose or paras
    if not paras:
        if head is None:
            return None, None, []
        paras = [head]
    sents = paragraph_sentences(text, paras[0])
    if not sents:
        return head, None, []
    first = sents[0]
    if (after := stamp_end(text, first, timexes)) < first.end:
        first = Segment(after, first.end)
    return head, past_dateline(text, FurnitureIndex(article.furniture), first), passed


def lead_sentence(article: Article, timexes: Sequence[TimeExpression] = ()) -> str | None:
    seg = lead_segment(article, timexes)
    return article.text[seg.start : seg.end] if seg else None


def past_dateline(text: str, index: FurnitureIndex, sent: Segment) -> Segment | None:
    """``sent`` without a leading dateline ("(OUTLET)", "CITY, Feb 26 -"); None when nothing is left."""
    start = sent.start
    f = index.at(start)
    if f is None or f.kind != "dateline":
        return sent
    while f is not None and f.kind == "dateline" and start < sent.end:
        start = f.end
        f = index.at(start)
    body = text[start : sent.end]
    offset = len(body) - len(body.lstrip(" \t\n–—-"))
    return Segment(start + offset, sent.end) if start + offset < sent.end else None


def action_words(text: str) -> set[str]:
    """Stems of the lower-case content words of a text: what it says happened, without names (which every
    sentence of a story shares), function words or reporting verbs."""
    return {stem(w) for w in _LOWER_WORD.findall(text) if w not in _STOP}


def restatements(article: Article, lead: Segment, skip: set[int]) -> Iterator[Segment]:
    """Sentences near the top that restate the lead's happening, sharing its action words: "... opened fire
    at the office party" then "The gunman fired at the partygoers". Sentences starting at an offset in
    ``skip`` and furniture are passed over."""
    text = article.text
    words = action_words(text[lead.start : lead.end])
    if len(words) < RESTATE_SHARED:
        return
    index = FurnitureIndex(article.furniture)
    for para in paragraphs(text)[:RESTATE_PARAGRAPHS]:
        for sent in paragraph_sentences(text, para):
            if sent.start in skip or index.kind(sent.start) is not None:
                continue
            if len(words & action_words(text[sent.start : sent.end])) >= RESTATE_SHARED:
                yield sent
