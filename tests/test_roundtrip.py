"""import → export → import keeps goals, tasks, requirements and
assignments: for the example, its renderings in examples/, every real
table, and generated tables (property test)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from conftest import EXAMPLES, TAONAN
from real_examples import first_batch
from xltools.documents.export import export_plan
from xltools.importing.importer import read_original
from xltools.model import Assignment, Goal, Plan, PlanInfo, Requirement, Role, Task, Unit


def signature(plan: Plan) -> tuple:
    return ([g.name for g in plan.goals],
            [(t.number, t.name) for t in plan.tasks],
            [(r.id, r.text) for r in plan.requirements],
            sorted((a.requirement_id, a.unit, a.role.value if a.role else "") for a in plan.assignments))


def roundtrip(plan: Plan, tmp_path: Path, fmt: str) -> Plan:
    out = tmp_path / f"export.{fmt}"
    export_plan(plan, out, force=True)
    return read_original(out)


@pytest.mark.parametrize("fmt", ["xlsx", "docx"])
def test_example_roundtrip(taonan_plan, tmp_path: Path, fmt: str) -> None:
    assert signature(roundtrip(taonan_plan, tmp_path, fmt)) == signature(taonan_plan)


@pytest.mark.parametrize("fmt", ["xlsx", "docx"])
@pytest.mark.parametrize("path", first_batch(), ids=lambda p: p.stem)
def test_real_tables_roundtrip(path: Path, tmp_path: Path, fmt: str) -> None:
    plan = read_original(path)
    assert signature(roundtrip(plan, tmp_path, fmt)) == signature(plan)


RENDERINGS = ["taonan-2019.docx", "taonan-2019.xlsx", "taonan-2019.html",
              "taonan-2019-handmade.docx", "taonan-2019-handmade.xlsx"]


@pytest.mark.parametrize("name", RENDERINGS)
def test_example_renderings_import_like_the_text(taonan_plan, name: str) -> None:
    assert signature(read_original(EXAMPLES / name)) == signature(taonan_plan)


def test_rendering_script_makes_the_same_tables(taonan_plan, tmp_path: Path) -> None:
    spec = importlib.util.spec_from_file_location("make_renderings", EXAMPLES / "make_renderings.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    made = module.make_all(tmp_path)
    assert sorted(p.name for p in made) == sorted(RENDERINGS)
    for p in made:
        assert signature(read_original(p)) == signature(taonan_plan), p.name
    assert TAONAN.is_file()


# ------------------------------------------------------------ property test
WORDS = ["加强", "推进", "完善", "信息", "公开", "制度", "建设", "服务", "平台", "监督", "解读",
         "政策", "规范", "管理", "机制", "数据", "审批", "基层", "群众", "质量"]
UNITS = ["市财政局", "市教育局", "市政府办公室", "市审计局", "开发区管委会", "市司法局",
         "各县（市、区）人民政府", "市发展和改革委员会", "中国人民银行某市支行", "市卫生健康委员会",
         "市政务服务局", "市委宣传部"]
# Requirement text also holds brackets that are not units, deadlines and numbers.
EXTRA = ["（试行）", "《条例》", "6月底前", "（名称申报、企业登记）", "2.5倍", "“一网通办”"]
text = st.lists(st.sampled_from(WORDS), min_size=2, max_size=6).map("".join)
clause = st.lists(st.sampled_from(WORDS + EXTRA), min_size=2, max_size=6).map("".join)
sentence = st.lists(clause, min_size=1, max_size=3).map(lambda parts: "，".join(parts) + "。")
unit_roles = st.lists(st.tuples(st.sampled_from(UNITS + ["各相关部门"]),
                                st.sampled_from([Role.LEAD, Role.RESPONSIBLE, Role.ASSIST])),
                      min_size=1, max_size=4, unique_by=lambda p: p[0])
task_spec = st.tuples(text, st.lists(st.tuples(sentence, unit_roles), min_size=1, max_size=3))
plan_spec = st.lists(st.tuples(text, st.lists(task_spec, min_size=1, max_size=3)), min_size=1, max_size=3,
                     unique_by=lambda g: g[0])


def build(spec, with_goals: bool) -> Plan:
    goals, assignments, used = [], [], {}
    number = 0
    for goal_name, tasks in spec:
        out_tasks = []
        for task_name, reqs in tasks:
            number += 1
            out_reqs = []
            for seq, (req_text, roles) in enumerate(reqs, start=1):
                rid = f"{number}-{seq}"
                out_reqs.append(Requirement(rid, req_text))
                for unit, role in roles:
                    role = Role.RESPONSIBLE if unit == "各相关部门" else role
                    assignments.append(Assignment(rid, unit, role))
                    used.setdefault(unit, None)
            out_tasks.append(Task(number, task_name + str(number), tuple(out_reqs)))
        goals.append(Goal(goal_name if with_goals else "", tuple(out_tasks)))
    if not with_goals:
        goals = [Goal("", tuple(t for g in goals for t in g.tasks))]
    return Plan(PlanInfo(title="生成的任务分工表"), tuple(goals), tuple(assignments),
                tuple(Unit(u) for u in used))


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(spec=plan_spec, with_goals=st.booleans(), fmt=st.sampled_from(["xlsx", "docx"]))
def test_generated_tables_roundtrip(spec, with_goals: bool, fmt: str, tmp_path_factory) -> None:
    plan = build(spec, with_goals)
    back = roundtrip(plan, tmp_path_factory.mktemp("rt"), fmt)
    assert signature(back) == signature(plan)


def pipe_text(plan: Plan) -> str:
    """The plan as a web-archive pipe dump: continuation rows of a merged
    goal/序号/任务 start with the requirement and are padded at the end."""
    from xltools.documents.wording import units_cell

    with_goal = any(g.name for g in plan.goals)
    head = (["目标"] if with_goal else []) + ["序号", "任务", "具体要求", "责任单位"]
    lines = [plan.info.title, " | ".join(head) + " |"]
    for goal in plan.goals:
        for ti, task in enumerate(goal.tasks):
            for ri, req in enumerate(task.requirements):
                cells = [req.text, units_cell(plan, req)]
                if ri == 0:
                    cells = [str(task.number), task.name] + cells
                    if with_goal:
                        cells = [goal.name if ti == 0 else ""] + cells
                cells += [""] * (len(head) - len(cells))
                lines.append(" | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


@settings(max_examples=20, deadline=None)
@given(spec=plan_spec, with_goals=st.booleans())
def test_generated_pipe_dumps_with_shifted_rows(spec, with_goals: bool) -> None:
    from xltools.importing.builder import build_plan
    from xltools.importing.readers import read_source

    plan = build(spec, with_goals)
    back = build_plan(*read_source(pipe_text(plan).encode("utf-8"), "dump.txt"))
    assert signature(back) == signature(plan)


def prose_text(plan: Plan) -> str:
    """The plan as 工作要点 prose: 一、goal / N.task。requirement。（units）."""
    from xltools.documents.wording import word_units

    cn = "一二三四五六七八九十"
    lines = [plan.info.title]
    for gi, goal in enumerate(plan.goals):
        if goal.name:
            lines.append(f"{cn[gi]}、{goal.name}")
        for task in goal.tasks:
            req = task.requirements[0]
            lines.append(f"{task.number}.{task.name}。{req.text}（{word_units(plan.assignments_for(req.id))}）")
    return "\n".join(lines) + "\n"


one_req_task = st.tuples(text, st.lists(st.tuples(sentence, unit_roles), min_size=1, max_size=1))
prose_spec = st.lists(st.tuples(text, st.lists(one_req_task, min_size=1, max_size=3)), min_size=1,
                      max_size=3, unique_by=lambda g: g[0])


@settings(max_examples=25, deadline=None)
@given(spec=prose_spec, with_goals=st.booleans())
# A requirement that is a noun and a work verb (平台推进。) is no role clause of units.
@example(spec=[("加强加强", [("加强加强", [("平台推进。", [("市财政局", Role.LEAD)])])])], with_goals=False)
def test_generated_work_points_prose(spec, with_goals: bool) -> None:
    from xltools.importing.builder import build_plan
    from xltools.importing.readers import read_source

    plan = build(spec, with_goals)
    back = build_plan(*read_source(prose_text(plan).encode("utf-8"), "points.txt"))
    assert signature(back) == signature(plan)


def _two_role_plan(columns: tuple[str, ...]) -> Plan:
    """A unit in two roles on one requirement (市城管局 both 牵头 and 实施主体), as a
    table with a column per role records it."""
    reqs = (Requirement("1-1", "推进老旧小区改造，完成12个小区。"),
            Requirement("2-1", "实施城区道路提升工程。"),
            Requirement("3-1", "建设社区养老服务站5个。"))
    tasks = tuple(Task(i + 1, "", (r,)) for i, r in enumerate(reqs))
    a = Assignment
    assignments = (a("1-1", "市住建局", Role.LEAD), a("1-1", "市住建局", Role.RESPONSIBLE),
                   a("1-1", "市城投公司", Role.RESPONSIBLE), a("1-1", "市财政局", Role.ASSIST),
                   a("2-1", "市城管局", Role.LEAD), a("2-1", "市城管局", Role.RESPONSIBLE),
                   a("3-1", "市民政局", Role.LEAD), a("3-1", "市财政局", Role.RESPONSIBLE),
                   a("3-1", "市民政局", Role.ASSIST))
    units = tuple(Unit(n) for n in ("市住建局", "市城投公司", "市财政局", "市城管局", "市民政局"))
    return Plan(info=PlanInfo(title="重点工作任务分工", source_columns=columns),
                goals=(Goal("", tasks),), assignments=assignments, units=units)


@pytest.mark.parametrize("fmt", ["xlsx", "docx"])
@pytest.mark.parametrize("columns", [("序号", "工作任务", "牵头单位", "实施主体", "配合单位"),
                                     ("序号", "具体要求", "牵头单位", "责任单位", "协办单位")])
def test_a_unit_in_two_role_columns_roundtrips(columns: tuple[str, ...], fmt: str, tmp_path: Path) -> None:
    plan = _two_role_plan(columns)
    assert signature(roundtrip(plan, tmp_path, fmt)) == signature(plan)


def test_roles_without_a_column_each_are_worded_in_one_column(tmp_path: Path) -> None:
    """牵头单位 | 实施主体 in the original, but a 配合 unit too: one units column,
    worded (a unit holding two roles there once, in the stronger), nothing lost."""
    from xltools.documents.export import layout

    plan = _two_role_plan(("序号", "工作任务", "牵头单位", "实施主体"))
    lay = layout(plan)
    assert lay.header == ("序号", "工作任务", "牵头单位")
    assert lay.rows[0][2] == "市住建局牵头，市城投公司负责，市财政局配合"
    again = roundtrip(plan, tmp_path, "xlsx")
    assert sorted((a.requirement_id, a.unit, a.role.value) for a in again.assignments) == sorted(
        {(a.requirement_id, a.unit, a.role.value) for a in plan.assignments
         if (a.requirement_id, a.unit) not in {("1-1", "市住建局"), ("2-1", "市城管局"), ("3-1", "市民政局")}}
        | {("1-1", "市住建局", "牵头"), ("2-1", "市城管局", "牵头"), ("3-1", "市民政局", "牵头")})
