"""Rows one cell short under a merged cell left out of a text (readers/merged.py): pipe
rows, space rows and one cell per line, on wording no corpus has."""

from __future__ import annotations

from xltools import labels as L
from xltools.importing.builder import build_plan
from xltools.importing.readers.merged import fits_by_form, merged_gap
from textplans import plan_of


def _units(plan, rid):
    return sorted(a.unit for a in plan.assignments_for(rid))


def _carried(plan):
    return [n for n in plan.notes if "沿用上一行" in n.message and "少一格" in n.message]


ROWS = [
    ("1", "完成林区防火通道修缮，清理林下可燃物200公顷", "区林业站", "2026年3月底前"),
    ("2", "组织专职护林员开展巡山护林，落实网格化管护", "区林业站、区应急管理局", "每月"),
    ("3", "在重点林区入口设置防火检查站5处", None, "2026年2月底前"),  # units merged from row 2
    ("4", "开展森林火灾扑救实战演练不少于2次", "区消防救援大队", "2026年4月底前"),
]
HEADER = ("序号", "重点任务", "责任单位", "完成时间")


def _render(sep: str, end: str = "") -> str:
    lines = ["某区2026年森林防火重点任务清单", sep.join(HEADER) + end]
    lines += [sep.join(c for c in row if c is not None) + end for row in ROWS]
    return "\n".join(lines) + "\n"


def _stream() -> str:
    cells = [*HEADER] + [c for row in ROWS for c in row if c is not None]
    return "某区2026年森林防火重点任务清单\n" + "\n".join(cells) + "\n"


def _check(plan) -> None:
    assert len(plan.requirements) == 4
    assert _units(plan, "3-1") == ["区应急管理局", "区林业站"]
    assert plan.requirement("3-1").deadline.text == "2026年2月底前"
    notes = _carried(plan)
    assert [n.requirement_id for n in notes] == ["3-1"] and notes[0].kind == L.REVIEW_UNITS
    assert _units(plan, "4-1") == ["区消防救援大队"]


def test_pipe_row_one_cell_short_takes_the_merged_units() -> None:
    _check(plan_of(_render(" | ", " |")))


def test_space_row_one_cell_short_takes_the_merged_units() -> None:
    _check(plan_of(_render(" ")))


def test_cell_stream_row_one_cell_short_takes_the_merged_units() -> None:
    _check(plan_of(_stream()))


UNITS_FIRST = """\
序号 | 承办科室 | 督办事项 | 办结时限 |
1 | 政务督查科 | 梳理上半年重点事项落实台账，逐项销号 | 2026年7月15日前 |
2 | 综合信息科 | 编发督查专报，反映重点事项推进情况 | 每半月 |
3 | 汇总各乡镇督查整改反馈，形成专题报告 | 2026年8月底前 |
"""


def test_units_first_row_short_of_its_units_cell() -> None:
    plan = plan_of(UNITS_FIRST)
    assert [r.text[:6] for r in plan.requirements] == ["梳理上半年重", "编发督查专报", "汇总各乡镇督"]
    assert _units(plan, "3-1") == ["综合信息科"]
    assert [n.requirement_id for n in _carried(plan)] == ["3-1"]


MERGED_DEADLINE = """\
序号 | 重点任务 | 责任单位 | 完成时间 |
1 | 完成老旧供水管网改造12公里 | 县水务集团 | 2026年10月底前 |
2 | 新建农村集中供水站3座 | 县水利局 |
3 | 开展饮用水水源地环境整治 | 县生态环境分局 | 2026年6月底前 |
"""


def test_a_missing_last_cell_is_no_merged_cell() -> None:
    # Row 2 is short of its last cell: nothing after it to show a merge, so nothing is carried.
    plan = plan_of(MERGED_DEADLINE)
    assert _units(plan, "2-1") == ["县水利局"]
    assert not _carried(plan)


def test_the_rule_by_form() -> None:
    kinds, roles = ["number", "requirement", "units", "deadline"], ["", "", "", ""]
    above = {2: "区林业站"}
    assert merged_gap(kinds, roles, ["3", "设置防火检查站", "", "2026年2月底前"], above) == 2
    # The cell after the gap is no deadline: no merge shown.
    assert merged_gap(kinds, roles, ["3", "设置防火检查站", "", "抓好落实，确保见效"], above) is None
    # Nothing above to carry.
    assert merged_gap(kinds, roles, ["3", "设置防火检查站", "", "2026年2月底前"], {}) is None
    # Of two units columns either may be empty for real.
    two = ["number", "requirement", "units", "units", "deadline"]
    assert merged_gap(two, ["", "", "牵头", "配合", ""], ["3", "设置防火检查站", "", "区林业站", "每月"],
                      {2: "区应急管理局"}) is None
    assert fits_by_form("deadline", "每季度末") and not fits_by_form("units", "每季度末")
    assert fits_by_form("units", "区林业站、区应急管理局") and not fits_by_form("requirement", "区林业站")


def test_a_row_of_units_without_requirement_is_noted_not_dropped_silently() -> None:
    from xltools.importing.readers.rows import RawRow

    plan = build_plan([RawRow("核查林区违规用火行为。", number="1", units="区林业站"),
                       RawRow("", number="2", units="区应急管理局", line=7, source="2 | | 区应急管理局")])
    assert len(plan.requirements) == 1
    note = [n for n in plan.notes if "区应急管理局" in n.message]
    assert len(note) == 1 and note[0].line == 7


MERGED_TASK = """\
某县2026年农村人居环境整治任务表
序号 | 重点任务 | 具体措施 | 责任单位 | 完成时限 |
1 | 农村改厕 | 新建改建农村卫生户厕1200座，完成问题厕所排查整改 | 县农业农村局 | 2026年10月底前 |
2 | 垃圾治理 | 建立村庄保洁长效机制，配齐村级保洁员 | 县城管局 | 2026年6月底前 |
3 | 推进垃圾分类示范村创建，新增示范村10个 | 县城管局、各乡镇 | 2026年11月底前 |
4 | 污水治理 | 完成12个行政村生活污水治理 | 县生态环境分局 | 2026年12月底前 |
"""


def test_pipe_row_short_of_its_merged_task_cell() -> None:
    # Shifted left, the number 3 would sit in the task column: the row leaves out the task.
    plan = plan_of(MERGED_TASK)
    by_text = {r.text[:6]: t.name for t in plan.tasks for r in t.requirements}
    assert by_text["推进垃圾分类"] == "垃圾治理"
    assert sorted(_units(plan, "3-1")) == sorted(["县城管局", "各乡镇"])
    assert len(_carried(plan)) == 1 and "垃圾治理" in _carried(plan)[0].message
