"""Export keeps every column the original had (issue 19): a leader column
(分管领导) gets its values back, and a 任务 column that held both the tasks and
their items is not split into an invented 有关要求 column."""

from __future__ import annotations

from pathlib import Path

import openpyxl
from docx import Document

from xltools import labels as L
from xltools.documents.export import export, layout
from xltools.importing.importer import read_original
from xltools.model import Assignment, Role
from xltools.workbook.writer import write_workbook

REAL = Path(__file__).parent / "fixtures" / "real"
TABLE_17 = REAL / "17_box-drawing-merged-fenguan-lingdao.txt"


def test_table_17_keeps_its_columns_and_values(tmp_path: Path) -> None:
    plan = read_original(TABLE_17)
    assert plan.info.source_columns == ("工作任务", "分管领导", "牵头组织实施单位", "完成时限")
    wb = tmp_path / "wb.xlsx"
    write_workbook(plan, wb)
    out = export(wb, tmp_path / "out.xlsx")
    ws = openpyxl.load_workbook(out).active
    rows = [[c.value for c in r] for r in ws.iter_rows(min_row=2)]
    assert rows[0] == ["工作任务", "分管领导", "牵头组织实施单位", "完成时限"]  # nothing invented
    # The task line, then its items (△) in the same column, as in the original.
    assert rows[1][0] == "抓好财税金融工作，增强发展保障能力" and rows[1][1] == "梁志强"
    items = [r[0] for r in rows[2:6]]
    assert all(i.startswith(L.EXPORT_ITEM_BULLET) for i in items)
    assert items[0].startswith("△进一步调整财政支出结构")
    assert rows[1][3] == "年内见成效"
    # 分管领导, 单位, 完成时限 merged over the task line and its items.
    merged = {str(r) for r in ws.merged_cells.ranges}
    assert {"B3:B7", "C3:C7", "D3:D7"} <= merged
    assert ws.column_dimensions["A"].width > 30  # the column holds the items' text
    doc = Document(export(wb, tmp_path / "out.docx"))
    header = [c.text for c in doc.tables[0].rows[0].cells]
    assert header == ["工作任务", "分管领导", "牵头组织实施单位", "完成时限"]
    # Read back, the export is the same plan (tasks, items, units).
    again = read_original(out)
    assert [(t.name, len(t.requirements)) for t in again.tasks] == [
        (t.name, len(t.requirements)) for t in plan.tasks]


def test_each_leader_and_remark_column_gets_its_own_values(taonan_plan) -> None:
    req = taonan_plan.requirements[0]
    extra = (Assignment(req.id, taonan_plan.assignments[0].unit, Role.LEAD,
                        remark="分管领导：张三；责任领导：李四；另行部署"),)
    plan = taonan_plan.__class__(info=taonan_plan.info.__class__(
        **{**taonan_plan.info.__dict__, "source_columns": (
            "序号", "任务", "具体要求", "责任单位", "分管领导", "责任领导", "备注")}),
        goals=taonan_plan.goals, units=taonan_plan.units,
        assignments=taonan_plan.assignments + extra)
    lay = layout(plan)
    assert lay.header == ("序号", "任务", "具体要求", "责任单位", "分管领导", "责任领导", "备注")
    assert lay.rows[0][4:] == ("张三", "李四", "另行部署")
    assert lay.rows[1][4:] == ("", "", "")
