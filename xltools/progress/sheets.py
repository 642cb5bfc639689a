"""Write the roll-up sheets (汇总, 进度, 问题, 历史) into an openpyxl workbook,
with styles, 标识 fills and native charts. Long tables can be left to
``progress.stream`` (only a style-template row is written here)."""

from __future__ import annotations

import copy
import datetime as dt
import math
from collections.abc import Sequence

from openpyxl import Workbook
from openpyxl.chart import BarChart, LineChart, PieChart, Reference
from openpyxl.chart.text import RichText
from openpyxl.drawing.text import (CharacterProperties, Paragraph, ParagraphProperties,
                                   RichTextProperties)
from openpyxl.chart.label import DataLabelList
from openpyxl.formatting.rule import FormulaRule
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.cell_range import CellRange
from openpyxl.worksheet.worksheet import Worksheet

from xltools import labels as L
from xltools.progress.results import PROGRESS_COLUMNS, ROLLUP_SHEETS, RollupResult, Table
from xltools.workbook import print_landscape, set_text_safe

PROGRESS_WIDTHS = (8, 20, 6, 9, 40, 11, 24, 24, 9, 24, 12, 8, 16, 18, 50, 6, 18, 12, 24)
REQUIREMENT_WIDTHS = (8, 20, 24, 12, 9, 8, 6, 6, 18, 60)
EXTENSION_WIDTHS = (6, 20, 8, 50, 12, 12, 30, 10, 14, 24)
ISSUE_WIDTHS = (6, 24, 10, 6, 16, 8, 14, 50, 8, 60)
SUMMARY_WIDTHS = {1: 7, 2: 24, 3: 10, 4: 8}
WHY_WIDTH = 34  # the last column of the widest 汇总 table (原因)
BULK_THRESHOLD = 1  # rows written with openpyxl (the style template); the rest is streamed

_THIN = Side(style="thin", color="A6A6A6")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_HEADER_FONT = Font(bold=True, color="FFFFFF")
_HEADER_FILL = PatternFill("solid", fgColor="305496")
_WRAP = Alignment(wrap_text=True, vertical="top")
_CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)
_MARK_FILLS = {L.MARK_RED: PatternFill("solid", fgColor="FF6B6B"),
               L.MARK_YELLOW: PatternFill("solid", fgColor="FFD966"),
               L.MARK_GREEN: PatternFill("solid", fgColor="8FD19E")}
DATE_FORMAT = "yyyy-mm-dd"
PERCENT_FORMAT = "0.0%"

# ------------------------------------------------------------------- writing
def _style_header(ws: Worksheet, row: int, ncols: int) -> None:
    for c in range(1, ncols + 1):
        cell = ws.cell(row=row, column=c)
        cell.font = _HEADER_FONT
        cell.fill = _HEADER_FILL
        cell.alignment = _CENTER
        cell.border = _BORDER


def _write_value(ws: Worksheet, row: int, col: int, value: object):
    cell = ws.cell(row=row, column=col)
    set_text_safe(cell, value)
    if isinstance(value, dt.date):
        cell.number_format = DATE_FORMAT
    return cell


def _write_table_sheet(ws: Worksheet, rows: list[list[object]], widths: Sequence[int],
                       body_limit: int | None, date_cols: Sequence[int] = (),
                       center_cols: Sequence[int] = (),
                       formats: dict[int, str] | None = None) -> list[list[object]]:
    """Header + body with styles; returns the body rows left for streaming (beyond body_limit)."""
    header = rows[0]
    ncols = len(header)
    for c, name in enumerate(header, start=1):
        set_text_safe(ws.cell(row=1, column=c), name)
    _style_header(ws, 1, ncols)
    for c, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(c)].width = width
    body = rows[1:]
    n = len(body) if body_limit is None else min(len(body), body_limit)
    for r, values in enumerate(body[:n], start=2):
        for c in range(1, ncols + 1):
            value = values[c - 1] if c - 1 < len(values) else None
            cell = _write_value(ws, r, c, value)
            cell.border = _BORDER
            cell.alignment = _CENTER if c in center_cols else _WRAP
            if c in date_cols:
                cell.number_format = DATE_FORMAT
            elif formats and c in formats:
                cell.number_format = formats[c]
    ws.freeze_panes = "A2"
    last = get_column_letter(ncols)
    ws.auto_filter.ref = f"A1:{last}{max(len(body), 1) + 1}"
    ws.print_title_rows = "1:1"
    print_landscape(ws)
    return body[n:]


class _Styles:
    """Style many cells alike fast: the first cell of a kind gets the attributes,
    the others a copy of its style record (openpyxl hashes every style object
    on each assignment otherwise)."""

    def __init__(self) -> None:
        self.protos: dict[object, object] = {}

    def apply(self, cell, key: object, **attrs: object) -> None:
        proto = self.protos.get(key)
        if proto is None:
            for name, value in attrs.items():
                setattr(cell, name, value)
            self.protos[key] = cell
        else:
            cell._style = copy.copy(proto._style)  # noqa: SLF001 - openpyxl's style record


def _merge(ws: Worksheet, row: int, first_col: int, last_col: int,
           styles: _Styles | None = None) -> None:
    """Merge cells of one row. openpyxl's merge_cells (and MergedCellRange) read
    and re-style the edge cells through its style registry, slow for a hundred
    merges; here the covered cells get the border through ``styles`` (when
    given) and the range is registered as a plain range, which is all the
    writer needs."""
    if styles is not None:
        for c in range(first_col + 1, last_col + 1):
            styles.apply(ws.cell(row=row, column=c), ("covered",), border=_BORDER)
    # Straight into the set: MultiCellRange.add first compares with every range (quadratic).
    ws.merged_cells.ranges.add(CellRange(min_col=first_col, min_row=row, max_col=last_col, max_row=row))


def _write_summary(ws: Worksheet, rows: list[list[object]], result: RollupResult) -> None:
    widest = max(t.ncols for t in result.layout.values())
    styles = _Styles()
    for r, values in enumerate(rows, start=1):
        for c, value in enumerate(values, start=1):
            _write_value(ws, r, c, value)
    _merge(ws, 1, 1, widest)
    ws.cell(row=1, column=1).font = Font(bold=True, size=16)
    ws.cell(row=1, column=1).alignment = Alignment(horizontal="center", vertical="center")
    ws.row_dimensions[1].height = 30
    for r in (2, 3):
        _merge(ws, r, 1, widest)
        ws.cell(row=r, column=1).alignment = Alignment(wrap_text=True, vertical="center")
    ws.row_dimensions[2].height = 20
    ws.row_dimensions[3].height = 32  # the legend: two lines
    for t in result.layout.values():
        title = ws.cell(row=t.header_row - 1, column=1)
        title.font = Font(bold=True, size=13)
        _style_header(ws, t.header_row, t.ncols)
        for r in range(t.first_row, t.last_row + 1):
            for c in range(1, t.ncols + 1):
                cell = ws.cell(row=r, column=c)
                number = isinstance(cell.value, int | float)
                date = isinstance(cell.value, dt.date)
                mark = _MARK_FILLS.get(str(cell.value)) if c == t.mark_col else None
                styles.apply(cell, (number, date, c == t.rate_col, str(cell.value) if mark else None),
                             border=_BORDER, alignment=_CENTER if number or date or mark else _WRAP,
                             number_format=(PERCENT_FORMAT if c == t.rate_col else
                                            DATE_FORMAT if date else "General"),
                             **({"fill": mark} if mark else {}))
    for c in range(1, widest + 1):
        ws.column_dimensions[get_column_letter(c)].width = SUMMARY_WIDTHS.get(c, 7.5)
    ws.column_dimensions[get_column_letter(widest)].width = WHY_WIDTH
    for t in result.layout.values():
        if t.ncols >= widest:
            _grow_rows(ws, t, t.ncols, widest)
            continue
        # The last column (原因, the shortened requirement text) spans the rest of the width.
        for r in range(t.header_row, t.last_row + 1):
            _merge(ws, r, t.ncols, widest, styles)
            if r > t.header_row:
                ws.cell(row=r, column=t.ncols).alignment = Alignment(wrap_text=True,
                                                                     vertical="center")
        _grow_rows(ws, t, t.ncols, widest)
    _add_charts(ws, result, widest)
    ws.freeze_panes = "A4"
    print_landscape(ws)


def _width(c: int, widest: int) -> float:
    return WHY_WIDTH if c == widest else SUMMARY_WIDTHS.get(c, 7.5)


def _grow_rows(ws: Worksheet, t: Table, last_col: int, widest: int) -> None:
    """Merged cells do not grow with their text: size the rows (a CJK character
    is about two width units; 15 points a line)."""
    room = sum(_width(c, widest) for c in range(last_col, widest + 1))
    for r in range(t.first_row, t.last_row + 1):
        lines = max(math.ceil(2 * len(str(ws.cell(row=r, column=last_col).value or "")) / room),
                    math.ceil(2 * len(str(ws.cell(row=r, column=2).value or "")) / SUMMARY_WIDTHS[2]),
                    1)
        if lines > 1:
            ws.row_dimensions[r].height = 15 * lines


def _add_charts(ws: Worksheet, result: RollupResult, widest: int) -> None:
    chart_table = result.layout["chart"]
    anchor_col = get_column_letter(widest + 2)
    n = chart_table.last_row - chart_table.first_row + 1
    top = result.layout["units"].header_row
    height = 9.0
    if n > 0:
        bar = BarChart()
        bar.type = "col"
        bar.style = 10
        bar.title = L.CHART_RATE_SCHEDULE_TITLE
        data = Reference(ws, min_col=2, min_row=chart_table.header_row, max_row=chart_table.last_row)
        cats = Reference(ws, min_col=1, min_row=chart_table.first_row, max_row=chart_table.last_row)
        bar.add_data(data, titles_from_data=True)
        bar.set_categories(cats)
        line = LineChart()
        line.add_data(Reference(ws, min_col=3, min_row=chart_table.header_row,
                                max_row=chart_table.last_row), titles_from_data=True)
        line.set_categories(cats)
        line.series[0].marker.symbol = "none"
        line.series[0].graphicalProperties.line.solidFill = "C00000"
        line.series[0].graphicalProperties.line.width = 28575  # 2.25 pt
        bar.y_axis.number_format = "0%"
        bar.y_axis.scaling.min = 0
        bar.y_axis.scaling.max = 1
        bar.x_axis.delete = False
        bar.y_axis.delete = False
        bar.x_axis.txPr = RichText(bodyPr=RichTextProperties(rot=-2700000, vert="horz"),
                                   p=[Paragraph(pPr=ParagraphProperties(defRPr=CharacterProperties(sz=800)),
                                                endParaRPr=CharacterProperties(sz=800))])
        bar.legend.position = "b"
        bar += line
        bar.width = max(16.0, 0.55 * n + 4)
        bar.height = height
        ws.add_chart(bar, f"{anchor_col}{top}")
    statuses = result.layout["statuses"]
    pie = PieChart()
    pie.title = L.CHART_STATUS_TITLE
    data = Reference(ws, min_col=3, min_row=statuses.header_row, max_row=statuses.last_row)
    cats = Reference(ws, min_col=2, min_row=statuses.first_row, max_row=statuses.last_row)
    pie.add_data(data, titles_from_data=True)
    pie.set_categories(cats)
    pie.dataLabels = DataLabelList()
    pie.dataLabels.showPercent = True
    for flag in ("showVal", "showCatName", "showSerName", "showLegendKey"):
        setattr(pie.dataLabels, flag, False)
    pie.width = 12
    pie.height = 8
    # Below the column chart (default rows are about 0.53 cm high).
    ws.add_chart(pie, f"{anchor_col}{top + math.ceil(height / 0.53) + 1}")


def _mark_colours(ws: Worksheet, col: int, nrows: int) -> None:
    """红/黄/绿 fills on a 标识 column by conditional formatting (streamed rows share one style)."""
    mk = get_column_letter(col)
    for mark, fill in _MARK_FILLS.items():
        ws.conditional_formatting.add(f"{mk}2:{mk}{max(nrows, 2)}", FormulaRule(
            formula=[f'{mk}2="{mark}"'], fill=PatternFill("solid", bgColor=fill.fgColor.rgb)))


def write_rollup(wb: Workbook, result: RollupResult, *, bulk: bool = False
                 ) -> dict[str, tuple[int, list[list[object]]]]:
    """Write (or replace) 汇总, 进度, 问题 and 历史 in ``wb``; 汇总 becomes the active sheet.

    With ``bulk``, long tables get only their first rows here and the rest is
    returned as {sheet: (first row number, rows)}; ``rollup`` streams them into
    the saved package (much faster than openpyxl cells).
    """
    for name in ROLLUP_SHEETS:
        if name in wb.sheetnames:
            del wb[name]
    limit = BULK_THRESHOLD if bulk else None
    deferred: dict[str, tuple[int, list[list[object]]]] = {}
    ws = wb.create_sheet(L.SHEET_SUMMARY, 0)  # the first sheet: what the leader opens
    _write_summary(ws, result.sheets[L.SHEET_SUMMARY], result)

    ws = wb.create_sheet(L.SHEET_BY_REQUIREMENT)
    rows = result.sheets[L.SHEET_BY_REQUIREMENT]
    rest = _write_table_sheet(ws, rows, REQUIREMENT_WIDTHS, limit, (4,), (1, 5, 6, 7, 8))
    if rest:
        deferred[ws.title] = (len(rows) - len(rest) + 1, rest)
    _mark_colours(ws, rows[0].index(L.SCOL_MARK) + 1, len(rows))

    ws = wb.create_sheet(L.SHEET_PROGRESS)
    rows = result.sheets[L.SHEET_PROGRESS]
    # Whole columns get the date format: the streamed rows copy the first row's styles.
    date_cols = tuple(PROGRESS_COLUMNS.index(c) + 1 for c in (L.PCOL_DONE_DATE, L.RCOL_DEADLINE,
                                                              L.RCOL_EXTEND_TO))
    center = tuple(PROGRESS_COLUMNS.index(c) + 1 for c in
                   (L.COL_REQ_ID, L.RCOL_ROLE, L.PCOL_STATUS, L.RCOL_FEEDBACK, L.RCOL_OVERDUE_FLAG))
    rest = _write_table_sheet(ws, rows, PROGRESS_WIDTHS, limit, date_cols, center)
    if rest:
        deferred[ws.title] = (len(rows) - len(rest) + 1, rest)
    n = len(rows)
    fb = get_column_letter(PROGRESS_COLUMNS.index(L.RCOL_FEEDBACK) + 1)
    od = get_column_letter(PROGRESS_COLUMNS.index(L.RCOL_OVERDUE_FLAG) + 1)
    last = get_column_letter(len(PROGRESS_COLUMNS))
    ws.conditional_formatting.add(f"{fb}2:{fb}{max(n, 2)}", FormulaRule(
        formula=[f'AND({fb}2<>"{L.FEEDBACK_RETURNED}",{fb}2<>"{L.FEEDBACK_LATE}")'],
        fill=PatternFill("solid", bgColor="F4CCCC")))
    ws.conditional_formatting.add(f"A2:{last}{max(n, 2)}", FormulaRule(
        formula=[f'${od}2="{L.YES}"'], font=Font(color="C00000")))
    _mark_colours(ws, PROGRESS_COLUMNS.index(L.RCOL_MARK) + 1, n)

    ws = wb.create_sheet(L.SHEET_ISSUES)
    rows = result.sheets[L.SHEET_ISSUES]
    rest = _write_table_sheet(ws, rows, ISSUE_WIDTHS, limit, (), (1, 4, 9))
    if rest:
        deferred[ws.title] = (len(rows) - len(rest) + 1, rest)

    ws = wb.create_sheet(L.SHEET_EXTENSIONS)
    rows = result.sheets[L.SHEET_EXTENSIONS]
    _write_table_sheet(ws, rows, EXTENSION_WIDTHS, None, (5, 6), (1, 3))

    ws = wb.create_sheet(L.SHEET_HISTORY)
    rows = result.sheets[L.SHEET_HISTORY]
    rate_col = rows[0].index(L.SCOL_RATE) + 1
    widths = [14, 11, 24] + [8] * (len(rows[0]) - 3)  # 轮次 截至日期 单位 (names in full) …
    widths[rows[0].index(L.RCOL_FEEDBACK)] = 16
    rest = _write_table_sheet(ws, rows, widths, limit, (2,), (), {rate_col: PERCENT_FORMAT})
    if rest:
        deferred[ws.title] = (len(rows) - len(rest) + 1, rest)

    ws = wb.create_sheet(L.ROLLUP_INFO_SHEET)
    for r, values in enumerate(result.sheets[L.ROLLUP_INFO_SHEET], start=1):
        for c, value in enumerate(values, start=1):
            _write_value(ws, r, c, value)
    ws.sheet_state = "hidden"
    wb.active = wb.sheetnames.index(L.SHEET_SUMMARY)
    for sheet in wb.worksheets:
        sheet.sheet_view.tabSelected = sheet.title == L.SHEET_SUMMARY
    return deferred


