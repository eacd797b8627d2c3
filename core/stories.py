"""Which articles tell the same story: retellings of one happening by different outlets, in different words.

Retellings share what the happening is made of: the names of the people, organisations and places involved
(as the actors step found them),
the numbers (ages, tolls, amounts, scores) and the distinctive words. Two happenings of the same type (two
arrests, two earthquakes) share the type's vocabulary but not the names and numbers. So an article is described
by three tf-idf vectors (content words, capitalised names, numbers) and two articles' similarity is a weighted
sum of the three cosines.

Stories are groups of articles built by average-linkage clustering: a group joins another only when the mean
similarity of all their pairs is high enough, so a chain of pairwise resemblances (A like B, B like C) does not
pull unrelated articles together. Only pairs that share one of each other's most distinctive terms are ever
compared (an inverted index keeps this near-linear: 100,000 articles never meet all pairs).
"""

from __future__ import annotations

import heapq
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence

from dateline.core import lexicon

STORY_SIMILARITY = 0.05  # mean pair similarity above which two groups of articles tell one story
WEIGHTS = (0.4, 0.4, 0.2)  # words, names, numbers: names and numbers tell retellings from look-alikes
VECTOR_TERMS = 60  # terms kept per vector (the rest add little to the cosine)
INDEX_TERMS = 8  # distinctive terms per vector used to find candidate pairs
POSTING_CAP = 30  # a term among the distinctive ones of more articles than this is not distinctive
LARGE = 50  # a collection of this many texts is large: candidate pairs must share two index keys

_WORD = re.compile(r"[a-z][a-z'-]{2,}")
_NAME_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_NUMBER = re.compile(r"(?<![\w.,])\d+(?:[.,]\d+)*")
STOPWORDS = frozenset(lexicon.words("function_words", "stop"))

Vector = dict[str, float]


def words(text: str) -> Counter[str]:
    """Content words of a text (lower case, stop words out)."""
    return _counted(_WORD.findall(text.lower()))


def names(mentions: Iterable[str]) -> Counter[str]:
    """The words of the names a text mentions (its actors' mentions), lower-cased: "Vincent Jackson" and
    "Jackson" share "jackson"."""
    return _counted(_NAME_WORD.findall(" ".join(mentions).lower()))


def _counted(tokens: list[str]) -> Counter[str]:
    """How often each token occurs, stop words out."""
    tf = Counter(tokens)
    for word in STOPWORDS.intersection(tf):
        del tf[word]
    return tf


def numbers(text: str) -> Counter[str]:
    return Counter(_NUMBER.findall(text))


Vectors = tuple[Vector, Vector, Vector]


def vectors(texts: Sequence[str], mentions: Sequence[Iterable[str]]) -> tuple[list[Vectors], list[list[str]]]:
    """For each text its (words, names, numbers) tf-idf vectors, each of unit length, strongest terms first,
    and its index keys: its strongest terms that some other text shares, but not too many (``POSTING_CAP``).
    ``mentions``: for each text, the names it mentions."""
    families = [[words(t) for t in texts], [names(m) for m in mentions], [numbers(t) for t in texts]]
    out: list[list[Vector]] = [[] for _ in texts]
    keys: list[list[str]] = [[] for _ in texts]
    for f, counts in enumerate(families):
        vecs, df = _tfidf(counts)
        for i, vec in enumerate(vecs):
            out[i].append(vec)
            shared = (t for t in vec if 2 <= df[t] <= POSTING_CAP)  # in order of weight
            keys[i].extend(f"{f}:{t}" for _, t in zip(range(INDEX_TERMS), shared, strict=False))
    return [(v[0], v[1], v[2]) for v in out], keys


def _tfidf(counts: list[Counter[str]]) -> tuple[list[Vector], Counter[str]]:
    n = len(counts)
    df: Counter[str] = Counter()
    for tf in counts:
        df.update(tf.keys())
    idf = {t: math.log((n + 1) / c) for t, c in df.items()}
    out: list[Vector] = []
    for i, tf in enumerate(counts):
        weighted = [((1.0 + _LOG[c]) if c < len(_LOG) else 1.0 + math.log(c)) * idf[t] for t, c in tf.items()]
        top = heapq.nlargest(VECTOR_TERMS, zip(weighted, tf.keys(), strict=True))
        norm = math.sqrt(sum(x * x for x, _ in top)) or 1.0
        out.append({t: x / norm for x, t in top})
        counts[i] = Counter()  # drop the counts as soon as the vector is made: memory stays per article
    return out, df


_LOG = [0.0] + [math.log(c) for c in range(1, 64)]


def similarity(a: Vectors, b: Vectors) -> float:
    """The weighted mean of the families' cosines, over the families both texts have terms of (two texts
    that name nobody are compared by their words alone, not penalised for the names they both lack)."""
    total = weight = 0.0
    for w, va, vb in zip(WEIGHTS, a, b, strict=True):
        if not va or not vb:
            continue
        # fsum: exactly rounded, so the same whatever order the shared terms come in (a set's order of
        # strings changes with the hash seed, and a plain sum's last bits with it)
        total += w * math.fsum([va[t] * vb[t] for t in va.keys() & vb.keys()])
        weight += w
    return total / weight if weight else 0.0


def _candidate_pairs(keys: list[list[str]]) -> list[tuple[int, int]]:
    """Pairs (i < j) that share index keys (an inverted index, so no text meets all the others): one key in
    a small collection, two in a large one, where one shared term is often chance."""
    postings: dict[str, list[int]] = defaultdict(list)
    for i, ks in enumerate(keys):
        for k in ks:
            postings[k].append(i)
    need = 1 if len(keys) < LARGE else 2
    pairs: list[tuple[int, int]] = []
    for i, ks in enumerate(keys):
        shared = Counter(j for k in ks for j in postings[k] if j > i)
        pairs.extend((i, j) for j, c in shared.items() if c >= need)
    return pairs


def stories(texts: Sequence[str], mentions: Sequence[Iterable[str]]) -> list[int]:
    """A story number for each text: texts with the same number tell the same story (numbers are the index
    of the story's first text). ``mentions``: for each text, the names of the actors and places it mentions."""
    vecs, keys = vectors(texts, mentions)
    n = len(vecs)
    # cluster -> neighbour cluster -> sum of pair similarities between them
    sums: dict[int, dict[int, float]] = defaultdict(dict)
    size = [1] * n
    heap: list[tuple[float, int, int]] = []
    for i, j in _candidate_pairs(keys):
        s = similarity(vecs[i], vecs[j])
        if s > 0:
            sums[i][j] = sums[j][i] = s
            if s >= STORY_SIMILARITY:
                heap.append((-s, i, j))
    del vecs, keys
    heapq.heapify(heap)
    parent = list(range(n))
    alive = [True] * n
    while heap:
        neg, a, b = heapq.heappop(heap)
        if not (alive[a] and alive[b]):
            continue
        current = sums[a].get(b, 0.0) / (size[a] * size[b])
        if abs(current + neg) > 1e-12:  # stale: the pair's mean changed since it was pushed
            continue
        if size[a] < size[b]:  # fold the smaller group into the larger
            a, b = b, a
        alive[b] = False
        parent[b] = a
        size[a] += size[b]
        for c, s in sums.pop(b).items():
            if c == a:
                continue
            sums[c].pop(b, None)
            merged = sums[a].get(c, 0.0) + s
            sums[a][c] = sums[c][a] = merged
        sums[a].pop(b, None)
        for c, s in sums[a].items():  # every mean involving the grown group changed
            mean = s / (size[a] * size[c])
            if mean >= STORY_SIMILARITY:
                heapq.heappush(heap, (-mean, min(a, c), max(a, c)))
    root = [_find(parent, i) for i in range(n)]
    first: dict[int, int] = {}
    for i, r in enumerate(root):
        first.setdefault(r, i)
    return [first[r] for r in root]


def _find(parent: list[int], i: int) -> int:
    while parent[i] != i:
        parent[i] = parent[parent[i]]
        i = parent[i]
    return i
