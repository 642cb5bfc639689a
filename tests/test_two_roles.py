"""A unit may hold two roles on one requirement when the original names it in
two labelled places (a 牵头单位 and an 实施主体 column both 市城管局): the
workbook keeps both rows; letters, progress files and the roll-up count the
requirement once for the unit; the export writes it back in both columns."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import openpyxl

from progress_fixtures import fill, small_plan, table
from xltools import labels as L
from xltools.documents.export import export
from xltools.documents.letters import PlanIndex, letter_context
from xltools.importing.builder import build_plan
from xltools.importing.importer import import_original, read_original
from xltools.importing.readers.rows import RawRow
from xltools.model import Assignment, Role
from xltools.progress import split, unit_rows
from xltools.progress.rollup import rollup
from xltools.workbook.check import check
from xltools.workbook.reader import read_plan
from xltools.workbook.writer import write_workbook


def _roles(plan, req_id: str) -> list[tuple[str, str]]:
    return [(a.unit, a.role.value) for a in plan.assignments_for(req_id)]


# ------------------------------------------------------------------ import
def test_two_labelled_places_keep_both_roles_with_a_note() -> None:
    plan = build_plan([RawRow("推进老旧小区改造。", number="1",
                              role_units=(("牵头", "市住建局"), ("责任", "市住建局、市城投公司")))])
    assert _roles(plan, "1-1") == [("市住建局", "牵头"), ("市住建局", "责任"), ("市城投公司", "责任")]
    notes = [n.message for n in plan.notes if n.requirement_id == "1-1"]
    assert any("市住建局" in m and "两个角色都已保留" in m for m in notes)


def test_one_list_or_one_role_still_merges() -> None:
    # The same unit twice in one cell with two roles: one role, the stronger.
    plan = build_plan([RawRow("推进老旧小区改造。", number="1", units="市住建局牵头，市住建局配合")])
    assert _roles(plan, "1-1") == [("市住建局", "牵头")]
    # Two spellings of one body in one list: one unit, the stronger role.
    plan = build_plan([RawRow("推进老旧小区改造。", number="1", units="市住建局牵头，住建局配合")])
    assert _roles(plan, "1-1") == [("市住建局", "牵头")]
    # The same unit in two places with the same role: once, no note.
    plan = build_plan([RawRow("推进老旧小区改造。", number="1",
                              role_units=(("牵头", "市住建局"), ("牵头", "市住建局")))])
    assert _roles(plan, "1-1") == [("市住建局", "牵头")]
    assert not any("市住建局" in n.message for n in plan.notes)


def test_two_spellings_in_two_places_are_one_unit_in_two_roles() -> None:
    plan = build_plan([RawRow("实施城区道路提升工程。", number="1",
                              role_units=(("牵头", "市城管局"), ("责任", "城管局、市城投公司")))])
    assert _roles(plan, "1-1") == [("市城管局", "牵头"), ("市城管局", "责任"), ("市城投公司", "责任")]


def _synthetic_original(path: Path) -> Path:
    """A table whose header none of the real documents uses: 牵头单位 | 实施主体."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["序号", "工作任务", "牵头单位", "实施主体", "完成时限"])
    ws.append([1, "推进老旧小区改造，完成12个小区。", "市住建局", "市住建局、市城投公司", "2025年10月底"])
    ws.append([2, "建设社区养老服务站5个。", "市民政局", "各县区政府", "2025年12月底"])
    ws.append([3, "实施城区道路提升工程。", "市城管局", "市城管局", "2025年11月底"])
    wb.save(path)
    return path


def test_workbook_rows_check_and_reader(tmp_path: Path) -> None:
    out = tmp_path / "wb.xlsx"
    import_original(_synthetic_original(tmp_path / "orig.xlsx"), out)
    plan = read_plan(out)
    assert _roles(plan, "3-1") == [("市城管局", "牵头"), ("市城管局", "责任")]
    frame = plan.to_frame()
    assert len(frame) == len(plan.assignments) == 7  # one row per workbook row
    assert list(check(out)) == []
    # The same unit twice in the SAME role is still a duplicate the check names.
    book = openpyxl.load_workbook(out)
    ws = book[L.SHEET_ASSIGNMENTS]
    header = [c.value for c in ws[1]]
    role_col = header.index(L.COL_ROLE) + 1
    last = [r for r in range(2, ws.max_row + 1)
            if ws.cell(r, 1).value == "3-1" and ws.cell(r, role_col).value == "责任"][0]
    ws.cell(last, role_col).value = "牵头"
    book.save(out)
    problems = list(check(out))
    assert [(p.sheet, p.row, p.column) for p in problems] == [(L.SHEET_ASSIGNMENTS, last, L.COL_UNIT)]
    assert "市城管局" in problems[0].message


# ------------------------------------------------------------------ export
def test_export_writes_the_unit_in_both_columns_and_reimports_the_same(tmp_path: Path) -> None:
    import_original(_synthetic_original(tmp_path / "orig.xlsx"), tmp_path / "wb.xlsx")
    plan = read_plan(tmp_path / "wb.xlsx")
    export(tmp_path / "wb.xlsx", tmp_path / "export.xlsx")
    ws = openpyxl.load_workbook(tmp_path / "export.xlsx").active
    rows = [[v for v in r] for r in ws.iter_rows(values_only=True)]
    header = next(r for r in rows if "牵头单位" in r)
    lead, owner = header.index("牵头单位"), header.index("实施主体")
    row3 = next(r for r in rows if r[header.index("有关要求")] == "实施城区道路提升工程。")
    assert (row3[lead], row3[owner]) == ("市城管局", "市城管局")
    again = read_original(tmp_path / "export.xlsx")
    assert again.assignments == plan.assignments
    assert [r.text for r in again.requirements] == [r.text for r in plan.requirements]


# ------------------------------------------------------------------ downstream
def _two_role_plan():
    """small_plan with 乙局 also 责任 on 2-1 (it leads) and 丙办 also 配合 on 3-1."""
    base = small_plan()
    extra = (Assignment("2-1", "乙局", Role.RESPONSIBLE), Assignment("3-1", "丙办", Role.ASSIST))
    return base, replace(base, assignments=base.assignments + extra)


def test_letters_list_the_requirement_once_in_the_stronger_role() -> None:
    base, plan = _two_role_plan()
    index, base_index = PlanIndex(plan), PlanIndex(base)
    for unit in ("甲局", "乙局", "丙办"):
        ctx = letter_context(index, unit, date=dt.date(2019, 7, 1), progress_file="")
        want = letter_context(base_index, unit, date=dt.date(2019, 7, 1), progress_file="")
        assert [(g.role, [r.req_id for r in g.rows]) for g in ctx["groups"]] == \
            [(g.role, [r.req_id for r in g.rows]) for g in want["groups"]]
        assert [(r.req_id, r.role, r.others) for r in ctx["rows"]] == \
            [(r.req_id, r.role, r.others) for r in want["rows"]]
    ctx = letter_context(index, "乙局", date=dt.date(2019, 7, 1), progress_file="")
    assert [r.role for r in ctx["rows"] if r.req_id == "2-1"] == ["牵头"]
    # 丙办's letter names 乙局 once on 2-1, as 牵头.
    assert index.others("2-1", "丙办") == base_index.others("2-1", "丙办")


def test_progress_rows_and_rollup_count_the_requirement_once(tmp_path: Path) -> None:
    base, plan = _two_role_plan()
    assert unit_rows(plan) == unit_rows(base)
    results = {}
    for name, p in (("base", base), ("two", plan)):
        master = tmp_path / name / "master.xlsx"
        master.parent.mkdir()
        write_workbook(p, master)
        sent = split(master, tmp_path / name / "sent", round_label="R1", deadline="2019-07-05").files
        folder = tmp_path / name / "returned"
        folder.mkdir()
        for unit, src in sent.items():
            fill(src, folder / f"{unit}.xlsx", default_status=L.STATUS_DONE, filled=dt.date(2019, 7, 3))
        out = tmp_path / name / "out.xlsx"
        result = rollup(master, folder, out, as_of="2019-07-10")
        progress = table(out, L.SHEET_PROGRESS)
        results[name] = (result.rows_read, result.rows_used,
                         sorted((r[L.COL_REQ_ID], r[L.RCOL_UNIT], r[L.RCOL_ROLE]) for r in progress),
                         [row[:8] for row in _summary_units(out)])
    assert results["two"] == results["base"]
    rows = results["two"][2]
    assert rows.count(("2-1", "乙局", "牵头")) == 1 and not any(r[:2] == ("2-1", "乙局") and r[2] != "牵头"
                                                              for r in rows)


def _summary_units(out: Path) -> list[list[object]]:
    """The 汇总 rows that name a unit (应报, 已报, 完成率 … per unit)."""
    book = openpyxl.load_workbook(out, read_only=True)
    rows = [list(r) for r in book[L.SHEET_SUMMARY].iter_rows(values_only=True)]
    book.close()
    return sorted(([str(v) for v in r] for r in rows if len(r) > 1 and r[1] in ("甲局", "乙局", "丙办")))
