"""Regular-expression audit: prints how the work of every expression in ``core/`` grows with its input.

    python bench/regex_audit.py [--size N] [--only SUBSTRING] [--all]

Every compiled pattern ``core/`` holds (module globals, also inside tuples, lists and dicts) and every
literal pattern passed to ``re.search``/``re.sub``/... in its source is run over adversarial strings — long
runs of white space, letters, capitals, digits, punctuation, quotes and short repeated words — at ``N`` and
``4 N`` characters: with ``finditer`` over the whole string, or one ``match`` where the run starts for an
expression the code only ever matches at a position it chose. A linear expression takes about 4× as long on
the longer string; a backtracking one (``\\s*X`` tried at every position of a run of spaces) about 16×.

It prints the patterns whose growth passes ``LIMIT`` on some kind of run (the first that shows it; every
pattern with ``--all``) and exits 1 when there is one outside ``BOUNDED`` (expressions only ever run over a
short stretch): a check to run after editing an expression. Times are this thread's CPU time (other processes do not count), and a pattern flagged once is
timed again, best of three, before it is reported. Nothing here is asserted by the tests.
"""

from __future__ import annotations

import argparse
import ast
import importlib
import pkgutil
import re
import sys
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import dateline.core  # noqa: E402

LIMIT = 8.0  # growth from N to 4N: about 4 is linear, 16 quadratic
MIN_SECONDS = 0.002  # runs this short at 4N are below the clock's resolution: not judged
# Expressions that would grow faster than their input if run over a long text, but that the code only ever
# runs over a short stretch of it: (the pattern's first characters, where it is bounded). Printed, not failed.
BOUNDED = {
    r"([\w.'’-]+)[ \t\n]+$": "actors: the 40 characters before a role word",
    r"\s*(?:,|\band\b|/)\s*": "actors: an article's author or source field (at most 1,000 characters)",
    r",?\s+(?:formerly(?: known as)?": "actors: matched at a name's end, within 40 characters",
    r"\b(?:the|a|an|its|their)\s+((?:[\w-]+\s+){0,4}?": "events: the 200 characters before a clause",
    r"([A-Za-z]+\.?)\s+$": "timexes: documents what _prev_word reads from the end; never run",
    r"\s*(?:[|•·]|\s/\s|\s[–—]\s)\s*": "chrome: splits a line of under 400 characters (chrome.find)",
    r"(?:(\d{1,2})(?:st|nd|rd|th)?\.?\s+([^\W\d_]+)": "chrome: date_in reads timestamp lines (under 400) and ISO dates",
    r"\(?\s*(?:additional\s+)?(?:reporting": "chrome: fullmatched on a chrome line of under 400 characters",
    r"\s+in\s+[A-Z][\w .'-]*$": "chrome: author_name's name (a byline under 100 or a credit's 150 characters)",
    r"[A-Za-z]*[a-z][A-Za-z]*": "lead: is_stamp reads paragraphs of at most STAMP_CHARS (100) characters",
    r"((?:as\s+)?[A-Za-z]+)[^A-Za-z]*$": "published: the 30 characters before a date",
    r"\s+([A-Za-z]+)": "timexes: _next_word's, over 30 characters",
}
# Runs of one character class, and of short units repeated (a unit that a ``(?:...)+`` could match in
# several ways is where nested repetition backtracks).
UNITS = (
    " ",
    "\n",
    "\t",
    " \n",
    "a",
    "A",
    "Aa",
    "1",
    ".",
    ",",
    "-",
    "'",
    '"',
    "“",
    "a ",
    "A ",
    "Aa ",
    "1 ",
    "1,",
    "1-",
    "9/",
    ". ",
    "A. ",
    "a.",
    ", ",
    "; ",
    "# ",
    "said, ",
    "the ",
    "and ",
    "Mr. ",
    "March ",
    "2017 ",
    "March 2, 2017, ",
    "on Tuesday ",
    "\u200b",
)


Mode = str  # "search": finditer over the whole text; "match": one match where the run starts


def core_patterns() -> Iterator[tuple[str, re.Pattern[str], Mode]]:
    """(where, pattern, how it is used) for every expression ``core/`` compiles or passes literally to ``re``.

    An expression the source only ever calls ``.match``/``.fullmatch`` on (at a position the code chose) is
    audited with one match where the run starts; any other (``search``, ``finditer``, ``sub``, ... or a use
    the audit cannot see) with ``finditer`` over the whole text, where it is tried at every position."""
    seen: set[tuple[str, int]] = set()
    for info in pkgutil.walk_packages(dateline.core.__path__, "dateline.core."):
        module = importlib.import_module(info.name)
        source = Path(module.__file__ or "").read_text(encoding="utf-8")
        tree = ast.parse(source)
        methods = _methods_called(tree)
        for name, value in vars(module).items():
            for i, p in enumerate(_patterns_in(value)):
                if (p.pattern, p.flags) not in seen:
                    seen.add((p.pattern, p.flags))
                    used = methods.get(name, set())
                    if isinstance(value, dict | list | tuple):  # e.g. timexes' rules: matched at anchors
                        used = {"match"}
                    mode = "match" if used and used <= {"match", "fullmatch"} else "search"
                    yield f"{info.name.removeprefix('dateline.core.')}.{name}{f'[{i}]' if i else ''}", p, mode
        for node in ast.walk(tree):
            literal = _literal_call(node)
            if literal is not None:
                pattern, flags, func = literal
                if func == "compile" and any(pattern == seen_pattern for seen_pattern, _ in seen):
                    continue  # a module-level expression, already audited with its flags
                try:
                    p = re.compile(pattern, flags)
                except re.error:
                    continue
                if (p.pattern, p.flags) not in seen:
                    seen.add((p.pattern, p.flags))
                    mode = "match" if func in ("match", "fullmatch") else "search"
                    where = f"{info.name.removeprefix('dateline.core.')}:{node.lineno}"  # type: ignore[attr-defined]
                    yield where, p, mode


def _methods_called(tree: ast.AST) -> dict[str, set[str]]:
    """For each module-level name, the methods called on it (``_X.match(...)`` → {"_X": {"match"}}); a name
    also used otherwise (passed along, stored) counts as "other"."""
    out: dict[str, set[str]] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
            out.setdefault(node.value.id, set()).add(node.attr)
    return out


def _patterns_in(value: object, depth: int = 0) -> Iterator[re.Pattern[str]]:
    if isinstance(value, re.Pattern) and isinstance(value.pattern, str):
        yield value
    elif isinstance(getattr(value, "pattern", None), re.Pattern):  # a rule object holding its expression
        yield from _patterns_in(value.pattern, depth)  # type: ignore[attr-defined]
    elif depth < 2 and isinstance(value, tuple | list | frozenset | set):
        for v in value:
            yield from _patterns_in(v, depth + 1)
    elif depth < 2 and isinstance(value, dict):
        for v in value.values():
            yield from _patterns_in(v, depth + 1)


_RE_FUNCS = {"search", "match", "fullmatch", "sub", "subn", "findall", "finditer", "split", "compile"}


def _literal_call(node: ast.AST) -> tuple[str, int, str] | None:
    """``re.search(r"...", ...)`` and friends with a literal pattern: the pattern, its literal flags and the
    function called."""
    if not (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and isinstance(node.func.value, ast.Name)
        and node.func.value.id == "re"
        and node.func.attr in _RE_FUNCS
        and node.args
        and isinstance(node.args[0], ast.Constant)
        and isinstance(node.args[0].value, str)
    ):
        return None
    flags = 0
    for kw in node.keywords:
        if kw.arg == "flags" and isinstance(kw.value, ast.Attribute) and hasattr(re, kw.value.attr):
            flags |= getattr(re, kw.value.attr)
    return node.args[0].value, flags, node.func.attr


def run_time(p: re.Pattern[str], text: str, mode: Mode, at: int, repeat: int = 1) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.thread_time()  # CPU time of this thread: other processes on the machine do not count
        if mode == "match":
            p.match(text, at)
        else:
            for _m in p.finditer(text):
                pass
        best = min(best, time.thread_time() - start)
    return best


def growth(
    p: re.Pattern[str], mode: Mode, unit: str, size: int, repeat: int = 1
) -> tuple[float, float, float]:
    """(seconds at size, seconds at 4 × size, ratio) of ``finditer`` over a run of ``unit``, framed by a
    short sentence on each side (an expression may need a word or a date before the run to start)."""
    texts = []
    head = "On March 2, 2017 the minister said "
    for n in (size, 4 * size):
        run = unit * (n // len(unit))
        texts.append(f"{head}{run} and officials said. {run}")
    small = run_time(p, texts[0], mode, len(head), repeat)
    big = run_time(p, texts[1], mode, len(head), repeat)
    return small, big, big / max(small, 1e-9)


def ramp(p: re.Pattern[str], mode: Mode, unit: str, size: int) -> tuple[float, float, float, int]:
    """``growth`` at ``size``, reached in steps of 4 from ``size / 64``: an expression that already grows
    16× a step on short runs is reported there (a cubic one would take hours at ``size``). Also the size
    it stopped at. Costs about a third more than timing ``size`` alone."""
    n = max(size // 64, 16)
    while True:
        small, big, ratio = growth(p, mode, unit, n)
        if n >= size or (big >= MIN_SECONDS and ratio > 2 * LIMIT):
            return small, big, ratio, n
        n *= 4


def audit(size: int, only: str | None, show_all: bool, verbose: bool = False) -> int:
    flagged = 0
    patterns = [(w, p, m) for w, p, m in core_patterns() if not only or only in w]
    print(f"{len(patterns)} expressions, {len(UNITS)} kinds of run, {size} and {4 * size} characters")
    for where, p, mode in patterns:
        if verbose:
            print(f"... {where}", file=sys.stderr, flush=True)
        bounded = next((why for head, why in BOUNDED.items() if p.pattern.startswith(head)), None)
        worst = (0.0, 0.0, 0.0, "")
        for unit in UNITS:
            small, big, ratio, n = ramp(p, mode, unit, size)
            if big >= MIN_SECONDS and ratio > LIMIT and not bounded:
                # a noisy machine: a closer look, the best of three (not on longer runs: a quadratic
                # expression would take 16× as long again, three times)
                small, big, ratio = growth(p, mode, unit, n, repeat=3)
            if big >= MIN_SECONDS and ratio > worst[2]:
                worst = (small, big, ratio, unit)
            if worst[2] > LIMIT:  # one run that shows it is enough: the other kinds would take longest
                break
        bad = worst[2] > LIMIT and bounded is None
        flagged += bad
        if bad or show_all or (bounded and worst[2] > LIMIT):
            small, big, ratio, unit = worst
            mark = "SUPER-LINEAR" if bad else "bounded" if worst[2] > LIMIT else "ok"
            print(
                f"{mark:12} {ratio:6.1f}x  {small * 1e3:8.2f} ms -> {big * 1e3:8.2f} ms"
                f"  run of {unit!r:18} {mode:6} {where}" + (f"  ({bounded})" if bounded else "")
            )
            if bad:
                print(f"{'':12} {p.pattern[:160]!r}")
    print(f"{flagged} super-linear")
    return 1 if flagged else 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--size", type=int, default=4000, help="characters of the shorter run (default 4000)")
    ap.add_argument("--only", help="audit only expressions whose name contains this")
    ap.add_argument("--all", action="store_true", help="print every expression, not only the flagged ones")
    ap.add_argument(
        "--verbose", "-v", action="store_true", help="name each expression on stderr as it starts"
    )
    args = ap.parse_args()
    return audit(args.size, args.only, args.all, args.verbose)


if __name__ == "__main__":
    sys.exit(main())
