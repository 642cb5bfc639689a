"""Split: write one progress file per unit (``进度反馈表-<单位>.xlsx``).

A progress file is a plain .xlsx (no macros, no links): a title block, a
table whose task columns are locked and whose fill-in columns are unlocked
(sheet protected without a password), a 状态 dropdown and a date check on
完成时间, and the optional 签收/延期 fields. A hidden sheet carries the
identity that survives renaming: the plan fingerprint, the unit, the round,
the time written and a fingerprint of each row's locked content. See
docs/progress.md.
"""

from __future__ import annotations

import copy
import datetime as dt
import io
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

import openpyxl
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.cell import WriteOnlyCell
from openpyxl.worksheet.cell_range import CellRange
from openpyxl.worksheet.dimensions import RowDimension
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from xltools import labels as L
from xltools.errors import InputError, OutputError
from xltools.io.fileio import atomic_folder, check_writable, is_file_like, read_input
from xltools.io.filenames import unique_filenames
from xltools.model import Plan
from xltools.progress.identity import (FORMAT_ID, KEY_DEADLINE, KEY_FORMAT, KEY_PLAN, KEY_ROUND,
                                       KEY_ROWS, KEY_TITLE, KEY_UNIT, KEY_WRITTEN, UnitRow, cell_key,
                                       default_round, is_functional_role, parse_date_arg,
                                       parse_functional_id,
                                       plan_fingerprint,
                                       progress_file_name, unit_rows)
from xltools.progress.returns import refuse_filled_return
from xltools.progress.status import status_options
from xltools.workbook.writer import cell_xml, set_text_safe
from xltools.workbook.reader import normalise_requirement_id

COL_REQ_ID, COL_GOAL, COL_TASK, COL_REQUIREMENT, COL_ROLE, COL_DEADLINE = L.PROGRESS_LOCKED_COLUMNS
LOCKED_COLUMNS = L.PROGRESS_LOCKED_COLUMNS
FILL_COLUMNS = L.PROGRESS_FILL_COLUMNS
EXTENSION_COLUMNS = L.PROGRESS_EXTENSION_COLUMNS  # optional: a unit asks for more time
FILE_COLUMNS = LOCKED_COLUMNS + FILL_COLUMNS + EXTENSION_COLUMNS
# Printed on A4 landscape at 9 pt or more: the columns up to 下步计划 add up to about
# 130 width units (LibreOffice lays one out at about 7 pt); the two optional
# extension columns stand outside the print area.
FILE_WIDTHS = (6, 8, 10, 28, 5, 9, 8, 22, 10, 13, 13, 11, 16)
PRINTED_COLUMNS = len(L.PROGRESS_LOCKED_COLUMNS) + len(L.PROGRESS_FILL_COLUMNS)
_CENTERED = (L.PROGRESS_LOCKED_COLUMNS[0], L.PROGRESS_LOCKED_COLUMNS[4], L.PCOL_STATUS)
HEADER_ROW = 5  # where split writes the table header (readers search for it)
FILLED_DATE_CELL = "C3"  # 填报日期 (the returns are read by the label before it, not by place)
PREFILL_COLUMNS = FILL_COLUMNS

_THIN = Side(style="thin", color="A6A6A6")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_LOCKED_FILL = PatternFill("solid", fgColor="EDEDED")
_FILL_FILL = PatternFill("solid", fgColor="FFF2CC")
_HEADER_FONT = Font(bold=True, color="FFFFFF")
_HEADER_FILL = PatternFill("solid", fgColor="305496")
_HEADER_FILL_OPEN = PatternFill("solid", fgColor="BF8F00")
_WRAP = Alignment(wrap_text=True, vertical="top")
_CENTER = Alignment(horizontal="center", vertical="top", wrap_text=True)
DATE_FORMAT = L.DATE_FORMAT_CN  # 2019年6月30日



# ----------------------------------------------------- previous answers
def read_previous(src: str | os.PathLike[str] | IO[bytes]) -> dict[tuple[str, str], dict[str, object]]:
    """Answers of the last roll-up (sheet 进度 of ``src``): (要求编号, 单位) → fill-in values."""
    if is_file_like(src):
        src.seek(0)  # type: ignore[union-attr]
    wb = openpyxl.load_workbook(src, read_only=True, data_only=True)
    try:
        if L.SHEET_PROGRESS not in wb.sheetnames:
            return {}
        rows = wb[L.SHEET_PROGRESS].iter_rows(values_only=True)
        header = [cell_key(v) for v in next(rows, ())]
        cols = {name: i for i, name in enumerate(header) if name}
        if L.COL_REQ_ID not in cols or L.RCOL_UNIT not in cols:
            return {}
        out: dict[tuple[str, str], dict[str, object]] = {}
        for values in rows:
            def get(name: str) -> object:
                i = cols.get(name)
                return values[i] if i is not None and i < len(values) else None
            req_id = (normalise_requirement_id(get(L.COL_REQ_ID))[0]
                      or parse_functional_id(get(L.COL_REQ_ID)))  # 4-职能: a 按职能 row
            unit = cell_key(get(L.RCOL_UNIT))
            if not req_id or not unit:
                continue
            answers = {c: get(c) for c in PREFILL_COLUMNS if get(c) not in (None, "")}
            if answers:
                out[(req_id, unit)] = answers
        return out
    finally:
        wb.close()


# --------------------------------------------------------------- writing
@dataclass(frozen=True)
class Identity:
    plan: str
    unit: str
    round: str
    written: str
    deadline: dt.date | None
    title: str


class _StyleCache:
    """Give many cells the same style fast: the first cell of a kind gets the
    attributes, the others a copy of its style record (openpyxl would hash
    every style object on each assignment). ``style_id`` gives the cellXfs
    index of a kind for rows rendered as XML."""

    def __init__(self) -> None:
        self._styles: dict[object, object] = {}
        self._ids: dict[object, str] = {}

    def style_id(self, ws, key: object, attrs: Callable[[], dict[str, object]]) -> str:
        """The style id of ``key`` (``attrs()`` gives its attributes the first time)."""
        found = self._ids.get(key)
        if found is None:
            scratch = WriteOnlyCell(ws)  # registers the style; never written
            for name, value in attrs().items():
                setattr(scratch, name, value)
            found = self._ids[key] = str(scratch.style_id)
        return found

    def apply(self, cell, key: object, **attrs: object) -> None:
        style = self._styles.get(key)
        if style is None:
            for name, value in attrs.items():
                setattr(cell, name, value)
            self._styles[key] = copy.copy(cell._style)  # noqa: SLF001 - openpyxl's style record
        else:
            cell._style = copy.copy(style)  # noqa: SLF001


def build_progress_workbook(plan: Plan, unit: str, rows: Sequence[UnitRow], identity: Identity,
                            previous: dict[tuple[str, str], dict[str, object]] | None = None, *,
                            filled_date: dt.date | None = None) -> tuple[ProgressFile, int]:
    """The progress file of one unit, ready to save (``ProgressFile.save``), and
    how many rows were pre-filled. ``filled_date`` fills 填报日期 (as a unit
    would; split leaves it empty)."""
    previous = previous or {}
    wb = Workbook(write_only=True)
    ws = wb.create_sheet(L.PROGRESS_SHEET)
    ncols = len(FILE_COLUMNS)
    last = get_column_letter(ncols)
    first = HEADER_ROW + 1
    # What goes at the top of the sheet's XML comes first: widths, panes, page fit.
    for idx, width in enumerate(FILE_WIDTHS, start=1):
        ws.column_dimensions[get_column_letter(idx)].width = width
    ws.freeze_panes = f"A{first}"
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    styles = _StyleCache()

    def cell(value: object, key: object = None, **attrs: object) -> WriteOnlyCell:
        c = WriteOnlyCell(ws, value if value != "" else None)
        if type(value) is str:
            c.data_type = "s"  # text stays text, never a formula (=, +, -, @)
        if key is not None:
            styles.apply(c, key, **attrs)
        return c

    def blank(n: int) -> list[None]:
        return [None] * n  # covered by a merge: nothing to write

    def unlocked(value: object, number_format: str) -> WriteOnlyCell:
        return cell(value, ("open", number_format), protection=Protection(locked=False),
                    fill=_FILL_FILL, border=_BORDER, alignment=Alignment(horizontal="left"),
                    number_format=number_format)

    def label(text: str) -> WriteOnlyCell:
        return cell(text, "label", alignment=Alignment(horizontal="right"))

    title = (L.PROGRESS_TITLE.format(title=plan.info.title) if plan.info.title
             else L.PROGRESS_TITLE_DEFAULT)
    ws.row_dimensions[1] = RowDimension(ws, index=1, ht=30)
    ws.append([cell(title, "title", font=Font(bold=True, size=16),
                    alignment=Alignment(horizontal="center", vertical="center")), *blank(ncols - 1)])
    deadline_text = _cn_date(identity.deadline) if identity.deadline else ""
    bold = {"font": Font(bold=True, size=12)}
    ws.append([cell(L.PROGRESS_UNIT_LABEL + unit, "line2", **bold), *blank(3),
               cell(L.PROGRESS_ROUND_LABEL + identity.round, "line2", **bold), *blank(2),
               cell(L.PROGRESS_DEADLINE_LABEL + deadline_text, "line2", **bold),
               *blank(ncols - 8)])
    # Row 3: who fills it in and when — unlocked cells right of each label, each
    # wide enough for what goes in it (a date; a name with a post; a phone number).
    ws.row_dimensions[3] = RowDimension(ws, index=3, ht=20)
    # (label A:B, date C:D, label E:F, name G:H, label I:J, phone K — within the printed width)
    ws.append([label(L.PROGRESS_FILLED_DATE_LABEL), None, unlocked(filled_date, DATE_FORMAT), None,
               label(L.PROGRESS_FILLER_LABEL), None, unlocked(None, "General"), None,
               label(L.PROGRESS_PHONE_LABEL), None, unlocked(None, "@"), *blank(ncols - 11)])
    functional = any(is_functional_role(row.role) for row in rows)
    instructions = (L.PROGRESS_INSTRUCTIONS + L.PROGRESS_EXTENSION_NOTE
                    + (L.PROGRESS_FUNCTIONAL_NOTE if functional else "") + send_to(plan, identity))
    printed_width = sum(FILE_WIDTHS[:PRINTED_COLUMNS])
    lines = -(-sum(1 if ord(ch) < 0x2E80 else 2 for ch in instructions) // (printed_width - 2))
    ws.row_dimensions[4] = RowDimension(ws, index=4, ht=15 * lines + 4)
    ws.append([cell(instructions, "wrap", alignment=_WRAP), *blank(ncols - 1)])
    ws.append([cell(name, ("head", name in LOCKED_COLUMNS), font=_HEADER_FONT,
                    fill=_HEADER_FILL if name in LOCKED_COLUMNS else _HEADER_FILL_OPEN,
                    alignment=_CENTER, border=_BORDER) for name in FILE_COLUMNS])
    printed_last = get_column_letter(PRINTED_COLUMNS)
    for ref in (f"A1:{printed_last}1", "A2:D2", "E2:G2", f"H2:{printed_last}2", "A3:B3", "C3:D3",
                "E3:F3", "G3:H3", "I3:J3", f"A4:{printed_last}4"):
        ws.merged_cells.ranges.add(CellRange(ref))
    # The table's rows are rendered as XML (openpyxl cells cost ten times more);
    # each kind of cell gets its style id from openpyxl once.
    prefilled = 0
    kinds = [(name in LOCKED_COLUMNS, name in _CENTERED) for name in FILE_COLUMNS]
    letters = [get_column_letter(c) for c in range(1, ncols + 1)]
    body: list[str] = []
    for r, row in enumerate(rows, start=first):
        answers = previous.get((row.req_id, unit), {})
        prefilled += bool(answers)
        deadline_value: object = row.deadline.text or row.deadline.date or None
        values: list[object] = [row.shown_id or row.req_id, row.goal, row.task, row.requirement,
                                row.role, deadline_value]
        values += [answers.get(c) for c in FILL_COLUMNS + EXTENSION_COLUMNS]
        # No customHeight: the height is a first estimate and grows with the answer.
        body.append(f'<row r="{r}" ht="{_row_height(values):g}">')
        for c, value in enumerate(values, start=1):
            locked, centered = kinds[c - 1]
            key = (locked, centered, isinstance(value, dt.date), c == 1)
            style = styles.style_id(ws, key, lambda key=key: _body_attrs(*key))
            body.append(cell_xml(f"{letters[c - 1]}{r}", None if value == "" else value, style))
        body.append("</row>")
    last_row = first + len(rows) - 1
    status_col = get_column_letter(FILE_COLUMNS.index(L.PCOL_STATUS) + 1)
    date_cols = [get_column_letter(FILE_COLUMNS.index(c) + 1)
                 for c in (L.PCOL_DONE_DATE, L.PCOL_EXTEND_TO)]
    options = status_options(plan)
    dv_status = DataValidation(type="list", formula1='"' + ",".join(options) + '"',
                               allow_blank=True, showErrorMessage=True, errorStyle="stop",
                               errorTitle=L.PCOL_STATUS,
                               error=L.PROGRESS_STATUS_ERROR.format(
                                   allowed=L.ALIAS_SEPARATOR.join(options)),
                               showInputMessage=True, promptTitle=L.PROGRESS_STATUS_PROMPT_TITLE,
                               prompt=L.PROGRESS_STATUS_PROMPT)
    dv_date = DataValidation(type="date", operator="greaterThan", formula1="36526",
                             allow_blank=True, showErrorMessage=True, errorStyle="warning",
                             errorTitle=L.PCOL_DONE_DATE,
                             error=L.PROGRESS_DATE_ERROR)
    # 完成时间: what it means, shown when the cell is selected.
    dv_done = DataValidation(type="date", operator="greaterThan", formula1="36526",
                             allow_blank=True, showErrorMessage=True, errorStyle="warning",
                             errorTitle=L.PCOL_DONE_DATE, error=L.PROGRESS_DATE_ERROR,
                             showInputMessage=True, promptTitle=L.PROGRESS_DATE_PROMPT_TITLE,
                             prompt=L.PROGRESS_DATE_PROMPT)
    if rows:
        dv_status.add(f"{status_col}{first}:{status_col}{last_row}")
        dv_done.add(f"{date_cols[0]}{first}:{date_cols[0]}{last_row}")
        for col in date_cols[1:]:
            dv_date.add(f"{col}{first}:{col}{last_row}")
    dv_date.add(FILLED_DATE_CELL)
    ws.data_validations.append(dv_status)
    ws.data_validations.append(dv_date)
    ws.data_validations.append(dv_done)
    ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = Worksheet.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.oddFooter.center.text = L.PRINT_FOOTER_PAGE
    ws.print_area = f"A1:{printed_last}{max(last_row, HEADER_ROW)}"
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = ws.page_margins.bottom = 0.6
    ws.page_margins.header = ws.page_margins.footer = 0.25
    # Protect without a password: only the unlocked cells can be edited;
    # columns and rows may still be resized.
    ws.protection.sheet = True
    ws.protection.formatColumns = False
    ws.protection.formatRows = False
    ws.protection.selectLockedCells = False
    ws.protection.selectUnlockedCells = False
    id_rows = _write_identity(wb, identity, rows)
    wb.properties.title = title
    wb.properties.subject = unit
    wb.properties.creator = "xltools"
    wb.properties.keywords = f"{FORMAT_ID};{identity.plan};{identity.round}"
    return ProgressFile(wb, {L.PROGRESS_SHEET: "".join(body), L.PROGRESS_ID_SHEET: id_rows}), prefilled


def _cn_date(day: dt.date) -> str:
    return L.LETTER_DATE.format(y=day.year, m=day.month, d=day.day)


def send_to(plan: Plan, identity: Identity) -> str:
    """Where the filled-in sheet goes: 填好后请于…前报送<发文单位>（联系人…电话…）。"""
    info = plan.info
    contact = ""
    if info.contact or info.phone:
        contact = L.PROGRESS_SEND_CONTACT.format(
            contact=info.contact, phone=("，" if info.contact and info.phone else "") + info.phone)
    issuer = info.issuer or L.PROGRESS_ISSUER_DEFAULT
    way = dict(info.extra).get(L.SET_DELIVERY, "").strip()
    delivery = L.PROGRESS_SEND_BY.format(delivery=way) if way else ""
    if identity.deadline:
        return L.PROGRESS_SEND_TO.format(deadline=_cn_date(identity.deadline), issuer=issuer,
                                         contact=contact, delivery=delivery)
    return L.PROGRESS_SEND_TO_NO_DEADLINE.format(issuer=issuer, contact=contact,
                                                 delivery=delivery)


def _body_attrs(locked: bool, centered: bool, date: bool, first: bool) -> dict[str, object]:
    """The style of a table cell: locked (grey) or to fill in (yellow)."""
    return {"border": _BORDER, "alignment": _CENTER if centered else _WRAP,
            "fill": _LOCKED_FILL if locked else _FILL_FILL, "protection": Protection(locked=locked),
            "number_format": "@" if first else DATE_FORMAT if date else "General"}


class ProgressFile:
    """A unit's progress file ready to save: the openpyxl write-only workbook
    (title block, header, validations, protection, properties) and the rows
    rendered as XML for some of its sheets, added to the package on saving."""

    def __init__(self, workbook: Workbook, rows: dict[str, str]) -> None:
        self.workbook = workbook
        self.rows = rows

    def to_bytes(self) -> bytes:
        from xltools.progress.master import add_rows

        buf = io.BytesIO()
        self.workbook.save(buf)
        return add_rows(buf.getvalue(), self.rows)

    def save(self, target: str | os.PathLike[str] | IO[bytes]) -> None:
        data = self.to_bytes()
        if is_file_like(target):
            target.write(data)  # type: ignore[union-attr]
        else:
            Path(target).write_bytes(data)


def _row_height(values: Sequence[object]) -> float:
    """Points for a row of wrapped text as a first estimate (the row still grows
    with what the unit types): a CJK character is about two width units, 15
    points a line."""
    lines = 1
    for value, width in zip(values, FILE_WIDTHS, strict=False):
        if isinstance(value, str) and value:
            lines = max(lines, sum(-(-2 * len(part) // int(width)) or 1 for part in value.split("\n")))
    return min(409.0, 15.0 * lines + 3)


def _write_identity(wb: Workbook, identity: Identity, rows: Sequence[UnitRow]) -> str:
    """The hidden identity sheet (protected); its rows are returned as XML."""
    ws = wb.create_sheet(L.PROGRESS_ID_SHEET)
    ws.sheet_state = "hidden"
    ws.protection.sheet = True
    values: list[tuple[object, ...]] = [
        (KEY_FORMAT, FORMAT_ID), (KEY_PLAN, identity.plan), (KEY_UNIT, identity.unit),
        (KEY_ROUND, identity.round), (KEY_WRITTEN, identity.written),
        (KEY_DEADLINE, identity.deadline.isoformat() if identity.deadline else ""),
        (KEY_TITLE, identity.title), (KEY_ROWS,)]
    values += [(row.req_id, row.fingerprint) for row in rows]
    out = []
    for r, pair in enumerate(values, start=1):
        cells = "".join(cell_xml(f"{letter}{r}", "" if v is None else str(v))
                        for letter, v in zip("AB", pair))
        out.append(f'<row r="{r}">{cells}</row>')
    return "".join(out)


@dataclass
class SplitResult:
    """What `split` wrote."""

    folder: Path
    files: dict[str, Path] = field(default_factory=dict)  # unit → file
    round_label: str = ""
    deadline: dt.date | None = None
    prefilled_rows: int = 0
    plan_fingerprint: str = ""

    def summary(self) -> str:
        text = L.MSG_SPLIT_DONE.format(count=len(self.files), round=self.round_label,
                                       path=self.folder)
        if self.prefilled_rows:
            text += L.MSG_SPLIT_PREFILLED.format(rows=self.prefilled_rows)
        return text


def split(workbook: str | os.PathLike[str] | IO[bytes], out_dir: str | os.PathLike[str], *,
          round_label: str | None = None, deadline: str | dt.date | None = None,
          force: bool = False, now: dt.datetime | None = None) -> SplitResult:
    """Write one progress file per unit of ``workbook`` into ``out_dir``.

    ``deadline`` defaults to 说明 → 反馈截止日期; ``round_label`` to 说明 →
    反馈轮次, else the month (``2019-06``). When the workbook has a 进度 sheet (it is a previous
    roll-up), that round's answers are pre-filled. Existing files are only
    replaced with ``force``.
    """
    from xltools.progress.master import read_plan_fast

    from xltools.budget import ROLLUP_CELLS_FACTOR, ROLLUP_LIMITS
    from xltools.io.guard import MAX_CELLS, check_package

    # The input guard (zip bombs, damaged, encrypted), with a roll-up's limits:
    # the last roll-up is this round's workbook.
    data, name = read_input(workbook, check=False)
    check_package(data, name, max_cells=MAX_CELLS * ROLLUP_CELLS_FACTOR, limits=ROLLUP_LIMITS)
    src = io.BytesIO(data)
    # The same reader as the roll-up, so both compute the same plan fingerprint.
    plan = read_plan_fast(data, name)
    rows_by_unit = unit_rows(plan)
    if not rows_by_unit:
        raise InputError(L.MSG_SPLIT_NO_UNITS)
    previous = read_previous(src)
    now = now or dt.datetime.now().replace(microsecond=0)
    due = parse_date_arg(deadline)
    if due is None and isinstance(plan.info.feedback_deadline, dt.date):
        due = plan.info.feedback_deadline
    label = (round_label or dict(plan.info.extra).get(L.SET_ROUND, "").strip()
             or default_round(now.date()))
    folder = Path(out_dir)
    if folder.exists() and not folder.is_dir():
        raise OutputError(L.MSG_NOT_A_FOLDER.format(path=folder), path=str(folder))
    # Same naming as the letters (xltools.documents.letters), which tell each unit this file name.
    stems = {u: progress_file_name(u).removesuffix(".xlsx") for u in rows_by_unit}
    names = unique_filenames(list(stems.values()), ".xlsx")
    targets = {u: folder / names[stems[u]] for u in rows_by_unit}
    for target in targets.values():  # never onto the workbook or a filled-in return
        check_writable(target, force, (workbook,))
        refuse_filled_return(target, previous)
    fp = plan_fingerprint(plan)
    result = SplitResult(folder=folder, round_label=label, deadline=due, plan_fingerprint=fp)
    with atomic_folder(folder, force, (workbook,)) as batch:  # all files or none
        for unit, rows in rows_by_unit.items():
            identity = Identity(plan=fp, unit=unit, round=label, written=now.isoformat(),
                                deadline=due, title=plan.info.title)
            wb, prefilled = build_progress_workbook(plan, unit, rows, identity, previous)
            wb.save(batch.path(targets[unit]))
            result.files[unit] = targets[unit]
            result.prefilled_rows += prefilled
    return result

