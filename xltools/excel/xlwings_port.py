"""``WorkbookPort`` on the workbook open in Excel — the only module that imports xlwings."""

from __future__ import annotations

from collections.abc import Sequence

from xltools import labels as L
from xltools.excel.port import Rows, trim


class XlwingsPort:
    def __init__(self, book) -> None:  # noqa: ANN001 - xlwings.Book
        self.book = book

    @classmethod
    def caller(cls) -> XlwingsPort:
        import xlwings as xw

        return cls(xw.Book.caller())

    def sheet_names(self) -> list[str]:
        return [s.name for s in self.book.sheets]

    def read_sheet(self, name: str) -> Rows:
        rng = self.book.sheets[name].used_range
        values = rng.options(ndim=2).value or []
        # used_range may start below/right of A1: pad so rows stay sheet rows.
        top, left = rng.row - 1, rng.column - 1
        rows = [[None] * (left + len(values[0]) if values else 0) for _ in range(top)]
        rows += [[None] * left + list(r) for r in values]
        return trim(rows)

    def write_sheet(self, name: str, rows: Sequence[Sequence[object]]) -> None:
        names = self.sheet_names()
        if name in names:
            sheet = self.book.sheets[name]
            sheet.clear_contents()
        else:
            sheet = self.book.sheets.add(name, after=self.book.sheets[len(names) - 1])
        width = max((len(r) for r in rows), default=0)
        if width:
            sheet["A1"].value = [list(r) + [None] * (width - len(r)) for r in rows]

    def path(self) -> str:
        return self.book.fullname

    def message(self, text: str, *, error: bool = False) -> None:
        self.book.app.alert(text, title=L.XL_TITLE, mode="critical" if error else "info")

    def ask_yes_no(self, text: str) -> bool:
        return self.book.app.alert(text, title=L.XL_TITLE, buttons="yes_no") == "yes"

    def status(self, text: str | None) -> None:
        self.book.app.status_bar = text if text is not None else False
