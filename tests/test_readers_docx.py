"""Word tables: vMerge/gridSpan carried down, headings above and between
tables, tables continued after a page break, prose documents."""

from __future__ import annotations

from pathlib import Path

from docx import Document

from xltools.importing.builder import build_plan
from xltools.model import Role
from xltools.importing.readers import detect_format, read_source
from xltools.importing.readers.docx import W, table_grid
from textplans import unit_roles


def _save(doc, path: Path) -> bytes:
    doc.save(path)
    return path.read_bytes()


def _office_table(tmp_path: Path) -> bytes:
    """序号 | 重点任务 | 具体措施 | 牵头单位 | 配合单位 | 完成时限, with merges."""
    doc = Document()
    doc.add_paragraph("附件1")
    doc.add_paragraph("某县2024年优化营商环境重点任务分工方案")
    doc.add_paragraph("一、提升政务服务效能")
    t = doc.add_table(rows=4, cols=6)
    for c, h in enumerate(["序号", "重点任务", "具体措施", "牵头单位", "配合单位", "完成时限"]):
        t.cell(0, c).text = h
    t.cell(1, 0).text, t.cell(1, 1).text = "1", "推行一网通办"
    t.cell(1, 2).text = "整合政务服务平台。"
    t.cell(2, 2).text = "推行证照分离改革（试行）。"
    t.cell(1, 3).text = "县政务服务局"
    t.cell(1, 4).text = "县直各有关部门"
    t.cell(1, 5).text = "2024年6月底前"
    t.cell(3, 0).text, t.cell(3, 1).text, t.cell(3, 2).text = "2", "优化审批流程", "压减审批时限50%。"
    t.cell(3, 3).text, t.cell(3, 4).text = "县发改局", ""
    t.cell(1, 0).merge(t.cell(2, 0))
    t.cell(1, 1).merge(t.cell(2, 1))
    t.cell(1, 3).merge(t.cell(2, 3))
    t.cell(1, 4).merge(t.cell(2, 4))
    t.cell(1, 5).merge(t.cell(2, 5))
    doc.add_paragraph("二、加强要素保障")
    t2 = doc.add_table(rows=2, cols=6)
    for c, h in enumerate(["序号", "重点任务", "具体措施", "牵头单位", "配合单位", "完成时限"]):
        t2.cell(0, c).text = h
    for c, v in enumerate(["3", "保障用地需求", "盘活存量土地。", "县自然资源局", "各乡镇人民政府", "持续推进"]):
        t2.cell(1, c).text = v
    # The same table continued on the next page without its header.
    t3 = doc.add_table(rows=1, cols=6)
    for c, v in enumerate(["4", "强化金融支持", "扩大普惠贷款。", "县金融中心", "人民银行县支行", "年底前"]):
        t3.cell(0, c).text = v
    return _save(doc, tmp_path / "office.docx")


def test_docx_table_grid_flags_merges(tmp_path: Path) -> None:
    doc = Document()
    t = doc.add_table(rows=3, cols=3)
    t.cell(0, 0).merge(t.cell(0, 2)).text = "标题"
    t.cell(1, 0).text = "甲"
    t.cell(1, 0).merge(t.cell(2, 0))
    doc.save(tmp_path / "m.docx")
    tbl = Document(tmp_path / "m.docx").element.body.find(W + "tbl")
    grid = table_grid(tbl)
    assert [c.text for c in grid[0]] == ["标题"] * 3
    assert [c.from_left for c in grid[0]] == [False, True, True]
    assert grid[2][0].text == "甲" and grid[2][0].from_above


def test_docx_office_table(tmp_path: Path) -> None:
    data = _office_table(tmp_path)
    assert detect_format(data, "x.bin") == "docx"
    events, meta = read_source(data, "office.docx")
    assert meta.title == "某县2024年优化营商环境重点任务分工方案" and meta.year == 2024
    plan = build_plan(events, meta)
    assert [(g.name, [t.number for t in g.tasks]) for g in plan.goals] == [
        ("提升政务服务效能", [1, 2]), ("加强要素保障", [3, 4])]
    assert [r.text for r in plan.tasks[0].requirements] == ["整合政务服务平台。", "推行证照分离改革（试行）。"]
    for rid in ("1-1", "1-2"):
        assert unit_roles(plan, rid) == {("县政务服务局", Role.LEAD), ("县直各有关部门", Role.ASSIST)}
        assert plan.requirement(rid).deadline.date.isoformat() == "2024-06-30"
    assert unit_roles(plan, "2-1") == {("县发改局", Role.LEAD)}
    assert unit_roles(plan, "4-1") == {("县金融中心", Role.LEAD), ("人民银行县支行", Role.ASSIST)}
    assert any("续表" in n.message for n in plan.notes)


def test_docx_prose_work_points(tmp_path: Path) -> None:
    doc = Document()
    for line in ["某市2023年政务公开工作要点", "一、深化政策解读",
                 "1.健全解读机制。做好政策解读工作。（市政府办公室牵头，市直各部门按职责分工负责）",
                 "2.回应社会关切。加强舆情研判。（市委网信办牵头）"]:
        doc.add_paragraph(line)
    events, meta = read_source(_save(doc, tmp_path / "p.docx"), "p.docx")
    plan = build_plan(events, meta)
    assert plan.info.title == "某市2023年政务公开工作要点"
    assert [t.name for t in plan.tasks] == ["健全解读机制", "回应社会关切"]
    assert unit_roles(plan, "2-1") == {("市委网信办", Role.LEAD)}


def test_docx_header_in_its_own_table(tmp_path: Path) -> None:
    doc = Document()
    doc.add_paragraph("某县2024年重点任务清单")
    head = doc.add_table(rows=1, cols=4)
    for c, h in enumerate(["序号", "重点任务", "牵头单位", "完成时限"]):
        head.cell(0, c).text = h
    body = doc.add_table(rows=2, cols=4)
    for r, row in enumerate([["1", "建设产业园", "县发改局", "年底前"], ["2", "改造老旧小区", "县住建局", "9月底前"]]):
        for c, v in enumerate(row):
            body.cell(r, c).text = v
    plan = build_plan(*read_source(_save(doc, tmp_path / "h.docx"), "h.docx"))
    assert [t.name for t in plan.tasks] == ["建设产业园", "改造老旧小区"]
    assert unit_roles(plan, "2-1") == {("县住建局", Role.LEAD)}
    assert plan.requirement("2-1").deadline.date.isoformat() == "2024-09-30"


def test_docx_automatic_list_numbers(tmp_path: Path) -> None:
    doc = Document()
    doc.add_paragraph("某市2023年政务公开工作要点")
    doc.add_paragraph("一、深化政策解读")
    doc.add_paragraph("健全解读机制。做好政策解读工作。（市政府办公室牵头）", style="List Number")
    doc.add_paragraph("回应社会关切。加强舆情研判。（市委网信办牵头，市直各部门配合）", style="List Number")
    table = doc.add_table(rows=1, cols=1)
    table.cell(0, 0).text = "附：联系人"
    plan = build_plan(*read_source(_save(doc, tmp_path / "n.docx"), "n.docx"))
    assert [(t.number, t.name) for t in plan.tasks] == [(1, "健全解读机制"), (2, "回应社会关切")]
    assert unit_roles(plan, "2-1") == {("市委网信办", Role.LEAD), ("市直各部门", Role.ASSIST)}


def test_auto_numbered_number_column(tmp_path: Path) -> None:
    doc = Document()
    t = doc.add_table(rows=3, cols=3)
    for c, h in enumerate(["序号", "重点任务", "责任单位"]):
        t.cell(0, c).text = h
    for r, (task, unit) in enumerate([("建设产业园", "县发改局"), ("改造老旧小区", "县住建局")], start=1):
        t.cell(r, 0).paragraphs[0].style = doc.styles["List Number"]
        t.cell(r, 1).text, t.cell(r, 2).text = task, unit
    plan = build_plan(*read_source(_save(doc, tmp_path / "c.docx"), "c.docx"))
    assert [(t.number, t.name) for t in plan.tasks] == [(1, "建设产业园"), (2, "改造老旧小区")]
