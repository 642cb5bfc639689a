"""Prose groups and their edges (issue 17 items 5 and 7): a heading wrapping the
task list is the goal where the levels below name no goal and task of their own,
units keyed to a group's items by their numbers, a whole-line units bracket of
any kind after a group, and a signature with its date of issue that is no unit.
Wording here is in none of the corpora."""

from __future__ import annotations

from xltools import labels as L
from xltools.model import Role
from textplans import plan_of, unit_roles


def _rows(plan):
    return [(g.name, t.name, r.text[:6]) for g, t, r in plan.iter_requirements()]


WRAPPED_UNTITLED = """\
某县文旅局2025年为民办实事安排
一、2025年文旅惠民项目
（一）提升公共文化服务
1.新建城市书房3处，配备图书不少于1万册（责任单位：县图书馆）
2.开展送戏下乡演出60场（责任单位：县文化馆）
（二）改善旅游设施
3.改造A级景区旅游厕所12座（责任单位：县文旅局、各景区管委会）
二、工作要求
（一）各单位要细化方案，按月报送进展。
"""


def test_a_heading_wrapping_untitled_items_is_their_goal() -> None:
    plan = plan_of(WRAPPED_UNTITLED)
    assert _rows(plan) == [("2025年文旅惠民项目", "提升公共文化服务", "新建城市书房"),
                           ("2025年文旅惠民项目", "提升公共文化服务", "开展送戏下乡"),
                           ("2025年文旅惠民项目", "改善旅游设施", "改造A级景区")]


WRAPPED_TITLED = """\
某市人社局关于实施技能提升行动的意见
一、实施三项技能行动
（一）企业职工技能行动。围绕重点产业开展培训。
1.订单式培训。每年培训企业职工2000人次。（牵头单位：市人社局，配合单位：市工信局）
2.以工代训。支持企业以工代训5000人。（牵头单位：市人社局，配合单位：市财政局）
二、保障措施
（一）加强组织领导。
"""


def test_a_heading_wrapping_titled_items_under_goals_is_skipped() -> None:
    plan = plan_of(WRAPPED_TITLED)
    assert _rows(plan) == [("企业职工技能行动", "订单式培训", "每年培训企业"),
                           ("企业职工技能行动", "以工代训", "支持企业以工")]


KEYED = """\
某街道2025年为民办实事项目
一、改善居住环境
（一）背街小巷整治
①硬化破损路面2.3公里，增设路灯40盏。
②整治小巷乱堆乱放点位30处。
③新增口袋公园2个。
【责任部门：城建办（①③）、综合执法队（②）；完成时间：2025年11月底前】
二、强化民生保障
（一）为辖区困难老人安装烟感报警器300个。（责任部门：平安办）
"""


def test_units_keyed_by_item_numbers_go_to_their_items() -> None:
    plan = plan_of(KEYED)
    reqs = [r for _, _, r in plan.iter_requirements()]
    assert [r.text[:4] for r in reqs] == ["硬化破损", "整治小巷", "新增口袋", "为辖区困"]
    assert unit_roles(plan, reqs[0].id) == {("城建办", Role.RESPONSIBLE)}
    assert unit_roles(plan, reqs[1].id) == {("综合执法队", Role.RESPONSIBLE)}
    assert unit_roles(plan, reqs[2].id) == {("城建办", Role.RESPONSIBLE)}
    assert all("2025年11月底前" in r.deadline.display for r in reqs[:3])
    keyed = [n for n in plan.notes if n.requirement_id == reqs[1].id and "条目编号" in n.message]
    assert len(keyed) == 1 and "综合执法队" in keyed[0].message


UNKEYED_BRACKET = """\
某镇2025年重点工作
一、人居环境整治
（一）农村厕所改造
①完成户厕改造200户。
②建设公厕8座。
〔责任单位：镇农业服务中心、各村；完成时限：10月底前〕
二、产业发展
（一）新建蔬菜大棚50座。（责任单位：镇农业服务中心）
"""


def test_a_whole_line_bracket_of_any_kind_after_a_group_gives_every_item_its_units() -> None:
    plan = plan_of(UNKEYED_BRACKET)
    reqs = [r for _, _, r in plan.iter_requirements()]
    assert [r.text[:4] for r in reqs[:2]] == ["完成户厕", "建设公厕"]
    for r in reqs[:2]:
        assert unit_roles(plan, r.id) == {("镇农业服务中心", Role.RESPONSIBLE), ("各村", Role.RESPONSIBLE)}
        assert "10月底前" in r.deadline.display
        assert any(n.kind == L.REVIEW_UNITS and "共同" in n.message for n in plan.notes if n.requirement_id == r.id)


def test_a_number_that_is_no_item_of_the_group_keys_nothing() -> None:
    text = KEYED.replace("综合执法队（②）", "综合执法队（⑤）")
    plan = plan_of(text)
    reqs = [r for _, _, r in plan.iter_requirements()]
    # Not split by numbers: every item keeps the whole line, as written, for a person to check.
    assert all(unit_roles(plan, r.id) for r in reqs[:3])
    assert not any("条目编号" in n.message for n in plan.notes)


SIGNED_ONE_LINE = """\
某燃气公司2025年安全生产重点工作
一、隐患排查
（一）开展老旧管网隐患排查，年内完成80公里。由管网运行部负责，各营业所配合。
（二）推进居民用户安装燃气报警器。客户服务部牵头，各营业所配合。
某燃气公司办公室　　2025年3月2日印发
"""

SIGNED_TWO_LINES = """\
某燃气公司2025年安全生产重点工作
一、隐患排查
1.开展老旧管网隐患排查，年内完成80公里。（责任部门：管网运行部）
2.推进居民用户安装燃气报警器。（责任部门：客户服务部）
二、其他工作
各部门要按月报送进展。
某燃气公司办公室

2025年3月2日印发
"""


def test_a_signature_with_its_date_of_issue_is_no_unit_and_no_deadline() -> None:
    plan = plan_of(SIGNED_ONE_LINE)
    last = [r for _, _, r in plan.iter_requirements()][-1]
    assert unit_roles(plan, last.id) == {("客户服务部", Role.LEAD), ("各营业所", Role.ASSIST)}
    assert not last.deadline.display
    plan = plan_of(SIGNED_TWO_LINES)
    assert [(g.name, r.text[:4]) for g, _, r in plan.iter_requirements()] == \
        [("隐患排查", "开展老旧"), ("隐患排查", "推进居民")]
    assert "某燃气公司办公室" not in {u.name for u in plan.units}


TOGETHER = """\
某镇2025年重点工作
一、平安建设
1.开展校园周边安全隐患排查，每月一次。综治办牵头，会同派出所、市场监管所共同落实。
2.推进农村道路安全劝导站建设。由交管站负责，协同各村委会推进。
3.做好防汛物资储备，会同有关方面研究制定预案。应急办负责。
"""


def test_a_clause_going_on_with_who_acts_together_names_cooperating_units() -> None:
    plan = plan_of(TOGETHER)
    reqs = [r for _, _, r in plan.iter_requirements()]
    assert unit_roles(plan, reqs[0].id) == {("综治办", Role.LEAD), ("派出所", Role.ASSIST), ("市场监管所", Role.ASSIST)}
    assert unit_roles(plan, reqs[1].id) == {("交管站", Role.RESPONSIBLE), ("各村委会", Role.ASSIST)}
    # 会同有关方面 names no unit: only the clause that is nothing but units and a role counts.
    assert unit_roles(plan, reqs[2].id) == {("应急办", Role.RESPONSIBLE)}


JOINT_SIGNATURE = """\
某街道2025年工作要点
一、基层治理
1.推进网格化服务管理，网格事件办结率98%以上。网格中心牵头，各社区配合。
2.开展矛盾纠纷排查化解。司法所负责。

中共某某街道工作委员会
某某街道办事处
2025年1月8日
"""


def test_offices_signing_together_above_the_date_are_no_units() -> None:
    plan = plan_of(JOINT_SIGNATURE)
    last = [r for _, _, r in plan.iter_requirements()][-1]
    assert unit_roles(plan, last.id) == {("司法所", Role.RESPONSIBLE)}
    assert not {"中共某某街道工作委员会", "某某街道办事处"} & {u.name for u in plan.units}


def test_a_groups_short_name_cut_at_the_line_end_goes_on_in_one_name() -> None:
    text = ("某县2025年林业重点工作\n一、国土绿化\n1.完成植树造林3万亩。\n牵头单位：县林业局\n"
            "责任单位：县自然资源局、各乡\n\n镇林业站\n2.开展森林防火巡查。\n牵头单位：县应急局\n")
    plan = plan_of(text)
    first = [r for _, _, r in plan.iter_requirements()][0]
    assert unit_roles(plan, first.id) == {("县林业局", Role.LEAD), ("县自然资源局", Role.RESPONSIBLE),
                                      ("各乡镇林业站", Role.RESPONSIBLE)}


def test_a_section_heading_is_read_by_its_grammar_and_is_no_goal() -> None:
    text = ("某区2025年扬尘治理方案\n四、主要举措\n（一）工地扬尘管控\n1.落实工地围挡、冲洗等六个百分百。"
            "（责任单位：区住建局）\n2.渣土车密闭运输。（责任单位：区城管局）\n")
    plan = plan_of(text)
    assert {(g.name, t.name) for g, t, _ in plan.iter_requirements()} == {("工地扬尘管控", "")}


LIST_TAIL = """\
某市生态环境局2025年重点工作
一、执法监管
（一）开展执法大练兵，全年办理案件100件。执法支队、监测站等单位负责。
（二）推进智慧环保平台建设。
责任处室：信息中心
协助处室：办公室
二、审批改革
（三）清理涉企收费。法规科、财务科等相关部门按职责分工负责。
"""


def test_units_closed_by_a_list_tail_before_their_role_are_read() -> None:
    plan = plan_of(LIST_TAIL)
    reqs = [r for _, _, r in plan.iter_requirements()]
    assert [r.text[:4] for r in reqs] == ["开展执法", "推进智慧", "清理涉企"]
    # The labelled lines after （二） are its own: （一） names its units in its text.
    assert unit_roles(plan, reqs[0].id) == {("执法支队", Role.RESPONSIBLE), ("监测站", Role.RESPONSIBLE)}
    assert unit_roles(plan, reqs[1].id) == {("信息中心", Role.RESPONSIBLE), ("办公室", Role.ASSIST)}
    assert unit_roles(plan, reqs[2].id) == {("法规科", Role.RESPONSIBLE), ("财务科", Role.RESPONSIBLE)}


UNITS_FIRST = """\
某区2025年城市更新重点任务分工
一、老旧小区改造
1.区房管中心、各街道办事处：完成老旧小区改造56个，惠及居民1.2万户。
2.区城管执法局：完成背街小巷整治30条。
二、公共服务设施
3.区教体局：新建中小学3所，新增学位4500个。
4.主要目标：建成社区卫生服务中心2个。
"""


def test_an_item_opening_with_its_units_and_a_colon_names_them() -> None:
    plan = plan_of(UNITS_FIRST)
    reqs = [r for _, _, r in plan.iter_requirements()]
    assert [r.text[:4] for r in reqs[:3]] == ["完成老旧", "完成背街", "新建中小"]
    assert unit_roles(plan, reqs[0].id) == {("区房管中心", Role.RESPONSIBLE), ("各街道办事处", Role.RESPONSIBLE)}
    assert unit_roles(plan, reqs[2].id) == {("区教体局", Role.RESPONSIBLE)}
    assert all(any(n.kind == L.REVIEW_UNITS for n in plan.notes if n.requirement_id == r.id) for r in reqs[:3])
    # 主要目标 is no unit: that item names none.
    assert not any(a.unit == "主要目标" for a in plan.assignments)
    # Every line is read: the units before the colon and the work after it.
    assert not [n for n in plan.notes if n.kind == L.REVIEW_SKIPPED and n.source.startswith(("1.", "2.", "3."))]


def test_an_item_opening_with_its_units_in_a_bracket_names_them() -> None:
    text = ("某县农业农村局2025年工作要点\n一、粮食安全\n1.〔县植保站〕开展病虫害统防统治20万亩。\n"
            "2.〔县农机中心、各乡镇农技站〕推广机插秧5万亩。\n二、其他\n3.〔2025年〕完成年度总结。\n")
    plan = plan_of(text)
    reqs = [r for _, _, r in plan.iter_requirements()]
    assert [r.text[:4] for r in reqs[:2]] == ["开展病虫", "推广机插"]
    assert unit_roles(plan, reqs[1].id) == {("县农机中心", Role.RESPONSIBLE), ("各乡镇农技站", Role.RESPONSIBLE)}
    assert not any(a.unit.startswith("2025") for a in plan.assignments)


SCOPED = """\
某区2025年为民办实事
一、教育
1.新建幼儿园2所。（责任单位：区教育局）
2.新增公办学位1200个。
3.改造薄弱学校校舍1.5万平方米。
以上两项由区教育局负责，区住建局配合，8月底前完成。
二、医疗
4.建成区域医疗中心1个。
5.为65岁以上老人免费体检。
上述工作由区卫健局牵头，各街道配合。
"""


def test_a_scope_line_names_the_units_of_as_many_items_as_it_counts() -> None:
    plan = plan_of(SCOPED)
    reqs = [r for _, _, r in plan.iter_requirements()]
    assert [r.text[:4] for r in reqs] == ["新建幼儿", "新增公办", "改造薄弱", "建成区域", "为65岁"]
    assert unit_roles(plan, reqs[0].id) == {("区教育局", Role.RESPONSIBLE)}
    for r in reqs[1:3]:
        assert unit_roles(plan, r.id) == {("区教育局", Role.RESPONSIBLE), ("区住建局", Role.ASSIST)}
        assert "8月底前" in r.deadline.display
    for r in reqs[3:]:
        assert unit_roles(plan, r.id) == {("区卫健局", Role.LEAD), ("各街道", Role.ASSIST)}
        assert any("上述工作" in n.message for n in plan.notes if n.requirement_id == r.id)


PARTS = """\
某市2025年政府工作报告重点任务分工
第一部分 经济发展
一、扩大有效投资
（一）实施重大项目攻坚。全年实施重点项目300个。（责任单位：市发改委）
（二）加快专项债券发行使用。争取专项债券额度60亿元。（责任单位：市财政局）
二、提振消费
（三）开展促消费活动100场以上。（责任单位：市商务局）
第二部分 社会民生
三、稳定就业
（四）城镇新增就业4万人。（责任单位：市人社局）
"""


def test_the_first_level_is_the_goal_under_a_part_heading() -> None:
    plan = plan_of(PARTS)
    assert _rows(plan) == [("扩大有效投资", "实施重大项目攻坚", "全年实施重点"),
                           ("扩大有效投资", "加快专项债券发行使用", "争取专项债券"),
                           ("提振消费", "", "开展促消费活"), ("稳定就业", "", "城镇新增就业")]


def test_keyed_units_in_a_bracket_broken_over_two_lines() -> None:
    text = ("某街道2025年为民办实事\n一、公共服务提升\n（一）养老助餐\n①新建社区养老服务站2个。\n"
            "②新增社区食堂1个。\n【责任部门：社会事务办（①）、\n各社区（②）；完成时间：2025年9月底前】\n"
            "二、保障措施\n（一）加强组织领导。\n")
    plan = plan_of(text)
    reqs = [r for _, _, r in plan.iter_requirements()]
    assert unit_roles(plan, reqs[0].id) == {("社会事务办", Role.RESPONSIBLE)}
    assert unit_roles(plan, reqs[1].id) == {("各社区", Role.RESPONSIBLE)}
    assert all("2025年9月底前" in r.deadline.display for r in reqs)
