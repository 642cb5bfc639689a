"""Export in the original layout: reopen the xlsx/docx and compare content
(values, merges, layout), never bytes."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import openpyxl
import pytest
from docx import Document

from xltools import labels as L
from xltools.cli import main
from xltools.errors import OutputError
from xltools.documents.export import export, export_plan, layout
from xltools.model import Role
from xltools.importing.readers.docx import W, table_grid
from xltools.workbook.reader import read_plan


def test_layout_of_the_example(taonan_plan) -> None:
    lay = layout(taonan_plan)
    # The original had no 完成时限 column: none is added.
    assert lay.header == ("目标", "序号", "任务", "有关要求", "责任单位")
    assert len(lay.rows) == len(taonan_plan.requirements)
    first_goal = taonan_plan.goals[0]
    n_first = sum(len(t.requirements) for t in first_goal.tasks)
    assert (0, n_first - 1, 0) in lay.merges
    task1 = taonan_plan.tasks[0]
    assert (0, len(task1.requirements) - 1, 1) in lay.merges
    assert (0, len(task1.requirements) - 1, 2) in lay.merges
    # Unchanged assignments keep the original wording.
    req = taonan_plan.requirement("1-1")
    assert lay.rows[0][4] == req.units_text


def test_xlsx_export(taonan_workbook: Path, tmp_path: Path) -> None:
    out = tmp_path / "table.xlsx"
    assert export(taonan_workbook, out) == out
    plan = read_plan(taonan_workbook)
    ws = openpyxl.load_workbook(out).active
    assert ws["A1"].value == plan.info.title
    assert "A1:E1" in {str(r) for r in ws.merged_cells.ranges}
    assert [c.value for c in ws[2]] == ["目标", "序号", "任务", "有关要求", "责任单位"]
    assert "&P" in ws.oddFooter.center.text  # page numbers
    assert ws.print_title_rows == "$2:$2" or ws.print_title_rows == "2:2"
    merged = {str(r) for r in ws.merged_cells.ranges}
    n_task1 = len(plan.tasks[0].requirements)
    assert f"B3:B{2 + n_task1}" in merged and f"C3:C{2 + n_task1}" in merged
    assert ws["D3"].value == plan.requirement("1-1").text
    assert ws.page_setup.orientation == "landscape"


def test_docx_export_is_a_landscape_table_with_repeated_header(taonan_workbook: Path,
                                                               tmp_path: Path) -> None:
    out = tmp_path / "table.docx"
    export(taonan_workbook, out)
    doc = Document(out)
    sec = doc.sections[0]
    assert sec.page_width > sec.page_height
    assert doc.paragraphs[0].text == read_plan(taonan_workbook).info.title
    tbl = doc.element.body.find(W + "tbl")
    first_row = tbl.find(W + "tr")
    assert first_row.find(f"{W}trPr/{W}tblHeader") is not None
    grid = table_grid(tbl)
    assert [c.text for c in grid[0]] == ["目标", "序号", "任务", "有关要求", "责任单位"]
    assert grid[2][0].from_above and grid[2][1].from_above  # goal and 序号 merged down
    assert not grid[2][3].from_above
    fonts = {el.get(W + "eastAsia") for el in doc.element.body.iter(W + "rFonts")}
    assert L.FONT_BODY in fonts and L.FONT_TITLE in fonts


def test_changed_assignments_are_worded_afresh(taonan_plan, tmp_path: Path) -> None:
    plan = taonan_plan
    changed = tuple(dataclasses.replace(a, role=Role.ASSIST) if a.requirement_id == "1-1"
                    and a.unit == "开发区" else a for a in plan.assignments)
    lay = layout(dataclasses.replace(plan, assignments=changed))
    assert lay.rows[0][4] == "市政府办公室负责，开发区配合，各相关部门按职能分别落实"
    assert lay.rows[1][4] == plan.requirement("1-2").units_text


def test_export_refuses_to_overwrite_and_checks_the_suffix(taonan_plan, tmp_path: Path) -> None:
    out = tmp_path / "t.xlsx"
    out.write_bytes(b"keep")
    with pytest.raises(OutputError):
        export_plan(taonan_plan, out)
    assert out.read_bytes() == b"keep"
    export_plan(taonan_plan, out, force=True)
    assert openpyxl.load_workbook(out).active["A2"].value == "目标"
    with pytest.raises(OutputError, match=".xlsx 或 .docx"):
        export_plan(taonan_plan, tmp_path / "t.pdf")


def test_no_goal_column_when_no_goals(tmp_path: Path) -> None:
    from xltools.importing.importer import read_original

    import dataclasses

    plan = read_original(Path(__file__).parent / "fixtures" / "real" /
                         "02_jiangmen-tdcb-pipe-merged-shift.txt")
    # The importer remembers the original's own columns, in its order.
    assert layout(plan).header == ("工作任务", "具体要求", "责任部门")
    unknown = dataclasses.replace(plan, info=dataclasses.replace(plan.info, source_columns=()))
    assert layout(unknown).header == ("序号", "任务", "有关要求", "责任单位")


def test_cli_export(taonan_workbook: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "t.docx"
    assert main(["export", str(taonan_workbook), "-o", str(out)]) == 0
    assert out.is_file() and str(out) in capsys.readouterr().out
    assert main(["export", str(taonan_workbook), "-o", str(out)]) == 1
    assert "--force" in capsys.readouterr().err


def test_export_to_a_file_object(taonan_plan) -> None:
    import io

    buf = io.BytesIO()
    assert export_plan(taonan_plan, buf, fmt="docx") is None
    doc = Document(io.BytesIO(buf.getvalue()))
    assert doc.tables[0].rows[0].cells[0].text == "目标"


# ------------------------------------------------ issue 12: the original's layout
def _task_rows(plan, number: int) -> tuple[int, int]:
    """0-based first and last layout row of task ``number``."""
    ids = [r.id for r in plan.requirements]
    rows = [i for i, rid in enumerate(ids) if rid.startswith(f"{number}-")]
    return rows[0], rows[-1]


def test_units_merged_where_the_original_merged_them(taonan_plan) -> None:
    lay = layout(taonan_plan)
    units_col = lay.header.index("责任单位")
    first, last = _task_rows(taonan_plan, 9)
    assert last - first == 6  # task 9 has seven requirements
    assert (first, last, units_col) in lay.merges
    assert lay.rows[first][units_col] and all(lay.rows[r][units_col] == ""
                                              for r in range(first + 1, last + 1))
    # Different wordings are never merged, and no merge crosses a task.
    for r0, r1, c in lay.merges:
        if c == units_col:
            assert {taonan_plan.requirements[r].task_no for r in range(r0, r1 + 1)} == \
                {taonan_plan.requirements[r0].task_no}


def test_units_merge_in_xlsx_and_docx(taonan_workbook: Path, tmp_path: Path) -> None:
    plan = read_plan(taonan_workbook)
    first, last = _task_rows(plan, 9)
    export(taonan_workbook, tmp_path / "t.xlsx")
    ws = openpyxl.load_workbook(tmp_path / "t.xlsx").active
    assert f"E{first + 3}:E{last + 3}" in {str(r) for r in ws.merged_cells.ranges}
    export(taonan_workbook, tmp_path / "t.docx")
    grid = table_grid(Document(tmp_path / "t.docx").element.body.find(W + "tbl"))
    assert not grid[first + 1][4].from_above
    assert all(grid[r + 1][4].from_above for r in range(first + 1, last + 1))


def test_deadline_column_on_request_or_when_the_original_had_it(taonan_plan) -> None:
    assert layout(taonan_plan, deadline=True).header[-1] == "完成时限"
    plan = taonan_plan.with_info(source_columns=("序号", "工作任务", "具体要求", "完成时限",
                                                 "牵头单位"))
    lay = layout(plan)
    assert lay.header == ("序号", "工作任务", "具体要求", "完成时限", "牵头单位")
    assert lay.kinds == ("序号", "任务", "有关要求", "完成时限", "责任单位")
    assert lay.rows[0][2] == plan.requirement("1-1").text
    assert layout(plan, deadline=False).header == ("序号", "工作任务", "具体要求", "牵头单位")
    # Read as the importer reads header words: a leader column shows the remarks it
    # became, a progress column is not part of the plan.
    plan = taonan_plan.with_info(source_columns=("序号", "任务", "具体要求", "责任单位",
                                                 "分管领导", "进展情况"))
    assert layout(plan).kinds == ("序号", "任务", "有关要求", "责任单位", "备注")


def test_unknown_recorded_column_is_an_error(taonan_plan) -> None:
    from xltools.errors import InputError

    with pytest.raises(InputError, match="附表"):
        layout(taonan_plan.with_info(source_columns=("序号", "附表")))


def test_every_imported_original_exports(tmp_path: Path) -> None:
    """The columns the importer records (说明 → 原表列) never make export fail: a column
    the plan does not hold (投资金额（万元）, 区民生实事项目数量) is left out."""
    from real_examples import authored_files, real_files
    from xltools.importing.importer import read_original

    from xltools.errors import XltoolsError

    for path in [*real_files(), *authored_files()]:
        try:
            plan = read_original(path)
        except XltoolsError:
            continue  # not read: the corpus tests count it
        lay = layout(plan)
        assert L.EXPORT_COL_UNITS in lay.kinds, path.name
        assert set(lay.kinds) <= {L.EXPORT_COL_GOAL, L.EXPORT_COL_NO, L.EXPORT_COL_TASK,
                                  L.EXPORT_COL_REQUIREMENT, L.EXPORT_COL_UNITS,
                                  L.EXPORT_COL_DEADLINE, L.EXPORT_COL_REMARK}, path.name


def test_text_starting_with_equals_stays_text(taonan_plan, tmp_path: Path) -> None:
    goal = taonan_plan.goals[0]
    task = goal.tasks[0]
    req = dataclasses.replace(task.requirements[0], text="=HYPERLINK(\"http://x\",\"点\")")
    task = dataclasses.replace(task, name="+1+1", requirements=(req, *task.requirements[1:]))
    goal = dataclasses.replace(goal, name="@SUM(A1)", tasks=(task, *goal.tasks[1:]))
    plan = dataclasses.replace(taonan_plan, goals=(goal, *taonan_plan.goals[1:]))
    # The last requirement is in the streamed rows (workbook.cell_xml).
    last_goal = plan.goals[-1]
    last_task = last_goal.tasks[-1]
    last = dataclasses.replace(last_task.requirements[-1], text="-2+3\x07")
    last_task = dataclasses.replace(last_task, requirements=(*last_task.requirements[:-1], last))
    last_goal = dataclasses.replace(last_goal, tasks=(*last_goal.tasks[:-1], last_task))
    plan = dataclasses.replace(plan, goals=(*plan.goals[:-1], last_goal))
    export_plan(plan, tmp_path / "t.xlsx")
    ws = openpyxl.load_workbook(tmp_path / "t.xlsx").active
    end = 2 + len(plan.requirements)
    for ref, text in (("D3", req.text), ("C3", "+1+1"), ("A3", "@SUM(A1)"), (f"D{end}", "-2+3")):
        assert ws[ref].value == text and ws[ref].data_type == "s"
    export_plan(plan, tmp_path / "t.docx")
    grid = table_grid(Document(tmp_path / "t.docx").element.body.find(W + "tbl"))
    assert grid[1][3].text == req.text


@pytest.mark.parametrize("fmt", ["docx", "xlsx"])
def test_export_as_printed(taonan_workbook: Path, tmp_path: Path, fmt: str) -> None:
    """Rendered by LibreOffice: page numbers and the header row on every page, task 9's
    责任单位 printed once (one merged cell), no 完成时限 column."""
    import re

    from tests.conftest import pdf_text, soffice_convert

    plan = read_plan(taonan_workbook)
    out = export(taonan_workbook, tmp_path / f"t.{fmt}")
    pages = pdf_text(soffice_convert(out, "pdf", tmp_path / "pdf")).split("\f")[:-1]
    assert len(pages) >= 3
    number = r"—\s*\d+\s*—" if fmt == "docx" else r"第\s*\d+\s*页，共\s*\d+\s*页"
    for i, page in enumerate(pages, start=1):
        assert re.search(number, page), f"page {i} has no page number"
        flat = page.replace(" ", "")
        assert "有关要求" in flat and "责任单位" in flat, f"page {i} has no header row"
        assert "完成时限" not in flat
    # Task 9's 责任单位 is printed once (one merged cell), not on each of its seven rows:
    # a short unit name of that wording appears in the printout exactly as often as in
    # the layout's visible cells.
    lay = layout(plan)
    first, last = _task_rows(plan, 9)
    wording = lay.rows[first][4]
    text = "".join(pages).replace(" ", "")
    cells = [c for row in lay.rows for c in row] + [lay.title]
    names = [n for n in re.split(r"[、，。]", wording) if 3 <= len(n) <= 4]
    checked = 0
    for name in names:
        expected = sum(c.count(name) for c in cells)
        if expected > 3:
            continue  # a name on many merged cells: some split by page breaks
        # Never once per row (that would be 6 more); a merged cell split by a page
        # break may show on both pages.
        assert text.count(name) <= expected + 1, name
        if expected < last - first + 1 and text.count(name) == expected:
            checked += 1  # (a name broken over two lines is not found at all)
    assert checked >= 2, names
