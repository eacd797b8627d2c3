"""The ``dateline`` command line.

    dateline [open] PATHS...                          open the app
    dateline export --format json|md|timelinejs PATHS  print the timeline
    dateline brief PATHS...                            print a plain-text briefing

Exit status: 0 on success, 1 when no article could be loaded, 2 on bad usage. Problems with single files are
reported on stderr by name and the rest still loads. Only ``open`` imports Textual.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

COMMANDS = ("open", "export", "brief")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="dateline",
        description="A terminal timeline explorer for news: dated, sourced events, actors and quotes.",
        epilog="Run 'dateline COMMAND --help' for a command's options. Without a command, 'open' is assumed.",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    def common(p: argparse.ArgumentParser) -> None:
        p.add_argument("paths", nargs="+", metavar="PATH", help="article files or folders, or - for stdin")

    p_open = sub.add_parser("open", help="open the timeline explorer (default)")
    common(p_open)
    p_open.add_argument("--no-mouse", action="store_true", help="do not capture the mouse")
    p_open.add_argument("--theme", default=None, help="Textual theme, e.g. ansi-dark or textual-light")

    p_export = sub.add_parser("export", help="print the timeline as JSON, Markdown or TimelineJS")
    common(p_export)
    p_export.add_argument("--format", "-f", choices=("json", "md", "timelinejs"), default="json")

    p_brief = sub.add_parser("brief", help="print a compact plain-text briefing")
    common(p_brief)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    if args_list and args_list[0] not in COMMANDS and args_list[0] not in ("-h", "--help"):
        args_list.insert(0, "open")
    parser = _parser()
    try:
        args = parser.parse_args(args_list)
    except SystemExit as exc:
        return int(exc.code or 0)
    if args.command is None:
        parser.print_help(sys.stderr)
        return 2
    if args.command == "open":
        from tui.app import run_app

        return run_app(args.paths, mouse=not args.no_mouse, theme=args.theme)
    timeline = _build(args.paths)
    if timeline is None:
        return 1
    from core import export

    if args.command == "brief":
        out = export.brief(timeline)
    elif args.format == "md":
        out = export.markdown(timeline)
    elif args.format == "timelinejs":
        out = export.timelinejs(timeline)
    else:
        out = export.to_json(timeline)
    try:
        sys.stdout.write(out)
        if not out.endswith("\n"):
            sys.stdout.write("\n")
        sys.stdout.flush()
    except BrokenPipeError:
        return 0
    return 0


def _build(paths: Sequence[str]):  # -> Timeline | None
    from core import build_timeline, load_paths

    loaded = load_paths(paths)
    report_problems(loaded.problems)
    if not loaded.articles:
        print("dateline: no article could be loaded", file=sys.stderr)
        return None
    return build_timeline(loaded.articles, loaded.problems)


def report_problems(problems) -> None:
    for p in problems:
        verb = "skipped" if p.skipped else "warning"
        print(f"dateline: {verb}: {p.path}: {p.reason}", file=sys.stderr)


if __name__ == "__main__":
    sys.exit(main())
