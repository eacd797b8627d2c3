"""Page chrome in pasted web text: the lines a web page puts around its story, found so they stay out of
extraction (part of step 2, clean).

Text saved or pasted from a browser brings the page with it: menus, the page's own timestamps ("Updated 8:12
am", "3 years ago"), reading times, staff credits, photo credits and agency tags, section labels, share and
subscribe prompts, related-link lists, ads and notices. Each line is kept in the text (offsets stay valid) and
marked as :class:`~dateline.core.model.Furniture` of a chrome kind, so no headline, actor or quote comes from it.

Two passes, both built from classes of chrome whose words live in ``vocab/chrome.toml``:

1. **Line classes** (:func:`line_kind`): a line made of date and time words only is a ``timestamp``; a short
   line of menu words is ``nav``; and so on. Each class looks at one line and is safe on any text: wire copy,
   hard-wrapped or not, has no such lines.
2. **Page structure** (:func:`find`), only where the first pass found page chrome (two lines or more): the
   lines before the story's first paragraph are the page's header (the headline is the one that shares most
   words with the story's lead, the rest is chrome), the short lines after its last paragraph are the footer,
   and the short lines after a related-links header ("Related News", "Trending") are that list's items.

Where a chrome line carries the publication date (a timestamp line, the first one on the page, preferring
"published" to "updated") or the author, it fills the article's metadata.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import cache

from dateline.core import lexicon
from dateline.core.text import continues_sentence

MIN_WEB_LINES = 2  # lines of page chrome found by their class before the page's structure is read
PROSE_WORDS = 12  # a line of at least this many words that ends a sentence is story text
LONG_WORDS = 25  # ... and one this long is story text whatever its end
SHORT_WORDS = 15  # header and footer lines this short (that are not the headline) are chrome
ITEM_WORDS = 22  # the items of a related-links list are no longer than this
WRAP_WIDTH = 80  # hard-wrapped copy (wire stories, e-mail) breaks its lines at about 65-80 characters ...
WRAP_SHARE = 0.8  # ... so nearly all of its long lines are this short (a page's paragraphs run longer)


@dataclass(slots=True)
class Chrome:
    """What :func:`find` learnt about a page: chrome lines (start, end, kind) and the metadata they carry."""

    lines: list[tuple[int, int, str]] = field(default_factory=list)
    title: str | None = None
    title_copies: list[tuple[int, int]] = field(default_factory=list)  # the headline printed again
    author: str | None = None
    published: str | None = None  # ISO day


# --- vocabulary -----------------------------------------------------------------------------------------------


def _words(key: str) -> tuple[str, ...]:
    return lexicon.words("chrome", key)


def _all(table: str) -> tuple[str, ...]:
    return tuple(w for ws in lexicon.table("chrome")[table].values() for w in ws)


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    """The line classes' expressions, built once from the vocabulary (on first use, not at import)."""
    alt = lexicon.alternation
    sep = r"[\s|:;,./\\\-–—•·()\[\]#>»›*]*"

    def line_of(words: tuple[str, ...]) -> re.Pattern[str]:
        """A whole line of nothing but ``words`` and separators."""
        return re.compile(rf"{sep}(?:{alt(words)}(?![\w'])){sep}(?:(?:{alt(words)}(?![\w'])){sep})*", re.I)

    return {
        "ad": line_of(_words("ad.words")),
        "nav": line_of(_words("nav.words") + _words("section.words")),  # "Home News Sport Weather"
        "section": line_of(_words("section.words")),
        "networks": line_of(_words("share.networks")),
        "tags": re.compile(rf"\W*{alt(_words('section.labels'))}\s*:", re.I),
        "hashtag": re.compile(r"#[^\W\d_][\w&]*(?:[ \t]+[^\W\d_][\w&]*){0,4}\s*$"),
        "reader": re.compile(rf"(?<!\w){alt(_words('notice.reader'))}(?!\w)", re.I),
        "related": re.compile(
            rf"\W*{alt(_words('related.headers'))}(?:\s*[:|]|\W*$|(?:\s+[\w'&.]+){{1,2}}\s*:?\s*$)", re.I
        ),
        "staff": re.compile(
            rf"(?:[A-Z][\w.&'’-]*\s+(?:and\s+|&\s+)?){{0,4}}{alt(_words('byline.staff'))}\.?", re.I
        ),
        "agency": re.compile(
            rf"\(?\s*(?:{alt(_words('credit.agencies'))})(?:\s+(?:photo|photos|file|pool|images?))?\s*\)?\.?",
            re.I,
        ),
        "call_sign": re.compile(r"\(\s*[A-Z][A-Z0-9-]{1,7}\s*\)"),
        "slash_credit": re.compile(
            rf"[^\W\d_][\w .'’-]{{1,40}}?\s*/\s*(?:{alt(_words('credit.agencies'))}|(?-i:[A-Z]{{2,}}))(?:\s+via\s+.+)?"
            rf"|(?:{alt(_words('credit.agencies'))})(?:\s+(?:photo|photos|file|pool))?\s*/\s*[^\W\d_][\w .'’-]{{1,40}}",
            re.I,
        ),
        "credit_start": re.compile(rf"\W*{alt(_words('credit.words'))}\b", re.I),
        "credit_any": re.compile(r"\b(?:image|photo|picture|video)\s+(?:credit|source|courtesy)\b", re.I),
        "reading": re.compile(
            rf"\W*(?:\d+\s*-?\s*(?:min(?:ute)?s?\.?)\s+{alt(_words('time.reading'))}"
            rf"|(?:reading|read)\s+time\s*:?\s*\d+\s*(?:min(?:ute)?s?\.?)?)\W*",
            re.I,
        ),
        "credits": re.compile(
            rf"\(?\s*(?:additional\s+)?(?:{'|'.join(_CREDIT_VERBS)})\s+by\s+"
            r"(?P<who>[^\W\d_].{1,150}?)\s*\)?\.?",
            re.I,
        ),
        "name_stop": re.compile(rf"\s*(?:[;|(]|,?\s+(?:{alt(_words('byline.name_stops'))})\b)", re.I),
    }


@cache
def _time_words() -> dict[str, frozenset[str]]:
    def split(words: tuple[str, ...]) -> frozenset[str]:
        return frozenset(w for phrase in words for w in phrase.lower().split())

    months = _all("months")
    return {
        "months": frozenset(months),
        "weekdays": frozenset(_all("weekdays")),
        "filler": split(
            _words("time.labels")
            + _words("time.counters")
            + _words("time.units")
            + _words("time.relative")
            + _words("time.meridiem")
            + _words("time.zones")
            + _words("time.reading")
        ),
        "units": split(_words("time.units")),
        "chrome": split(_words("nav.words") + _words("ad.words")),
        "labels": split(_words("time.labels")),
        "head": split(_words("time.labels")) - {"on", "at", "of", "and", "new", "time"}
        | {"yesterday", "today", "just"},
    }


@cache
def _month_numbers() -> dict[str, int]:
    """Month name (any language listed) -> month number, from the order of each language's list."""
    out: dict[str, int] = {}
    for names in lexicon.table("chrome")["months"].values():
        full, abbrev = names[:12], names[12:]
        for i, name in enumerate(full):
            out.setdefault(name, i + 1)
        for name in abbrev:
            match = [i for i, f in enumerate(full) if f.startswith(name[:3])]
            if match:
                out.setdefault(name, match[0] + 1)
    return out


# --- timestamps -----------------------------------------------------------------------------------------------

_ISO_STAMP = (
    r"\d{4}-\d{2}-\d{2}t\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:z|[+-]\d{2}:?\d{2})?"  # 2009-03-05t08:12:00z
)
_TOKEN = re.compile(
    _ISO_STAMP
    + r"|\d+(?:[:.]\d{2}){1,2}|\d+(?:[-/.]\d+){2}|\d+(?:st|nd|rd|th)?|[^\W\d_]+(?:['’.-][^\W\d_]+)*\.?"
)
_ISO_STAMP_TOKEN = re.compile(_ISO_STAMP)
_CLOCK = re.compile(r"\d{1,2}[:.]\d{2}(?:[:.]\d{2})?")
_NUMERIC_DATE = re.compile(r"(\d{1,4})[-/.](\d{1,2})[-/.](\d{1,4})")
_CJK_DATE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_DIGIT = re.compile(r"\d")
_FIELD_MARKS = re.compile(r"[|•·]|\s/\s|\s[–—]\s")
_SEGMENT_SPLIT = re.compile(r"\s*(?:[|•·]|\s/\s|\s[–—]\s)\s*")


def _time_segment(segment: str) -> bool:
    """A stretch of a line made of date and time words only, with at least one real date or time in it:
    "Published: Dec. 17, 2021 at 11:15 AM MST", "3 years ago", "Minggu, 1 Januari 2017 08:15 WIB"."""
    if _CJK_DATE.search(segment):
        return True
    words = _time_words()
    strong = False
    number = False
    month = False
    spare = 0
    tokens: list[str] = []
    for m in _TOKEN.finditer(segment.lower()):  # stops at the first word that is no date or time word
        tok = m.group()
        tokens.append(tok)
        bare = tok.rstrip(".")
        if _CLOCK.fullmatch(tok) or _NUMERIC_DATE.fullmatch(tok) or _ISO_STAMP_TOKEN.fullmatch(tok):
            strong = True
        elif bare[:1].isdigit():
            number = True
        elif bare in words["months"]:
            month = True
        elif bare in words["weekdays"] or bare in words["filler"] or tok in words["filler"]:
            pass
        elif bare in words["chrome"] and spare < 3:
            spare += 1
        else:
            return False
    if not tokens:
        return False
    if month and number:
        strong = True
    if not strong and number and "ago" in tokens:
        strong = True  # "3 years ago"
    return strong and len(tokens) - spare <= 16


def _is_timestamp(line: str) -> bool:
    """A line of the page's own dates and times; or one of short fields ("Reuters | London | Updated: ...")
    at least one of which is a date or time."""
    if _time_segment(line):
        return True
    if not _FIELD_MARKS.search(line):
        return False
    parts = [p for p in _SEGMENT_SPLIT.split(line) if p.strip()]
    if len(parts) < 2 or not any(_time_segment(p) for p in parts):
        return False
    return all(_time_segment(p) or (len(p.split()) <= 3 and not _ends_sentence(p)) for p in parts)


_PUBLISHED_LABEL = re.compile(r"\b(?:published|posted|created|first published|date|publicado|publié)\b", re.I)
_UPDATED_LABEL = re.compile(r"\b(?:updated|modified|last updated|edited|actualizado|aktualisiert)\b", re.I)
_DAY_MONTH_YEAR = re.compile(
    r"(?:(\d{1,2})(?:st|nd|rd|th)?\.?\s+([^\W\d_]+)\.?,?\s+(\d{4})"  # 27 June 2022
    r"|([^\W\d_]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4}))"  # June 27, 2022
)


def date_in(text: str) -> date | None:
    """The first full date (day, month and year) of a timestamp, in any listed language or as numbers; numeric
    dates only when the order is clear: year first, a day over 12, or written with dots (day first wherever
    dates are written so: "05.03.2009" is 5 March)."""
    if m := _CJK_DATE.search(text):
        return _date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    months = _month_numbers()
    for m in _DAY_MONTH_YEAR.finditer(text):
        if m.group(1):
            day, name, year = m.group(1), m.group(2), m.group(3)
        else:
            name, day, year = m.group(4), m.group(5), m.group(6)
        month = months.get(name.lower().rstrip("."))
        if month:
            return _date(int(year), month, int(day))
    for m in _NUMERIC_DATE.finditer(text):
        a, b, c = (int(g) for g in m.groups())
        if len(m.group(1)) == 4:
            return _date(a, b, c)
        if len(m.group(3)) == 4 and "." in m.group():
            return _date(c, b, a)
        if len(m.group(3)) == 4 and (a > 12) != (b > 12):
            return _date(c, b, a) if a > 12 else _date(c, a, b)
    return None


def _date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day) if 1800 < year < 2200 else None
    except ValueError:
        return None


# --- one line -------------------------------------------------------------------------------------------------

_SENTENCE_END = re.compile(r"""[.!?]["'”’)\]]*(?:\s|$)""")
_WORD = re.compile(r"[^\W_]+(?:['’.-][^\W_]+)*")
_STRIP = "!\"#$%&()*+,./:;<=>?@[\\]^_`{|}~“”‘’«»–—•·…'"


def _tokens(lower: str) -> list[str]:
    """Cheap words for the gates: split at spaces, punctuation stripped from the ends (several times faster
    than a regular expression on every line of every story)."""
    return [t for w in lower.split() if (t := w.strip(_STRIP))]


def _ends_sentence(line: str) -> bool:
    return bool(_SENTENCE_END.search(line))


@cache
def _gates() -> dict[str, frozenset[str]]:
    """Cheap word-set tests run before each class's expression: most lines of a story hold none of these."""

    def every(key: str) -> frozenset[str]:
        return frozenset(w for phrase in _words(key) for w in _tokens(phrase.lower()))

    def firsts(key: str) -> frozenset[str]:
        return frozenset(_tokens(phrase.lower())[0] for phrase in _words(key) if _tokens(phrase.lower()))

    return {
        "ad": every("ad.words"),
        "networks": every("share.networks"),
        "nav": every("nav.words"),
        "section": every("section.words"),
        "agency": every("credit.agencies") | {"photo", "photos", "file", "pool", "image", "images"},
        "staff": every("byline.staff"),
        "related": firsts("related.headers"),
        "credit_start": firsts("credit.words"),
        "tags": firsts("section.labels"),
        "reading": frozenset({"read", "reading", "listen", "watch"}),
        # what a timestamp opens with: a month, a day of the week, a label ("Updated"), a relative word
        "time_head": _time_words()["months"] | _time_words()["weekdays"] | _time_words()["head"],
    }


@cache
def _openers() -> tuple[frozenset[str], frozenset[str], tuple[str, ...]]:
    """What a line must show before any class is tried on it: a word a short line may open with, a word a
    longer one may open with, and strings either may hold anywhere. Most lines of a story show none of these
    and cost a split and a few look-ups."""
    g = _gates()
    short = g["ad"] | g["networks"] | g["nav"] | g["section"] | g["agency"] | g["related"] | g["reading"]
    long = g["time_head"] | g["credit_start"] | g["tags"] | _CREDIT_HEADS
    anywhere = ("you", "credit", "courtesy", *_FIELDS, *_phrases("nav.markers")[0], *_teasers())
    return short | long, long, anywhere


def present(text: str) -> tuple[str, ...]:
    """The strings of :func:`_openers`' third list that occur in ``text`` at all: the only ones its lines
    need to be searched for."""
    lower = text.lower()
    return tuple(w for w in _openers()[2] if w in lower)


_FIELDS = ("|", "•", "·", " / ", " – ", " — ")
_CREDIT_VERBS = ("reporting", "writing", "editing", "compiled", "edited", "produced")  # "(Editing by Name)"
_CREDIT_HEADS = frozenset({"additional", *_CREDIT_VERBS})  # the first word of such a credit line


@cache
def _phrases(key: str) -> tuple[frozenset[str], frozenset[tuple[str, ...]], int]:
    """The phrases of a vocabulary list as word tuples (cheap words, as :func:`_tokens` makes them), with
    their first words and the longest phrase's length."""
    tuples = frozenset(tuple(t) for phrase in _words(key) if (t := _tokens(phrase.lower())))
    return frozenset(t[0] for t in tuples), tuples, max(map(len, tuples))


def _phrase_at(found: list[str], key: str, first: int = 0, last: int = 40) -> int | None:
    """Where the first phrase of ``key`` starting at word ``first``..``last`` begins in ``found``."""
    firsts, phrases, longest = _phrases(key)
    window = found[first : last + 1]
    if firsts.isdisjoint(window):
        return None
    for i, word in enumerate(window, first):
        if word in firsts:
            for k in range(1, longest + 1):
                if tuple(found[i : i + k]) in phrases:
                    return i
    return None


def line_kind(line: str, anywhere: tuple[str, ...] | None = None) -> str | None:
    """The chrome class of one trimmed line, or ``None`` when it is not page chrome by itself. ``anywhere``:
    :func:`present` of the whole text, when the caller has it (a shortcut, same result)."""
    lower = line.lower()
    parts = lower.split()
    n = len(parts)
    if n == 0 or n > 40:
        return None
    short, long, everywhere = _openers()
    anywhere = everywhere if anywhere is None else anywhere
    opens = [p.strip(_STRIP) for p in parts[:6]]
    first = opens[0]
    gate = (
        first in (short if n <= 8 else long)
        or first[:1].isdigit()
        or any(w in lower for w in anywhere)
        or _phrase_at(opens, "share.phrases", 0, 2) is not None
        or _phrase_at(opens, "notice.phrases", 0, 2) is not None
    )
    if n <= 8:
        gate = gate or parts[-1].strip(_STRIP) in _gates()["staff"] or line[0] in "(#" or "/" in line
    if not gate:
        return None
    found = _tokens(lower)
    if not found:
        return None
    return (_short_kind(line, found) if n <= 8 else None) or _long_kind(line, found)


def _short_kind(line: str, found: list[str]) -> str | None:
    """Classes of lines of a few words: a line of nothing but menu, share-bar, section, ad or agency words, a
    newsroom credit, a reading time, a related-links header."""
    words = set(found)
    g = _gates()
    p = _patterns()
    if words & g["reading"] and p["reading"].fullmatch(line):
        return "timestamp"
    if words <= g["ad"] and p["ad"].fullmatch(line):
        return "ad"
    if words <= g["networks"] and p["networks"].fullmatch(line):
        return "share"
    if (words <= g["section"] and p["section"].fullmatch(line)) or (
        line.startswith("#") and p["hashtag"].fullmatch(line)
    ):
        return "section"
    if words <= g["nav"] | g["section"] and p["nav"].fullmatch(line):
        return "nav"
    if (
        (words & g["agency"] and p["agency"].fullmatch(line))
        or ("/" in line and p["slash_credit"].fullmatch(line))
        or (line[0] == "(" and p["call_sign"].fullmatch(line))
    ):
        return "credit"
    if len(found) <= 6 and words & g["staff"] and _capitalised(line) and p["staff"].fullmatch(line):
        return "byline"
    if words & g["related"] and p["related"].match(line):
        return "related"
    return None


def _long_kind(line: str, found: list[str]) -> str | None:
    """Classes that also hold longer lines, each tried only when the line has its words: most lines of a
    story have none, and leave after a few set look-ups."""
    n = len(found)
    g = _gates()
    p = _patterns()
    head = found[0]
    if (
        n <= 16
        and (head in g["time_head"] or head[0].isdigit() or any(f in line for f in _FIELDS))
        and _DIGIT.search(line)
        and _is_timestamp(line)
    ):
        return "timestamp"
    sentence = _ends_sentence(line)
    if head in _CREDIT_HEADS and p["credits"].fullmatch(line):
        return "byline"  # "(Reporting by Name; Editing by Name)"
    credit = (
        n <= 12
        and head in g["credit_start"]
        and not _ends_sentence(line.rstrip("."))
        and "caption" not in found
    )
    if credit and p["credit_start"].match(line):
        return "credit"
    if n <= 16 and ("credit" in found or "courtesy" in found) and p["credit_any"].search(line):
        return "credit"
    # "Business Insider logo", "Search icon A magnifying glass. ...", but not "... unveiled its new logo."
    if n <= 16 and _phrase_at(found, "nav.markers", 0, 3 if sentence else 40) is not None:
        return "nav"
    if head in g["tags"] and p["tags"].match(line):
        return "section"
    if n <= 30:
        # a prompt or notice opens with its phrase, is short, or addresses the reader; not a sentence that
        # happens to use its words ("... who will follow on from ...")
        reader = "you" in found or "your" in found
        last = 40 if reader or n <= 8 else 2
        if _phrase_at(found, "share.phrases", 0, last) is not None:
            return "share"
        if _phrase_at(found, "notice.phrases", 0, last) is not None:
            return "notice"
    if _teaser(line):
        return "related"
    return None


def _capitalised(line: str) -> bool:
    words = [w for w in _WORD.findall(line) if w.lower() not in ("and", "of", "the")]
    return bool(words) and all(w[0].isupper() or w[0].isdigit() for w in words)


def _credited(line: str) -> str | None:
    """The person a "Reporting by ..." line credits."""
    m = _patterns()["credits"].fullmatch(line)
    return author_name(m.group("who")) if m else None


def author_name(raw: str) -> str | None:
    """The person a byline credits: "Nayan Das in Bengaluru; Editing by Ted Kerr" -> "Nayan Das"."""
    name = _patterns()["name_stop"].split(raw, maxsplit=1)[0]
    name = re.sub(r"\s+in\s+[A-Z][\w .'-]*$", "", name).strip(" ,.-–—|")
    return name or None


# --- the page -------------------------------------------------------------------------------------------------


_WEB_MARKS = frozenset({"comments", "credit", "licence", "byline"})  # clean's marks that are page chrome too


@dataclass(slots=True)
class _Line:
    start: int
    end: int
    text: str
    kind: str | None
    words: int
    prose: bool = False
    mark: str | None = None  # the kind clean marked it with, for a "marked" line


def find(text: str, spans: list[tuple[int, int]], marked: dict[int, str]) -> Chrome:
    """Chrome lines of an article and the metadata they carry. ``spans`` are its trimmed non-blank lines;
    ``marked`` maps line starts already marked as furniture by clean (captions, credits, bylines) to kinds."""
    out = Chrome()
    anywhere = present(text)
    kinds: list[str | None] = []
    found = 0
    wrapped = hard_wrapped(spans)
    for start, end in spans:
        already = marked.get(start)
        kind = "marked" if already not in (None, "caption", "repeat") else None
        if kind is None and wrapped and _in_paragraph(text, start, end):
            pass  # the rest of a sentence broken at the line's width ("... signed on\nNovember 19, 1986."): story
        elif kind is None and end - start < 400:
            kind = line_kind(text[start:end], anywhere)
            found += kind is not None
        elif already in _WEB_MARKS:
            found += 1
        kinds.append(kind)
    if not found:
        out.published = _leading_date(text)
        return out
    lines = [
        _Line(s, e, text[s:e], k, 0, mark=marked.get(s) if k == "marked" else None)
        for (s, e), k in zip(spans, kinds, strict=True)
    ]
    if (
        found >= MIN_WEB_LINES
    ):  # a page: its structure is worth reading (the words of each line, prose or not)
        for x in lines:
            if x.kind is None:
                x.words = len(x.text.split())
                x.prose = (x.words >= PROSE_WORDS and _ends_sentence(x.text)) or x.words >= LONG_WORDS
        _structure(lines, out)
    out.published = _published(lines) or _leading_date(text)
    out.author = next((a for x in lines if x.kind == "byline" and (a := _credited(x.text))), None)
    # the headline is listed too: clean drops any caption or repeat mark the page's layout gave it
    out.lines = [(x.start, x.end, x.kind) for x in lines if x.kind not in (None, "marked")]
    return out


def hard_wrapped(spans: list[tuple[int, int]]) -> bool:
    """Whether a text's lines are broken at a fixed width (wire copy, e-mail) rather than one paragraph to a
    line (a page pasted from a browser): nearly all of its long lines are no wider than a wrap width. In such
    text a line that continues a sentence is the sentence's rest, whatever it looks like on its own: "November
    19, 1986." is no page date line, "share." no share prompt."""
    widths = [w for s, e in spans if (w := e - s) >= 40]
    return bool(widths) and sum(w <= WRAP_WIDTH for w in widths) >= WRAP_SHARE * len(widths)


def _in_paragraph(text: str, start: int, end: int) -> bool:
    """Whether a line of hard-wrapped text is part of a paragraph broken at its width: it continues the line
    before it, or the next line continues it ("... the stock should rise by more\nthan 10 pct, he said.")."""
    if _continues(text, start):
        return True
    nxt = text.find("\n", end)
    return nxt >= 0 and _continues(text, nxt + 1)


_SENTENCE_STOPS = ".!?:;\"”'»)"


def _continues(text: str, start: int) -> bool:
    """Whether the line at ``start`` of hard-wrapped text continues the one right before it: not indented (a
    new paragraph), and that line stops mid-sentence ("... past due 90\ndays or more.") or this one opens in
    lower case."""
    if continues_sentence(text, start):
        return True
    if start < 2 or start >= len(text) or text[start - 1] != "\n":
        return False
    before = text.rfind("\n", 0, start - 1) + 1
    prev = text[before : start - 1].rstrip()
    if not prev.strip():
        return False  # a blank line: a new paragraph
    return text[start].islower() or prev[-1] not in _SENTENCE_STOPS


def _published(lines: list[_Line]) -> str | None:
    """The page's publication day from the timestamp lines of its header (or first third), or a byline's date
    field ("By Name, Staff Writer | March 5, 2009"): "published" before "updated"."""
    best: tuple[int, date] | None = None
    header = next((i for i, x in enumerate(lines) if x.prose), len(lines))
    for x in lines[: max(12, len(lines) // 3, header)]:
        if x.kind != "timestamp" and not (x.mark == "byline" and _dated_field(x.text)):
            continue
        found = date_in(x.text)
        if found is None:
            continue
        rank = 0 if _PUBLISHED_LABEL.search(x.text) else 2 if _UPDATED_LABEL.search(x.text) else 1
        if best is None or rank < best[0]:
            best = (rank, found)
        if rank == 0:
            break
    return best[1].isoformat() if best else None


def _dated_field(line: str) -> bool:
    """Whether a line of fields holds one of date and time words only: "Name, Staff Writer | March 5, 2009"."""
    return bool(_FIELD_MARKS.search(line)) and any(_time_segment(p) for p in _SEGMENT_SPLIT.split(line))


_LEADING_DATE = re.compile(r"\s*(?:date|published|posted|updated)\s*:?\s*(\d{4}-\d{2}-\d{2})\b", re.I)


def _leading_date(text: str) -> str | None:
    """A labelled ISO date glued to the start of a saved page's text ("date 2021-01-02 Headline ...")."""
    m = _LEADING_DATE.match(text)
    found = date_in(m.group(1)) if m else None
    return found.isoformat() if found else None


def _structure(lines: list[_Line], out: Chrome) -> None:
    """Header, footer and related-link lists of a page whose chrome lines were found (see the module doc)."""
    prose = [i for i, x in enumerate(lines) if x.prose]
    if not prose:
        return
    # the story opens with a long paragraph or one followed closely by another (not a lone sentence of alt text
    # among the menus)
    starts = [i for i in prose if lines[i].words >= LONG_WORDS or any(x.prose for x in lines[i + 1 : i + 4])]
    first, last = (starts or prose)[0], prose[-1]
    prose = [i for i in prose if i >= first]
    headline = _headline(lines[:first], [lines[i].text for i in prose[:3]])
    if headline is not None:
        head = lines[headline]
        out.title = head.text
        head.kind = "headline"
        key = _norm(head.text)
        for x in lines[:first]:
            if x is not head and x.kind is None and _norm(x.text) == key:
                out.title_copies.append((x.start, x.end))
                x.kind = "repeat"
    for i, x in enumerate(lines[:first]):
        if x.kind is None:
            after_headline = headline is not None and i > headline
            if x.words <= SHORT_WORDS and not (after_headline and _dek(x)):
                x.kind = "nav"
    story = True  # a short closing sentence of the story ("He was released on bail.") before the footer
    for x in lines[last + 1 :]:
        story = story and x.kind is None and _ends_sentence(x.text) and x.text[:1].isupper()
        if x.kind is None and x.words <= ITEM_WORDS and not story:
            x.kind = "related"
    _lists(lines, first, last)


def _dek(x: _Line) -> bool:
    """A standfirst under the headline: a sentence about the story (with or without its full stop), not a line
    addressing the reader."""
    return x.words >= 8 and not _patterns()["reader"].search(x.text)


def _lists(lines: list[_Line], first: int, last: int) -> None:
    """The items after a related-links header, and lone link lines between the story's paragraphs."""
    in_list = False
    for i in range(first, last + 1):
        x = lines[i]
        if x.kind == "related":
            in_list = True
            continue
        if in_list and x.kind is None and (not x.prose or _teaser(x.text)) and x.words <= ITEM_WORDS:
            x.kind = "related"
            continue
        if x.prose:
            in_list = False
        if x.kind is None and not x.prose and first < i < last and _link_line(x.text, x.words):
            x.kind = "related"


def _teaser(line: str) -> bool:
    """A teaser ends with its link: "... In a stunning displayRead More", "... Continue reading »"."""
    return line.lower().rstrip(_STRIP + " ").endswith(_teasers())


@cache
def _teasers() -> tuple[str, ...]:
    return tuple(
        " ".join(_tokens(t.lower())) for t in _words("related.teaser_ends") if " " in t.strip(_STRIP)
    )


def _link_line(line: str, words: int) -> bool:
    """A link standing between paragraphs: a short title-cased line without a sentence end, or one ending in a
    link mark ("|", "»")."""
    if words > 14 or words < 2 or _ends_sentence(line) or line.endswith((":", '"', "”")):
        return False
    if line.rstrip().endswith(("|", "»", "›", ">>")):
        return True
    caps = [w for w in _WORD.findall(line) if len(w) > 3]
    return len(caps) >= 2 and sum(w[0].isupper() for w in caps) >= 0.75 * len(caps)


_STOP = frozenset(lexicon.words("function_words", "stop"))  # words of two letters are left out by length


def _stems(text: str) -> set[str]:
    return {w.lower()[:5] for w in _WORD.findall(text) if len(w) > 2 and w.lower() not in _STOP}


def _headline(header: list[_Line], lead: list[str]) -> int | None:
    """Index of the headline among the header lines: of the title-like lines sharing at least half as many
    words with the lead as the best one, the one most made of such words (a headline is all story; a
    standfirst under it says more in more words), the nearer of equals; ``None`` when no line shares a word
    with the lead."""
    lead_stems = set().union(*(_stems(t) for t in lead)) if lead else set()
    scored: list[tuple[int, float, int]] = []  # shared words, share of the line's words, index
    for i, x in enumerate(header):
        if x.kind is not None or not 3 <= x.words <= 30:
            continue
        stems = _stems(x.text)
        shared = len(stems & lead_stems)
        if shared:
            scored.append((shared, shared / len(stems), i))
    if not scored:
        return None
    top = max(shared for shared, _, _ in scored)
    best = max((s for s in scored if 2 * s[0] >= top), key=lambda s: (s[1], s[0], s[2]))
    # a standfirst follows its headline: a line right above the chosen one that also tells the story is it
    above = [s for s in scored if s[2] == best[2] - 1]
    if above and header[best[2]].words > header[above[0][2]].words:
        best = above[0]
    # a page-title bar ("Headline - Outlet") shares the outlet's name with the story too: the headline it
    # starts with, printed on its own, is the headline
    chosen = _norm(header[best[2]].text)
    for i, x in enumerate(header):
        key = _norm(x.text)
        if x.kind is None and key and key != chosen and chosen.startswith(key + " ") and x.words >= 3:
            return i
    return best[2]


def _norm(line: str) -> str:
    return " ".join(_WORD.findall(line.lower()))
