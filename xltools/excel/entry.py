"""The only functions the buttons call (one per button): the VBA of the Excel
add-in through xlwings, and the WPS add-in through the loopback service
(``xltools.wps.service``). Each returns the file or folder it wrote (None
after a message only or a cancel), which the WPS bridge opens or shows.

Each works on the caller workbook through a ``WorkbookPort`` (Excel via
xlwings by default; tests pass a ``FilePort``) and calls the same library
function as the CLI:

* The open workbook is **materialised**: the values of all its sheets are
  copied into an in-memory ``.xlsx`` which the library reads. Unsaved edits
  count, and the user's file is never saved or touched behind their back.
* Files go into a new dated folder next to the workbook
  (``<name>_通知书_2024-05-01``); when the workbook is unsaved or lives on
  OneDrive/SharePoint (its full name is a URL) they go to Documents.
* ``import_original`` writes a new formatted workbook next to the original
  table, and also fills the open workbook when it has no 任务分工 data yet
  (the control workbook, an empty template) — or when the user agrees to
  replace its data.
* ``rollup`` writes the roll-up sheets into the open workbook (asking before
  it replaces existing ones); ``report`` and ``remind`` read them back from it.
* An ``XltoolsError`` becomes a Chinese message box saying what to do; any
  other exception is logged to ``~/.xltools/logs/excel.log`` and the box
  shows that path — never a traceback. Progress shows in the status bar.
"""

from __future__ import annotations

import datetime as dt
import io
import logging
import os
import traceback
from collections.abc import Callable
from pathlib import Path

from xltools import __version__
from xltools import labels as L
from xltools.errors import XltoolsError
from xltools.excel.port import WorkbookPort, materialise

CHECK_LINES = 25


def _caller_port() -> WorkbookPort:
    from xltools.excel.xlwings_port import XlwingsPort

    return XlwingsPort.caller()


def log_path() -> Path:
    return Path(os.environ.get("XLTOOLS_HOME") or Path.home() / ".xltools") / "logs" / "excel.log"


def _log_exception(action: str) -> Path:
    path = log_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a", encoding="utf-8") as fh:
        fh.write(f"--- {dt.datetime.now().isoformat(timespec='seconds')} xltools {__version__} "
                 f"{action}\n{traceback.format_exc()}\n")
    return path


def _run(action: str, body: Callable[[WorkbookPort], Path | None], port: WorkbookPort | None,
         addin: str | None) -> Path | None:
    """Run ``body`` on the port; return what it wrote (None on a message or cancel)."""
    port = port if port is not None else _caller_port()
    try:
        if addin is not None and addin != __version__:
            port.message(L.XL_VERSION_MISMATCH.format(addin=addin, python=__version__))
        port.status(L.XL_STATUS_WORKING.format(action=action))
        return body(port)
    except XltoolsError as exc:
        port.message(str(exc), error=True)
    except OSError as exc:  # permissions, disk full, read-only: what to do, as the CLI says
        from xltools.io.fileio import environment_error

        port.message(str(environment_error(exc)), error=True)
    except ModuleNotFoundError as exc:
        if not (exc.name or "").startswith("xltools"):
            port.message(L.XL_UNEXPECTED.format(action=action, log=_log_exception(action)),
                         error=True)
        else:
            port.message(L.XL_NOT_AVAILABLE.format(action=action, module=exc.name), error=True)
    except Exception:  # noqa: BLE001 - shown as a log path, never a traceback
        logging.getLogger(__name__).debug("unexpected", exc_info=True)
        port.message(L.XL_UNEXPECTED.format(action=action, log=_log_exception(action)), error=True)
    finally:
        port.status(None)
    return None


# ------------------------------------------------------------ locations
def local_path(port: WorkbookPort) -> Path | None:
    """The workbook's file when it is saved on a local/network disk, else None."""
    name = port.path()
    if "://" in name or not os.path.isabs(name):
        return None
    p = Path(name)
    return p if p.parent.is_dir() else None


def documents_dir() -> Path:
    docs = Path.home() / "Documents"
    return docs if docs.is_dir() else Path.home()


def unique_path(path: Path) -> Path:
    """``path``, or ``path`` with -2, -3 … before the suffix when it exists."""
    n, candidate = 2, path
    while candidate.exists():
        candidate = path.with_name(f"{path.stem}-{n}{path.suffix}")
        n += 1
    return candidate


def output_dir(port: WorkbookPort, kind: str, today: dt.date | None = None) -> tuple[Path, bool]:
    """(new dated folder for ``kind`` outputs, whether Documents was the fallback)."""
    wb = local_path(port)
    base, fallback = (wb.parent, False) if wb else (documents_dir(), True)
    stem = wb.stem if wb else Path(port.path().rstrip("/")).stem or "xltools"
    name = L.XL_OUTPUT_DIR.format(stem=stem, kind=kind, date=(today or dt.date.today()).isoformat())
    return unique_path(base / name), fallback


def _count_files(folder: Path) -> int:
    return sum(1 for p in folder.rglob("*") if p.is_file()) if folder.is_dir() else 0


def _with_fallback(text: str, fallback: bool) -> str:
    return text + ("\n" + L.XL_FALLBACK_DOCUMENTS if fallback else "")


def _has_assignments(port: WorkbookPort) -> bool:
    if L.SHEET_ASSIGNMENTS not in port.sheet_names():
        return False
    rows = port.read_sheet(L.SHEET_ASSIGNMENTS)
    return any(any(v not in (None, "") for v in r) for r in rows[1:])


def _require_normalised(port: WorkbookPort) -> None:
    from xltools.errors import WorkbookError

    names = port.sheet_names()
    for sheet in (L.SHEET_ASSIGNMENTS, L.SHEET_UNITS):
        if sheet not in names:
            raise WorkbookError(L.XL_NOT_NORMALISED.format(sheet=sheet))


# -------------------------------------------------------------- buttons
def import_original(path: str, *, addin: str | None = None,
                    port: WorkbookPort | None = None) -> Path | None:
    """导入原表: original table → new workbook beside it (and into the open one when empty)."""
    def body(port: WorkbookPort) -> Path | None:
        import openpyxl

        from xltools.importing import importer

        src = Path(path)
        out = unique_path(src.with_name(L.XL_IMPORTED_FILE.format(stem=src.stem)))
        result = importer.import_original(src, out)
        text = L.XL_IMPORT_DONE.format(summary=result.summary(), path=out)
        if not _has_assignments(port) or port.ask_yes_no(L.XL_IMPORT_ASK_REPLACE):
            book = openpyxl.load_workbook(out)
            for ws in book.worksheets:
                port.write_sheet(ws.title, [list(r) for r in ws.iter_rows(values_only=True)])
            text += L.XL_IMPORT_INTO_OPEN
        port.message(text)
        return out

    return _run(L.XL_BTN_IMPORT, body, port, addin)


def check(*, addin: str | None = None, port: WorkbookPort | None = None) -> Path | None:
    """校验: the same report as ``xltools check``, in a message box."""
    def body(port: WorkbookPort) -> Path | None:
        from xltools.workbook import check as lib

        _require_normalised(port)
        result = lib.check(materialise(port))
        lines = lib.format_report(Path(port.path()).name, result).splitlines()
        if len(lines) > CHECK_LINES:
            lines = lines[:CHECK_LINES] + [L.XL_CHECK_MORE.format(count=len(lines) - CHECK_LINES)]
        port.message("\n".join(lines))
        return None

    return _run(L.XL_BTN_CHECK, body, port, addin)


def letters(*, addin: str | None = None, port: WorkbookPort | None = None) -> Path | None:
    """生成通知书: one letter per unit into a new dated folder."""
    def body(port: WorkbookPort) -> Path | None:
        from xltools.documents import letters as lib

        _require_normalised(port)
        folder, fallback = output_dir(port, L.XL_KIND_LETTERS)
        lib.letters(materialise(port), folder)
        port.message(_with_fallback(
            L.XL_LETTERS_DONE.format(count=_count_files(folder), folder=folder), fallback))
        return folder

    return _run(L.XL_BTN_LETTERS, body, port, addin)


def split(*, addin: str | None = None, port: WorkbookPort | None = None) -> Path | None:
    """拆分进度表: one progress file per unit into a new dated folder."""
    def body(port: WorkbookPort) -> Path | None:
        from xltools import progress

        _require_normalised(port)
        folder, fallback = output_dir(port, L.XL_KIND_SPLIT)
        progress.split(materialise(port), folder)
        port.message(_with_fallback(
            L.XL_SPLIT_DONE.format(count=_count_files(folder), folder=folder), fallback))
        return folder

    return _run(L.XL_BTN_SPLIT, body, port, addin)


def rollup(folder: str, *, addin: str | None = None,
           port: WorkbookPort | None = None) -> Path | None:
    """汇总进度: roll the returned files in ``folder`` up into sheets of the open workbook."""
    def body(port: WorkbookPort) -> Path | None:
        from xltools.progress import rollup as lib

        _require_normalised(port)
        result = lib.rollup(materialise(port), folder, io.BytesIO())
        existing = [n for n in result.sheets if n in port.sheet_names()]
        if existing and not port.ask_yes_no(L.XL_ROLLUP_ASK_REPLACE.format(sheets="、".join(existing))):
            port.message(L.XL_CANCELLED)
            return None
        for name, rows in result.sheets.items():
            port.write_sheet(name, rows)
        port.message(L.XL_ROLLUP_DONE.format(sheets="、".join(result.sheets)) + "\n"
                     + result.summary())
        return None

    return _run(L.XL_BTN_ROLLUP, body, port, addin)


def _require_rollup(port: WorkbookPort) -> None:
    from xltools.errors import WorkbookError

    names = port.sheet_names()
    for sheet in (L.SHEET_PROGRESS, L.ROLLUP_INFO_SHEET):
        if sheet not in names:
            raise WorkbookError(L.XL_NOT_ROLLUP.format(sheet=sheet))


def report(*, addin: str | None = None, port: WorkbookPort | None = None) -> Path | None:
    """生成通报: the 进展情况通报 of the roll-up in the open workbook, into a new dated folder."""
    def body(port: WorkbookPort) -> Path | None:
        from xltools.progress import report as lib

        _require_rollup(port)
        folder, fallback = output_dir(port, L.XL_KIND_REPORT)
        folder.mkdir(parents=True)
        result = lib.report(materialise(port), folder / L.REPORT_FILE)
        port.message(_with_fallback(L.XL_REPORT_DONE.format(
            path=result.path, late=len(result.late_units), red=result.red_count), fallback))
        return Path(result.path)

    return _run(L.XL_BTN_REPORT, body, port, addin)


def remind(deadline: str, *, addin: str | None = None,
           port: WorkbookPort | None = None) -> Path | None:
    """生成催办通知: a notice for each unit that owes, with the new ``deadline``."""
    def body(port: WorkbookPort) -> Path | None:
        from xltools.progress import remind as lib

        _require_rollup(port)
        folder, fallback = output_dir(port, L.XL_KIND_REMIND)
        result = lib.remind(materialise(port), folder, deadline=deadline)
        if not result.files:
            port.message(result.summary())
            return None
        port.message(_with_fallback(L.XL_REMIND_DONE.format(
            count=len(result.files), deadline=result.deadline.isoformat(), folder=folder), fallback))
        return folder

    return _run(L.XL_BTN_REMIND, body, port, addin)


def export_original(path: str, *, addin: str | None = None,
                    port: WorkbookPort | None = None) -> Path | None:
    """导出原表格式: write the table in the original layout to ``path``."""
    def body(port: WorkbookPort) -> Path | None:
        from xltools.documents import export

        _require_normalised(port)
        target = Path(path)
        from xltools.io.fileio import guard_output

        guard_output(target, [local_path(port)])  # never onto the open workbook's own file
        force = False
        if target.exists():
            if not port.ask_yes_no(L.XL_EXPORT_ASK_OVERWRITE.format(path=target)):
                port.message(L.XL_CANCELLED)
                return None
            force = True
        export.export(materialise(port), target, force=force)
        port.message(L.XL_EXPORT_DONE.format(path=target))
        return target

    return _run(L.XL_BTN_EXPORT, body, port, addin)


def show_help(*, addin: str | None = None, port: WorkbookPort | None = None) -> Path | None:
    """帮助: what each button does."""
    def body(port: WorkbookPort) -> None:
        port.message(L.XL_HELP.format(version=__version__))

    return _run(L.XL_BTN_HELP, body, port, addin)
