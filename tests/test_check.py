"""`check` / reading the workbook back: robust to what users do in Excel, and
catches each kind of problem with sheet and row."""

from __future__ import annotations

import datetime as dt
import random

import openpyxl
import pytest

from xltools.workbook.check import check, format_report
from xltools.errors import WorkbookError
from xltools.workbook.reader import read_plan


def _edit(path, fn):
    wb = openpyxl.load_workbook(path)
    fn(wb)
    wb.save(path)
    return path


def _problems(path):
    return [(p.sheet, p.row, p.column) for p in check(path)]


def test_clean_workbook_passes(taonan_workbook):
    result = check(taonan_workbook)
    assert list(result) == []
    assert "校验通过" in format_report(taonan_workbook, result)


def test_sorted_filtered_inserted_and_blank_rows_read_the_same(taonan_workbook, taonan_plan):
    def shuffle(wb):
        ws = wb["任务分工"]
        rows = [list(r) for r in ws.iter_rows(min_row=2, values_only=True)]
        random.Random(7).shuffle(rows)
        ws.delete_rows(2, ws.max_row)
        for i, r in enumerate(rows):
            ws.append(r)
            if i % 50 == 0:
                ws.append([None] * 10)  # blank rows left behind
        ws.row_dimensions[5].hidden = True  # a filter
    _edit(taonan_workbook, shuffle)
    assert list(check(taonan_workbook)) == []
    back = read_plan(taonan_workbook)
    assert [r.id for r in back.requirements] == [r.id for r in taonan_plan.requirements]
    assert [(g.name, [t.number for t in g.tasks]) for g in back.goals] == \
        [(g.name, [t.number for t in g.tasks]) for g in taonan_plan.goals]
    assert sorted(map(repr, back.assignments)) == sorted(map(repr, taonan_plan.assignments))


def test_moved_columns_are_found_by_header(taonan_workbook):
    def move(wb):
        ws = wb["任务分工"]
        ws.move_range("J1:J1000", cols=2)  # 备注 moved right
        ws.insert_cols(3)
        ws["C1"] = "新增列"
    _edit(taonan_workbook, move)
    assert list(check(taonan_workbook)) == []


def test_rows_typed_by_hand_with_converted_ids(taonan_workbook):
    def add(wb):
        ws = wb["任务分工"]
        ws.append([dt.datetime(2026, 1, 2), None, 1, None, None, "市人社局", "配合"])
        ws.append([1.3, None, 1, None, None, "市教育局", "配合"])
    _edit(taonan_workbook, add)
    problems = check(taonan_workbook)
    assert all(p.severity == "warning" for p in problems)
    assert len(problems) == 2
    plan = read_plan(taonan_workbook)
    assert ("市人社局", "配合") in [(a.unit, a.role.value) for a in plan.assignments_for("1-2")]
    assert ("市教育局", "配合") in [(a.unit, a.role.value) for a in plan.assignments_for("1-3")]


def test_new_unit_on_units_sheet_is_known(taonan_workbook):
    def add(wb):
        wb["单位"].append(["市大数据中心", "市直部门"])
        wb["任务分工"].append(["2-1", None, 2, None, None, "市大数据中心", "配合"])
    _edit(taonan_workbook, add)
    assert list(check(taonan_workbook)) == []


def test_each_kind_of_problem_is_reported_with_sheet_and_row(taonan_workbook):
    def spoil(wb):
        ws = wb["任务分工"]
        ws["F2"] = "市不存在局"          # unknown unit
        ws["G3"] = None                 # missing role
        ws["G4"] = "主办"               # invalid role
        ws["E3"] = "另一段不同的文字。"   # one id (1-1, rows 2-4), different texts
        ws["H6"] = "2019-13-45"         # unparseable date
        ws["A7"] = "第一条"              # malformed id
    _edit(taonan_workbook, spoil)
    found = _problems(taonan_workbook)
    assert ("任务分工", 2, "单位") in found
    assert ("任务分工", 3, "角色") in found
    assert ("任务分工", 4, "角色") in found
    assert ("任务分工", 3, "具体要求") in found
    assert ("任务分工", 6, "完成时限") in found
    assert ("任务分工", 7, "要求编号") in found
    report = format_report(taonan_workbook, check(taonan_workbook))
    assert "任务分工!2" in report and "市不存在局" in report


def test_cli_check_exit_codes(taonan_workbook, capsys):
    from xltools.cli import main

    assert main(["check", str(taonan_workbook)]) == 0
    _edit(taonan_workbook, lambda wb: wb["任务分工"].__setitem__("F2", "市不存在局"))
    assert main(["check", str(taonan_workbook)]) == 1
    out = capsys.readouterr().out
    assert "市不存在局" in out and "任务分工!2" in out


def test_missing_sheet_or_column_is_a_clear_error(taonan_workbook, tmp_path):
    wb = openpyxl.load_workbook(taonan_workbook)
    del wb["单位"]
    bad = tmp_path / "bad.xlsx"
    wb.save(bad)
    with pytest.raises(WorkbookError, match="单位"):
        check(bad)
    wb = openpyxl.load_workbook(taonan_workbook)
    wb["任务分工"]["G1"] = "职责"
    wb.save(bad)
    with pytest.raises(WorkbookError, match="角色"):
        check(bad)


def test_not_a_workbook(tmp_path):
    p = tmp_path / "x.xlsx"
    p.write_text("hello")
    with pytest.raises(WorkbookError, match="x.xlsx"):
        check(p)


def test_empty_workbook_is_reported(tmp_path):
    from xltools import labels as L
    from xltools.cli import main
    from xltools.workbook.template import template

    path = tmp_path / "empty.xlsx"
    template(path)
    result = check(path)
    assert [(p.sheet, p.message) for p in result] == [(L.SHEET_ASSIGNMENTS, L.CHK_NO_DATA)]
    assert main(["check", str(path)]) == 1
