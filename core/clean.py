"""Step 2 — clean: make text safe and mark page furniture.

Furniture (captions, credits, licence lines, bylines, "Comments are closed.", a leading ``(OUTLET)`` dateline)
stays in the text so offsets keep pointing at the original, but is listed in ``Article.furniture`` so the
later steps keep it out of extraction. ``AUTHOR:`` and ``Source:`` lines also fill the article's metadata.
"""

from __future__ import annotations

import re

from dateline.core import lexicon
from dateline.core.model import MONTH_ABBRS, Article, Furniture, trusted
from dateline.core.text import continues_sentence

# Characters never shown as they are: C0 controls, DEL, C1 controls, lone surrogates (unprintable, and they
# cannot be encoded for output), the Unicode line/paragraph separators, the bidirectional controls that make a
# terminal reorder what it shows (U+202A–U+202E, U+2066–U+2069, U+200E/U+200F marks, U+061C) and invisible
# zero-width characters (U+200B–U+200D, U+2060–U+2064, U+FEFF, U+180E) that hide inside words and names.
_HIDDEN = "\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff"
_CONTROL = re.compile(
    rf"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\u2028\u2029{_HIDDEN}]"
)  # tab, newline kept
_UNPRINTABLE = re.compile(rf"[\x00-\x1f\x7f-\x9f\ud800-\udfff\u2028\u2029{_HIDDEN}]")  # one line
# Whole escape sequences (CSI ``ESC [ ... final``, OSC ``ESC ] ... BEL|ST``, two-byte ``ESC x``) go at once,
# so no stray parameters like ``[31m`` are left in the text. An unterminated OSC ends at the line's end.
_ANSI = re.compile(
    r"\x1b(?:\[[0-?]{0,64}[ -/]{0,16}[@-~]?|\][^\x07\x1b\n]{0,512}(?:\x07|\x1b\\)?|[ -~]?)"
    r"|\x9b[0-?]{0,64}[ -/]{0,16}[@-~]?|\x9d[^\x07\x1b\n]{0,512}(?:\x07|\x1b\\)?"
)


def printable(value: object, *, escape: bool = False) -> str:
    """``value`` as one line of text safe to print anywhere: a terminal, a file, the app. The one cleaning of
    everything Dateline prints (briefs, Markdown, the app's labels, file names and reasons on stderr).

    Every character not shown as itself (the controls, line breaks, bidirectional controls and zero-width
    characters of ``_UNPRINTABLE``) becomes a space, so offsets into the text stay valid; with ``escape``,
    its escape sequence instead (``\\u202e``), for names that must still be told apart (files on stderr).
    Markup-like text (``[bold]``, ``<b>``) is left alone: renderers treat it as text."""
    text = value if isinstance(value, str) else str(value)
    if escape:
        return _UNPRINTABLE.sub(_escaped, text)
    return _UNPRINTABLE.sub(" ", text)


def _escaped(m: re.Match[str]) -> str:
    return m.group().encode("unicode_escape", "backslashreplace").decode("ascii")


def normalise_text(text: str) -> str:
    """Make text safe to show: escape sequences, control characters, bidirectional controls and zero-width
    characters become spaces.

    Length-preserving: every character maps to exactly one character, so offsets into the decoded file are
    offsets into ``Article.text``. ``\\r\\n`` becomes `` \\n`` and a lone ``\\r`` a newline; tabs and newlines
    stay. Markup-like text (``[bold]``) is left alone: it is data, and renderers escape it.
    """
    if "\r" in text:
        text = text.replace("\r\n", " \n").replace("\r", "\n")
    if "\x1b" in text or "\x9b" in text or "\x9d" in text:
        text = _ANSI.sub(lambda m: " " * len(m.group()), text)
    return _CONTROL.sub(" ", text)


_LICENCE = re.compile(
    r"creative commons|licen[cs]ed under|attribution-(?:noncommercial|sharealike|noderivs)|all rights reserved"
    r"|^©|^copyright\b|\bcc by(?:-[a-z]{2})*\b",
    re.I,
)
_CREDIT = re.compile(
    r"^(?:photo(?:graph)?|image|picture|credit|flickr|video|getty images|illustration)(?:\s+credit)?\s*[:/]\s*\S"
    r"|\bflickr\s*:|\((?:photo|image|credit)\s*:[^)]*\)$",
    re.I,
)
# Comments/promotion, byline and source lines, tried in that order in one match: the first alternative that
# fits the whole line wins, as three patterns tried one after the other would.
_COMMENTS = (
    r"(?:comments are closed\.?|leave a (?:comment|reply)|share this(?: article)?:?|click here\b.*"
    r"|sign up for\b.*|subscribe\b.*|related (?:articles|stories|posts):?|read more:?.*|advertisement)$"
)
_BYLINE = r"(?:author|by|written by|reporting by|writing by|editing by)\s*:?\s+(?P<author>\S.{0,80})$"
_SOURCE = r"source\s*:\s*(?P<outlet>\S.{0,80})$"
_META_LINE = re.compile(rf"(?P<comments>{_COMMENTS})|(?P<byline>{_BYLINE})|(?P<source>{_SOURCE})", re.I)
_OUTLET_DATELINE = re.compile(
    r"\A\s*(\(([A-Z][A-Za-z&.\- ]{0,30})\)(?:\s*[A-Z][\w.' ]{1,30}?\s+[-–—]+(?=\s))?)\s*"
)
# "SALVADOR, Feb 26 -", "NATICK, Mass., March 2 -", "AMSTERDAM, 2 March -", "LISBON, March 3 (Reuters) -",
# "WASHINGTON (AP) —": a wire story's place, day and outlet, then a dash. At the very start of the text the
# place may be any short run of words ("La paz, march 4 -"); opening a later line (after a headline or
# byline) it must be capitalised words followed by a space, so a sentence never passes for one.
# (a month's name, not any word: "SOCCER - DUTCH DRAW 2-2 ..." is a headline, not "SOCCER, DRAW 2 -")
_MONTH = "(?i:" + lexicon.alternation(lexicon.words("chrome", "months.en"), spaces=False) + ")"
_DAY = rf"(?:{_MONTH}\.?[ \t]+\d{{1,2}}(?:,?[ \t]+\d{{4}})?|\d{{1,2}}[ \t]+{_MONTH}(?:[ \t]+\d{{4}})?)"
_SIGNOFF_WORDS = ("Reuters", "Reuter", "AP", "AFP")  # wires that sign their copy (dateline, last line)
# the outlet in brackets, or between slashes as press releases give their wire ("/PRNewswire/")
_OUTLET = (
    r"(?:[ \t]*(?:\((?P<outlet>[A-Z][A-Za-z&.\- ]{0,30})\)|/(?P<release>[A-Z][A-Za-z&.\- ]{0,30})/)"
    rf"|,[ \t]*(?P<signed>{'|'.join(_SIGNOFF_WORDS)}))?"  # or a wire's name after a comma: "March 12, Reuter -"
)
_WIRE_DATELINE = (
    re.compile(  # at the very start, after stray marks ("****SPRINGFIELD"), in any case ("east falls")
        r"\A[\s*#]*([A-Za-z][A-Za-z .'/\-]{1,40}(?:,?[ \t]+[A-Z][A-Za-z.]+(?:[ \t][A-Z][A-Za-z.]+)?)?,?[ \t]+"
        rf"{_DAY}{_OUTLET}[ \t]*(?:[-–—]+|_(?=\s)))"
    )
)
_LINE_DATELINE = re.compile(
    r"[ \t]*("
    r"[A-Z][A-Za-z.'\-]*(?: [A-Z][A-Za-z.'\-]*){0,3}(?:,[ \t]+[A-Z][A-Za-z.]+(?:[ \t][A-Z][A-Za-z.]+)?)?"
    rf"(?:,?[ \t]+{_DAY}(?P<dated>))?{_OUTLET}"
    r"[ \t]*(?:[-–—]+|_))(?=\s)"
)
# "March 3, 2021 --", "(March 3, 2021) —", "3 March 2021:", "SPRINGFIELD, 3 March 2021:": a line that opens with
# the story's full date (its year given) and a dash or a colon, with or without a place before it
_DATED_LINE = re.compile(
    r"[ \t]*("
    r"(?:[A-Z][A-Za-z.'\-]*(?: [A-Z][A-Za-z.'\-]*){0,3}(?:,[ \t]+[A-Z][A-Za-z.]+(?:[ \t][A-Z][A-Za-z.]+)?)?,[ \t]+)?"
    rf"\(?(?={_MONTH}|\d)(?:{_MONTH}\.?[ \t]+\d{{1,2}},?|\d{{1,2}}[ \t]+{_MONTH}\.?,?)[ \t]+\d{{4}}\)?{_OUTLET}"
    r"[ \t]*(?:[-–—]+|_|:))(?=\s)"
)
DATELINE_LINES = 4  # lines from the top where a dateline may open the story
# words that open a sentence, not a place: a lower-case "dateline" opening with one is prose ("in march 3 -")
_FUNCTION_WORDS = frozenset(lexicon.words("function_words", "stop")) | frozenset(
    lexicon.words("actors", "names.function_words")
)


# cheap substring gates before the regular expressions (most lines are plain prose); plain ``in`` on the
# lowered text is over ten times faster than one case-insensitive alternation. Each expression needs one of
# its words in an ASCII line (case-insensitive matching may also fold non-ASCII letters: those lines skip the
# gate). Comments, byline and source lines start with one of ``_META_STARTS``.
_LICENCE_WORDS = ("creative commons", "licen", "attribution-", "rights reserved", "©", "copyright", "cc by")
_CREDIT_WORDS = ("photo", "image", "picture", "credit", "flickr", "video", "getty", "illustration")
_GATE_WORDS = _LICENCE_WORDS + _CREDIT_WORDS
_META_STARTS = (
    "comments are closed",
    "leave a ",
    "share this",
    "click here",
    "sign up for",
    "subscribe",
    "related ",
    "read more",
    "advertisement",
    "author",
    "by",
    "written by",
    "reporting by",
    "writing by",
    "editing by",
    "source",
)


def _gated(text: str) -> bool:
    lower = text.lower()
    return any(w in lower for w in _GATE_WORDS)


def _has_any(key: str, words: tuple[str, ...]) -> bool:
    """``key`` (a lowered line) may match an expression gated by ``words``."""
    return not key.isascii() or any(w in key for w in words)


# A wire sign-off ending the text: the outlet's name alone on the last line (``\n\s*(Reuters?|AP|AFP)\s*\Z``).
# Looked for at the end only: searched for over the whole text, ``\n\s*`` would rescan the rest of a run of
# blank lines from each of them, and an expression starting anywhere would be tried at every character.
_SIGNOFF = re.compile(rf"({'|'.join(_SIGNOFF_WORDS)})\s*\Z")  # the words, held once
_SIGNOFF_REACH = max(map(len, _SIGNOFF_WORDS))


def _signoff(text: str) -> re.Match[str] | None:
    r"""``\n\s*(Reuters?|AP|AFP)\s*\Z``: the sign-off, on a line of its own."""
    body = text.rstrip()
    if not body.endswith(_SIGNOFF_WORDS):
        return None
    m = _SIGNOFF.search(text, max(0, len(body) - _SIGNOFF_REACH))
    if m is None:
        return None
    before = text[: m.start(1)]
    return m if "\n" in before[len(before.rstrip()) :] else None  # the white space before it breaks the line


# A line trimmed of surrounding whitespace: from its first to its last non-space character (``\s`` is
# ``str.isspace``); blank lines have none and are skipped.
_LINE = re.compile(r"\S(?:[^\n]*\S)?")


def _lines(text: str) -> list[tuple[int, int]]:
    """Non-blank lines, trimmed: (start, end) offsets."""
    return [m.span() for m in _LINE.finditer(text)]


_new_furniture = trusted(Furniture)  # offsets of matches found here: no validation needed


def clean(article: Article) -> Article:
    """Return ``article`` with its furniture marked and byline/source metadata filled in."""
    # the chrome finder and its vocabulary load on first use: ``import dateline.core`` stays light
    from dateline.core import chrome

    text = article.text
    furniture: list[Furniture] = []
    author, source = article.author, article.source
    seen: dict[str, int] = {}
    marked: set[int] = set()  # starts of the furniture found so far (a line may repeat 10,000 times)
    gated = _gated(text)
    lines = _lines(text)
    for start, end in lines:
        line = text[start:end]
        key = line.lower()
        kind: str | None = None
        if len(key) > 20 and key in seen:
            kind = "repeat"
            first = seen[key]
            if first not in marked:
                furniture.append(_new_furniture(start=first, end=first + len(line), kind="caption"))
                marked.add(first)
        elif gated and len(line) < 400 and _has_any(key, _LICENCE_WORDS) and _LICENCE.search(line):
            kind = "licence"
        elif gated and len(line) < 200 and _has_any(key, _CREDIT_WORDS) and _CREDIT.search(line):
            kind = "credit"
        elif (
            len(line) < 120
            and (not key.isascii() or key.startswith(_META_STARTS))
            and (m := _META_LINE.match(line))
        ):
            kind = m.lastgroup
            if kind == "byline" and _wrapped_by(text, start, line, m.group("author")):
                kind = None  # "by the end of March, ..." opening a hard-wrapped line: a sentence's middle
            elif kind == "byline" and len(line) < 100:
                author = author or chrome.author_name(m.group("author"))
            elif kind == "source" and len(line) < 100:
                source = source or m.group("outlet").strip()
            elif kind != "comments":
                kind = None
        seen.setdefault(key, start)
        if kind:
            furniture.append(_new_furniture(start=start, end=end, kind=kind))
            marked.add(start)
    page = chrome.find(text, lines, {f.start: f.kind for f in furniture})
    if page.lines:  # chrome marks win over the repeat rule's on the same line (a headline printed twice)
        redo = {start for start, _, _ in page.lines}
        furniture = [f for f in furniture if f.start not in redo]
        furniture += [_new_furniture(start=s, end=e, kind=k) for s, e, k in page.lines if k != "headline"]
    if found := _dateline(text, lines):
        start, end, outlet = found
        furniture.append(_new_furniture(start=start, end=end, kind="dateline"))
        source = source or outlet
    if m := _signoff(text):
        furniture.append(_new_furniture(start=m.start(1), end=m.end(1), kind="source"))
        source = source or m.group(1)
    furniture.sort(key=lambda f: f.start)
    author = author or page.author
    title = article.title or page.title or _headline_line(text, lines, furniture)
    published = article.published_given or page.published
    return article.model_copy(
        update={
            "furniture": furniture,
            "author": author,
            "source": source,
            "title": title,
            "published_given": published,
        }
    )


_NAME_JOINS = frozenset("and & of de da di du del der den van von la le al el bin ibn y in at for".split())


def _wrapped_by(text: str, start: int, line: str, author: str) -> bool:
    """A line opening with a bare "by" (no label, no colon) that is no byline: what follows "by" names no one
    (a name's words are capitalised: "by the end of March"), or the line continues a hard-wrapped sentence
    of the line before and ends as a sentence goes on or stops ("... was sponsored\nby Senator Jane Doe.")."""
    if line[:2].lower() != "by" or line[2:3] not in (" ", "\t"):
        return False  # "By: X", "Written by X", "Reporting by X": labelled, a byline
    words = [w.strip(",;.") for w in author.split()]
    if (
        not words
        or not words[0][:1].isupper()
        or any(w[:1].islower() and w not in _NAME_JOINS for w in words)
    ):
        return True
    return line[-1:] in ".,;:" and continues_sentence(text, start)


def _dateline(text: str, lines: list[tuple[int, int]]) -> tuple[int, int, str | None] | None:
    """The story's dateline (start, end, the outlet it names), if it has one."""
    if m := _OUTLET_DATELINE.match(text):
        return m.start(1), m.end(1), m.group(2).strip()
    if (
        (m := _WIRE_DATELINE.match(text))
        and not (m.group(1)[0].islower() and m.group(1).split()[0].rstrip(",") in _FUNCTION_WORDS)
    ):  # a place in lower case, as all-lower-case copy has it ("east falls, october 9 -"), not a sentence's words
        return m.start(1), m.end(1), _outlet(m)
    for start, _end in lines[:DATELINE_LINES]:
        m = _LINE_DATELINE.match(text, start)
        if m and (m.group("dated") is not None or _outlet(m)):
            return m.start(1), m.end(1), _outlet(m)
        if m := _DATED_LINE.match(text, start):
            return m.start(1), m.end(1), _outlet(m)
    return None


_DAY_PARTS = re.compile(
    rf"\b(?:(?P<m1>{_MONTH})\.?[ \t]+(?P<d1>\d{{1,2}})|(?P<d2>\d{{1,2}})[ \t]+(?P<m2>{_MONTH}))\b"
)


def dateline_day(text: str, start: int, end: int) -> tuple[int, int, str] | None:
    """(month, day, the words) of the day a dateline at ``[start, end)`` names, read with the dateline's own
    grammar, in any case ("march 9", "MArch 9", "9 MARCH"): a time expression reads a month only in the
    cases prose writes it, where "march" and "may" are verbs."""
    m = _DAY_PARTS.search(text, start, end)
    if m is None:
        return None
    name = m.group("m1") or m.group("m2")
    month = [a.lower() for a in MONTH_ABBRS].index(name[:3].lower()) + 1
    return month, int(m.group("d1") or m.group("d2")), " ".join(m.group().split())


def _outlet(m: re.Match[str]) -> str | None:
    return (m.group("outlet") or m.group("release") or m.group("signed") or "").strip() or None


def _headline_line(text: str, lines: list[tuple[int, int]], furniture: list[Furniture]) -> str | None:
    """A short first line is the headline when it lacks closing punctuation or a photo caption follows it."""
    if len(lines) < 3:
        return None
    (start, end), (second, _) = lines[0], lines[1]
    first = text[start:end]
    if len(first) > 160 or any(f.start <= start < f.end for f in furniture):
        return None
    caption_next = any(f.start == second and f.kind == "caption" for f in furniture)
    if caption_next or not re.search(r"[.!?\"”’]$", first):
        return first
    return None
