"""Headlines over the development corpora: none is a clock time or a page label, none is cut inside a word,
and a quote is a headline only with its speaker.

Reads the shared development data beside the repository (``../shared``, or ``../../shared`` from a worktree)
when it is there and is skipped
otherwise; no data from it is kept in the repository. A sample of each corpus keeps it quick.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from dateline.core import build_timeline, load_paths
from dateline.core.model import Event

_ROOT = Path(__file__).resolve().parents[1]
# beside the repository (a clone, as CI has it) or beside the folder of worktrees
SHARED = next(
    (p / "shared" for p in (_ROOT.parent, _ROOT.parent.parent) if (p / "shared").is_dir()), _ROOT / "shared"
)
CORPORA = {  # file, every how many records one is read
    "ecbplus": ("eval/dev/merge/ecbplus/t05.jsonl", 1),
    "t17": ("eval/dev/tls/t17/MJ_bbc.jsonl", 1),
    "reuters": ("corpus/reuters21578/articles.jsonl", 20),
}

_CLOCK = re.compile(
    r"\b\d{1,2}:\d{2}\b|\b\d{1,2}(?:[.:]\d{2})?\s?[ap]\.?\s?m\b\.?|\b(?:GMT|BST|UTC|EDT|EST|PDT|PST|CET|CEST|HKT)\b",
    re.I,
)
_NUMBERISH = re.compile(r"^[\d/.,:–-]+(?:st|nd|rd|th)?$", re.I)
_PAGE_LABEL = re.compile(r"^(?:page\s+)?(?:last\s+)?(?:updated|posted|published|modified)\b", re.I)
_MONTHS_DAYS = set(
    "jan feb mar apr may jun jul aug sep sept oct nov dec january february march april june july august "
    "september october november december mon tue wed thu fri sat sun monday tuesday wednesday thursday friday "
    "saturday sunday am pm".split()
)


def _sample(name: str, folder: Path) -> Path:
    """Every n-th record of a corpus, written to a JSON Lines file in ``folder`` (a temporary folder)."""
    path, every = CORPORA[name]
    out = folder / f"{name}.jsonl"
    with (SHARED / path).open(encoding="utf-8") as f, out.open("w", encoding="utf-8") as w:
        for i, line in enumerate(f):
            if i % every == 0:
                w.write(line)
    return out


def problem(e: Event) -> str | None:
    """What is wrong with an event's headline, or None."""
    head = e.headline
    words = re.findall(r"[^\W\d_][\w'’-]*", _CLOCK.sub(" ", head))
    prose = [w for w in words if len(w) > 2 and w.lower() not in _MONTHS_DAYS]
    if not prose or all(_NUMBERISH.match(w) for w in head.split()):
        return "a date, not a happening"
    if _CLOCK.search(head) and len(prose) < 3:
        return "a clock time, not a happening"
    if _PAGE_LABEL.match(head):
        return "a page label"
    if head.endswith("…"):
        last = head[:-1].rstrip().rsplit(None, 1)[-1].strip("‘’“”\"'(")
        sources = " ".join(ev.text for ev in e.evidence)
        if last and not re.search(rf"(?<!\w){re.escape(last)}(?!\w)", sources):
            return f"cut inside a word ({last!r})"
    if head[:1] in "\"'“‘":
        return "a quote without its speaker"
    return None


@pytest.mark.parametrize("name", sorted(CORPORA))
def test_no_bad_headline_in_a_development_corpus(name: str, tmp_path: Path) -> None:
    if not (SHARED / CORPORA[name][0]).is_file():
        pytest.skip(f"the shared development data ({SHARED}) is not here")
    loaded = load_paths([str(_sample(name, tmp_path))])
    timeline = build_timeline(loaded.articles)
    bad = [(e.headline, problem(e)) for e in timeline.events if problem(e)]
    assert not bad, f"{len(bad)} of {len(timeline.events)} headlines: {bad[:10]}"
