"""Rows whose cells wrap side by side, as a ruled table's PDF text comes out
line by line across the page (pdfplumber, a viewer's copy): readers/wrappedrows.py
through readers/spacerows.py. Wording and units of no corpus document."""

from __future__ import annotations

from xltools.importing.readers.columns import header_score
from xltools.importing.readers.wrappedrows import deinterleave, display_width, ended, wrapped_header
from xltools.model import Role
from textplans import plan_of, unit_roles


# A water-affairs table printed to PDF: narrow columns, a wrapped 序/号 and 完成时/限 header,
# cells of a row going on side by side, a page number and the header repeated on page 2.
SIDE_BY_SIDE = """\
某县2025年河湖长制重点任务清单
序 主要任务 牵头部门 协同部门 完成时
号 限
1 开展河道“清四乱”专项行动，清 县水务局 县自然资源和 2025年6
理违规建筑物12处。 规划局、县农 月底前
业农村局
2 推进城区雨污管网改造，新增截 县住房城乡建 县水务局、各 2025年10
污管网18公里。 设局 乡镇人民政府 月底前
- 1 -
序 主要任务 牵头部门 协同部门 完成时
号 限
3 建立河湖健康档案，完成重点河 县水务局 县生态环境分 每季度
流健康评价。 局
4 组织开展河湖巡查。 县水务局 各乡镇人民政 长期坚持
府
"""


def test_cells_wrapped_side_by_side() -> None:
    plan = plan_of(SIDE_BY_SIDE)
    assert [r.text for r in plan.requirements] == [
        "开展河道“清四乱”专项行动，清理违规建筑物12处。", "推进城区雨污管网改造，新增截污管网18公里。",
        "建立河湖健康档案，完成重点河流健康评价。", "组织开展河湖巡查。"]
    assert unit_roles(plan, "1-1") == {("县水务局", Role.LEAD), ("县自然资源和规划局", Role.ASSIST),
                                   ("县农业农村局", Role.ASSIST)}
    assert unit_roles(plan, "2-1") == {("县住房城乡建设局", Role.LEAD), ("县水务局", Role.ASSIST),
                                   ("各乡镇人民政府", Role.ASSIST)}
    assert unit_roles(plan, "3-1") == {("县水务局", Role.LEAD), ("县生态环境分局", Role.ASSIST)}
    assert unit_roles(plan, "4-1") == {("县水务局", Role.LEAD), ("各乡镇人民政府", Role.ASSIST)}
    deadlines = [r.deadline.display for r in plan.requirements]
    assert "6月底" in deadlines[0] and "10月底" in deadlines[1]
    assert deadlines[2:] == ["每季度", "长期坚持"]


def test_a_short_line_ends_its_cell() -> None:
    # 县水务局 is shorter than its column (县住房城乡建 is as wide as it gets): it ended, so the
    # next line's two pieces go on the text and the cooperating units, not on the lead.
    kinds = ["number", "requirement", "units", "units", "deadline"]
    widths = [1, 30, 12, 14, 9]
    first = ["1", "开展河道“清四乱”专项行动，清", "县水务局", "县自然资源和", "2025年6"]
    words = [("理违规建筑物12处。", 1, True), ("规划局、县农", 1, False), ("月底前", 1, False)]
    assert deinterleave(kinds, first, [words], widths) == [
        "1", "开展河道“清四乱”专项行动，清理违规建筑物12处。", "县水务局", "县自然资源和规划局、县农", "2025年6月底前"]
    # A piece wider than any open cell: not this reading.
    assert deinterleave(kinds, first, [[("这一行比任何一列都宽得多得多得多得多得多", 1, True)]], widths) is None


def test_what_ends_a_cell() -> None:
    assert ended("units", "县水务局")
    assert not ended("units", "县水务局、县农")
    assert not ended("units", "县公安局（县")  # a bracket left open goes on
    assert ended("requirement", "完成评价。")
    assert ended("deadline", "2025年6月底前") and not ended("deadline", "2025年6")
    assert display_width("县水务局") == 8 and display_width("2025年") == 6


def test_wrapped_header_words() -> None:
    labels = ["序", "主要任务", "责任", "牵头部门", "完成时"]
    joined = wrapped_header(labels, [["号", "县领", "限"], ["导"], ["1", "开展"]], header_score)
    assert joined == (["序号", "主要任务", "责任县领导", "牵头部门", "完成时限"], 2)
    # A line of data under the header is no part of it.
    assert wrapped_header(["序号", "主要任务", "牵头部门"], [["1", "开展巡查", "县水务局"]], header_score) is None
