"""Builder rules on small synthetic inputs (goal boundaries, inherited units)."""

from __future__ import annotations

from xltools.importing.builder import build_plan, parse_number
from xltools.importing.readers.rows import RawRow, StrayLabel


def row(req, goal=None, number=None, task=None, units=None):
    return RawRow(requirement=req, goal=goal, number=number, task=task, units=units)


def goals_of(plan):
    return {t.number: g.name for g in plan.goals for t in g.tasks}


def test_labels_written_once_mark_goal_starts():
    events = [row("甲要求。", "目标一", "1", "任务一", "市财政局"),
              row("乙要求。", None, "2", "预算公开", "市财政局"),
              row("丙要求。", "目标二", "3", "任务三", "市审计局")]
    assert goals_of(build_plan(events)) == {1: "目标一", 2: "目标一", 3: "目标二"}


def test_stray_label_only_goal_is_a_boundary():
    events = [StrayLabel("目标一"), row("甲。", None, "1", "任务一", "市财政局"),
              row("乙。", None, "2", "任务二", "市财政局"), StrayLabel("目标二"),
              row("丙。", None, "3", "任务三", "市审计局")]
    assert goals_of(build_plan(events)) == {1: "目标一", 2: "目标一", 3: "目标二"}


def test_repeated_labels_let_task_names_move_a_stray_boundary():
    # The label of goal B is printed before task 2 and again before task 4 (a page break);
    # task 2 shares its words with goal A, task 3 with goal B.
    events = [row("a。", "加强解读回应", "1", "做好解读工作", "市财政局"),
              StrayLabel("推进决策公开"),
              row("b。", None, "2", "确保解读回应效果", "市财政局"),
              row("c。", None, "3", "推进重大决策公开", "市财政局"),
              row("d。", "推进决策公开", "4", "推进执行公开", "市财政局")]
    plan = build_plan(events)
    assert goals_of(plan) == {1: "加强解读回应", 2: "加强解读回应", 3: "推进决策公开", 4: "推进决策公开"}
    assert any("任务 2" in n.message for n in plan.notes)


def test_empty_units_inherit_within_a_task_only():
    events = [row("a。", "G", "1", "T1", "市财政局牵头"), row("b。"),
              row("c。", None, "2", "T2"), ]
    plan = build_plan(events)
    assert [(a.requirement_id, a.unit) for a in plan.assignments] == [
        ("1-1", "市财政局"), ("1-2", "市财政局"), ("2-1", "")]
    assert any(n.requirement_id == "2-1" and n.kind == "缺少单位" for n in plan.notes)


def test_task_numbers():
    assert parse_number("三") == 3 and parse_number("（十二）") == 12 and parse_number("7.") == 7
    assert parse_number("甲") is None
    events = [row("a。", None, "一", "T1", "市财政局"), row("b。", None, "二", "T2", "市财政局")]
    assert [t.number for t in build_plan(events).tasks] == [1, 2]
    events = [row("a。", None, "5", "T1", "市财政局"), row("b。", None, "3", "T2", "市财政局")]
    assert [t.number for t in build_plan(events).tasks] == [1, 2]


def test_role_columns():
    events = [RawRow("a。", number="1", task="T", role_units=(("牵头", "市财政局"), ("配合", "市审计局、市统计局")))]
    plan = build_plan(events)
    assert [(a.unit, a.role.value) for a in plan.assignments] == [
        ("市财政局", "牵头"), ("市审计局", "配合"), ("市统计局", "配合")]


def test_a_requirement_that_reads_as_something_else_is_on_the_review_sheet():
    """A reading that put the wrong cell in 具体要求 (the task's name again, a
    progress word, a unit, a year) is never silent."""
    from xltools import labels as L

    head = L.NOTE_NOT_REQUIREMENT.split("“")[0]
    events = [
        RawRow("污水管网改造", number="1", task="污水管网改造", units="区水务局"),
        RawRow("已竣工", number="2", task="背街小巷提升", units="区城管局"),
        RawRow("区市政中心", number="3", task="路灯补缺", units="区城管局"),
        RawRow("2026", number="4", task="公厕新建", units="区环卫所"),
        RawRow("新建改建公厕十二座，方便市民如厕。", number="5", task="公厕改造", units="区环卫所"),
    ]
    plan = build_plan(events)
    flagged = {n.requirement_id for n in plan.notes if n.message.startswith(head)}
    assert flagged == {"1-1", "2-1", "3-1", "4-1"}


def test_a_deadline_cell_merged_over_rows_carries_down_with_the_units():
    """A csv export of a table with merged 责任单位 and 完成时限 cells leaves both
    empty on the rows below: the deadline carries down like the units, within
    the task, unless the row's text names its own."""
    events = [
        RawRow("梳理涉企检查事项清单", number="1", task="规范涉企检查", units="县司法局", deadline="2025年4月底前"),
        RawRow("推行“综合查一次”"),
        RawRow("一季度内公布随机抽查事项"),
        RawRow("建立企业诉求台账", number="2", task="畅通诉求渠道", units="县营商办", deadline=""),
        RawRow("开通诉求热线"),
    ]
    plan = build_plan(events, year=2025)
    got = {r.text: r.deadline.display for r in plan.requirements}
    assert got["推行“综合查一次”"] == "2025年4月底前"
    assert got["一季度内公布随机抽查事项"] != "2025年4月底前"  # its own words name one
    assert got["开通诉求热线"] == ""  # an empty cell above is no deadline to carry
