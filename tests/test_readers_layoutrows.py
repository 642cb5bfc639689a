"""PDF text with its layout kept (pdftotext -layout): columns aligned by runs
of spaces, cells wrapped over lines, read by position (readers/layoutrows.py)."""

from __future__ import annotations

from xltools.importing.builder import build_plan
from xltools.importing.readers import read_source
from xltools.importing.readers.layoutrows import _join_lines
from xltools.model import Role

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


def _units(plan, rid):
    return {(a.unit, a.role) for a in plan.assignments_for(rid)}


def test_columns_by_position_and_cells_joined_over_lines() -> None:
    plan, meta = _plan(LAYOUT)
    assert [r.text for r in plan.requirements] == [
        "推行企业开办“一窗通办”，全流程压缩至1个工作日以内。",
        "开展涉企违规收费专项清理，建立问题线索移交机制，清理结果向社会公开。",
        "完善“白名单”企业融资对接，年内新增首贷户不少于50户。"]
    # One unit per short line; a name wrapped by the column's width is one name.
    assert {u for u, _ in _units(plan, "1-1")} == {"县市场监管局", "县政务服务中心", "县税务局"}
    assert {u for u, _ in _units(plan, "2-1")} == {"县发展改革局", "县财政局", "各乡镇人民政府"}
    assert ("县金融服务中心", Role.LEAD) in _units(plan, "3-1")
    assert {u for u, _ in _units(plan, "3-1")} == {"县金融服务中心", "县农商银行"}
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
