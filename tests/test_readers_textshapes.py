"""Tables flattened by hand or by a page's mobile rendering into text: label lines over
value lines whose empty values vanished, a glued header over space-separated rows whose
cells wrap side by side. Wording here is none of the corpora's."""

from __future__ import annotations

from xltools.importing.readers.scoring import score_reading
from xltools.importing.readers.rows import RawRow
from xltools.model import Role
from textplans import plan_of, units_by_role


CARDS = """\
某区政务网 手机版
某区2025年养老服务提升行动任务清单
发布时间：2025-04-02 09:30 | 来源：区民政局 | 阅读 88

工作类别
一、居家养老服务
编号
1
重点任务
为80岁以上独居老人安装紧急呼叫设备1200台。
主办部门
区民政局
协办部门
各街道办事处
办结时间
2025年9月底前

编号
2
重点任务
培育居家养老服务组织10家以上，服务覆盖所有社区。
主办部门
区民政局
协办部门
办结时间

工作类别
二、机构养老服务
编号
3
重点任务
完成公办养老院适老化改造3所。
主办部门

承办单位
区城投集团、区卫健局
办结时间
2025年11月底前

编号
4
重点任务
推动医养结合机构与社区卫生服务中心签约全覆盖。
主办部门
区卫健局
协办部门
区医保分局、区民政局
办结时间


附件：养老服务提升行动任务清单.docx
"""


def test_label_lines_whose_empty_values_vanished() -> None:
    plan = plan_of(CARDS)
    assert [r.text[:10] for r in plan.requirements] == [
        "为80岁以上独居老人", "培育居家养老服务组织", "完成公办养老院适老化", "推动医养结合机构与社"]
    # A group's label (工作类别) opens the next group: each record keeps its own group.
    assert [g.name for g in plan.goals] == ["居家养老服务", "机构养老服务"]
    assert [g.name for g, _, _ in plan.iter_requirements()] == ["居家养老服务"] * 2 + ["机构养老服务"] * 2
    # 协办部门 right over 办结时间 (they stand with a value between elsewhere): an empty value,
    # not a unit; the deadline empty, not the next record's label.
    assert units_by_role(plan, "2-1") == {Role.LEAD: {"区民政局"}}
    assert not plan.requirements[1].deadline.text
    # A rare label after a label's empty value (a blank line) is a label: its units responsible.
    assert units_by_role(plan, "3-1") == {Role.RESPONSIBLE: {"区城投集团", "区卫健局"}}
    assert plan.requirements[2].deadline.text == "2025年11月底前"
    # The page's publication line above the records is no field; the attachment line under
    # the last label's empty value is no deadline.
    assert not plan.requirements[3].deadline.text
    assert units_by_role(plan, "4-1") == {Role.LEAD: {"区卫健局"}, Role.ASSIST: {"区医保分局", "区民政局"}}
    assert not {a.unit for a in plan.assignments} & {"协办部门", "承办单位", "办结时间"}


def test_a_label_opening_a_requirement_with_its_value_counts_as_no_requirement() -> None:
    good = [RawRow(requirement="为独居老人安装紧急呼叫设备。", units="区民政局", number=str(k)) for k in range(1, 4)]
    glued = good + [RawRow(requirement="完成时限2025年9月底前", units="区民政局", number="4")]
    # The glued label row lowers the quality and adds no requirement.
    assert score_reading(glued) < score_reading(good)


ROWS = """\
某镇2025年防汛备汛重点工作分解表
序号重点工作责任单位责任人完成时间
1 全面排查山塘水库、地质灾害隐患点，建立 镇应急办 镇自然资 周 涛 5月15日前
隐患清单并逐一落实防范措施 源所
2 组织开展防汛应急演练，各村（社区）至 镇水利站 何 静 5月31日前
少开展1次
3 储备编织袋、救生衣等防汛物资，落实专 镇水利站 何 静 汛期前
人管理
4 汛期实行24小时值班和领导带班制度 镇党政办 镇综合执 郑 宏 9月底前
法队 镇派出所
— 1 —
注：排在第一位的为主要责任单位。
某镇防汛抗旱指挥部办公室
2025年4月20日
"""


def test_a_glued_header_over_rows_whose_cells_wrap_side_by_side() -> None:
    plan = plan_of(ROWS)
    assert [r.text for r in plan.requirements] == [
        "全面排查山塘水库、地质灾害隐患点，建立隐患清单并逐一落实防范措施",
        "组织开展防汛应急演练，各村（社区）至少开展1次",
        "储备编织袋、救生衣等防汛物资，落实专人管理",
        "汛期实行24小时值班和领导带班制度"]
    resp = [units_by_role(plan, f"{k}-1").get(Role.RESPONSIBLE, set()) for k in range(1, 5)]
    # A unit cut by its column (镇自然资 / 源所) is one name, opened by its place
    # word beside a whole name (镇应急办 镇自然资); a line of a units cell may hold the rest of
    # one name and another (法队 镇派出所).
    assert resp == [{"镇应急办", "镇自然资源所"}, {"镇水利站"}, {"镇水利站"},
                    {"镇党政办", "镇综合执法队", "镇派出所"}]
    assert [r.deadline.text for r in plan.requirements][:2] == ["5月15日前", "5月31日前"]
    # The table's note and the signature under it are no row and no units.
    assert not any("主要责任单位" in r.text or "指挥部" in r.text for r in plan.requirements)
    assert not any("指挥部" in a.unit for a in plan.assignments)


PIPES = """\
首页 | 信息公开 | 规划计划 |

某县2025年数字政府建设任务分工
序号 | 建设任务 | 主要内容 | 主办单位 | 协办单位 | 完成时间 |
1 | 夯实数字底座 | 建成县级政务云平台，迁移上云系统40个。 | 县数据局 | 县财政局 | 2025年8月底前 |
2 |
| 推进政务网络整合，县乡村三级全覆盖。 | 县数据局 | 各乡镇人民政府 | 2025年10月底前 |
3 | 提升政务服务 | 推行高频事项“免证办”。 | 县政务服务中心 | 县直有关部门 | 2025年6月底前 |
4 |
| 建设“一件事”集成办理专区，上线事项30件。 | 县政务服务中心 |
|
| 每学期末 |

（注：主办单位为多个的，排在第一位的为主要主办单位。）

相关链接：
1.某县数字政府建设方案.pdf
"""


def test_pipe_rows_split_where_a_merged_cell_stood_and_lines_under_the_table() -> None:
    plan = plan_of(PIPES)
    assert [r.text[:8] for r in plan.requirements] == ["建成县级政务云平", "推进政务网络整合", "推行高频事项“免",
                                                      "建设“一件事”集"]
    assert [t.name for _, t, _ in plan.iter_requirements()] == ["夯实数字底座"] * 2 + ["提升政务服务"] * 2
    assert units_by_role(plan, "2-1") == {Role.LEAD: {"县数据局"}, Role.ASSIST: {"各乡镇人民政府"}}
    # The row's last cells came on lines of their own: a bare | an empty cell, then the deadline
    # (the start or end of a recurring period is a deadline: 每学期末).
    assert units_by_role(plan, "4-1") == {Role.LEAD: {"县政务服务中心"}}
    assert plan.requirements[3].deadline.text == "每学期末"
    # The note and the links under the table are no rows.
    assert not any("注" in r.text or "相关链接" in r.text or ".pdf" in r.text for r in plan.requirements)


def test_the_start_or_end_of_a_recurring_period_is_a_deadline() -> None:
    from xltools.deadlines import is_deadline_phrase
    assert all(is_deadline_phrase(t) for t in ("每学年初", "每旬末", "学期中", "每个季度末前"))
    assert not any(is_deadline_phrase(t) for t in ("学期教学", "月报", "学年论文"))
