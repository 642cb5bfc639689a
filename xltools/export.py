"""`xltools export`: the normalised workbook → the original layout, as an
Excel sheet or a Word table (GB/T 9704 landscape page, header row repeated
on every page).

Columns: 目标 | 序号 | 任务 | 有关要求 | 责任单位 (+ 完成时限 when any
requirement has one; 目标 is left out when no goal is named). 目标, 序号 and
任务 are merged over their rows; 责任单位 keeps the original wording when
it still reads as the current assignments, else it is worded from them
(`xltools.wording`). The title stands above the table.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from xltools import labels as L
from xltools.errors import OutputError
from xltools.fileio import atomic_path, is_file_like
from xltools.model import Plan
from xltools.wording import units_cell

PathOrFile = str | os.PathLike[str] | IO[bytes]


@dataclass(frozen=True)
class Layout:
    """The table in the original layout: header, rows and merged ranges
    (first row, last row, column; 0-based over ``rows``)."""

    title: str
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    merges: tuple[tuple[int, int, int], ...]
    widths: tuple[float, ...]


def layout(plan: Plan) -> Layout:
    """Arrange ``plan`` in the original layout."""
    with_goal = any(g.name for g in plan.goals)
    with_deadline = any(r.deadline for r in plan.requirements)
    header = [L.EXPORT_COL_NO, L.EXPORT_COL_TASK, L.EXPORT_COL_REQUIREMENT, L.EXPORT_COL_UNITS]
    widths = [8.0, 18.0, 60.0, 30.0]
    if with_goal:
        header.insert(0, L.EXPORT_COL_GOAL)
        widths.insert(0, 14.0)
    if with_deadline:
        header.append(L.EXPORT_COL_DEADLINE)
        widths.append(14.0)
    off = 1 if with_goal else 0
    rows: list[tuple[str, ...]] = []
    merges: list[tuple[int, int, int]] = []
    for goal in plan.goals:
        goal_start = len(rows)
        for task in goal.tasks:
            task_start = len(rows)
            for i, req in enumerate(task.requirements):
                row = [str(task.number) if i == 0 else "", task.name if i == 0 else "",
                       req.text, units_cell(plan, req)]
                if with_goal:
                    row.insert(0, goal.name if len(rows) == goal_start else "")
                if with_deadline:
                    row.append(req.deadline.display)
                rows.append(tuple(row))
            if len(rows) - task_start > 1:
                merges.append((task_start, len(rows) - 1, off))
                merges.append((task_start, len(rows) - 1, off + 1))
        if with_goal and len(rows) - goal_start > 1:
            merges.append((goal_start, len(rows) - 1, 0))
    title = plan.info.title or L.EXPORT_DEFAULT_TITLE
    return Layout(title, tuple(header), tuple(rows), tuple(merges), tuple(widths))


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
    return lines * LINE_HEIGHT_PT + 4
def write_xlsx(lay: Layout, out: Path) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, Side
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    ws = wb.active
    ws.title = L.EXPORT_SHEET
    ncols = len(lay.header)
    thin = Side(style="thin")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    ws.cell(row=1, column=1, value=lay.title).font = Font(name=L.FONT_TITLE, size=16, bold=True)
    ws.cell(row=1, column=1).alignment = Alignment(horizontal="center", vertical="center")
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=ncols)
    ws.row_dimensions[1].height = 36
    for c, text in enumerate(lay.header, start=1):
        cell = ws.cell(row=2, column=c, value=text)
        cell.font = Font(name=L.FONT_HEADER, bold=True)
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        cell.border = border
        ws.column_dimensions[get_column_letter(c)].width = lay.widths[c - 1]
    center_cols = {lay.header.index(L.EXPORT_COL_NO)}
    if L.EXPORT_COL_GOAL in lay.header:
        center_cols.add(lay.header.index(L.EXPORT_COL_GOAL))
    for r, row in enumerate(lay.rows, start=3):
        for c, text in enumerate(row, start=1):
            cell = ws.cell(row=r, column=c, value=text or None)
            cell.font = Font(name=L.FONT_BODY)
            cell.alignment = Alignment(horizontal="center" if c - 1 in center_cols else "left",
                                       vertical="center", wrap_text=True)
            cell.border = border
    merged_cells = {(r, c) for r0, r1, c in lay.merges for r in range(r0, r1 + 1)}
    for r, row in enumerate(lay.rows):
        ws.row_dimensions[r + 3].height = _row_height(
            [(text, lay.widths[c]) for c, text in enumerate(row) if (r, c) not in merged_cells])
    for r0, r1, c in lay.merges:
        ws.merge_cells(start_row=r0 + 3, start_column=c + 1, end_row=r1 + 3, end_column=c + 1)
    ws.freeze_panes = "A3"
    ws.print_title_rows = "2:2"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    wb.save(out)


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
    center_cols = {lay.header.index(L.EXPORT_COL_NO)}
    if L.EXPORT_COL_GOAL in lay.header:
        center_cols.add(lay.header.index(L.EXPORT_COL_GOAL))
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
def export_plan(plan: Plan, out: PathOrFile, *, force: bool = False, fmt: str | None = None) -> Path | None:
    """Write ``plan`` in the original layout; the format from ``out``'s suffix
    (or ``fmt``: "xlsx" / "docx" for a file object)."""
    if fmt is None:
        suffix = Path(getattr(out, "name", str(out))).suffix.lower()
        fmt = {".xlsx": "xlsx", ".docx": "docx"}.get(suffix)
    if fmt not in ("xlsx", "docx"):
        raise OutputError(L.MSG_EXPORT_FORMAT.format(path=getattr(out, "name", out)), path=str(out))
    lay = layout(plan)
    writer = write_xlsx if fmt == "xlsx" else write_docx
    if is_file_like(out):
        import tempfile

        with tempfile.TemporaryDirectory() as tmp:
            p = Path(tmp) / ("export." + fmt)
            writer(lay, p)
            out.write(p.read_bytes())  # type: ignore[union-attr]
        return None
    with atomic_path(out, force) as tmp:  # type: ignore[arg-type]
        writer(lay, tmp)
    return Path(out)  # type: ignore[arg-type]


def export(workbook: PathOrFile, out: PathOrFile, *, force: bool = False) -> Path | None:
    """Read the normalised ``workbook`` and write it in the original layout to ``out``."""
    from xltools.workbook_reader import read_plan

    return export_plan(read_plan(workbook), out, force=force)
