"""One button of the WPS add-in, run on the workbook WPS has just saved.

The WPS add-in cannot host Python, so its JavaScript saves the active
workbook and asks the loopback service (``xltools.wps.service``) to run an
action; the service calls ``run_action``, which calls the SAME entry function
of ``xltools.excel.entry`` as the Excel button, through a ``BridgePort``:

* the workbook's values are read from the saved file (openpyxl, as the tests'
  ``FilePort``), so every edit counts — the add-in saved it a moment ago;
* sheets the entry writes (导入原表 into an empty workbook, 汇总进度) are not
  written to the file: they go back to the add-in, which writes them into the
  open workbook — the user's file changes only when the user saves, as in Excel;
* messages go back to the add-in, which shows them; a yes/no question is
  asked through ``ask`` (the service turns it into a round trip to WPS).

The reply is plain JSON: messages, sheets (dates as ``{"date", "serial"}``),
the file or folder written, and which of them WPS should open
(``open``: workbooks for ``Workbooks.Open``) or show (``reveal``: a folder,
with a trailing separator, or a .docx).
"""

from __future__ import annotations

import datetime as dt
import math
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from openpyxl.utils.datetime import to_excel

from xltools import __version__
from xltools import labels as L
from xltools.excel import entry
from xltools.excel.port import FilePort, Rows, trim


@dataclass(frozen=True)
class Action:
    """An entry function of ``xltools.excel.entry`` and what it needs."""

    function: str
    args: tuple[str, ...] = ()
    workbook: bool = True  # needs a saved .xlsx/.xlsm workbook


# action name (the URL path's argument, the JS button table's "action") → entry
ACTIONS: dict[str, Action] = {
    "import_original": Action("import_original", ("path",), workbook=False),
    "check": Action("check"),
    "letters": Action("letters"),
    "split": Action("split"),
    "rollup": Action("rollup", ("folder",)),
    "report": Action("report"),
    "remind": Action("remind", ("deadline",)),
    "export_original": Action("export_original", ("path",)),
    "show_help": Action("show_help", workbook=False),
}

WORKBOOK_SUFFIXES = (".xlsx", ".xlsm")


class BridgePort:
    """A ``WorkbookPort`` on the saved file of the workbook open in WPS.

    ``workbook`` is its full path (None when it has never been saved; it then
    reads as empty); written sheets are kept in ``sheets`` for the add-in.
    """

    def __init__(self, workbook: str | None, name: str, ask: Callable[[str], bool]) -> None:
        self._file = FilePort(workbook) if workbook else None
        self._name = workbook or name
        self._ask = ask
        self.sheets: dict[str, Rows] = {}
        self.messages: list[tuple[str, bool]] = []
        self.statuses: list[str | None] = []

    def sheet_names(self) -> list[str]:
        names = self._file.sheet_names() if self._file else []
        return names + [n for n in self.sheets if n not in names]

    def read_sheet(self, name: str) -> Rows:
        if name in self.sheets:
            return trim(self.sheets[name])
        if self._file is None:
            raise KeyError(name)
        return self._file.read_sheet(name)

    def write_sheet(self, name: str, rows: Sequence[Sequence[object]]) -> None:
        self.sheets[name] = [list(r) for r in rows]

    def path(self) -> str:
        return self._name

    def message(self, text: str, *, error: bool = False) -> None:
        self.messages.append((text, error))

    def ask_yes_no(self, text: str) -> bool:
        return bool(self._ask(text))

    def status(self, text: str | None) -> None:
        self.statuses.append(text)


def json_cell(value: object) -> Any:
    """A cell value as JSON: dates as ``{"date": ISO, "serial": Excel serial}``."""
    if value is None or isinstance(value, (bool, int, str)):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, (dt.datetime, dt.date)):
        return {"date": value.isoformat(), "serial": to_excel(value)}
    return str(value)


def _reply(messages: list[tuple[str, bool]], sheets: dict[str, Rows] | None = None,
           result: Path | None = None) -> dict[str, Any]:
    sheets = sheets or {}
    out: dict[str, Any] = {
        "state": "done",
        "messages": [{"text": t, "error": e} for t, e in messages],
        "sheets": [{"name": n, "rows": [[json_cell(v) for v in r] for r in rows]}
                   for n, rows in sheets.items()],
        "result": str(result) if result is not None else None,
        "open": [],
        "reveal": None,
    }
    if result is not None:
        if result.is_file() and result.suffix.lower() in WORKBOOK_SUFFIXES:
            if not sheets:  # already written into the open workbook otherwise
                out["open"] = [str(result)]
        elif result.is_dir():  # with a trailing separator: the add-in shows only folders…
            out["reveal"] = os.path.join(str(result), "")
        elif result.suffix.lower() == ".docx":  # … and Word files
            out["reveal"] = str(result)
    return out


def _refusal(text: str) -> dict[str, Any]:
    return _reply([(text, True)])


def run_action(action: str, *, workbook: str | None = None, name: str = "",
               args: dict[str, str] | None = None, addin: str | None = None,
               ask: Callable[[str], bool] = lambda _text: False) -> dict[str, Any]:
    """Run one button's entry function on the saved ``workbook``; the JSON reply.

    Mistakes the user can fix (no workbook, not saved as .xlsx, a missing
    argument) come back as an error message, like any other entry message.
    """
    spec = ACTIONS.get(action)
    if spec is None:
        return _refusal(L.WPS_UNKNOWN_ACTION.format(action=action))
    args = dict(args or {})
    values = []
    for key in spec.args:
        value = args.get(key)
        if not isinstance(value, str) or not value.strip():
            return _refusal(L.WPS_MISSING_ARGUMENT.format(action=action, name=key))
        values.append(value)
    if workbook:
        if not os.path.isabs(workbook) or not Path(workbook).is_file():
            return _refusal(L.WPS_WORKBOOK_MISSING.format(path=workbook))
        if Path(workbook).suffix.lower() not in WORKBOOK_SUFFIXES:
            return _refusal(L.WPS_NOT_XLSX.format(path=workbook))
    elif spec.workbook:
        return _refusal(L.WPS_SAVE_FIRST)
    try:
        port = BridgePort(workbook or None, name or L.WPS_UNSAVED_NAME, ask)
    except Exception:  # noqa: BLE001 - a file openpyxl cannot read: say what to do
        return _refusal(L.WPS_WORKBOOK_UNREADABLE.format(path=workbook))
    if addin is not None and addin != __version__:  # the WPS wording of the Excel warning
        port.message(L.WPS_VERSION_MISMATCH.format(addin=addin, python=__version__))
    function = getattr(entry, spec.function)
    result = function(*values, port=port)
    return _reply(port.messages, port.sheets, result)
