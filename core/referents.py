"""Which of the article's actors a name, a pronoun or a description in the text stands for.

The speaker search finds words ("Sen. Tom Ames", "he", "the agency"); this module maps them to actors:
a name through the actors' mention offsets, else through the actors' names and aliases (a surname alone
finds its full name); a person's gender from what the text shows (a title such as "Mr." or
"Congresswoman", a given name, the pronouns that follow the name); a description through the roles and
titles the text gives the actors ("the senator" → the nearest person called "Sen." or senator) or the heads
of organisation names ("the agency" → the nearest organisation named "... Agency").
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import cache

from dateline.core import gazetteer as gz
from dateline.core import lexicon
from dateline.core.model import Actor

PERSONISH = frozenset({"person", "unknown"})
_NOT_SURNAMES = frozenset(w.rstrip(".") for w in gz.ORG_HEADS | gz.COMPANY_SUFFIXES | gz.GROUP_HEADS)
ORGISH = frozenset({"organization", "group", "unknown"})
# Abbreviations and synonyms of role words, so "the senator" finds "Sen. Tom Ames".
_ROLE_FORMS = {
    "senator": ("sen", "senator"),
    "representative": ("rep", "representative", "congressman", "congresswoman"),
    "congressman": ("rep", "representative", "congressman"),
    "congresswoman": ("rep", "representative", "congresswoman"),
    "governor": ("gov", "governor"),
    "president": ("president", "pres"),
    "general": ("gen", "general"),
    "secretary": ("secretary", "sec"),
}
_PRONOUN_NEAR = re.compile(r"\b(he|him|his|himself|she|her|hers|herself)\b", re.I)
_SENTENCE_STOP = re.compile(r"[.!?]\s")


@cache
def _gender_words() -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str]]:
    male = frozenset(lexicon.words("speech", "gender.male_titles"))
    female = frozenset(lexicon.words("speech", "gender.female_titles"))
    given_m = frozenset(lexicon.words("given_names", "male"))
    given_f = frozenset(lexicon.words("given_names", "female"))
    return male, female, given_m, given_f


def _given_gender(words: list[str]) -> str | None:
    """ "m" or "f" when a name of two words or more opens with a given name of one gender only."""
    if len(words) < 2:
        return None
    _, _, given_m, given_f = _gender_words()
    first = words[0]
    if first in given_m and first not in given_f:
        return "m"
    if first in given_f and first not in given_m:
        return "f"
    return None


class Referents:
    """The actors of one article, looked up by offset, by name and by description."""

    def __init__(self, text: str, actors: list[Actor], article_id: str) -> None:
        self.text = text
        self.actors = {a.id: a for a in actors}
        rows = sorted((m.start, m.end, a.id) for a in actors for m in a.mentions if m.article == article_id)
        self.rows = rows
        self.starts = [r[0] for r in rows]
        self._names: tuple[dict[str, list[str]], dict[str, list[str]]] | None = None
        self._kinds: dict[str, str] | None = None
        self._gender: dict[str, str | None] = {}

    @property
    def by_form(self) -> dict[str, list[str]]:
        """Actor ids by each of their names and aliases, in lower case (made when first needed)."""
        return self._name_tables()[0]

    @property
    def by_last(self) -> dict[str, list[str]]:
        """Actor ids by the last word of each of their names and aliases ("ames" → Jo Ames)."""
        return self._name_tables()[1]

    def _name_tables(self) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
        if self._names is None:
            by_form: dict[str, list[str]] = {}
            by_last: dict[str, list[str]] = {}
            for a in self.actors.values():
                for form in dict.fromkeys((a.name, *a.aliases)):  # each once, in a fixed order
                    by_form.setdefault(form.lower(), []).append(a.id)
                    words = form.split()
                    # a surname finds its full name; an organisation's head or legal form does not
                    # ("Dart Group Corp" is not every actor whose name ends in "Corp")
                    if words and words[-1].rstrip(".") not in _NOT_SURNAMES:
                        by_last.setdefault(_word_key(words[-1]), []).append(a.id)
            self._names = by_form, by_last
        return self._names

    def kind(self, aid: str | None) -> str | None:
        if aid is None:
            return None
        if self._kinds is None:
            # a one-word name that is the surname of a person named in full is that person's ("Ames" after
            # "Jo Ames"), whatever kind the actor step gave it
            actors = self.actors.values()
            surnames = {a.name.split()[-1] for a in actors if a.kind == "person" and " " in a.name}
            self._kinds = {a.id: "person" if a.name in surnames else a.kind for a in actors}
        return self._kinds.get(aid)

    def at(self, start: int, end: int) -> str | None:
        """The actor with a mention overlapping ``[start, end)`` (the one covering the last word first)."""
        i = bisect_left(self.starts, start - 120)
        best: tuple[int, int, str] | None = None
        while i < len(self.rows) and self.rows[i][0] < end:
            s, e, aid = self.rows[i]
            overlap = min(e, end) - max(s, start)
            if overlap > 0:
                key = (int(e >= end), overlap, aid)
                if best is None or key[:2] > best[:2]:
                    best = key
            i += 1
        return best[2] if best else None

    def named(self, name: str, start: int, end: int) -> str | None:
        """The actor a name in the text stands for: its mention there, else an actor of that name or of that
        last word (a person before others, then the one mentioned last before ``start``)."""
        aid = self.at(start, end)
        if aid is not None:
            return aid
        cands = (
            self.by_form.get(name.lower()) or self.by_last.get(_word_key(name.split()[-1])) if name else None
        )
        if not cands:
            return None
        # each candidate once, in the actors' order (a set's order of ids changes with the hash seed): ties go
        # to the first actor
        return max(
            dict.fromkeys(cands), key=lambda a: (self.kind(a) == "person", self._last_before(a, start))
        )

    def labelled(self, label: str) -> str | None:
        """The person or unknown actor a transcript label in capitals names ("PENCE" → Mike Pence)."""
        words = label.split()
        if not words:
            return None
        cands = dict.fromkeys(
            (*self.by_form.get(label.lower(), ()), *self.by_last.get(_word_key(words[-1]), ()))
        )
        people = [a for a in cands or () if self.kind(a) == "person"] or [
            a for a in cands or () if self.kind(a) == "unknown" and looks_personal(self.actors[a].name)
        ]
        return max(people, key=lambda a: len(self.actors[a].mentions)) if people else None

    def _last_before(self, aid: str, pos: int) -> int:
        best = -1
        for m in self.actors[aid].mentions:
            if m.start < pos:
                best = max(best, m.start)
        return best

    def mentions_between(self, start: int, end: int) -> list[tuple[int, int, str]]:
        lo = bisect_left(self.starts, start)
        hi = bisect_right(self.starts, end)
        return [r for r in self.rows[lo:hi] if r[1] <= end]

    # -- gender ---------------------------------------------------------------------------------------------

    def gender(self, aid: str) -> str | None:
        """ "m", "f" or None: from titles before the actor's mentions, its given name, then the pronouns of the
        sentences its mentions open."""
        if aid in self._gender:
            return self._gender[aid]
        male, female, _, _ = _gender_words()
        actor = self.actors[aid]
        text = self.text
        score = 0
        for m in actor.mentions:
            before = text[max(0, m.start - 16) : m.start].split()
            title = before[-1].rstrip(".") if before else ""
            if title in male:
                score += 3
            elif title in female:
                score -= 3
        for form in (actor.name, *actor.aliases):
            g = _given_gender(form.split())
            if g == "m":
                score += 2
            elif g == "f":
                score -= 2
        if score == 0:
            votes = 0
            for m in actor.mentions[:6]:
                stop = _SENTENCE_STOP.search(text, m.end, m.end + 160)
                p = _PRONOUN_NEAR.search(text, m.end, stop.start() if stop else m.end + 160)
                if p:
                    votes += 1 if p.group(1).lower() in ("he", "him", "his", "himself") else -1
            score = 1 if votes >= 2 else -1 if votes <= -2 else 0
        g = "m" if score > 0 else "f" if score < 0 else None
        self._gender[aid] = g
        return g

    def person_named(self, name: str, titles: tuple[str, ...]) -> str | None:
        """ "m", "f" or "" for a name the text shows to be a person's (a title, a given name); None when
        it does not show it."""
        male, female, _, _ = _gender_words()
        for t in titles:
            t = t.rstrip(".")
            if t in male:
                return "m"
            if t in female:
                return "f"
        return _given_gender(name.split()) or ("" if titles else None)

    def fits(self, aid: str | None, pronoun: str) -> bool:
        """Whether ``pronoun`` may stand for the actor: he/she for people of that gender (or unknown),
        it/they for organisations and groups."""
        if aid is None:
            return False
        kind = self.kind(aid)
        p = pronoun.lower()
        if p in ("he", "she"):
            if kind not in PERSONISH or (kind == "unknown" and not looks_personal(self.actors[aid].name)):
                return False
            g = self.gender(aid)
            return g is None or g == ("m" if p == "he" else "f")
        if p == "it":
            return kind in ("organization", "group")
        if p in ("they", "we"):
            return kind in ("organization", "group", "country")
        return False

    # -- descriptions ---------------------------------------------------------------------------------------

    def described(self, head: str, pos: int, lo: int, org: bool) -> str | None:
        """The nearest actor before ``pos`` (no further back than ``lo``) that a description with head noun
        ``head`` fits: an organisation whose name ends in that noun ("the agency"), else for a generic head
        the nearest organisation; a person whose title or role is the noun ("the senator")."""
        text = self.text
        forms = _ROLE_FORMS.get(head, (head,))
        for s, _, aid in reversed(self.mentions_between(lo, pos)):
            kind = self.kind(aid)
            if org:
                if kind in ("organization", "group") and self.actors[aid].name.lower().endswith(head):
                    return aid
                continue
            if kind not in PERSONISH:
                continue
            before = text[max(0, s - 40) : s].lower()
            roles = " ".join(r.title.lower() for r in self.actors[aid].roles)
            if any(re.search(rf"\b{re.escape(f)}\b", before[-25:]) or f in roles for f in forms):
                return aid
        return None


_NOT_PERSONAL = gz.ORG_HEADS | gz.GROUP_HEADS | gz.OUTLET_HEADS | gz.DOCUMENT_HEADS


def looks_personal(name: str) -> bool:
    """Whether a name of unknown kind may be a person's: no organisation head, no lower-case word."""
    words = name.split()
    return bool(words) and not any(w in _NOT_PERSONAL or w.islower() for w in words)


def _word_key(word: str) -> str:
    """A name's word without a possessive ending or stops, in lower case ("Ames’s" → "ames")."""
    word = word.lower()
    if word.endswith(("'s", "’s")):
        word = word[:-2]
    return word.rstrip("'’").strip(".,")
