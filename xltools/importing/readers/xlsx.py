"""Excel workbooks: .xlsx/.xlsm through openpyxl (merged ranges carried
into the grid), .xls through xlrd (merges from its formatting info), with
python-calamine as a fallback for workbooks xlrd cannot open. Every sheet
with a task-table header is read, in order."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
import zlib

from xltools import labels as L
from xltools.errors import InputError
from xltools.importing.readers.cleanup import Fixer
from xltools.importing.readers.grid import Cell, GridReader
from xltools.importing.readers.rows import Event, SourceMeta


def _value_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _merged_grid(values: list[list[str]], merges: list[tuple[int, int, int, int]]) -> list[list[Cell]]:
    """Values (0-based rows/cols) and merges (row_lo, row_hi, col_lo, col_hi;
    inclusive) → cells; a merged range shows its top-left text everywhere."""
    grid = [[Cell(v) for v in row] for row in values]
    for r0, r1, c0, c1 in merges:
        if r0 >= len(grid):
            continue
        top = grid[r0][c0].text if c0 < len(grid[r0]) else ""
        for r in range(r0, min(r1, len(grid) - 1) + 1):
            for c in range(c0, c1 + 1):
                if (r, c) == (r0, c0):
                    continue
                while c >= len(grid[r]):
                    grid[r].append(Cell())
                grid[r][c] = Cell(top, from_above=r > r0, from_left=c > c0)
    return grid


def _read_sheets(sheets: list[tuple[str, list[list[str]], list[tuple[int, int, int, int]]]],
                 name: str, simplified: bool) -> tuple[list[Event], SourceMeta]:
    sample = "\n".join(" ".join(row) for _, values, _ in sheets for row in values[:200])
    reader = GridReader(name, Fixer(sample, simplified))
    found = False
    for _sheet, values, merges in sheets:
        grid = _merged_grid(values, merges)
        found = reader.add_table(grid, list(range(1, len(grid) + 1))) or found
    if not found or not reader.events:
        from xltools.errors import SourceFormatError

        raise SourceFormatError(L.MSG_NO_TABLE_IN_FILE.format(path=name), path=name)
    return reader.result()


def read_xlsx(data: bytes, name: str, *, simplified: bool = True) -> tuple[list[Event], SourceMeta]:
    import openpyxl

    try:
        wb = openpyxl.load_workbook(io.BytesIO(data), data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, SyntaxError, zlib.error) as exc:
        from xltools.io.guard import bad_part_error  # names a malformed part

        raise (bad_part_error(data, name) or InputError(L.MSG_BAD_OFFICE_FILE.format(
            path=name, kind="Excel (.xlsx)", reason=exc), path=name)) from exc
    formulas = _formulas_without_values(data, wb)
    sheets = []
    notes: list[tuple[str, str, int | None, str]] = []
    for ws in wb.worksheets:
        if ws.sheet_state != "visible":
            continue
        values = [[_value_text(v) for v in row] for row in ws.iter_rows(values_only=True)]
        for (r, c), formula in formulas.get(ws.title, {}).items():
            # No cached result: the formula's text is kept (never a silently empty cell).
            while len(values) < r:
                values.append([])
            row = values[r - 1]
            while len(row) < c:
                row.append("")
            row[c - 1] = formula
            cell = f"{_column_letter(c)}{r}"
            notes.append((L.REVIEW_FORMULA, L.NOTE_FORMULA_NO_VALUE.format(
                sheet=ws.title, cell=cell, formula=formula[:80]), r, formula[:200]))
        merges = [(r.min_row - 1, r.max_row - 1, r.min_col - 1, r.max_col - 1)
                  for r in ws.merged_cells.ranges]
        sheets.append((ws.title, values, merges))
    events, meta = _read_sheets(sheets, name, simplified)
    if notes:
        import dataclasses

        meta = dataclasses.replace(meta, review=tuple(notes) + meta.review)
    return events, meta


def _column_letter(n: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(n)


def _formulas_without_values(data: bytes, values_wb) -> dict[str, dict[tuple[int, int], str]]:  # type: ignore[no-untyped-def]
    """Sheet → (row, column) → formula text of the cells that hold a formula but
    no cached result (a file written by a program that does not calculate)."""
    import openpyxl

    if not _has_formula_part(data):
        return {}
    try:
        wb = openpyxl.load_workbook(io.BytesIO(data), data_only=False)
    except Exception:  # noqa: BLE001 - the values workbook opened: formulas are a bonus
        return {}
    out: dict[str, dict[tuple[int, int], str]] = {}
    for ws in wb.worksheets:
        if ws.title not in values_wb.sheetnames:
            continue
        cached = values_wb[ws.title]
        for row in ws.iter_rows():
            for cell in row:
                v = cell.value
                if cell.data_type == "f" and isinstance(v, str) and v.startswith("="):
                    if cached.cell(row=cell.row, column=cell.column).value in (None, ""):
                        out.setdefault(ws.title, {})[(cell.row, cell.column)] = v
    return out


def _has_formula_part(data: bytes) -> bool:
    """True when a worksheet part holds a formula (``<f>`` or ``<f …>``)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            for info in zf.infolist():
                if info.filename.startswith("xl/worksheets/") and info.filename.endswith(".xml"):
                    with zf.open(info) as fh:
                        chunk = fh.read()
                    if b"<f>" in chunk or b"<f " in chunk:
                        return True
    except (zipfile.BadZipFile, OSError, ValueError, zlib.error):
        return False
    return False


def read_xls(data: bytes, name: str, *, simplified: bool = True) -> tuple[list[Event], SourceMeta]:
    """Legacy .xls (and WPS .et saved in that format)."""
    try:
        import xlrd

        book = xlrd.open_workbook(file_contents=data, formatting_info=True)
        sheets = []
        for sh in book.sheets():
            if getattr(sh, "visibility", 0):
                continue
            values = []
            for r in range(sh.nrows):
                row = []
                for c in range(sh.ncols):
                    cell = sh.cell(r, c)
                    if cell.ctype == xlrd.XL_CELL_DATE:
                        value: object = xlrd.xldate.xldate_as_datetime(cell.value, book.datemode)
                    else:
                        value = cell.value
                    row.append(_value_text(value))
                values.append(row)
            merges = [(r0, r1 - 1, c0, c1 - 1) for r0, r1, c0, c1 in sh.merged_cells]
            sheets.append((sh.name, values, merges))
        return _read_sheets(sheets, name, simplified)
    except Exception as exc:  # xlrd cannot read it: try calamine, then LibreOffice
        from xltools.errors import XltoolsError

        if isinstance(exc, XltoolsError):
            raise
        try:
            from python_calamine import CalamineWorkbook

            wb = CalamineWorkbook.from_filelike(io.BytesIO(data))
            sheets = [(sn, [[_value_text(v) for v in row] for row in wb.get_sheet_by_name(sn).to_python()], [])
                      for sn in wb.sheet_names]
            return _read_sheets(sheets, name, simplified)
        except Exception as exc2:
            if isinstance(exc2, XltoolsError):
                raise
            from xltools.importing.readers.legacy import convert

            return read_xlsx(convert(data, name, "xls", "xlsx"), name, simplified=simplified)
