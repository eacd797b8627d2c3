"""Tense and modality cues: is a clause about the past, the present or the future, and how sure is it?

Shared by the steps that need it (events; time expressions that lack a year). Pure functions over short
strings; the word lists are general English, not tied to any story.
"""

from __future__ import annotations

import re
from typing import Literal

Tense = Literal["past", "present", "future", "unknown"]

# Scheduled happenings: "slated for", "scheduled", "due to", "set to", "will be held".
_PLANNED = re.compile(
    r"\b(?:slated|scheduled|planned|due (?:to|on|in|for)|set (?:to|for)|to be held|will be held|will take place"
    r"|is to (?:meet|hold|begin|start|open|visit|take place)|are to (?:meet|hold|begin|start)|plans? to|agreed to"
    r"|upcoming|forthcoming|will (?:meet|hold|convene|visit|host|resume|continue|begin|start|open|sign|vote))\b",
    re.I,
)
_ONGOING = re.compile(
    r"\b(?:is|are|remains?|continues?|still|ongoing|under way|underway|currently|now)\b\s*(?:\w+ing\b)?", re.I
)
_PROGRESSIVE = re.compile(r"\b(?:is|are|am)\s+(?:\w+ly\s+)?\w+ing\b", re.I)
# Tense cues. Future cues come first: "expected" and "planned" are future, not past participles.
# Tense cues, read word by word around a time expression.
_FUTURE_WORDS = frozenset(
    "will won't shall going expect expects expected expecting plan plans planned planning schedule schedules "
    "scheduled slated due upcoming intend intends intended would could might may should forecast forecasts next "
    "coming soon".split()
)
_PAST_WORDS = frozenset(
    "was were had did said ago last earlier began came made met took went held won lost rose fell grew saw left "
    "told gave got paid sold bought spent built brought ran became led wrote spoke broke chose drew fought flew "
    "found knew meant sought stood struck thought threw since".split()
)
_NOT_PAST = frozenset(
    "need speed indeed united hundred proceed succeed exceed breed embed seed feed bred shed red bed wed "
    "naked sacred wicked rugged".split()
)
_TO_FUTURE_BEFORE = frozenset(
    "is are set going aim aims hope hopes due plans plan expected scheduled slated".split()
)
_TO_VERBS = frozenset(
    "begin start run hold meet open close end launch resume visit return finish complete expire last continue "
    "vote decide announce publish release report sign host attend travel be take".split()
)
_POSTPONED = frozenset(
    "postponed delayed deferred adjourned rescheduled off back set scheduled slated planned due".split()
)
_PARTICIPLES = frozenset(
    "held made set put cut hit run built sold paid won lost met told left brought bought found sent spent kept "
    "led read shot struck sought thought given taken seen done known shown come gone become begun risen fallen "
    "grown".split()
)
_TOKEN = re.compile(r"[A-Za-z']+")


def _past_form(w: str) -> bool:
    return w in _PAST_WORDS or (len(w) > 4 and w.endswith("ed") and w not in _NOT_PAST)


def _cue(words: list[str], i: int) -> str | None:
    """``"f"``, ``"p"`` or ``None`` for the word at ``i`` given its neighbours."""
    w = words[i]
    prev = words[i - 1] if i > 0 else ""
    if w in ("until", "till", "to", "for") and prev in _POSTPONED:
        return "f"  # "postponed until", "set for"
    if w == "to" and prev in _TO_FUTURE_BEFORE:
        return "f"  # "is to", "set to"
    if prev == "to" and w in _TO_VERBS:
        return "f"  # "to begin"
    if w == "later" and i + 1 < len(words) and words[i + 1] == "this":
        return "f"
    if w in _FUTURE_WORDS or w.endswith("'ll"):
        return "f"
    participle = _past_form(w) or w in _PARTICIPLES or (len(w) > 4 and w.endswith("en"))
    if prev in ("be", "being") and participle:
        return "f" if i > 1 and words[i - 2] == "to" else None  # "to be held"; "will be held" is neutral
    if prev in ("been", "have", "has") and participle:  # "has been held", "have come to an end"
        return "p"
    return "p" if _past_form(w) else None


_SENT_END = re.compile(r"[.!?][\"'”’)]*\s+(?=[\"'“‘(]?[A-Z0-9])|\n\s*\n")


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    lo = max(0, start - 300)
    s = lo
    for m in _SENT_END.finditer(text, lo, start):
        s = m.end()
    m = _SENT_END.search(text, end, min(len(text), end + 200))
    return s, (m.start() + 1 if m else min(len(text), end + 200))


def tense_near(text: str, start: int, end: int) -> str | None:
    """``"future"``, ``"past"`` or ``None``: the cue nearest before the span, else the first after it."""
    s, e = sentence_bounds(text, start, end)
    before = [w.lower() for w in _TOKEN.findall(text, max(s, start - 160), start)]
    for i in range(len(before) - 1, -1, -1):
        cue = _cue(before, i)
        if cue:
            return "future" if cue == "f" else "past"
    after = [w.lower() for w in _TOKEN.findall(text, end, min(e, end + 120))]
    for i in range(len(after)):
        cue = _cue(after, i)
        if cue:
            return "future" if cue == "f" else "past"
    return None


# Only these words (or endings) can be cues: the rest of a clause is skipped cheaply.
_CUE_WORDS = _FUTURE_WORDS | _PAST_WORDS | _TO_VERBS | _PARTICIPLES | {"until", "till", "to", "for", "later"}
_CUE_ENDINGS = ("ed", "en", "'ll")


def tense(clause: str) -> Tense:
    """The tense a clause reports, from its cues (future beats past beats present)."""
    words = _words(clause)
    past = False
    for i, w in enumerate(words):
        if w in _CUE_WORDS or w.endswith(_CUE_ENDINGS):
            cue = _cue(words, i)
            if cue == "f":
                return "future"
            past = past or cue == "p"
    if past:
        return "past"
    if _PROGRESSIVE.search(clause) or _ONGOING.search(clause):
        return "present"
    return "unknown"


def main_tense(sentence: str) -> Tense:
    """The tense of a sentence's main clause, read as its first cue: a news lead puts its main clause first
    ("Police arrested a man they believe to be the driver": past, though "to be" is a future cue later on).
    Present (progressive or ongoing) and unknown as :func:`tense` has them."""
    words = _words(sentence)
    for i, w in enumerate(words):
        if w in _CUE_WORDS or w.endswith(_CUE_ENDINGS):
            cue = _cue(words, i)
            if cue is not None:
                return "future" if cue == "f" else "past"
    if _PROGRESSIVE.search(sentence) or _ONGOING.search(sentence):
        return "present"
    return "unknown"


def _words(clause: str) -> list[str]:
    if "May" in clause or not clause.isascii():  # "May" is a month; lower() may move non-ASCII letters
        return [w if w == "May" else w.lower() for w in _TOKEN.findall(clause)]
    return _TOKEN.findall(clause.lower())


def future_status(clause: str) -> Literal["planned", "expected"]:
    """A future happening is ``planned`` when scheduled, else ``expected``."""
    return "planned" if _PLANNED.search(clause) else "expected"
