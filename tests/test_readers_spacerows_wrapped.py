"""Space rows under a header wrapped over two lines, with a signature below the
last row (issue 17, third blind set): readers/spacerows.py. Wording here is in
none of the corpora."""

from __future__ import annotations

from xltools import labels as L
from xltools.importing.readers.columns import resolve_text_columns
from xltools.importing.readers.spacerows import wrapped_header_line as wrapped_header
from xltools.model import Role
from textplans import plan_of, unit_roles


def test_a_header_wrapped_over_two_lines_is_joined_where_the_words_read_best() -> None:
    assert wrapped_header("编号 事项 具体内容 牵头 协办 办结".split(), "类型 单位 科室 期限".split()) == \
        ["编号", "事项类型", "具体内容", "牵头单位", "协办科室", "办结期限"]
    # a row of cells is no header tail: its words are not short header words
    assert wrapped_header("1 道路养护 完成国省道大中修20公里。 县交通局 县财政局 年底前".split(),
                          "2 桥梁检测".split()) is None
    # nothing joins to a line below that holds more words than the line above
    assert wrapped_header("序号 任务 单位".split(), "名称 内容 牵头 配合".split()) is None


def test_two_goal_headers_and_no_requirement_column_the_right_one_of_sentences_is_the_requirement() -> None:
    kinds, decided = resolve_text_columns(
        ["number", "goal", "goal", "units"],
        [["1", "2"], ["道路养护", "桥梁检测"],
         ["完成国省道大中修20公里，修复坑槽。", "对全县危桥开展定期检测。"], ["县交通局", "县公路中心"]])
    assert kinds[2] == "requirement" and 2 in decided and kinds[1] == "goal"


TABLE = """\
某县交通运输局2026年重点工作清单

编号 事项 具体工作目标 分管 牵头 协办 办结
类型 领导 科室 科室 期限
1 道路养护 完成国省道大中修20公里，路况指数保持在85以上。 刘 洋 公路科 财务科 建管科 11月底前
2 桥梁检测 对全县危桥开展定期检测，完成3座危桥改造。 陈建国 建管科 公路中心 年底前
3 运输服务 新开通城乡公交线路4条，建制村通客车率保持100%。 周 杰 运管科 各乡镇 9月底前

县交通运输局办公室 2026年2月3日印发
打印 关闭
"""


def test_space_rows_under_a_wrapped_header_with_a_signature_below() -> None:
    plan = plan_of(TABLE)
    assert [r.text for r in plan.requirements] == [
        "完成国省道大中修20公里，路况指数保持在85以上。", "对全县危桥开展定期检测，完成3座危桥改造。",
        "新开通城乡公交线路4条，建制村通客车率保持100%。"]
    assert unit_roles(plan, "1-1") == {("公路科", Role.LEAD), ("财务科", Role.ASSIST), ("建管科", Role.ASSIST)}
    assert unit_roles(plan, "2-1") == {("建管科", Role.LEAD), ("公路中心", Role.ASSIST)}
    assert unit_roles(plan, "3-1") == {("运管科", Role.LEAD), ("各乡镇", Role.ASSIST)}
    # the leader column keeps its spaced names out of the requirement
    assert all("刘洋" not in r.text and "周杰" not in r.text for r in plan.requirements)
    skipped = [n.source for n in plan.notes if n.kind == L.REVIEW_SKIPPED]
    assert any("2026年2月3日印发" in s for s in skipped) and any("打印" in s for s in skipped)
