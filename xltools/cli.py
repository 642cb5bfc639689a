"""Command-line interface: a thin skin over the library.

Each sub-command parses its arguments and calls one library function of the
same name; an XltoolsError becomes ``Error: …`` and exit status 1. Help and
argparse's own errors are in Chinese (``Error: …``, exit status 2); commands are
listed in workflow order (WORKFLOW).
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import NoReturn

from xltools import __version__
from xltools import labels as L
from xltools.errors import OutputError, XltoolsError

Handler = Callable[[argparse.Namespace], int]

# The order users work in; commands not named here follow in registration order.
WORKFLOW = ("import", "check", "letters", "split", "rollup", "export", "report", "remind",
            "template", "demo", "excel", "wps")


def translate_argparse(message: str) -> str:
    """argparse's English error message in Chinese (unknown messages kept)."""
    for pattern, chinese in L.ARGPARSE_MESSAGES:
        m = re.fullmatch(pattern, message, re.S)
        if m:
            groups = [g.replace(", ", L.ALIAS_SEPARATOR) if i == 0 else g
                      for i, g in enumerate(m.groups())]
            return chinese.format(*groups)
    return message


class ChineseHelpFormatter(argparse.HelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):  # type: ignore[no-untyped-def]
        super().add_usage(usage, actions, groups, L.CLI_USAGE_PREFIX if prefix is None else prefix)


class ChineseParser(argparse.ArgumentParser):
    """An ArgumentParser with Chinese help and ``Error: …`` messages in Chinese."""

    def __init__(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        kwargs.setdefault("formatter_class", ChineseHelpFormatter)
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)
        self._positionals.title = L.CLI_POSITIONALS
        self._optionals.title = L.CLI_OPTIONALS
        self.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS,
                          help=L.CLI_HELP_HELP)

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, f"{L.ERR_PREFIX}: {translate_argparse(message)}"
                     f"{L.ARGPARSE_SEE_HELP.format(prog=self.prog)}\n")


def check_suffix(path: str | Path, *suffixes: str) -> None:
    """Refuse an output whose extension does not match what is written (import -o x.docx)."""
    if Path(path).suffix.lower() not in suffixes:
        raise OutputError(L.MSG_OUTPUT_SUFFIX.format(path=path, expected=L.ALIAS_SEPARATOR.join(
            suffixes)), path=str(path))


def _year(value: str) -> int:
    if not value.isdigit() or not 1900 < int(value) < 2200:
        raise argparse.ArgumentTypeError(L.MSG_BAD_YEAR.format(value=value))
    return int(value)


# ------------------------------------------------------------------ core
def cmd_import(args: argparse.Namespace) -> int:
    from xltools.importing.importer import import_original

    from xltools.importing.readers.layout import Layout, parse_columns

    check_suffix(args.output, ".xlsx")
    layout = Layout(args.header_line, parse_columns(args.columns) if args.columns else ())
    result = import_original(args.src, args.output, units=args.units, year=args.year,
                             force=args.force, simplified=not args.keep_traditional, layout=layout)
    print(result.summary())
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    from xltools.workbook.check import check, format_report

    problems = check(args.workbook)
    print(format_report(args.workbook, problems))
    return 1 if problems else 0


def cmd_template(args: argparse.Namespace) -> int:
    from xltools.workbook.template import template

    check_suffix(args.output, ".xlsx")
    template(args.output, force=args.force)
    print(L.MSG_TEMPLATE_WRITTEN.format(path=args.output))
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    from xltools.demo import demo

    for line in demo(args.output, force=args.force):
        print(line)
    return 0


def _add_core(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("import", help=L.HELP_IMPORT, description=L.DESC_IMPORT)
    p.add_argument("src", help=L.HELP_IMPORT_SRC)
    p.add_argument("-o", "--output", required=True, help=L.HELP_IMPORT_OUTPUT)
    p.add_argument("--units", metavar="WORKBOOK", help=L.HELP_IMPORT_UNITS)
    p.add_argument("--year", type=_year, help=L.HELP_IMPORT_YEAR)
    p.add_argument("--keep-traditional", action="store_true", help=L.HELP_IMPORT_TRADITIONAL)
    p.add_argument("--header-line", type=int, metavar="N", help=L.HELP_IMPORT_HEADER_LINE)
    p.add_argument("--columns", metavar=L.HELP_IMPORT_COLUMNS_METAVAR,
                   help=L.HELP_IMPORT_COLUMNS)
    p.add_argument("--force", action="store_true", help=L.CLI_HELP_FORCE)
    p.set_defaults(handler=cmd_import)

    p = sub.add_parser("check", help=L.HELP_CHECK, description=L.HELP_CHECK)
    p.add_argument("workbook", help=L.CLI_HELP_WORKBOOK)
    p.set_defaults(handler=cmd_check)

    p = sub.add_parser("template", help=L.HELP_TEMPLATE, description=L.HELP_TEMPLATE)
    p.add_argument("-o", "--output", required=True, help=L.HELP_TEMPLATE_OUTPUT)
    p.add_argument("--force", action="store_true", help=L.CLI_HELP_FORCE)
    p.set_defaults(handler=cmd_template)

    p = sub.add_parser("demo", help=L.HELP_DEMO, description=L.HELP_DEMO)
    p.add_argument("-o", "--output", required=True, help=L.HELP_DEMO_OUTPUT)
    p.add_argument("--force", action="store_true", help=L.CLI_HELP_FORCE_FILES)
    p.set_defaults(handler=cmd_demo)


# Feature modules register their sub-commands here (name → adder).
COMMAND_ADDERS: list[Callable[[argparse._SubParsersAction], None]] = [_add_core]


# ---------------------------------------------------------------- export
def cmd_export(args: argparse.Namespace) -> int:
    from xltools.documents.export import export

    check_suffix(args.output, ".xlsx", ".docx")
    path = export(args.workbook, args.output, force=args.force, deadline=args.deadline)
    print(L.MSG_EXPORTED_PATH.format(path=path))
    return 0


def _add_export(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("export", help=L.HELP_EXPORT, description=L.DESC_EXPORT)
    p.add_argument("workbook", help=L.CLI_HELP_WORKBOOK)
    p.add_argument("-o", "--output", required=True, help=L.HELP_EXPORT_OUTPUT)
    group = p.add_mutually_exclusive_group()
    group.add_argument("--deadline", dest="deadline", action="store_true", default=None,
                       help=L.HELP_EXPORT_DEADLINE)
    group.add_argument("--no-deadline", dest="deadline", action="store_false",
                       help=L.HELP_EXPORT_NO_DEADLINE)
    p.add_argument("--force", action="store_true", help=L.CLI_HELP_FORCE)
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
    from xltools.progress.rollup import rollup

    check_suffix(args.output, ".xlsx")
    result = rollup(args.workbook, args.folder, args.output, round_label=args.round,
                    as_of=args.as_of, force=args.force, summary_only=args.summary_only)
    print(result.summary())
    return 0


def _add_progress(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("split", help=L.HELP_SPLIT, description=L.DESC_SPLIT)
    p.add_argument("workbook", help=L.HELP_SPLIT_WORKBOOK)
    p.add_argument("-o", "--output", required=True, help=L.HELP_SPLIT_OUTPUT)
    p.add_argument("--round", help=L.HELP_SPLIT_ROUND)
    p.add_argument("--deadline", help=L.HELP_SPLIT_DEADLINE)
    p.add_argument("--force", action="store_true", help=L.CLI_HELP_FORCE_FILES)
    p.set_defaults(handler=cmd_split)

    p = sub.add_parser("rollup", help=L.HELP_ROLLUP, description=L.DESC_ROLLUP)
    p.add_argument("workbook", help=L.HELP_ROLLUP_WORKBOOK)
    p.add_argument("folder", help=L.HELP_ROLLUP_FOLDER)
    p.add_argument("-o", "--output", required=True, help=L.HELP_ROLLUP_OUTPUT)
    p.add_argument("--round", help=L.HELP_ROLLUP_ROUND)
    p.add_argument("--as-of", dest="as_of", help=L.HELP_ROLLUP_AS_OF)
    p.add_argument("--summary-only", dest="summary_only", action="store_true",
                   help=L.HELP_ROLLUP_SUMMARY_ONLY)
    p.add_argument("--force", action="store_true", help=L.CLI_HELP_FORCE)
    p.set_defaults(handler=cmd_rollup)


COMMAND_ADDERS.append(_add_progress)


# ------------------------------------------------------- 通报 and 催办
def cmd_report(args: argparse.Namespace) -> int:
    from xltools.progress.report import report

    check_suffix(args.output, ".docx")
    date = dt.date.fromisoformat(args.date) if args.date else None
    result = report(args.rollup, args.output, template=args.template, date=date,
                    doc_number=args.number or "", force=args.force, leaders=args.leaders)
    print(result.summary())
    return 0


def cmd_remind(args: argparse.Namespace) -> int:
    from xltools.progress.remind import remind

    date = dt.date.fromisoformat(args.date) if args.date else None
    result = remind(args.rollup, args.output, deadline=args.deadline, template=args.template,
                    date=date, doc_number=args.number or "", force=args.force)
    print(result.summary())
    return 0


def _add_followup(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("report", help=L.HELP_REPORT, description=L.DESC_REPORT)
    p.add_argument("rollup", help=L.HELP_REPORT_ROLLUP)
    p.add_argument("-o", "--output", required=True, help=L.HELP_REPORT_OUTPUT)
    p.add_argument("--template", metavar="T.docx", help=L.HELP_REPORT_TEMPLATE)
    p.add_argument("--date", type=_iso_date, help=L.HELP_FOLLOWUP_DATE)
    p.add_argument("--number", help=L.HELP_FOLLOWUP_NUMBER)
    p.add_argument("--leaders", action="store_true", help=L.HELP_REPORT_LEADERS)
    p.add_argument("--force", action="store_true", help=L.CLI_HELP_FORCE)
    p.set_defaults(handler=cmd_report)

    p = sub.add_parser("remind", help=L.HELP_REMIND, description=L.DESC_REMIND)
    p.add_argument("rollup", help=L.HELP_REPORT_ROLLUP)
    p.add_argument("-o", "--output", required=True, help=L.HELP_REMIND_OUTPUT)
    p.add_argument("--deadline", required=True, type=_iso_date, help=L.HELP_REMIND_DEADLINE)
    p.add_argument("--template", metavar="T.docx", help=L.HELP_REMIND_TEMPLATE)
    p.add_argument("--date", type=_iso_date, help=L.HELP_FOLLOWUP_DATE)
    p.add_argument("--number", help=L.HELP_FOLLOWUP_NUMBER)
    p.add_argument("--force", action="store_true", help=L.CLI_HELP_FORCE_FILES)
    p.set_defaults(handler=cmd_remind)


COMMAND_ADDERS.append(_add_followup)


# --------------------------------------------------------------- letters
def cmd_letters(args: argparse.Namespace) -> int:
    import datetime as dt

    from xltools.documents.letters import letters

    date = dt.date.fromisoformat(args.date) if args.date else None
    result = letters(args.workbook, args.output, template=args.template, units=args.unit,
                     combined=args.combined, pdf=args.pdf, force=args.force, date=date,
                     general=args.general, table=not args.no_table, number=args.number,
                     first_number=args.first_number,
                     form=L.FORM_NOTICE if args.one_notice else None)
    print(result.summary())
    return 0


def _iso_date(value: str) -> str:
    import datetime as dt

    try:
        dt.date.fromisoformat(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(L.MSG_BAD_DATE.format(value=value)) from exc
    return value


def _add_letters(sub: argparse._SubParsersAction) -> None:
    from xltools.documents import GENERAL_STYLES  # not .letters: python-docx loads only for letters

    p = sub.add_parser("letters", help=L.HELP_LETTERS, description=L.DESC_LETTERS)
    p.add_argument("workbook", help=L.CLI_HELP_WORKBOOK)
    p.add_argument("-o", "--output", required=True, help=L.HELP_LETTERS_OUTPUT)
    p.add_argument("--template", metavar="T.docx", help=L.HELP_LETTERS_TEMPLATE)
    p.add_argument("--unit", nargs="+", metavar="NAME", help=L.HELP_LETTERS_UNIT)
    p.add_argument("--combined", action="store_true", help=L.HELP_LETTERS_COMBINED)
    p.add_argument("--pdf", action="store_true", help=L.HELP_LETTERS_PDF)
    p.add_argument("--date", type=_iso_date, help=L.HELP_LETTERS_DATE)
    p.add_argument("--general", choices=GENERAL_STYLES, default="list",
                   help=L.HELP_LETTERS_GENERAL)
    p.add_argument("--no-table", action="store_true", help=L.HELP_LETTERS_NO_TABLE)
    p.add_argument("--one-notice", action="store_true", help=L.HELP_LETTERS_ONE_NOTICE)
    p.add_argument("--number", metavar="发文字号", help=L.HELP_LETTERS_NUMBER)
    p.add_argument("--first-number", type=int, default=1, metavar="N",
                   help=L.HELP_LETTERS_FIRST_NUMBER)
    p.add_argument("--force", action="store_true", help=L.CLI_HELP_FORCE_FILES)
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
    p = sub.add_parser("excel", help=L.HELP_EXCEL, description=L.DESC_EXCEL)
    esub = p.add_subparsers(dest="excel_command", metavar=L.HELP_METAVAR_ACTION, required=True)
    b = esub.add_parser("build", help=L.HELP_EXCEL_BUILD, description=L.HELP_EXCEL_BUILD)
    b.add_argument("-o", "--output", help=L.HELP_EXCEL_BUILD_OUTPUT)
    b.add_argument("--workbook", action="store_true", help=L.HELP_EXCEL_BUILD_WORKBOOK)
    b.add_argument("--force", action="store_true", help=L.CLI_HELP_FORCE)
    i = esub.add_parser("install", help=L.HELP_EXCEL_INSTALL, description=L.HELP_EXCEL_INSTALL)
    i.add_argument("addin", nargs="?", default="xltools.xlam", help=L.HELP_EXCEL_ADDIN)
    i.add_argument("--config-only", action="store_true", help=L.HELP_EXCEL_CONFIG_ONLY)
    esub.add_parser("uninstall", help=L.HELP_EXCEL_UNINSTALL, description=L.HELP_EXCEL_UNINSTALL)
    esub.add_parser("doctor", help=L.HELP_EXCEL_DOCTOR, description=L.HELP_EXCEL_DOCTOR)
    p.set_defaults(handler=cmd_excel)


COMMAND_ADDERS.append(_add_excel)


# -------------------------------------------------------------------- wps
def cmd_wps(args: argparse.Namespace) -> int:
    from xltools.wps import build, install, service

    if args.wps_command == "build":
        print(build.build_addin(args.output, force=args.force))
        return 0
    if args.wps_command == "serve":
        service.serve(args.host, args.port, idle_timeout=args.idle_timeout)
        return 0
    if args.wps_command == "install":
        lines = install.install(args.addin, jsaddons=args.jsaddons)
    elif args.wps_command == "uninstall":
        lines = install.uninstall(jsaddons=args.jsaddons)
    else:
        lines = install.doctor(jsaddons=args.jsaddons)
    print("\n".join(lines))
    return 1 if any(line.startswith("[!!]") for line in lines) else 0


def _add_wps(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("wps", help=L.HELP_WPS, description=L.DESC_WPS)
    wsub = p.add_subparsers(dest="wps_command", metavar=L.HELP_METAVAR_ACTION, required=True)
    b = wsub.add_parser("build", help=L.HELP_WPS_BUILD, description=L.HELP_WPS_BUILD)
    b.add_argument("-o", "--output", required=True, help=L.HELP_WPS_BUILD_OUTPUT)
    b.add_argument("--force", action="store_true", help=L.CLI_HELP_FORCE)
    i = wsub.add_parser("install", help=L.HELP_WPS_INSTALL, description=L.HELP_WPS_INSTALL)
    i.add_argument("addin", nargs="?", help=L.HELP_WPS_ADDIN)
    u = wsub.add_parser("uninstall", help=L.HELP_WPS_UNINSTALL, description=L.HELP_WPS_UNINSTALL)
    d = wsub.add_parser("doctor", help=L.HELP_WPS_DOCTOR, description=L.HELP_WPS_DOCTOR)
    for q in (i, u, d):
        q.add_argument("--jsaddons", metavar="DIR", help=L.HELP_WPS_JSADDONS)
    s = wsub.add_parser("serve", help=L.HELP_WPS_SERVE, description=L.DESC_WPS_SERVE)
    s.add_argument("--host", default="127.0.0.1", help=L.HELP_WPS_HOST)
    s.add_argument("--port", type=int, default=0, help=L.HELP_WPS_PORT)
    s.add_argument("--idle-timeout", dest="idle_timeout", type=float, default=4 * 3600,
                   metavar=L.HELP_WPS_SECONDS, help=L.HELP_WPS_IDLE)
    p.set_defaults(handler=cmd_wps)


COMMAND_ADDERS.append(_add_wps)


def build_parser() -> argparse.ArgumentParser:
    parser = ChineseParser(prog="xltools", description=L.CLI_DESCRIPTION, epilog=L.CLI_EPILOG)
    parser.add_argument("--version", action="version", version=f"xltools {__version__}",
                        help=L.CLI_HELP_VERSION)
    sub = parser.add_subparsers(dest="command", metavar=L.CLI_METAVAR_COMMAND)
    for adder in COMMAND_ADDERS:
        adder(sub)
    # Workflow order in --help (and in the "choose from" of an error).
    rank = {name: i for i, name in enumerate(WORKFLOW)}
    registered = list(sub.choices)
    sub._choices_actions.sort(key=lambda a: (rank.get(a.dest, len(WORKFLOW)),
                                             registered.index(a.dest)
                                             if a.dest in registered else 0))
    ordered = sorted(sub.choices.items(), key=lambda kv: (rank.get(kv[0], len(WORKFLOW)),
                                                         registered.index(kv[0])))
    sub.choices.clear()
    sub.choices.update(ordered)
    return parser


def safe_console() -> None:
    """Characters the console cannot show (a unit name outside GBK on a Chinese
    Windows console, or output redirected there) are written as \\uXXXX escapes
    instead of ending the command in UnicodeEncodeError."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            try:
                reconfigure(errors="backslashreplace")
            except (ValueError, OSError):  # a closed or unusual stream: leave it
                pass


def main(argv: Sequence[str] | None = None) -> int:
    safe_console()
    parser = build_parser()
    args = parser.parse_args(argv)
    handler: Handler | None = getattr(args, "handler", None)
    if handler is None:
        parser.print_help()
        return 2
    try:
        return handler(args)
    except XltoolsError as exc:
        return _error(exc)
    except BrokenPipeError:
        return _broken_pipe()
    except OSError as exc:  # the environment: permissions, disk full, read-only, …
        from xltools.io.fileio import environment_error

        return _error(environment_error(exc))
    except KeyboardInterrupt:
        return 130


def _error(exc: XltoolsError) -> int:
    try:
        print(f"{L.ERR_PREFIX}: {exc}", file=sys.stderr)
    except OSError:  # stderr closed too: the exit status still tells
        pass
    return 1


def _broken_pipe() -> int:
    """The reader of our output went away (``xltools check wb | head``): stop
    quietly, as a command killed by SIGPIPE would (status 141)."""
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())  # no second error when Python flushes stdout
    except (OSError, ValueError):
        pass
    return 141


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())


__all__ = ["main", "build_parser", "Path"]
