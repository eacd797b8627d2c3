"""Paragraphs as tokens, sentences and name chunks: the clause structure the speaker search reads.

Dateline has no parser. The speaker of a quote is found from the shape of the clause around it ("…," X
said / said X, a … / X, who …, added: …), so this module turns a paragraph into a flat list of tokens
(words, punctuation, and each quote as one token) with its sentences and its runs of capitalised words
(name chunks, titles split off: "Sen. Tom Udall" → "Tom Udall"). Everything is a linear scan over the
tokens: no regular expression here can backtrack over a sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

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
        lo, hi = 0, len(self.toks)
        for s in self.sent_starts:
            if s <= k:
                lo = s
            else:
                hi = s
                break
        return lo, hi


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
                prev.low in ABBREVIATIONS or (prev.cap and (len(prev.text) == 1 or prev.text in _TITLES))
            ):
                # "Sen.", "Gov.", "J.": an abbreviation or an initial keeps its full stop
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
        or low in _INTRO
        or low in _COMMON_STARTS
        or (len(low) > 5 and low.endswith(("ing", "ly")))
    )


def _opens_phrase(toks: list[Tok], i: int, j: int) -> bool:
    """A capitalised -ed word opening a sentence before a preposition ("Reached by phone, …", "Pressed on
    it, …"): a participle, not a name ("Ted said")."""
    return (
        i + 1 == j
        and j < len(toks)
        and len(toks[i].low) > 5
        and toks[i].low.endswith("ed")
        and toks[j].low in _PREPOSITIONS
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
            toks[i].low in gz.FUNCTION_WORDS
            or (i in starts and (_sentence_word(toks[i]) or _opens_phrase(toks, i, j)))
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


# --- noun phrases: who a clause is about ------------------------------------------------------------------

PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i"})
_CONJUNCTIONS = frozenset({"and", "but", "so", "yet", "or", "nor", "then", "plus"})
_DETERMINERS = frozenset({"the", "a", "an", "his", "her", "their", "its", "our", "this", "that", "another"})
_SPLITS = frozenset({",", "—", "–", "--", ";", "(", ")", "-"})
_BETWEEN = frozenset(lexicon.words("speech", "speakers.between"))
_INTRO = frozenset(lexicon.words("speech", "speakers.intro"))
_PREPOSITIONS = frozenset(lexicon.words("speech", "speakers.prepositions"))
_RELATIVES = frozenset(lexicon.words("speech", "speakers.relatives"))
ROLES = frozenset(lexicon.words("speech", "speakers.roles")) | gz.ROLE_NOUNS
ORG_HEADS = frozenset(lexicon.words("speech", "speakers.organization_heads"))
_TIME_CAPS = gz.NOT_NAMES
# Ordinary words that open sentences: the verbs of speech ("Asked", "Said") and the like.
_TIME_UNITS = frozenset(lexicon.table("time")["units"])
_COMMON_STARTS = (
    frozenset(gz.REPORTING_VERBS | lexicon.verb_forms("speech", "cues.verbs"))
    | _BETWEEN
    | _TIME_UNITS
    | {u + "s" for u in _TIME_UNITS}  # "Hours later, …"
)


@dataclass(slots=True)
class Ref:
    """What a clause says about who spoke: a name chunk, a pronoun, or a description ("the senator")."""

    kind: str  # "name" | "pronoun" | "description"
    start: int
    end: int
    text: str
    tok: int  # token index in its paragraph
    head: str = ""  # a description's head noun
    org: bool = False  # a description of an organisation ("the agency")
    titles: tuple[str, ...] = ()  # a name's titles ("Sen.", "Mrs.")


def _name(c: Chunk) -> Ref:
    return Ref("name", c.start, c.end, c.text, c.name_i, titles=c.titles)


def _pronoun(t: Tok, k: int) -> Ref:
    return Ref("pronoun", t.start, t.end, t.text, k)


def _description(words: list[Tok], k: int) -> Ref | None:
    """A description from its words up to the first preposition: its head is the last of them."""
    kept: list[Tok] = []
    for t in words:
        if t.low in _PREPOSITIONS or t.low in _RELATIVES:
            break
        kept.append(t)
    # the head is the last role or organisation noun ("the mayor" in "the mayor watched")
    for n in range(len(kept) - 1, -1, -1):
        head = _bare(kept[n])
        if head in ROLES or head in ORG_HEADS:
            last = kept[n]
            return Ref("description", kept[0].start, last.end, head, k, head, head not in ROLES)
    return None


def _bare(t: Tok) -> str:
    return t.low[:-2] if t.possessive and t.low.endswith(("'s", "’s")) else t.low


def _role_word(t: Tok) -> bool:
    """A word of a role description: a role ("negotiator") or its qualifier ("lead", "opposition's")."""
    low = _bare(t)
    return low in ROLES or low in gz.ROLE_MODIFIERS


def is_modifier(para: Para, c: Chunk, hi: int) -> int:
    """When chunk ``c`` only modifies a name after it ("Clinton campaign manager Robby Mook", "Iowa operative
    Steve Grubbs"), the index of that name's first token; else -1. The words between must end in a role."""
    toks = para.toks
    m = c.j
    n = 0
    while m < hi and toks[m].kind == "w" and not toks[m].cap and n < 4:
        m += 1
        n += 1
    if n and m < hi and m in para.chunk_at_start and toks[m - 1].low in ROLES:
        return m
    return -1


def np_head(para: Para, a: int, b: int) -> Ref | None:
    """Who the noun phrase opening tokens ``[a, b)`` names: a pronoun, the head name (modifiers and
    possessives skipped: "Trump's state director Mike Rubino" → Mike Rubino), or a description."""
    toks = para.toks
    k = a
    while k < b and (toks[k].kind == "q" or toks[k].low in _CONJUNCTIONS):
        k += 1
    if k >= b:
        return None
    if toks[k].low in PRONOUNS:
        return _pronoun(toks[k], k)
    words: list[Tok] = []
    while k < b:
        t = toks[k]
        c = para.chunk_at_start.get(k)
        if c is not None:
            if c.possessive:
                k = c.j
                words.clear()
                continue
            m = is_modifier(para, c, b)
            if m >= 0:
                k = m
                words.clear()
                continue
            r = c.j
            while r < b and r < c.j + 4 and toks[r].kind == "w" and not toks[r].cap and _role_word(toks[r]):
                r += 1
            if r > c.j and _bare(toks[r - 1]) in ROLES:
                # "the Texas senator", "Syrian opposition's lead negotiator": a description, its head the role
                words.extend(toks[c.i : r])
                k = r
                continue
            if words and words[-1].low in _PREPOSITIONS:
                return _description(words, k)  # "a spokesman for X": X is not the speaker
            return _name(c)
        if t.kind == "w" and len(words) < 8:  # a capitalised word outside any name: "The", "Tuesday"
            words.append(t)
            k += 1
            continue
        break
    return _description(words, a) if words else None


def clause_subject(para: Para, lo: int, hi: int) -> Ref | None:
    """The subject of the clause in tokens ``[lo, hi)``: the first comma- or dash-separated segment that is
    not an introductory phrase ("In a statement,", "Asked about it,", "As for X,"); a description followed
    by a name in apposition gives the name ("His spokesman, Jo Ames, said")."""
    toks = para.toks
    segs: list[tuple[int, int]] = []
    start = lo
    depth = 0
    for k in range(lo, hi):
        t = toks[k]
        if t.kind != "p":
            continue
        if t.text == "(":
            if depth == 0:
                segs.append((start, k))
            depth += 1
        elif t.text == ")":
            depth = max(0, depth - 1)
            if depth == 0:
                start = k + 1
        elif depth == 0 and t.text in _SPLITS:
            segs.append((start, k))
            start = k + 1
    segs.append((start, hi))
    segs = [(a, b) for a, b in segs if a < b]
    intro_name = False  # the last segment skipped was an introduction ending in a name ("in Salem,")
    for n, (a, b) in enumerate(segs):
        k = a
        while k < b and (toks[k].kind == "q" or toks[k].low in _CONJUNCTIONS):
            k += 1
        if k >= b:
            continue
        first = toks[k]
        if first.kind != "w":
            continue
        participle = first.low.endswith("ed") and k + 1 < b and toks[k + 1].low in _PREPOSITIONS
        c = para.chunk_at_start.get(k + 1) if first.low == "as" else None
        if c is not None and not c.possessive and (c.j == b or toks[c.j].low in _PREPOSITIONS):
            return _name(c)  # "As X put it, …", "as X of Y told the paper, …"
        if (
            first.low in _INTRO or first.low.endswith(("ly", "ing")) or participle
        ) and k not in para.chunk_at_start:
            intro_name = b - 1 in para.chunk_at_end
            continue
        c = para.chunk_at_start.get(k)
        if intro_name and c is not None and c.j == b:
            continue  # "in Salem, New Hampshire, X said": the place goes with the introduction
        intro_name = False
        ref = np_head(para, k, b)
        if ref is None:
            if b - k <= 3 and n + 1 < len(segs):
                continue  # a short adverbial: "Hours later, X said", "This time, X said"
            return None
        if ref.kind == "description" and n + 1 < len(segs):
            a2, b2 = segs[n + 1]
            c = para.chunk_at_start.get(a2)
            if (
                c is not None
                and not c.possessive
                and (c.j == b2 or toks[c.j].low in _RELATIVES | _PREPOSITIONS)
            ):
                return _name(c)  # "Another delegate, Jo Ames of Ohio, said"
        return ref
    return None


def subject_before(para: Para, lo: int, v: int) -> Ref | None:
    """The speaker of the verb at token ``v`` read leftwards, no further than ``lo``: the name or pronoun
    right before it (adverbs and auxiliaries skipped: "X has also said"), through a parenthesis ("X (R-Ohio)
    said") or a relative pronoun ("X, who said"), else, after an apposition ("X, a …, said"), the subject of
    the clause."""
    toks = para.toks
    i = v - 1
    while i >= lo:
        t = toks[i]
        if t.kind == "w" and not t.cap and (t.low in _BETWEEN or (t.low.endswith("ly") and len(t.low) > 4)):
            i -= 1
            continue
        if t.kind == "w" and t.cap and t.text.rstrip(".") in _TIME_CAPS and i not in para.chunk_at_end:
            i -= 1  # "X on Tuesday said"
            continue
        if t.text == ")":
            depth = 0
            while i >= lo:
                if toks[i].text == ")":
                    depth += 1
                elif toks[i].text == "(":
                    depth -= 1
                    if depth == 0:
                        break
                i -= 1
            i -= 1
            continue
        break
    if i < lo:
        return None
    t = toks[i]
    if t.low in PRONOUNS:
        return _pronoun(t, i)
    c = para.chunk_at_end.get(i)
    if c is not None:
        if c.possessive:
            return None
        if c.i > lo and toks[c.i - 1].low in _PREPOSITIONS:
            return clause_subject(para, lo, i + 1)  # "a spokesman for X said": the phrase, not X
        return _name(c)
    if t.low in _RELATIVES and t.low != "that":
        j = i - 1
        if j >= lo and toks[j].text == ",":
            j -= 1
        c = para.chunk_at_end.get(j)
        if c is not None and not c.possessive:
            return _name(c)
        return None
    if (t.kind == "p" and t.text in _SPLITS) or t.kind == "q" or t.low in _CONJUNCTIONS:
        # "X, a …, said", "X, noting that it was "late," added", "X arrived and said"
        return clause_subject(para, lo, i)
    if t.kind == "w" and not t.cap:
        j = i
        while (
            j > lo and toks[j - 1].kind == "w" and not toks[j - 1].cap and toks[j - 1].low not in _DETERMINERS
        ):
            j -= 1
        if i - j > 5:
            return None
        k = j - 1 if j > lo and toks[j - 1].low in _DETERMINERS else j
        while k > lo and toks[k - 1].possessive:
            k -= 1
        return np_head(para, k, i + 1)
    return None


def np_after(para: Para, k: int, hi: int) -> Ref | None:
    """The speaker named after an inverted verb ("said Rep. Jo Ames of Ohio", "said his spokesman, Jo Ames"):
    the phrase up to a comma, preposition or relative pronoun; its head name, else a name in apposition."""
    toks = para.toks
    while (
        k < hi
        and toks[k].kind == "w"
        and (toks[k].low == "by" or (toks[k].cap and toks[k].text in _TIME_CAPS))
    ):
        k += 1
    if k >= hi:
        return None
    if toks[k].low in PRONOUNS:
        return _pronoun(toks[k], k)
    e = k
    while e < hi:
        t = toks[e]
        if t.kind != "w":
            break
        if not t.cap and (t.low in _PREPOSITIONS or t.low in _RELATIVES) and e > k:
            break
        e += 1
    ref = np_head(para, k, e)
    if ref is not None and ref.kind == "name":
        return ref
    c = para.chunk_at_start.get(e + 1) if e + 1 < hi and toks[e].text == "," else None
    if c is not None and not c.possessive:
        return _name(c)
    return ref
