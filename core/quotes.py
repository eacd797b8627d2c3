"""Step 7 — quotes: direct quotes with their speakers, venues and the events of their paragraph.

Quotes are the words between double quotation marks (straight or curly; single curly marks when an article
uses no double marks), paired per paragraph; an opening mark left open at a paragraph's end runs to the end
of that paragraph and the next paragraph's quote continues it. The speaker comes from the attribution after
the quote ("…," X said / said X / X told OUTLET / according to X) or before it (X said: "…" / X said that
Y "…" / adding, "…"), pronouns ("he said") go to the last named person, and a quote whose attribution names
nobody ('"…," told OUTLET.') keeps speaker ``None``. Speakers are ids of the article's actors, found through
the actors' mention offsets.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from dateline.core import gazetteer as gz
from dateline.core.model import Actor, Article, Event, Quote, trusted
from dateline.core.text import NON_CONTENT, FurnitureIndex, Segment, paragraphs

_VERBS = "|".join(sorted(gz.REPORTING_VERBS, key=len, reverse=True))
_VERB = re.compile(rf"\b(?:{_VERBS}|according\s+to)\b", re.I)
# . ! ? before white space or the end, not after "Mr", "Dr", an initial…: the mark is read first (so the
# engine only stops at marks), then the word before it checked by lookbehind.
_SENTENCE_END = re.compile(r"[.!?](?<!\bMr.)(?<!\bMrs.)(?<!\bMs.)(?<!\bDr.)(?<!\bSt.)(?<!\b[A-Z].)(?=\s|$)")
_LEAD = re.compile(r"^[\s,:;—–-]*")
_PRONOUN_VERB = re.compile(
    rf"^[\s,:;—–-]*(he|she|they|it)\s+(?:(?:also|later|then|has|had|was|is|once)\s+)*({_VERBS})\b", re.I
)
_VERB_FIRST = re.compile(rf"^[\s,:;—–-]*(?:(?:also|later|then)\s+)?({_VERBS}|according\s+to)\b", re.I)
_SUBJECT_VERB = re.compile(
    rf"^[\s,:;—–-]*((?:[^\s\"“”]+\s+){{0,9}}?[^\s\"“”]+)\s+(?:(?:has|had|also|later|then|was|is|once)\s+)*({_VERBS})\b",
    re.I,
)
_VENUE = re.compile(
    r"\b(?:told|(?:talking|speaking|spoke|talked)\s+to|interview\s+with|(?:said|speaking|told)\s+on)\s+"
    r"(?:the\s+)?((?:[A-Z][\w&.'’-]*|\d+)(?:[ \t]+(?:[A-Z][\w&.'’-]*|\d+))*)"
)
_PRONOUNS = {"he": "person", "she": "person", "they": None, "it": None}
_PARTICIPLES = frozenset({"adding", "saying", "added", "continuing", "noting", "stressing", "explaining"})


_new_quote = trusted(Quote)  # built from offsets and ids found here: no validation needed


@dataclass(slots=True)
class _Span:
    para: int
    open: int  # offset of the opening mark
    close: int | None  # offset of the closing mark (None: runs to the paragraph end)
    start: int  # quoted words
    end: int
    continued: bool = False  # continues an open quote of the previous paragraph


@dataclass(slots=True)
class _Who:
    actor: str | None
    name: str | None
    cue: str | None
    venue: str | None = None
    found: bool = False  # an attribution was found (even if it names nobody)


class _Mentions:
    """Actor mentions by offset, with each actor's kind."""

    def __init__(self, actors: list[Actor], article_id: str) -> None:
        rows = sorted(
            (m.start, m.end, a.id, a.kind, m.text)
            for a in actors
            for m in a.mentions
            if m.article == article_id
        )
        self.rows = rows
        self.starts = [r[0] for r in rows]

    def within(self, start: int, end: int) -> list[tuple[int, int, str, str, str]]:
        i = bisect_left(self.starts, start)
        out = []
        while i < len(self.rows) and self.rows[i][0] < end:
            if self.rows[i][1] <= end:
                out.append(self.rows[i])
            i += 1
        return out


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
            if ch == closing or (ch == straight and not before.isspace()):
                spans.append(_make(text, pi, open_at, i, carry and first))
                open_at, first = None, False
        if open_at is not None:
            spans.append(_make(text, pi, open_at, None, carry and first, p.end))
            carry = True
        else:
            carry = False
    return [s for s in spans if s.end > s.start]


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
    if not any(c in text for c in '"“”‘'):
        return []
    index = FurnitureIndex(article.furniture)
    paras = [p for p in paragraphs(text) if (index.kind(p.start) or "") not in NON_CONTENT]
    single = not any(c in text for c in '"“”')
    spans = _find_spans(text, paras, single)
    if not spans:
        return []
    return _Quoter(article, actors, paras, spans).run(events)


class _Quoter:
    def __init__(
        self, article: Article, actors: list[Actor], paras: list[Segment], spans: list[_Span]
    ) -> None:
        self.article = article
        self.text = article.text
        self.paras = paras
        self.spans = spans
        self.mentions = _Mentions(actors, article.id)
        self.kinds = {a.id: a.kind for a in actors}
        self.quoted = [(s.open, s.close if s.close is not None else s.end) for s in spans]
        self.quote_starts = [q[0] for q in self.quoted]
        self.last_speaker: list[tuple[int, str, str]] = []  # (offset, actor id, surface) of person speakers

    def outside_quotes(self, pos: int) -> bool:
        i = bisect_right(self.quote_starts, pos) - 1
        return i < 0 or pos > self.quoted[i][1]

    def resolve_pronoun(self, pronoun: str, pos: int, para: Segment) -> tuple[str | None, str | None]:
        """he/she → the last person named before ``pos`` in the paragraph, else the last person speaker."""
        want = _PRONOUNS.get(pronoun.lower())
        if want is None:
            return None, None
        for m in reversed(self.mentions.within(para.start, pos)):
            if self.kinds.get(m[2]) == want and self.outside_quotes(m[0]):
                return m[2], m[4]
        for off, aid, name in reversed(self.last_speaker):
            if off < pos and self.kinds.get(aid) == want:
                return aid, name
        for m in reversed(self.mentions.within(max(0, para.start - 3000), para.start)):
            if self.kinds.get(m[2]) == want and self.outside_quotes(m[0]):
                return m[2], m[4]
        return None, None

    def subject_of(self, seg_start: int, verb_start: int, para: Segment) -> tuple[str | None, str | None]:
        """The actor named right before a reporting verb (the nearest mention, people first)."""
        text = self.text
        found = [m for m in self.mentions.within(seg_start, verb_start) if self.outside_quotes(m[0])]
        if not found:
            pron = re.search(
                r"\b(he|she)\s+(?:(?:also|later|then|has|had)\s+)*$", text[seg_start:verb_start], re.I
            )
            if pron:
                return self.resolve_pronoun(pron.group(1), seg_start + pron.start(), para)
            return None, None
        tail = text[found[-1][1] : verb_start]
        if re.search(r"[.;!?]|\bthat\b|\bwho\b", tail):
            return None, None
        people = [m for m in found if self.kinds.get(m[2]) == "person"]
        best = people[-1] if people and found[-1][1] - people[-1][1] < 80 else found[-1]
        return best[2], best[4]

    def mention_at(self, start: int, end: int) -> tuple[str | None, str | None]:
        """The actor whose mention starts right at ``start`` ("said X", "according to X")."""
        for m in self.mentions.within(start, end):
            if m[0] - start <= 40:
                return m[2], m[4]
            break
        return None, None

    def run(self, events: list[Event]) -> list[Quote]:
        text, aid = self.text, self.article.id
        quotes: list[Quote] = []
        prev: tuple[_Span, _Who] | None = None
        for s in self.spans:
            para = self.paras[s.para]
            who = self.after(s, para)
            if not who.found:
                who = self.before(s, para, prev)
            if not who.found and s.continued and prev is not None:
                who = _Who(prev[1].actor, prev[1].name, prev[1].cue, prev[1].venue, True)
            if who.actor and self.kinds.get(who.actor) == "person":
                self.last_speaker.append((s.start, who.actor, who.name or ""))
            evs = [
                e.id
                for e in events
                if any(ev.article == aid and para.start <= ev.start < para.end for ev in e.evidence)
            ]
            quotes.append(
                _new_quote(
                    id=f"{aid}:q{len(quotes) + 1}",
                    article=aid,
                    start=s.start,
                    end=s.end,
                    text=text[s.start : s.end],
                    speaker=who.actor,
                    speaker_name=who.name,
                    venue=who.venue,
                    cue=who.cue,
                    events=evs,
                )
            )
            prev = (s, who)
        return quotes

    def after(self, s: _Span, para: Segment) -> _Who:
        """Attribution after the closing mark, up to the end of that sentence or the next quote."""
        if s.close is None:
            return _Who(None, None, None)
        text = self.text
        nxt = next((o.open for o in self.spans if o.open > s.close and o.para == s.para), para.end)
        after = text[s.close + 1 : nxt]
        m_end = _SENTENCE_END.search(after)
        after = after[: m_end.start() + 1] if m_end else after
        base = s.close + 1
        lead = _LEAD.match(after).end()
        # an attribution after a quote follows the end of a clause: '…," X said' / '…" X said' / '…", X said'
        if not (re.search(r"[,.!?:;…—–-]\s*$", text[s.start : s.end]) or re.match(r"\s*[,.;:!?—–-]", after)):
            return _Who(None, None, None)
        if m := _PRONOUN_VERB.match(after):
            actor, _ = self.resolve_pronoun(m.group(1), base + m.start(1), para)
            return _Who(actor, m.group(1), m.group(2).lower(), _venue(after), True)
        if m := _VERB_FIRST.match(after):
            verb = re.sub(r"\s+", " ", m.group(1).lower())
            if verb.startswith("told"):
                return _Who(None, None, "told", _venue(after), True)  # '"…," told OUTLET.': nobody named
            sub = re.match(r"\s+(?:by\s+)?", after[m.end() :])
            actor, name = self.mention_at(base + m.end() + (sub.end() if sub else 0), base + len(after))
            return _Who(actor, name, verb, _venue(after), True)
        if m := _SUBJECT_VERB.match(after):
            actor, name = self.subject_of(base + lead, base + m.start(2), para)
            return _Who(actor, name, m.group(2).lower(), _venue(after), True)
        return _Who(None, None, None)

    def before(self, s: _Span, para: Segment, prev: tuple[_Span, _Who] | None) -> _Who:
        """Attribution in the clause before the opening mark ("X said: …", "X said that Y …", "adding, …")."""
        text = self.text
        same_para = prev is not None and prev[0].para == s.para
        lo = prev[0].close + 1 if same_para and prev[0].close is not None else para.start
        seg = text[lo : s.open]
        cut = max((m.end() for m in _SENTENCE_END.finditer(seg)), default=0)
        clause_start = lo + cut
        clause = text[clause_start : s.open]
        verbs = list(_VERB.finditer(clause))
        if verbs:
            v = verbs[-1]
            verb = re.sub(r"\s+", " ", v.group().lower())
            between = clause[: v.start()]
            if (
                verb in _PARTICIPLES
                and same_para
                and prev[1].found
                and re.search(r"[,;]\s*(?:and\s+)?$", between)
            ):
                return _Who(
                    prev[1].actor, prev[1].name, verb, prev[1].venue, True
                )  # '…," X told Y, adding, "…"'
            if verb.startswith("according"):
                actor, name = self.mention_at(clause_start + v.end(), s.open)
                return _Who(actor, name, "according to", None, True)
            actor, name = self.subject_of(clause_start, clause_start + v.start(), para)
            if actor is None and verb in _PARTICIPLES:
                main = list(_VERB.finditer(clause, 0, v.start()))
                if main:
                    actor, name = self.subject_of(clause_start, clause_start + main[0].start(), para)
            return _Who(actor, name, verb, _venue(clause), True)
        # '"…," he said. "…"': a quote right after a short attribution continues the same speaker
        if same_para and prev[1].found and (cut or clause.strip().endswith(":")) and len(seg.split()) <= 12:
            return _Who(prev[1].actor, prev[1].name, prev[1].cue, prev[1].venue, True)
        return _Who(None, None, None)


def _venue(segment: str) -> str | None:
    m = _VENUE.search(segment)
    return m.group(1).rstrip(".,;:") if m else None
