"""The speaker search: who said each quote, read from the clause around it.

For each quote, in the order of the text:

1. after it, to the end of its sentence: '"…," X said' (a long apposition or a relative clause may stand
   between the name and the verb: '"…," X, who …, added'), '"…," said X, a …', '"…," he said', '"…,"
   according to X';
2. before it, in its sentence: 'X said: "…"', 'X said that "…"', 'X, noting that …, added: "…"', 'Said X,
   "…"', 'According to X, "…"', 'X called it "…"', 'X: "…"' (a transcript line or "More from X:"), or a
   participle after the speaker's own clause ('…," X said, adding, "…"');
3. otherwise the speaker carries: a quote in the same paragraph after another one with no other speaker
   between them; a paragraph that opens with a quote after a paragraph whose last quote or last sentence
   named a speaker ('…, said X, a …' ⏎ '"…"'); a quote continued from the previous paragraph.

Names go to actors through :mod:`core.referents`; a pronoun goes to the nearest person of its gender that
is the subject (or speaker) of a sentence before it, no further back than two paragraphs; a description
("the senator", "the agency") to the nearest actor it fits. When the text does not settle the speaker, the
speaker is ``None``.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from dateline.core import gazetteer as gz
from dateline.core import lexicon
from dateline.core.clauses import Chunk, Para, Tok
from dateline.core.phrases import PRONOUNS, Ref, clause_subject, intro_subject, np_after, subject_before
from dateline.core.referents import Referents, looks_personal

CUES = gz.REPORTING_VERBS | lexicon.verb_forms("speech", "cues.verbs")
_AMBIGUOUS = frozenset(lexicon.words("speech", "ambiguous.forms"))
_PASSIVE = frozenset({"was", "were", "been", "being", "is", "are", "be", "get", "got", "gets"})
_CLAUSE_MARK = re.compile(r"[,?!…:;—–-]['’‘\"”]*\s*$")
_ASKED = re.compile(r"[?!]['’‘\"”]*\s*$")
_PLURAL_PRONOUNS = frozenset({"they", "we", "i", "you"})
_TELL = frozenset({"told", "tell", "tells", "telling"})
# Words after a sentence-opening "Asked" that make it an introduction, not an inverted verb ("Asked which …").
_QUESTION_OPENERS = frozenset(lexicon.words("speech", "speakers.question_openers"))
# Words before a participle that make it part of its sentence's main clause: "X replied by saying".
_BY_WAY_OF = frozenset({"by", "after", "before", "while", "when", "without", "in", "since", "upon"})
_NEAR = 80  # tokens: how far from a quote its attribution is looked for
_SENTENCES_BACK = 12  # sentences a pronoun may reach back
_BACK = 2  # paragraphs a pronoun or a carried speaker may reach back


@dataclass(slots=True)
class QuoteAt:
    para: int  # index into the paragraphs
    tok: int  # the quote's token in its paragraph
    continued: bool = False  # continues a quote left open in the previous paragraph
    label: tuple[int, int] | None = None  # the speaker label of a transcript line ("PENCE: …")


@dataclass(slots=True)
class Speaker:
    actor: str | None = None
    name: str | None = None
    cue: str | None = None
    found: bool = False  # the text attributes the quote (even when it names nobody we know)
    how: str = ""
    clause: tuple[int, int] | None = None  # offsets of the attribution's words
    pronoun: bool = False  # the attribution names a pronoun ("he said"), not a name or description


@dataclass(slots=True)
class _Found:
    ref: Ref | None
    cue: str | None
    how: str
    lo: int  # token range of the attribution in the quote's paragraph
    hi: int


class Speakers:
    """Speakers of one article's quotes."""

    def __init__(self, text: str, paras: list[Para], quotes: list[QuoteAt], refs: Referents) -> None:
        self.text = text
        self.paras = paras
        self.quotes = quotes
        self.refs = refs
        self.out: list[Speaker] = []
        self.found: list[_Found | None] = []
        self.by_tok: dict[tuple[int, int], int] = {(q.para, q.tok): n for n, q in enumerate(quotes)}

    def run(self) -> list[Speaker]:
        for n, q in enumerate(self.quotes):
            if q.label is not None:
                label = self.text[q.label[0] : q.label[1]]
                self.found.append(None)
                self.out.append(Speaker(self.refs.labelled(label), label.title(), None, True, "transcript"))
                continue
            f = self.after(q) or self.before(q)
            self.found.append(f)
            if f is not None:
                actor, name = self.resolve(f.ref, q.para)
                p = self.paras[q.para]
                clause = (p.toks[f.lo].start, p.toks[f.hi - 1].end) if f.hi > f.lo else None
                pronoun = f.ref is not None and f.ref.kind == "pronoun"
                self.out.append(Speaker(actor, name, f.cue, True, f.how, clause, pronoun))
            else:
                self.out.append(self.carried(n, q))
        return self.out

    # -- cues ---------------------------------------------------------------------------------------------

    def is_cue(self, p: Para, k: int) -> bool:
        t = p.toks[k]
        if t.kind != "w":
            return False
        if t.low == "according":
            return k + 1 < len(p.toks) and p.toks[k + 1].low == "to"
        if t.low not in CUES:
            return False
        prev = p.toks[k - 1] if k else None
        if prev is not None and (
            prev.low == "to" or (k > 1 and p.toks[k - 2].low == "to" and prev.low.endswith("ly"))
        ):
            return False  # "declined to comment", "to correctly predict": nobody says it here
        if t.low in _AMBIGUOUS:
            if t.low == "put":
                return k + 1 < len(p.toks) and p.toks[k + 1].low == "it"  # "as X put it"
            if t.low.endswith(("s", "ing")):  # "she notes", "X states": right after the subject
                nxt = p.toks[k + 1].low if k + 1 < len(p.toks) else ""
                subject = prev is not None and (prev.low in PRONOUNS or k - 1 in p.chunk_at_end)
                return subject and nxt not in _PASSIVE  # not "the SEC charges are true"
            return prev is not None and prev.low in _PLURAL_PRONOUNS  # "they state"; not "the state"
        if (
            prev is not None
            and prev.low in _PASSIVE
            and t.low.endswith(("ed", "told", "said", "written", "read"))
        ):
            return k + 1 < len(p.toks) and p.toks[k + 1].low == "by"  # "was told by X" names X; "was told" no
        return True

    # -- the quote's own sentence -------------------------------------------------------------------------

    def after(self, q: QuoteAt) -> _Found | None:
        """An attribution between the closing mark and the end of the sentence (or the next quote)."""
        p = self.paras[q.para]
        toks = p.toks
        qt = toks[q.tok]
        if q.tok + 1 >= len(toks):
            return None
        end = q.tok + 1
        depth = 0  # a stop inside brackets ends no sentence: '"…," Rep. Jo Ames (R-Fla.) said.'
        while end < len(toks) and end - q.tok < _NEAR and toks[end].kind != "q":
            t = toks[end]
            if t.kind == "p":
                if t.text == "(":
                    depth += 1
                elif t.text == ")":
                    depth = max(0, depth - 1)
                elif t.text in ".!?" and not depth:
                    break
            end += 1
        if "\n" in self.text[qt.end : toks[q.tok + 1].start]:
            return None  # a line break after the quote: what follows is not its attribution
        inner = self.text[max(qt.start, qt.end - 9) : qt.end - 1]  # the end of the quoted words
        k = q.tok + 1
        comma = toks[k].kind == "p" and toks[k].text in (",", "—", "–", "-", "--")
        while k < end and toks[k].kind == "p" and toks[k].text in (",", "—", "–", "-", "--", ":"):
            k += 1
        if k >= end:
            return None
        clause_mark = comma or bool(_CLAUSE_MARK.search(inner))
        closes = not clause_mark and _sentence_end(inner)
        # '"…," said X' / '"…," according to X'
        j = k
        while j < end and toks[j].low in ("also", "then", "later", "once"):
            j += 1
        if (
            j < end
            and self.is_cue(p, j)
            and (clause_mark or closes or j == k)
            and (toks[j].low == "according" or not toks[j].low.endswith("ing"))
            and not (closes and toks[j].cap)  # '"…." Asked about it, X said': a new sentence
        ):
            if toks[j].low == "according":
                return _Found(np_after(p, j + 2, end), "according to", "according", k, end)
            ref = np_after(p, j + 1, end)
            if ref is not None or j + 1 >= end or toks[j + 1].kind == "w":
                return _Found(ref, toks[j].low, "inverted", k, end)
        # '"…," X said' / '"…," X, who …, said' / '"…," he said'
        for v in range(k, min(end, k + 40)):
            if not self.is_cue(p, v):
                continue
            if toks[v].low == "according":
                break
            ref = subject_before(p, k, v)
            if ref is None:
                if v > k and toks[v - 1].text == "," and not toks[v].low.endswith("ing"):
                    ref = np_after(p, v + 1, end)  # '"…" if she lost, said X, a …'
                    if ref is not None:
                        return _Found(ref, toks[v].low, "inverted", k, end)
                break
            if not clause_mark:
                # no comma after the quote: only a subject right after it ('"…" X said', '"…" the
                # paper's editor X said')
                if not _opens_phrase(p, k, ref.tok) or v - ref.tok > 4:
                    return None
                if closes and not _ASKED.search(inner) and (end - v > 10 or not _bare_attribution(p, v)):
                    return None  # '"…." X said.' only when the sentence says nothing else
            return _Found(ref, toks[v].low, "after", k, end)
        return None

    def before(self, q: QuoteAt) -> _Found | None:
        """An attribution in the quote's sentence before its opening mark."""
        p = self.paras[q.para]
        toks = p.toks
        s_lo, _ = p.sentence_of(q.tok)
        lo = max(s_lo, q.tok - _NEAR)  # a run-on "sentence" is read no further back than this
        if lo >= q.tok:
            return None
        colon = toks[q.tok - 1].text in (":", "—", "–", "-")  # 'X wrote: "…"', 'X added — "…"'
        label = p.chunk_at_end.get(q.tok - 2) if colon else None
        if (
            label is not None
            and not label.possessive
            and (label.i == s_lo or toks[label.i - 1].text in "-—–:")
        ):
            return _Found(_name_ref(label), None, "colon", lo, q.tok)  # '… - X: "…"', a label before a quote
        first: _Found | None = None  # a speech verb whose speaker the clause does not name
        for v in range(q.tok - 1, lo - 1, -1):
            if not self.is_cue(p, v):
                continue
            t = toks[v]
            if t.low == "according":
                ref = np_after(p, v + 2, q.tok)
                return _Found(ref, "according to", "according", lo, q.tok)
            if v == s_lo and t.cap and t.low in gz.REPORTING_VERBS:
                if v + 1 < q.tok and toks[v + 1].low in _QUESTION_OPENERS:
                    continue  # 'Asked which county was his favourite, he demurred: "…"': an introduction
                return _Found(np_after(p, v + 1, q.tok), t.low, "inverted", lo, q.tok)  # 'Said X, "…"'
            if t.low.endswith("ing") and v > lo and toks[v - 1].text in (",", "and"):
                prev = self.same_sentence_speaker(q, s_lo)
                if prev is not None:
                    return _Found(prev.ref, t.low, "participle", lo, q.tok)
                return _Found(clause_subject(p, s_lo, v - 1), t.low, "participle", lo, q.tok)
            if v > lo and (toks[v - 1].kind == "q" or (toks[v - 1].text == "," and toks[v - 2].kind == "q")):
                ref = np_after(p, v + 1, q.tok)
                if ref is not None:
                    return _Found(ref, t.low, "inverted", lo, q.tok)  # '"…," said X, "…"'
            after_preposition = t.low.endswith("ing") and v > lo and toks[v - 1].low in _BY_WAY_OF
            ref = None if after_preposition else subject_before(p, lo, v)
            if ref is None and t.low.endswith("ing"):
                ref = clause_subject(p, s_lo, v)  # 'X rallied supporters by warning that "…"'
            if ref is None:
                first = first or _Found(None, t.low, "before", lo, q.tok)
                continue
            return _Found(ref, t.low, "before", lo, q.tok)
        if first is not None:
            return first
        if colon:
            c = p.chunk_at_end.get(q.tok - 2)
            if c is not None and not c.possessive:
                return _Found(_name_ref(c), None, "colon", lo, q.tok)
            return _Found(clause_subject(p, lo, q.tok - 1), None, "colon", lo, q.tok)
        if q.tok > s_lo and not _title_words(self.text, toks[q.tok]):
            # a quote inside a sentence with no speech verb: the sentence's subject ('X compared Y to a
            # duck, "…"', 'X credited the win to "…"')
            ref = clause_subject(p, s_lo, q.tok)
            if ref is not None and ref.kind == "name":
                return _Found(ref, None, "embedded", lo, q.tok)
        return None

    def same_sentence_speaker(self, q: QuoteAt, s_lo: int) -> _Found | None:
        """The attribution of an earlier quote of the same sentence ('"…," X said, adding, "…"')."""
        for k in range(q.tok - 1, s_lo - 1, -1):
            n = self.by_tok.get((q.para, k))
            if n is not None and n < len(self.found) and (f := self.found[n]) is not None:
                return f
        return None

    # -- carrying a speaker -------------------------------------------------------------------------------

    def carried(self, n: int, q: QuoteAt) -> Speaker:
        """A quote with no attribution of its own: the speaker of the one before, when nothing between
        them names another; or the speaker the previous sentence or paragraph introduced."""
        prev = self.out[n - 1] if n else None
        pq = self.quotes[n - 1] if n else None
        p = self.paras[q.para]
        if q.continued and prev is not None:
            return _copy(prev, "continued")
        if pq is not None and prev is not None and pq.para == q.para and q.tok - pq.tok <= _NEAR:
            if not any(self.is_cue(p, k) for k in range(pq.tok + 1, q.tok) if not _in_clause(prev, p, k)):
                return _copy(prev, "carried")
            f = self.cue_sentence(q.para, pq.tok + 1, q.tok)
            return self.speaker_of(f, q.para) if f is not None else Speaker()
        s_lo, _ = p.sentence_of(q.tok)
        f = self.cue_sentence(q.para, p.sentences_back(q.tok, 2), q.tok)  # this sentence or the two before
        if f is not None:
            return self.speaker_of(f, q.para)
        if s_lo == 0 and q.tok == 0 and q.para > 0:
            pp = self.paras[q.para - 1]
            if pq is not None and prev is not None and pq.para == q.para - 1:
                last_lo, _ = pp.sentence_of(len(pp.toks) - 1)
                if pq.tok >= last_lo and prev.found:
                    return _copy(prev, "carried")
            last_lo, _ = pp.sentence_of(len(pp.toks) - 1)
            f = self.cue_sentence(q.para - 1, last_lo, len(pp.toks))
            if f is not None:
                return self.speaker_of(f, q.para - 1)
            if pp.toks and pp.toks[-1].text == ":" and len(pp.toks) > last_lo + 1:
                # a paragraph that ends with a colon introduces the quote after it, with no speech verb ("X
                # made the following comment:", "Here is what X wrote in a letter to members:"): the
                # introducing sentence's subject, when it is a name
                ref = clause_subject(pp, last_lo, len(pp.toks) - 1)
                if ref is not None and ref.kind == "name":
                    return self.speaker_of(_Found(ref, None, "colon", last_lo, len(pp.toks)), q.para - 1)
        return Speaker()

    def cue_sentence(self, pi: int, lo: int, hi: int) -> _Found | None:
        """The last clause in tokens ``[lo, hi)`` of paragraph ``pi`` that has a speech verb and a subject
        ("X said in a statement:", "…, said X, a …", "X says she got a call")."""
        p = self.paras[pi]
        for v in range(hi - 1, lo - 1, -1):
            if p.toks[v].kind == "q" or not self.is_cue(p, v):
                continue
            s_lo, _ = p.sentence_of(v)
            s_lo = max(s_lo, lo)
            if p.toks[v].low == "according":
                return _Found(np_after(p, v + 2, hi), "according to", "carried", s_lo, v + 1)
            ref = subject_before(p, s_lo, v)
            if ref is None and v + 1 < hi:
                ref = np_after(p, v + 1, hi)
                if ref is not None and ref.kind == "name" and v > s_lo and p.toks[v - 1].kind in ("q", "p"):
                    return _Found(ref, p.toks[v].low, "carried", s_lo, v + 1)
                return None
            return _Found(ref, p.toks[v].low, "carried", s_lo, v + 1) if ref is not None else None
        return None

    def speaker_of(self, f: _Found, pi: int) -> Speaker:
        actor, name = self.resolve(f.ref, pi)
        return Speaker(actor, name, f.cue, True, f.how, None, f.ref is not None and f.ref.kind == "pronoun")

    # -- resolution -----------------------------------------------------------------------------------------

    def resolve(self, ref: Ref | None, pi: int) -> tuple[str | None, str | None]:
        if ref is None:
            return None, None
        if ref.kind == "name":
            return self.refs.named(ref.text, ref.start, ref.end), ref.text
        if ref.kind == "pronoun":
            return self.antecedent(ref.text, pi, ref.tok), ref.text
        lo = self.paras[max(0, pi - _BACK)].start
        return self.refs.described(ref.head, ref.start, lo, ref.org), self.text[ref.start : ref.end]

    def antecedent(self, pronoun: str, pi: int, k: int) -> str | None:
        """Whom ``pronoun`` (at token ``k`` of paragraph ``pi``) stands for: going back sentence by sentence,
        the speaker of a quote in the sentence, the subject of a clause that opens it ("When X was asked
        whether he …, he said"; "As for X, he said") or the sentence's subject, if the pronoun fits them; a
        pronoun subject of the same person keeps the search going. Other names are a last resort from the
        nearest two sentences only, the first the sentence names before the later ones (nearer its subject:
        "X's plan was backed by Y, …, who said none of it went to Z")."""
        fallback: str | None = None
        seen = 0
        for qi in range(pi, max(-1, pi - _BACK - 1), -1):
            if seen >= _SENTENCES_BACK:
                break
            p = self.paras[qi]
            hi = k if qi == pi else len(p.toks)
            last = bisect_left(p.sent_starts, hi)  # the sentences that start before ``hi``
            starts = p.sent_starts[max(0, last - (_SENTENCES_BACK - seen)) : last] or [0]
            for s_lo in reversed(starts):
                s_hi = hi
                hi = s_lo
                if s_lo >= s_hi:
                    continue
                for kk in range(s_hi - 1, s_lo - 1, -1):
                    n = self.by_tok.get((qi, kk))
                    if n is not None and n < len(self.out) and self.refs.fits(self.out[n].actor, pronoun):
                        return self.out[n].actor
                intro = intro_subject(p, s_lo, p.sentence_of(s_lo)[1])
                if (
                    intro is not None
                    and (
                        intro[1] == k
                        if qi == pi and s_hi == k
                        else intro[1] < s_hi and p.toks[intro[1]].low == pronoun.lower()
                    )
                    and not self.parenthetical(p, intro[1])
                ):
                    # "When X was asked whether he …, he said": the opening clause's subject, not its object
                    aid = self.refs.named(intro[0].text, intro[0].start, intro[0].end)
                    if self.refs.fits(aid, pronoun):
                        return aid
                cues = [v for v in range(s_lo, s_hi) if self.is_cue(p, v) and p.toks[v].low != "according"]
                # who the sentence reports ("…, X said."), its subject, then whoever it says spoke ("who said")
                # ("…, said X, a …" however long the apposition after X)
                tail = [
                    v
                    for v in cues[-1:]
                    if s_hi == p.sentence_of(s_lo)[1]
                    and (
                        s_hi - v <= 6 or (v > s_lo and p.toks[v - 1].text == "," and _inverted(p.toks[v].low))
                    )
                ]
                reported = [self.reported_by(p, s_lo, s_hi, v) for v in tail]
                first = [subject_before(p, s_lo, v) for v in cues[:1]]
                for ref in (*reported, clause_subject(p, s_lo, s_hi), *first):
                    if ref is not None and ref.kind == "name":
                        aid = self.refs.named(ref.text, ref.start, ref.end)
                        if self.refs.fits(aid, pronoun):
                            return aid
                        if aid is None and self.unknown_person(ref, pronoun, ref in reported or ref in first):
                            return None  # the pronoun's person is one the actors do not know
                if fallback is None and seen < 2:
                    for c in p.chunks:
                        if s_lo <= c.i < s_hi and not c.possessive:
                            aid = self.refs.named(c.text, c.start, c.end)
                            if self.refs.fits(aid, pronoun) and self.refs.kind(aid) == "person":
                                fallback = aid
                                break
                seen += 1
        return fallback

    def parenthetical(self, p: Para, j: int) -> bool:
        """Whether the pronoun at token ``j`` opens a parenthetical attribution ("When X took office, he
        said, the economy was …"): the opening clause is then part of what was said, its subject no
        antecedent."""
        toks = p.toks
        return (
            j + 3 < len(toks)
            and self.is_cue(p, j + 1)
            and toks[j + 2].text == ","
            and toks[j + 3].kind != "q"
        )

    def unknown_person(self, ref: Ref, pronoun: str, speaks: bool) -> bool:
        """Whether a name no actor has is a person the pronoun may stand for: a speaker in its sentence,
        or a name with a title or a given name, of the pronoun's gender when the text shows it."""
        if pronoun.lower() not in ("he", "she"):
            return False
        g = self.refs.person_named(ref.text, ref.titles)
        if g is None:
            return speaks and looks_personal(ref.text)
        return g == "" or g == ("m" if pronoun.lower() == "he" else "f")

    def reported_by(self, p: Para, lo: int, hi: int, v: int) -> Ref | None:
        """The speaker of a sentence-final attribution: "…, X said." or "…, said X."."""
        toks = p.toks
        if v > lo and toks[v - 1].text == "," and toks[v].low not in _TELL:
            return np_after(p, v + 1, hi)  # "…, said X." (not "…, told X": X is who heard it)
        ref = subject_before(p, lo, v)
        if ref is None or ref.kind != "name":
            return None
        start = ref.tok
        while start > lo and toks[start - 1].kind == "w" and toks[start - 1].cap:
            start -= 1  # titles before the name
        return ref if start > lo and toks[start - 1].text == "," else None


def _inverted(verb: str) -> bool:
    """Whether a speech verb after a comma may open an inverted attribution ("…, said X"): not a participle
    ("…, saying X was …": X is who the words are about) nor "told" ("…, told X": X heard them)."""
    return verb not in _TELL and not verb.endswith("ing")


def _name_ref(c: Chunk) -> Ref:
    return Ref("name", c.start, c.end, c.text, c.name_i)


def _copy(s: Speaker, how: str) -> Speaker:
    return Speaker(s.actor, s.name, s.cue, s.found, how, s.clause, s.pronoun)


def _in_clause(s: Speaker, p: Para, k: int) -> bool:
    return s.clause is not None and s.clause[0] <= p.toks[k].start < s.clause[1]


def _sentence_end(inner: str) -> bool:
    return bool(re.search(r"[.?!]['’‘\"”)]*\s*$", inner))


def _opens_phrase(p: Para, k: int, i: int) -> bool:
    """Whether tokens ``k`` to ``i`` are one short noun phrase: words only, no more than eight."""
    return i - k <= 8 and all(t.kind == "w" and t.low not in ("that", "who", "which") for t in p.toks[k:i])


_WORDS = re.compile(r"[^\W\d_][\w'’-]*")


def _title_words(text: str, t: Tok) -> bool:
    """A title or scare quote by its words: one or two, or all capitalised ("Meet the Press")."""
    if t.end - t.start > 120:
        return False
    words = _WORDS.findall(text, t.start, t.end)
    return len(words) <= 2 or all(w[0].isupper() or len(w) <= 3 for w in words)


def _bare_attribution(p: Para, v: int) -> bool:
    """Whether the sentence goes on from the verb at ``v`` to its end without "that" or a quote: a bare
    attribution ("Smith said on Monday.")."""
    for t in p.toks[v + 1 :]:
        if t.kind == "q" or t.low == "that":
            return False
        if t.kind == "p" and t.text in ".!?":
            return True
    return True
