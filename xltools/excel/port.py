"""The narrow workbook port the Excel entry points work through.

``WorkbookPort`` is everything an entry function may ask of the open
workbook: sheet values in and out, its path, a message box, a yes/no
question and the status bar. ``FilePort`` implements it on an ``.xlsx`` file
with openpyxl (used by the tests and usable from scripts); ``xlwings_port``
implements it on the workbook open in Excel.
"""

from __future__ import annotations

import io
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Protocol

import openpyxl

Rows = list[list[object]]


class WorkbookPort(Protocol):
    def sheet_names(self) -> list[str]: ...

    def read_sheet(self, name: str) -> Rows:
        """All values of sheet ``name`` from A1 to its last used cell."""
        ...

    def write_sheet(self, name: str, rows: Sequence[Sequence[object]]) -> None:
        """Replace the values of sheet ``name`` (created at the end when missing)."""
        ...

    def path(self) -> str:
        """The workbook's full name: a local path, a URL (OneDrive/SharePoint) or a bare name (unsaved)."""
        ...

    def message(self, text: str, *, error: bool = False) -> None: ...

    def ask_yes_no(self, text: str) -> bool: ...

    def status(self, text: str | None) -> None:
        """Show ``text`` in the status bar; None gives the bar back to Excel."""
        ...


def trim(rows: Rows) -> Rows:
    """Drop trailing empty rows and columns (Excel's used range is often larger)."""
    def empty(v: object) -> bool:
        return v is None or v == ""

    rows = [list(r) for r in rows]
    while rows and all(empty(v) for v in rows[-1]):
        rows.pop()
    width = max((max((i + 1 for i, v in enumerate(r) if not empty(v)), default=0) for r in rows),
                default=0)
    return [r[:width] + [None] * (width - len(r[:width])) for r in rows]


def materialise(port: WorkbookPort) -> io.BytesIO:
    """The open workbook's values as an in-memory ``.xlsx`` the library can read.

    This is how entry points see unsaved edits without saving the user's file.
    """
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for name in port.sheet_names():
        ws = wb.create_sheet(name)
        for row in port.read_sheet(name):
            ws.append(list(row))
    buf = io.BytesIO()
    wb.save(buf)
    buf.seek(0)
    buf.name = Path(port.path()).name or "workbook.xlsx"  # type: ignore[attr-defined]
    return buf


class FilePort:
    """A ``WorkbookPort`` on an ``.xlsx`` file (openpyxl); messages are recorded.

    ``answers`` are the replies to successive yes/no questions (default yes).
    Written sheets reach the file on ``save()``.
    """

    def __init__(self, path: str | os.PathLike[str], *, answers: Sequence[bool] = (),
                 fullname: str | None = None) -> None:
        self._path = Path(path)
        self._wb = openpyxl.load_workbook(self._path)
        self._values = openpyxl.load_workbook(self._path, data_only=True)
        self._answers = list(answers)
        self.fullname = fullname if fullname is not None else str(self._path.resolve())
        self.messages: list[tuple[str, bool]] = []
        self.questions: list[str] = []
        self.statuses: list[str | None] = []

    def sheet_names(self) -> list[str]:
        return list(self._wb.sheetnames)

    def read_sheet(self, name: str) -> Rows:
        src = self._values if name in self._values.sheetnames else self._wb
        return trim([list(r) for r in src[name].iter_rows(values_only=True)])

    def write_sheet(self, name: str, rows: Sequence[Sequence[object]]) -> None:
        for book in (self._wb, self._values):
            if name in book.sheetnames:
                ws = book[name]
                ws.delete_rows(1, ws.max_row)
            else:
                ws = book.create_sheet(name)
            for row in rows:
                ws.append(list(row))

    def path(self) -> str:
        return self.fullname

    def message(self, text: str, *, error: bool = False) -> None:
        self.messages.append((text, error))

    def ask_yes_no(self, text: str) -> bool:
        self.questions.append(text)
        return self._answers.pop(0) if self._answers else True

    def status(self, text: str | None) -> None:
        self.statuses.append(text)

    def save(self) -> None:
        self._wb.save(self._path)
