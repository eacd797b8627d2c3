"""Step 4 — publication date (the document creation time, DCT): the second of the three time passes.

From metadata when given; otherwise inferred from the article's own time expressions (found without a DCT,
see ``core.timexes.find``) by weighing evidence rather than falling back through a chain:

* a *pin*: a dated line at the head of a web page ("Published: Dec. 17, 2021"), a wire dateline
  ("SALVADOR, Feb 26 -"), a photo caption's date. It gives the day, with or without its year;
* the *year*: every explicit year, month or day with a year the text gives, weighed by tense (something
  reported as happened is no later than publication; something scheduled is no earlier; a date years away
  says little), and weekdays that sit next to a day ("Friday, March 12"; a wire dateline's day and the
  weekday its lead reports) and fit only some years;
* *bounds* inside the year: the latest full date reported as happened, the earliest one still ahead.

The result is a window, a confidence and a one-line "how"; doubtful evidence gives no window (an undated
article stays visibly undated). Two steps across articles complete it (``core.pipeline.finish``): the years the
loaded articles' own evidence points to give the year of a year-less pin or sharpen a weak year
(:func:`date_from_corpus`), and an article that retells a happening another article dates is dated from it
(:func:`from_related`).
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from functools import lru_cache

from dateline.core import clean, gazetteer, lexicon, timexes
from dateline.core import tense as tenses
from dateline.core.model import MONTH_ABBRS, Article, DateValue, TimeExpression
from dateline.core.text import FurnitureIndex, continues_sentence, lead_paragraphs, paragraph_sentences

CAPTION_SLACK = timedelta(days=1)  # a caption's photo was taken on the day of publication or the day before
DATELINE_SLACK = timedelta(days=1)  # a dateline's day is local: the stamp elsewhere may be a day either side
RECENT_SLACK = timedelta(days=7)  # "have come to an end": the happening is recent news
OWN_SURE = 0.9  # posterior of a year, from the article's own evidence alone, that dates it
CORPUS_SURE = 0.9  # the same with the loaded articles' years as the prior
HEAD_CHARS = 1500  # a page's date line sits in its head
FLOOR = 0.05  # no single clue rules a year out: a misread tense or a stray number must not decide alone
# A clue that contradicts a year (something reported as happened after it): a tense is misread, a fiscal year
# ends later than its name says, a completed year's results are "to be reported": unlikely, not impossible.
CONTRADICTED = 0.15
MISREAD = 0.25  # the share of date clues whose tense or reading is wrong
DURING = 0.3  # a period reported as happened, in an article written as it begins (relative to one after it)


def day(d: date) -> DateValue:
    return DateValue.between(d, d)


def window(lo: date, hi: date) -> DateValue:
    return DateValue.between(lo, hi)


_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_BASIC_DATE = re.compile(r"(\d{4})(\d{2})(\d{2})(?:T.*)?")


@lru_cache(maxsize=4096)
def parse_given(raw: str) -> date | None:
    """Parse a metadata date (ISO date or date-time first, any other format through dateparser).

    Only an absolute calendar date counts: day, month and year written out. A relative or partial value
    ("yesterday", "3 days ago", "Thursday", "March 2017", "a") is ``None``, never a day read off the clock
    (``dateparser`` fills what a string lacks from today: "a" was 1 January of the current year)."""
    raw = raw.strip()
    m = _ISO_DATE.match(raw)
    if m:
        try:
            return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            return None
    m = _BASIC_DATE.fullmatch(raw)
    if m:
        try:
            return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            return None
    parsed = _dateparser_parse(raw[:80])
    return parsed.date() if parsed else None


@lru_cache(maxsize=1024)
def _dateparser_parse(raw: str) -> datetime | None:
    import dateparser

    try:
        return dateparser.parse(raw, languages=["en"], settings=_ABSOLUTE)
    except (ValueError, OverflowError, TypeError):
        return None


# dateparser settings for metadata dates: absolute forms only, every part given, and nothing taken from today
_ABSOLUTE = {
    "PARSERS": ["timestamp", "custom-formats", "absolute-time"],  # no "yesterday", "3 days ago"
    "REQUIRE_PARTS": ["day", "month", "year"],  # no "March 2017", "Thursday", "26 February"
    "RELATIVE_BASE": datetime(2000, 1, 1),  # the clock is never read, even for a time of day left out
}


# ---------------------------------------------------------------------------------------------------------
# Clues: what the article's own time expressions say about its date


@dataclass(slots=True)
class Pin:
    """A day the article names as its own: ``month``/``day`` and, when the text gives it, ``year``."""

    month: int
    day: int
    year: int | None
    before: timedelta  # publication may be this much before the day ...
    after: timedelta  # ... or this much after it
    how: str  # "dateline “SALVADOR, Feb 26”"

    def window(self, year: int) -> tuple[date, date] | None:
        try:
            d = date(year, self.month, self.day)
        except ValueError:
            return None
        return d - self.before, d + self.after


@dataclass(slots=True)
class Clues:
    pin: Pin | None = None
    # periods the text dates with their year (a day, a month, a quarter, a year), with their tense
    periods: list[tuple[date, date, str | None]] = field(default_factory=list)
    # (month, day, weekday, named next to the day) pairs: "Friday, March 12"; a dateline's day and its lead's
    weekday_days: list[tuple[int, int, int, bool]] = field(default_factory=list)
    past: list[tuple[date, str]] = field(default_factory=list)  # full dates reported as happened
    future: list[tuple[date, str]] = field(default_factory=list)  # full dates still ahead

    @property
    def dated_by_year(self) -> bool:
        """Whether the clues can say anything about the year."""
        return bool(self.periods or self.weekday_days or (self.pin and self.pin.year))


_PAGE_LABEL = re.compile(r"\s*(?i:(?:first\s+|last\s+)?(?:published|updated|posted|date[d]?|modified))\b")
# What may stand beside the date on a page's date line: labels, clock times, time zones, "3 years ago".
_PAGE_REST = re.compile(
    r"(?i:published|updated|posted|dated?|modified|last|first|on|at|by|ago|am|pm|a\.m|p\.m|hours?|minutes?"
    r"|days?|years?|months?|weeks?)|[A-Z]{2,4}|\d+(?::\d\d)?|[|:,./\-–—()]+"
)


def _line(text: str, start: int, end: int) -> tuple[int, int]:
    lo = text.rfind("\n", 0, start) + 1
    hi = text.find("\n", end)
    return lo, len(text) if hi < 0 else hi


def _page_date(text: str, t: TimeExpression) -> str | None:
    """``"published"``/``"updated"`` when ``t`` is the date line at a web page's head ("Published: Dec. 17,
    2021 at 11:15 AM", "Tuesday, July 3, 2018", "January 12, 2015 / 3:35 PM"), else ``None``."""
    if t.start > HEAD_CHARS:
        return None
    lo, hi = _line(text, t.start, t.end)
    if text[lo:hi].rstrip().endswith(".") or continues_sentence(text, lo):
        return None  # a sentence that a hard-wrapped line happens to start with a date
    label = _PAGE_LABEL.match(text, lo, t.start)
    rest = (text[lo : t.start] + " " + text[t.end : hi]).split()
    if not label and any(not _PAGE_REST.fullmatch(w.strip(",.;")) for w in rest if w.strip(",.;")):
        return None
    return "updated" if label and "updat" in label.group().lower() else "published"


def _md(t: TimeExpression) -> tuple[int, int, int | None] | None:
    """(month, day, weekday) of a year-less day ("Feb 26", "Friday, March 12")."""
    if t.placeholder is None or not t.placeholder.startswith("md "):
        return None
    _, m, d, d2, yoff, wd = t.placeholder.split(" ")
    if d2 != "-" or yoff != "-":
        return None
    return int(m), int(d), (None if wd == "-" else int(wd))


def _absolute_day(t: TimeExpression) -> date | None:
    if t.placeholder is None and t.granularity in ("day", "time") and t.earliest and t.earliest == t.latest:
        return t.earliest
    return None


def _pin(article: Article, found: list[TimeExpression]) -> Pin | None:
    """The day the article names as its own: a page's date line, else its dateline, else a caption's date."""
    index = FurnitureIndex(article.furniture)
    text = article.text
    dateline = caption = None
    for t in found:
        kind = index.kind(t.start)
        d, md = _absolute_day(t), _md(t)
        if d is None and md is None:
            continue
        m, dd, y = (d.month, d.day, d.year) if d else (md[0], md[1], None)  # type: ignore[index]
        if d is not None and (page := _page_date(text, t)):
            before = timedelta(days=2) if page == "updated" else timedelta(0)
            return Pin(m, dd, y, before, timedelta(0), f"page date “{t.text}”")
        if kind == "dateline" and dateline is None:
            dateline = Pin(m, dd, y, DATELINE_SLACK, DATELINE_SLACK, f"dateline “{t.text}”")
        elif kind in ("caption", "repeat") and caption is None and d is not None:
            caption = Pin(m, dd, y, timedelta(0), CAPTION_SLACK, f"caption date “{t.text}”")
    return dateline or _odd_case_dateline(article) or caption


def _odd_case_dateline(article: Article) -> Pin | None:
    """The day of a dateline whose month is typed in an odd case ("BERGEN, march 9 -", "NOv 14"), which no
    time expression reads (in prose a lower-case "march" or "may" is a verb): the dateline itself says where
    its day is."""
    f = next((f for f in article.furniture if f.kind == "dateline"), None)
    found = clean.dateline_day(article.text, f.start, f.end) if f is not None else None
    if found is None:
        return None
    month, day_, words = found
    return Pin(month, day_, None, DATELINE_SLACK, DATELINE_SLACK, f"dateline “{words}”")


def _lead_weekday(article: Article, found: list[TimeExpression]) -> int | None:
    """The weekday the lead sentence reports its news on ("deplored Friday the bomb blasts")."""
    paras = lead_paragraphs(article, 1)
    if not paras:
        return None
    sents = paragraph_sentences(article.text, paras[0])
    if not sents:
        return None
    lo, hi = sents[0]
    index = FurnitureIndex(article.furniture)
    for t in found:
        if lo <= t.start < hi and index.kind(t.start) != "dateline" and t.placeholder:
            op, *a = t.placeholder.split(" ")
            if op == "wd" and a[1] == "-" and a[2] == "-":
                return int(a[0])
    return None


def gather(article: Article, found: list[TimeExpression]) -> Clues:
    """The clues ``found`` (the article's time expressions, resolved or not) give about its date."""
    clues = Clues(pin=_pin(article, found))
    periods: set[tuple[date, date, str | None]] = set()
    for t in found:
        if t.type not in ("DATE", "TIME"):
            continue
        if t.placeholder is None and t.granularity not in ("decade", "century") and t.earliest and t.latest:
            periods.add((t.earliest, t.latest, t.tense))
            if (d := _absolute_day(t)) is not None:
                (clues.future if t.tense == "future" else clues.past).append((d, t.text))
        elif (md := _md(t)) is not None and md[2] is not None:
            clues.weekday_days.append((md[0], md[1], md[2], True))
    clues.periods = sorted(periods, key=lambda x: (x[0], x[1], x[2] or ""))
    pin = clues.pin
    if pin is not None and pin.year is None:
        wd = _lead_weekday(article, found)
        if wd is not None:  # a wire story's dateline day is the weekday its lead reports (or the day after)
            clues.weekday_days.append((pin.month, pin.day, wd, False))
    return clues


# ---------------------------------------------------------------------------------------------------------
# Weighing: how well each year fits the clues


def _period_fit(dct: date, lo: date, hi: date, tense: str | None) -> float:
    """How well a publication date ``dct`` fits a period ``[lo, hi]`` the text dates, in a sentence of ``tense``.

    Reported as happened: the period has begun by publication. Past its first months, news reports what
    happened earlier in the current year about as often as in the last one ("sales rose in 1987", said in
    June 1987, is as usual as "1986 profit rose"), so an article written during the period fits it nearly as
    well as one written after it, the more so the more of it has gone by; one years old says less. A day or
    a few weeks still ahead: publication comes before it. A longer period said in the future tense: the
    current one fits best; the next one nearly as well once much of the year has gone by (forecasts turn to
    next year as it nears); a past one whose results are still to come ("will report 1986 results") less.
    The figures are coarse shares of how far news copy reaches back and forth, not fitted to any one
    corpus."""
    if tense == "past":
        if dct < lo:
            return _contradicted((lo - dct).days)
        if dct < hi:  # "sales rose in 1987" is as usual in June 1987 as in 1988, less so in February 1987
            return min(1.0, DURING + (dct - lo).days / max(1, (hi - lo).days))
        return _years_back((dct - hi).days)
    if tense == "future" and (hi - lo).days < 60:
        return _contradicted((dct - hi).days) if dct > hi else _years_back((lo - dct).days)
    gap = max((lo - dct).days, (dct - hi).days, 0) / 365.25
    if tense == "future" and dct < lo and gap <= 1:  # "growth of 3 pct in 1988", said in 1987
        return min(1.0, DURING + (dct - date(dct.year, 1, 1)).days / 365)
    near = (1.0, 0.45, 0.15) if tense == "future" else (1.0, 0.6, 0.2)
    return near[0] if gap == 0 else near[1] if gap <= 1 else near[2] if gap <= 2 else FLOOR


def _contradicted(days: int) -> float:
    """A clue contradicted by this many days (something reported as happened that long after publication)."""
    return CONTRADICTED if days <= 366 else CONTRADICTED / 3 if days <= 731 else FLOOR / 5


def _years_back(days: int) -> float:
    """How likely a date this many days before (or after, for one ahead) publication is mentioned."""
    years = days / 365.25
    return 1.0 if years <= 1 else 0.55 if years <= 2 else 0.2 if years <= 3 else 0.1 if years <= 5 else FLOOR


def _noisy(fit: float) -> float:
    """A clue's fit, allowing that the clue itself is misread (a wrong tense, a number that is no year) about
    one time in four: then it says nothing either way."""
    return (1 - MISREAD) * fit + MISREAD * 0.5


def _representative(clues: Clues, y: int) -> date:
    """The publication date a year stands for: the pin's day in that year, else the middle of the year."""
    pin = clues.pin
    if pin is not None:
        try:
            return date(y, pin.month, pin.day)
        except ValueError:
            return date(y, pin.month, 28)
    return date(y, 7, 1)


def likelihood(clues: Clues, years: Sequence[int]) -> list[float]:
    """The likelihood of each of ``years`` as the publication year, from the clues alone."""
    out = []
    for y in years:
        log = 0.0
        if clues.pin is not None and clues.pin.year is not None:
            log += 0.0 if y == clues.pin.year else math.log(0.001)
        dct = _representative(clues, y)
        # the periods of one article that fall in one year are not independent witnesses (a story about 1986
        # results names 1986, its quarters and its months): each year, with its tense, counts once
        groups: dict[tuple[int, str | None], list[float]] = {}
        for lo, hi, tense in clues.periods:
            groups.setdefault((hi.year, tense), []).append(_period_fit(dct, lo, hi, tense))
        log += sum(math.log(_noisy(sum(fits) / len(fits))) for fits in groups.values())
        for m, d, wd, named in clues.weekday_days:
            try:
                fits = date(y, m, d).weekday()
            except ValueError:
                fits = -1
            if fits != wd:  # "Friday, March 12" names the day's weekday; a lead's weekday is only likely it
                log += math.log(0.1 if named else 0.5 if fits == (wd + 1) % 7 else 0.35)
        out.append(log)
    top = max(out, default=0.0)
    return [math.exp(v - top) for v in out]


def candidate_years(clues: Clues) -> list[int]:
    found = [d.year for lo, hi, _ in clues.periods for d in (lo, hi)]
    if clues.pin and clues.pin.year:
        found.append(clues.pin.year)
    if not found:
        return []
    return list(range(min(found) - 3, max(found) + 4))


def posterior(clues: Clues, years: Sequence[int], prior: dict[int, float] | None = None) -> dict[int, float]:
    like = likelihood(clues, years)
    post = {
        y: w * (prior.get(y, 0.0) if prior is not None else 1.0) for y, w in zip(years, like, strict=True)
    }
    total = sum(post.values())
    return {y: p / total for y, p in post.items()} if total > 0 else {}


def _within_years(clues: Clues, first: int, last: int) -> tuple[date, date, str]:
    """The window inside ``first``–``last``: after the latest date reported as happened, before the earliest
    still ahead."""
    lo, hi = date(first, 1, 1), date(last, 12, 31)
    how = f"in {first}" if first == last else f"in {first}–{last}"
    past = [(d, s) for d, s in clues.past if lo <= d <= hi]
    if past:
        d, s = max(past)
        lo, how = d, f"on or after “{s}”, reported as happened"
    future = [(d, s) for d, s in clues.future if lo <= d <= hi]
    if future:
        d, s = min(future)
        hi, how = d, how + f", before “{s}”, still ahead"
    return lo, hi, how


def _dated(article: Article, lo: date, hi: date, confidence: float, how: str) -> Article:
    return article.model_copy(
        update={
            "published": window(lo, hi),
            "published_how": how,
            "published_confidence": round(confidence, 3),
        }
    )


def decide(
    article: Article, clues: Clues, post: dict[int, float], sure: float, source: str
) -> Article | None:
    """``article`` dated by the year ``post`` favours, when it is at least ``sure`` (without a pin, by the
    fewest consecutive years, at most ``MAX_YEARS``, that are); ``None`` when doubtful."""
    pin = clues.pin
    span = _likely_years(post, sure, 1 if pin is not None else MAX_YEARS)
    if span is None:
        return None
    first, last, p = span
    if pin is not None:
        days = pin.window(first)
        if days is None:
            return None
        year_how = "" if pin.year else f", its year {first} from {source}"
        return _dated(article, days[0], days[1], p * 0.95, f"text: {pin.how}{year_how}")
    lo, hi, how = _within_years(clues, first, last)
    return _dated(article, lo, hi, p * 0.6, f"text: {how}; the year from {source}")


MAX_YEARS = 2  # the widest run of years an article without a pin of its own is dated to


def _likely_years(post: dict[int, float], sure: float, longest: int) -> tuple[int, int, float] | None:
    """The shortest run of consecutive years (at most ``longest``) holding at least ``sure`` of ``post``."""
    years = sorted(post)
    for n in range(1, longest + 1):
        runs = [
            (years[i], years[i + n - 1], sum(post[y] for y in years[i : i + n]))
            for i in range(len(years) - n + 1)
        ]
        runs = [r for r in runs if r[2] >= sure and r[1] - r[0] == n - 1]
        if runs:
            return max(runs, key=lambda r: (r[2], -r[0]))
    return None


# ---------------------------------------------------------------------------------------------------------
# Bounds: what an article's dated happenings and schedules say when its year is not sure

BOUND_CONFIDENCE = 0.3  # a bound is true but weak: a misread tense or a term taken for a happening breaks it
_EVIDENCE = lexicon.table("time")["evidence"]
_SPAN_END = frozenset(_EVIDENCE["span_end"])
_DEADLINE = frozenset(_EVIDENCE["deadline"])
_TERMS = re.compile(r"\b" + lexicon.alternation(_EVIDENCE["terms"]) + r"\b", re.I)
_NAMED_BEFORE = frozenset(_EVIDENCE["named_before"])
_WORD_BEFORE = re.compile(r"((?:as\s+)?[A-Za-z]+)[^A-Za-z]*$")
_RATE = re.compile(r"(?i)(?:\bpct|\bpercent|%)\s+(?:of\s+)?$")
_PERIOD_OF = re.compile(r"(?i)\b(?:the\s+)?(?:end|middle|start|beginning|close|turn)\s+of\s+(?:the\s+)?$")
_WORD_AFTER = re.compile(r"[\s,]*([A-Za-z]+)")
# white space and words taken whole (possessive): what follows each is a letter, so giving any back matches
# nothing more, and a long run of white space after a date is read once, not split every way (seconds per
# date on a 5,000-character run)
_UNSCHEDULED = re.compile(
    r"[ \t]*+,?\s*+(?:[A-Za-z-]++\s++){0,2}?" + lexicon.alternation(_EVIDENCE["unscheduled"]) + r"\b", re.I
)
_COMPARED = frozenset(_EVIDENCE["compared"])
_SPAN_TO = frozenset(("to", "through", "thru", "until", "till", "and"))
_TOKEN = re.compile(r"[A-Za-z]+")
_IN_PERIOD = re.compile(r"\b" + lexicon.alternation(_EVIDENCE["in_period"]) + r"\s+$", re.I)
_SPEECH = frozenset(gazetteer.REPORTING_VERBS)


@dataclass(frozen=True, slots=True)
class Bound:
    """A day publication is no earlier (or no later) than, and the expression that says so."""

    day: date
    text: str


def _a_happening(text: str, t: TimeExpression, ahead: bool = False) -> bool:
    """Whether a date is the time of a happening: not the start or end of a span that may lie on either side
    of publication ("starting in March", "the year ending March 28"); and, unless it is ``ahead`` (said in
    the future tense, where a deadline or a maturity is still to come), not a deadline ("until 1991", "by the
    end of 1990") nor a term, target or maturity ("payable May 1", "the 2002 stock", "the 1988 financial
    year")."""
    s, e = tenses.sentence_bounds(text, t.start, t.end)
    head = text[max(s, t.start - 30) : t.start]
    if head.rstrip().endswith(("/", "-", "–")):
        return False  # the second end of a span: "the July 1986/June 1987 marketing year"
    if timexes.names_a_happening(text, t.start):
        return False  # "Euro 2016 tickets sold out": the year names the tournament, not when they sold
    not_before = _SPAN_END if ahead else _SPAN_END | _DEADLINE
    word = _WORD_BEFORE.search(head)
    if word and _last_words(word.group(1)) & not_before and not _compared_with(text, s, e, t, word.start()):
        return False
    if (period := _PERIOD_OF.search(head)) is not None:  # "by the end of 1990": the word before "the end"
        word = _WORD_BEFORE.search(head, 0, period.start())
        if word and _last_words(word.group(1)) & not_before:
            return False
    if ahead:
        return True
    if _RATE.search(head):
        return False  # "the 9-1/2 pct of 2001", "8.50 pct December 2012 stock": a bond named by its maturity
    after = _WORD_AFTER.match(text, t.end, min(e, t.end + 30))
    if after and after.group(1).lower() in _NAMED_BEFORE:
        return False
    if _TERMS.search(text, s, t.start) or _TERMS.search(text, t.end, e):
        return False
    # "fiscal 1988" is a period of its own: the time of what happened in it ("In fiscal 1988, it earned"),
    # not of what was planned for it ("the fiscal 1988 budget was approved")
    return not _TERMS.search(t.text) or _IN_PERIOD.search(head) is not None


def _compared_with(text: str, s: int, e: int, t: TimeExpression, word: int) -> bool:
    """Whether "from" before a date makes it the base of a comparison ("down $2.5 billion from 1996", "up 5
    pct from March 1986"): a word of change shortly before, and no second end of a span after it ("from 1985
    to 1990")."""
    lo = max(s, t.start - 30) + word
    if text[lo : lo + 4].lower() != "from":
        return False
    before = _TOKEN.findall(text, max(s, lo - 60), lo)
    if not any(w.lower() in _COMPARED for w in before[-6:]):
        return False
    if text[t.end : t.end + 2].strip().startswith(("-", "–", "/")):
        return False  # "from 1985-1990"
    after = _WORD_AFTER.match(text, t.end, min(e, t.end + 30))
    return not (after and after.group(1).lower() in _SPAN_TO)


def _names_unscheduled(text: str, t: TimeExpression) -> bool:
    """Whether a date names a happening nobody schedules, which has therefore happened: "the November 1995
    assassination", "its 1990 invasion of", "a 1997 attack on" (the nouns: time.toml [evidence]
    unscheduled)."""
    return (
        t.placeholder is None
        and t.granularity in ("year", "month", "day", "season", "quarter", "half")
        and _UNSCHEDULED.match(text, t.end) is not None
    )


def _last_words(words: str) -> set[str]:
    """ "as of" and "of" for a head ending "... as of": the two-word markers and the last word."""
    parts = words.lower().split()
    return {" ".join(parts), parts[-1]}


def bounds(article: Article, found: list[TimeExpression]) -> tuple[Bound | None, Bound | None]:
    """The latest day the article reports as happened and the earliest it reports as still ahead, each a
    true bound on its publication date however weak (a date years old says little): only dates the text
    gives with their year count, only happenings in a sentence told wholly in the past ("the plant closed
    in March 1996") and days a future said now looks ahead to ("talks will begin on January 23, 1997");
    forecasts, deadlines, maturities and futures seen from the past ("was to end in 1995") do not."""
    text = article.text
    lower: Bound | None = None
    upper: Bound | None = None
    for t in found:
        span = _with_year(t)
        if span is None or t.type not in ("DATE", "TIME") or t.granularity in ("decade", "century"):
            continue
        earliest, latest = span
        if (lower is None or earliest > lower.day) and _names_unscheduled(text, t):
            lower = Bound(earliest, t.text)
        elif t.tense == "past" and (lower is None or earliest > lower.day):
            if _a_happening(text, t) and tenses.happened(text, t.start, t.end, _SPEECH):
                lower = Bound(earliest, t.text)
        elif (
            t.placeholder is None
            and t.tense == "future"
            and (latest - earliest).days < 7
            and (upper is None or latest < upper.day)
            and _a_happening(text, t, ahead=True)
            and tenses.ahead(text, t.start, t.end)
        ):
            upper = Bound(latest, t.text)
    if lower is not None and upper is not None and lower.day > upper.day:
        return None, None  # they contradict each other: one of them is misread, and neither says which
    return lower, upper


def _with_year(t: TimeExpression) -> tuple[date, date] | None:
    """The days a time expression dates with its year, without the publication date: its own span, or for a
    report's period named by its year ("in the 1988 period", which of its quarters is for the narrative to
    say) that year."""
    if t.placeholder is None:
        return (t.earliest, t.latest) if t.earliest is not None and t.latest is not None else None
    op, *a = t.placeholder.split(" ")
    if op == "narr" and a[2] != "-":
        year = int(a[2])
        return date(year, 1, 1), date(year, 12, 31)
    return None


def undated(article: Article) -> bool:
    """Whether an article still needs a date: it has none, or only its bounds (see :func:`bounds`), which
    other evidence may narrow."""
    pub, confidence = article.published, article.published_confidence
    return pub is None or pub.open or (confidence is not None and confidence <= BOUND_CONFIDENCE)


def anchor(article: Article) -> DateValue | None:
    """The publication date to resolve the article's relative dates against: none when only its bounds are
    known ("yesterday" in an article written "after 1 Mar 1996" is no day)."""
    return None if undated(article) else article.published


def _bounded(article: Article, lower: Bound | None, upper: Bound | None) -> Article:
    """``article`` dated by its bounds alone: a window open on the side no bound closes."""
    parts = []
    if lower is not None:
        parts.append(f"after the latest past date mentioned, “{_one_line(lower.text)}”")
    if upper is not None:
        parts.append(f"before the earliest date still ahead, “{_one_line(upper.text)}”")
    how = ", and ".join(parts)
    return article.model_copy(
        update={
            "published": DateValue.bounded(lower.day if lower else None, upper.day if upper else None),
            "published_how": f"text: {how}",
            "published_confidence": BOUND_CONFIDENCE,
        }
    )


def _one_line(text: str) -> str:
    return " ".join(text.split())


def infer(article: Article, found: list[TimeExpression]) -> Article:
    """``article`` with its publication date: from metadata, else weighed from its own time expressions."""
    if article.published_given:
        d = parse_given(article.published_given)
        if d:
            return article.model_copy(
                update={"published": day(d), "published_how": "metadata", "published_confidence": 1.0}
            )
    clues = gather(article, found)
    pin = clues.pin
    if pin is not None and pin.year is not None:
        span = pin.window(pin.year)
        if span is not None:
            return _dated(article, span[0], span[1], 0.95, f"text: {pin.how}")
    if clues.dated_by_year:
        dated = decide(article, clues, posterior(clues, candidate_years(clues)), OWN_SURE, "its own dates")
        if dated is not None:
            return dated
    lower, upper = bounds(article, found)
    if lower is not None or upper is not None:
        return _bounded(article, lower, upper)
    return article.model_copy(
        update={"published": None, "published_how": "unknown", "published_confidence": None}
    )


# ---------------------------------------------------------------------------------------------------------
# Across articles: the years the loaded articles are in


SPREAD = 5  # years either side of those the evidence names that an article may still be in


@dataclass(slots=True)
class CorpusYear:
    """The year most loaded articles are in, and the share of them that are (``weight``)."""

    year: int
    weight: float
    years: list[int]  # the years an article outside it may be in

    def prior(self) -> dict[int, float]:
        rest = (1.0 - self.weight) / len(self.years)
        return {y: rest + (self.weight if y == self.year else 0.0) for y in self.years}


def corpus_year(
    likes: Sequence[Sequence[float]], years: Sequence[int], named: set[int], rounds: int = 30
) -> CorpusYear | None:
    """The year the loaded articles are in, if their evidence points to one.

    A folder of news is mostly about one stretch of time: each article is either in the corpus's year (with
    probability ``weight``) or in any of ``years``. ``likes`` holds, per article with clues of its own (or a
    known date), how well each of ``years`` fits it. The year and its weight are those that explain the
    evidence best (EM over the weight, for the few years the evidence favours most). Only a year near one
    the articles name (``named``) can be the corpus's: weekdays alone fit every few years. None unless that
    year explains the evidence ``CORPUS_ODDS`` times better than any other year, or than no year at all."""
    likes = [like for like in likes if any(like)]  # a known date outside the years weighed says nothing here
    if len(likes) < MIN_CORPUS or not named:
        return None
    pooled = [sum(math.log(like[i] + 1e-9) for like in likes) for i in range(len(years))]
    means = [sum(like) / len(like) for like in likes]
    fits = [sum(math.log(b) for b in means)]  # no year of the corpus's own: each article anywhere
    best: CorpusYear | None = None
    near = [i for i, y in enumerate(years) if any(abs(y - n) <= 2 for n in named)]
    for i in sorted(near, key=lambda i: -pooled[i])[:3]:
        pairs = [(like[i], b) for like, b in zip(likes, means, strict=True)]
        w = 0.5
        for _ in range(rounds):
            new = sum(w * a / (w * a + (1 - w) * b) for a, b in pairs) / len(pairs)
            if abs(new - w) < 1e-5:
                break
            w = new
        fit = sum(math.log(w * a + (1 - w) * b) for a, b in pairs)
        if fit > max(fits):
            best = CorpusYear(years[i], w, list(years))
        fits.append(fit)
    if best is None:  # no year beats none at all, or no year weighed is near a named one
        return None
    top, runner_up = sorted(fits)[-2:][::-1]  # best's fit is the top one; "no year" is always in ``fits``
    return best if top - runner_up >= math.log(CORPUS_ODDS) else None


MIN_CORPUS = 5  # articles with clues of their own before the loaded articles' year is trusted
# How many times better the corpus's year must explain the loaded articles' clues than the next best year (or
# than no year of its own): a few articles whose clues lean a year on, each weakly, are no evidence of it
CORPUS_ODDS = 20.0
# The loaded articles' clues are not independent witnesses of the folder's year: one folder shares its forms
# of wording ("rose in 2003 ... will grow in 2004" in every mid-year story), and so each form's lean. Each
# article's lean counts as its three-quarter power (a lean of 16 as 8) when the folder's year is weighed:
# six stories of one ambiguous form then lend nothing, while the 92 June stories among every 25th Reuters
# story still date their month (a square root leaves them undated).
WITNESS = 0.75


def _named(evidence: Sequence[tuple[Clues, date | None]]) -> set[int]:
    """The years at least two of these articles name in periods of their own (or are dated in)."""
    return {y for y, n in _year_counts(evidence).items() if n >= 2}


def _year_counts(evidence: Sequence[tuple[Clues, date | None]]) -> dict[int, int]:
    """How many of these articles name each year in periods of their own (or are dated in it)."""
    counts: dict[int, int] = {}
    for clues, known in evidence:
        for y in {known.year} if known else {hi.year for _, hi, _ in clues.periods}:
            counts[y] = counts.get(y, 0) + 1
    return counts


def _support(evidence: Sequence[tuple[Clues, date | None]]) -> list[int]:
    """The years worth weighing: those several loaded articles name (or are dated in), with a margin."""
    named = _year_counts(evidence)
    common = [y for y, n in named.items() if n >= max(2, len(evidence) // 100)] or list(named)
    if not common:
        return []
    return list(range(min(common) - SPREAD, max(common) + SPREAD + 1))


def date_from_corpus(articles: Sequence[tuple[Article, list[TimeExpression]]]) -> dict[int, Article]:
    """Undated articles (by index) whose year-less pin ("SALVADOR, Feb 26 -") takes the year the loaded
    articles of the same months are in, weighed with the article's own clues. Only a year-less date borrows a
    year: an article with no pin, or no clue at all, stays as it is."""
    evidence: list[tuple[Clues, date | None]] = []
    for article, found in articles:
        evidence.append(
            (gather(article, found), article.published.earliest if _narrow(article.published) else None)
        )
    waiting = [
        i
        for i, (article, _) in enumerate(articles)
        if undated(article) and (pin := evidence[i][0].pin) is not None and pin.year is None
    ]
    if not waiting:
        return {}  # no year-less pin: nothing to weigh (and nothing weighed for thousands of dated articles)
    years = _support([e for e in evidence if e[1] or e[0].periods])
    if not years:
        return {}
    likes: dict[int, list[float]] = {}  # each article's fit to ``years``, worked out when a month needs it

    def like(j: int) -> list[float] | None:
        if j not in likes:
            clues, known = evidence[j]
            if known is not None:
                likes[j] = [1.0 if y == known.year else 0.0 for y in years]
            elif clues.dated_by_year or clues.pin is not None:
                likes[j] = likelihood(clues, years)
            else:
                return None
        return likes[j]

    out: dict[int, Article] = {}
    by_month: dict[int, CorpusYear | None] = {}
    for i in waiting:
        article = articles[i][0]
        clues = evidence[i][0]
        pin = clues.pin
        assert pin is not None
        if pin.month not in by_month:
            local = [j for j, e in enumerate(evidence) if _near_month(e, pin.month) and like(j) is not None]
            named = _named([evidence[j] for j in local])
            with_clues = [  # a known date is a sure witness; clues are tempered (see WITNESS)
                likes[j] if evidence[j][1] is not None else [v**WITNESS for v in likes[j]]
                for j in local
                if evidence[j][1] is not None or evidence[j][0].dated_by_year
            ]
            by_month[pin.month] = corpus_year(with_clues, years, named)
        corpus = by_month[pin.month]
        if corpus is None:
            continue
        prior = corpus.prior()
        post = [fit * prior[y] for y, fit in zip(years, like(i) or [], strict=True)]
        total = sum(post)
        dated = decide(
            article,
            clues,
            {y: p / total for y, p in zip(years, post, strict=True)},
            CORPUS_SURE,
            f"the loaded articles of {MONTH_ABBRS[pin.month - 1]}",
        )
        if dated is not None:
            out[i] = dated
    return out


def _near_month(evidence: tuple[Clues, date | None], month: int) -> bool:
    """Whether an article's own day (its pin, or its known date) falls within a month of ``month``."""
    clues, known = evidence
    m = known.month if known is not None else clues.pin.month if clues.pin is not None else None
    return m is not None and (m - month) % 12 in (0, 1, 11)


def _narrow(pub: DateValue | None) -> bool:
    """A known publication window of a month or less: it tells the year."""
    return bool(
        pub and pub.span_days is not None and pub.span_days <= 31 and pub.earliest.year == pub.latest.year
    )  # type: ignore[union-attr]


LEND_SURE = 0.8  # a date another article borrows must be at least this sure
RETELL_WORDS = 3  # content words a lead shares with the lender's sentence about the same happening ...
RETELL_NAMES = 1  # ... of them a name at least


def can_lend(article: Article) -> bool:
    """Whether ``article``'s own date is sure enough for another article to borrow from (a date set without a
    confidence was given, not inferred)."""
    confidence = article.published_confidence
    return article.published is not None and (confidence is None or confidence >= LEND_SURE)


_WORD = re.compile(r"[A-Za-z]{4,}")
_COMMON = frozenset(lexicon.words("function_words", "stop"))


def _stems(text: str, names: bool = False) -> set[str]:
    """Content words cut to five letters ("Syrian" and "Syria", "talks" and "talk" meet); with ``names``, only
    capitalised ones past a sentence's first word."""
    out = set()
    for m in _WORD.finditer(text):
        w = m.group()
        if w.lower() in _COMMON or (names and (not w[0].isupper() or m.start() == 0)):
            continue
        out.add(w.lower()[:5])
    return out


def retelling(lead: str, sentences: Sequence[str]) -> int:
    """How many content words a lead shares with the sentence (of ``sentences``) that retells it best; 0 when
    none does: a sentence retells the lead when they name the same things, several content words and a name
    among them when the lead names any ("Syria"), not just the topic's common nouns."""
    words, names = _stems(lead), _stems(lead, names=True)
    best = 0
    for s in sentences:
        shared = len(words & _stems(s))
        if shared >= RETELL_WORDS and len(names & _stems(s, names=True)) >= min(RETELL_NAMES, len(names)):
            best = max(best, shared)
    return best


def from_related(article: Article, related: Article, happened: DateValue) -> Article:
    """Date an undated article from another article that reports the same happening.

    The undated article's lead reports the happening as recent news (present perfect or past tense), so it was
    published on the day the happening is dated in ``related`` or within a few days after it; and never
    before the lender was itself published, when that is later (a late retelling lends its own date).
    """
    lo = happened.earliest
    if lo is None:
        return article
    hi = (happened.latest or lo) + RECENT_SLACK
    if related.published is not None and related.published.latest is not None:
        hi = max(hi, related.published.latest)
    return article.model_copy(
        update={
            "published": window(lo, hi),
            "published_how": f"cross-article: reports the happening that {related.id} dates {happened.label()}",
            "published_confidence": 0.7,
        }
    )
