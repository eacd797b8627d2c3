"""The vocabulary the steps read, held once as data: ``core/vocab/<name>.toml``, one file per subject (time
words, titles and organisation heads, reporting verbs, ...). Steps build their expressions from these lists
instead of keeping word lists of their own, so a word added here reaches every rule that uses it.

A file is a TOML document of tables and lists of words; :func:`table` reads one file (once per process),
:func:`words` one list of it, :func:`alternation` turns words into a regular-expression alternation.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Any

VOCAB = Path(__file__).resolve().parent / "vocab"


@cache
def table(name: str) -> dict[str, Any]:
    """The whole of ``vocab/<name>.toml``."""
    with (VOCAB / f"{name}.toml").open("rb") as f:
        return tomllib.load(f)


def words(name: str, key: str) -> tuple[str, ...]:
    """One list of ``vocab/<name>.toml``; ``key`` may be dotted (``"months.full"``)."""
    value: Any = table(name)
    for part in key.split("."):
        value = value[part]
    return tuple(value)


_VOWELS = frozenset("aeiou")


def inflect(base: str) -> tuple[str, str, str]:
    """The -s, -ed and -ing forms of a regular English verb: note → (notes, noted, noting), deny → (denies,
    denied, denying), push → (pushes, pushed, pushing). Irregular verbs and verbs that double their last
    consonant (admit → admitted) are listed as data instead (see :func:`verb_forms`)."""
    if base.endswith(("s", "sh", "ch", "x", "z", "o")):
        third = base + "es"
    elif base.endswith("y") and base[-2:-1] not in _VOWELS:
        third = base[:-1] + "ies"
    else:
        third = base + "s"
    if base.endswith("e"):
        past = base + "d"
    elif base.endswith("y") and base[-2:-1] not in _VOWELS:
        past = base[:-1] + "ied"
    else:
        past = base + "ed"
    if base.endswith("ie"):
        ing = base[:-2] + "ying"
    elif base.endswith("e") and not base.endswith(("ee", "ye", "oe")):
        ing = base[:-1] + "ing"
    else:
        ing = base + "ing"
    return third, past, ing


def verb_forms(name: str, key: str, irregular: str = "irregular", *, base: bool = True) -> frozenset[str]:
    """Every form of the verbs listed by base form under ``key`` of ``vocab/<name>.toml``: the base form
    (unless ``base`` is false), its regular inflections, or the forms the table ``irregular`` of the same
    file gives for it."""
    table_ = table(name).get(irregular, {})
    out: set[str] = set()
    for verb in words(name, key):
        if base:
            out.add(verb)
        out.update(table_.get(verb) or inflect(verb))
    return frozenset(out)


def alternation(items: Iterable[str], *, spaces: bool = True) -> str:
    """A non-capturing alternation of ``items``, longest first (so "fiscal year" wins over "year"), each
    escaped; with ``spaces`` a space in an item matches any run of whitespace (text is often hard-wrapped)."""
    parts = []
    for item in sorted(set(items), key=lambda w: (-len(w), w)):
        escaped = re.escape(item)
        parts.append(escaped.replace(r"\ ", r"\s+") if spaces else escaped)
    return "(?:" + "|".join(parts) + ")"
