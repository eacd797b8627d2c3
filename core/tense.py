"""Tense and modality cues: is a clause about the past, the present or the future, and how sure is it?

Shared by the steps that need it (events; time expressions that lack a year). Pure functions over short
strings; the word lists are general English, not tied to any story.
"""

from __future__ import annotations

import re
from typing import Literal

from dateline.core import gazetteer as gz
from dateline.core import lexicon

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
    "found knew meant sought stood struck thought threw since shot tore fled ate drove forgot froze hid rode "
    "rang sank sang shook slept slid spun stole stuck swept swore swung taught woke wore wept withdrew "
    "overthrew overcame undertook understood dealt felt heard kept lent sent bent bore".split()
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
# A deadline given or moved: "has until Friday to reply", "gave them until 9 a.m. Tuesday", "extended the
# deadline until noon Monday" look ahead, whatever the tense of the giving.
_DEADLINE = frozenset(
    "deadline deadlines extend extends extended give gives gave given grant grants granted has have".split()
)
# "could not be reached Wednesday", "couldn't say": what someone was unable to do has been tried already
_COULD_NOT = frozenset("not never".split())


# Verbs whose infinitive is what someone means to do: "pledged to raise taxes in 1988" dates the raise, not
# the pledge ("failed to overthrow him in 1961" dates a happening).
_INTENT = frozenset(
    form
    for base in "agree pledge promise vow decide plan intend aim hope want wish seek advise urge propose offer "
    "expect undertake commit threaten prepare ask order".split()
    for form in (base, *lexicon.inflect(base))
) | frozenset("sought planned committed".split())


_LOOKS_BACK = frozenset("was were had".split())  # "was to end", "had been due to": a future in the past


def _past_form(w: str) -> bool:
    return w in _PAST_WORDS or (len(w) > 4 and w.endswith("ed") and w not in _NOT_PAST)


def _cue(words: list[str], i: int) -> str | None:
    """``"f"``, ``"p"`` or ``None`` for the word at ``i`` given its neighbours."""
    w = words[i]
    prev = words[i - 1] if i > 0 else ""
    if w in ("until", "till", "to", "for") and prev in _POSTPONED:
        return "f"  # "postponed until", "set for"
    if w in ("until", "till") and any(x in _DEADLINE for x in words[max(0, i - 4) : i]):
        return "f"  # "has until Friday", "gave the family until Tuesday"
    if (w == "could" and i + 1 < len(words) and words[i + 1] in _COULD_NOT) or w == "couldn't":
        return "p"  # "could not be reached Wednesday"
    if w == "to" and prev in _TO_FUTURE_BEFORE:
        return "f"  # "is to", "set to"
    if prev == "to" and w in _TO_VERBS:
        before = words[i - 2] if i > 1 else ""
        if _past_form(before) and before not in _INTENT and before not in _LOOKS_BACK:
            return None  # "failed to take", "tried to hold": what was done ("was to end" is still a future)
        return "f"  # "to begin", "agreed to hold"
    if w == "later" and i + 1 < len(words) and words[i + 1] == "this":
        return "f"
    if w == "next" and i + 1 < len(words) and words[i + 1] == "to":
        return None  # "next to the embassy": a place, not a time ahead
    if w in _FUTURE_WORDS or w.endswith("'ll"):
        return "f"
    participle = _past_form(w) or w in _PARTICIPLES or (len(w) > 4 and w.endswith("en"))
    if prev in ("be", "being") and participle:
        return "f" if i > 1 and words[i - 2] == "to" else None  # "to be held"; "will be held" is neutral
    if prev in ("been", "have", "has") and participle:  # "has been held", "have come to an end"
        return "p"
    return "p" if _past_form(w) else None


# a sentence ends at a stop before a capital or a digit, maybe after quotes: "”", "''" and, opening the next,
# "“" or the TeX-style "``" of some wire archives ("was born in 1984. ``I think ...")
_SENT_END = re.compile(r"[.!?][\"'”’)]*\s+(?=(?:[\"'“‘(]|``)?[A-Z0-9])|\n\s*\n")


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    lo = max(0, start - 300)
    s = lo
    for m in _SENT_END.finditer(text, lo, start):
        s = m.end()
    m = _SENT_END.search(text, end, min(len(text), end + 200))
    return s, (m.start() + 1 if m else min(len(text), end + 200))


def _pluperfect(words: list[str], i: int) -> bool:
    """ "had been due to expire", "had been scheduled to end": a happening that was to come, seen from a past
    already gone by (its day has passed when the pluperfect tells it; "was to end" may still be ahead, so only
    "had"; "which had been expected" is not the infinitive's, so only a cue that is "to" + verb)."""
    j = i if words[i] == "to" else i - 1  # the cue is "to" ("scheduled to") or the verb after it
    return j >= 0 and words[j] == "to" and "had" in words[max(0, j - 4) : j]


def tense_near(text: str, start: int, end: int) -> str | None:
    """``"future"``, ``"past"`` or ``None``: the cue nearest before the span, else the first after it.

    A date a change takes effect on ("named chairman, effective Feb. 1") is one announced ahead, whatever
    the tense of the announcing."""
    s, e = sentence_bounds(text, start, end)
    before = [w.lower() for w in _TOKEN.findall(text, max(s, start - 160), start)]
    if before and before[-1] == "effective":
        return "future"
    for i in range(len(before) - 1, -1, -1):
        cue = _cue(before, i)
        if cue:
            return "future" if cue == "f" and not _pluperfect(before, i) else "past"
    after = [w.lower() for w in _TOKEN.findall(text, end, min(e, end + 120))]
    for i in range(len(after)):
        cue = _cue(after, i)
        if cue:
            return "future" if cue == "f" else "past"
    return None


_PRESENT_BE = frozenset("is are am be being".split())
_SURE_AHEAD = frozenset("will shall".split())


def _verb_cue(words: list[str], i: int, skip: frozenset[str]) -> str | None:
    """The cue of ``words[i]`` as a clause's own verb: speech verbs (``skip``) report rather than tell what
    happened, and a participle after "is"/"are" is a present passive ("are liberalised"), not a past."""
    w = words[i]
    if w in skip:
        return None
    if w in ("is", "are", "am"):
        return "n"  # "there is scope for cuts in 1988": the clause is in the present
    if i > 0 and words[i - 1] in _PRESENT_BE and (_past_form(w) or w in _PARTICIPLES):
        return "n"
    return _cue(words, i)


_NOT_VERBS = frozenset(lexicon.words("function_words", "stop"))
_MODALS = frozenset("must can cannot can't need needs ought".split())


def _infinitive(words: list[str], i: int) -> bool:
    """ "to raise", "to increase": an infinitive at ``i`` (not "to 60 pct", "to the company", "to Chrysler")
    after a verb of intention ("agreed to sell in January 1988")."""
    if words[i] != "to" or i + 1 >= len(words):
        return False
    nxt = words[i + 1]
    return nxt.isalpha() and nxt not in _NOT_VERBS and any(w in _INTENT for w in words[:i])


def happened(text: str, start: int, end: int, speech: frozenset[str] = frozenset()) -> bool:
    """Whether the date at ``[start, end)`` is reported as something that has happened, strictly enough to
    bound the publication date: its sentence looks nowhere ahead (no future cue at all: "said profit would
    rise in 1990" is a forecast) and the verb nearest before the date (else the first after it) is a past one other than a speech verb (``speech``): "said the contract runs through 1990"
    reports a present."""
    s, e = sentence_bounds(text, start, end)
    if tense(text[s:e]) == "future":
        clause = _relative_clause(text, s, start, end, e)
        if clause is None or tense(text[clause[0] : clause[1]]) == "future":
            return False
        s, e = clause  # "Ms Vale, who left the island in 1962, will return": the clause tells its own time
    before = [w.lower() for w in _TOKEN.findall(text, s, start)]
    after = [w.lower() for w in _TOKEN.findall(text, end, e)]
    if any(w in _MODALS for w in before) or any(w in _MODALS for w in after):
        return False  # "must have passive restraints by 1989", "can apply from 1990"
    # the nearest verb before the date, else (a date opening its sentence: "In 1986, it had") the first after;
    # an infinitive in between puts the date in what was pledged or advised ("pledged to raise ... in 1988")
    for words, index in ((before, range(len(before) - 1, -1, -1)), (after, range(len(after)))):
        for i in index:
            if words is before and _infinitive(words, i):
                return False
            cue = _verb_cue(words, i, speech)
            if cue is not None:
                return cue == "p"
    return False


_CLAUSE_MARK = re.compile(r"[,;:()\"“”]|``|''|\s--?\s|—|–")
_RELATIVE = frozenset(lexicon.words("function_words", "relative"))


def _relative_clause(text: str, s: int, start: int, end: int, e: int) -> tuple[int, int] | None:
    """The bounds of the relative clause set off by commas (or dashes, brackets, quotes) that holds the span
    ``[start, end)`` of the sentence ``[s, e)``: "Ms Vale, who left the island in 1962, will return"; ``None``
    when the span is in no such clause."""
    lo = s
    for m in _CLAUSE_MARK.finditer(text, s, start):
        lo = m.end()
    m = _CLAUSE_MARK.search(text, end, e)
    hi = m.start() if m else e
    first = _TOKEN.search(text, lo, start)
    if first is None or first.group().lower() not in _RELATIVE:
        return None
    return lo, hi


def ahead(text: str, start: int, end: int) -> bool:
    """Whether the date at ``[start, end)`` is reported as still ahead by a future said now ("talks will
    begin on January 23", "is to meet on", "scheduled for"), strictly enough to bound the publication date:
    the nearest cue before it is a future one, and no "was"/"were"/"had"/"would" makes it a future seen from
    the past ("was to end on", "would begin on")."""
    s, _ = sentence_bounds(text, start, end)
    words = [w.lower() for w in _TOKEN.findall(text, max(s, start - 160), start)]
    for i in range(len(words) - 1, -1, -1):
        cue = _cue(words, i)
        if cue is None:
            continue
        if cue != "f" or words[i] in ("would", "could", "might", "should", "may"):
            return False
        back = words[max(0, i - 3) : i]
        return words[i] in _SURE_AHEAD or not any(w in _LOOKS_BACK for w in back)
    return False


# Only these words (or endings) can be cues: the rest of a clause is skipped cheaply.
_CUE_WORDS = (
    _FUTURE_WORDS
    | _PAST_WORDS
    | _TO_VERBS
    | _PARTICIPLES
    | {"until", "till", "to", "for", "later", "couldn't"}
)
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
    return "past" if past else _untensed(clause)


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
    return _untensed(sentence)


def _untensed(clause: str) -> Tense:
    """What a clause with no past or future cue reports: the present when progressive or ongoing."""
    return "present" if _PROGRESSIVE.search(clause) or _ONGOING.search(clause) else "unknown"


def _words(clause: str) -> list[str]:
    if "May" in clause or not clause.isascii():  # "May" is a month; lower() may move non-ASCII letters
        return [w if w == "May" else w.lower() for w in _TOKEN.findall(clause)]
    return _TOKEN.findall(clause.lower())


def future_status(clause: str, *, headline: bool = False) -> Literal["planned", "expected"]:
    """A future happening is ``planned`` when scheduled, else ``expected``. A headline's "to" + verb with no
    word of forecast ("Minister to visit Paris", not "Prices will rise") is headlinese for what is planned."""
    if _PLANNED.search(clause):
        return "planned"
    if headline and not any(w in _FUTURE_WORDS for w in _words(clause)):
        return "planned"
    return "expected"


# --- headlinese ------------------------------------------------------------------------------------------------

_HEAD_NOUNS = frozenset(lexicon.words("headlines", "nouns.plural"))
_HEAD_BARE = frozenset(lexicon.words("headlines", "verbs.bare"))
_HEAD_THIRD = frozenset(lexicon.inflect(v)[0] for v in _HEAD_BARE)
_HEAD_GLUE = frozenset(lexicon.words("headlines", "glue.words"))
_HEAD_SKIP = _NOT_VERBS | _HEAD_GLUE
_SPEECH = lexicon.verb_forms("speech", "reporting.verbs") | {"say", "says"}
_NUMBER_WORDS = frozenset(lexicon.words("time", "numbers.small")) | frozenset(
    lexicon.table("time")["numbers"]["tens"]
)
_ORG_HEADS = frozenset(w.lower() for w in gz.ORG_HEADS)
_HEAD_TOKEN = re.compile(r"[A-Za-z][A-Za-z'’.-]*|\d[\d.,]*|[<>]")  # "<", ">": a ticker ("ACME CORP <ACM>")


def _plural(word: str) -> bool:
    """An -s form (a plural noun or a verb's third person): "rebels", "kills"; not "press", "bonus", "crisis",
    "Lohan's"."""
    return len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is", "'s", "’s"))


def headline_tense(line: str) -> Tense:
    """The tense of a headline line, read as headlinese: the simple present reports what has happened
    ("Gunman kills one in shooting", "Rebels seize airport", "OPEC agrees to cut output": ``"present"``), and
    "to" + verb with no verb before it what is planned ("Minister to visit Paris": ``"future"``); a past or
    future cue met first reads as :func:`main_tense` does ("Man killed in crash"). A noun phrase with no verb
    ("Oil prices", "Ferry talks") is ``"unknown"``: it reports no happening.

    Without a parser a verb is known by its place: a word in the -s form after a word that can end a subject
    (no article or preposition before it: "talks in Paris"), or a bare verb of the list after a plural
    subject; a plural noun headlines are made of ("talks", "prices") is no verb, nor is a capitalised word in a
    sentence-case line (a name: "Brussels"), nor a measure ("40 cts"). Speech verbs are passed over: "Lawyer
    says Lee checked into rehab" is told by what was said. A line that ends a sentence is read as one."""
    if line.rstrip().endswith((".", "!", "?", '"', "”", "'", "’")):
        return main_tense(line)  # a sentence (a standfirst, a lead used as the title) is read as one
    tokens = _HEAD_TOKEN.findall(line)
    if not tokens:
        return "unknown"
    alpha = [w for w in tokens if w[0].isalpha()]
    capitals = sum(1 for w in alpha if w[0].isupper())
    title_case = capitals >= 0.75 * len(alpha)  # Title Case or ALL CAPS: capitals say nothing
    words = [w.lower() for w in tokens]
    last = len(words) - 1
    # a ticker ("ACME SAVINGS AND LOAN <ASL> RAISES PAYOUT") ends the subject: its verb comes after it
    subject_end = last - words[::-1].index(">") if ">" in words else 0
    for i, w in enumerate(words):
        if w in _CUE_WORDS or w.endswith(_CUE_ENDINGS):
            cue = _cue(words, i)
            if cue is not None and w not in _SPEECH:
                return "future" if cue == "f" else "past"
        if i <= subject_end or w in _HEAD_SKIP or w in _SPEECH or not w.isalpha():
            continue
        prev = words[i - 1]
        if not title_case and tokens[i][0].isupper():
            continue  # a name in a sentence-case line
        if prev == "to":
            if w in _HEAD_BARE or w in _TO_VERBS:  # a verb: "Road to recovery" plans nothing
                return "future"  # "Minister to visit Paris", "Talks to resume"
            continue
        if prev in _HEAD_GLUE or prev in _SPEECH or prev == "<" or prev[0].isdigit() or prev in _NUMBER_WORDS:
            continue  # "Talks in Paris", "says strikers ...", "<Acme Systems Inc>", "40 cts", "eight mths"
        nxt = words[i + 1] if i < last else ""
        if title_case and (w in _ORG_HEADS or nxt in _ORG_HEADS or nxt in ("<", ">")):
            continue  # a name in capitals: "DATA SYSTEMS INC", "UTILITIES ASSOCIATES <EUA>"
        if _plural(w) and w not in _HEAD_NOUNS and (i < last or w in _HEAD_THIRD):
            return "present"  # "Court jails ex-minister"; at the end only a verb of the list ("PM resigns")
        if w in _HEAD_BARE and _plural(prev) and not (i > 1 and words[i - 2][0].isdigit()):
            return "present"  # "Rebels seize airport", "Oil prices rise" (not "40 cts rise": a measure)
    return "unknown"
