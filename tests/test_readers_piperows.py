"""A cell stream whose rows are closed by lines of bare pipes (readers/piperows.py):
tables of our own wording, rendered from a grid with merged cells the way a web
page copied as text gives them (one cell per line ending ` |`; the cells a row
leaves out — merged from above, covered by the cell on their left, or empty —
counted as the pipes of a line closing the row)."""

from __future__ import annotations

from xltools.importing.builder import build_plan
from xltools.importing.readers import read_source
from xltools.importing.readers.layout import Layout
from xltools.importing.readers.piperows import read_pipe_rows
from xltools import labels as L
from xltools.model import Role
from textplans import units_by_role

UP = None  # a cell covered by a merged cell (from above or from the left)


def render(rows: list[list[str | None]], title: str = "某县2025年为民办实事项目推进表") -> str:
    """Present cells one per line ending ` |`; a row's covered and empty cells as one
    line of that many pipes closing it (no line when the row has none)."""
    lines = [title]
    for row in rows:
        present = [c for c in row if c]
        lines += [f"{c} |" for c in present]
        if len(present) < len(row):
            lines.append("|" * (len(row) - len(present)))
        lines.append("")
    return "\n".join(lines) + "\n"


# 编号 | 牵头科室 | 项目个数 | 工作事项 (two columns: items and their sub-items) | 承办单位 |
# 推进情况 over 已办结 / 存在问题. 牵头科室 and 项目个数 merged over each group.
TABLE = [
    ["编号", "牵头科室", "项目个数", "工作事项", UP, "承办单位", "推进情况", UP],
    [UP, UP, UP, UP, UP, UP, "已办结", "存在问题"],
    ["一", "县水务局", "县级实事（2项）", "（一）老旧供水管网更新改造", "1.北环路段管网更换", "县城投公司", "已开工", ""],
    [UP, UP, UP, UP, "2.南湖片区管网更换", "县水投公司 县供水公司", "", "资金未到位"],
    [UP, UP, UP, "（二）农村饮水安全巩固提升", UP, "各乡镇人民政府", "推进中", ""],
    ["二", "县卫健委", "县级实事（1项）", "（一）乡镇卫生院发热门诊建设", UP, "县疾控中心", "已完成", ""],
]


def _plan(text: str, layout: Layout | None = None):
    return build_plan(*read_source(text.encode("utf-8"), "t.txt", layout=layout))


def test_the_rendering_is_a_pipe_closed_stream() -> None:
    text = render(TABLE)
    assert "||\n" in text and "|||||\n" in text and "老旧供水管网更新改造 |" in text


def test_rows_under_merged_cells_a_two_row_header_and_a_nested_level() -> None:
    plan = _plan(render(TABLE))
    texts = [r.text for r in plan.requirements]
    # The sub-items are the requirements of the item on their left; an item without
    # sub-items is its own requirement; the count column (县级实事（2项）) is none.
    assert texts == ["北环路段管网更换", "南湖片区管网更换", "农村饮水安全巩固提升", "乡镇卫生院发热门诊建设"]
    tasks = [t.name for _, t, _ in plan.iter_requirements()]
    assert tasks[0] == tasks[1] == "老旧供水管网更新改造" and tasks[3] == "乡镇卫生院发热门诊建设"
    # The lead column merged over its group, the units column after the requirement.
    first, second, third, fourth = (r.id for r in plan.requirements)
    assert units_by_role(plan, first) == {Role.LEAD: {"县水务局"}, Role.RESPONSIBLE: {"县城投公司"}}
    # Two names side by side with a space between are two units.
    assert units_by_role(plan, second) == {Role.LEAD: {"县水务局"}, Role.RESPONSIBLE: {"县水投公司", "县供水公司"}}
    assert units_by_role(plan, fourth) == {Role.LEAD: {"县卫健委"}, Role.RESPONSIBLE: {"县疾控中心"}}
    assert Role.LEAD in units_by_role(plan, third)


def test_sub_headers_name_their_columns() -> None:
    events, meta = read_pipe_rows(render(TABLE), "t.txt")  # type: ignore[misc]
    assert "已办结" in meta.headers and "存在问题" in meta.headers
    # 推进情况 is kept as remarks under its sub-headers, never read as a requirement.
    plan = _plan(render(TABLE))
    assert not any("资金未到位" in r.text or "已开工" in r.text for r in plan.requirements)


def test_full_rows_need_no_closing_line() -> None:
    """A row with no empty or covered cell has no pipe line: a run as wide as two rows is two."""
    rows = [
        ["序号", "重点事项", "具体内容", "责任单位", "备注"],
        ["1", "城区道路提升", "完成滨河大道路面翻修。", "县住建局", "续建"],
        ["2", "公园建设", "建成湿地公园一期。", "县城管局", ""],
        ["3", "学校建设", "新建城东小学教学楼。", "县教体局", ""],
        [UP, UP, "改扩建城西幼儿园。", "县教体局", ""],
    ]
    assert read_pipe_rows(render(rows), "t.txt") is not None
    plan = _plan(render(rows))
    assert [r.text for r in plan.requirements] == ["完成滨河大道路面翻修。", "建成湿地公园一期。",
                                                   "新建城东小学教学楼。", "改扩建城西幼儿园。"]
    assert [a.unit for a in plan.assignments_for(plan.requirements[0].id)] == ["县住建局"]
    # The last row sits under the merged 序号 and 重点事项 of the row above.
    tasks = [t.name for _, t, _ in plan.iter_requirements()]
    assert tasks[3] == tasks[2] == "学校建设"


def test_rows_of_different_widths_are_not_read_so() -> None:
    text = "\n".join(["序号 |", "工作任务 |", "责任单位 |", "|", "1 |", "整治河道。 |", "县水务局 |", "|||",
                      "2 |", "|", "3 |", "清理沟渠。 |", "|||||", ""])
    assert read_pipe_rows(text, "t.txt") is None


def test_the_columns_a_person_names() -> None:
    layout = Layout(header_line=2, columns=("编号", "牵头科室", "备注", "任务", "具体要求", "承办单位", "备注", "备注"))
    plan = _plan(render(TABLE), layout)
    assert [r.text for r in plan.requirements][:2] == ["北环路段管网更换", "南湖片区管网更换"]
    assert units_by_role(plan, plan.requirements[0].id) == {Role.LEAD: {"县水务局"}, Role.RESPONSIBLE: {"县城投公司"}}


def test_a_group_numbered_above_its_tasks_is_named_by_its_units() -> None:
    """一 | 县水务局 | 县级实事（2项） | （一）…: the top-level numeral numbers a group
    whose only cells are its number, its merged lead unit and a count; with no
    goal column the group's goal is named by that unit."""
    plan = _plan(render(TABLE))
    assert [g.name for g in plan.goals] == ["县水务局", "县卫健委"]
    assert any("县水务局" in n.message for n in plan.notes if n.kind == L.REVIEW_GOAL)


def test_a_group_with_a_title_column_keeps_its_title() -> None:
    rows = [
        ["序号", "重点领域", "牵头单位", "工作事项", "承办单位"],
        ["一", "供水保障", "县水务局", "（一）老旧供水管网更新改造", "县城投公司"],
        [UP, UP, UP, "（二）农村饮水安全巩固提升", "各乡镇人民政府"],
        ["二", "医疗服务", "县卫健委", "（一）乡镇卫生院发热门诊建设", "县疾控中心"],
    ]
    plan = _plan(render(rows))
    assert [g.name for g in plan.goals] == ["供水保障", "医疗服务"]


def test_arabic_numbers_over_numbered_tasks_start_no_group() -> None:
    rows = [
        ["序号", "牵头单位", "工作事项", "承办单位"],
        ["1", "县水务局", "（一）老旧供水管网更新改造", "县城投公司"],
        ["2", "县卫健委", "（二）乡镇卫生院发热门诊建设", "县疾控中心"],
    ]
    plan = _plan(render(rows))
    assert [g.name for g in plan.goals] == [""]


LIST = [
    ["序号", "项目名称", "建设内容", "责任单位"],
    ["1", "城东污水管网改造", "新建污水管网3公里。", "县住建局"],
    ["2", "乡村客运站建设", "建成客运站2个。", "县交通局"],
]


def test_a_list_title_under_the_notice_names_the_goal() -> None:
    """The table's own title right above its header (…项目清单), under a notice of
    its own, names the goal of its rows when the table has no goal level."""
    notice = "关于印发某区2025年为民办实事项目的通知\n各街道、区直各部门：\n现将项目清单印发给你们，请抓好落实。\n附件：\n"
    plan = _plan(notice + render(LIST, title="某区2025年为民办实事项目清单 |\n||||"))
    assert [g.name for g in plan.goals] == ["某区2025年为民办实事项目清单"]
    assert [t.name for t in plan.tasks] == ["城东污水管网改造", "乡村客运站建设"]


def test_a_list_title_that_is_the_documents_title_names_no_goal() -> None:
    """A table whose list title is the document's own title is the whole plan: the
    title is the plan's, not a goal (export and import again give the same plan)."""
    plan = _plan(render(LIST, title="某区2025年为民办实事项目清单"))
    assert [g.name for g in plan.goals] == [""]
