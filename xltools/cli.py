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

    from xltools.readers.layout import Layout, parse_columns

    layout = Layout(args.header_line, parse_columns(args.columns) if args.columns else ())
    result = import_original(args.src, args.output, units=args.units, year=args.year,
                             force=args.force, simplified=not args.keep_traditional, layout=layout)
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
    p.add_argument("--header-line", type=int, metavar="N",
                   help="the header is on line N of the text (row N of a sheet/table)")
    p.add_argument("--columns", metavar="序号,任务,具体要求,责任单位,完成时限",
                   help="the columns in order, named with header words, when the header is "
                        "missing or not recognised")
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


# ---------------------------------------------------------------- export
def cmd_export(args: argparse.Namespace) -> int:
    from xltools.export import export

    path = export(args.workbook, args.output, force=args.force)
    print(L.MSG_EXPORTED_PATH.format(path=path))
    return 0


def _add_export(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("export", help="normalised workbook → the original layout (.xlsx or .docx)",
                       description="Write the agreed table again in the original layout: "
                                   "目标 | 序号 | 任务 | 有关要求 | 责任单位 (+ 完成时限).")
    p.add_argument("workbook", help="the normalised workbook (.xlsx)")
    p.add_argument("-o", "--output", required=True, help="file to write (.xlsx or .docx)")
    p.add_argument("--force", action="store_true", help="overwrite OUTPUT if it exists")
    p.set_defaults(handler=cmd_export)


COMMAND_ADDERS.append(_add_export)


# -------------------------------------------------------------- progress
def cmd_split(args: argparse.Namespace) -> int:
    from xltools.progress import split

    result = split(args.workbook, args.output, round_label=args.round, deadline=args.deadline,
                   force=args.force)
    print(result.summary())
    return 0


def cmd_rollup(args: argparse.Namespace) -> int:
    from xltools.rollup import rollup

    result = rollup(args.workbook, args.folder, args.output, round_label=args.round,
                    as_of=args.as_of, force=args.force)
    print(result.summary())
    return 0


def _add_progress(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("split", help="write one progress file per unit (进度反馈表-<单位>.xlsx)",
                       description="Write one protected progress file per unit named on 任务分工. "
                                   "If WORKBOOK holds a previous roll-up (sheet 进度), its answers "
                                   "are pre-filled.")
    p.add_argument("workbook", help="the normalised workbook (or the last roll-up)")
    p.add_argument("-o", "--output", required=True, help="folder to write the files into")
    p.add_argument("--round", help="round label, e.g. 2019年第二季度 (default: the month)")
    p.add_argument("--deadline", help="return deadline YYYY-MM-DD (default: 说明 → 反馈截止日期)")
    p.add_argument("--force", action="store_true", help="replace existing files")
    p.set_defaults(handler=cmd_split)

    p = sub.add_parser("rollup", help="roll the returned progress files up into a summary workbook",
                       description="Read every returned file in FOLDER (.xlsx .xlsm .xls .et) and "
                                   "write OUTPUT: a copy of WORKBOOK with sheets 汇总/进度/问题/历史.")
    p.add_argument("workbook", help="the normalised workbook (master, .xlsx)")
    p.add_argument("folder", help="folder with the returned files")
    p.add_argument("-o", "--output", required=True, help="workbook to write (.xlsx)")
    p.add_argument("--round", help="round label (default: the round written in the files)")
    p.add_argument("--as-of", dest="as_of", help="report date YYYY-MM-DD (default: today)")
    p.add_argument("--force", action="store_true", help="overwrite OUTPUT if it exists")
    p.set_defaults(handler=cmd_rollup)


COMMAND_ADDERS.append(_add_progress)


# --------------------------------------------------------------- letters
def cmd_letters(args: argparse.Namespace) -> int:
    import datetime as dt

    from xltools.letters import letters

    date = dt.date.fromisoformat(args.date) if args.date else None
    result = letters(args.workbook, args.output, template=args.template, units=args.unit,
                     combined=args.combined, pdf=args.pdf, force=args.force, date=date)
    print(result.summary())
    return 0


def _iso_date(value: str) -> str:
    import datetime as dt

    try:
        dt.date.fromisoformat(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"{value!r}: expected YYYY-MM-DD") from exc
    return value


def _add_letters(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("letters", help="one Word task letter (交办通知) per unit",
                       description="Write <单位>.docx for every unit named on 任务分工, from a "
                                   "docxtpl template (default templates/letter.docx; see "
                                   "docs/letters.md).")
    p.add_argument("workbook", help="the normalised workbook (.xlsx)")
    p.add_argument("-o", "--output", required=True, help="folder to write the letters into")
    p.add_argument("--template", metavar="T.docx", help="your own letter template")
    p.add_argument("--unit", nargs="+", metavar="NAME", help="only these units (names or aliases)")
    p.add_argument("--combined", action="store_true",
                   help="also write one document with every letter, for printing")
    p.add_argument("--pdf", action="store_true", help="also convert to PDF with LibreOffice")
    p.add_argument("--date", type=_iso_date, help="date of the letters YYYY-MM-DD (default today)")
    p.add_argument("--force", action="store_true", help="replace existing files")
    p.set_defaults(handler=cmd_letters)


COMMAND_ADDERS.append(_add_letters)


# ------------------------------------------------------------------ excel
def cmd_excel(args: argparse.Namespace) -> int:
    from xltools.excel import build, install

    if args.excel_command == "build":
        if args.workbook:
            out = build.build_control_workbook(args.output or "xltools-control.xlsm", force=args.force)
        else:
            out = build.build_addin(args.output or "xltools.xlam", force=args.force)
        print(out)
        return 0
    if args.excel_command == "install":
        lines = install.install(args.addin, copy_addin=not args.config_only)
    elif args.excel_command == "uninstall":
        lines = install.uninstall()
    else:
        lines = install.doctor()
    print("\n".join(lines))
    return 1 if any(line.startswith("[!!]") for line in lines) else 0


def _add_excel(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("excel", help="the Excel add-in: build | install | uninstall | doctor",
                       description="Build the ribbon add-in (or the control workbook) without Excel, "
                                   "and install it for the current user on Windows/macOS.")
    esub = p.add_subparsers(dest="excel_command", metavar="ACTION", required=True)
    b = esub.add_parser("build", help="build xltools.xlam (or --workbook: a control .xlsm)")
    b.add_argument("-o", "--output", help="file to write (default xltools.xlam / xltools-control.xlsm)")
    b.add_argument("--workbook", action="store_true",
                   help="make a standalone .xlsm with Form buttons instead of the add-in")
    b.add_argument("--force", action="store_true", help="overwrite OUTPUT")
    i = esub.add_parser("install", help="copy the add-in into Excel's start-up folder, write config")
    i.add_argument("addin", nargs="?", default="xltools.xlam", help="the built add-in")
    i.add_argument("--config-only", action="store_true",
                   help="only write the interpreter config (for the control workbook)")
    esub.add_parser("uninstall", help="remove the add-in from the start-up folder")
    esub.add_parser("doctor", help="show versions and what is installed (exit 1 on a problem)")
    p.set_defaults(handler=cmd_excel)


COMMAND_ADDERS.append(_add_excel)


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
