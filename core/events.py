"""Step 5 — events: dated happenings of one article.

* one event per governing time expression (a DATE or TIME with bounds) in a content sentence or caption;
* the lead's main happening, undated in its sentence, at the publication date ("talks have ended");
* scheduled or expected happenings with no date ("upcoming talks") as future events after publication, so
  that another source can date them when articles are merged.

An article with no publication date still has its news: the last two are then events with an honest undated
date (``PAST_REF``/``PRESENT_REF``/``FUTURE_REF`` by tense, no bounds, labelled "undated"), never a day.

Each event has a short headline, a date at the granularity the text gives, a status from tense and cues, and
its evidence (article id, sentence offsets and text, the governing time expression).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator, Sequence
from datetime import timedelta
from functools import cache
from operator import methodcaller

from dateline.core import budget, lexicon
from dateline.core import gazetteer as gz
from dateline.core import lead as lead_step
from dateline.core.model import (
    Actor,
    Article,
    DateValue,
    Event,
    EventStatus,
    Evidence,
    Quote,
    TimeExpression,
    trusted,
)
from dateline.core.tense import future_status, headline_tense, main_tense, tense
from dateline.core.text import (
    ABBREVIATIONS,
    NON_CONTENT,
    FurnitureIndex,
    Segment,
    paragraph_sentences,
    paragraphs,
)

# Coarse kinds of happening; merging prefers events of the same kind. General English only.
KINDS: dict[str, str] = {
    "talks": "talks negotiations negotiation meeting meetings meet summit conference consultations session "
    "dialogue visit round convention hearing hearings congress",
    "agreement": "ceasefire cease-fire truce accord agreement deal pact treaty armistice memorandum communique "
    "settlement hostilities",
    "election": "election elections vote referendum ballot polls primary runoff",
    "violence": "attack attacks strike strikes airstrike airstrikes bombing offensive assault raid shelling "
    "explosion clashes fighting battle siege shooting killed",
    "legal": "trial verdict ruling sentence arrest arrested charged indictment court",
    "disaster": "earthquake flood floods storm hurricane fire crash accident outbreak",
    "business": "earnings profit profits loss dividend merger acquisition takeover offer bid shares stake sale "
    "results revenue revenues",
    "economy": "rate rates prices inflation output production exports imports budget",
}
_KIND_OF = {w: k for k, words in KINDS.items() for w in words.split()}
_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")
# Where clauses meet: "; " / " — ", ", but " (and other conjunctions), " but ", a quotation mark. Written to
# consume the break's first character first (white space or one of ;:—–,"“”), then go on by what it was: the
# engine then only tries positions holding such a character. Same matches as
# ``\s*[;:—–]\s+|,\s+(?:but|while|…|so)\s+|\s+but\s+|["“”]\s*``.
# (A break that starts with white space starts at the first space of its run: "(?<!\s)" keeps a long run of
# spaces from being rescanned from each of its spaces, which was quadratic.)
_CLAUSE_BREAK = re.compile(
    r"(?:(?<!\s)\s|[;:—–,\"“”])"
    r"(?:(?<=\s)\s*[;:—–]\s+|(?<=[;:—–])\s+"
    r"|(?<=,)\s+(?:but|while|whereas|although|though|which|as|and|so)\s+"
    r"|(?<=\s)\s*but\s+|(?<=[\"“”])\s*)",
    re.I,
)
_LEADING_JUNK = re.compile(
    r"^(?:and|but|or|so|yet|also|then|instead|however|meanwhile|still|though|while|as|that|which|who)(?=[,\s])[,\s]*",
    re.I,
)
_TRAILING_WORDS = (
    "in on at by during since for until till from of to before after around about through within throughout "
    "over the a an and or as ended ending starting beginning that which slated scheduled due set"
).split()
_TRAILING_PREP = re.compile(rf"(?<![\s,])[\s,]+(?:{'|'.join(_TRAILING_WORDS)})$", re.I)  # from a run's start
_TRAILING_WORD_SET = frozenset(_TRAILING_WORDS)


def _drop_trailing_prep(s: str) -> str:
    """``_TRAILING_PREP.sub("", s)``: the last word and the spaces and commas before it go when it is one of
    ``_TRAILING_WORDS``. Read from the end of the string (the expression would scan all of it)."""
    body = s[:-1] if s.endswith("\n") else s  # ``$`` also matches before a final newline
    if not body or body[-1] == "," or body[-1].isspace():
        return s
    word = body.rsplit(None, 1)[-1].rsplit(",", 1)[-1]
    if not word.isascii():  # re.I also folds some non-ASCII letters to ASCII ones
        return _TRAILING_PREP.sub("", s)
    if word.lower() not in _TRAILING_WORD_SET:
        return s
    cut = len(body) - len(word)
    while cut > 0 and (body[cut - 1] == "," or body[cut - 1].isspace()):
        cut -= 1
    return s if cut == len(body) - len(word) else s[:cut] + s[len(body) :]


_DETERMINER = {"a", "an", "the", "its", "their", "his", "her", "this", "these", "those", "some"}
HEADLINE_CHARS = 72
# records built here from values the pipeline typed: no validation needed
_new_event = trusted(Event)
_new_evidence = trusted(Evidence)
_new_date_value = trusted(DateValue)
_STOP_BEFORE_NP = {
    "to",
    "of",
    "in",
    "on",
    "at",
    "by",
    "for",
    "with",
    "is",
    "was",
    "are",
    "were",
    "and",
    "or",
    "but",
}
CLAUSE_WINDOW = 400  # characters either side of a time expression that can belong to its clause
LEAD_LEEWAY = timedelta(days=1)  # a lead reports what happened on the day of publication or the day before


def extract(article: Article, timexes: list[TimeExpression]) -> list[Event]:
    """Events of one article (ids local to it: ``<article id>:e<n>``)."""
    text = article.text
    index = FurnitureIndex(article.furniture)
    events: list[Event] = []
    dated_sentences: set[int] = set()
    by_start = [
        t
        for t in sorted(timexes, key=lambda t: t.start)
        if t.type in ("DATE", "TIME")
        and (t.earliest is not None or t.latest is not None)
        and not t.value.endswith("_REF")  # "now", "in the past": no date to put on a timeline
    ]
    starts = [t.start for t in by_start]
    # where furniture that carries no content starts: a sentence ends there ("Record May 1\n Reuter")
    walls = sorted(f.start for f in article.furniture if f.kind in NON_CONTENT)
    stamps = {p.start for p in lead_step.stamps(article, timexes)}
    for sent in _candidate_sentences(text, starts):
        budget.check()  # the article's time budget (core/budget.py)
        if sent.start in stamps:  # "Posted July 20, 2009": when the page was made, not a happening
            continue
        kind = index.kind(sent.start)
        if kind == "dateline":  # a wire story's first sentence: what follows the dateline is the lead
            found = lead_step.past_dateline(text, index, sent)
            if found is None:
                continue
            sent, kind = found, index.kind(found.start)
        if kind in NON_CONTENT:
            continue
        if (w := bisect_right(walls, sent.start)) < len(walls) and walls[w] < sent.end:
            end = walls[w]
            while end > sent.start and text[end - 1].isspace():
                end -= 1
            sent = Segment(sent.start, end)
        # only the sentence's own time expressions: the article's all, once per sentence, was quadratic
        inside = by_start[bisect_left(starts, sent.start) : bisect_left(starts, sent.end)]
        if (after := lead_step.stamp_end(text, sent, inside)) > sent.start:  # "Posted 4 May 2009 ..."
            if after >= sent.end:
                continue
            sent = Segment(after, sent.end)
        governing = by_start[bisect_left(starts, sent.start) : bisect_left(starts, sent.end)]
        if len(governing) > 1:  # "X struck two days ago, officials said on Wednesday": the saying's date
            governing = [t for t in governing if not _dates_the_attribution(text, t, sent)] or governing
        breaks = _clause_breaks(text, sent) if governing else []
        # the whole sentence's headline, for a date whose clause gives none: read once per sentence, not once
        # per date (a line of thousands of dates read whole for each was quadratic)
        whole = cache(lambda sent=sent: tidy(lead_headline(text[sent.start : sent.end])))
        for t in governing:
            if (ev := _dated_event(article, sent, t, breaks, whole, caption=kind == "caption")) is not None:
                events.append(ev)
            dated_sentences.add(sent.start)
        if not governing and kind is None:
            ev = _undated_future_event(article, sent)
            if ev:
                events.append(ev)
    _add_lead(article, timexes, events, dated_sentences | stamps)
    for i, e in enumerate(events, 1):
        e.id = f"{article.id}:e{i}"  # built here, owned here: no copy needed
    return events


def _candidate_sentences(text: str, starts: list[int]) -> Iterator[Segment]:
    """Sentences that may hold an event: those of paragraphs with a time expression or a scheduling cue.

    Splitting only these paragraphs into sentences saves most of the splitting on long articles.
    """
    # a cheap filter before the regular expression: the cue words an ASCII text holds, found in its lowered
    # copy (same offsets); other texts go straight to the expression (re.I also folds some non-ASCII letters)
    low = text.lower() if text.isascii() else None
    cues = [w for w in _SCHEDULING_WORDS if w in low] if low is not None else []
    for para in paragraphs(text):
        i = bisect_left(starts, para.start)
        if (i < len(starts) and starts[i] < para.end) or (
            (low is None or any(low.find(c, para.start, para.end) >= 0 for c in cues))
            and _SCHEDULED.search(text, para.start, para.end)
        ):
            yield from paragraph_sentences(text, para)


_SCHEDULING_WORDS = ("upcoming", "forthcoming", "slated", "scheduled", "will ")


# --- the three sources of events -----------------------------------------------------------------------------


def _dated_event(
    article: Article,
    sent: Segment,
    t: TimeExpression,
    breaks: list[tuple[int, int]],
    whole: Callable[[], str | None],
    *,
    caption: bool,
) -> Event | None:
    """The event a time expression dates, headlined from its clause or else ``whole()``, the sentence's."""
    text, dct = article.text, article.published
    clause = _clause(breaks, sent, t.start, t.end)
    date = t.date_value()
    # the time expression itself says nothing about tense ("in May" is no modal), so it is left out
    lo, hi = clause.start, clause.end
    if m := _REPORTED_THAT.search(text, lo, hi):  # "warned on Tuesday that cases could double by February":
        lo, hi = (lo, m.end()) if t.start < m.end() else (m.end(), hi)  # the report and what it reports
    head = tidy(headline(text, clause, t.start, t.end)) or whole()
    if head is None:  # the sentence names a time, not a happening ("In June 2009", a table's "May 4.5")
        return None
    if " " not in head and len(text[sent.start : sent.end].split()) <= 4:
        return None  # a table's line ("Record March 15", "Payable April 1"): one word says who did nothing
    masked = text[lo : t.start] + " " + text[t.end : hi]
    status = _status(masked, date, dct, caption=caption)
    how = f"from “{t.text}”"
    if t.anchored and dct is not None:
        how += f", relative to the publication date ({dct.label()})"
    return _new_event(
        id="",
        headline=head,
        date=date,
        status=status,
        date_how=how,
        kind=kind_of(text[clause.start : clause.end]),
        evidence=[_evidence(article, sent, t)],
    )


def attribute_quoted(events: list[Event], quotes: Sequence[Quote], actors: Sequence[Actor] = ()) -> None:
    """A happening read from inside a quotation is headlined with its speaker ("Jo Ames: ‘that is what
    we agreed …’"); a quote no one is known to have said is marked so. A quote's words alone are never a
    headline: they say what someone said, not who did what."""
    names = {a.id: a.name for a in actors}
    spans = sorted((q.start, q.end, names.get(q.speaker or "", q.speaker_name)) for q in quotes)
    if not spans:
        return
    starts = [s[0] for s in spans]
    for e in events:
        if not e.evidence:
            continue
        ev = e.evidence[0]
        anchor = ev.timex_start if ev.timex_start is not None else _first_word(ev)
        i = bisect_right(starts, anchor) - 1
        if i < 0 or not (spans[i][0] <= anchor < spans[i][1]):
            continue
        words = e.headline.strip(" \"'“”‘’")
        speaker = spans[i][2] or "Unattributed"
        speaker = speaker[:1].upper() + speaker[1:]
        room = HEADLINE_CHARS - len(speaker) - 4
        if len(words) > room:
            words = _cut(words, room)
        e.headline = f"{speaker}: ‘{words}’"


def _first_word(ev: Evidence) -> int:
    """Offset of the first letter or digit of an evidence sentence (past its opening quotation mark)."""
    for i, c in enumerate(ev.text):
        if c.isalnum():
            return ev.start + i
    return ev.start


def _add_lead(article: Article, timexes: list[TimeExpression], events: list[Event], skip: set[int]) -> None:
    """Mark what the article reports as news (``Event.lead``): the events read from its lead sentence, or
    else one made from the lead (or, when the lead says nothing that happened, the headline line). The
    headline line and the sentences restating the lead are more evidence of them. ``skip``: the starts of
    sentences that hold other events or are not news (time stamps)."""
    head, lead, passed = lead_step.news_lines(article, timexes)
    if lead is None:
        return
    if head is not None and head.start == lead.start:
        head = None
    news = [e for e in events if e.evidence and e.evidence[0].start == lead.start]
    if not news and lead.start not in skip:
        made = _lead_event(article, lead)
        if made is None and head is not None and head.start not in skip:
            made, lead, head = _lead_event(article, head, headline=True), head, None
        if made is not None:
            events.insert(0, made)
            news = [made]
    if not news:
        return
    more = [head] if head is not None else []
    more += [s for s in passed if s.start not in skip]
    more += lead_step.restatements(article, lead, skip | {lead.start} | {s.start for s in more})
    for e in news:
        e.lead = True
        e.evidence.extend(_evidence(article, seg, None) for seg in more)


def _lead_event(article: Article, sent: Segment, *, headline: bool = False) -> Event | None:
    """The lead's main happening, reported as news: on or just before the publication date. A headline's
    present tense reports what has happened ("Gunman kills one"). In an article with no publication date the
    news is still an event, undated (:func:`_undated`): the article's news is what a reader most needs to see."""
    dct = article.published
    clause_text = article.text[sent.start : sent.end]
    t = headline_tense(clause_text) if headline else main_tense(clause_text)
    day = dct.earliest if dct is not None else None
    if t == "past" or (t == "present" and headline):
        status: EventStatus = "occurred"
        lo = day - LEAD_LEEWAY if day else None
    elif t == "present":
        status, lo = "ongoing", day
    elif t == "future":  # "X will host the ceremony": news of what is to come, after publication
        status, lo = future_status(clause_text, headline=headline), day
    else:
        return None
    head = tidy(lead_headline(clause_text))
    if head is None:
        return None
    if dct is None:
        date = _undated(status)
        how = "the lead reports it as news, but the article has no publication date: undated"
    elif t == "future":
        date = _new_date_value(value="FUTURE_REF", granularity="unknown", earliest=lo, latest=None)
        how = f"the lead reports it as to come: after publication ({dct.label()}), no date given"
    else:
        # a publication date known only by a bound ("after 1 Mar 1996") places the news by that bound alone
        date = DateValue.bounded(lo, dct.latest)
        how = f"the lead reports it as news: on or just before publication ({dct.label()})"
    return _new_event(
        id="",
        headline=head,
        date=date,
        status=status,
        date_how=how,
        kind=kind_of(clause_text),
        evidence=[_evidence(article, sent, None)],
    )


_SCHEDULED = re.compile(
    r"\b(?:upcoming|forthcoming|slated|scheduled|will (?:continue|resume|be held|take place|meet|hold|convene))\b",
    re.I,
)


def _undated_future_event(article: Article, sent: Segment) -> Event | None:
    """A scheduled happening with no date of its own: after publication, to be dated by other sources."""
    dct = article.published
    body = article.text[sent.start : sent.end]
    m = _SCHEDULED.search(body)
    if m is None:
        return None
    clause = _clause(_clause_breaks(article.text, sent), sent, sent.start + m.start(), sent.start + m.end())
    clause_text = article.text[clause.start : clause.end]
    kind = kind_of(clause_text)
    head = tidy(lead_headline(clause_text))
    if kind is None or head is None:
        return None
    status = future_status(clause_text)
    if dct is None or dct.earliest is None:  # nothing to be after: undated, until another source dates it
        date = _undated(status)
        how = f"“{m.group()}”: no date given, and the article's own date is not known: undated"
    else:
        date = _new_date_value(value="FUTURE_REF", granularity="unknown", earliest=dct.earliest, latest=None)
        how = f"“{m.group()}”: after publication ({dct.label()}), no date given"
    return _new_event(
        id="",
        headline=head,
        date=date,
        status=status,
        date_how=how,
        kind=kind,
        evidence=[_evidence(article, sent, None, sent.start + m.start())],
    )


# --- helpers ---------------------------------------------------------------------------------------------------


_REFERENCE = {"occurred": "PAST_REF", "ongoing": "PRESENT_REF"}  # other statuses are of what is to come


def _undated(status: EventStatus) -> DateValue:
    """The date of a happening whose article has no date: a TIMEX3 reference without a date, by the tense
    the status was read from (``PAST_REF``, ``PRESENT_REF``, ``FUTURE_REF``), with no bound and no day."""
    return _new_date_value(value=_REFERENCE.get(status, "FUTURE_REF"), granularity="unknown")


EVIDENCE_CHARS = 1000  # a sentence up to this long is an event's evidence whole
EVIDENCE_REACH = 300  # past it, this much either side of the time expression
_GAP = re.compile(r"\s+")


def evidence_span(text: str, sent: Segment, focus_start: int, focus_end: int) -> Segment:
    """The stretch of ``sent`` an event keeps as its evidence: the whole sentence when it is of a normal
    length (up to ``EVIDENCE_CHARS``), else about ``EVIDENCE_REACH`` characters either side of the focus (the
    time expression or cue), cut at word boundaries. A sentence of a hundred thousand characters listing
    dates would otherwise be copied whole into each of its thousands of events."""
    if sent.end - sent.start <= EVIDENCE_CHARS:
        return sent
    lo = max(sent.start, focus_start - EVIDENCE_REACH)
    hi = min(sent.end, focus_end + EVIDENCE_REACH)
    if lo > sent.start and not text[lo - 1].isspace() and (gap := _GAP.search(text, lo, focus_start)):
        lo = gap.end()  # the cut word goes: start at the next one
    if hi < sent.end and not text[hi].isspace():
        gaps = [g.start() for g in _GAP.finditer(text, focus_end, hi)]  # (at most EVIDENCE_REACH characters)
        if gaps:
            hi = gaps[-1]  # end with the last whole word
    if gap := _GAP.match(text, lo, focus_start):  # no white space at either end
        lo = gap.end()
    while hi > focus_end and text[hi - 1].isspace():
        hi -= 1
    return Segment(lo, hi)


def _evidence(article: Article, sent: Segment, t: TimeExpression | None, cue: int | None = None) -> Evidence:
    """Evidence of an event read from ``sent`` (about ``t``, or a cue at offset ``cue``, or the start)."""
    focus = (t.start, t.end) if t is not None else (cue, cue) if cue is not None else (sent.start, sent.start)
    span = evidence_span(article.text, sent, *focus)
    return _new_evidence(
        article=article.id,
        start=span.start,
        end=span.end,
        text=article.text[span.start : span.end],
        timex=t.id if t else None,
        timex_start=t.start if t else None,
        timex_end=t.end if t else None,
    )


_REPORTED = "|".join(
    sorted(v for v in gz.REPORTING_VERBS if v.endswith("ed") or v in ("said", "told"))
)  # past
# "..., officials said on Wednesday.": a date right after a reporting verb, ending the sentence's last clause
_ATTRIBUTION_BEFORE = re.compile(
    rf"\b(?:{_REPORTED})"
    r"(?:\s+(?:reporters|journalists|lawmakers|parliament|the\s+\w+))?\s+(?:on\s+|late\s+on\s+|early\s+on\s+)?$"
)
_ATTRIBUTION_AFTER = re.compile(r"\s*+[.!?\"”’']*+\s*+$")  # possessive: no backtracking over a long run
ATTRIBUTION_REACH = 200  # characters before a time expression where "officials said on" is looked for


def _dates_the_attribution(text: str, t: TimeExpression, sent: Segment) -> bool:
    """Whether ``t`` only says when something was said ("..., officials said on Wednesday.").

    The attribution is a few words long and ends at ``t``: it is looked for in the ``ATTRIBUTION_REACH``
    characters before it, so a sentence with thousands of dates is not read again from its start for each."""
    lo = max(sent.start, t.start - ATTRIBUTION_REACH)
    clause_start = text.rfind(",", lo, t.start) + 1 or lo
    return bool(
        _ATTRIBUTION_BEFORE.search(text, clause_start, t.start)
        and _ATTRIBUTION_AFTER.match(text, t.end, sent.end)
    )


# A reporting verb, up to a few words, then "that": the report's time and the reported happening's differ.
_REPORTED_THAT = re.compile(
    rf"\b(?:{_REPORTED})"
    r"\b[^.;:\"“”]{0,60}?\bthat\b"
)


def _status(clause: str, date: DateValue, dct: DateValue | None, *, caption: bool) -> EventStatus:
    if dct is not None:  # a date wholly before or after publication settles it
        if date.latest and dct.earliest and date.latest < dct.earliest:
            return "occurred"
        if date.earliest and dct.latest and date.earliest > dct.latest:
            return future_status(clause)
    t = tense(clause)
    if t == "future":
        return future_status(clause)
    if t == "present":
        return "ongoing"
    if t == "past" or caption:
        return "occurred"
    if dct is not None and date.latest and dct.latest and date.latest <= dct.latest:
        return "occurred"
    return "unknown"


def kind_of(clause: str) -> str | None:
    """The kind of happening a clause names (the first kind word wins), or ``None``."""
    return next(filter(None, map(_KIND_OF.get, _WORD.findall(clause.lower()))), None)


def _clause_breaks(text: str, sent: Segment) -> list[tuple[int, int]]:
    """Where the clauses of a sentence meet, as (start, end) spans, computed once per sentence."""
    return [m.span() for m in _CLAUSE_BREAK.finditer(text, sent.start, sent.end)]


def _clause(breaks: list[tuple[int, int]], sent: Segment, t_start: int, t_end: int) -> Segment:
    """The clause of ``sent`` holding the span ``[t_start, t_end)``, given the sentence's clause breaks."""
    i = bisect_right(breaks, t_start, key=lambda b: b[1])  # the first break ending after the start
    start = breaks[i - 1][1] if i > 0 else sent.start
    end = sent.end
    while i < len(breaks):  # a break overlapping the time expression does not end its clause
        if breaks[i][0] >= t_end:
            end = breaks[i][0]
            break
        i += 1
    # a clause is never longer than a few hundred characters: bound the work on pathological input
    start, end = (
        max(start, t_start - CLAUSE_WINDOW),
        min(max(end, min(t_end, sent.end)), t_end + CLAUSE_WINDOW),
    )
    return Segment(start, end)


_APPOSITION = re.compile(r",\s+(?:the|a|an)\s+[^,;]{3,40},")
_COMPARISON = lexicon.words("headlines", "comparisons.words")
# (a run of white space is tried from its start only, and taken whole: no rescans of a long run)
_LEAD_BREAK = re.compile(
    # "as" opens a clause, but not inside "as much as", "as well as" ("plans for as much as 300 mln dlrs"),
    # nor in "as of": neither "as" of a comparison is a break (a lookbehind a word, as it must be fixed-width)
    r"(?<!\s)" + "".join(rf"(?<!\b{w})" for w in _COMPARISON) + r"\s++"
    rf"(?:as(?!\s+(?:{'|'.join(_COMPARISON)}|of)\b)|after|while|despite|because|with|amid|though"
    r"|although)\s+|(?<!\s)\s*+[;:—–(]\s*"
    r"|[;:—–(]\s*"
    r"|,\s++(?:and|but|which|who|saying|despite)\s+"
)


_INTRO = re.compile(
    r"(?:before|after|when|while|since|until|till|by|in|on|at|during|as|following|speaking|starting|beginning"
    r"|earlier|later|from|over|through|within|for|late|early|then)\b",
    re.I,
)
_PRONOUN_START = re.compile(r"^(?:it|they)\s+(?=\w)", re.I)
_NOUN_PHRASE = re.compile(
    r"\b(?:the|a|an|its|their)\s+((?:[\w-]+\s+){0,4}?[\w-]+)"
    r"(?=\s+(?:still|has|have|is|are|was|were|had|will|would|of|in|on|to|that|which|and|but)\b|\s*[,.;]|\s*$)",
    re.I,
)


def _resolve_pronoun(head: str, before: str) -> str:
    """ "it is expected to begin" → "the monitoring body is expected to begin", from the nearest noun phrase."""
    m = _PRONOUN_START.match(head)
    if not m:
        return head
    phrases = list(_NOUN_PHRASE.finditer(before))
    if not phrases:
        return head
    np = phrases[-1].group(0)
    return f"{np} {head[m.end() :]}"


def lead_headline(sentence: str) -> str:
    """A lead sentence shortened to its main clause: appositions dropped, cut at the first subordinate clause."""
    s = _APPOSITION.sub("", " ".join(sentence.split()))
    # the first break that leaves a whole phrase ("plans for [as much as ...]" is cut after "plans" or not at all)
    m = next((m for m in _LEAD_BREAK.finditer(s, 20) if not _dangles(s[: m.start()])), None)
    if m:
        s = s[: m.start()]
    s = s.strip(" ,.;:")
    if len(s) > HEADLINE_CHARS:
        s = _cut(s, HEADLINE_CHARS)
    return s[:1].upper() + s[1:] if s else "Event"


_CALENDAR = frozenset(
    w.lower()
    for key in ("months.full", "months.abbr", "weekdays.full", "weekdays.abbr")
    for w in lexicon.words("time", key)
)
_STAMP_WORDS = lead_step.STAMP_WORDS  # "Posted", "Updated"
_TIMEISH = re.compile(r"(?:\d[\d:./,–-]*(?:st|nd|rd|th|am|pm|a\.m|p\.m)?|[ap]\.?m\.?|[-–—|]+)", re.I)
_PROSE = re.compile(r"[^\W\d_]{3,}")


def _is_time_token(token: str, following: str = "", *, capitals: bool = False) -> bool:
    """Whether a headline word is part of a date, clock time or page stamp ("At", "18:40", "23rd", "Mar",
    "GMT", "Posted"), not of what happened. "May" counts only before a number (else it may be the verb). A
    short word in capitals is a zone ("EDT") unless the whole headline is in ``capitals`` ("ZURN INC SETS
    DIV"): there only the zones of the list are."""
    bare = token.strip(",.;:()[]\"'“”‘’/")
    low = bare.lower()
    if not bare or _TIMEISH.fullmatch(bare):
        return True
    if "/" in bare:  # "May/Sep", "7.5/8.5"
        return all(_is_time_token(part, "0") for part in bare.split("/"))
    if low == "may":
        return token.endswith("/") or following.lstrip("/-– ")[:1].isdigit()
    return (
        low in _CALENDAR
        or low in _STAMP_WORDS
        or low in ("at", "on", "in", "by", "of", "from", "to", "and")
        or (capitals and low in _ZONES)
        or (not capitals and bare.isupper() and len(bare) <= 4 and bare.isalpha() and len(bare) > 1)
    )


_ZONES = frozenset(lexicon.words("happenings", "stamps.zones"))
# words a headline cannot end on: a copula or auxiliary, or a word after which a phrase must go on ("compared
# with", "the", "of")
_DANGLING = frozenset(lexicon.words("headlines", "dangling.words")) | frozenset(
    lexicon.words("headlines", "glue.words")
)
_SENTENCE_BREAK = re.compile(r"(?P<para>\n[ \t]*\n)|(?<=[.!?])\s+(?=[A-Z])")


def _own_sentence(after: str) -> str:
    """``after`` up to the end of its paragraph or sentence: a stop before a capital ends it, unless it ends
    an abbreviation or an initial ("the U.S. Senate", "Mr. Lee")."""
    for m in _SENTENCE_BREAK.finditer(after):
        if not m.group("para"):
            words = after[: m.start()].split()
            stem = words[-1].rstrip(".").lower() if words else ""
            if stem in ABBREVIATIONS or (len(stem) == 1 and stem.isalpha()):
                continue
        return after[: m.start()]
    return after


def _cut(text: str, room: int) -> str:
    """``text`` cut at a word to at most ``room`` characters and marked "…", never after a word that cannot
    end a phrase ("plans for …" is "plans …")."""
    words = text[:room].rsplit(" ", 1)[0].rstrip(" ,;:").split(" ")
    while len(words) > 2 and _dangles(words[-1]):
        words.pop()
    return " ".join(words).rstrip(" ,;:") + "…"


def _name_word(word: str) -> bool:
    """A capitalised word that goes on a name ("Wal-Mart", "North", "<BAC.N>"), not one that ends a clause."""
    return word[:1].isupper() and not word.endswith((".", ",", ":", ";")) and word.lower() not in _DETERMINER


def _dangles(head: str) -> bool:
    """Whether a headline ends on a word that cannot end one ("... was", "... compared with", "... the")."""
    last = head.rsplit(None, 1)[-1].lower() if head.strip() else ""
    return last in _DANGLING


def tidy(head: str) -> str | None:
    """A headline without the dates, clock times and stamps at its ends ("At 18:40 23rd Mar 2010, Jane
    wrote" -> "Jane wrote"); None when nothing of a happening is left ("In June 2009", "Monday 1 to Friday 5
    March", "May 4.5 PB"): such a line names a time, not who did what."""
    words = head.split()
    caps = not any(c.islower() for c in head)  # a headline in capitals: "ZURN INC SETS QTLY DIV"
    start, end = 0, len(words)
    while start < end and _is_time_token(
        words[start], words[start + 1] if start + 1 < end else "", capitals=caps
    ):
        start += 1
    full = end
    while (
        end > start
        and _is_time_token(words[end - 1], words[end] if end < full else "", capitals=caps)
        and words[end - 1] != "…"
    ):
        end -= 1
    if start < end < full and _dangles(words[end - 1]):
        end = full  # "The exercise date was April 15": the time is the complement, not a stamp
    kept = words[start:end]
    following = [*kept[1:], ""] if kept else []
    if not any(
        _PROSE.search(w) and not _is_time_token(w, n, capitals=caps)
        for w, n in zip(kept, following, strict=True)
    ):
        return None
    out = " ".join(kept).strip(" ,;:-–—")
    return out[:1].upper() + out[1:]


_STRIP_PUNCT = methodcaller("strip", ",.;:")


def _short_start(words: list[str]) -> int:
    """The first word (not the first, nor among the last three) that starts a clause or noun phrase and leaves
    at most ``HEADLINE_CHARS`` from it on; the last ten words when there is none."""
    # words[i:] joined is at most HEADLINE_CHARS long from ``fits`` on (it gets shorter as i grows)
    fits, length = len(words), -1
    while fits > 0 and length + 1 + len(words[fits - 1]) <= HEADLINE_CHARS:
        fits -= 1
        length += 1 + len(words[fits])
    for i in range(max(1, fits), max(1, len(words) - 3)):
        if (
            words[i].lower() in _DETERMINER
            or (words[i][:1].isupper() and not words[i - 1].endswith((".", ":")))
            or words[i - 1].lower() in ("that", "when", "after", "because")
            or words[i - 1].endswith(",")
        ):
            return i
    return max(0, len(words) - 10)


def headline(text: str, clause: Segment, t_start: int, t_end: int) -> str:
    """A short headline from a clause: the time expression left out, cut near it to a readable length."""
    if (
        text[t_end : t_end + 1] in ("-", "–", "/", ")")
        or text[max(clause.start, t_start - 1) : t_start] == "("
    ):
        t_start = t_end  # a date in brackets or one end of a range stays: "director (2000-2003)"
    before = text[
        max(clause.start, t_start - 8 * HEADLINE_CHARS) : t_start
    ]  # bounded: the subs below are O(n²)
    after = text[t_end : clause.end]
    if after.startswith(("'s ", "’s ")):  # "this year's budget": the time expression belongs to the phrase
        before, after = text[clause.start : t_end + 2], after[2:]
    intro = before.strip()
    if after.lstrip().startswith(",") and (not intro or (len(intro.split()) <= 6 and _INTRO.match(intro))):
        # "Before retiring in 1984, he taught ...": the happening is the main clause after the comma
        main = after.lstrip()[1:]
        if len(main.split()) >= 3:
            head = _resolve_pronoun(lead_headline(main), text[max(0, clause.start - 200) : clause.start])
            return head[:1].upper() + head[1:]
    before = _drop_trailing_prep(before.rstrip(" ,"))
    while True:
        cut = _drop_trailing_prep(before)
        if cut == before:
            break
        before = cut
    words = before.split()
    kinds = list(map(_KIND_OF.get, map(_STRIP_PUNCT, before.lower().split())))  # one per word
    kind_at = max((i for i, k in enumerate(kinds) if k), default=-1) if any(kinds) else -1
    modified = (
        len(words) - kind_at >= 2
    )  # the date sits in the noun's own phrase: "an accord made ... in May"
    if kind_at >= 0 and len(words) - kind_at <= 8 and (modified or len(before) > HEADLINE_CHARS):
        # start at the noun phrase naming the happening: "... to monitor [a ceasefire negotiated by ...]"; a
        # short clause whose date follows the noun itself stays whole ("Dockworkers extended their strike")
        start = kind_at
        while start > 0 and kind_at - start < 3 and words[start - 1].lower() not in _DETERMINER:
            if not words[start - 1][:1].isalpha() or words[start - 1].lower() in _STOP_BEFORE_NP:
                break
            start -= 1
        if start > 0 and words[start - 1].lower() in _DETERMINER:
            start -= 1
        words = words[start:]
    elif len(" ".join(words)) > HEADLINE_CHARS:
        # start where a clause or noun phrase starts: the earliest such word that leaves a short headline
        start = _short_start(words)
        back = start
        while back > 0 and start - back < 4 and words[back][:1].isupper() and _name_word(words[back - 1]):
            back -= 1  # never start inside a name: "[Wal-]Mart said", "[President] Reagan will"
        words = words[back:]
    head = " ".join(words)
    after = _own_sentence(after)  # nor past its paragraph or its sentence
    tail = " ".join(after.split()).strip(" ,.")
    if tail and not re.match(r"[,;]", after.strip()):
        room = HEADLINE_CHARS - len(head) - 1
        if len(tail) > room:
            tail = _cut(tail, room) if room > 10 else ""
    else:
        tail = ""
    if _dangles(head):
        # "The exercise date was [April 15]", "compared with [1978]", "between [May 1] and June 30": the time
        # expression completes the phrase, and stays
        head = f"{head} {' '.join(text[t_start:t_end].split())}"
    if tail:
        sep = "" if after[:1] in ("/", "-", "–") else " "  # "October/December" stays one word
        head = f"{head}{sep}{_drop_trailing_prep(tail)}".strip()
    if len(head) < 12:  # nothing before the time expression worth showing: use the clause after it
        head = " ".join(text[clause.start : clause.end].split())
    head = _LEADING_JUNK.sub("", head).strip(" ,.;:\"'“”‘’")
    head = _resolve_pronoun(head, text[max(0, clause.start - 200) : clause.start])
    if len(head) > HEADLINE_CHARS:
        head = _cut(head, HEADLINE_CHARS)
    return head[:1].upper() + head[1:] if head else "Event"
