"""Space-separated rows cut at the header's column offsets in display width
(readers/offsetrows.py), on wording and layouts no corpus has."""

from __future__ import annotations

import unicodedata

from xltools.importing.readers.offsetrows import _cell, _cuts, _word_starts, read_offset_rows
from textplans import plan_of


def _units(plan, rid):
    return sorted(a.unit for a in plan.assignments_for(rid))


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int, space: str = " ") -> str:
    """``text`` padded to ``width`` display columns with ``space`` (one wide or two)."""
    step = _width(space)
    while _width(text) + step <= width:
        text += space
    return text + " " * (width - _width(text))


def _table(rows, widths, space=" ") -> str:
    out = ["某市2026年城市更新重点任务分解表", ""]
    for row in rows:
        out.append("".join(_pad(c, w, space) for c, w in zip(row, widths)) + row[-1])
    return "\n".join(out) + "\n"


UNITS_FIRST = [
    ("序号", "牵头单位", "重点任务", "完成时限"),
    ("1", "市住建局", "完成老旧小区改造 42 个，同步加装电梯 120 部", "2026年11月底前"),
    ("2", "市城管局 市园林中心", "新增口袋公园 15 处，改造提升街头绿地 8 万平方米", "2026年9月底前"),
    ("3", "市交通运输局 市公安交警支队", "优化中心城区公交线网，新开通微循环线路 6 条", "2026年6月底前"),
    ("4", "市自然资源和规划局", "编制城市更新专项规划，划定更新单元", "2026年5月底前"),
    ("5", "市水务集团 市住建局", "改造老旧供水管网 30 公里，漏损率控制在 9% 以内", "持续推进"),
]


def _check(plan) -> None:
    assert [r.text[:6] for r in plan.requirements] == [
        "完成老旧小区", "新增口袋公园", "优化中心城区", "编制城市更新", "改造老旧供水"]
    assert _units(plan, "2-1") == ["市园林中心", "市城管局"]
    # The units cell wider than its column pushes the task right, to a single space.
    assert _units(plan, "3-1") == ["市交通运输局", "市公安交警支队"]
    assert _units(plan, "5-1") == ["市住建局", "市水务集团"]
    assert plan.requirement("5-1").deadline.text == "持续推进"
    assert plan.requirement("2-1").deadline.text == "2026年9月底前"


def test_units_first_rows_with_single_spaces_inside_cells() -> None:
    _check(plan_of(_table(UNITS_FIRST, [6, 26, 50])))


def test_columns_padded_with_full_width_spaces() -> None:
    _check(plan_of(_table(UNITS_FIRST, [8, 30, 52], "\u3000")))


def test_requirement_first_with_a_wrapped_line() -> None:
    text = _table([
        ("序号", "整改任务", "责任科室", "整改时限"),
        ("1", "规范门诊处方点评 每月抽查处方不少于 200 张", "药剂科 医务部", "每月"),
        ("2", "完善院感防控制度", "感染管理科", "2026年4月底前"),
    ], [6, 46, 20])
    lines = text.split("\n")
    # The requirement of row 2 goes on on a line of its own, under its column.
    lines.insert(5, " " * 6 + "开展全员培训考核")
    plan = plan_of("\n".join(lines))
    # (the space beside a number in Chinese text is dropped, as a PDF's font change puts it there)
    assert [r.text for r in plan.requirements] == ["规范门诊处方点评每月抽查处方不少于200张",
                                                    "完善院感防控制度开展全员培训考核"]
    assert _units(plan, "1-1") == ["医务部", "药剂科"]
    assert _units(plan, "2-1") == ["感染管理科"]


def test_rows_not_aligned_with_the_header_are_not_read_so() -> None:
    text = "某县重点任务表\n序号  责任单位      工作任务        完成时限\n" \
           "1 县水利局 完成小型水库除险加固 2026年6月底前\n2 县林业局 完成国土绿化 3 万亩 2026年10月底前\n"
    assert read_offset_rows(text, "t.txt") is None


def test_a_cut_is_the_word_start_nearest_the_offset() -> None:
    line = "3     区交通运输局 区公安交警支队 优化公交线网"
    starts = _word_starts(line)
    # Offsets 0, 6, 30: the task pushed to 32 by the wide units cell, one space before it.
    cuts = _cuts(starts, [0, 6, 30])
    assert line[cuts[0]:].startswith("区交通运输局") and line[cuts[1]:] == "优化公交线网"


def test_single_spaces_in_a_units_cell() -> None:
    assert _cell("县发改局 县粮食和储备中心", True) == "县发改局、县粮食和储备中心"
    assert _cell("县住房和城乡 建设局", True) == "县住房和城乡 建设局"  # a name wrapped at a space
    assert _cell("XX镇 人民政府", True) == "XX镇 人民政府"  # a body word alone continues the name
    assert _cell("新建 3 座", False) == "新建 3 座"


def test_goal_rows_and_rows_under_merged_cells() -> None:
    rows = [
        ("序号", "重点任务", "责任单位", "完成时限", "具体措施"),
        ("一、提升基层治理效能",),
        ("1", "网格化管理", "区委政法委", "2026年6月底前", "优化网格划分，配齐专职网格员"),
        ("", "", "各街道办事处", "2026年9月底前", "建立网格事项准入清单，实行动态调整"),
        ("2", "矛盾纠纷化解", "区司法局 区信访局", "长期坚持", "健全人民调解、行政调解联动机制"),
    ]
    widths = [6, 14, 20, 16]
    out = ["某区2026年基层治理重点任务表", ""]
    for row in rows:
        out.append(row[0] if len(row) == 1 else "".join(_pad(c, w) for c, w in zip(row, widths)) + row[-1])
    plan = plan_of("\n".join(out) + "\n")
    assert [g.name for g in plan.goals] == ["提升基层治理效能"]
    assert [r.text for r in plan.requirements] == [
        "优化网格划分，配齐专职网格员", "建立网格事项准入清单，实行动态调整", "健全人民调解、行政调解联动机制"]
    assert [t.name for t in plan.tasks] == ["网格化管理", "矛盾纠纷化解"]
    assert _units(plan, "1-2") == ["各街道办事处"]
    assert plan.requirement("1-2").deadline.text == "2026年9月底前"
    assert _units(plan, "2-1") == ["区信访局", "区司法局"]
