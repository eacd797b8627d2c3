"""Noun phrases over a paragraph's tokens (:mod:`core.clauses`): who a clause is about.

The speaker search asks three questions of a clause, each answered by a linear scan over its tokens: who is
the subject of this clause (:func:`clause_subject`: the first segment that is not an introduction, "In a
statement, X, a …, said"), who is the subject of this verb (:func:`subject_before`: the name right before
it, through adverbs, parentheses, relative pronouns and appositions), and whom an inverted verb names
(:func:`np_after`: "said Rep. X of Ohio", "said his spokesman, X"). The answer is a :class:`Ref`: a name, a
pronoun, or a description ("the senator", "the agency") with its head noun.
"""

from __future__ import annotations

from dataclasses import dataclass

from dateline.core import gazetteer as gz
from dateline.core import lexicon
from dateline.core.clauses import BETWEEN as _BETWEEN
from dateline.core.clauses import INTRO as _INTRO
from dateline.core.clauses import PREPOSITIONS as _PREPOSITIONS
from dateline.core.clauses import Chunk, Para, Tok

PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i"})
_CONJUNCTIONS = frozenset({"and", "but", "so", "yet", "or", "nor", "then", "plus"})
_DETERMINERS = frozenset({"the", "a", "an", "his", "her", "their", "its", "our", "this", "that", "another"})
_SPLITS = frozenset({",", "—", "–", "--", ";", "(", ")", "-"})
_RELATIVES = frozenset(lexicon.words("speech", "speakers.relatives"))
_SUBORDINATORS = frozenset(lexicon.words("speech", "speakers.subordinators"))
ROLES = frozenset(lexicon.words("speech", "speakers.roles")) | gz.ROLE_NOUNS
ORG_HEADS = frozenset(lexicon.words("speech", "speakers.organization_heads"))
_TIME_CAPS = gz.NOT_NAMES


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
        head = _unpossessed(kept[n])
        if head in ROLES or head in ORG_HEADS:
            last = kept[n]
            return Ref("description", kept[0].start, last.end, head, k, head, head not in ROLES)
    return None


def _unpossessed(t: Tok) -> str:
    """The word without its possessive ending ("opposition's" → "opposition")."""
    return t.low[:-2] if t.possessive and t.low.endswith(("'s", "’s")) else t.low


def _role_word(t: Tok) -> bool:
    """A word of a role description: a role ("negotiator") or its qualifier ("lead", "opposition's")."""
    low = _unpossessed(t)
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
            if r > c.j and _unpossessed(toks[r - 1]) in ROLES:
                # "the Texas senator", "Syrian opposition's lead negotiator": a description, its head the role
                words.extend(toks[c.i : r])
                k = r
                continue
            n = len(words)
            while n and words[n - 1].low in _DETERMINERS:
                n -= 1  # "a spokesman for the X"
            if n and words[n - 1].low in _PREPOSITIONS:
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
    by a name in apposition gives the name ("His spokesman, Jo Ames, said"; "One delegate, county chairman Jo
    Ames, said")."""
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
        if intro_name and c is not None and c.j == b and not _relative_next(para, segs, n):
            # "in Salem, New Hampshire, X said": the place goes with the introduction; not "Of Y, X, who …"
            continue
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
            if b2 - a2 <= 10:
                named = np_head(para, a2, b2)
                if named is not None and named.kind == "name" and named.end == toks[b2 - 1].end:
                    return named  # "One delegate, county chairman Jo Ames, said"
        return ref
    return None


def intro_subject(para: Para, lo: int, hi: int) -> tuple[Ref, int] | None:
    """The subject of a subordinate clause or topic that opens the sentence in tokens ``[lo, hi)``, with the
    index of the pronoun that opens the main clause after it: "When X was asked whether he …, he said" and
    "As for X, she said" give (X, the main clause's pronoun). Other names of the opening clause ("whether he
    trusts Y") are no subject; the main clause's pronoun stands for its subject X."""
    toks = para.toks
    k = lo
    while k < hi and (toks[k].kind == "q" or toks[k].low in _CONJUNCTIONS):
        k += 1
    if k + 1 >= hi or toks[k].low not in _SUBORDINATORS:
        return None
    k += 1
    if toks[k - 1].low == "as" and toks[k].low in ("for", "to"):
        k += 1  # "As for X, …"
    c = para.chunk_at_start.get(k)
    if c is None or c.possessive:
        return None
    depth = 0
    for j in range(c.j, hi - 1):
        t = toks[j]
        if t.text == "(":
            depth += 1
        elif t.text == ")":
            depth = max(0, depth - 1)
        elif depth == 0 and t.text == "," and toks[j + 1].low in ("he", "she"):
            return _name(c), j + 1
    return None


def _relative_next(para: Para, segs: list[tuple[int, int]], n: int) -> bool:
    """Whether the segment after segment ``n`` opens with "who" or "whose": segment ``n`` is a person's
    name, not the end of a place ("Of Y, X, who has …, said")."""
    return n + 1 < len(segs) and para.toks[segs[n + 1][0]].low in ("who", "whose")


def subject_before(para: Para, lo: int, v: int) -> Ref | None:
    """The speaker of the verb at token ``v`` read leftwards, no further than ``lo``: the name or pronoun
    right before it (adverbs and auxiliaries skipped: "X has also said"), through a parenthesis ("X (R-Ohio)
    said") or a relative pronoun ("X, who said"), else, after an apposition ("X, a …, said"), the subject of
    the clause."""
    toks = para.toks
    i = v - 1
    if toks[v].low == "saying" and i - 1 >= lo and toks[i].low == "as" and toks[i - 1].low == "quoted":
        i -= 2  # "X is quoted as saying", "X was quoted as saying": the subject of "quoted"
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
        b = c.i
        while b > lo and toks[b - 1].low in _DETERMINERS:
            b -= 1
        if b > lo and toks[b - 1].low in _PREPOSITIONS:
            return clause_subject(para, lo, i + 1)  # "a spokesman for (the) X said": the phrase, not X
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
