"""Prose items read by their grammar (issue 17): fields after the units bracket,
items labelled by a numbered noun (第N条, 问题N, 督办事项一), units on a goal
heading in any bracket, and no numbered item lost without a note. Wording here
is in none of the corpora."""

from __future__ import annotations

from xltools import labels as L
from xltools.importing.builder import build_plan
from xltools.importing.readers import read_source
from xltools.model import Role


def _plan(text: str):
    events, meta = read_source(text.encode("utf-8"), "p.txt")
    return build_plan(events, meta)


def _units(plan, req_id):
    return {(a.unit, a.role) for a in plan.assignments_for(req_id)}


def _texts(plan):
    return [r.text for _, _, r in plan.iter_requirements()]


FIELD_AFTER_BRACKET = """\
某县林业局2025年重点工作
一、加强森林防火
1.完善防火预警体系，建设瞭望塔4座。(承办科室:防火科;协助科室:资源科,各林场)截止时间:5月底前
2.开展防火宣传进村入户活动。(承办科室:防火科)截止时间:3月底前
二、推进国土绿化
3.完成人工造林1.2万亩。(承办科室:造林科;协助科室:各乡镇林业站)
"""


def test_a_labelled_field_after_the_units_bracket_belongs_to_the_item() -> None:
    plan = _plan(FIELD_AFTER_BRACKET)
    assert [t[:6] for t in _texts(plan)] == ["完善防火预警", "开展防火宣传", "完成人工造林"]
    assert _units(plan, "1-1") == {("防火科", Role.RESPONSIBLE), ("资源科", Role.ASSIST), ("各林场", Role.ASSIST)}
    assert plan.requirement("1-1").deadline.text == "5月底前"
    assert plan.requirement("2-1").deadline.text == "3月底前"
    assert _units(plan, "2-1") == {("防火科", Role.RESPONSIBLE)}


UNREAD_ITEM = """\
某区文旅局2025年工作安排
一、文旅融合
1.打造夜间文旅消费集聚区2个。（责任单位：区文旅局、区商务局）
2.举办“四季游”系列活动。（责任单位：区文旅局）
二、其他工作
3.推进全域旅游示范区创建，做好迎检准备
"""


def test_a_numbered_item_that_is_no_requirement_is_on_the_review_sheet() -> None:
    plan = _plan(UNREAD_ITEM)
    assert [t[:6] for t in _texts(plan)] == ["打造夜间文旅", "举办“四季游"]
    notes = [n for n in plan.notes if "推进全域旅游" in (n.source or "")]
    assert len(notes) == 1 and notes[0].kind == L.REVIEW_SKIPPED
    assert notes[0].message == L.NOTE_ITEM_NOT_READ.format(number="3.")
