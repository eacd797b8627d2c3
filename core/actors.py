"""Step 6 — actors: people, countries, organisations and armed groups, one per entity with its aliases.

``extract`` reads capitalised name chunks sentence by sentence (outside non-content furniture), strips titles
into roles, maps countries' names, demonyms and capitals to one country actor ("Moscow", "the Russians",
"Russian officials" → Russia; "Syrian regime" → Syria), keeps outlets used as venues ("told Reuters") and
bylines out, and groups the surface forms of one entity (surname → full name, acronym ↔ expansion, "formerly"
aliases). ``merge`` applies the same grouping rules across articles, adding fuzzy matching of same-kind names.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from operator import attrgetter, itemgetter
from typing import get_args

from rapidfuzz import fuzz, process

from dateline.core import gazetteer as gz
from dateline.core.gcpause import paused_gc
from dateline.core.model import Actor, ActorKind, Article, Mention, Role, trusted, trusted_replace
from dateline.core.text import NON_CONTENT, FurnitureIndex, paragraphs

# --- name chunks -----------------------------------------------------------------------------------------

_LEAD_WORDS = "de van von bin ibn abu della del der den dos al el".split()
_LEAD_PARTICLE = rf"(?:{'|'.join(_LEAD_WORDS)})"
_MID_PARTICLE = (
    r"(?:al|el|bin|ibn|bint|abu|de|da|di|du|del|della|van|von|der|den|le|la|dos|das|y|of|for|of\s+the)"
)
_HYPHEN_WORDS = "al el ad ash as an ar at az ul ud bin ibn abu".split()
_HYPHEN_PARTICLE = rf"(?:{'|'.join(_HYPHEN_WORDS)})"
_TOK_TAIL = r"[^\W_]*(?:['’][^\W\d_]{2,}|-[A-Z0-9][^\W_]*)*"
# A middle initial ("Robert W. Fisher") is a name token when a name word follows it, not a word that opens a
# sentence ("... of Class B. The company ...").
_SENTENCE_OPENERS = (
    "The A An It He She They We In On At But And This That Its His Her Their There If As".split()
)
_INITIAL = rf"[A-Z]\.(?= (?!(?:{'|'.join(_SENTENCE_OPENERS)})\b)[A-Z][a-z])"
_TOK = rf"(?:(?:[A-Z]\.){{2,}}|{_INITIAL}|[A-Z]{_TOK_TAIL})"
_PTOK = rf"(?:{_HYPHEN_PARTICLE}-{_TOK}|{_TOK})"
_HON_WORDS = "Mr Mrs Ms Dr Prof Gen Sen Rep Gov Col Lt Capt Sgt Adm Rev St".split()
_SP = r"(?: |[ \t]*\n[ \t]*)"  # one space or a line break: wider gaps are table columns


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
    rf"|\.(?:[A-Z]\.)+|{_TOK_TAIL})"
    rf"|(?=[a-z]{{1,4}}(?:[ \t]+|-)[A-Z])"  # cheap test first: most words are no particle before a name
    rf"(?:(?:{_after_first(_LEAD_WORDS)})[ \t]+(?=[A-Z]){_PTOK}|(?:{_after_first(_HYPHEN_WORDS)})-{_TOK}))"
    rf"(?:{_SP}(?:{_MID_PARTICLE}{_SP})?{_PTOK})*"
)
_WORD = re.compile(r"[A-Za-z][a-z'’]*")
_CAPITAL = re.compile(r"[A-Z]")
_UPPER_WORD = re.compile(r"[A-Z]['’]+(?![a-z'’])")  # an upper-case ``_WORD`` match longer than one letter
_LOWER_WORD = re.compile(r"(?<![\w'’-])[a-z](?:[a-z'’-]*[a-z])?")
_OPENERS = "\"“‘'([-–—•*# \t\n"
_NOT_PLAIN = frozenset(_OPENERS + ":.!?")  # before a space, what may make the next word initial
_ACRONYM = re.compile(r"^(?![IVXLC]+$)(?:[A-Z]{2,6}|(?:[A-Z]\.){2,6})$")
_PAREN_ALIAS = re.compile(
    r"\s*\(\s*(?:(?:formerly|previously|also known as|also called|known as|aka|a\.k\.a\.)\s+)?([^()]{1,60})\)"
)
_APPOSITION_ALIAS = re.compile(
    r",?\s+(?:formerly(?: known as)?|previously known as|also known as|better known as|now called)\s+(?:the\s+)?",
    re.I,
)
_VENUE_BEFORE = re.compile(
    r"(?:\btold|\b(?:talking|speaking|spoke|talked|said)\s+(?:to|on)|\binterview\s+with|\binterview\s+on|"
    r"\bwrote\s+(?:in|for)|\baccording\s+to\s+(?:a\s+report\s+(?:by|in)))\s+(?:the\s+)?$",
    re.I,
)
_VENUE_AFTER = re.compile(r"\s*(?:[.,;:!?)]|$|(?:on|in|that|during|after|before|at|by|late|earlier|last)\b)")
_VENUE_WORDS = frozenset({"told", "to", "with", "on"})
_GROUP_CUE_WORDS = frozenset(
    """group groups faction factions militia militias organisation organisations organization organizations
    movement movements outfit coalition alliance network affiliate""".split()
)
_NEXT_TWO = re.compile(r"[ \t\n]+([a-z]+)(?:[ \t\n]+([a-z]+))?")
_NEXT_WORD = re.compile(r"\s*,?\s*(?:has\s+|had\s+|also\s+|later\s+|then\s+)?([a-z]+)")
_GOVERNMENT_NOUNS = frozenset({"government", "regime", "authorities", "administration"})
_COUNTRY_FOLLOWERS = frozenset(
    """officials official forces troops army military delegation delegates negotiators side leadership
    diplomats ministry president leader counterparts""".split()
)
_REGIME = re.compile(r"\bthe\s+regime\b")
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


def _bump(counts: dict[str, int], k: str, n: int) -> None:
    counts[k] = counts.get(k, 0) + n


def _top(counts: dict[str, int]) -> tuple[str, int]:
    return max(counts.items(), key=_COUNT)


_COUNT = itemgetter(1)


# --- candidates ------------------------------------------------------------------------------------------


@dataclass(slots=True)
class _Candidate:
    start: int
    end: int
    surface: str
    kind: ActorKind
    ident: str  # grouping identity inside the article (country/organisation canonical name or the key)
    canonical: str | None = None  # fixed name (countries, known organisations)
    votes: dict[str, int] | None = None  # kind → evidence, made on the first vote
    role: str | None = None
    alias_of: int | None = None  # index of the candidate this one names in parentheses / "formerly"

    def vote(self, kind: str, n: int) -> None:
        if self.votes is None:
            self.votes = {kind: n}
        else:
            self.votes[kind] = self.votes.get(kind, 0) + n


@dataclass(slots=True)
class _Proto:
    """One entity while grouping: its surface forms with counts, kind evidence, mentions and roles."""

    kind: ActorKind
    canonical: str | None
    forms: dict[str, int]
    votes: dict[str, int]
    mentions: list  # Mention, or (start, end) inside one article
    roles: list  # Role, or its title inside one article
    links: set[int] | None = None  # records named as the same actor ("formerly", parentheses)
    source_ids: tuple[str, ...] = ()
    index: int = 0  # position in its list of records

    def link(self, other: int) -> None:
        if self.links is None:
            self.links = set()
        self.links.add(other)


@lru_cache(maxsize=1024)
def _skip_names(source: str | None, author: str | None) -> frozenset[str]:
    """Keys of the article's source and author and of each name in them: bylines, not actors."""
    out = {key(n) for n in (source, author) if n}
    for n in (source, author):
        if n:
            out.update(key(p) for p in re.split(r"\s*(?:,|\band\b|/)\s*", n) if p)
    return frozenset(out)


class _Extractor:
    def __init__(self, article: Article) -> None:
        self.article = article
        self.text = article.text
        self.countries = gz.country_forms()
        self.orgs = gz.organization_forms()
        self.skip_names = _skip_names(article.source, article.author)
        self.candidates: list[_Candidate] = []

    # -- pass 1: raw chunks ------------------------------------------------------------------------------

    def run(self) -> list[Actor]:
        text = self.text
        index = FurnitureIndex(self.article.furniture)
        self.furniture = index
        hidden = [(f.start, f.end) for f in self.article.furniture if f.kind in NON_CONTENT]
        chunks: list[tuple[int, int, bool, int, int]] = []  # start, end, initial, paragraph start, end
        mid_caps: set[str] = set()
        # paragraphs, not sentences: a chunk never crosses ". " and "initial" is read off the text before it
        for p in paragraphs(text):
            p_start, p_end = p.start, p.end
            if p_end - p_start < 300 and _is_title_case(text, p_start, p_end):
                continue
            check = hidden and any(a < p_end and b > p_start for a, b in hidden)
            for m in CHUNK.finditer(text, p_start, p_end):
                start = m.start()
                if check:
                    kind = index.kind(start)
                    if kind is not None and kind in NON_CONTENT:
                        continue
                initial = _is_initial(text, p_start, start)
                if not initial:
                    mid_caps.update(m.group().split())
                elif _dropped_alone(m.group()):  # "The", "But": nothing left to classify
                    continue
                chunks.append((start, m.end(), initial, p_start, p_end))
        lower_words = _LowerWords(text)
        for start, end, initial, p_start, p_end in chunks:
            self._chunk(start, end, initial, p_start, p_end, lower_words, mid_caps)
        self._regime_mentions()
        self._link_aliases()
        return self._build()

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
        # split at "of"/"for" unless an organisation or title word comes before it
        for i, w in enumerate(words if "of" in words or "for" in words else ()):
            if (
                w in ("of", "for")
                and i > 0
                and not _joins_of(words[i - 1])
                and (
                    (words[-1] not in gz.ORG_HEADS and words[-1] not in gz.GROUP_HEADS) or _is_title(words[0])
                )
            ):
                self._chunk_words(toks[:i], words[:i], initial, s_start, s_end, lower_words, mid_caps)
                rest = i + 2 if i + 1 < len(words) and words[i + 1] == "the" else i + 1
                self._chunk_words(toks[rest:], words[rest:], False, s_start, s_end, lower_words, mid_caps)
                return
        self._chunk_words(toks, words, initial, s_start, s_end, lower_words, mid_caps)

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
        # drop words that are not names at the edges
        while words and (
            words[0] in gz.NOT_NAMES
            or words[0] in ("of", "for", "the")
            or (words[0].lower() in gz.FUNCTION_WORDS and words[0][0].isupper())
        ):
            if words[0].rstrip(".") in gz.HONORIFICS:
                break
            toks, words, initial = toks[1:], words[1:], False
        while words and (words[-1] in gz.NOT_NAMES or words[-1].lower() in ("of", "for", "the")):
            toks, words = toks[:-1], words[:-1]
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
                or ("-" in first and first.split("-")[1][:1].islower())
            )
            if ordinary or (len(words) == 1 and first not in mid_caps and not self._speaks(toks[-1][1])):
                self._chunk_words(toks[1:], words[1:], False, s_start, s_end, lower_words, mid_caps)
                return
        # an outlet run into a title ("told Reuters Finance Minister X"): the outlet is a venue, not a name part
        if len(words) > 2 and first in gz.OUTLET_NAMES and _is_title(words[1]):
            self._chunk_words(toks[1:], words[1:], False, s_start, s_end, lower_words, mid_caps)
            return
        self._classify(toks, words, s_start, s_end)

    def _known(self, word: str) -> bool:
        w = word.rstrip(".")
        return (
            word in self.countries
            or word in self.orgs
            or w in gz.TITLE_WORDS
            or w in gz.HONORIFICS
            or (is_acronym(word) and len(word) <= 6)
        )

    def _speaks(self, end: int) -> bool:
        m = _NEXT_WORD.match(self.text, end, min(len(self.text), end + 40))
        return bool(m) and m.group(1) in gz.REPORTING_VERBS

    # -- classification ----------------------------------------------------------------------------------

    def _classify(self, toks: list[tuple[int, int]], words: list[str], s_start: int, s_end: int) -> None:
        text = self.text
        start, end = toks[0][0], toks[-1][1]
        surface = " ".join(words)
        if key(surface) in self.skip_names or surface in gz.OUTLET_NAMES:
            return
        if len(words) > 1 and words[-1] in gz.OUTLET_HEADS and surface not in self.orgs:
            return
        before = text[max(s_start, start - 60) : start]
        cut = max(before.rfind(". "), before.rfind("? "), before.rfind("! "), before.rfind(".\n"))
        if cut >= 0:  # the text before, in this sentence only
            before = before[cut + 2 :]
            s_start = start - len(before)
        last_words = before[-50:].lower().split()
        if (
            not _VENUE_WORDS.isdisjoint(last_words[-4:])
            and _VENUE_BEFORE.search(before)
            and _VENUE_AFTER.match(text, end, min(len(text), end + 20))
            and not any(w.rstrip(".") in gz.TITLE_WORDS or w.rstrip(".") in gz.HONORIFICS for w in words)
        ):
            return  # "told Reuters": the outlet is where it was said, not who
        # whole chunk: known organisation or country
        if surface in self.orgs:
            self._add(start, end, surface, "organization", canonical=self.orgs[surface])
            return
        if surface in self.countries:
            self._country(start, end, surface, s_end)
            return
        # document names: drop the document word ("UN Security Council Resolution" → "UN Security Council")
        if len(words) > 1 and words[-1] in gz.DOCUMENT_HEADS:
            self._classify(toks[:-1], words[:-1], s_start, s_end)
            return
        if words[-1] in gz.DOCUMENT_HEADS:
            return
        # leading country forms followed by a title or more name: "Russian President X", "Syrian Kurds"
        head_is_org = words[-1] in gz.ORG_HEADS or words[-1] in gz.GROUP_HEADS
        if len(words) > 1 and not head_is_org and self._split_known_prefix(toks, words, s_start, s_end):
            return
        # titles and honorifics: "Prime Minister X", "Mr. X"
        n_title = 0
        while n_title < len(words) - 1 and (
            words[n_title].rstrip(".") in gz.TITLE_WORDS
            or words[n_title].rstrip(".") in gz.HONORIFICS
            or (n_title and words[n_title] in ("of", "the", "for"))
        ):
            n_title += 1
        k = _last_office(words) if not head_is_org else -1
        if k >= n_title:  # a title after qualifiers: "Transport Minister X", "Chief Financial Officer X"
            self._qualified_title(toks, words, k, s_start, s_end)
            return
        if n_title and not head_is_org:
            rest_words, rest_toks = words[n_title:], toks[n_title:]
            if rest_words and rest_words[0] in ("of", "the", "for"):
                return
            role = None
            title_words = [w for w in words[:n_title] if w.rstrip(".") not in gz.HONORIFICS]
            if title_words:
                title_start = toks[words.index(title_words[0])][0]
                role = self._role_with_qualifiers(title_start, toks[n_title - 1][1], s_start)
            if len(rest_words) == 1 and rest_words[0] in self.countries:
                self._country(rest_toks[0][0], rest_toks[0][1], rest_words[0], s_end)
                return
            cand = self._add(rest_toks[0][0], rest_toks[-1][1], " ".join(rest_words), "person")
            cand.vote("person", 3)
            cand.role = role or self._role_after(cand.end, s_end)
            return
        if words[-1] in gz.GROUP_HEADS:
            kind: ActorKind = "group"
        elif words[-1] in gz.ORG_HEADS:
            kind = "organization"
        else:
            kind = "unknown"
        cand = self._add(start, end, surface, kind)
        if kind != "unknown":
            cand.vote(kind, 3)
            return
        if is_acronym(surface):
            cand.vote("organization", 1)
            return
        # context: role noun before ("UN envoy X"), group noun before, place preposition, appositive role
        prev = before.rstrip()
        prev_word = prev.rsplit(None, 1)[-1].lower().rstrip(",") if prev else ""
        if prev_word in gz.ROLE_NOUNS or prev_word.rstrip("s") in gz.ROLE_NOUNS:
            cand.vote("person", 3)
            role_end = start - (len(before) - len(prev))
            role_end -= 1 if text[role_end - 1 : role_end] == "," else 0
            word_start = prev.rstrip(",").rfind(" ") + 1
            cand.role = self._role_with_qualifiers(start - len(before) + word_start, role_end, s_start)
        elif not _GROUP_CUE_WORDS.isdisjoint(last_words[-5:]) and gz.GROUP_CUES.search(before):
            cand.vote("group", 3)
        elif prev_word in gz.PLACE_PREPOSITIONS:
            cand.vote("place", 1)
        role = self._role_after(end, s_end)
        if role:
            cand.role = cand.role or role
            cand.vote("person", 3)
        if prev_word in ("said", "told", "added") or self._speaks(end):
            cand.vote("person", 1)

    def _qualified_title(
        self, toks: list[tuple[int, int]], words: list[str], k: int, s_start: int, s_end: int
    ) -> None:
        """``words[: k + 1]`` are a role ("Federal Reserve Board Chairman"), the rest a person's name. Qualifiers
        that name an organisation ("Federal Reserve Board", "BP") are an actor of their own too."""
        q = next((i for i, w in enumerate(words[:k]) if _is_title(w) or w in gz.OFFICE_WORDS), k)
        if q:
            qualifiers = words[:q]
            if (
                qualifiers[-1] in gz.ORG_HEADS
                or qualifiers[-1] in gz.GROUP_HEADS
                or (q == 1 and is_acronym(qualifiers[0]))
                or " ".join(qualifiers) in self.orgs
                or " ".join(qualifiers) in self.countries
            ):
                self._classify(toks[:q], qualifiers, s_start, s_end)
        name_toks, name_words = toks[k + 1 :], words[k + 1 :]
        if len(name_words) == 1 and name_words[0] in self.countries:
            self._country(name_toks[0][0], name_toks[0][1], name_words[0], s_end)
            return
        cand = self._add(name_toks[0][0], name_toks[-1][1], " ".join(name_words), "person")
        cand.vote("person", 3)
        cand.role = self._role_with_qualifiers(toks[0][0], toks[k][1], s_start)

    def _split_known_prefix(
        self, toks: list[tuple[int, int]], words: list[str], s_start: int, s_end: int
    ) -> bool:
        """A leading country form or known organisation split off a longer chunk ("Russian President X",
        "Syrian Kurds", "UN envoy"), the rest classified on its own; False when there is none."""
        for n in (3, 2, 1):
            prefix = self.countries.get(" ".join(words[:n])) if len(words) > n else None
            if prefix and (prefix.how == "demonym" or _is_title(words[n])):
                self._country(toks[0][0], toks[n - 1][1], " ".join(words[:n]), s_end, followed=False)
                self._classify(toks[n:], words[n:], s_start, s_end)
                return True
        for n in (3, 2):
            if len(words) > n and " ".join(words[:n]) in self.orgs:
                prefix = " ".join(words[:n])
                self._add(toks[0][0], toks[n - 1][1], prefix, "organization", canonical=self.orgs[prefix])
                self._classify(toks[n:], words[n:], s_start, s_end)
                return True
        if words[0] in self.orgs and is_acronym(words[0]):
            self._add(toks[0][0], toks[0][1], words[0], "organization", canonical=self.orgs[words[0]])
            self._classify(toks[1:], words[1:], s_start, s_end)
            return True
        return False

    def _country(self, start: int, end: int, surface: str, s_end: int, followed: bool = True) -> None:
        form = self.countries[surface]
        nxt = _NEXT_TWO.match(self.text[end : min(s_end, end + 40)])
        word = nxt.group(1) if nxt and followed else ""
        if word in gz.GROUP_NOUNS and form.how in ("demonym", "name"):
            gend = end + nxt.end(1)
            cand = self._add(start, gend, f"{surface} {word}", "group")
            cand.vote("group", 3)
            return
        if word == "rebel" and nxt and nxt.group(2) in ("groups", "forces", "fighters"):
            cand = self._add(start, end + nxt.end(2), f"{surface} rebels", "group")
            cand.vote("group", 3)
            return
        if word in _GOVERNMENT_NOUNS:
            self._add(start, end + nxt.end(1), f"{surface} {word}", "country", canonical=form.country)
            return
        self._add(start, end, surface, "country", canonical=form.country)

    def _regime_mentions(self) -> None:
        """ "the regime" names the country whose government the article has called a regime."""
        regimes = [c for c in self.candidates if c.kind == "country" and c.surface.endswith(" regime")]
        if not regimes:
            return
        country = Counter(c.canonical for c in regimes).most_common(1)[0][0]
        taken = {(c.start, c.end) for c in self.candidates}
        for m in _REGIME.finditer(self.text):
            a, b = m.start() + 4, m.end()
            kind = self.furniture.kind(a)
            if (kind is None or kind not in NON_CONTENT) and (a, b) not in taken:
                self._add(a, b, "regime", "country", canonical=country)

    def _role_with_qualifiers(self, role_start: int, role_end: int, s_start: int) -> str:
        """The role words plus qualifiers right before them: "UN" envoy, "Syrian opposition's lead" negotiator."""
        text = self.text
        pos = role_start
        for _ in range(4):
            m = re.search(r"([\w.'’-]+)[ \t\n]+$", text[max(s_start, pos - 40) : pos])
            if not m:
                break
            word = m.group(1)
            bare = re.sub(r"['’]s?$", "", word)
            if bare in gz.OUTLET_NAMES and _VENUE_BEFORE.search(
                text, max(0, pos - len(m.group(0)) - 40), pos - len(m.group(0))
            ):
                break  # "told Reuters Finance Minister X": the outlet is the venue, not a qualifier
            if (
                bare.lower() in gz.ROLE_MODIFIERS
                or bare in self.countries
                or bare in self.orgs
                or is_acronym(bare)
                or (bare[:1].isupper() and bare.lower() not in gz.FUNCTION_WORDS and bare not in gz.NOT_NAMES)
            ):
                pos -= len(m.group(0))
            else:
                break
        return re.sub(r"\s+", " ", text[pos:role_end]).strip(" ,")

    _ROLE_AFTER = re.compile(
        r",[ \t\n]+((?:the[ \t\n]+|a[ \t\n]+|an[ \t\n]+)?(?:[\w'’.-]+[ \t\n]+){0,3}?(?:"
        + "|".join(sorted(gz.ROLE_NOUNS))
        + r")s?\b(?:[ \t\n]+(?:of|for|to|at|with|in)[ \t\n]+[^,.;:()\"“”]{1,50})?)(?=[,.;:)]|[ \t\n]+(?:said|told|talking|speaking|who|and)\b)"
    )

    def _role_after(self, end: int, s_end: int) -> str | None:
        if self.text[end : end + 1] != ",":
            return None
        m = self._ROLE_AFTER.match(self.text, end, s_end)
        return re.sub(r"\s+", " ", m.group(1)).strip() if m else None

    def _add(
        self, start: int, end: int, surface: str, kind: ActorKind, canonical: str | None = None
    ) -> _Candidate:
        if " " in surface and surface.split(" ", 1)[0].rstrip(".") in gz.HONORIFICS:
            surface = surface.split(" ", 1)[1]
            start = (
                end - len(self.text[start:end].split(None, 1)[1]) if " " in self.text[start:end] else start
            )
        ident = canonical or key(surface)
        cand = _Candidate(start, end, surface, kind, ident, canonical)
        if kind in ("country", "organization") and canonical:
            cand.vote(kind, 10)
        self.candidates.append(cand)
        return cand

    # -- aliases ------------------------------------------------------------------------------------------

    def _link_aliases(self) -> None:
        """ "Free Syrian Army (FSA)", "X (formerly Y)", "X, also known as Y": Y names the same actor as X."""
        cands = sorted(range(len(self.candidates)), key=lambda i: self.candidates[i].start)
        by_start = {self.candidates[i].start: i for i in cands}
        for i in cands:
            c = self.candidates[i]
            m = _PAREN_ALIAS.match(self.text, c.end)
            if m:
                inner_start = m.start(1)
                j = by_start.get(inner_start)
                if j is not None and j != i and self.candidates[j].end == m.end(1):
                    self.candidates[j].alias_of = i
                    continue
            m = _APPOSITION_ALIAS.match(self.text, c.end, c.end + 40)
            if m and (j := by_start.get(m.end())) is not None and j != i:
                self.candidates[j].alias_of = i

    # -- grouping into actors ----------------------------------------------------------------------------

    def _build(self) -> list[Actor]:
        """Candidates → entity records (one per identity) → groups → Actors. Records hold plain mention
        offsets and role titles; the records are built once, at the end, from these typed values (unvalidated:
        ``trusted``)."""
        aid = self.article.id
        text = self.text
        protos: list[_Proto] = []
        by_ident: dict[str, _Proto] = {}
        owner: list[_Proto] = []
        for c in self.candidates:
            p = by_ident.get(c.ident)
            if p is None:
                p = by_ident[c.ident] = _Proto(c.kind, c.canonical, {}, {}, [], [], index=len(protos))
                protos.append(p)
            owner.append(p)
            forms = p.forms  # a former name never wins
            forms[c.surface] = forms.get(c.surface, 0) + (0 if c.alias_of is not None else 1)
            if c.votes:
                votes = p.votes
                for k, v in c.votes.items():
                    votes[k] = votes.get(k, 0) + v
            p.mentions.append((c.start, c.end))
            if c.role and c.role not in p.roles:
                p.roles.append(c.role)
            if c.kind != "unknown" and p.kind == "unknown":
                p.kind = c.kind
        for i, c in enumerate(self.candidates):
            if c.alias_of is not None:
                a, b = owner[i], owner[c.alias_of]
                if a is not b:
                    a.link(b.index)
                    b.link(a.index)
        fields = [_materialise(protos, members, kinds, _START) for members, kinds in _group(protos, True)]
        fields.sort(key=_first_start)
        return [
            _new_actor(
                id=f"{aid}:a{n}",
                name=name,
                kind=kind,
                aliases=aliases,
                roles=[_new_role(title=r, article=aid) for r in roles],
                mentions=[_new_mention(article=aid, start=a, end=b, text=text[a:b]) for a, b in mentions],
            )
            for n, (name, kind, aliases, roles, mentions) in enumerate(fields, 1)
        ]


_START = itemgetter(0)
_new_actor = trusted(Actor)
_new_role = trusted(Role)
_new_mention = trusted(Mention)


def _first_start(fields: tuple) -> int:
    mentions = fields[4]
    return mentions[0][0] if mentions else 0


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
    return word in gz.ORG_HEADS or word in gz.GROUP_HEADS or word.rstrip(".") in gz.TITLE_WORDS


def _is_initial(text: str, p_start: int, pos: int) -> bool:
    """True when ``pos`` starts a paragraph, a sentence, a quotation or a clause after a colon."""
    if pos - 2 >= p_start and text[pos - 1] == " " and text[pos - 2] not in _NOT_PLAIN:
        return False  # the usual case: one space after a word (what the loop below finds, quicker)
    i = pos
    while i > p_start and text[i - 1] in _OPENERS:
        if text[i - 1] in "\"“‘'" and i - 1 > p_start and text[i - 2] in " \t\n(":
            return True
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


def _is_title(word: str) -> bool:
    return word.rstrip(".") in gz.TITLE_WORDS or word.rstrip(".") in gz.HONORIFICS


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


def extract(article: Article) -> list[Actor]:
    """Actors of one article (ids local to the article: ``<article id>:a<n>``)."""
    return _Extractor(article).run()


# --- grouping (one article or many) ----------------------------------------------------------------------


class _UnionFind:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _compatible(a: str, b: str) -> bool:
    return a == b or a == "unknown" or b == "unknown"


def _kind_of(p: _Proto) -> ActorKind:
    if p.canonical and p.kind in ("country", "organization"):
        return p.kind
    if p.votes:
        kind, score = _top(p.votes)
        if score >= 1:
            return kind
    return p.kind


def _group(protos: list[_Proto], within_article: bool) -> list[tuple[list[int], list[ActorKind]]]:
    """Group entity records that name the same actor: each group's member indices and their kinds.

    Every rule looks candidates up by key (exact keys, name suffixes, initials, small fuzzy blocks), so the
    cost grows with the number of records, not with its square.
    """
    n = len(protos)
    if n < 2:  # nothing to group with (no rule joins a record to itself)
        return [([0], [_kind_of(protos[0])])] if n else []
    uf = _UnionFind(n)
    find, union = uf.find, uf.union
    kinds = [_kind_of(p) for p in protos]
    for i, p in enumerate(protos):
        for j in p.links or ():
            union(i, j)
    # exact keys (all forms; particle-free variant too), canonical names; and the index of long forms
    givens: dict[int, frozenset[str]] = {}  # group root → given names of its people (filled when needed)
    seen: dict[str, int] = {}
    seen_fixed: dict[str, int] = {}
    long_suffix: dict[str, list[int]] = {}  # "bruyne", "debruyne" → records of "Anna de Bruyne"
    long_initials: dict[str, list[int]] = {}  # "FSA" → records of "Free Syrian Army"
    for i, p in enumerate(protos):
        canonical = p.canonical
        kind_i = kinds[i]
        if canonical:
            for k in _facts(canonical)[0]:
                j = seen_fixed.setdefault(k, i)
                if j != i and _compatible(kind_i, kinds[j]) and protos[j].canonical == canonical:
                    union(i, j)
            if kind_i == "country":
                continue
        # Across articles a shared surname ("Brandt") joins people only if their given names agree, so two
        # Brandts stay apart (given names are kept per group: chains through a bare "Brandt" cannot join them).
        for f in p.forms:
            exact, suffixes, ini = _facts(f)[:3]
            if not canonical:
                guard = not within_article and _facts(f)[4] and kind_i in ("person", "unknown")
                for k in exact:
                    j = seen.setdefault(k, i)
                    if j == i or not _compatible(kind_i, kinds[j]):
                        continue
                    ri, rj = find(i), find(j)
                    if guard and not _given_names_agree(givens, ri, rj, protos, i, j):
                        continue
                    union(i, j)
                    if ri in givens or rj in givens:  # keep a group's given names whole as it grows
                        for root, rec in ((ri, i), (rj, j)):
                            if root not in givens:
                                givens[root] = _givens_of(protos[rec])
                        givens[find(i)] = givens[ri] | givens[rj]
            for k in suffixes:
                _add_member(long_suffix, k, i)
            if ini:
                _add_member(long_initials, ini, i)
    # short forms → the one longer name they end ("Bruyne", "de Bruyne" → "Anna de Bruyne"),
    # acronyms → the one name whose initials they spell
    for i, p in enumerate(protos):
        kind_i = kinds[i]
        if p.canonical and kind_i == "country":
            continue
        own_suffixes = {k for f in p.forms for k in _facts(f)[1]} if len(p.forms) > 1 else ()
        for f in p.forms:
            k, single, head_last, acr = _facts(f)[3:]
            if k in own_suffixes:
                pass  # a short form of this record's own long name: explained already, it joins nothing else
            elif k in long_suffix and (
                (kind_i in ("person", "unknown") and not head_last) if single else True
            ):
                j = _one_other_group(long_suffix, k, find(i), kind_i, single, kinds, find)
                if j >= 0:
                    union(i, j)
            if acr and acr in long_initials and (within_article or len(acr) >= 3 or p.canonical):
                j = _one_other_group(long_initials, acr, -1, kind_i, False, kinds, find)
                if j >= 0:
                    union(i, j)
    _fuzzy(protos, kinds, uf)
    groups: dict[int, list[int]] = {}
    for i in range(n):
        groups.setdefault(find(i), []).append(i)
    return [(members, [kinds[i] for i in members]) for members in groups.values()]


def _given_names_agree(
    givens: dict[int, frozenset[str]], ri: int, rj: int, protos: list[_Proto], i: int, j: int
) -> bool:
    """Can groups ``ri`` and ``rj`` (of records ``i``, ``j``) be one person? Every given name of one must
    agree with every given name of the other ("Don"/"Donald", "J."/"John", "Mohamed"/"Mohammed" agree)."""
    for root, rec in ((ri, i), (rj, j)):
        if root not in givens:
            givens[root] = _givens_of(protos[rec])
    return all(_same_given(a, b) for a in givens[ri] for b in givens[rj])


def _givens_of(p: _Proto) -> frozenset[str]:
    return frozenset(g for f in p.forms if (g := _given_name(f)))


@lru_cache(maxsize=1 << 16)
def _given_name(form: str) -> str:
    """The word before the surname of a person's name ("Carla" in "Minister Carla Brandt"), lower case."""
    toks = _content_tokens(form)
    for tok in reversed(toks[:-1]):  # the word before the surname, past middle initials ("Robert W. Fisher")
        given = tok.lower().rstrip(".")
        if len(given) > 1 or tok is toks[0]:
            return given
    return ""


@lru_cache(maxsize=1 << 16)
def _same_given(a: str, b: str) -> bool:
    if a == b or a.startswith(b) or b.startswith(a):  # "don"/"donald", and initials "j"/"john"
        return True
    return fuzz.ratio(a, b) >= 80  # transliterations: "mohamed"/"mohammed"


def _one_other_group(
    index: dict[str, list[int]],
    k: str,
    own_root: int,
    kind: ActorKind,
    single: bool,
    kinds: list[ActorKind],
    find: Callable[[int], int],
) -> int:
    """A record of the one group (other than ``own_root``) among ``index[k]`` of a kind compatible with
    ``kind`` (people or unknown only when ``single``); -1 when there is none or more than one such group.

    A long scan (many records already in one group) shrinks the list to one record per group and kind, which
    keeps every answer the same and makes the next look-up short."""
    members = index[k]
    target, first, n = -1, -1, 0
    for j in members:
        n += 1
        r = find(j)
        if (
            r == own_root
            or not _compatible(kind, kinds[j])
            or (single and kinds[j] not in ("person", "unknown"))
        ):
            continue
        if target < 0:
            target, first = r, j
        elif r != target:
            first = -1
            break
    if n > 16:
        seen: set[tuple[int, str]] = set()
        kept = []
        for j in members:
            rk = (find(j), kinds[j])
            if rk not in seen:
                seen.add(rk)
                kept.append(j)
        index[k] = kept
    return first


def _add_member(index: dict[str, list[int]], k: str, i: int) -> None:
    members = index.get(k)
    if members is None:
        index[k] = [i]
    elif members[-1] != i:  # one entry per record (a record's forms share suffixes)
        members.append(i)


@lru_cache(maxsize=1 << 18)
def _facts(form: str) -> tuple[tuple[str, ...], tuple[str, ...], str, str, bool, bool, str]:
    """What grouping needs of one form: its exact keys (key, particle-free key; two characters or more);
    as a long form, the keys of the shorter names it ends with and its initials ("" when not a long form);
    as a short form, its key, whether it has one content token, whether it ends in an organisation/group
    head, and its acronym letters ("" when not an acronym)."""
    toks = name_tokens(form)
    tkeys = [key(t) for t in toks]  # key(form) is the keys of its tokens joined
    k = "".join(tkeys)
    content = _content_tokens(form)
    ck = k if len(content) == len(toks) else "".join(key(t) for t in content)
    exact = tuple(x for x in {k, ck} if len(x) >= 2)
    acronym = is_acronym(form)
    suffixes: tuple[str, ...] = ()
    ini = ""
    if len(toks) >= 2 and not acronym:
        suffixes = tuple("".join(tkeys[s:]) for s in range(1, len(toks)))
        ini = initials(form)
        ini = ini if len(ini) >= 2 else ""
    head_last = bool(toks) and (toks[-1] in gz.ORG_HEADS or toks[-1] in gz.GROUP_HEADS)
    return exact, suffixes, ini, k, len(content) == 1, head_last, form.replace(".", "") if acronym else ""


def _fuzzy(protos: list[_Proto], kinds: list[ActorKind], uf: _UnionFind) -> None:
    """Transliteration variants of names of the same kind, compared only inside small blocks: same kind and
    token count; people: same initials of first and last token; others: same initial of every token (the
    rule below needs that anyway)."""
    candidates = [
        i for i, p in enumerate(protos) if kinds[i] in ("person", "group", "organization") and not p.canonical
    ]
    if len(candidates) < 2:  # no pair to compare (the usual case inside one article)
        return
    # block → name → the records whose best form reads so (the same name always matches itself)
    blocks: dict[tuple, dict[str, list[int]]] = {}
    headed: set[str] = set()  # names that end in an organisation head ("... Inc", "... Bank")
    for i in candidates:
        p, kind = protos[i], kinds[i]
        forms = p.forms
        best = (
            max(forms, key=lambda f: (len(name_tokens(f)), forms[f])) if len(forms) > 1 else next(iter(forms))
        )
        toks = _lower_tokens(best)
        if len(toks) < 2:
            continue
        block = (
            (kind, len(toks), toks[0][0], toks[-1][0])
            if kind == "person"
            else (kind, len(toks), *(t[0] for t in toks))
        )
        joined = " ".join(toks)
        blocks.setdefault(block, {}).setdefault(joined, []).append(i)
        if name_tokens(best)[-1] in gz.ORG_HEADS:
            headed.add(joined)
    find, union = uf.find, uf.union
    for block, by_name in blocks.items():
        for same in by_name.values():
            for j in same[1:]:
                union(same[0], j)
        if len(by_name) < 2:
            continue
        names = list(by_name)
        person = block[0] == "person"
        for a in range(len(names) - 1):
            ni = names[a]
            i = by_name[ni][0]
            ti = ni.split(" ")
            for nj, score, _ in process.extract(
                ni, names[a + 1 :], scorer=fuzz.ratio, score_cutoff=80, limit=None
            ):
                j = by_name[nj][0]
                if find(i) == find(j):
                    continue
                tj = nj.split(" ")
                if person:
                    if score >= 85 and fuzz.ratio(ti[0], tj[0]) >= 80 and fuzz.ratio(ti[-1], tj[-1]) >= 80:
                        union(i, j)
                elif (
                    ni in headed or nj in headed
                ):  # "... Inc", "... Bank": the shared head says nothing, every
                    if score >= 85 and all(
                        x == y or fuzz.ratio(x, y) >= 80 for x, y in zip(ti, tj, strict=True)
                    ):
                        union(i, j)  # word must be a variant of its counterpart ("Par" is not "Parmed")
                elif ti[-1] == tj[-1] or (score >= 85 and fuzz.ratio(ti[-1], tj[-1]) >= 80):
                    union(i, j)


@lru_cache(maxsize=1 << 18)
def _lower_tokens(name: str) -> tuple[str, ...]:
    return tuple(t.lower() for t in _content_tokens(name))


_MENTION_ORDER = attrgetter("article", "start")


def _most_common(kinds: list[ActorKind], default: ActorKind) -> ActorKind:
    """The most frequent kind, the first of equals (as ``Counter.most_common``); ``default`` if none."""
    if not kinds:
        return default
    counts: dict[ActorKind, int] = {}
    for k in kinds:
        counts[k] = counts.get(k, 0) + 1
    return max(counts, key=counts.__getitem__)


_Fields = tuple[str, ActorKind, list[str], list, list]


def _materialise(
    protos: list[_Proto], indices: list[int], kinds: list[ActorKind], mention_order: Callable
) -> _Fields:
    """One group's name, kind, aliases, roles and mentions (sorted by ``mention_order``); roles and mentions
    as the records hold them (one of equal roles kept)."""
    members = [protos[i] for i in indices]
    forms: dict[str, int]
    votes: dict[str, int]
    mentions: list
    if len(members) == 1:
        p = members[0]
        forms, votes, mentions, canonical = p.forms, p.votes, p.mentions, p.canonical
    else:
        forms, votes, mentions, canonical = {}, {}, [], None
        for p in members:
            for f, c in p.forms.items():
                forms[f] = forms.get(f, 0) + c
            for k, c in p.votes.items():
                votes[k] = votes.get(k, 0) + c
            mentions.extend(p.mentions)
            canonical = canonical or p.canonical
    if len(members) == 1:
        roles = members[0].roles
    else:
        roles = []
        seen_roles: set = set()
        for p in members:
            for r in p.roles:
                rk = r if isinstance(r, str) else (r.title, r.article)
                if rk not in seen_roles:
                    seen_roles.add(rk)
                    roles.append(r)
    fixed = [k for k in kinds if k in ("country", "organization")] if canonical else ()
    if fixed:
        kind: ActorKind = fixed[0]
    else:
        kind = kinds[0] if len(kinds) == 1 else _most_common([k for k in kinds if k != "unknown"], "unknown")
        if votes:
            best, score = _top(votes)
            if score >= 3 or kind == "unknown":
                kind = best
    if canonical:
        name = canonical
    elif len(forms) == 1:
        name = next(iter(forms))
    else:
        name = max(
            forms,
            key=lambda f: (
                not is_acronym(f),
                len(_content_tokens(f)) if kind != "country" else 0,
                forms[f],
                len(f),
            ),
        )
    if len(forms) == 1 and (not canonical or canonical in forms):
        aliases = list(forms)
    else:
        aliases = sorted(
            set(forms) | ({canonical} if canonical else set()), key=lambda f: (-forms.get(f, 0), f)
        )
    if len(mentions) > 1:
        mentions = sorted(mentions, key=mention_order)
    return name, kind, aliases, roles, mentions


# --- merge across articles -------------------------------------------------------------------------------


def merge(groups: list[list[Actor]]) -> tuple[list[Actor], dict[str, str]]:
    """Merge per-article actors into one list; returns it and a map from every local id to its merged id.

    The same rules as inside one article (exact keys ignoring spaces, hyphens and case; surnames and short
    forms to the one full name; acronyms to the name they abbreviate; "formerly" aliases) plus fuzzy matching
    of same-kind names. Ids ``a1``, ``a2``… go by mention count. Incompatible roles of one person from
    different articles are all kept and marked ``conflict``.
    """
    protos: list[_Proto] = []
    with paused_gc():
        for group in groups:
            for actor in group:
                name, kind = actor.name, actor.kind
                forms = dict.fromkeys(actor.aliases, 0)  # only names carry weight: former names never win
                forms[name] = forms.get(name, 0) + max(1, len(actor.mentions))
                forms.pop("", None)
                canonical = name if kind in ("country", "organization") and _is_canonical(actor) else None
                votes = _MERGE_VOTES[kind]  # shared: merging only reads these
                protos.append(
                    _Proto(kind, canonical, forms, votes, actor.mentions, actor.roles, source_ids=(actor.id,))
                )
        merged = []
        for members, kinds in _group(protos, within_article=False):
            name, kind, aliases, roles, mentions = _materialise(protos, members, kinds, _MENTION_ORDER)
            actor = _new_actor(
                id="", name=name, kind=kind, aliases=aliases, roles=list(roles), mentions=mentions
            )
            merged.append((actor, members))
        merged.sort(key=lambda pair: (-len(pair[0].mentions), pair[0].name))
        out: list[Actor] = []
        id_map: dict[str, str] = {}
        for n, (actor, members) in enumerate(merged, 1):
            new_id = f"a{n}"
            for i in sorted(members):
                for old in protos[i].source_ids:
                    id_map[old] = new_id
            actor.id = new_id
            actor.roles = _mark_conflicts(actor.roles)
            out.append(actor)
    return out, id_map


_MERGE_VOTES: dict[str, dict[str, int]] = {
    kind: ({kind: 3} if kind != "unknown" else {}) for kind in get_args(ActorKind)
}


def _is_canonical(actor: Actor) -> bool:
    return (actor.name in gz.country_forms() and gz.country_forms()[actor.name].country == actor.name) or (
        actor.name in gz.KNOWN_ORGANIZATIONS
    )


def _affiliations(title: str) -> set[str]:
    """The countries/organisations a role names: "Labour Party spokesman" → {labourparty}."""
    countries = gz.country_forms()
    orgs = gz.organization_forms()
    out = set()
    for m in CHUNK.finditer(title):
        words = [
            w for w in m.group().split() if w.rstrip(".") not in gz.TITLE_WORDS and w not in gz.HONORIFICS
        ]
        words = [_POSSESSIVE.sub("", w) for w in words]
        for w in words:
            if w in countries:
                out.add(countries[w].country)
        name = " ".join(w for w in words if w not in countries)
        if name:
            out.add(orgs.get(name) or key(name))
    return out


_POSSESSIVE = re.compile(r"['’]s?$")


def _mark_conflicts(roles: list[Role]) -> list[Role]:
    """Roles from different articles that tie the person to different countries/organisations conflict."""
    affiliations = _affiliations
    affs = [affiliations(r.title) for r in roles]
    conflict = [False] * len(roles)
    for i in range(len(roles)):
        for j in range(i + 1, len(roles)):
            if roles[i].article != roles[j].article and affs[i] and affs[j] and not affs[i] & affs[j]:
                conflict[i] = conflict[j] = True
    return [
        trusted_replace(r, conflict=c) if c != r.conflict else r for r, c in zip(roles, conflict, strict=True)
    ]
