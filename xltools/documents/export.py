"""`xltools export`: the normalised workbook → the original layout, as an
Excel sheet or a Word table (GB/T 9704 landscape page, header row repeated
on every page, page numbers).

Columns: the original's own columns in its order (说明 → 原表列, recorded at
import; each is one of 目标 | 序号 | 任务 | 有关要求 | 责任单位 | 完成时限 | 备注
or any header word the importer knows for it, e.g. 具体要求, 牵头单位), else
目标 | 序号 | 任务 | 有关要求 | 责任单位 (目标 left out when no goal is named).
完成时限 only when the original had it or ``deadline=True``.
目标, 序号 and 任务 are merged over their rows; 责任单位 is merged over the
consecutive rows of a task that share it (a cell the original merged, whose
wording every row inherited, is one merged cell again). 责任单位 keeps the
original wording when it still reads as the current assignments, else it is
worded from them (`xltools.documents.wording`). The title stands above the table.

Linear in the size of the plan: the assignments are indexed once, a wording
is parsed once, and the sheet is streamed (openpyxl write-only).
"""

from __future__ import annotations

import io
import os
import re
from collections.abc import Iterable
from copy import copy
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from xltools import labels as L
from xltools.errors import InputError, OutputError
from xltools.io.fileio import atomic_path, check_writable, is_file_like
from xltools.model import Assignment, Plan, Requirement, Role
from xltools.workbook.writer import append_rows
from xltools.documents.wording import parse_wording, word_units

PathOrFile = str | os.PathLike[str] | IO[bytes]

# Column kinds (the labels) and their default widths (Excel units).
KINDS = (L.EXPORT_COL_GOAL, L.EXPORT_COL_NO, L.EXPORT_COL_TASK, L.EXPORT_COL_REQUIREMENT,
         L.EXPORT_COL_UNITS, L.EXPORT_COL_DEADLINE, L.EXPORT_COL_REMARK)
WIDTHS = {L.EXPORT_COL_GOAL: 14.0, L.EXPORT_COL_NO: 8.0, L.EXPORT_COL_TASK: 18.0,
          L.EXPORT_COL_REQUIREMENT: 60.0, L.EXPORT_COL_UNITS: 30.0,
          L.EXPORT_COL_DEADLINE: 14.0, L.EXPORT_COL_REMARK: 14.0}
_CENTERED = (L.EXPORT_COL_GOAL, L.EXPORT_COL_NO, L.EXPORT_COL_DEADLINE)
# XML 1.0 forbids most control characters; cells pasted from elsewhere can hold them.
_XML_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


@dataclass(frozen=True)
class Layout:
    """The table in the original layout: header, rows and merged ranges
    (first row, last row, column; 0-based over ``rows``). ``kinds``: what each
    column holds (labels.EXPORT_COL_*); ``header``: its heading as the original
    wrote it."""

    title: str
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    merges: tuple[tuple[int, int, int], ...]
    widths: tuple[float, ...]
    kinds: tuple[str, ...] = ()

    def centered(self) -> set[int]:
        kinds = self.kinds or self.header
        return {i for i, k in enumerate(kinds) if k in _CENTERED}


# The readers' column kinds (xltools.importing.readers.columns.header_role) → export columns.
# Leader columns (分管领导 …) were kept as remarks at import.
_READER_KINDS = {"goal": L.EXPORT_COL_GOAL, "number": L.EXPORT_COL_NO, "task": L.EXPORT_COL_TASK,
                 "requirement": L.EXPORT_COL_REQUIREMENT, "units": L.EXPORT_COL_UNITS,
                 "deadline": L.EXPORT_COL_DEADLINE, "remark": L.EXPORT_COL_REMARK,
                 "people": L.EXPORT_COL_REMARK}


def column_kind(header: str) -> str | None:
    """The export column an original header names, read as the importer reads header
    words (目标, 具体要求 → 有关要求, 牵头单位 → 责任单位, …); "" for a column the plan
    does not hold (进展情况, 投资金额（万元）); None for a word that is no header."""
    from xltools.importing.readers.columns import header_role

    text = "".join(header.split())
    if text in KINDS:
        return text
    role = header_role(text)
    if role is None:
        return None
    if role.problem:
        return L.EXPORT_COL_REQUIREMENT  # a 整改清单's problem column (存在问题) held the requirements
    if role.kind == "text":
        return None  # a short word of unknown meaning (附表): the user is asked
    # A column the plan does not hold (进展情况, 投资金额, 项目数量) is left out.
    return _READER_KINDS.get(role.kind, "")


_DETAIL_COLUMNS = (L.EXPORT_COL_REQUIREMENT, L.EXPORT_COL_TASK, L.EXPORT_COL_GOAL)


def _is_problem(header: str) -> bool:
    from xltools.importing.readers.columns import is_problem_header

    return is_problem_header("".join(header.split()))


def _is_detail(header: str) -> bool:
    """A remark column holding a requirement's detail (a 整改清单's 整改措施): as wide as the requirement."""
    from xltools.importing.readers.columns import DETAIL_KINDS, header_role

    role = header_role("".join(header.split()))
    return role is not None and role.kind in DETAIL_KINDS


def _column_role(header: str) -> str:
    """The role a units column's header names (牵头单位 → 牵头, 配合单位 → 配合); 责任
    for one that names none (责任单位, 实施主体), as the importer reads it beside others."""
    from xltools.importing.readers.columns import header_role

    found = header_role("".join(header.split()))
    return (found.role if found is not None and found.kind == "units" else "") or L.ROLE_RESPONSIBLE


def role_columns(plan: Plan, cols: list[tuple[str, str]]) -> dict[str, Role]:
    """The units columns that each hold one role's units (header → role): when
    the original had a column for each role (牵头单位 | 实施主体) and every role
    of the plan has its column. Otherwise {} (one 责任单位 column, worded)."""
    units = [h for k, h in cols if k == L.EXPORT_COL_UNITS]
    roles = {h: Role.parse(_column_role(h)) for h in units}
    if len(units) < 2 or any(r is None for r in roles.values()) or len(set(roles.values())) < len(units):
        return {}
    used = {a.role or Role.RESPONSIBLE for a in plan.assignments if a.unit}
    if not used <= set(roles.values()) or any(
            a.unit == L.GENERIC_UNIT for a in plan.assignments):  # 各相关部门按职能: worded
        return {}
    return roles  # type: ignore[return-value]


def columns(plan: Plan, deadline: bool | None = None) -> list[tuple[str, str]]:
    """(kind, header) of each column, in order."""
    recorded = plan.info.source_columns
    if recorded:
        cols: list[tuple[str, str]] = []
        problem = False
        for header in recorded:
            kind = column_kind(header)
            if kind == "":
                continue
            if kind is None:
                raise InputError(L.MSG_EXPORT_UNKNOWN_COLUMN.format(
                    column=header, key=L.SET_SOURCE_COLUMNS,
                    known=L.ALIAS_SEPARATOR.join(KINDS)), sheet=L.SHEET_README)
            if problem and kind in _DETAIL_COLUMNS:
                # A 整改清单's measure (整改措施) right of its problem: the importer kept it as the
                # requirement's remark ``整改措施：…``; it gets its own column back.
                kind = L.EXPORT_COL_REMARK
            problem = problem or _is_problem(header)
            # Several leader/remark columns (分管领导, 责任领导, 备注) each keep their own;
            # so do units columns that each name a role (牵头单位 | 实施主体 | 配合单位).
            if kind == L.EXPORT_COL_REMARK or all(kind != k for k, _ in cols) or (
                    kind == L.EXPORT_COL_UNITS and all(_column_role(h) != _column_role(header)
                                                       for k, h in cols if k == kind)):
                cols.append((kind, header))
        units = [h for k, h in cols if k == L.EXPORT_COL_UNITS]
        if len(units) > 1 and not role_columns(plan, cols):
            # The roles do not fit the columns: the first holds them all, worded.
            cols = [c for c in cols if c[0] != L.EXPORT_COL_UNITS or c[1] == units[0]]
        kinds = {k for k, _ in cols}
        # The original's 任务 column also held the requirements (a task line, then
        # its items): no 有关要求 column is invented, they go under their task.
        needed = ((L.EXPORT_COL_UNITS,) if L.EXPORT_COL_TASK in kinds else
                  (L.EXPORT_COL_REQUIREMENT, L.EXPORT_COL_UNITS))
        for kind in needed:  # never lose these
            if kind not in kinds:
                cols.append((kind, kind))
    else:
        cols = [(k, k) for k in (L.EXPORT_COL_NO, L.EXPORT_COL_TASK, L.EXPORT_COL_REQUIREMENT,
                                 L.EXPORT_COL_UNITS)]
        if not any(t.name for t in plan.tasks):  # a numbered list: no 任务 column invented
            cols.remove((L.EXPORT_COL_TASK, L.EXPORT_COL_TASK))
        if any(g.name for g in plan.goals):
            cols.insert(0, (L.EXPORT_COL_GOAL, L.EXPORT_COL_GOAL))
    has_deadline = any(k == L.EXPORT_COL_DEADLINE for k, _ in cols)
    if deadline and not has_deadline:
        cols.append((L.EXPORT_COL_DEADLINE, L.EXPORT_COL_DEADLINE))
    elif deadline is False and has_deadline:
        cols = [c for c in cols if c[0] != L.EXPORT_COL_DEADLINE]
    return cols


class _Wording:
    """责任单位 of each requirement, with the assignments indexed once and each
    original wording parsed once (wording.units_cell, without its scans)."""

    def __init__(self, plan: Plan) -> None:
        self.plan = plan
        self.by_req: dict[str, list[Assignment]] = {}
        for a in plan.assignments:
            if a.unit:
                self.by_req.setdefault(a.requirement_id, []).append(a)
        self.parsed: dict[str, set[tuple[str, Role]]] = {}

    def role_cell(self, req: Requirement, role: Role) -> str:
        """The units of ``req`` in ``role``, listed (a column of the original for that role)."""
        names: list[str] = []
        for a in self.by_req.get(req.id, []):
            if (a.role or Role.RESPONSIBLE) is role and a.unit not in names:
                names.append(a.unit)
        return L.WORD_UNIT_JOIN.join(names)

    def cell(self, req: Requirement) -> str:
        current = self.by_req.get(req.id, [])
        if req.units_text:
            parsed = self.parsed.get(req.units_text)
            if parsed is None:
                parsed = self.parsed[req.units_text] = parse_wording(req.units_text,
                                                                     self.plan.units)
            if parsed == {(a.unit, a.role or Role.RESPONSIBLE) for a in current}:
                return req.units_text
        return word_units(current)


def layout(plan: Plan, *, deadline: bool | None = None) -> Layout:
    """Arrange ``plan`` in the original layout (see the module docstring)."""
    cols = columns(plan, deadline)
    kinds = [k for k, _ in cols]
    headers = [h for _, h in cols]
    wording = _Wording(plan)
    # A column per role (牵头单位 | 实施主体): each lists its role's units, so a unit
    # holding two roles stands in both, as in the original.
    by_role = role_columns(plan, cols)
    remarks = _Remarks(plan, [h for k, h in cols if k == L.EXPORT_COL_REMARK])
    # Where the requirement text goes: when the original's 任务 column held both (a
    # task line, then its items marked △), a named task stands as a heading row
    # above its items, as it did there.
    text_kind = L.EXPORT_COL_REQUIREMENT if L.EXPORT_COL_REQUIREMENT in kinds else L.EXPORT_COL_TASK
    headings = text_kind == L.EXPORT_COL_TASK
    merged_kinds = {L.EXPORT_COL_GOAL, L.EXPORT_COL_NO, L.EXPORT_COL_UNITS}
    if text_kind != L.EXPORT_COL_TASK:
        merged_kinds.add(L.EXPORT_COL_TASK)
    if headings:  # as the original: a task's shared cells merged over its heading and items
        merged_kinds |= {L.EXPORT_COL_DEADLINE, L.EXPORT_COL_REMARK}
    rows: list[list[str]] = []
    keys: list[list[object]] = []  # per row and column: what a merge must share (None: never)
    for gi, goal in enumerate(plan.goals):
        for ti, task in enumerate(goal.tasks):
            lines = []
            for req in task.requirements:
                values = {L.EXPORT_COL_GOAL: goal.name, L.EXPORT_COL_NO: str(task.number),
                          L.EXPORT_COL_TASK: task.name, L.EXPORT_COL_REQUIREMENT: req.text,
                          L.EXPORT_COL_UNITS: wording.cell(req),
                          L.EXPORT_COL_DEADLINE: req.deadline.display}
                values[text_kind] = (L.EXPORT_ITEM_BULLET + req.text
                                     if headings and task.name else req.text)
                lines.append([remarks.cell(req, h) if k == L.EXPORT_COL_REMARK else
                              wording.role_cell(req, by_role[h]) if h in by_role and k == L.EXPORT_COL_UNITS
                              else values[k] for k, h in zip(kinds, headers)])
            if headings and task.name and lines:
                # The task's own line: the cells its items share, merged over them.
                head = [(lines[0][c] if all(line[c] == lines[0][c] for line in lines) else "")
                        if kind in merged_kinds - {L.EXPORT_COL_TASK} else ""
                        for c, kind in enumerate(kinds)]
                head[kinds.index(text_kind)] = task.name
                lines.insert(0, head)
            for line in lines:
                rows.append([_XML_ILLEGAL.sub("", v) for v in line])
                keys.append([(gi,) if k == L.EXPORT_COL_GOAL else
                             (gi, ti) if k in (L.EXPORT_COL_NO, L.EXPORT_COL_TASK) else
                             ((gi, ti, line[c]) if line[c] else None)
                             for c, k in enumerate(kinds)])
    merges: list[tuple[int, int, int]] = []
    for c, kind in enumerate(kinds):
        if kind not in merged_kinds:
            continue
        start = 0
        for r in range(1, len(rows) + 1):
            if r < len(rows) and keys[r][c] is not None and keys[r][c] == keys[start][c]:
                continue
            if r - start > 1 and keys[start][c] is not None:
                merges.append((start, r - 1, c))
                for covered in range(start + 1, r):
                    rows[covered][c] = ""
            start = r
    merges.sort()
    title = _XML_ILLEGAL.sub("", plan.info.title) or L.EXPORT_DEFAULT_TITLE
    return Layout(title, tuple(h for _, h in cols), tuple(tuple(r) for r in rows),
                  tuple(merges),
                  tuple(WIDTHS[L.EXPORT_COL_REQUIREMENT if k == text_kind or k == L.EXPORT_COL_REMARK
                               and _is_detail(h) else k] for k, h in zip(kinds, headers)), tuple(kinds))


_REMARK_LABEL = re.compile(r"^([^：:；;]{1,16})[：:]")


class _Remarks:
    """The leader and remark columns (分管领导, 责任领导, 备注): the importer kept
    their cells as remarks ``<表头>：<值>`` on the requirement or its
    assignments. Each column gets back its own values; the 备注 column (else the
    last of these columns) also what no column claims, so nothing is lost."""

    def __init__(self, plan: Plan, headers: list[str]) -> None:
        from xltools.importing.readers.columns import header_role

        self.headers = headers
        self.labels = {"".join(h.split()) for h in headers}
        self.by_req: dict[str, list[str]] = {}
        for a in plan.assignments:
            if a.remark:
                self.by_req.setdefault(a.requirement_id, []).append(a.remark)
        plain = [h for h in headers if h == L.EXPORT_COL_REMARK or getattr(
            header_role("".join(h.split())), "kind", "") == "remark"]
        self.catch_all = (plain or headers or [""])[0] if plain else (headers or [""])[-1]

    def parts(self, req: Requirement) -> list[str]:
        """The remarks ``<表头>：<值>`` joined by ；: a piece that opens with no label of a
        column after a requirement's detail (a measure's second clause, ``整改措施：…；开展…``)
        goes on that value; other unlabelled pieces are remarks of their own."""
        out: list[str] = []
        for text in [req.remark, *self.by_req.get(req.id, ())]:
            pieces: list[str] = []
            for part in re.split("[；;]", text or ""):
                part = part.strip()
                if not part:
                    continue
                if pieces and not self._labelled(part) and self._detail(pieces[-1]):
                    pieces[-1] += "；" + part
                else:
                    pieces.append(part)
            out.extend(p for p in pieces if p not in out)
        return out

    @staticmethod
    def _detail(part: str) -> bool:
        m = _REMARK_LABEL.match(part)
        return m is not None and _is_detail(m.group(1))

    def _labelled(self, part: str) -> bool:
        from xltools.importing.readers.columns import header_role

        m = _REMARK_LABEL.match(part)
        if m is None:
            return False
        label = "".join(m.group(1).split())
        role = header_role(label)
        return label in self.labels or role is not None and role.kind != "text"

    def cell(self, req: Requirement, header: str) -> str:
        prefix = L.REMARK_FORMAT.format(header=header, value="")
        parts = self.parts(req)
        if header != self.catch_all:
            return "；".join(p[len(prefix):] for p in parts if p.startswith(prefix))
        others = [L.REMARK_FORMAT.format(header=h, value="") for h in self.headers if h != header]
        return "；".join(p[len(prefix):] if p.startswith(prefix) else p for p in parts
                        if not any(p.startswith(o) for o in others))


# ------------------------------------------------------------------ xlsx
LINE_HEIGHT_PT = 15.0


def _row_height(cells: list[tuple[str, float]]) -> float:
    """A row height (points) that shows wrapped text whole: Excel does not
    grow rows written by a program. A Chinese character is about two units
    of column width."""
    lines = 1
    for text, width in cells:
        per_line = max(1, int(width / 2.1))
        lines = max(lines, sum(-(-max(1, len(part)) // per_line) for part in (text or "").split("\n")))
    return min(409.0, lines * LINE_HEIGHT_PT + 4)


def write_xlsx(lay: Layout, out: Path) -> None:
    """The layout as one sheet, streamed (openpyxl write-only): title row, header
    row repeated on every printed page, merges, page numbers in the footer."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Border, Font, NamedStyle, Side
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.cell_range import CellRange, MultiCellRange

    from xltools.workbook.writer import set_text_safe

    wb = Workbook(write_only=True)
    ws = wb.create_sheet(L.EXPORT_SHEET)
    ncols = len(lay.header)
    thin = Side(style="thin")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    styles = {}
    for name, font, horizontal, boxed in (
            ("xl_title", Font(name=L.FONT_TITLE, size=16, bold=True), "center", False),
            ("xl_header", Font(name=L.FONT_HEADER, bold=True), "center", True),
            ("xl_center", Font(name=L.FONT_BODY), "center", True),
            ("xl_left", Font(name=L.FONT_BODY), "left", True)):
        style = NamedStyle(name=name, font=font, border=border if boxed else Border(),
                           alignment=Alignment(horizontal=horizontal, vertical="center",
                                               wrap_text=boxed))
        wb.add_named_style(style)
        styles[name] = name
    for c, width in enumerate(lay.widths, start=1):
        ws.column_dimensions[get_column_letter(c)].width = width
    ws.freeze_panes = "A3"
    ws.print_title_rows = "2:2"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = "9"  # A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    ws.HeaderFooter.oddFooter.center.text = L.PRINT_FOOTER_PAGE
    ws.page_margins.footer = 0.3

    # Each style is looked up once; every cell then copies its style array.
    templates = {}
    for name in styles:
        probe = WriteOnlyCell(ws)
        probe.style = name
        templates[name] = probe._style

    def cell(value: str, style: str) -> WriteOnlyCell:
        c = WriteOnlyCell(ws)
        set_text_safe(c, value if value else None)  # "=…" stays text
        c._style = copy(templates[style])
        return c

    ws.row_dimensions[1].height = 36
    ws.append([cell(lay.title, "xl_title")])
    ws.row_dimensions[2].height = 22
    ws.append([cell(text, "xl_header") for text in lay.header])
    centered = lay.centered()
    col_styles = ["xl_center" if c in centered else "xl_left" for c in range(ncols)]
    covered = set()
    ranges = [CellRange(min_row=1, max_row=1, min_col=1, max_col=ncols)]
    for r0, r1, c in lay.merges:
        covered.update((r, c) for r in range(r0, r1 + 1))
        ranges.append(CellRange(min_row=r0 + 3, max_row=r1 + 3, min_col=c + 1, max_col=c + 1))
    # Set at once: MultiCellRange.add checks every range against all the others.
    ws.merged_cells = MultiCellRange(ranges)
    heights = [_row_height([(text, lay.widths[c]) for c, text in enumerate(row)
                            if (r, c) not in covered]) for r, row in enumerate(lay.rows)]
    for r0, r1, c in lay.merges:  # a merged cell's text fits in its rows together
        need = _row_height([(lay.rows[r0][c], lay.widths[c])])
        have = sum(heights[r0:r1 + 1])
        if need > have:
            heights[r1] = min(409.0, heights[r1] + need - have)
    # openpyxl writes the first body row (and with it the cell styles); the rest
    # is streamed as XML with the same styles (cell_xml: text never a formula).
    if lay.rows:
        ws.row_dimensions[3].height = heights[0]
        ws.append([cell(text, col_styles[c]) for c, text in enumerate(lay.rows[0])])
    buf = io.BytesIO()
    wb.save(buf)
    rows = [[text or None for text in row] for row in lay.rows[1:]]
    out.write_bytes(append_rows(buf.getvalue(), "xl/worksheets/sheet1.xml", rows, heights[1:], first_row=4))


# ------------------------------------------------------------------ docx
def _set_fonts(run, east_asia: str, size_pt: float, bold: bool = False) -> None:  # type: ignore[no-untyped-def]
    from docx.oxml.ns import qn
    from docx.shared import Pt

    run.font.name = L.FONT_LATIN
    run.font.size = Pt(size_pt)
    run.font.bold = bold
    rpr = run._element.get_or_add_rPr()
    fonts = rpr.get_or_add_rFonts()
    fonts.set(qn("w:eastAsia"), east_asia)


def _page_number_footer(section) -> None:  # type: ignore[no-untyped-def]
    """— 1 — centred at the foot of every page (GB/T 9704 7.5)."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    p = section.footer.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _set_fonts(p.add_run(L.PAGE_NUMBER_DASH), L.FONT_BODY, 14)
    run = p.add_run()
    _set_fonts(run, L.FONT_BODY, 14)
    for kind, text in (("begin", None), (None, "PAGE"), ("end", None)):
        if kind:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
        else:
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = text
        run._element.append(el)
    _set_fonts(p.add_run(L.PAGE_NUMBER_DASH_END), L.FONT_BODY, 14)


def _run_xml(text: str, east_asia: str, bold: bool) -> str:
    from xml.sax.saxutils import escape

    b = "<w:b/>" if bold else ""
    return (f'<w:r><w:rPr><w:rFonts w:ascii="{L.FONT_LATIN}" w:hAnsi="{L.FONT_LATIN}" '
            f'w:eastAsia="{east_asia}"/>{b}<w:sz w:val="24"/></w:rPr>'
            f'<w:t xml:space="preserve">{escape(text)}</w:t></w:r>')


def _tr_xml(cells, widths: list[int], center: set[int], *, header: bool = False,  # type: ignore[no-untyped-def]
            vmerge: dict[int, str] | None = None) -> str:
    """One table row: header rows repeat on every page (w:tblHeader);
    ``vmerge`` marks cells that start or continue a vertical merge."""
    out = ["<w:tr>", '<w:trPr><w:tblHeader w:val="true"/></w:trPr>' if header else ""]
    for c, text in enumerate(cells):
        state = (vmerge or {}).get(c, "")
        merge = {"restart": '<w:vMerge w:val="restart"/>', "continue": "<w:vMerge/>"}.get(state, "")
        jc = "center" if c in center else "left"
        paras = []
        for line in ((text or "").split("\n") if state != "continue" else [""]):
            run = _run_xml(line, L.FONT_HEADER if header else L.FONT_BODY, header) if line else ""
            paras.append(f'<w:p><w:pPr><w:jc w:val="{jc}"/></w:pPr>{run}</w:p>')
        out.append(f'<w:tc><w:tcPr><w:tcW w:w="{widths[c]}" w:type="dxa"/>{merge}'
                   f'<w:vAlign w:val="center"/></w:tcPr>{"".join(paras)}</w:tc>')
    out.append("</w:tr>")
    return "".join(out)


def write_docx(lay: Layout, out: Path) -> None:
    from docx import Document
    from docx.enum.section import WD_ORIENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls
    from docx.shared import Mm

    doc = Document()
    section = doc.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Mm(297), Mm(210)
    # GB/T 9704 margins (天头 37 mm, 订口 28 mm), turned with the landscape page.
    section.top_margin, section.bottom_margin = Mm(28), Mm(26)
    section.left_margin, section.right_margin = Mm(37), Mm(35)
    _page_number_footer(section)

    title = doc.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _set_fonts(title.add_run(lay.title), L.FONT_TITLE, 22)

    # The table is written as one piece of WordprocessingML: python-docx's
    # cell-by-cell API is quadratic in the number of cells.
    usable_mm = 297 - 37 - 35
    total = sum(lay.widths)
    widths = [round(usable_mm * w / total * 1440 / 25.4) for w in lay.widths]  # twips
    center_cols = lay.centered()
    merged: dict[tuple[int, int], str] = {}
    for r0, r1, c in lay.merges:
        merged[(r0, c)] = "restart"
        for r in range(r0 + 1, r1 + 1):
            merged[(r, c)] = "continue"
    rows_xml = [_tr_xml(lay.header, widths, set(range(len(lay.header))), header=True)]
    for r, row in enumerate(lay.rows):
        rows_xml.append(_tr_xml(row, widths, center_cols,
                                vmerge={c: merged.get((r, c), "") for c in range(len(row))}))
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    tbl = parse_xml(
        f'<w:tbl {nsdecls("w")}><w:tblPr><w:tblStyle w:val="TableGrid"/>'
        f'<w:tblW w:w="{sum(widths)}" w:type="dxa"/><w:tblLayout w:type="fixed"/></w:tblPr>'
        f'<w:tblGrid>{grid}</w:tblGrid>{"".join(rows_xml)}</w:tbl>')
    doc.element.body.insert(len(doc.element.body) - 1, tbl)  # before the section properties
    doc.save(out)


# ---------------------------------------------------------------- public
def export_plan(plan: Plan, out: PathOrFile, *, force: bool = False, fmt: str | None = None,
                deadline: bool | None = None, inputs: Iterable[object] = ()) -> Path | None:
    """Write ``plan`` in the original layout; the format from ``out``'s suffix
    (or ``fmt``: "xlsx" / "docx" for a file object). ``deadline``: True adds a
    完成时限 column, False leaves it out, None (default) as the original had it."""
    if fmt is None:
        suffix = Path(getattr(out, "name", str(out))).suffix.lower()
        fmt = {".xlsx": "xlsx", ".docx": "docx"}.get(suffix)
    if fmt not in ("xlsx", "docx"):
        raise OutputError(L.MSG_EXPORT_FORMAT.format(path=getattr(out, "name", out)), path=str(out))
    if not is_file_like(out):
        check_writable(out, force)  # type: ignore[arg-type]
    lay = layout(plan, deadline=deadline)
    writer = write_xlsx if fmt == "xlsx" else write_docx
    if is_file_like(out):
        import tempfile

        with tempfile.TemporaryDirectory() as tmp:
            p = Path(tmp) / ("export." + fmt)
            writer(lay, p)
            out.write(p.read_bytes())  # type: ignore[union-attr]
        return None
    with atomic_path(out, force, inputs) as tmp:  # type: ignore[arg-type]
        writer(lay, tmp)
    return Path(out)  # type: ignore[arg-type]


def export(workbook: PathOrFile, out: PathOrFile, *, force: bool = False,
           deadline: bool | None = None) -> Path | None:
    """Read the normalised ``workbook`` and write it in the original layout to ``out``
    (never onto the workbook itself)."""
    from xltools.workbook.reader import read_plan

    if not is_file_like(out):
        check_writable(out, force, (workbook,))
    return export_plan(read_plan(workbook), out, force=force, deadline=deadline,
                       inputs=(workbook,))
