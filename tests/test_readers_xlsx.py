"""Excel sheets: merged ranges, title rows above the header, two-row
headers, several sheets; .xls via xlrd (made by LibreOffice from .xlsx)."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook

from conftest import soffice_convert
from xltools.importing.builder import build_plan
from xltools.model import Role
from xltools.importing.readers import detect_format, read_source
from textplans import unit_roles


def _sheet(path: Path) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = "说明"
    ws.append(["填表说明：请各单位按时反馈。"])
    ws = wb.create_sheet("任务表")
    ws.append(["附件2"])
    ws.append(["某市2022年深化“放管服”改革重点任务清单"])
    ws.merge_cells("A2:G2")
    ws.append(["序号", "重点领域", "主要任务", "具体措施", "责任单位", None, "完成时间"])
    ws.append([None, None, None, None, "牵头单位", "配合单位", None])
    ws.merge_cells("E3:F3")
    for col in "ABCDG":
        ws.merge_cells(f"{col}3:{col}4")
    ws.append([1, "审批制度改革", "推行告知承诺制", "梳理告知承诺事项清单。", "市司法局", "市直各部门", "2022-06-30"])
    ws.append([None, None, None, "向社会公布事项清单。", None, None, None])
    ws.append([2, None, "压缩审批时限", "审批时限压减一半。", "市行政审批局", "", "年底前"])
    ws.merge_cells("A5:A6")
    ws.merge_cells("B5:B7")
    ws.merge_cells("C5:C6")
    ws.merge_cells("E5:E6")
    ws.merge_cells("F5:F6")
    ws.merge_cells("G5:G6")
    ws.append(["注：各单位于每月5日前报送进展。"])
    ws.merge_cells("A8:G8")
    wb.save(path)
    return path


def _check(plan) -> None:
    assert plan.info.title == "某市2022年深化“放管服”改革重点任务清单" and plan.info.year == 2022
    assert [(g.name, [(t.number, t.name) for t in g.tasks]) for g in plan.goals] == [
        ("审批制度改革", [(1, "推行告知承诺制"), (2, "压缩审批时限")])]
    assert [r.text for r in plan.tasks[0].requirements] == ["梳理告知承诺事项清单。", "向社会公布事项清单。"]
    for rid in ("1-1", "1-2"):
        assert unit_roles(plan, rid) == {("市司法局", Role.LEAD), ("市直各部门", Role.ASSIST)}
        assert plan.requirement(rid).deadline.date.isoformat() == "2022-06-30"
    assert unit_roles(plan, "2-1") == {("市行政审批局", Role.LEAD)}
    assert plan.requirement("2-1").deadline.text == "年底前"


def test_xlsx_title_two_row_header_and_merges(tmp_path: Path) -> None:
    data = _sheet(tmp_path / "t.xlsx").read_bytes()
    assert detect_format(data, "t.dat") == "xlsx"
    plan = build_plan(*read_source(data, "t.xlsx"))
    _check(plan)


def test_xls_through_xlrd_keeps_merges(tmp_path: Path) -> None:
    xls = soffice_convert(_sheet(tmp_path / "t.xlsx"), "xls", tmp_path / "out")
    data = xls.read_bytes()
    assert detect_format(data, "t.xls") == "xls"
    plan = build_plan(*read_source(data, "t.xls"))
    _check(plan)
