"""Writer of the normalised workbook (the contract every later step reads).

Sheets: 说明 (settings + instructions), 任务分工 (one row per requirement ×
unit), 单位 (unit registry), 待核对 (the import's judgement calls).
See docs/workbook.md.
"""

from __future__ import annotations

import datetime as dt
import functools
import io
import math
import os
import re
import zipfile
from collections.abc import Iterable, Sequence
from typing import IO
from xml.sax.saxutils import escape as xml_escape

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from xltools import labels as L
from xltools.budget import EXCEL_MAX_CELL_CHARS, excel_value
from xltools.io.fileio import atomic_path, check_writable, is_file_like
from xltools.issuer import issuer_units
from xltools.model import Plan, PlanInfo, ReviewNote, Role, assignment_rows
from xltools.io.sharedstrings import SharedIndex, compact, compact_package
from xltools.io.ziputil import Package, write_package

# Validations and the unit list reach this far below the data, so rows and
# units added by hand in Excel still get dropdowns.
VALIDATION_ROWS = 5000
UNIT_LIST_ROWS = 1000

HEADER_FONT = Font(bold=True, color="FFFFFF")
HEADER_FILL = PatternFill("solid", fgColor="305496")
THIN = Side(style="thin", color="A6A6A6")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
WRAP = Alignment(wrap_text=True, vertical="top")
CENTER = Alignment(horizontal="center", vertical="top", wrap_text=True)
DATE_FORMAT = "yyyy-mm-dd"

ASSIGNMENT_WIDTHS = (9, 18, 7, 20, 60, 22, 7, 12, 36, 20)
# 原文责任单位 repeats long wordings on every row: kept on one line (and folded
# away, so not printed), it does not make the rows (and the printout) grow.
UNWRAPPED_COLUMNS = (L.COL_UNITS_TEXT,)
UNIT_WIDTHS = (28, 12, 30, 12, 16, 24)
REVIEW_WIDTHS = (6, 10, 9, 60, 9, 60, 12)


def set_text_safe(cell, value: object) -> None:
    """Set a cell; text is always stored as text, never as a formula (=, +, -, @);
    what no cell can hold (NaN, text over 32,767 characters) as ``budget.excel_value``."""
    if type(value) is str and len(value) > EXCEL_MAX_CELL_CHARS or type(value) is float:
        value = excel_value(value)
    cell.value = value
    if isinstance(value, str):
        cell.data_type = "s"


_XML_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_XML_SPECIAL = re.compile(r"[&<>\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


_EPOCH = dt.datetime(1899, 12, 30)


def cell_rest(style: str, value: object) -> str:
    """A streamed cell's XML after its reference (``<c r="A2`` comes before it): the
    one cell writer of every streamed sheet. Text is always an inline string, never
    a formula (=, +, -, @ stay text); numbers stay numbers; dates are serials."""
    s = f' s="{style}"' if style else ""
    if type(value) is str and value:  # the common case first
        text, preserve = _escaped(value)
        space = ' xml:space="preserve"' if preserve else ""
        return f'"{s} t="inlineStr"><is><t{space}>{text}</t></is></c>'
    if value is None or value == "":
        return f'"{s}/>'
    if isinstance(value, bool):
        return f'"{s} t="b"><v>{int(value)}</v></c>'
    if isinstance(value, int | float):
        if type(value) is float and not math.isfinite(value):  # NaN/inf: never a number
            return cell_rest(style, str(value))
        return f'"{s}><v>{value!r}</v></c>'
    if isinstance(value, dt.datetime):
        return f'"{s}><v>{(value - _EPOCH).total_seconds() / 86400!r}</v></c>'
    if isinstance(value, dt.date):
        return f'"{s}><v>{(value - _EPOCH.date()).days}</v></c>'
    text = str(value)
    if _XML_SPECIAL.search(text):  # most texts have none of these: skip the replacements
        text = xml_escape(_XML_ILLEGAL.sub("", text))
    space = ' xml:space="preserve"' if text[:1].isspace() or text[-1:].isspace() else ""
    return f'"{s} t="inlineStr"><is><t{space}>{text}</t></is></c>'


def _escaped(value: str) -> tuple[str, bool]:
    """A text as the XML of a cell holds it, and whether its spaces must be preserved."""
    text = value if len(value) <= EXCEL_MAX_CELL_CHARS else str(excel_value(value))
    if _XML_SPECIAL.search(text):  # most texts have none of these: skip the replacements
        text = xml_escape(_XML_ILLEGAL.sub("", text))
    return text, text[:1].isspace() or text[-1:].isspace()


def cell_xml(ref: str, value: object, style: str = "") -> str:
    """One ``<c>`` of a streamed sheet (``style`` the cellXfs index); see ``cell_rest``."""
    return f'<c r="{ref}' + cell_rest(style, value)


_NARROW = re.compile("[\x00-\u2e80]+")


def _display_width(text: str) -> int:
    """Columns ``text`` takes: two for each CJK (wide) character, one for the rest."""
    return len(text) + len(_NARROW.sub("", text))


@functools.lru_cache(maxsize=8192)  # a requirement's text comes back on each of its units' rows
def _line_count(text: str, per_line: int) -> int:
    return sum(max(1, -(-_display_width(part) // per_line)) for part in text.split("\n"))


def fit_row_heights(ws: Worksheet, widths: tuple[int, ...], first_row: int = 2,
                    skip: tuple[int, ...] = ()) -> None:
    """Give wrapped rows a height that shows all their text (columns ``skip``,
    0-based, do not wrap and are left out).

    openpyxl cannot measure text and LibreOffice does not re-fit rows on
    load, so the height is estimated from the text width per column.
    """
    for row in ws.iter_rows(min_row=first_row):
        height = row_height([c.value for c in row], widths, skip)
        if height is not None:
            ws.row_dimensions[row[0].row].height = height


def row_height(values: Sequence[object], widths: tuple[int, ...], skip: tuple[int, ...] = ()) -> float | None:
    """The height that shows every wrapped value of a row; None for one line."""
    lines = 1
    for col, (value, width) in enumerate(zip(values, widths)):
        if value is None or value == "" or col in skip:
            continue
        per_line = max(int(width * 0.95), 1)
        lines = max(lines, _line_count(str(value), per_line))
    return min(409, lines * 14.5 + 3) if lines > 1 else None


_ROW = r'<row r="{r}"[^>]*>(.*?)</row>'
_CELL_STYLE = r'<c r="([A-Z]+){r}"(?: s="(\d+)")?'


def append_rows(data: bytes, sheet: str, rows: Sequence[Sequence[object]],
                heights: Sequence[float | None], first_row: int) -> bytes:
    """The package ``data`` with ``rows`` appended to the part ``sheet`` from row
    ``first_row`` on, each cell styled like its column's cell in the row above
    (written by openpyxl). Streaming the body this way keeps large sheets linear:
    openpyxl's per-cell styles cost more than the rest of an import."""
    if not rows:
        return data
    with zipfile.ZipFile(io.BytesIO(data)) as src:
        entries = [(info, src.read(info)) for info in src.infolist()]
    xml = append_rows_xml(next(d for i, d in entries if i.filename == sheet).decode("utf-8"),
                          rows, heights, first_row)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info, body in entries:
            dst.writestr(info, xml.encode("utf-8") if info.filename == sheet else body)
    return out.getvalue()


def append_rows_xml(xml: str, rows: Sequence[Sequence[object]], heights: Sequence[float | None],
                    first_row: int, shared: SharedIndex | None = None) -> str:
    """A sheet part's ``xml`` with ``rows`` appended (see ``append_rows``). With
    ``shared``, texts go in as references to it (the shared string table that
    ``compact_package`` completes) instead of inline."""
    if not rows:
        return xml
    template = re.search(_ROW.format(r=first_row - 1), xml, re.S)
    styles = dict(re.findall(_CELL_STYLE.format(r=first_row - 1), template.group(1))) if template else {}
    ncols = max(len(r) for r in rows)
    letters = [get_column_letter(c) for c in range(1, ncols + 1)]
    col_styles = [styles.get(letter, "") for letter in letters]
    parts = []
    ids: dict[str, int] = {}  # text → its index in ``shared`` (each text escaped once)
    for r, (row, height) in enumerate(zip(rows, heights), start=first_row):
        # No customHeight: the height is a first estimate and the row grows when edited.
        parts.append(f'<row r="{r}" ht="{height:g}">' if height else f'<row r="{r}">')
        # A date goes in as its ISO text: the column's style is the template cell's, not a date format.
        if shared is None:
            parts.extend(cell_xml(f"{letters[c]}{r}", value.isoformat() if isinstance(value, dt.date) else value,
                                  col_styles[c]) for c, value in enumerate(row))
        else:
            for c, value in enumerate(row):
                if isinstance(value, dt.date):
                    value = value.isoformat()
                if type(value) is str and value:
                    i = ids.get(value)
                    if i is None:
                        text, preserve = _escaped(value)
                        key = (text.encode("utf-8"), preserve)
                        i = shared.index.get(key)
                        if i is None:
                            i = shared.index[key] = len(shared.index)
                        ids[value] = i
                    shared.count += 1
                    style = f' s="{col_styles[c]}"' if col_styles[c] else ""
                    parts.append(f'<c r="{letters[c]}{r}"{style} t="s"><v>{i}</v></c>')
                else:
                    parts.append(cell_xml(f"{letters[c]}{r}", value, col_styles[c]))
        parts.append("</row>")
    end = xml.index("</sheetData>")
    xml = xml[:end] + "".join(parts) + xml[end:]
    last = first_row + len(rows) - 1
    return re.sub(r'<dimension ref="[^"]*"/>', f'<dimension ref="A1:{letters[-1]}{last}"/>', xml, count=1)


def settings_rows(info: PlanInfo) -> list[tuple[str, object]]:
    """The key/value rows of the 说明 sheet, in contract order."""
    deadline = info.feedback_deadline
    return [
        (L.SET_TITLE, info.title),
        (L.SET_YEAR, info.year if info.year else ""),
        (L.SET_ISSUER, info.issuer),
        (L.SET_DOC_NUMBER, info.doc_number),
        (L.SET_FEEDBACK_DEADLINE, deadline if deadline is not None else ""),
        (L.SET_CONTACT, info.contact),
        (L.SET_PHONE, info.phone),
        (L.SET_STATUSES, L.ALIAS_SEPARATOR.join(info.statuses)),
        (L.SET_ISSUE_DATE, info.issue_date if info.issue_date is not None else ""),
        (L.SET_SOURCE_COLUMNS, L.ALIAS_SEPARATOR.join(info.source_columns)),
        # Settings read from the extra rows, written with their default when absent.
        *((key, dict(info.extra).get(key, default)) for key, default in L.SETTINGS_WITH_DEFAULT),
        *((k, v) for k, v in info.extra if k not in dict(L.SETTINGS_WITH_DEFAULT)),
    ]


def _header(ws: Worksheet, columns: tuple[str, ...], widths: tuple[int, ...]) -> None:
    ws.append(list(columns))
    for idx, width in enumerate(widths, start=1):
        cell = ws.cell(row=1, column=idx)
        cell.font = HEADER_FONT
        cell.fill = HEADER_FILL
        cell.alignment = CENTER
        cell.border = BORDER
        ws.column_dimensions[get_column_letter(idx)].width = width
    ws.freeze_panes = "A2"
    ws.row_dimensions[1].height = 22


def print_landscape(ws: Worksheet) -> None:
    """Print a sheet landscape on A4, fitted to the page width (as long as it needs)."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True


def _finish_table(ws: Worksheet, ncols: int, nrows: int) -> None:
    last = get_column_letter(ncols)
    ws.auto_filter.ref = f"A1:{last}{max(nrows, 1) + 1}"
    ws.print_title_rows = "1:1"
    print_landscape(ws)
    ws.print_options.horizontalCentered = True
    # The page header and footer sit in their own band, clear of the table.
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = ws.page_margins.bottom = 0.8
    ws.page_margins.header = ws.page_margins.footer = 0.3


def _write_readme(wb: Workbook, plan: Plan) -> None:
    ws = wb.active
    ws.title = L.SHEET_README
    ws.append([L.SETTING_KEY, L.SETTING_VALUE, L.SETTING_HELP_HEADER])
    for cell in ws[1]:
        cell.font = HEADER_FONT
        cell.fill = HEADER_FILL
    for key, value in settings_rows(plan.info):
        ws.append([key, None, L.SETTING_HELP.get(key)])
        set_text_safe(ws.cell(row=ws.max_row, column=2), value)
        if isinstance(value, dt.date):
            ws.cell(row=ws.max_row, column=2).number_format = DATE_FORMAT
    ws.append([])
    ws.append([L.SETTINGS_END_MARKER])
    ws.cell(row=ws.max_row, column=1).font = Font(bold=True)
    for line in L.README_LINES:
        ws.append([line])
    ws.column_dimensions["A"].width = 16
    ws.column_dimensions["B"].width = 40
    ws.column_dimensions["C"].width = 70
    for row in ws.iter_rows(min_row=2, max_col=3):
        for cell in row:
            cell.alignment = Alignment(vertical="top", horizontal="left", wrap_text=cell.column == 3)
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True


def _write_assignments(wb: Workbook, plan: Plan, limit: int | None = None) -> list[tuple[object, ...]]:
    """Write 任务分工 with its first ``limit`` rows (all when None); return the rest,
    for ``append_rows``."""
    ws = wb.create_sheet(L.SHEET_ASSIGNMENTS)
    _header(ws, L.ASSIGNMENT_COLUMNS, ASSIGNMENT_WIDTHS)
    unwrapped = {L.ASSIGNMENT_COLUMNS.index(c) + 1 for c in UNWRAPPED_COLUMNS}
    flat = Alignment(wrap_text=False, vertical="top")
    all_rows = assignment_rows(plan)
    written = all_rows if limit is None else all_rows[:limit]
    for row, values in enumerate(written, start=2):
        for col, value in enumerate(values, start=1):
            cell = ws.cell(row=row, column=col)
            set_text_safe(cell, value if value != "" else None)
            cell.alignment = CENTER if col in (1, 3, 7) else flat if col in unwrapped else WRAP
            cell.border = BORDER
        ws.cell(row=row, column=1).number_format = "@"
        if isinstance(values[7], dt.date):
            ws.cell(row=row, column=8).number_format = DATE_FORMAT
    fit_row_heights(ws, ASSIGNMENT_WIDTHS, skip=tuple(c - 1 for c in unwrapped))
    row = len(all_rows) + 1
    # 原文责任单位 is for checking on screen, not for the printout: a collapsed column
    # group (the [+] above the sheet shows it) is neither shown wide nor printed.
    for col in unwrapped:
        letter = get_column_letter(col)
        ws.column_dimensions.group(letter, letter, hidden=True, outline_level=1)
    # Typing a new id below the data must not become a date.
    ws.column_dimensions["A"].number_format = "@"
    nrows = row - 1
    _finish_table(ws, len(L.ASSIGNMENT_COLUMNS), nrows)
    ws.oddHeader.center.text = plan.info.title or L.PRINT_HEADER_TITLE
    ws.oddFooter.center.text = L.PRINT_FOOTER_PAGE
    last_row = max(VALIDATION_ROWS, nrows + 3000)
    unit_col = get_column_letter(L.ASSIGNMENT_COLUMNS.index(L.COL_UNIT) + 1)
    role_col = get_column_letter(L.ASSIGNMENT_COLUMNS.index(L.COL_ROLE) + 1)
    dv_unit = DataValidation(type="list", formula1=L.UNIT_LIST_NAME, allow_blank=True,
                             showErrorMessage=True, errorStyle="warning",
                             errorTitle=L.DV_UNIT_TITLE, error=L.DV_UNIT_ERROR,
                             showInputMessage=True, promptTitle=L.DV_UNIT_TITLE,
                             prompt=L.DV_UNIT_PROMPT)
    dv_unit.add(f"{unit_col}2:{unit_col}{last_row}")
    dv_role = DataValidation(type="list", formula1='"' + ",".join(L.ROLES) + '"',
                             allow_blank=True, showErrorMessage=True,
                             errorTitle=L.DV_ROLE_TITLE, error=L.DV_ROLE_ERROR,
                             showInputMessage=True, promptTitle=L.DV_ROLE_TITLE,
                             prompt=L.DV_ROLE_PROMPT)
    dv_role.add(f"{role_col}2:{role_col}{last_row}")
    ws.add_data_validation(dv_unit)
    ws.add_data_validation(dv_role)
    return all_rows[len(written):]


def _write_units(wb: Workbook, plan: Plan) -> None:
    ws = wb.create_sheet(L.SHEET_UNITS)
    _header(ws, L.UNIT_COLUMNS, UNIT_WIDTHS)
    for r, u in enumerate(plan.units, start=2):
        values = (u.name, u.kind, L.ALIAS_SEPARATOR.join(u.aliases), u.contact, u.phone, u.email)
        for c, value in enumerate(values, start=1):
            set_text_safe(ws.cell(row=r, column=c), value or None)
    for row in ws.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = WRAP
            cell.border = BORDER
    fit_row_heights(ws, UNIT_WIDTHS)
    # Phone numbers stay text (leading zeros, dashes).
    ws.column_dimensions["E"].number_format = "@"
    _finish_table(ws, len(L.UNIT_COLUMNS), len(plan.units))
    last_row = max(UNIT_LIST_ROWS, len(plan.units) + 500)
    ref = f"'{L.SHEET_UNITS}'!$A$2:$A${last_row}"
    wb.defined_names[L.UNIT_LIST_NAME] = DefinedName(L.UNIT_LIST_NAME, attr_text=ref)
    dv_kind = DataValidation(type="list", formula1='"' + ",".join(L.UNIT_KINDS) + '"',
                             allow_blank=True, errorStyle="warning", showErrorMessage=True)
    dv_kind.add(f"B2:B{last_row}")
    ws.add_data_validation(dv_kind)


def many_lead_notes(plan: Plan) -> list[ReviewNote]:
    """A question for each requirement with many lead units worded "…等牵头抓好相关
    领域…": each for its own field, or all of them for all of it?"""
    leads: dict[str, int] = {}
    for a in plan.assignments:
        if a.role is Role.LEAD and a.unit:
            leads[a.requirement_id] = leads.get(a.requirement_id, 0) + 1
    groups: dict[tuple[str, int], list[str]] = {}  # one question per wording
    for req in plan.requirements:
        count = leads.get(req.id, 0)
        if count >= L.MANY_LEADS_MIN and any(w in req.units_text for w in L.MANY_LEADS_WORDS):
            groups.setdefault((req.units_text, count), []).append(req.id)
    out = []
    for (wording, count), ids in groups.items():
        clause = next((c for c in re.split(r"[；;。]", wording)
                       if any(w in c for w in L.MANY_LEADS_WORDS)), wording)
        text = clause if len(clause) <= 40 else clause[:12] + "…" + clause[-20:]
        out.append(ReviewNote(L.REVIEW_MANY_LEADS, L.NOTE_MANY_LEADS.format(
            req_id=L.ALIAS_SEPARATOR.join(ids), count=count, text=text), ids[0]))
    return out


def _write_review(wb: Workbook, plan: Plan, limit: int | None = None) -> list[tuple[object, ...]]:
    """Write 待核对 with its first ``limit`` notes (all when None); return the rest's
    rows, for ``append_rows_xml`` (a prose document can have two notes a requirement)."""
    ws = wb.create_sheet(L.SHEET_REVIEW)
    _header(ws, L.REVIEW_COLUMNS, REVIEW_WIDTHS)
    notes = list(plan.notes)
    known = {(n.kind, n.message) for n in notes}
    for unit in sorted(issuer_units(plan), reverse=True):  # the issuing office gets no letter
        note = ReviewNote(L.REVIEW_ISSUER, L.NOTE_ISSUER_UNIT.format(unit=unit,
                                                                    issuer=plan.info.issuer))
        if (note.kind, note.message) not in known:
            notes.insert(0, note)  # about the whole document: first, as the importer puts them
    # One value per column (核对结果 empty): the streamed rows fill every styled cell too.
    all_rows = [(i, note.kind, note.requirement_id or None, note.message, note.line, note.source or None)
                + (None,) * (len(L.REVIEW_COLUMNS) - 6) for i, note in enumerate(notes, start=1)]
    written = all_rows if limit is None else all_rows[:limit]
    for r, values in enumerate(written, start=2):
        for c, value in enumerate(values[:6], start=1):
            set_text_safe(ws.cell(row=r, column=c), value)
    for row in ws.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = WRAP
            cell.border = BORDER
    fit_row_heights(ws, REVIEW_WIDTHS)
    _finish_table(ws, len(L.REVIEW_COLUMNS), len(notes))
    # 核对结果: what the person decided, from a short list (free text allowed).
    result_col = get_column_letter(L.REVIEW_COLUMNS.index(L.RCOL_RESULT) + 1)
    dv = DataValidation(type="list", formula1='"' + ",".join(L.REVIEW_RESULTS) + '"', allow_blank=True,
                        errorStyle="information", showErrorMessage=False)
    dv.add(f"{result_col}2:{result_col}{max(VALIDATION_ROWS, len(notes) + 500)}")
    ws.add_data_validation(dv)
    return all_rows[len(written):]


def _long_requirements(plan: Plan) -> list[tuple[str, str]]:
    return [(req.id, req.text) for _, _, req in plan.iter_requirements()
            if len(req.text) > EXCEL_MAX_CELL_CHARS]


def _with_long_text_notes(plan: Plan) -> Plan:
    """``plan`` with a 待核对 note for each requirement longer than a cell holds."""
    import dataclasses

    notes = tuple(ReviewNote(L.REVIEW_LONG_TEXT, L.NOTE_LONG_REQUIREMENT.format(
        req_id=req_id, chars=len(text)), req_id) for req_id, text in _long_requirements(plan))
    return dataclasses.replace(plan, notes=tuple(plan.notes) + notes) if notes else plan


def _write_continued(wb: Workbook, plan: Plan) -> None:
    """The hidden 续文 sheet: the rest of each requirement longer than a cell holds,
    in cell-sized pieces (the readers join them to the 任务分工 cell: nothing cut)."""
    from xltools.budget import continued_pieces

    rows = [(req_id, i, piece) for req_id, text in _long_requirements(plan)
            for i, piece in enumerate(continued_pieces(text), start=1)]
    if not rows:
        return
    ws = wb.create_sheet(L.SHEET_CONTINUED)
    for c, name in enumerate(L.CONTINUED_COLUMNS, start=1):
        set_text_safe(ws.cell(row=1, column=c), name)
    for r, values in enumerate(rows, start=2):
        for c, value in enumerate(values, start=1):
            set_text_safe(ws.cell(row=r, column=c), value)
    ws.sheet_state = "hidden"


def build_workbook(plan: Plan) -> Workbook:
    """The normalised workbook for ``plan`` as an openpyxl Workbook (not saved)."""
    return _build(plan)[0]


# Streamed sheets: (sheet, rows left to stream, column widths, columns that do not wrap).
Streamed = list[tuple[str, list[tuple[object, ...]], tuple[int, ...], tuple[int, ...]]]


def _build(plan: Plan, limit: int | None = None) -> tuple[Workbook, Streamed]:
    """The workbook with at most ``limit`` body rows on the long sheets (任务分工, 待核对;
    all when None), and the rows left for ``append_rows_xml``."""
    wb = Workbook()
    plan = _with_long_text_notes(plan)
    _write_readme(wb, plan)
    rest = _write_assignments(wb, plan, limit)
    _write_units(wb, plan)
    review = _write_review(wb, plan, limit)
    _write_continued(wb, plan)
    wb.active = 1
    wb.properties.title = plan.info.title or None
    wb.properties.creator = "xltools"
    skip = tuple(L.ASSIGNMENT_COLUMNS.index(c) for c in UNWRAPPED_COLUMNS)
    return wb, [(L.SHEET_ASSIGNMENTS, rest, ASSIGNMENT_WIDTHS, skip), (L.SHEET_REVIEW, review, REVIEW_WIDTHS, ())]


def save_workbook(wb: Workbook, out: str | os.PathLike[str] | IO[bytes], force: bool = False,
                  inputs: Iterable[object] = ()) -> None:
    """Save to a path atomically (refusing to overwrite without ``force``, and
    onto one of ``inputs`` ever) or to a file object.

    Texts are stored once in a shared string table, as Excel stores them."""
    inputs = tuple(inputs)
    if not is_file_like(out):
        check_writable(out, force, inputs)
    buf = io.BytesIO()
    wb.save(buf)
    _save_bytes(compact(buf.getvalue()), out, force, inputs)


def _save_bytes(data: bytes, out: str | os.PathLike[str] | IO[bytes], force: bool,
                inputs: tuple[object, ...] = ()) -> None:
    if is_file_like(out):
        out.write(data)  # type: ignore[union-attr]
        return
    with atomic_path(out, force, inputs) as tmp:
        tmp.write_bytes(data)


def write_workbook(plan: Plan, out: str | os.PathLike[str] | IO[bytes], force: bool = False,
                   inputs: Iterable[object] = ()) -> None:
    """Write ``plan`` as the normalised workbook (never onto one of ``inputs``). openpyxl
    writes the first row of 任务分工 and of 待核对 (and with them the cell styles); the other rows are
    streamed."""
    inputs = tuple(inputs)
    if not is_file_like(out):
        check_writable(out, force, inputs)
    wb, streamed = _build(plan, limit=1)
    buf = io.BytesIO()
    wb.save(buf)
    # The rows go into the sheet parts unzipped; the package is zipped once, with its texts shared.
    package = Package(buf.getvalue())
    shared = SharedIndex()
    for name, rest, widths, skip in streamed:
        if rest:
            sheet = f"xl/worksheets/sheet{wb.sheetnames.index(name) + 1}.xml"
            heights = [row_height(r, widths, skip) for r in rest]
            xml = append_rows_xml(package[sheet].decode("utf-8"), rest, heights, first_row=3, shared=shared)
            package[sheet] = xml.encode("utf-8")
    data = compact_package(package, shared)
    if data is None:  # no text to share: the package as it is
        data = write_package([(name, package.unchanged(name) or package[name]) for name in package])
    _save_bytes(data, out, force, inputs)
