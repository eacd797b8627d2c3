"""The ``dateline`` command line.

    dateline [open] PATHS...                               open the app
    dateline export --format json|md|timelinejs|csv PATHS   print the timeline
    dateline brief PATHS...                                 print a plain-text briefing
    dateline serve PATHS...                                 the app in a web browser

``export`` and ``brief`` print what the app would show with the same filter: ``--filter 'actor:"Jo Ames"
since:"Jan 2017"'``, ``--since``, ``--until``, ``--limit``.

Exit status: 0 on success, 1 when no article could be loaded, 2 on bad usage (or no terminal for the app's keys),
3 when the output could not be written, 130 when interrupted. Problems with single files are
reported on stderr by name and the rest still loads. Only ``open`` imports Textual.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import re
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from typing import TextIO

COMMANDS = ("open", "export", "brief", "serve")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="dateline",
        description="A terminal timeline explorer for news: dated, sourced events, actors and quotes.",
        epilog="Run 'dateline COMMAND --help' for a command's options. Without a command, 'open' is assumed.",
    )
    parser.add_argument("--version", action="version", version=f"dateline {_version()}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    def common(p: argparse.ArgumentParser) -> None:
        p.add_argument("paths", nargs="+", metavar="PATH", help="article files or folders, or - for stdin")

    p_open = sub.add_parser("open", help="open the timeline explorer (default)")
    common(p_open)
    p_open.add_argument("--no-mouse", action="store_true", help="do not capture the mouse")
    p_open.add_argument("--theme", default=None, help="Textual theme, e.g. ansi-dark or textual-light")
    processing(p_open)

    p_export = sub.add_parser("export", help="print the timeline as JSON, Markdown, TimelineJS or CSV")
    common(p_export)
    p_export.add_argument("--format", "-f", choices=("json", "md", "timelinejs", "csv"), default="json")
    selection(p_export)
    processing(p_export)

    p_brief = sub.add_parser("brief", help="print a compact plain-text briefing")
    common(p_brief)
    p_brief.add_argument(
        "--top", type=_positive_int, default=10, metavar="N", help="list the N key events first (default 10)"
    )
    selection(p_brief)
    processing(p_brief)

    p_serve = sub.add_parser("serve", help="serve the app to a web browser (textual-serve)")
    common(p_serve)
    p_serve.add_argument(
        "--host", default="127.0.0.1", help="address to bind (default 127.0.0.1: this machine)"
    )
    p_serve.add_argument("--port", type=_port, default=8000, help="port to listen on (default 8000)")
    processing(p_serve)
    return parser


def selection(p: argparse.ArgumentParser) -> None:
    """The app's filter on the command line, for the commands that print the timeline."""
    p.add_argument(
        "--filter",
        default="",
        metavar="FILTER",
        help="""keep what the app's filter keeps, e.g. 'actor:"Jo Ames" status:expected since:"Jan 2017" words'""",
    )
    p.add_argument(
        "--since", metavar="DATE", help="events on or after DATE (2017, 2017-01, 'Jan 2017', 'last week')"
    )
    p.add_argument("--until", metavar="DATE", help="events on or before DATE")
    p.add_argument("--limit", type=_positive_int, metavar="N", help="the first N events only")


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("dateline")
    except PackageNotFoundError:  # run from a source tree that was never installed
        return "unknown"


def _port(value: str) -> int:
    n = _positive_int(value)
    if n > 65535:
        raise argparse.ArgumentTypeError("must be at most 65535")
    return n


def processing(p: argparse.ArgumentParser) -> None:
    """--jobs and --no-cache, for the commands that analyse."""
    p.add_argument(
        "--jobs",
        "-j",
        type=_positive_int,
        default=None,
        metavar="N",
        help="analyse in N processes (default, and at most: the number of CPUs)",
    )
    p.add_argument(
        "--no-cache",
        action="store_true",
        help="neither read nor write the analysis cache ($DATELINE_CACHE_DIR or the user cache folder)",
    )


def _app_options(run_app: Callable[..., int], args: argparse.Namespace) -> dict[str, object]:
    """``jobs``/``cache`` for the app, passed only if its ``run_app`` takes them."""
    import inspect

    params = inspect.signature(run_app).parameters
    options = {"jobs": args.jobs, "cache": not args.no_cache}
    return {k: v for k, v in options.items() if k in params}


def _positive_int(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {value!r}") from None
    if n < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return n


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    if args_list and args_list[0] not in COMMANDS and args_list[0] not in ("-h", "--help", "--version"):
        args_list.insert(0, "open")
    parser = _parser()
    try:
        args = parser.parse_args(args_list)
    except SystemExit as exc:
        return int(exc.code or 0)
    if args.command is None:
        parser.print_help(sys.stderr)
        return 2
    if args.jobs is None:  # (looked up only now: building the parser stays free of dateline.core)
        from dateline.core.workers import usable_cpus

        args.jobs = usable_cpus()
    if args.command == "open":
        from dateline.tui.terminal import keys_from_terminal

        if problem := keys_from_terminal(args.paths):  # piped data must never become key presses
            print(f"dateline: {problem}", file=sys.stderr)
            return 2
        from dateline.tui.app import run_app

        return run_app(args.paths, mouse=not args.no_mouse, theme=args.theme, **_app_options(run_app, args))
    if args.command == "serve":
        from dateline.tui.serve import serve

        return serve(args.paths, host=args.host, port=args.port, jobs=args.jobs, cache=not args.no_cache)
    if sys.stdout is None:  # started with stdout closed (>&-): nowhere to print, so nothing to analyse
        print("dateline: stdout is closed: nowhere to print the timeline", file=sys.stderr)
        return EXIT_OUTPUT
    try:
        timeline = _build(args.paths, jobs=args.jobs, cache=not args.no_cache)
    except KeyboardInterrupt:
        print("\ndateline: interrupted", file=sys.stderr)
        return 130
    if timeline is None:
        return 1
    from dateline.core import export

    timeline = select(timeline, args)
    if timeline is None:
        return 2
    if args.command == "brief":
        pieces = iter([export.brief(timeline, top=args.top)])
    else:  # JSON is written as it is made: a corpus's JSON is never whole in memory
        pieces = export.render(timeline, args.format)
    return write_output(pieces)


EXIT_OUTPUT = 3  # the output could not be written (stdout closed, full, or failing)
INCOMPLETE = "[dateline: output interrupted here: incomplete]"


def write_output(pieces: Iterable[str]) -> int:
    """Write ``pieces`` to stdout; the exit status. A reader that stops reading (``| head``) is no error.
    A full or failing stdout is one clear line on stderr (status 3); Ctrl-C while writing marks the end of
    what was written as incomplete (status 130). Either way stdout is pointed at /dev/null afterwards, so the
    interpreter's own last flush cannot fail again with a traceback."""
    out = sys.stdout
    try:
        last = ""
        for last in pieces:
            out.write(last)
        if not last.endswith("\n"):
            out.write("\n")
        out.flush()
    except BrokenPipeError:
        _drop_stdout()
        return 0
    except OSError as exc:
        _drop_stdout()
        why = exc.strerror or type(exc).__name__
        print(f"dateline: cannot write the output ({why}): what was written is incomplete", file=sys.stderr)
        return EXIT_OUTPUT
    except KeyboardInterrupt:
        with contextlib.suppress(OSError, ValueError):
            out.write(f"\n{INCOMPLETE}\n")
            out.flush()
        _drop_stdout()
        print(
            "\ndateline: interrupted while writing: the output is incomplete (marked at its end)",
            file=sys.stderr,
        )
        return 130
    return 0


def _drop_stdout() -> None:
    with contextlib.suppress(OSError, ValueError, AttributeError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)


def select(timeline, args: argparse.Namespace):  # -> Timeline | None
    """What ``--filter``/``--since``/``--until``/``--limit`` keep of ``timeline``; None (said on stderr) for
    a filter that cannot be understood."""
    import shlex

    from dateline.tui.filtering import FilterError, filtered, newest, parse_filter

    text = args.filter
    for key in ("since", "until"):
        value = getattr(args, key)
        if value:
            text += f" {key}:{shlex.quote(value)}"
    try:
        flt = parse_filter(text, timeline.actors, today=newest(timeline))
    except FilterError as exc:
        print(f"dateline: bad filter: {exc}", file=sys.stderr)
        return None
    return filtered(timeline, flt, limit=args.limit)


def _build(paths: Sequence[str], *, jobs: int = 1, cache: bool = True):  # -> Timeline | None
    from dateline.core.cache import AnalysisCache
    from dateline.core.stream import timeline_for_paths

    store = AnalysisCache() if cache else None
    if store is not None and store.problem:
        print(f"dateline: warning: {store.problem}", file=sys.stderr)
    bar = ProgressBar(sys.stderr) if sys.stderr.isatty() else None
    reported: list = []

    def loaded(result) -> None:  # report what could not be loaded before the long part starts
        report_problems(result.problems)
        reported.extend(result.problems)

    try:
        timeline = timeline_for_paths(
            paths, jobs=jobs, cache=store, progress=bar.update if bar else None, loaded=loaded
        )
    finally:
        if bar:
            bar.finish()
        if store is not None:
            store.close()
    report_problems(timeline.problems[len(reported) :])  # from the cache, or failures found while analysing
    if store is not None and store.problem:
        print(f"dateline: warning: {store.problem}", file=sys.stderr)
    if not timeline.articles:
        print("dateline: no article could be loaded", file=sys.stderr)
        return None
    return timeline


class ProgressBar:
    """A one-line progress bar on a terminal stream, redrawn at most ten times a second."""

    def __init__(self, stream: TextIO, width: int = 30) -> None:
        self.stream = stream
        self.width = width
        self.start = time.monotonic()
        self.last = 0.0
        self.shown = False

    def update(self, done: int, total: int) -> None:
        now = time.monotonic()
        if done < total and now - self.last < 0.1:
            return
        self.last = now
        filled = self.width * done // max(total, 1)
        elapsed = now - self.start
        rate = done / elapsed if elapsed > 0 else 0.0
        eta = f" {int((total - done) / rate)}s left" if rate and done < total and elapsed > 1 else ""
        tail = "; linking across articles…" if done == total else ""
        bar = "█" * filled + "·" * (self.width - filled)
        self.stream.write(f"\r\x1b[2K{bar} {done}/{total} articles {rate:,.0f}/s{eta}{tail}")
        self.stream.flush()
        self.shown = True

    def finish(self) -> None:
        if self.shown:
            self.stream.write("\r\x1b[2K")
            self.stream.flush()


def _safe(text: str) -> str:
    """A path or reason with control, bidirectional and zero-width characters shown as escapes, never sent
    to the terminal raw (:func:`dateline.core.clean.printable`)."""
    from dateline.core.clean import printable

    return printable(text, escape=True)


RECORDS_SHOWN = 5  # problems named one by one per file and reason; the rest are counted in one line
_RECORD = re.compile(r"(?:\[\d+\]|:\d+)$")  # "feed.json[3]", "wire.jsonl:12": a record of a file


def report_problems(problems) -> None:
    """One line per problem on stderr; records of one file failing for one reason (a JSON list of things that
    are not articles, a JSON Lines file of bad lines) are named up to :data:`RECORDS_SHOWN` times, then counted
    in one line, so a file of ten thousand bad records does not bury the rest."""
    seen: Counter[tuple[str, str, str]] = Counter()
    for p in problems:
        verb = "skipped" if p.skipped else "warning"
        base = _RECORD.sub("", p.path)
        key = (verb, base, p.reason)
        if base != p.path:
            seen[key] += 1
            if seen[key] > RECORDS_SHOWN:
                continue
        print(f"dateline: {verb}: {_safe(p.path)}: {_safe(p.reason)}", file=sys.stderr)
    for (verb, base, reason), n in seen.items():
        if n > RECORDS_SHOWN:
            more = n - RECORDS_SHOWN
            print(
                f"dateline: {verb}: {_safe(base)}: {more} more record{'s' * (more > 1)}: {_safe(reason)}",
                file=sys.stderr,
            )


if __name__ == "__main__":
    sys.exit(main())
