"""Golden tests of the normalised workbook: reopen and compare content."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest

from tests.conftest import ROOT, pdf_text, soffice_convert
from xltools import labels as L
from xltools.workbook.template import template
from xltools.workbook.reader import read_plan


def _validations(ws):
    return {str(dv.sqref): (dv.type, dv.formula1) for dv in ws.data_validations.dataValidation}


def test_sheets_and_headers(taonan_workbook):
    wb = openpyxl.load_workbook(taonan_workbook)
    assert wb.sheetnames == ["说明", "任务分工", "单位", "待核对"]
    ws = wb["任务分工"]
    assert [c.value for c in ws[1]] == ["要求编号", "目标", "任务序号", "任务", "具体要求", "单位",
                                        "角色", "完成时限", "原文责任单位", "备注"]
    assert [c.value for c in wb["单位"][1]] == ["单位", "类别", "别名", "联系人", "联系电话", "邮箱"]
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref.startswith("A1:J")


def test_one_row_per_requirement_and_unit(taonan_workbook, taonan_plan):
    ws = openpyxl.load_workbook(taonan_workbook)["任务分工"]
    rows = [r for r in ws.iter_rows(min_row=2, values_only=True) if r[0]]
    assert len(rows) == len(taonan_plan.assignments)
    assert len({r[0] for r in rows}) == 63
    first = rows[0]
    assert first[:4] == ("1-1", "加强解读回应稳定社会预期", 1, "做好重要政策措施解读工作")
    assert (first[5], first[6]) == ("市政府办公室", "责任")
    # 要求编号 is text; every cell holds one value.
    assert all(isinstance(r[0], str) for r in rows)
    assert all("、" not in (r[5] or "") for r in rows)
    # Lead units come first within a requirement.
    r14 = [r for r in rows if r[0] == "1-4"]
    assert [(r[5], r[6]) for r in r14] == [("市政府办公室", "牵头"), ("市司法局", "牵头")]
    # A deadline keeps its wording as written (letters print it); it reads back to its date.
    deadline = next(r[7] for r in rows if r[0] == "12-2")
    assert deadline == "年底前"
    req = next(r for r in read_plan(taonan_workbook).requirements if r.id == "12-2")
    assert (req.deadline.text, req.deadline.date) == ("年底前", dt.date(2019, 12, 31))


def test_dropdowns_use_a_growing_named_range(taonan_workbook):
    wb = openpyxl.load_workbook(taonan_workbook)
    dvs = _validations(wb["任务分工"])
    assert dvs["F2:F5000"] == ("list", "单位列表")  # stored without '=' as Excel does
    assert dvs["G2:G5000"] == ("list", '"牵头,责任,配合"')
    assert all(len(f or "") <= 255 for _, f in dvs.values())
    ref = wb.defined_names["单位列表"].attr_text
    assert ref == "'单位'!$A$2:$A$1000"
    units = [r[0] for r in wb["单位"].iter_rows(min_row=2, values_only=True) if r[0]]
    assert len(units) == 34 and units[0] == "市政府办公室"


def test_settings_and_review_sheets(taonan_workbook):
    wb = openpyxl.load_workbook(taonan_workbook)
    settings = {r[0]: r[1] for r in wb["说明"].iter_rows(min_row=2, max_col=2, values_only=True)
                if r[0]}
    for key in ("标题", "年度", "发文单位", "发文字号", "反馈截止日期", "联系人", "联系电话"):
        assert key in settings
    assert settings["标题"] == "2019年洮南市政务公开重点工作任务分工"
    assert settings["年度"] == 2019
    review = list(wb["待核对"].iter_rows(min_row=2, values_only=True))
    assert review and all(r[3] for r in review)


def test_print_setup(taonan_workbook):
    ws = openpyxl.load_workbook(taonan_workbook)["任务分工"]
    assert ws.page_setup.orientation == "landscape"
    assert str(ws.page_setup.paperSize) == ws.PAPERSIZE_A4
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.page_setup.fitToWidth == 1
    assert ws.print_title_rows == "$1:$1"
    assert "洮南" in ws.oddHeader.center.text
    assert "&P" in ws.oddFooter.center.text


def test_round_trip_through_the_workbook(taonan_workbook, taonan_plan):
    back = read_plan(taonan_workbook)
    assert [(g.name, [(t.number, t.name) for t in g.tasks]) for g in back.goals] == \
        [(g.name, [(t.number, t.name) for t in g.tasks]) for g in taonan_plan.goals]
    assert [(r.id, r.text, r.units_text) for r in back.requirements] == \
        [(r.id, r.text, r.units_text) for r in taonan_plan.requirements]
    assert sorted(back.assignments, key=repr) == sorted(taonan_plan.assignments, key=repr)
    assert [(u.name, u.aliases, u.kind) for u in back.units] == \
        [(u.name, u.aliases, u.kind) for u in taonan_plan.units]
    assert back.info.title == taonan_plan.info.title and back.info.year == 2019
    assert len(back.notes) == len(taonan_plan.notes)


def test_committed_template_matches_the_code(tmp_path):
    fresh = tmp_path / "assignment.xlsx"
    template(fresh)
    committed = openpyxl.load_workbook(ROOT / "templates" / "assignment.xlsx")
    generated = openpyxl.load_workbook(fresh)
    assert committed.sheetnames == generated.sheetnames
    for name in generated.sheetnames:
        a = [r for r in committed[name].iter_rows(values_only=True)]
        b = [r for r in generated[name].iter_rows(values_only=True)]
        assert a == b, name
        assert _validations(committed[name]) == _validations(generated[name])
    assert committed.defined_names["单位列表"].attr_text == generated.defined_names["单位列表"].attr_text


def test_workbook_opens_and_renders_in_libreoffice(taonan_workbook, tmp_path):
    pdf = soffice_convert(taonan_workbook, "pdf", tmp_path / "pdf")
    text = pdf_text(pdf)
    assert "做好重要政策措施解读工作" in text.replace(" ", "").replace("\n", "") or "要求编号" in text
    assert "市政务服务局" in text


def test_unit_added_on_units_sheet_joins_the_dropdown_after_libreoffice_save(taonan_workbook, tmp_path):
    """The named range reaches below the data; it survives a save by a real office suite."""
    wb = openpyxl.load_workbook(taonan_workbook)
    wb["单位"].append(["市新成立局", "市直部门"])
    wb["任务分工"].append(["1-1", None, 1, None, None, "市新成立局", "配合"])
    edited = tmp_path / "edited.xlsx"
    wb.save(edited)
    resaved = soffice_convert(edited, "xlsx", tmp_path / "lo")
    wb2 = openpyxl.load_workbook(resaved)
    assert "单位列表" in wb2.defined_names
    dvs = _validations(wb2["任务分工"])
    assert any("单位列表" in (f or "") for _, f in dvs.values())
    plan = read_plan(resaved)
    assert "市新成立局" in [u.name for u in plan.units]
    assert any(a.unit == "市新成立局" for a in plan.assignments_for("1-1"))


@pytest.mark.parametrize("name", ["assignment.xlsx"])
def test_template_is_empty_but_complete(name: str):
    wb = openpyxl.load_workbook(Path(ROOT / "templates" / name))
    assert wb.sheetnames == [L.SHEET_README, L.SHEET_ASSIGNMENTS, L.SHEET_UNITS, L.SHEET_REVIEW]
    assert wb["任务分工"].max_row == 1
    assert "单位列表" in wb.defined_names


def test_text_that_looks_like_a_formula_stays_text(tmp_path, taonan_plan):
    import dataclasses

    from xltools.workbook.writer import write_workbook

    goal = taonan_plan.goals[0]
    task = goal.tasks[0]
    req = dataclasses.replace(task.requirements[0], text="=SUM(A1:A3)")
    task = dataclasses.replace(task, requirements=(req, *task.requirements[1:]))
    goal = dataclasses.replace(goal, tasks=(task, *goal.tasks[1:]))
    plan = dataclasses.replace(taonan_plan, goals=(goal, *taonan_plan.goals[1:]))
    out = tmp_path / "f.xlsx"
    write_workbook(plan, out)
    ws = openpyxl.load_workbook(out)["任务分工"]
    assert ws["E2"].data_type == "s"
    assert read_plan(out).requirement("1-1").text == "=SUM(A1:A3)"


# ------------------------------------------- issue 12: a workbook that prints well
def test_print_margins_dropdown_messages_and_folded_original_units(taonan_workbook):
    ws = openpyxl.load_workbook(taonan_workbook)["任务分工"]
    m = ws.page_margins
    # The page header and footer sit in their own band, clear of the table.
    assert m.header < m.top - 0.3 and m.footer < m.bottom - 0.3
    for dv in ws.data_validations.dataValidation:
        assert dv.error and "“”" not in dv.error and "{" not in dv.error
        assert dv.prompt
    col = openpyxl.utils.get_column_letter(L.ASSIGNMENT_COLUMNS.index(L.COL_UNITS_TEXT) + 1)
    assert ws.column_dimensions[col].hidden and ws.column_dimensions[col].outline_level == 1
    assert ws[f"{col}2"].value and not ws[f"{col}2"].alignment.wrap_text
    # The wording is kept (read back), only folded away.
    assert read_plan(taonan_workbook).requirement("1-1").units_text == ws[f"{col}2"].value


def test_workbook_prints_without_the_original_wording(taonan_workbook, tmp_path):
    import re

    pdf = soffice_convert(taonan_workbook, "pdf", tmp_path)
    pages = pdf_text(pdf).split("\f")[:-1]
    plan = read_plan(taonan_workbook)
    long_wording = max((r.units_text for r in plan.requirements), key=len)
    text = "".join(pages).replace(" ", "")
    assert long_wording.replace(" ", "") not in text
    # Every page of 任务分工 carries its page number in the footer, apart from the table.
    numbered = [p for p in pages if re.search(r"第 ?\d+ ?页，共 ?\d+ ?页", p)]
    assert len(numbered) >= 10
    assert len(pages) < 44


def test_streamed_review_sheet_matches_the_openpyxl_one(tmp_path, taonan_plan):
    """待核对 is streamed after its first row (a prose document has two notes a
    requirement): values, styles and row heights as openpyxl writes them, a formula-like
    text stays text."""
    import dataclasses

    from xltools.model import ReviewNote
    from xltools.workbook.writer import build_workbook, write_workbook

    extra = tuple(ReviewNote(L.REVIEW_UNITS, f"第{i}条：=A{i}+1 " + "很长的说明" * (i % 7), f"1-{i % 5 + 1}",
                             i if i % 3 else None, "原文" * (i % 4)) for i in range(1, 40))
    plan = dataclasses.replace(taonan_plan, notes=tuple(taonan_plan.notes) + extra)
    out = tmp_path / "streamed.xlsx"
    write_workbook(plan, out)
    streamed = openpyxl.load_workbook(out)[L.SHEET_REVIEW]
    built = build_workbook(plan)[L.SHEET_REVIEW]
    assert streamed.max_row == built.max_row == len(plan.notes) + 1
    for a, b in zip(streamed.iter_rows(), built.iter_rows()):
        assert [c.value for c in a] == [c.value for c in b]
        assert [(c.alignment.wrap_text, c.alignment.vertical, c.border.left.style) for c in a] == \
            [(c.alignment.wrap_text, c.alignment.vertical, c.border.left.style) for c in b]
    for r in range(2, built.max_row + 1):
        assert streamed.row_dimensions[r].height == built.row_dimensions[r].height
    assert any(built.row_dimensions[r].height for r in range(2, built.max_row + 1))
    assert streamed.cell(row=built.max_row, column=4).data_type == "s"
    assert len(read_plan(out).notes) == len(plan.notes)
