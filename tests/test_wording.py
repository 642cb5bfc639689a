"""责任单位 worded from assignments reads back to the same assignments."""

from __future__ import annotations

from xltools.model import Assignment, Plan, PlanInfo, Requirement, Role, Task, Goal, Unit
from xltools.importing.units import parse_units
from xltools.documents.wording import parse_wording, units_cell, word_units


def A(unit: str, role: Role | None) -> Assignment:
    return Assignment("1-1", unit, role)


def test_word_units_by_role() -> None:
    text = word_units([A("市财政局", Role.LEAD), A("市审计局", Role.LEAD), A("市教育局", Role.RESPONSIBLE),
                       A("市人社局", Role.ASSIST), A("各相关部门", Role.RESPONSIBLE)])
    assert text == "市财政局、市审计局牵头，市教育局负责，市人社局配合，各相关部门按职能分别落实"
    assert word_units([A("市人社局", Role.RESPONSIBLE)]) == "市人社局"
    assert word_units([A("", None)]) == ""


def test_wording_reads_back() -> None:
    assignments = [A("市政府办公室", Role.LEAD), A("各县（市、区）人民政府", Role.RESPONSIBLE),
                   A("开发区管委会", Role.ASSIST), A("各相关部门", Role.RESPONSIBLE)]
    parsed = parse_units(word_units(assignments))
    assert {(u.name, u.role) for u in parsed.units} == {(a.unit, a.role) for a in assignments}


def _plan(units_text: str, assignments: list[Assignment]) -> Plan:
    req = Requirement("1-1", "做好某项工作。", units_text=units_text)
    units = (Unit("市政府办公室", aliases=("政府办",)), Unit("各相关部门", aliases=("各有关单位",)),
             Unit("市司法局"))
    return Plan(PlanInfo(), (Goal("目标", (Task(1, "任务", (req,)),)),), tuple(assignments), units)


def test_original_wording_kept_only_while_it_matches() -> None:
    original = "政府办牵头，市司法局、各有关单位按职能分别落实。"
    same = [A("市政府办公室", Role.LEAD), A("市司法局", Role.RESPONSIBLE), A("各相关部门", Role.RESPONSIBLE)]
    plan = _plan(original, same)
    assert parse_wording(original, plan.units) == {(a.unit, a.role) for a in same}
    assert units_cell(plan, plan.requirements[0]) == original
    changed = [A("市政府办公室", Role.LEAD), A("市司法局", Role.ASSIST)]
    plan = _plan(original, changed)
    assert units_cell(plan, plan.requirements[0]) == "市政府办公室牵头，市司法局配合"
