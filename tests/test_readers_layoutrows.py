"""PDF text with its layout kept (pdftotext -layout): columns aligned by runs
of spaces, cells wrapped over lines, read by position (readers/layoutrows.py)."""

from __future__ import annotations

from xltools.importing.builder import build_plan
from xltools.importing.readers import read_source
from xltools.importing.readers.layoutrows import _join_lines, layout_columns, layout_rows
from xltools.model import Role
from textplans import unit_roles

LAYOUT = """\
                     某县优化营商环境攻坚行动任务台账

  序号              攻坚任务                      责任单位           完成期限
   1    推行企业开办“一窗通办”，全流程压缩    县市场监管局         2025年3月
        至1个工作日以内。                     县政务服务中心       底前
                                              县税务局
   2    开展涉企违规收费专项清理，建立问题    县发展改革局、县财
        线索移交机制，清理结果向社会公开。    政局，各乡镇人民政   2025年6月30日前
                                              府
                                 - 2 -
   3    完善“白名单”企业融资对接，年内新增    县金融服务中心（牵   长期坚持
        首贷户不少于50户。                    头），县农商银行
"""


def _plan(text: str):
    events, meta = read_source(text.encode("utf-8"), "t.txt")
    return build_plan(events, meta), meta


def test_columns_by_position_and_cells_joined_over_lines() -> None:
    plan, meta = _plan(LAYOUT)
    assert [r.text for r in plan.requirements] == [
        "推行企业开办“一窗通办”，全流程压缩至1个工作日以内。",
        "开展涉企违规收费专项清理，建立问题线索移交机制，清理结果向社会公开。",
        "完善“白名单”企业融资对接，年内新增首贷户不少于50户。"]
    # One unit per short line; a name wrapped by the column's width is one name.
    assert {u for u, _ in unit_roles(plan, "1-1")} == {"县市场监管局", "县政务服务中心", "县税务局"}
    assert {u for u, _ in unit_roles(plan, "2-1")} == {"县发展改革局", "县财政局", "各乡镇人民政府"}
    assert ("县金融服务中心", Role.LEAD) in unit_roles(plan, "3-1")
    assert {u for u, _ in unit_roles(plan, "3-1")} == {"县金融服务中心", "县农商银行"}
    assert plan.requirement("1-1").deadline.text == "2025年3月底前"  # a deadline wrapped too
    assert plan.requirement("3-1").deadline.text == "长期坚持"
    # The page number between two rows is neither a row nor glued to one.
    assert not any("2 -" in r.text for r in plan.requirements)
    assert not [r for r in meta.review if "漏读" in str(r)]


def test_a_line_as_wide_as_its_column_goes_on_in_the_next() -> None:
    # 12 and 14 wide in display columns: the first line fills the column, the name goes on.
    assert _join_lines([("县公安局", 8), ("巡特警大队", 10)], 8, True) == "县公安局巡特警大队"
    # A shorter line ends a name: two units.
    assert _join_lines([("县公安局", 8), ("巡特警大队", 10)], 12, True) == "县公安局、巡特警大队"
    # A body word alone is the tail of the name above, however short that line.
    assert _join_lines([("ZZ镇", 4), ("人民政府", 8)], 12, True) == "ZZ镇人民政府"
    # A text column is joined as it was wrapped.
    assert _join_lines([("完成整改", 8), ("销号。", 6)], 12, False) == "完成整改销号。"


WRAPPED_HEADER = """\
              某县2025年耕地保护专项整治问题整改清单

 序号   整改任务                              责任          完成
                                              单位          时限
 1      对卫片执法发现的违法占地问题逐宗      县自然资源    2025年6
        核查，依法拆除复耕。                  局、各乡镇    月底前
 2      开展撂荒地复耕复种，建立台账动态      县农业农村    2025年
        销号。                                局            10月底前
"""


def test_header_words_wrapped_onto_the_next_line_by_a_narrow_column() -> None:
    plan, _ = _plan(WRAPPED_HEADER)
    assert [r.text for r in plan.requirements] == ["对卫片执法发现的违法占地问题逐宗核查，依法拆除复耕。",
                                                   "开展撂荒地复耕复种，建立台账动态销号。"]
    assert {u for u, _ in unit_roles(plan, "1-1")} == {"县自然资源局", "各乡镇"}
    assert {u for u, _ in unit_roles(plan, "2-1")} == {"县农业农村局"}
    assert plan.requirement("2-1").deadline.text == "2025年10月底前"


CENTRED_NUMBERS = """\
                 某区2025年为民办实事项目任务分解表

 序号     实事项目                              责任单位              完成时限

          新建改建公办幼儿园3所，新增学位       区教育局、区住建
  1       1080个。                              局，各街道办事处      2025年8月底前

          完成老旧小区改造12个，同步加装电      区住建局
  2       梯40部。                              区城管局              2025年11月底前
                                                各街道办事处

  3       新增公共停车泊位2000个。              区交通运输局          2025年12月底前
"""


def test_rows_parted_by_blank_lines_with_the_number_centred_in_each() -> None:
    plan, _ = _plan(CENTRED_NUMBERS)
    assert [r.text for r in plan.requirements] == ["新建改建公办幼儿园3所，新增学位1080个。",
                                                   "完成老旧小区改造12个，同步加装电梯40部。", "新增公共停车泊位2000个。"]
    assert {u for u, _ in unit_roles(plan, "1-1")} == {"区教育局", "区住建局", "各街道办事处"}
    assert {u for u, _ in unit_roles(plan, "2-1")} == {"区住建局", "区城管局", "各街道办事处"}
    assert {u for u, _ in unit_roles(plan, "3-1")} == {"区交通运输局"}


def test_a_numbered_heading_alone_on_its_line_is_a_goal_row() -> None:
    text = """\
  序号   工作事项               具体措施                              责任单位
  一、夯实基层治理基础
  1      网格员队伍建设         按每300户配备1名专职网格员，年内完成  区委政法委
                                人员招录。
  2      矛盾纠纷排查           每月开展一次矛盾纠纷集中排查化解。    各街道办事处
  二、提升公共服务水平
  3      社区食堂建设           新建社区长者食堂12个。                区民政局
"""
    lines = text.splitlines()
    labels = ["序号", "工作事项", "具体措施", "责任单位"]
    kinds = ["number", "task", "requirement", "units"]
    found = layout_columns(lines, 0, labels, 1, frozenset())
    assert found is not None
    cells, row_lines, _, headings = layout_rows(lines, kinds, 1, frozenset(), *found)
    assert [row[0] for k, row in enumerate(cells) if k in headings] == ["一、夯实基层治理基础", "二、提升公共服务水平"]
    assert [row[2] for k, row in enumerate(cells) if k not in headings] == [
        "按每300户配备1名专职网格员，年内完成人员招录。", "每月开展一次矛盾纠纷集中排查化解。", "新建社区长者食堂12个。"]
    plan, _ = _plan(text)
    assert [g.name for g in plan.goals] == ["夯实基层治理基础", "提升公共服务水平"]
    assert unit_roles(plan, "3-1") == {("区民政局", Role.RESPONSIBLE)}
