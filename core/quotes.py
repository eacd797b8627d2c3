"""Step 7 — quotes: direct quotes with their speakers, venues and the events of their paragraph.

Quotes are the words between double quotation marks (straight or curly; single curly marks when an article
uses no double marks, and straight single ones when it uses no other), paired per paragraph; an opening mark
left open at a paragraph's end runs to the end of that paragraph and the next paragraph's quote continues it.
Titles and scare quotes (one or two words, or a title in capitals: "Meet the Press") are kept only when the
text attributes them to someone. The speaker search is :mod:`core.speakers` (over the clause structure of
:mod:`core.clauses`, resolved to the article's actors by :mod:`core.referents`); a quote whose speaker the
text does not settle keeps speaker ``None``.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass

from dateline.core import budget, lexicon
from dateline.core.clauses import Para, tokenize
from dateline.core.model import Actor, Article, Event, Quote, trusted
from dateline.core.referents import Referents
from dateline.core.speakers import QuoteAt, Speaker, Speakers
from dateline.core.text import NON_CONTENT, FurnitureIndex, Segment, name_like, paragraphs

_VENUE = re.compile(
    r"\b(?:told|(?:talking|speaking|spoke|talked)\s+to|interview\s+with|(?:said|speaking|told)\s+on)\s+"
    r"(?:the\s+)?((?:[A-Z][\w&.'’-]*|\d+)(?:[ \t]+(?:[A-Z][\w&.'’-]*|\d+))*)"
)
# A transcript line's label: a name in capitals and a colon at the start of a paragraph.
_LABEL = re.compile(r"([A-Z][A-Z'’.-]+(?: [A-Z][A-Z'’.-]+){0,2}):[ \t]+(?=\S)")
_LABEL_HINT = re.compile(r"(?:^|\n)[ \t]*[A-Z][A-Z'’.-]+(?: [A-Z][A-Z'’.-]+){0,2}:[ \t]")
# Small words a title in capitals leaves in lower case ("Meet the Press", "Fire and Fury").
_TITLE_SMALL = frozenset("a an the of on in and or for to with at by from as vs nor but".split())
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_FINAL = re.compile(r"[.!?…]['’‘\"”)]*$")


_new_quote = trusted(Quote)  # built from offsets and ids found here: no validation needed


@dataclass(slots=True)
class _Span:
    para: int
    open: int  # offset of the opening mark
    close: int | None  # offset of the closing mark (None: runs to the paragraph end)
    start: int  # quoted words
    end: int
    continued: bool = False  # continues an open quote of the previous paragraph
    label: tuple[int, int] | None = None  # a transcript line's speaker label ("PENCE: …")


def _find_spans(text: str, paras: list[Segment], single: bool) -> list[_Span]:
    opening, closing, straight = ("‘", "’", "") if single else ("“", "”", '"')
    marks = re.compile(f"[{opening}{closing}{straight}]")
    spans: list[_Span] = []
    carry = False
    for pi, p in enumerate(paras):
        open_at: int | None = None
        first = True
        for m in marks.finditer(text, p.start, p.end):
            ch, i = m.group(), m.start()
            before = text[i - 1] if i > p.start else " "
            after = text[i + 1] if i + 1 < p.end else " "
            if single and ch == "’" and before.isalpha() and after.isalpha():
                continue  # apostrophe
            if open_at is None:
                looks_open = ch == opening or (ch == straight and not after.isspace() and after not in ",.;:")
                if looks_open and (ch == opening or before.isspace() or before in "([—–-:" or i == p.start):
                    open_at = i
                continue
            if ch == closing or (
                ch == straight and (not before.isspace() or _closes_nested(text, open_at, i))
            ):
                spans.append(_make(text, pi, open_at, i, carry and first))
                open_at, first = None, False
        if open_at is not None:
            spans.append(_make(text, pi, open_at, None, carry and first, p.end))
            carry = True
        else:
            carry = False
    return [s for s in spans if s.end > s.start]


_OPENS_AFTER = "([—–-:"  # what a quote may open after besides a space or the paragraph's start
_CLOSES_AFTER = ",.!?…"  # 'We will,' he said. / 'It is over.'
_CLOSES_BEFORE = ",.;:!?)"  # 'a disgrace', he said. / the word 'no'.


def _straight_single_spans(text: str, paras: list[Segment]) -> list[_Span]:
    """Quotes in straight single marks, as British copy typed in plain text sets them ('We will fight,' she
    said). The mark is also the apostrophe ("can't", "the workers' union", "the '90s"), so a mark opens only
    after a space and before a word, and closes only after a sentence's punctuation or before one: "the
    workers' union" neither opens nor closes anything. A quote left open at a paragraph's end is one only if
    it opened the paragraph or followed a colon (a quote running on to the next paragraph); the next
    paragraph's quote then continues it. Otherwise it was an apostrophe or a scare quote the rules cannot
    close, and is dropped. Only called for an article without curly or double marks."""
    spans: list[_Span] = []
    carry = False
    for pi, p in enumerate(paras):
        open_at: int | None = None
        first = True
        opened_para = False
        i = text.find("'", p.start, p.end)
        while i >= 0:
            before = text[i - 1] if i > p.start else " "
            after = text[i + 1] if i + 1 < p.end else " "
            if open_at is None:
                decade = text[i + 1 : i + 3].isdigit()  # "the '90s"
                if (before.isspace() or before in _OPENS_AFTER) and after.isalnum() and not decade:
                    open_at, opened_para = i, text[p.start : i].rstrip()[-1:] in ("", ":")
            elif not before.isspace() and (
                before in _CLOSES_AFTER or i + 1 >= p.end or after in _CLOSES_BEFORE
            ):
                spans.append(_make(text, pi, open_at, i, carry and first))
                open_at, first = None, False
            i = text.find("'", i + 1, p.end)
        if open_at is not None and opened_para:
            spans.append(_make(text, pi, open_at, None, carry and first, p.end))
            carry = True
        else:
            carry = False
    return [s for s in spans if s.end > s.start]


def _content(text: str, paras: tuple[Segment, ...], index: FurnitureIndex) -> list[Segment]:
    """The paragraphs that are content; one that opens with furniture ("WASHINGTON (Reuters) - ", a
    dateline) keeps the rest of itself."""
    out = []
    for p in paras:
        f = index.at(p.start)
        if f is None or f.kind not in NON_CONTENT:
            out.append(p)
            continue
        start = f.end
        while start < p.end and text[start] in " \t\n-–—:":
            start += 1
        if start < p.end and (index.kind(start) or "") not in NON_CONTENT:
            out.append(Segment(start, p.end))
    return out


def _closes_nested(text: str, open_at: int, i: int) -> bool:
    """A straight mark after a space closes the quote when a nested quote just closed before that space
    ("… say, 'Well done,' " said X)."""
    j = i - 1
    while j > open_at and text[j] == " ":
        j -= 1
    return text[j] in "'’" and (i + 1 >= len(text) or not text[i + 1].isalnum())


def _make(text: str, para: int, open_at: int, close: int | None, continued: bool, para_end: int = 0) -> _Span:
    start, end = open_at + 1, close if close is not None else para_end
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return _Span(para, open_at, close, start, end, continued)


def extract(article: Article, actors: list[Actor], events: list[Event]) -> list[Quote]:
    """Direct quotes of ``article``; ``speaker`` is one of ``actors``' ids or ``None`` when unnamed."""
    text = article.text
    marks = any(c in text for c in '"“”‘')
    # no double or curly marks: straight single ones may be quotes, unless doubled as a double mark ('' as
    # archives and treebanks set “ and ”), which this reader leaves alone
    straight = not marks and "'" in text and "''" not in text
    if not marks and not straight and not _LABEL_HINT.search(text):
        return []
    paras = _content(text, paragraphs(text), FurnitureIndex(article.furniture))
    single = not any(c in text for c in '"“”')
    spans = (
        _find_spans(text, paras, single) if marks else _straight_single_spans(text, paras) if straight else []
    )
    if not spans and not _LABEL_HINT.search(text):
        return []
    refs = Referents(text, actors, article.id)
    spans = _transcript_lines(text, paras, spans, refs)
    if not spans:
        return []
    tokens = _Paragraphs(text, paras, spans)
    at = [QuoteAt(s.para, tokens.quote_token(n), s.continued, s.label) for n, s in enumerate(spans)]
    found = Speakers(text, tokens, at, refs).run()  # type: ignore[arg-type]
    aid = article.id
    quotes: list[Quote] = []
    # (evidence start, event index) of this article's events, sorted: a paragraph's events by bisection, once
    # a paragraph (one paragraph may hold thousands of quotes and dates)
    starts = sorted((ev.start, i) for i, e in enumerate(events) for ev in e.evidence if ev.article == aid)
    by_para: dict[int, list[str]] = {}
    for n, (s, who) in enumerate(zip(spans, found, strict=True)):
        budget.check()  # the article's time budget (core/budget.py)
        if not _attributed(who) and _title_or_scare(
            text[s.start : s.end], lambda n=n: tokens.standalone(n, at[n])
        ):
            continue
        if _named_title(text, s):
            continue  # Rubio said on ABC's "This Week": the show's title, not Rubio's words
        para = paras[s.para]
        evs = by_para.get(s.para)
        if evs is None:
            lo, hi = bisect_left(starts, (para.start, -1)), bisect_left(starts, (para.end, -1))
            evs = by_para[s.para] = [events[i].id for i in sorted({i for _, i in starts[lo:hi]})]
        quotes.append(
            _new_quote(
                id=f"{aid}:q{len(quotes) + 1}",
                article=aid,
                start=s.start,
                end=s.end,
                text=text[s.start : s.end],
                speaker=who.actor,
                # the words that name the speaker: kept when no actor matches ("a senior aide"), not a
                # pronoun nobody was found for
                speaker_name=who.name
                if (who.actor or not who.pronoun) and name_like(who.name or "")
                else None,
                venue=_venue(text[who.clause[0] : who.clause[1]]) if who.clause else None,
                cue=who.cue,
                events=list(evs),
            )
        )
    return quotes


def _transcript_lines(text: str, paras: list[Segment], spans: list[_Span], refs: Referents) -> list[_Span]:
    """Transcript lines ("PENCE: And that's why …"), inside quotation marks or not, are quotes of the
    speaker their label names, when an actor of the article has that name."""
    first = {}
    for n, s in enumerate(spans):
        first.setdefault(s.para, n)
    out = list(spans)
    added = False
    for pi, p in enumerate(paras):
        n = first.get(pi)
        opened = n is not None and spans[n].open == p.start
        m = _LABEL.match(text, p.start + 1 if opened else p.start, p.end)
        if m is None or refs.labelled(m.group(1)) is None:
            continue
        if opened:
            s = spans[n]
            if m.end() < s.end:
                s.start, s.label = m.end(), m.span(1)
        elif n is None:
            out.append(_Span(pi, p.start, None, m.end(), p.end, label=m.span(1)))
            added = True
    if added:
        out.sort(key=lambda s: s.open)
    return out


class _Paragraphs:
    """The content paragraphs as :class:`Para` tokens, made when the speaker search first reads them."""

    def __init__(self, text: str, paras: list[Segment], spans: list[_Span]) -> None:
        self.text = text
        self.segments = paras
        self.cache: dict[int, Para] = {}
        self.token_of: dict[int, int] = {}
        self.spans_in: dict[int, list[tuple[int, int, int]]] = {}
        for n, s in enumerate(spans):
            close = s.close if s.close is not None else paras[s.para].end
            self.spans_in.setdefault(s.para, []).append((n, s.open, close))

    def __len__(self) -> int:
        return len(self.segments)

    def __getitem__(self, i: int) -> Para:
        p = self.cache.get(i)
        if p is None:
            seg = self.segments[i]
            p = self.cache[i] = tokenize(self.text, seg.start, seg.end, self.spans_in.get(i, []))
        return p

    def quote_token(self, n: int) -> int:
        """The token index of quote ``n`` in its paragraph."""
        if not self.token_of:
            for pi in self.spans_in:
                for k, t in enumerate(self[pi].toks):
                    if t.kind == "q":
                        self.token_of[t.quote] = k
        return self.token_of[n]

    def standalone(self, n: int, q: QuoteAt) -> bool:
        """Whether quote ``n`` is a sentence of its own: it opens its sentence and ends with . ! or ?."""
        p = self[q.para]
        t = p.toks[q.tok]
        lo, _ = p.sentence_of(q.tok)
        return lo == q.tok and bool(_FINAL.search(self.text, max(t.start, t.end - 6), t.end))


def _attributed(who: Speaker) -> bool:
    """Whether the quote's own sentence names who said it."""
    return who.found and who.name is not None and who.how not in ("carried", "continued", "embedded")


def _title_or_scare(words: str, standalone: Callable[[], bool]) -> bool:
    """One or two words inside a sentence ("boasters"), or a title in capitals ("Meet the Press"): not a
    quote by itself. A quote that is a sentence of its own ('"Nobody came."') is one, however short."""
    if len(words) > 120:
        return False
    found = _WORD.findall(words)
    if len(found) <= 2:
        return not standalone()
    if len(found) > 8:
        return False
    return all(w[0].isupper() or w.lower() in _TITLE_SMALL for w in found) and found[0][0].isupper()


_TITLE_CUES = frozenset(lexicon.words("speech", "titles.cues"))


def _named_title(text: str, s: _Span) -> bool:
    """Whether a quote is the title of a work, a show or a document: words in capitals ("This Week With Jo
    Ames", "Unifier?") right after an outlet's possessive ("ABC's") or a word that names one ("titled",
    "the ad, called"; speech.toml titles.cues)."""
    words = text[s.start : s.end]
    if len(words) > 80 or not _title_or_scare(words.rstrip(",.?!:;"), lambda: True):
        return False
    before = text[max(0, s.open - 40) : s.open].rstrip(" \t,").split()
    word = before[-1] if before else ""
    return word.lower() in _TITLE_CUES or (word[:1].isupper() and word.endswith(("'s", "’s")))


def _venue(segment: str) -> str | None:
    m = _VENUE.search(segment)
    return m.group(1).rstrip(".,;:") if m and name_like(m.group(1)) else None
