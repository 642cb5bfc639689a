"""Command-line interface: a thin skin over the library.

Each sub-command parses its arguments and calls one library function of the
same name; an XltoolsError becomes ``Error: …`` and exit status 1.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from xltools import __version__
from xltools import labels as L
from xltools.errors import XltoolsError

Handler = Callable[[argparse.Namespace], int]


def _year(value: str) -> int:
    if not value.isdigit() or not 1900 < int(value) < 2200:
        raise argparse.ArgumentTypeError(L.MSG_BAD_YEAR.format(value=value))
    return int(value)


# ------------------------------------------------------------------ core
def cmd_import(args: argparse.Namespace) -> int:
    from xltools.importer import import_original

    result = import_original(args.src, args.output, units=args.units, year=args.year,
                             force=args.force, simplified=not args.keep_traditional)
    print(result.summary())
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    from xltools.check import check, format_report

    problems = check(args.workbook)
    print(format_report(args.workbook, problems))
    return 1 if problems else 0


def cmd_template(args: argparse.Namespace) -> int:
    from xltools.importer import template

    template(args.output, force=args.force)
    print(L.MSG_TEMPLATE_WRITTEN.format(path=args.output))
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    from xltools.demo import demo

    for line in demo(args.output, force=args.force):
        print(line)
    return 0


def _add_core(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("import", help="original table → normalised workbook",
                       description="Read an original task-division table (text, csv, html, docx, "
                                   "xlsx/xls, …) and write the normalised workbook.")
    p.add_argument("src", help="the original table")
    p.add_argument("-o", "--output", required=True, help="workbook to write (.xlsx)")
    p.add_argument("--units", metavar="WORKBOOK",
                   help="reuse the 单位 sheet (names, aliases, contacts) of this workbook")
    p.add_argument("--year", type=_year, help="plan year, when the table does not say it")
    p.add_argument("--keep-traditional", action="store_true",
                   help="keep Traditional characters instead of converting to Simplified")
    p.add_argument("--force", action="store_true", help="overwrite OUTPUT if it exists")
    p.set_defaults(handler=cmd_import)

    p = sub.add_parser("check", help="list problems in a normalised workbook (exit 1 if any)")
    p.add_argument("workbook")
    p.set_defaults(handler=cmd_check)

    p = sub.add_parser("template", help="write the empty normalised workbook")
    p.add_argument("-o", "--output", required=True)
    p.add_argument("--force", action="store_true")
    p.set_defaults(handler=cmd_template)

    p = sub.add_parser("demo", help="run the whole job on the bundled example")
    p.add_argument("-o", "--output", required=True, help="folder to write into")
    p.add_argument("--force", action="store_true", help="replace files in OUTPUT")
    p.set_defaults(handler=cmd_demo)


# Feature modules register their sub-commands here (name → adder).
COMMAND_ADDERS: list[Callable[[argparse._SubParsersAction], None]] = [_add_core]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="xltools",
        description="任务分工 tables for government offices: import, check, letters, "
                    "progress split/roll-up, export.")
    parser.add_argument("--version", action="version", version=f"xltools {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for adder in COMMAND_ADDERS:
        adder(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    handler: Handler | None = getattr(args, "handler", None)
    if handler is None:
        parser.print_help()
        return 2
    try:
        return handler(args)
    except XltoolsError as exc:
        print(f"{L.ERR_PREFIX}: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())


__all__ = ["main", "build_parser", "Path"]
