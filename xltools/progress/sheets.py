"""Write the roll-up sheets (汇总, 进度, 问题, 历史) into an openpyxl workbook,
with styles, 标识 fills and native charts. Long tables can be left to
``progress.stream`` (only a style-template row is written here)."""

from __future__ import annotations

import copy
import datetime as dt
import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.chart import BarChart, LineChart, PieChart, Reference
from openpyxl.chart.text import RichText
from openpyxl.drawing.text import (CharacterProperties, Paragraph, ParagraphProperties,
                                   RichTextProperties)
from openpyxl.chart.label import DataLabelList
from openpyxl.formatting.rule import FormulaRule
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.cell_range import CellRange
from openpyxl.worksheet.pagebreak import Break
from openpyxl.worksheet.worksheet import Worksheet

from xltools import labels as L
from xltools.progress.master import Rendered
from xltools.progress.results import PROGRESS_COLUMNS, ROLLUP_SHEETS, RollupResult, Table
from xltools.workbook.writer import cell_xml, print_landscape, set_text_safe

PROGRESS_WIDTHS = (8, 20, 6, 9, 40, 11, 24, 24, 9, 24, 12, 8, 16, 18, 50, 6, 18, 12, 24)
REQUIREMENT_WIDTHS = (8, 20, 24, 12, 9, 8, 6, 6, 18, 60)
EXTENSION_WIDTHS = (6, 20, 8, 50, 12, 12, 30, 10, 14, 24)
ISSUE_WIDTHS = (6, 24, 10, 6, 16, 8, 14, 50, 8, 60)
# 汇总 prints at 9 pt or more on A4 landscape (fit to width): the columns add up
# to about 130 width units (LibreOffice lays one out at about 7 pt).
# The columns take their widths from the words of the unit table (the widest);
# the last one (原因) gets what is left of the 130, 28 at most and 20 at least.
SUMMARY_WIDTHS = {L.SCOL_NO: 5, L.SCOL_UNIT: 18, L.SCOL_DUE: 10, L.SCOL_REPORTED: 6,
                  L.SCOL_RATE: 7.5, L.SCOL_FUNCTIONAL: 7, L.RCOL_FEEDBACK: 11, L.SCOL_MARK: 5}
SUMMARY_DEFAULT_WIDTH = 6.5
SUMMARY_PRINTED_WIDTH = 130
WHY_WIDTH = 28  # the last column of the widest 汇总 table (原因), at most
WHY_MIN_WIDTH = 20
_RATIO = re.compile(r"\d+/\d+")
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
DATE_FORMAT = L.DATE_FORMAT_CN  # 2019年4月20日
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
    _page_numbers(ws)
    return body[n:]


def _page_numbers(ws: Worksheet) -> None:
    """The sheet's name in the header, 第 N 页，共 M 页 in the footer of every page."""
    ws.oddHeader.center.text = "&A"
    ws.oddFooter.center.text = L.PRINT_FOOTER_PAGE
    ws.page_margins.top = ws.page_margins.bottom = 0.75
    ws.page_margins.header = ws.page_margins.footer = 0.3


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


def _merge(ws: Worksheet, row: int, first_col: int, last_col: int) -> None:
    """Merge cells of one row. openpyxl's merge_cells (and MergedCellRange) read
    and re-style the edge cells through its style registry, slow for a hundred
    merges; the range is registered as a plain range, which is all the writer
    needs (the covered cells get their border from the plan)."""
    # Straight into the set: MultiCellRange.add first compares with every range (quadratic).
    ws.merged_cells.ranges.add(CellRange(min_col=first_col, min_row=row, max_col=last_col, max_row=row))


@dataclass
class _SheetPlan:
    """A sheet's cells as (value, style key) by (row, column), row heights and
    one-row merges (row, first column, last column): written either as
    openpyxl cells or rendered straight into XML, from the same plan."""

    cells: dict[tuple[int, int], tuple[object, tuple]] = field(default_factory=dict)
    heights: dict[int, float] = field(default_factory=dict)
    merges: list[tuple[int, int, int]] = field(default_factory=list)

    def set_style(self, row: int, col: int, key: tuple) -> None:
        value = self.cells.get((row, col), (None, ()))[0]
        self.cells[(row, col)] = (value, key)


def _summary_style(key: tuple) -> dict[str, object]:
    """The openpyxl attributes of a 汇总 style key (see ``_summary_plan``)."""
    kind = key[0]
    if kind == "plain":
        return {"number_format": DATE_FORMAT} if key[1] else {}
    if kind == "title":
        return {"font": Font(bold=True, size=16),
                "alignment": Alignment(horizontal="center", vertical="center")}
    if kind == "banner":
        return {"alignment": Alignment(wrap_text=True, vertical="center")}
    if kind == "table_title":
        return {"font": Font(bold=True, size=13)}
    if kind == "header":
        return {"font": _HEADER_FONT, "fill": _HEADER_FILL, "alignment": _CENTER, "border": _BORDER}
    if kind == "covered":
        return {"border": _BORDER}
    # "body" / "body_last": (kind, number, date, rate column, 标识 text or None)
    _, number, date, rate, mark = key
    attrs: dict[str, object] = {
        "border": _BORDER,
        "alignment": (Alignment(wrap_text=True, vertical="center") if kind == "body_last"
                      else _CENTER if number or date or mark else _WRAP),
        "number_format": PERCENT_FORMAT if rate else DATE_FORMAT if date else "General"}
    if mark:
        attrs["fill"] = _MARK_FILLS[mark]
    return attrs


def _summary_plan(rows: list[list[object]], result: RollupResult) -> _SheetPlan:
    """Every 汇总 cell with its style key, the row heights and the merges."""
    widest = max(t.ncols for t in result.layout.values())
    chart = result.layout.get("chart")
    plan = _SheetPlan()
    cells = plan.cells
    for r, values in enumerate(rows, start=1):
        for c, value in enumerate(values, start=1):
            cells[(r, c)] = (value, ("plain", isinstance(value, dt.date)))
    plan.merges.append((1, 1, widest))
    plan.set_style(1, 1, ("title",))
    plan.heights[1] = 30
    for r in (2, 3):
        plan.merges.append((r, 1, widest))
        plan.set_style(r, 1, ("banner",))
    widths = summary_widths(result)
    plan.heights[2] = _banner_height(str(rows[1][0]) if len(rows) > 1 and rows[1] else "", widest,
                                     widths)
    plan.heights[3] = _banner_height(str(rows[2][0]) if len(rows) > 2 and rows[2] else "", widest,
                                     widths)
    for t in result.layout.values():
        plan.set_style(t.header_row - 1, 1, ("table_title",))
        for c in range(1, t.ncols + 1):
            plan.set_style(t.header_row, c, ("header",))
        for r in range(t.first_row, t.last_row + 1):
            for c in range(1, t.ncols + 1):
                value = cells.get((r, c), (None,))[0]
                # numbers, and counts written 14/17 (按职能已报), are centred
                number = isinstance(value, int | float) or (
                    isinstance(value, str) and _RATIO.fullmatch(value) is not None)
                date = isinstance(value, dt.date)
                mark = str(value) if c == t.mark_col and str(value) in _MARK_FILLS else None
                last = "body_last" if c == t.ncols and t.ncols < widest else "body"
                rate = c == t.rate_col or (t is chart and c > 1)  # chart data: percentages
                cells[(r, c)] = (value, (last, number, date, rate, mark))
        if t.ncols < widest:
            # The last column (原因, the shortened requirement text) spans the rest of the width.
            for r in range(t.header_row, t.last_row + 1):
                plan.merges.append((r, t.ncols, widest))
                for c in range(t.ncols + 1, widest + 1):
                    plan.set_style(r, c, ("covered",))
        _grow_rows(plan, t, t.ncols, widest, widths)
    return plan


def _write_summary(ws: Worksheet, rows: list[list[object]], result: RollupResult,
                   render: bool = False) -> Rendered | None:
    """Write 汇总 into ``ws``; with ``render``, its cells and merges are returned
    (to be rendered as XML into the saved package) instead of written."""
    widest = max(t.ncols for t in result.layout.values())
    plan = _summary_plan(rows, result)
    rendered = None
    if render:  # the merges go with the rows, as XML too (openpyxl's are slow to make)
        render_rows, dimension = _render_plan(ws, plan)
        rendered = Rendered(render_rows, tuple(
            f"{get_column_letter(first)}{row}:{get_column_letter(last)}{row}"
            for row, first, last in plan.merges), dimension)
    else:
        for row, first, last in plan.merges:
            _merge(ws, row, first, last)
        styles = _Styles()
        for (r, c), (value, key) in plan.cells.items():
            cell = ws.cell(row=r, column=c)
            set_text_safe(cell, value)
            attrs = _summary_style(key)
            if attrs:
                styles.apply(cell, key, **attrs)
        for r, height in plan.heights.items():
            ws.row_dimensions[r].height = height
    widths = summary_widths(result)
    for c in range(1, widest + 1):
        ws.column_dimensions[get_column_letter(c)].width = _width(c, widths)
    _add_charts(ws, result, widest)
    ws.freeze_panes = "A4"
    print_landscape(ws)
    # On paper: the tables only, at a readable size. The charts stand to the right and
    # the chart data below, both outside the print area.
    last_printed = max(t.last_row for key, t in result.layout.items() if key != "chart")
    ws.print_area = f"A1:{get_column_letter(widest)}{last_printed}"
    # 四、需督办的要求 starts a page: its title never stands alone at the foot of one.
    ws.row_breaks.append(Break(id=result.layout["requirements"].header_row - 2))
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.4
    _page_numbers(ws)
    return rendered


def _render_plan(ws: Worksheet, plan: _SheetPlan) -> tuple[Callable[[int], str], str]:
    """The plan's rows as sheetData XML, made when the offset of ``ws``'s workbook's
    style ids in the merged workbook is known (no pass over the XML to shift them),
    and the sheet's dimension. Each style key is registered once now, through a
    cell that is not added to the sheet."""
    ids: dict[tuple, int | None] = {}
    by_row: dict[int, list[tuple[int, object, tuple]]] = {}
    for (r, c), (value, key) in plan.cells.items():
        by_row.setdefault(r, []).append((c, value, key))
    for r in plan.heights:
        by_row.setdefault(r, [])
    rows: list[tuple[str, list[tuple[str, object, int | None]]]] = []
    width = 1
    for r in sorted(by_row):
        height = plan.heights.get(r)
        cells = []
        for c, value, key in sorted(by_row[r], key=lambda t: t[0]):
            if key not in ids:
                attrs = _summary_style(key)
                scratch = Cell(ws, row=1, column=1)
                for name, attr in attrs.items():
                    setattr(scratch, name, attr)
                ids[key] = scratch.style_id if attrs else None
            style = ids[key]
            if value is None and style is None:
                continue
            cells.append((f"{get_column_letter(c)}{r}", value, style))
            width = max(width, c)
        rows.append((f'<row r="{r}" ht="{height}" customHeight="1">' if height else f'<row r="{r}">',
                     cells))

    def render(offset: int) -> str:
        out: list[str] = []
        for opening, cells in rows:
            out.append(opening)
            out.extend(cell_xml(ref, value, "" if style is None else str(style + offset))
                       for ref, value, style in cells)
            out.append("</row>")
        return "".join(out)

    last = max(by_row, default=1)
    return render, f"A1:{get_column_letter(width)}{last}"


def summary_widths(result: RollupResult) -> dict[int, float]:
    """汇总's column widths (1-based) from the header of its widest table."""
    widest = max(result.layout.values(), key=lambda t: t.ncols)
    header = result.sheets[L.SHEET_SUMMARY][widest.header_row - 1]
    widths = {c: float(SUMMARY_WIDTHS.get(str(name), SUMMARY_DEFAULT_WIDTH))
              for c, name in enumerate(header[:-1], start=1)}
    rest = SUMMARY_PRINTED_WIDTH - sum(widths.values())
    widths[widest.ncols] = max(WHY_MIN_WIDTH, min(WHY_WIDTH, rest))
    return widths


def _width(c: int, widths: dict[int, float]) -> float:
    return widths.get(c, SUMMARY_DEFAULT_WIDTH)


def _grow_rows(plan: _SheetPlan, t: Table, last_col: int, widest: int,
               widths: dict[int, float]) -> None:
    """Merged cells do not grow with their text, and LibreOffice keeps rows written
    by a program at one line: size the rows to the cell that wraps most (a CJK
    character is about two width units; 15 points a line)."""
    room = sum(_width(c, widths) for c in range(last_col, widest + 1))
    for r in range(t.header_row, t.last_row + 1):
        lines = 1
        for c in range(1, last_col + 1):
            value = plan.cells.get((r, c), (None,))[0]
            if value is None or isinstance(value, int | float | dt.date):
                continue
            width = room if c == last_col else _width(c, widths)
            lines = max(lines, math.ceil(_text_width(str(value)) / max(1.0, width - 1)))
        if lines > 1:
            plan.heights[r] = 15 * lines


def _text_width(text: str) -> int:
    """Width units of a text: a CJK character 2, others 1."""
    return sum(1 if ord(ch) < 0x2E80 else 2 for ch in text)


def _banner_height(text: str, widest: int, widths: dict[int, float]) -> float:
    """Height of a merged banner row (the subtitle, the legend) for its text."""
    room = sum(_width(c, widths) for c in range(1, widest + 1))
    return 15.0 * max(1, math.ceil(_text_width(text) / max(1.0, room - 2))) + 4


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
                 ) -> dict[str, tuple[int, list[list[object]]] | Rendered]:
    """Write (or replace) 汇总, 进度, 问题 and 历史 in ``wb``; 汇总 becomes the active sheet.

    With ``bulk``, long tables get only their first rows here and the rest is
    returned as {sheet: (first row number, rows)}, and 汇总's cells as its
    rendered rows' XML {sheet: xml}; ``rollup`` streams them into the saved
    package (much faster than openpyxl cells).
    """
    for name in ROLLUP_SHEETS:
        if name in wb.sheetnames:
            del wb[name]
    limit = BULK_THRESHOLD if bulk else None
    deferred: dict[str, tuple[int, list[list[object]]] | Rendered] = {}
    ws = wb.create_sheet(L.SHEET_SUMMARY, 0)  # the first sheet: what the leader opens
    rendered = _write_summary(ws, result.sheets[L.SHEET_SUMMARY], result, render=bulk)
    if rendered is not None:
        deferred[ws.title] = rendered

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
    role = PROGRESS_COLUMNS.index(L.RCOL_ROLE)
    own = sum(1 for r in rows[1:] if r[role] != L.ROLE_FUNCTIONAL)
    if own < n - 1:  # the 按职能 rows follow; on paper 汇总 counts them
        ws.print_area = f"A1:{last}{own + 1}"

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


