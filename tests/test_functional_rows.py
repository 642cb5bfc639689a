"""按职能 rows (issue 19): requirements bound to 各相关部门 "按职能分别落实" are
answered once per task by every unit, on its progress sheet, and the roll-up
counts and shows them per unit; a return that leaves them empty is reported."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest

from conftest import EXAMPLES
from progress_fixtures import fill, sheet_values, small_plan, table
from xltools import labels as L
from xltools.model import Assignment, Role
from xltools.progress import HEADER_ROW, split
from xltools.progress.identity import (functional_only_units, parse_functional_id,
                                       progress_units, unit_rows)
from xltools.progress.readback import read_rollup
from xltools.progress.remind import remind
from xltools.progress.rollup import rollup
from xltools.workbook.writer import write_workbook

AS_OF = "2019-07-10"  # after the 反馈截止日期 (2019-07-05)


def _plan():
    """small_plan, with 2-1 also bound to 各相关部门 and a unit named only inside
    the 按职能 phrase (丁区: "丁区、各相关部门按职能分别落实") on 1-2 and 2-1."""
    plan = small_plan()
    extra = (Assignment("2-1", "各相关部门", Role.RESPONSIBLE),
             Assignment("1-2", "丁区", Role.RESPONSIBLE), Assignment("2-1", "丁区", Role.RESPONSIBLE))
    return plan.__class__(info=plan.info, goals=plan.goals, units=plan.units,
                          assignments=plan.assignments + extra)


@pytest.fixture
def master(tmp_path: Path) -> Path:
    path = tmp_path / "master.xlsx"
    write_workbook(_plan(), path)
    return path


@pytest.fixture
def sent(master: Path, tmp_path: Path) -> dict[str, Path]:
    return split(master, tmp_path / "sent", round_label="R1", deadline="2019-07-05").files


def _sheet_rows(path: Path) -> list[tuple[str, str, str]]:
    """(要求编号, 具体要求, 角色) of a progress file's table."""
    ws = openpyxl.load_workbook(path)[L.PROGRESS_SHEET]
    return [(r[0], r[3], r[4]) for r in ws.iter_rows(min_row=HEADER_ROW + 1, values_only=True)
            if r[0]]


def test_every_sheet_has_one_row_per_task_bound_by_function(sent: dict[str, Path]) -> None:
    rows = {unit: _sheet_rows(path) for unit, path in sent.items()}
    # 甲局 carries 1-2 itself: no 按职能 row for task 1; task 2 (2-1) it answers 按职能.
    assert [r[0] for r in rows["甲局"]] == ["1-1", "1-2", "2-职能", "3-2"]
    # 乙局 and 丙办 answer task 1 按职能 (1-2); 乙局/丙办 carry 2-1 themselves (task 2's
    # one requirement, shown as 2).
    assert [r[0] for r in rows["乙局"]] == ["1-1", "1-职能", "2", "3-2"]
    assert [r[0] for r in rows["丙办"]] == ["1-职能", "2", "3-1"]
    # 丁区 is named only inside the 按职能 phrase: one row per task, not one per requirement.
    assert [r[0] for r in rows["丁区"]] == ["1-职能", "2-职能"]
    for unit_rows_ in rows.values():
        for req_id, text, role in unit_rows_:
            if req_id.endswith("职能"):
                assert role == L.ROLE_FUNCTIONAL
    functional = dict((r[0], r[1]) for r in rows["丙办"])["1-职能"]
    assert "1-2 政策文件与解读材料同步" in functional and "任务分工表" in functional
    # The sheet says what a 按职能 row is.
    ws = openpyxl.load_workbook(sent["丁区"])[L.PROGRESS_SHEET]
    assert L.PROGRESS_FUNCTIONAL_NOTE in ws["A4"].value


def test_functional_ids_typed_otherwise_are_read() -> None:
    assert parse_functional_id("4-职能") == "4-职能"
    assert parse_functional_id(" 4 － 按职能 ") == "4-职能"
    assert parse_functional_id("4-1") is None and parse_functional_id(4.1) is None


def test_rollup_counts_functional_rows_per_unit_and_reports_empty_ones(
        master: Path, sent: dict[str, Path], tmp_path: Path) -> None:
    folder = tmp_path / "returned"
    fill(sent["甲局"], folder / "a.xlsx", filled=dt.date(2019, 7, 3))
    # 乙局 answers its requirements and leaves its 按职能 row empty.
    fill(sent["乙局"], folder / "b.xlsx", filled=dt.date(2019, 7, 3),
         answers={"1-职能": {L.PCOL_STATUS: None, L.PCOL_PROGRESS: None}})
    # 丁区 answers both of its 按职能 rows, one typed "2 - 按职能".
    def retype(ws, col) -> None:
        for r in range(HEADER_ROW + 1, ws.max_row + 1):
            if ws.cell(row=r, column=1).value == "2-职能":
                ws.cell(row=r, column=1).value = "2 - 按职能"
    fill(sent["丁区"], folder / "d.xlsx", filled=dt.date(2019, 7, 3), edit=retype)
    out = tmp_path / "out.xlsx"
    result = rollup(master, folder, out, as_of=AS_OF)
    assert result.rows_read == result.rows_used + result.rows_reported
    progress = {(r[L.COL_REQ_ID], r[L.RCOL_UNIT]): r for r in table(out, L.SHEET_PROGRESS)}
    assert progress[("2-职能", "丁区")][L.RCOL_FEEDBACK] == L.FEEDBACK_RETURNED
    assert progress[("2-职能", "丁区")][L.RCOL_ROLE] == L.ROLE_FUNCTIONAL
    assert progress[("1-职能", "乙局")][L.RCOL_FEEDBACK] == L.FEEDBACK_EMPTY
    # 进度 lists the requirement rows first, then the 按职能 rows.
    roles = [r[L.RCOL_ROLE] for r in table(out, L.SHEET_PROGRESS)]
    first = roles.index(L.ROLE_FUNCTIONAL)
    assert all(r == L.ROLE_FUNCTIONAL for r in roles[first:])
    # 汇总: the per-unit 按职能 column; 乙局 at least 黄 and told why; 丁区 counts its rows.
    rows = result.sheets[L.SHEET_SUMMARY]
    units = result.layout["units"]
    header = rows[units.header_row - 1]
    by_unit = {r[1]: dict(zip(header, r)) for r in rows[units.first_row - 1:units.last_row]}
    assert by_unit["乙局"][L.SCOL_FUNCTIONAL] == "0/1"
    assert by_unit["甲局"][L.SCOL_FUNCTIONAL] == "1/1"
    assert by_unit["丙办"][L.SCOL_FUNCTIONAL] == "0/1"
    assert by_unit["丁区"][L.SCOL_FUNCTIONAL] == "2/2"
    assert by_unit["乙局"][L.SCOL_MARK] != L.MARK_GREEN
    assert L.WHY_FUNCTIONAL_MISSING.format(count=1) in by_unit["乙局"][L.SCOL_WHY]
    # 丁区 has only 按职能 rows: they are what it owes, and it reported them.
    assert by_unit["丁区"][L.SCOL_DUE] == 2 and by_unit["丁区"][L.RCOL_FEEDBACK] == L.FEEDBACK_RETURNED
    # Requirement rows only on 应报 and the status distribution.
    assert by_unit["乙局"][L.SCOL_DUE] == 3
    # Never silent: 问题 names the empty 按职能 rows of 乙局's file.
    issues = [i for i in table(out, L.SHEET_ISSUES) if i[L.ICOL_KIND] == L.ISSUE_FUNCTIONAL_EMPTY]
    assert [(i[L.ICOL_FILE], i[L.ICOL_UNIT]) for i in issues] == [("b.xlsx", "乙局")]
    assert "1-职能" in issues[0][L.ICOL_REASON]
    # The legend says the rule.
    assert L.SUM_LEGEND_FUNCTIONAL in rows[2][0]
    # Read back (通报, 催办): the same figures, the 按职能 rows are no requirements.
    back, reqs, _ = read_rollup(out)
    assert back.sheets[L.SHEET_SUMMARY] == result.sheets[L.SHEET_SUMMARY]
    assert [r[1] for r in reqs] == ["1-1", "1-2", "2-1", "3-1", "3-2"]
    # 催办 for 乙局 names its 按职能 row.
    notices = remind(out, tmp_path / "催办", deadline="2019-07-20")
    assert "乙局" in notices.files and "丁区" not in notices.files


def test_example_functional_rows(tmp_path: Path) -> None:
    """The example: 57 requirements of 各相关部门 in 19 tasks; 开发区 (named only in
    the phrase) answers 19 rows, not 56; the roll-up of the bundled returns
    answers a requirement of 各相关部门 only on those rows."""
    from xltools.demo import EXAMPLE, SETTINGS, apply_settings
    from xltools.importing.importer import read_original
    import json

    plan = apply_settings(read_original(EXAMPLE), json.loads(SETTINGS.read_text(encoding="utf-8")))
    rows = unit_rows(plan)
    assert len(rows["开发区"]) == 19 and all(r.role == L.ROLE_FUNCTIONAL for r in rows["开发区"])
    for unit, lines in rows.items():
        ids = [r.req_id for r in lines if r.role == L.ROLE_FUNCTIONAL]
        assert len(ids) == len(set(ids)) and len(ids) <= 19, unit
        assert ids, unit  # every unit answers 按职能
    wb = tmp_path / "wb.xlsx"
    write_workbook(plan, wb)
    result = rollup(wb, EXAMPLES / "returned", tmp_path / "out.xlsx", as_of="2019-04-20",
                    summary_only=True)
    from xltools.progress import summary as S

    rules = S.rules_for(result, plan.info.year, plan.info)
    entries = {e.req_id: e for e in S.requirement_entries(
        result, S.plan_requirements(plan), rules)}
    # Requirements no unit carries as its own row (各相关部门, 开发区 and the issuing
    # office only): answered on the 按职能 rows of their task, by every unit.
    carriers = set(progress_units(plan)) - functional_only_units(plan)
    generic_only = [r.id for r in plan.requirements
                    if not {a.unit for a in plan.assignments if a.requirement_id == r.id}
                    & carriers]
    assert generic_only
    for req_id in generic_only:
        e = entries[req_id]
        assert e.due >= 20 and e.leads == [L.GENERIC_UNIT], req_id
    assert sum(1 for r in sheet_values(tmp_path / "out.xlsx", L.SHEET_PROGRESS)
               if r[2] == L.ROLE_FUNCTIONAL) == sum(
        1 for lines in rows.values() for r in lines if r.role == L.ROLE_FUNCTIONAL)


def test_a_lead_unit_sees_who_shares_the_lead(tmp_path: Path) -> None:
    plan = small_plan()
    # 3-2: 甲局 and 乙局 both lead (乙局 no longer assists), with 丙办 a third lead.
    assignments = tuple(a for a in plan.assignments if a.requirement_id != "3-2") + (
        Assignment("3-2", "甲局", Role.LEAD), Assignment("3-2", "乙局", Role.LEAD),
        Assignment("3-2", "丙办", Role.LEAD))
    plan = plan.__class__(info=plan.info, goals=plan.goals, units=plan.units,
                          assignments=assignments)
    master = tmp_path / "m.xlsx"
    write_workbook(plan, master)
    sent = split(master, tmp_path / "sent", round_label="R1").files
    texts = {unit: dict((r[0], r[1]) for r in _sheet_rows(path)) for unit, path in sent.items()}
    assert texts["甲局"]["3-2"].endswith("（本项共3家牵头，另有乙局、丙办）")
    assert texts["丙办"]["3-2"].endswith("（本项共3家牵头，另有甲局、乙局）")
    assert "牵头" not in texts["甲局"]["1-1"].splitlines()[-1]  # leads 1-1 alone
    # Returned as sent, the rows are used without a note.
    folder = tmp_path / "returned"
    fill(sent["甲局"], folder / "a.xlsx", filled=dt.date(2019, 7, 3))
    result = rollup(master, folder, tmp_path / "out.xlsx", as_of=AS_OF)
    assert not [i for i in result.issues if i.kind == L.ISSUE_LOCKED_CHANGED]


def test_many_co_leads_are_counted_not_all_named() -> None:
    from xltools.progress.identity import co_leads_note

    note = co_leads_note([f"单位{i}" for i in range(20)], "单位5")
    assert note == "\n（本项共20家牵头，另有单位0、单位1、单位2等19家）"
    assert co_leads_note(["甲局"], "甲局") == ""


def test_functional_answers_are_prefilled_next_round(master: Path, sent: dict[str, Path],
                                                     tmp_path: Path) -> None:
    folder = tmp_path / "returned"
    fill(sent["丁区"], folder / "d.xlsx", filled=dt.date(2019, 7, 3),
         answers={"1-职能": {L.PCOL_PROGRESS: "已按职能开展政策解读。"}})
    out = tmp_path / "out.xlsx"
    rollup(master, folder, out, as_of=AS_OF)
    again = split(out, tmp_path / "next", round_label="R2").files
    ws = openpyxl.load_workbook(again["丁区"])[L.PROGRESS_SHEET]
    answers = {r[0]: r[7] for r in ws.iter_rows(min_row=HEADER_ROW + 1, values_only=True) if r[0]}
    assert answers["1-职能"] == "已按职能开展政策解读。"
