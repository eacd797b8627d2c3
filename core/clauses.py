"""Paragraphs as tokens, sentences and name chunks: the clause structure the speaker search reads.

Dateline has no parser. The speaker of a quote is found from the shape of the clause around it ("…," X
said / said X, a … / X, who …, added: …), so this module turns a paragraph into a flat list of tokens
(words, punctuation, and each quote as one token) with its sentences and its runs of capitalised words
(name chunks, titles split off: "Sen. Tom Udall" → "Tom Udall"); :mod:`core.phrases` reads noun phrases
and subjects over them. Everything is a linear scan over the tokens: no regular expression here can
backtrack over a sentence.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache

from dateline.core import gazetteer as gz
from dateline.core import lexicon
from dateline.core.text import ABBREVIATIONS

# A word: an initialism (U.S., D.C.), or letters and digits with inner apostrophes, hyphens and ampersands;
# or one mark of punctuation.
_TOKEN = re.compile(r"(?:[A-Za-z]\.){2,}|[^\W_](?:[\w'’&-]*[^\W_])?|[^\w\s]")
_END_MARKS = frozenset(".!?")
_POSSESSIVE = ("'s", "’s")
_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)")
_QUOTE_END = re.compile(r"[.!?…]['’‘\"”)\]]*\s*$")
_TITLES = frozenset(
    {w.rstrip(".") for w in gz.TITLE_WORDS | gz.HONORIFICS | gz.OFFICE_WORDS}
    | set(lexicon.words("speech", "speakers.title_abbreviations"))
)
_PARTICLES = gz.NAME_PARTICLES
# Words the chunker and the phrase readers (core/phrases.py) share.
INTRO = frozenset(lexicon.words("speech", "speakers.intro"))  # "In a statement, …", "Asked about it, …"
PREPOSITIONS = frozenset(lexicon.words("speech", "speakers.prepositions"))
BETWEEN = frozenset(lexicon.words("speech", "speakers.between"))  # "X also said", "X on Tuesday said"
_TIME_UNITS = frozenset(lexicon.table("time")["units"])
# Ordinary words that open sentences: the verbs of speech ("Asked", "Said"), adverbs, time units ("Hours
# later, …").
_COMMON_STARTS = (
    frozenset(gz.REPORTING_VERBS | lexicon.verb_forms("speech", "cues.verbs"))
    | BETWEEN
    | _TIME_UNITS
    | {u + "s" for u in _TIME_UNITS}
)


@dataclass(slots=True)
class Tok:
    start: int
    end: int
    text: str
    low: str
    kind: str  # "w" word, "p" punctuation, "q" a quote (``quote`` is its index among the article's quotes)
    quote: int = -1
    cap: bool = False
    possessive: bool = False  # "Trump's", "Sanders’": a modifier, never a subject


@dataclass(slots=True)
class Chunk:
    """A run of capitalised words, tokens ``i`` to ``j`` (exclusive); the name proper starts at ``name_i``
    (after titles such as "Sen." or "Prime Minister")."""

    i: int
    j: int
    name_i: int
    start: int  # offsets of the name proper
    end: int
    text: str
    titles: tuple[str, ...] = ()
    possessive: bool = False


@dataclass(slots=True)
class Para:
    """One paragraph's tokens, sentence starts and name chunks."""

    start: int
    end: int
    toks: list[Tok]
    sent_starts: list[int] = field(default_factory=list)  # token index where each sentence starts
    chunks: list[Chunk] = field(default_factory=list)
    chunk_at_end: dict[int, Chunk] = field(default_factory=dict)  # last token index → chunk
    chunk_at_start: dict[int, Chunk] = field(default_factory=dict)  # first token index → chunk

    def sentence_of(self, k: int) -> tuple[int, int]:
        """Token range [lo, hi) of the sentence holding token ``k``."""
        i = bisect_right(self.sent_starts, k) - 1
        lo = self.sent_starts[i] if i >= 0 else 0
        hi = self.sent_starts[i + 1] if i + 1 < len(self.sent_starts) else len(self.toks)
        return lo, hi

    def sentences_back(self, k: int, n: int) -> int:
        """The first token of the sentence ``n`` sentences before the one holding token ``k``."""
        i = max(0, bisect_right(self.sent_starts, k) - 1 - n)
        return self.sent_starts[i] if self.sent_starts else 0


def tokenize(text: str, start: int, end: int, quotes: list[tuple[int, int, int]]) -> Para:
    """Tokens of ``text[start:end]``; ``quotes`` are (index, open, close) of the quotes inside it, each
    becoming one token from its opening mark to its closing mark (or the paragraph's end)."""
    toks: list[Tok] = []
    pos = start
    for qi, q_open, q_close in quotes:
        _words(text, pos, q_open, toks)
        q_end = min(end, q_close + 1)
        toks.append(Tok(q_open, q_end, text[q_open:q_end], "", "q", qi))
        pos = q_end
    _words(text, pos, end, toks)
    para = Para(start, end, toks)
    para.sent_starts = _sentences(text, toks)
    _chunk(text, para)
    return para


def _words(text: str, lo: int, hi: int, out: list[Tok]) -> None:
    pos = lo
    for word in _TOKEN.findall(text, lo, hi):  # words, then their offsets by find: no match objects
        s = text.find(word, pos)
        pos = s + len(word)
        if word[0].isalnum():
            low = word.lower()
            poss = len(word) > 2 and low.endswith(_POSSESSIVE)
            out.append(Tok(s, s + len(word), word, low, "w", -1, word[0].isupper(), poss))
            continue
        prev = out[-1] if out else None
        if prev is not None and prev.end == s and prev.kind == "w":
            if word == "." and (
                prev.low in ABBREVIATIONS
                or (prev.cap and (len(prev.text) == 1 or prev.text in _TITLES))
                or (prev.cap and text[s + 1 : s + 2] == ",")
            ):
                # "Sen.", "Gov.", "J.": an abbreviation or an initial keeps its full stop; so does a capitalised
                # word whose stop a comma follows, which ends no sentence ("Acme Inc., which", ", D-Fla., said")
                prev.end += 1
                prev.text += "."
                prev.low += "."
                continue
            if word in "'’" and prev.low.endswith("s") and (s + 1 >= hi or text[s + 1].isspace()):
                prev.possessive = True  # "Sanders’ adviser"
                continue
        out.append(Tok(s, s + len(word), word, word, "p"))


def _sentences(text: str, toks: list[Tok]) -> list[int]:
    """Token indexes that start sentences: after . ! ? (abbreviations keep their stop inside the word), and
    after a quote whose words end a sentence when a capitalised word, another quote or a new line follows."""
    starts = [0]
    n = len(toks)
    depth = 0  # no sentence ends inside parentheses: "(D-N.Y.)"
    for k, t in enumerate(toks[:-1]):
        nxt = toks[k + 1]
        if t.kind == "p" and t.text in "()":
            depth = max(0, depth + (1 if t.text == "(" else -1))
        elif depth:
            continue
        if t.kind == "p" and t.text in _END_MARKS:
            if (
                nxt.kind == "q"
                or (nxt.kind == "w" and (nxt.cap or nxt.text[0].isdigit()))
                or nxt.text in '([“"‘'
            ):
                starts.append(k + 1)
        elif t.kind == "q" and (
            "\n" in text[t.end : nxt.start]
            or ((nxt.kind == "q" or nxt.cap) and _QUOTE_END.search(text, max(t.start, t.end - 8), t.end - 1))
        ):
            starts.append(k + 1)
    return [s for s in starts if s < n]


def _is_cap(t: Tok) -> bool:
    return t.kind == "w" and t.cap


def _sentence_word(t: Tok) -> bool:
    """A capitalised word at a sentence start that is an ordinary word, not a name ("Asked", "Recalling",
    "Meanwhile", "Earlier")."""
    low = t.low
    return (
        low in gz.FUNCTION_WORDS
        or low in INTRO
        or low in _COMMON_STARTS
        or (len(low) > 5 and low.endswith(("ing", "ly")))
    )


_LOWER_WORD = re.compile(r"\b[a-z][a-z'’-]+\b")
_CAP_INSIDE = re.compile(r"(?<=[a-z,;] )[A-Z][\w'’-]+")


@lru_cache(maxsize=4)
def _case_evidence(text: str) -> tuple[frozenset[str], frozenset[str]]:
    """The words the text writes in lower case somewhere ("people"), and the capitalised words it writes
    inside a sentence, after a lower-case word or a comma ("…, Schlafly said"): what the text itself shows
    of a capitalised word that opens a sentence."""
    return frozenset(_LOWER_WORD.findall(text)), frozenset(_CAP_INSIDE.findall(text))


def _ordinary_opening(text: str, toks: list[Tok], i: int, j: int) -> bool:
    """Whether the capitalised word opening a sentence at token ``i`` (of a run of capitalised words ending
    at ``j``) is an ordinary word, not a name: a word such as "Asked" or "Meanwhile", or a lone word the
    text writes in lower case elsewhere ("People practically fell …" beside "people"), unless the text
    also capitalises it inside a sentence ("Schlafly invoked …" beside "…, Schlafly said")."""
    t = toks[i]
    lower, cap_inside = _case_evidence(text)
    if t.text in cap_inside:
        return t.low in gz.FUNCTION_WORDS or t.low in INTRO or t.low in _COMMON_STARTS
    return _sentence_word(t) or _participle_opening(toks, i, j) or (i + 1 == j and t.low in lower)


def _participle_opening(toks: list[Tok], i: int, j: int) -> bool:
    """A capitalised -ed word opening a sentence before a preposition ("Reached by phone, …", "Pressed on
    it, …"): a participle, not a name ("Ted said")."""
    return (
        i + 1 == j
        and j < len(toks)
        and len(toks[i].low) > 5
        and toks[i].low.endswith("ed")
        and toks[j].low in PREPOSITIONS
    )


def _chunk(text: str, para: Para) -> None:
    toks = para.toks
    n = len(toks)
    starts = set(para.sent_starts)
    k = 0
    while k < n:
        if not _is_cap(toks[k]):
            k += 1
            continue
        i = k
        j = k + 1
        while j < n and not toks[j - 1].possessive and "\n" not in text[toks[j - 1].end : toks[j].start]:
            t = toks[j]
            if _is_cap(t) or (_ORDINAL.fullmatch(t.text) and j + 1 < n and _is_cap(toks[j + 1])):
                j += 1
            elif (
                (t.text == "&" or (t.low in _PARTICLES and not t.cap)) and j + 1 < n and _is_cap(toks[j + 1])
            ):
                j += 2  # "Bank of America" stays apart, "Ibn al Said" and "Procter & Gamble" do not
            else:
                break
        k = j
        # leading function words are not names ("The", "But", "In", "He"), nor an ordinary word that opens
        # a sentence ("Asked", "Recalling")
        while i < j and (
            toks[i].low in gz.FUNCTION_WORDS or (i in starts and _ordinary_opening(text, toks, i, j))
        ):
            i += 1
        if i >= j:
            continue
        words = [t.text.rstrip(".") for t in toks[i:j]]
        if all(w in gz.NOT_NAMES for w in words):
            continue
        name_i = i
        for m in range(i, j - 1):
            if words[m - i] in _TITLES:
                name_i = m + 1
        if name_i > i and words[-1] in gz.ORG_HEADS:
            name_i = i  # "State Department", "Justice Department": the title word is part of the name
        last = toks[j - 1]
        end = last.end - (2 if last.possessive and last.low.endswith(("'s", "’s")) else 0)
        titles = tuple(words[: name_i - i])
        chunk = Chunk(
            i, j, name_i, toks[name_i].start, end, text[toks[name_i].start : end], titles, last.possessive
        )
        para.chunks.append(chunk)
        para.chunk_at_end[j - 1] = chunk
        para.chunk_at_start[i] = chunk
