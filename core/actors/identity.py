"""Stage 3 of actors — identity: which candidates name one entity, within an article and across articles.

Within an article: one record per identity (a country's or known organisation's canonical name, else the
comparison key), linked by evidence only — a parenthesis or "formerly"/"also known as" apposition
(:func:`link_aliases`), a surname or short form that ends exactly one longer name, an acronym spelling one
name's initials. Across articles (:func:`merge`) the same rules run over every article's actors, plus fuzzy
matching of transliterations of same-kind names; a shared surname joins people only when their given names
agree. Each group becomes one Actor: its best full name, the kind its mentions' evidence votes for, its aliases,
roles and mentions.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from operator import attrgetter, itemgetter
from typing import get_args

from rapidfuzz import fuzz, process

from dateline.core import gazetteer as gz
from dateline.core.actors.kinds import Candidate
from dateline.core.actors.names import CHUNK, _content_tokens, initials, is_acronym, key, name_tokens
from dateline.core.gcpause import paused_gc
from dateline.core.model import Actor, ActorKind, Article, Mention, Role, trusted, trusted_replace

_PAREN_ALIAS = re.compile(
    r"\s*\(\s*(?:(?:formerly|previously|also known as|also called|known as|aka|a\.k\.a\.)\s+)?([^()]{1,60})\)"
)
_APPOSITION_ALIAS = re.compile(
    r",?\s+(?:formerly(?: known as)?|previously known as|also known as|better known as|now called)\s+(?:the\s+)?",
    re.I,
)


def _bump(counts: dict[str, int], k: str, n: int) -> None:
    counts[k] = counts.get(k, 0) + n


def _top(counts: dict[str, int]) -> tuple[str, int]:
    return max(counts.items(), key=_COUNT)


_COUNT = itemgetter(1)


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
    guesses: dict[str, int] | None = None  # what the forms alone say, read only when no evidence decides

    def link(self, other: int) -> None:
        if self.links is None:
            self.links = set()
        self.links.add(other)


def link_aliases(text: str, candidates: list[Candidate]) -> None:
    """ "Free Syrian Army (FSA)", "X (formerly Y)", "X, also known as Y": Y names the same actor as X."""
    cands = sorted(range(len(candidates)), key=lambda i: candidates[i].start)
    by_start = {candidates[i].start: i for i in cands}
    for i in cands:
        c = candidates[i]
        m = _PAREN_ALIAS.match(text, c.end)
        if m:
            inner_start = m.start(1)
            j = by_start.get(inner_start)
            if j is not None and j != i and candidates[j].end == m.end(1):
                candidates[j].alias_of = i
                continue
        m = _APPOSITION_ALIAS.match(text, c.end, c.end + 40)
        if m and (j := by_start.get(m.end())) is not None and j != i:
            candidates[j].alias_of = i


# --- grouping into actors -------------------------------------------------------------------------------


def build(article: Article, candidates: list[Candidate]) -> list[Actor]:
    """Candidates → entity records (one per identity) → groups → Actors. Records hold plain mention
    offsets and role titles; the records are built once, at the end, from these typed values (unvalidated:
    ``trusted``)."""
    aid = article.id
    text = article.text
    protos: list[_Proto] = []
    by_ident: dict[str, _Proto] = {}
    owner: list[_Proto] = []
    for c in candidates:
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
        if c.guesses:
            if p.guesses is None:
                p.guesses = {}
            for k, v in c.guesses.items():
                p.guesses[k] = p.guesses.get(k, 0) + v
        p.mentions.append((c.start, c.end))
        if c.role and c.role not in p.roles:
            p.roles.append(c.role)
        if c.kind != "unknown" and p.kind == "unknown":
            p.kind = c.kind
    for i, c in enumerate(candidates):
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
    if within_article:
        _company_short_forms(protos, kinds, uf)
    _fuzzy(protos, kinds, uf)
    groups: dict[int, list[int]] = {}
    for i in range(n):
        groups.setdefault(find(i), []).append(i)
    return [(members, [kinds[i] for i in members]) for members in groups.values()]


def _company_short_forms(protos: list[_Proto], kinds: list[ActorKind], uf: _UnionFind) -> None:
    """In one article, an organisation's first word alone names it ("Ventana" after "Ventana Growth
    Fund"): a one-word record of no kind or an organisation's joins the one organisation starting so."""
    firsts: dict[str, list[int]] = {}
    for i, p in enumerate(protos):
        if kinds[i] not in ("organization", "group") or p.canonical:
            continue
        for f in p.forms:
            toks = name_tokens(f)
            first = toks[0] if len(toks) >= 2 else ""
            if len(first) >= 3 and first[0].isupper() and first not in gz.ORG_HEADS and not is_acronym(first):
                _add_member(firsts, key(first), i)
    if not firsts:
        return
    find = uf.find
    for i, p in enumerate(protos):
        weak = kinds[i] == "person" and not p.roles and max(p.votes.values(), default=0) <= 1
        if (kinds[i] not in ("unknown", "organization") and not weak) or len(p.forms) != 1:
            continue  # (a weak person: only "said X" says so)
        form = next(iter(p.forms))
        members = firsts.get(key(form)) if " " not in form else None
        if members and len({find(j) for j in members}) == 1 and find(members[0]) != find(i):
            uf.union(i, members[0])


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
    # a tuple, not a set: the keys are tried in this order, and a set's order of strings changes with the hash
    # seed (across articles a surname's join checks given names, so which key joins first decides groups)
    exact = tuple(x for x in ((k,) if ck == k else (k, ck)) if len(x) >= 2)
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


def _guess(members: list[_Proto]) -> ActorKind:
    """The kind the forms of a group's mentions suggest ("unknown" when they suggest nothing)."""
    guesses: dict[str, int] = {}
    for p in members:
        for k, v in (p.guesses or {}).items():
            guesses[k] = guesses.get(k, 0) + v
    return _top(guesses)[0] if guesses else "unknown"  # type: ignore[return-value]


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
        if kind == "unknown":
            kind = _guess(members)
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
