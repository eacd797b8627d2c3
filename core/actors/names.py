"""Stage 1 of actors — name spans: the capitalised runs of an article that may name someone.

A chunk is read by ``CHUNK`` (honorific, particles, initials, hyphenated particles); edges that name nothing
(function words, months, a title word alone, a sentence-initial ordinary word) are trimmed, a chunk splits at
"of"/"for" unless an organisation or title word asks for it, and an outlet run into a title ("told Reuters
Finance Minister X") is cut off. What comes out is a list of :class:`NameSpan` for the kind stage. The name-form
helpers every stage shares (comparison keys, tokens, acronyms, initials) live here too.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from dateline.core import budget, lexicon
from dateline.core import gazetteer as gz
from dateline.core.model import Article
from dateline.core.text import CHROME, NON_CONTENT, FurnitureIndex, name_like, overlap_test, paragraphs

# --- name chunks -----------------------------------------------------------------------------------------

_LEAD_WORDS = "de van von bin ibn abu della del der den dos al el".split()
_LEAD_PARTICLE = rf"(?:{'|'.join(_LEAD_WORDS)})"
_MID_PARTICLE = (
    r"(?:al|el|bin|ibn|bint|abu|de|da|di|du|del|della|van|von|der|den|le|la|dos|das|y|of|for|of the|on|and|&)"
)
_HYPHEN_WORDS = "al el ad ash as an ar at az ul ud bin ibn abu".split()
_HYPHEN_PARTICLE = rf"(?:{'|'.join(_HYPHEN_WORDS)})"
_TOK_TAIL = r"[^\W_]*(?:['’][^\W\d_]{2,}|-[A-Z0-9][^\W_]*)*"
# A middle initial ("Robert W. Fisher") is a name token when a name word follows it, not a word that opens a
# sentence ("... of Class B. The company ...").
_SENTENCE_OPENERS = """The A An It He She They We In On At But And This That Its His Her Their There If As Then These Those
    When While After Before However Meanwhile""".split()
_INITIAL_DOT = rf"\.(?= (?!(?:{'|'.join(_SENTENCE_OPENERS)})\b)[A-Z][a-z])"
_INITIAL = rf"[A-Z]{_INITIAL_DOT}"
_TOK = rf"(?:(?:[A-Z]\.){{2,}}|{_INITIAL}|[A-Z]{_TOK_TAIL})"
_PTOK = rf"(?:{_HYPHEN_PARTICLE}-{_TOK}|{_TOK})"
# A given name of two syllables joined by a hyphen, the second in lower case, after the family name: "Park
# Min-ho", "Lin Chia-wei", "Lee Su-bin". Only after a first name word: opening a chunk, such a word is
# far more often a prefix ("Anti-war", "Pro-life", "Ex-wife").
_SYLLABLES = (
    r"[A-Z][a-z]{0,4}-"
    rf"(?!(?:{'|'.join(lexicon.words('actors', 'names.compound_tails'))})(?![\w'’-]))[a-z]{{2,5}}(?![\w'’-])"
)
_HON_WORDS = "Mr Mrs Ms Dr Prof Gen Sen Rep Gov Col Lt Capt Sgt Adm Rev St".split()
# Compass adjectives open organisation names ("Central Bank", "Western Union") though alone they name nothing.
_COMPASS = frozenset("Central Western Eastern Northern Southern".split())
_TITLE_ABBREVIATIONS = frozenset("Gov Sen Rep Gen Col Lt Capt Sgt Adm Cmdr".split())
_SP = r" "  # one space: a name never crosses a line break, and wider gaps are table columns
# "(R-Fla.)", ", D-N.Y.,": a legislator's party and state, set off after the name (actors.toml roles.party_letters)
_PARTY_LABEL = re.compile(
    rf"(?:(?<=\()|(?<=, ))(?:{'|'.join(lexicon.words('actors', 'roles.party_letters'))})-[A-Z][A-Za-z.]*"
    r"(?:[ .][A-Z][A-Za-z.]*)?(?=[),])"
)


def _after_first(words: list[str]) -> str:
    """Alternatives ``words`` with their first letter already consumed: the rest of the word, then the whole
    word checked by lookbehind. Each alternative opens with a literal letter, so the engine skips at once
    the alternatives whose next letter is not the one in the text."""
    return "|".join(f"{w[1:]}(?<={w})" for w in words)


# A chunk: [honorific] [lead particle] name token, then more tokens joined by one space or a line break,
# maybe with a particle between. It starts at a capital or at a particle's first letter that no word
# character, apostrophe or hyphen precedes. The pattern opens by consuming that one letter (a character
# class: the engine then skips to candidate letters instead of trying every position) and writes each way of
# going on with that letter already read, in the order the plain form
# ``(?<![\w'’-]){_HON}?(?:{_LEAD_PARTICLE}[ \t]+(?=[A-Z]))?{_PTOK}(?:…)*`` tries them, so it finds the same
# chunks.
CHUNK = re.compile(
    r"[A-Zadbvei](?<![\w'’-].)"
    rf"(?:(?<=[A-Z])(?:(?:{_after_first(_HON_WORDS)})\.?[ \t]+(?:{_LEAD_PARTICLE}[ \t]+(?=[A-Z]))?{_PTOK}"
    rf"|\.(?:[A-Z]\.)+|{_INITIAL_DOT}|{_TOK_TAIL})"
    rf"|(?=[a-z]{{1,4}}(?:[ \t]+|-)[A-Z])"  # cheap test first: most words are no particle before a name
    rf"(?:(?:{_after_first(_LEAD_WORDS)})[ \t]+(?=[A-Z]){_PTOK}|(?:{_after_first(_HYPHEN_WORDS)})-{_TOK}))"
    rf"(?:{_SP}(?:{_MID_PARTICLE}{_SP})?(?:{_SYLLABLES}|{_PTOK}))*"
)
_WORD = re.compile(r"[A-Za-z][a-z'’]*")
_CAPITAL = re.compile(r"[A-Z]")
_UPPER_WORD = re.compile(r"[A-Z]['’]+(?![a-z'’])")  # an upper-case ``_WORD`` match longer than one letter
_LOWER_WORD = re.compile(r"(?<![\w'’-])[a-z](?:[a-z'’-]*[a-z])?")
_OPENERS = "\"“‘'([-–—•*# \t\n"
_NOT_PLAIN = frozenset(_OPENERS + ":.!?")  # before a space, what may make the next word initial
_ACRONYM = re.compile(r"^(?![IVXLC]+$)(?:[A-Z]{2,6}|(?:[A-Z]\.){2,6})$")
_STRIP_KEY = re.compile(r"[\s\-‐'’.]+")


@lru_cache(maxsize=1 << 18)
def key(name: str) -> str:
    """Comparison key: case-folded, without spaces, hyphens, apostrophes and dots ("Al Hassan" = "al-Hassan")."""
    return _STRIP_KEY.sub("", name).casefold()


@lru_cache(maxsize=1 << 18)
def name_tokens(name: str) -> tuple[str, ...]:
    """Name tokens, hyphenated particles split off ("al-Sham" → "al", "Sham")."""
    out: list[str] = []
    for tok in name.split():
        parts = tok.split("-")
        if len(parts) > 1 and parts[0].lower() in gz.NAME_PARTICLES:
            out.append(parts[0])
            out.append("-".join(parts[1:]))
        else:
            out.append(tok)
    return tuple(out)


_NOT_CONTENT_TOKENS = frozenset(
    {"the", "of", "and", "inc", "corp", "co", "ltd", "plc", "llc", "sa", "ag", "nv"}
)


@lru_cache(maxsize=1 << 18)
def _content_tokens(name: str) -> tuple[str, ...]:
    """Name tokens without particles, "of"/"the" and company suffixes ("Standard Oil Co" → Standard, Oil)."""
    toks = [
        t
        for t in name_tokens(name)
        if t.lower() not in gz.NAME_PARTICLES and t.lower() not in _NOT_CONTENT_TOKENS
    ]
    return tuple(toks) or name_tokens(name)


@lru_cache(maxsize=1 << 18)
def is_acronym(name: str) -> bool:
    return bool(_ACRONYM.match(name))


@lru_cache(maxsize=1 << 18)
def initials(name: str) -> str:
    return "".join(t[0] for t in _content_tokens(name) if t[:1].isalpha()).upper()


def _dropped_alone(chunk: str) -> bool:
    """True when a one-word chunk is a word ``_chunk_words`` drops from the edge, leaving nothing."""
    if not (
        chunk in gz.NOT_NAMES
        or chunk in ("of", "for", "the")
        or (chunk[0].isupper() and chunk.lower() in gz.FUNCTION_WORDS)
    ):
        return False
    return chunk.rstrip(".") not in gz.HONORIFICS and len(chunk.split()) == 1


def _joins_of(word: str) -> bool:
    return word in gz.ORG_HEADS or word in gz.GROUP_HEADS or is_title_word(word)


_MONTHS = frozenset(w.lower() for w in lexicon.words("chrome", "months.en"))
_PLAIN_NAME_WORD = re.compile(r"(?:[A-Z]\.|[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)*)")
_CONNECTORS = frozenset({"of", "for", "on", "and", "&"})
_EDGE_WORDS = _CONNECTORS | {"the"}  # never the first or last word of a name


def _is_place(name: str) -> bool:
    return name in gz.country_forms() or name in gz.place_forms()


def _joined(words: list[str], i: int, lo: int = 0) -> bool:
    """Does the joining word ``words[i]`` sit inside one name (the run starting at ``words[lo]``)? "&" always
    does ("Procter & Gamble"); "of", "for" and "on" after an organisation head or a title ("Commission on
    Presidential Debates", "Bank of England", "Secretary of State"); "of", "for", "and" when the whole ends in
    an organisation head and is no title run ("Securities and Exchange Commission", "Federation of Trade
    Unions")."""
    w = words[i]
    # the name ends at its last word that names something ("... Administration on Monday")
    n = len(words)
    while n > i + 1 and (words[n - 1] in gz.NOT_NAMES or words[n - 1].lower() in _EDGE_WORDS):
        n -= 1
    last = words[n - 1]
    if words[i - 1] in gz.COMPANY_SUFFIXES:
        return False  # a company's name ends at its suffix ("Dow Chemical Co" of the United States)
    if w == "&":
        return True
    first = 1 if words[lo].lower() in gz.FUNCTION_WORDS else 0  # ("The" is no part of the name)
    if w == "and" and n - lo - first > 6:
        return False  # a run this long is a list, or too long to show as one name
    if w == "and" and any(
        words[k] in ("of", "for", "on") and words[k - 1] in gz.ORG_HEADS for k in range(lo + 1, i)
    ):
        return True  # inside a name already joined at its head ("Organisation for Security and Cooperation")
    if (
        w == "of"
        and not (last in gz.COMPANY_SUFFIXES and _is_place(" ".join(words[i + 1 : n - 1])))
        and i - lo in (2, 3)
        and all(_PLAIN_NAME_WORD.fullmatch(x) for x in words[lo:i])
        and words[lo].lower() not in gz.FUNCTION_WORDS
        and not any(_is_title(x) or x in gz.ORG_HEADS or x in gz.GROUP_HEADS for x in words[lo:i])
    ):
        return False  # a person "of" an organisation ("Jan Ruud of the Harbour Authority"), but a
        # company of a country is one name ("Gold Fields of South Africa Ltd")
    if w != "and" and _joins_of(words[i - 1]):
        return True
    return w != "on" and (last in gz.ORG_HEADS or last in gz.GROUP_HEADS) and not _is_title(words[lo])


def _is_initial(text: str, p_start: int, pos: int) -> bool:
    """True when ``pos`` starts a paragraph, a sentence, a quotation or a clause after a colon."""
    if pos - 2 >= p_start and text[pos - 1] == " " and text[pos - 2] not in _NOT_PLAIN:
        return False  # the usual case: one space after a word (what the loop below finds, quicker)
    i = pos
    while i > p_start and text[i - 1] in _OPENERS:
        if text[i - 1] in "\"“‘'" and i - 1 > p_start and text[i - 2] in " \t\n(":
            return True
        if text[i - 1] == "\n":  # a line goes on a sentence only after a long line that stops mid-clause
            line_start = text.rfind("\n", p_start, i - 1) + 1 or p_start
            before = text[line_start : i - 1].rstrip(" \t")
            return len(before) < 40 or not (before[-1].islower() or before[-1] in ",;")
        i -= 1
    if i <= p_start or text[i - 1] in ":.!?":
        return True
    return text[i:pos].strip(" \t\n") in ("-", "–", "—", "--")  # "CITY, Feb 26 - Showers continued"


def _last_office(words: list[str]) -> int:
    """Index of the office word that ends a title run followed by a name of one to four capitalised words
    ("Transport Minister Pedro Nunes" → 1), or -1. Every word before it must be capitalised (or a joining
    "of", "the", "for", "and"), so a sentence fragment never passes for a title."""
    for i in range(len(words) - 2, -1, -1):
        if words[i] not in gz.OFFICE_WORDS:
            continue
        name = words[i + 1 :]
        if name[0] == "of" and len(name) >= 4:  # "Secretary of State John Kornblum": the name is the tail
            n = 3 if len(name) >= 5 and _INITIAL_WORD.fullmatch(name[-2]) else 2
            if all(w[:1].isupper() for w in name[1:]) and not any(_is_title(w) for w in name[-n:]):
                i += len(name) - n
                name = name[-n:]
        if (
            len(name) > 4
            or any(_is_title(w) or not w[:1].isupper() for w in name)
            or name[0] in gz.NAME_SUFFIXES
            or name[-1] in gz.ORG_HEADS
            or name[-1] in gz.GROUP_HEADS
        ):
            return -1
        if any(not w[:1].isupper() and w not in ("of", "the", "for", "and") for w in words[:i]):
            return -1
        return i
    return -1


_INITIAL_WORD = re.compile(r"[A-Z]\.")


def _is_title(word: str) -> bool:
    return is_title_word(word) or word.rstrip(".") in gz.HONORIFICS


@lru_cache(maxsize=1 << 14)
def is_title_word(word: str) -> bool:
    """A title before a name: "Minister", "Gen.", and hyphenated titles ("Lieutenant-Colonel", "Vice-Admiral")."""
    word = word.rstrip(".")
    if word in gz.TITLE_WORDS:
        return True
    return "-" in word and all(part in gz.TITLE_WORDS for part in word.split("-"))


def _is_title_case(text: str, start: int, end: int) -> bool:
    """A headline in Title Case or ALL CAPS (no closing full stop): its capitals say nothing about names."""
    if text[end - 1] in ".!?\"”'’":
        return False
    stop = min(end, start + 400)
    n = len(_WORD.findall(text, start, stop))
    if n < 4:
        return False
    # capitalised words: every capital starts a word (a word goes on with lower-case letters only);
    # words in capitals: a capital and apostrophes only (a capitalised word is "upper" only then)
    caps = len(_CAPITAL.findall(text, start, stop))
    return caps >= 0.75 * n or len(_UPPER_WORD.findall(text, start, stop)) >= 0.6 * n


class _LowerWords:
    """Membership in the set of lower-case words of the text (``_LOWER_WORD`` matches), answered by looking
    for the one word asked about instead of listing every word: articles ask about few."""

    __slots__ = ("answers", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self.answers: dict[str, bool] = {}

    def __contains__(self, word: str) -> bool:
        found = self.answers.get(word)
        if found is None:
            found = self.answers[word] = _has_lower_word(self.text, word)
        return found


_LOWER_TOKEN = re.compile(r"[a-z](?:[a-z'’-]*[a-z])?")
_LOWER_RUN = re.compile(r"[a-z'’-]*")


def _has_lower_word(text: str, word: str) -> bool:
    """True when ``word`` is one of ``_LOWER_WORD.findall(text)``: an occurrence not preceded by a word
    character, apostrophe or hyphen whose run of letters, apostrophes and hyphens has no letter after it."""
    if not _LOWER_TOKEN.fullmatch(word):
        return False
    n = len(word)
    i = text.find(word)
    while i >= 0:
        if i == 0 or not (text[i - 1].isalnum() or text[i - 1] in "_'’-"):
            run = _LOWER_RUN.match(text, i + n).group()
            if not run or run.strip("'’-") == "":
                return True
        i = text.find(word, i + 1)
    return False


class NameSpan(NamedTuple):
    """One name candidate: its tokens' offsets and words, the bounds of the paragraph (or line) it sits in,
    and the form of text it was read from: "prose", "headline" (only known names are read there) or
    "dateline" (a place, whatever its case)."""

    toks: list[tuple[int, int]]
    words: list[str]
    s_start: int
    s_end: int
    form: str = "prose"


def _span_start(span: NameSpan) -> int:
    return span.toks[0][0]


def _token_offsets(text: str, start: int, words: list[str]) -> list[tuple[int, int]]:
    toks = []
    pos = start
    for w in words:
        pos = text.index(w, pos)  # only whitespace lies between the words
        toks.append((pos, pos + len(w)))
        pos += len(w)
    return toks


# After a name in a results line: a score, then another name or the end ("Forfar 2 Arbroath 1", "Hull 0").
SCORE_AFTER = re.compile(r" \d{1,3}(?=\s|$)")
# A results line: a name and its score, another name and its score (maybe a note after them).
RESULT_LINE = re.compile(r"[ \t]*([A-Z][^\d\n]{1,40}?) \d{1,3} ([A-Z][^\d\n]{1,40}?) \d{1,3}(?: [^\n]*)?")
_LOWER_WORDS = re.compile(r"(?<![\w'’.-])[a-z][a-z'’-]*")


def score_follows(text: str, end: int, s_end: int) -> bool:
    """A score right after a name, and nothing but numbers, names and small words on the rest of the line
    ("Hull 0 Barnet 0", "Forfar 3 2 0 1", "Rabobank 8 seconds behind"; not "Shr 16 cts vs 13 cts", a
    company's figures)."""
    if not SCORE_AFTER.match(text, end, min(s_end, end + 12)):
        return False
    stop = text.find("\n", end, s_end)
    rest = text[end : s_end if stop < 0 else stop]
    return all(w in gz.FUNCTION_WORDS or w in gz.RESULT_WORDS for w in _LOWER_WORDS.findall(rest))


DATELINE_REACH = 400  # characters from the top of the text where a dateline may stand
_PLACE_WORDS = r"[A-Z][A-Za-z.'’-]*(?: [A-Z][A-Za-z.'’-]*){0,3}"
_MONTH = r"(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[A-Za-z]{0,6}\.?"
_DATE = (
    rf"(?:\d{{4}}-\d\d-\d\d|{_MONTH} (?:3[01]|[12]\d|0?[1-9])\b|(?:3[01]|[12]\d|0?[1-9]) {_MONTH}(?![\w]))"
)
# A dateline: a place (any case), maybe ", Region", then a date, or an outlet and a dash ("WASHINGTON (AP) -"),
# or nothing more on its line after a region ("FARMINGTON HILLS, Mich." with the date on the next line).
DATELINE = re.compile(
    rf"[ \t]*(?P<place>{_PLACE_WORDS})(?:[ \t]*,[ \t]*(?P<region>{_PLACE_WORDS})[ \t]*\.?)?"
    rf"(?:,?[ \t]+{_DATE}|[ \t]*\([A-Za-z ]{{1,20}}\)[ \t]*[-–—]+[ \t]|(?<=[\w.])[ \t]*$(?<=\w|\.)(?(region)|(?!)))"
)


def _is_headline(text: str, start: int, end: int) -> bool:
    """A line in ALL CAPS; a Title Case line of four words or more without a closing full stop; or a line of
    one to three capitalised words and nothing else (a heading, a menu item, a byline): capitals there say
    nothing about names."""
    if _PROSE.search(text, start, end):
        return False  # the usual case, found at once: two lower-case words in a row
    line = text[start:end]
    if not _LOWER.search(line):
        return bool(_UPPER.search(line))
    words = line.split()
    if len(words) <= 3 and all(_SHORT_HEADING.fullmatch(w) for w in words):
        return True
    # Title Case leaves only small words in lower case: a line with others ("Ann Lee ( Norway ) beat Eva Holm
    # 6-4", "1. Eva Holm 12.71 seconds") is a sentence or a table of names, not a headline
    if (
        "(" in line
        or any(w not in gz.FUNCTION_WORDS for w in _LOWER_INITIAL.findall(text, start, end))
        or RESULT_LINE.fullmatch(text, start, end)
    ):
        return False  # (a bracket: "Eva Holm ( Norway ) 12.71" is a results table)
    return _is_title_case(text, start, end)


_PROSE = re.compile(r"(?<![\w'’-])[a-z][a-z'’-]* [a-z]")
_LOWER = re.compile(r"[a-z]")
_UPPER = re.compile(r"[A-Z]")
_LOWER_INITIAL = re.compile(r"(?<![\w'’-])[a-z][a-z'’-]*")
_SHORT_HEADING = re.compile(r"[A-Z][\w'’.&-]*")


# white space taken whole (possessive): a run of it is never split between the two \s*, tried one way
_NEXT_WORD = re.compile(r"\s*+,?\s*+(?:has\s+|had\s+|also\s+|later\s+|then\s+)?([a-z]+)")


def speaks(text: str, end: int) -> bool:
    """True when a reporting verb follows ``end`` ("X said", "X, has also said")."""
    m = _NEXT_WORD.match(text, end, min(len(text), end + 40))
    return bool(m) and m.group(1) in gz.REPORTING_VERBS


# ", a retired teacher from Ohio, said", ", 45, said": an apposition (a description or an age) and the verb
_APPOSED = re.compile(
    r",[ \t]++(?:(?:a|an|the|who|whose)[ \t][^,.;:!?\"“”\n]{1,80}+|\d{1,3}),[ \t]++(?:has\s+|had\s+|also\s+|then\s+)?([a-z]+)"
)


def speaks_apposed(text: str, end: int) -> bool:
    """True when a reporting verb follows ``end`` after an apposition ("X, a retired teacher, said", "X, 45,
    told"): a word opening a sentence is then a name, as one before the verb itself is (:func:`speaks`)."""
    m = _APPOSED.match(text, end, min(len(text), end + 120))
    return bool(m) and m.group(1) in gz.REPORTING_VERBS


def name_spans(article: Article) -> list[NameSpan]:
    """The name spans of ``article`` in text order, outside non-content furniture."""
    return _SpanFinder(article).run()


class _SpanFinder:
    def __init__(self, article: Article) -> None:
        self.article = article
        self.text = article.text
        self.countries = gz.country_forms()
        self.orgs = gz.organization_forms()
        self.out: list[NameSpan] = []

    def run(self) -> list[NameSpan]:
        text = self.text
        index = FurnitureIndex(self.article.furniture)
        hidden = overlap_test((f.start, f.end) for f in self.article.furniture if f.kind in NON_CONTENT)
        chunks: list[tuple[int, int, bool, int, int]] = []  # start, end, initial, paragraph start, end
        mid_caps: set[str] = set()
        headlines: list[tuple[int, int]] = []
        # paragraphs, not sentences: a chunk never crosses ". " and "initial" is read off the text before it;
        # lines, because a name never crosses a line break and a line may be a headline or a dateline
        for p in paragraphs(text):
            budget.check()  # the article's time budget (core/budget.py)
            p_start, p_end = p.start, p.end
            check = hidden(p_start, p_end)
            line_end, skip_until = -1, -1
            for m in CHUNK.finditer(text, p_start, p_end):
                start = m.start()
                if not name_like(m.group()):
                    continue  # a "word" of thousands of letters names no one
                if start > line_end:  # the first chunk of a line: what is the line?
                    line_start = text.rfind("\n", p_start, start) + 1 or p_start
                    line_end = text.find("\n", start, p_end)
                    line_end = p_end if line_end < 0 else line_end
                    skip_until = self._special_line(line_start, line_end, check, index, headlines)
                if start < skip_until:
                    continue
                if _PARTY_LABEL.match(text, start):
                    continue
                if check:
                    kind = index.kind(start)
                    if kind is not None and kind in NON_CONTENT:
                        continue
                initial = _is_initial(text, p_start, start)
                if not initial:
                    mid_caps.update(m.group().split())
                elif " " in m.group():  # a surname of a full name counts as seen ("Ann Lee ... Lee said")
                    mid_caps.add(m.group().rsplit(" ", 1)[1])
                elif _dropped_alone(m.group()):  # "The", "But": nothing left to classify
                    continue
                chunks.append((start, m.end(), initial, p_start, p_end))
        lower_words = _LowerWords(text)
        for start, end, initial, p_start, p_end in chunks:
            budget.check()
            self._chunk(start, end, initial, p_start, p_end, lower_words, mid_caps)
        if headlines:
            self._headlines(headlines)
        return self.out

    def _special_line(
        self, start: int, end: int, check: bool, index: FurnitureIndex, headlines: list[tuple[int, int]]
    ) -> int:
        """Where prose reading of the line may start: past a dateline (its place read here); past the line's
        end for furniture or a headline (kept in ``headlines`` for a later reading); else at once (-1)."""
        if check and index.kind(start) in CHROME:
            return end  # a page's menu or timestamp line is never a dateline
        if start < DATELINE_REACH and (after := self._dateline(start, end)):
            return after  # ("BOUNTIFUL, Utah, March 2 - Microbiological Research Corp said ...")
        if check and (kind := index.kind(start)) is not None and kind in NON_CONTENT:
            return end
        if _is_headline(self.text, start, end):
            headlines.append((start, end))
            return end
        return -1

    def _dateline(self, start: int, end: int) -> int:
        """A dateline ("BERLIN 1996-08-30", "NICE, France, Aug 30 -", "FARMINGTON HILLS, Mich."): its place
        (and region) are places, whatever their case; returns where it ends (0 when the line has none)."""
        m = DATELINE.match(self.text, start, end)
        if not m:
            return 0
        place = m.group("place")
        first = place.split()[0]
        if first.capitalize() in gz.NOT_NAMES or first.lower() in gz.FUNCTION_WORDS:
            return 0  # "Monday, 27 June" is a date, "The Fed said May 3" a sentence
        if not place.isupper() and not m.group("region") and "," not in m.group() and "(" not in m.group():
            return 0  # a Title Case word before a date is a table's label ("Record March 31"), no dateline
        for group in ("place", "region"):
            if m.group(group):
                a, b = m.span(group)
                words = self.text[a:b].split()
                self.out.append(NameSpan(_token_offsets(self.text, a, words), words, start, end, "dateline"))
        return m.end()

    def _headlines(self, lines: list[tuple[int, int]]) -> None:
        """Headline lines (Title Case or ALL CAPS): their capitals say nothing, so only names known as such
        are read there: countries, places, known organisations, and the names the article's prose gives."""
        known = {key(" ".join(span.words)) for span in self.out if span.form == "prose"}
        text = self.text
        for l_start, l_end in lines:
            for m in CHUNK.finditer(text, l_start, l_end):
                words = m.group().split()
                toks = _token_offsets(text, m.start(), words)
                i = 0
                while i < len(words):
                    for j in range(min(len(words), i + 4), i, -1):
                        if self._known_name(words[i:j], known):
                            self.out.append(NameSpan(toks[i:j], words[i:j], l_start, l_end, "headline"))
                            i = j
                            break
                    else:
                        i += 1
        self.out.sort(key=_span_start)

    def _known_name(self, words: list[str], known: set[str]) -> bool:
        first, last = words[0].capitalize(), words[-1].capitalize()
        if first.lower() in _EDGE_WORDS or last.lower() in _EDGE_WORDS:
            return False
        if len(words) == 1 and (first in gz.NOT_NAMES or first.lower() in gz.FUNCTION_WORDS):
            return False
        name = " ".join(words)
        if key(name) in known:
            return True
        if name.isupper() and not (len(words) == 1 and is_acronym(name) and name in self.orgs):
            name = " ".join(w if "." in w else w.capitalize() for w in words)  # "SRI LANKA" → "Sri Lanka"
        return self._known_form(name)

    def _chunk(
        self,
        start: int,
        end: int,
        initial: bool,
        s_start: int,
        s_end: int,
        lower_words: _LowerWords,
        mid_caps: set[str],
    ) -> None:
        text = self.text
        words = text[start:end].split()
        if len(words) == 1:
            toks = [(start, end)]
        else:
            toks = []
            pos = start
            for w in words:
                pos = text.index(w, pos)  # only whitespace lies between the words
                toks.append((pos, pos + len(w)))
                pos += len(w)
        # a capitalised hyphen modifier at the end ("Eight-way", "UN-blacklisted") names nothing unless known
        if end < s_end - 1 and text[end] == "-" and text[end + 1 : end + 2].islower():
            last = words[-1]
            if last not in self.countries and last not in self.orgs and not is_acronym(last):
                toks, words = toks[:-1], words[:-1]
        self._split(toks, words, initial, s_start, s_end, lower_words, mid_caps)

    def _split(
        self,
        toks: list[tuple[int, int]],
        words: list[str],
        initial: bool,
        s_start: int,
        s_end: int,
        lower_words: _LowerWords,
        mid_caps: set[str],
    ) -> None:
        """Split at a joining word ("of", "for", "on", "and", "&") unless the whole is one name. A loop, not a
        recursion per joining word ("Smith and Smith and ..." a thousand times deep was a RecursionError), and
        the rest is read from an offset, not copied at each joining word (quadratic)."""
        lo = 0
        while True:
            for i in range(lo + 1, len(words)):
                if words[i] in _CONNECTORS and not _joined(words, i, lo):
                    self._chunk_words(toks[lo:i], words[lo:i], initial, s_start, s_end, lower_words, mid_caps)
                    lo, initial = (i + 2 if i + 1 < len(words) and words[i + 1] == "the" else i + 1), False
                    break
            else:
                self._chunk_words(toks[lo:], words[lo:], initial, s_start, s_end, lower_words, mid_caps)
                return

    def _chunk_words(
        self,
        toks: list[tuple[int, int]],
        words: list[str],
        initial: bool,
        s_start: int,
        s_end: int,
        lower_words: _LowerWords,
        mid_caps: set[str],
    ) -> None:
        # drop words that are not names at the edges (unless the whole is known: "New Zealand", "New York")
        known = any(self._known_form(" ".join(words[:n])) for n in range(min(len(words), 3), 1, -1))
        headed = bool(words) and (words[-1] in gz.ORG_HEADS or words[-1] in gz.GROUP_HEADS)
        # the edges are moved as indices and the lists cut once: cutting a word at a time copied the rest
        # each time (a run of thousands of capitalised non-names was quadratic)
        lo, hi = 0, len(words)
        # a given name that is also a month, a creed or a function word, before a surname: "Jan Varga",
        # "Christian Holt", "Per Lund" (not "Christian Democrats", "June Sales Records")
        given = (
            len(words) in (2, 3)
            and words[0] in gz.GIVEN_NAMES
            and (len(words) == 2 or (len(words) == 3 and words[1] in gz.GIVEN_NAMES))
            and not headed
            and words[-1] not in gz.NOT_NAMES
            and not (words[0].lower() in _MONTHS and self._known_form(words[-1]))  # "in June Paris hosted"
            and _PLAIN_NAME_WORD.fullmatch(words[-1]) is not None
        )
        while (
            lo < hi
            and not known
            and not given
            and not (headed and (words[lo] in _COMPASS or words[lo] in gz.ORG_OPENERS))
            and (
                words[lo] in gz.NOT_NAMES
                or words[lo] in _EDGE_WORDS
                or (words[lo].lower() in gz.FUNCTION_WORDS and words[lo][0].isupper())
            )
        ):
            if words[lo].rstrip(".") in gz.HONORIFICS:
                break
            lo, initial = lo + 1, False
        while (
            lo < hi
            and not known
            and (
                words[hi - 1] in gz.NOT_NAMES
                or words[hi - 1].lower() in _EDGE_WORDS
                or (hi - lo > 1 and words[hi - 1] in gz.OFFICE_WORDS)
                or (
                    hi - lo > 1
                    and words[hi - 1] in _TITLE_ABBREVIATIONS
                    and self.text[toks[hi - 1][1] : toks[hi - 1][1] + 2].lstrip()[:1] == "."
                )
            )
        ):
            hi -= 1  # (a title names no one after a name: "South Carolina Gov")
        if (lo, hi) != (0, len(words)):
            toks, words = toks[lo:hi], words[lo:hi]
        if not words or (
            len(words) == 1
            and (
                len(words[0]) == 1
                or (words[0].isupper() and len(words[0]) > 6)
                or (
                    words[0] in gz.TITLE_WORDS
                    and words[0] not in self.countries
                    and words[0] not in self.orgs
                )
            )
        ):
            return  # (a title word alone, "Health" or "President", names no one)
        first = words[0]
        if initial and not self._known(first) and first.lower() not in gz.NAME_PARTICLES:
            low = first.lower()
            ordinary = (
                low in lower_words
                or low in gz.COMMON_SUBJECTS
                or low in gz.ROLE_NOUNS
                or ("-" in first and first.split("-")[1][:1].islower())
            )
            if ordinary or (
                len(words) == 1
                and first not in mid_caps
                and not speaks(self.text, toks[-1][1])
                and not speaks_apposed(self.text, toks[-1][1])
                and not score_follows(self.text, toks[-1][1], s_end)
            ):
                self._chunk_words(toks[1:], words[1:], False, s_start, s_end, lower_words, mid_caps)
                return
        # an outlet run into a title ("told Reuters Finance Minister X"): the outlet is a venue, not a name part
        if len(words) > 2 and first in gz.OUTLET_NAMES and _is_title(words[1]):
            self._chunk_words(toks[1:], words[1:], False, s_start, s_end, lower_words, mid_caps)
            return
        self.out.append(NameSpan(toks, words, s_start, s_end))

    def _known_form(self, name: str) -> bool:
        return name in self.countries or name in self.orgs or name in gz.place_forms()

    def _known(self, word: str) -> bool:
        w = word.rstrip(".")
        return (
            word in self.countries
            or word in self.orgs
            or w in gz.TITLE_WORDS
            or w in gz.HONORIFICS
            or (is_acronym(word) and len(word) <= 6)
        )
