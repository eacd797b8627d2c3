"""Stage 2 of actors — kind from evidence: each name span becomes candidates with a kind and votes.

Evidence read here: known organisations and countries (names, demonyms, capitals), titles and honorifics
before a name (they become roles), organisation and group heads, role nouns before or after a name, group cues,
place prepositions, reporting verbs, outlets used as venues ("told Reuters": not an actor). The identity stage
then sums the votes of every mention of one entity.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from dateline.core import gazetteer as gz
from dateline.core.actors.names import (
    RESULT_LINE,
    NameSpan,
    _is_title,
    _last_office,
    is_acronym,
    is_title_word,
    key,
    score_follows,
    speaks,
)
from dateline.core.model import ActorKind, Article
from dateline.core.text import NON_CONTENT, FurnitureIndex

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
_GOVERNMENT_NOUNS = frozenset({"government", "regime", "authorities", "administration"})
_COUNTRY_FOLLOWERS = frozenset(
    """officials official forces troops army military delegation delegates negotiators side leadership
    diplomats ministry president leader counterparts""".split()
)
# Words before and after a one-word name that make it a company ("shares of X", "X shares rose").
_ORG_BEFORE = frozenset(
    """shares stake unit subsidiary firm company group maker rival club side team newspaper daily weekly
    magazine agency carrier airline broker insurer bank""".split()
)
_ORG_AFTER = frozenset(
    {"shares", "stock", "stocks", "inc", "corp", "unit", "subsidiary", "chairman", "spokesman"}
)
_ORG_CONTEXT = re.compile(
    r"(?:\b(?:shares|stake|stakes|subsidiary|unit|acquisition|takeover|parent)\s+(?:of|in)\s+(?:the\s+)?"
    r"|\w-based\s+)$",
    re.I,
)
# A lower-case word right before a name: no results-line slot ("c Stewart b Gough 33": a bowler).
_AFTER_LOWER = re.compile(r"(?<![\w'’-])[a-z]+ $")
# A plural verb after a singular name: a team or a company spoken of as its members ("Rotor are top").
_PLURAL_VERBS = frozenset({"are", "have", "were"})
_TITLE_WORD = re.compile(r"(?:[A-Z]\.|(?:Mc|Mac|O['’])?[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)*\.?)$")


def _head(words: list[str]) -> str:
    """The word that says what a name is: the last, or the one before "of"/"for"/"on" ("Bank of England")."""
    for i, w in enumerate(words[1:-1], 1):
        if w in ("of", "for", "on"):
            return words[i - 1]
    return words[-1]


def _big(place: gz.PlaceForm) -> bool:
    """A place known well enough for its one-word name to suggest it: not a town that shares a surname."""
    return place.how != "city" or place.population >= 100_000


def prev_word_of(before: str) -> str:
    """The word right before a name, lower case, without a trailing comma."""
    prev = before.rstrip()
    return prev.rsplit(None, 1)[-1].lower().rstrip(",") if prev else ""


def _capitalised(word: str) -> str:
    """An ALL CAPS word as a name is written ("CORUNA" → "Coruna"); abbreviations keep their capitals."""
    if "." in word:
        return word  # "U.S."
    return "-".join(part.capitalize() for part in word.split("-"))


def _person_shaped(words: list[str]) -> bool:
    """Two to four name words (Title Case or initials, particles inside but not first), no organisation
    head, no acronym: the form of a person's name."""
    if not 2 <= len(words) <= 4 or words[-1] in gz.ORG_HEADS or words[-1] in gz.GROUP_HEADS:
        return False
    if words[-1].endswith(".") or len(words[-1]) < 2 or words[0].lower() in gz.NAME_PARTICLES:
        return False  # ("Al Nusra", "El Nino": a particle first says nothing of the kind)
    return all(_TITLE_WORD.match(w) or w.lower() in gz.NAME_PARTICLES for w in words)


_REGIME = re.compile(r"\bthe\s+regime\b")

# --- candidates ------------------------------------------------------------------------------------------


@dataclass(slots=True)
class Candidate:
    start: int
    end: int
    surface: str
    kind: ActorKind
    ident: str  # grouping identity inside the article (country/organisation canonical name or the key)
    canonical: str | None = None  # fixed name (countries, known organisations)
    votes: dict[str, int] | None = None  # kind → evidence, made on the first vote
    role: str | None = None
    alias_of: int | None = None  # index of the candidate this one names in parentheses / "formerly"
    guesses: dict[str, int] | None = None  # what the name's form says: read only if no evidence decides

    def vote(self, kind: str, n: int) -> None:
        if self.votes is None:
            self.votes = {kind: n}
        else:
            self.votes[kind] = self.votes.get(kind, 0) + n

    def guess(self, kind: str, n: int = 1) -> None:
        if self.guesses is None:
            self.guesses = {kind: n}
        else:
            self.guesses[kind] = self.guesses.get(kind, 0) + n


@lru_cache(maxsize=1024)
def _skip_names(source: str | None, author: str | None) -> frozenset[str]:
    """Keys of the article's source and author and of each name in them: bylines, not actors."""
    out = {key(n) for n in (source, author) if n}
    for n in (source, author):
        if n:
            out.update(key(p) for p in re.split(r"\s*(?:,|\band\b|/)\s*", n) if p)
    return frozenset(out)


class Classifier:
    """Turns the name spans of one article into candidates (``self.candidates``, in text order)."""

    def __init__(self, article: Article) -> None:
        self.article = article
        self.text = article.text
        self.countries = gz.country_forms()
        self.orgs = gz.organization_forms()
        self.places = gz.place_forms()
        self.skip_names = _skip_names(article.source, article.author)
        self.furniture = FurnitureIndex(article.furniture)
        self.candidates: list[Candidate] = []

    def run(self, spans: list[NameSpan]) -> list[Candidate]:
        for span in spans:
            words = span.words
            if span.form != "prose" and all(w.isupper() for w in words):
                words = [_capitalised(w) for w in words]  # "LA CORUNA" reads as "La Coruna"
            if span.form == "dateline":
                self._dateline_place(span.toks, words, span.s_end)
            else:
                self._classify(span.toks, words, span.s_start, span.s_end)
        self._regime_mentions()
        return self.candidates

    def _dateline_place(self, toks: list[tuple[int, int]], words: list[str], s_end: int) -> None:
        """A dateline's place (or region) is a country or a place, whatever it is called."""
        surface = " ".join(words)
        start, end = toks[0][0], toks[-1][1]
        if surface in self.countries:
            self._country(start, end, surface, s_end, followed=False)
        else:
            self._add(start, end, surface, "unknown").vote("place", 3)

    def _classify(self, toks: list[tuple[int, int]], words: list[str], s_start: int, s_end: int) -> None:
        """One name span → candidates: the first rule that explains the whole span decides; the rest of the
        evidence is votes (and guesses) on the candidate."""
        start, end = toks[0][0], toks[-1][1]
        surface = " ".join(words)
        if key(surface) in self.skip_names or surface in gz.OUTLET_NAMES:
            return
        if len(words) > 1 and words[-1] in gz.OUTLET_HEADS and surface not in self.orgs:
            return
        before = self.text[max(s_start, start - 60) : start]
        cut = max(before.rfind(". "), before.rfind("? "), before.rfind("! "), before.rfind(".\n"))
        if cut >= 0:  # the text before, in this sentence only
            before = before[cut + 2 :]
            s_start = start - len(before)
        if self._is_venue(before, words, end):
            return  # "told Reuters": the outlet is where it was said, not who
        if self._known_whole(start, end, surface, words, before, s_end):
            return
        # document names: drop the document word ("UN Security Council Resolution" → "UN Security Council")
        if words[-1] in gz.DOCUMENT_HEADS and _head(words) == words[-1]:
            if len(words) > 1:
                self._classify(toks[:-1], words[:-1], s_start, s_end)
            return
        # leading country forms followed by a title or more name: "Russian President X", "Syrian Kurds"
        head_is_org = words[-1] in gz.ORG_HEADS or words[-1] in gz.GROUP_HEADS
        if len(words) > 1 and not head_is_org and self._split_known_prefix(toks, words, s_start, s_end):
            return
        if not head_is_org and self._titled(toks, words, s_start, s_end):
            return
        self._by_head_and_context(start, end, surface, words, before, s_start, s_end)

    def _is_venue(self, before: str, words: list[str], end: int) -> bool:
        """ "told Reuters", "in an interview with X": a name that is where something was said."""
        last_words = before[-50:].lower().split()
        return (
            not _VENUE_WORDS.isdisjoint(last_words[-4:])
            and bool(_VENUE_BEFORE.search(before))
            and bool(_VENUE_AFTER.match(self.text, end, min(len(self.text), end + 20)))
            and not any(_is_title(w) for w in words)
        )

    def _known_whole(
        self, start: int, end: int, surface: str, words: list[str], before: str, s_end: int
    ) -> bool:
        """The whole span is a known organisation, a country, a team beside its score or a place's name."""
        if surface in self.orgs:
            self._add(start, end, surface, "organization", canonical=self.orgs[surface])
            return True
        if surface in self.countries:
            self._country(start, end, surface, s_end)
            return True
        places = self.places
        if (
            score_follows(self.text, end, s_end)
            and not _AFTER_LOWER.search(before)
            and (
                len(words) == 1
                or surface in places
                or ((place := places.get(words[0])) is not None and _big(place))
                or self._in_results_line(start)
            )
        ):
            # a single word, a place or a place's club beside a score in a results line is a team
            # ("Leeds 2 Hull 1", "Bristol Rovers 1")
            self._add(start, end, surface, "unknown").vote("organization", 2)
            return True
        if surface in places and not is_acronym(surface) and (len(words) > 1 or _big(places[surface])):
            # a place's name: a guess that any evidence overrides ("Florence", "Jackson" are people too)
            cand = self._add(start, end, surface, "unknown")
            cand.guess("place", 2 if len(words) > 1 else 1)
            if prev_word_of(before) in gz.PLACE_PREPOSITIONS:
                cand.vote("place", 1)
            return True
        return False

    def _in_results_line(self, start: int) -> bool:
        """Is the name one side of a results line, "Hansa Rostock 0 Karlsruhe 2" (two names, two scores)?"""
        text = self.text
        line_start = text.rfind("\n", 0, start) + 1
        line_end = text.find("\n", start)
        m = RESULT_LINE.fullmatch(text, line_start, len(text) if line_end < 0 else line_end)
        return bool(m) and start in (m.start(1), m.start(2))

    def _titled(self, toks: list[tuple[int, int]], words: list[str], s_start: int, s_end: int) -> bool:
        """Titles and honorifics before a name ("Prime Minister X", "Mr. X", "Transport Minister X"): the
        name is a person, the title a role. False when the span opens with no title."""
        n_title = 0
        while n_title < len(words) - 1 and (
            is_title_word(words[n_title])
            or words[n_title].rstrip(".") in gz.HONORIFICS
            or (n_title and words[n_title] in ("of", "the", "for"))
        ):
            n_title += 1
        k = _last_office(words)
        if k >= n_title:  # a title after qualifiers: "Transport Minister X", "Chief Financial Officer X"
            self._qualified_title(toks, words, k, s_start, s_end)
            return True
        if not n_title:
            return False
        rest_words, rest_toks = words[n_title:], toks[n_title:]
        if rest_words and rest_words[0] in ("of", "the", "for"):
            return True
        role = None
        title_words = [w for w in words[:n_title] if w.rstrip(".") not in gz.HONORIFICS]
        if title_words:
            title_start = toks[words.index(title_words[0])][0]
            role = self._role_with_qualifiers(title_start, toks[n_title - 1][1], s_start)
        if len(rest_words) == 1 and rest_words[0] in self.countries:
            self._country(rest_toks[0][0], rest_toks[0][1], rest_words[0], s_end)
            return True
        surface = " ".join(rest_words)
        if words[n_title - 1] in ("of", "for") and surface in self.orgs:
            # "Ministers of OPEC", "Secretary-General of NATO": the office's organisation, not a person
            self._add(
                rest_toks[0][0], rest_toks[-1][1], surface, "organization", canonical=self.orgs[surface]
            )
            return True
        cand = self._add(rest_toks[0][0], rest_toks[-1][1], surface, "person")
        cand.vote("person", 3)
        cand.role = role or self._role_after(cand.end, s_end)
        return True

    def _by_head_and_context(
        self, start: int, end: int, surface: str, words: list[str], before: str, s_start: int, s_end: int
    ) -> None:
        """A name no title explains: an organisation or group head types it; else the words around it do
        (a role noun before, a group cue, a place preposition, an appositive role, a reporting verb), and
        failing those, its form."""
        head = _head(words)
        kind: ActorKind = "unknown"
        if head in gz.GROUP_HEADS:
            kind = "group"
        elif head in gz.ORG_HEADS:
            kind = "organization"
        cand = self._add(start, end, surface, kind)
        if kind != "unknown":
            cand.vote(kind, 3)
            return
        if is_acronym(surface):
            cand.vote("organization", 1)
            return
        text = self.text
        prev = before.rstrip()
        prev_word = prev.rsplit(None, 1)[-1].lower().rstrip(",") if prev else ""
        if prev_word in gz.ROLE_NOUNS or prev_word.rstrip("s") in gz.ROLE_NOUNS:
            cand.vote("person", 3)
            role_end = start - (len(before) - len(prev))
            role_end -= 1 if text[role_end - 1 : role_end] == "," else 0
            word_start = prev.rstrip(",").rfind(" ") + 1
            cand.role = self._role_with_qualifiers(start - len(before) + word_start, role_end, s_start)
        elif not _GROUP_CUE_WORDS.isdisjoint(before[-50:].lower().split()[-5:]) and gz.GROUP_CUES.search(
            before
        ):
            cand.vote("group", 3)
        elif prev_word in gz.PLACE_PREPOSITIONS:
            cand.vote("place", 1)
        role = self._role_after(end, s_end)
        if role:
            cand.role = cand.role or role
            cand.vote("person", 3)
        if prev_word in ("said", "told", "added") or speaks(text, end):
            cand.vote("person", 1)
        if cand.votes is None:
            self._form_evidence(cand, words, prev_word, before, s_end)

    def _form_evidence(
        self, cand: Candidate, words: list[str], prev_word: str, before: str, s_end: int
    ) -> None:
        """What a name's own form and its neighbours say when nothing else does: "shares of X", "X shares"
        (a company); "the X" (an organisation, a team: people take no article); given name and surname
        ("Maria Kovac", "D. Fleming": a person)."""
        text = self.text
        nxt = _NEXT_TWO.match(text, cand.end, min(s_end, cand.end + 40))
        next_word = nxt.group(1) if nxt else ""
        if (
            prev_word in _ORG_BEFORE
            or next_word in _ORG_AFTER
            or _ORG_CONTEXT.search(before)
            or (
                next_word in _PLURAL_VERBS
                and nxt is not None
                and nxt.start(1) == cand.end + 1
                and not words[-1].endswith("s")
                and prev_word not in ("and", "or")
            )
        ):
            cand.vote("organization", 2)
        elif prev_word == "the":
            cand.guess("organization")
        elif _person_shaped(words):
            cand.guess("person")

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
        for n in (3, 2, 1):  # a place before a title: "Chicago Cardinal X", "Texas Governor X"
            if len(words) > n + 1 and _is_title(words[n]) and " ".join(words[:n]) in self.places:
                self._classify(toks[:n], words[:n], s_start, s_end)
                self._classify(toks[n:], words[n:], s_start, s_end)
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
    ) -> Candidate:
        if " " in surface and surface.split(" ", 1)[0].rstrip(".") in gz.HONORIFICS:
            surface = surface.split(" ", 1)[1]
            start = (
                end - len(self.text[start:end].split(None, 1)[1]) if " " in self.text[start:end] else start
            )
        ident = canonical or key(surface)
        cand = Candidate(start, end, surface, kind, ident, canonical)
        if kind in ("country", "organization") and canonical:
            cand.vote(kind, 10)
        self.candidates.append(cand)
        return cand

    # -- aliases ------------------------------------------------------------------------------------------
