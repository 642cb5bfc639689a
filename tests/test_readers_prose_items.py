"""Prose items read by their grammar (issue 17): fields after the units bracket,
items labelled by a numbered noun (第N条, 问题N, 督办事项一), units on a goal
heading in any bracket, and no numbered item lost without a note. Wording here
is in none of the corpora."""

from __future__ import annotations

from xltools import labels as L
from xltools.model import Role
from textplans import plan_of, unit_roles


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
    plan = plan_of(FIELD_AFTER_BRACKET)
    assert [t[:6] for t in _texts(plan)] == ["完善防火预警", "开展防火宣传", "完成人工造林"]
    assert unit_roles(plan, "1-1") == {("防火科", Role.RESPONSIBLE), ("资源科", Role.ASSIST), ("各林场", Role.ASSIST)}
    assert plan.requirement("1-1").deadline.text == "5月底前"
    assert plan.requirement("2-1").deadline.text == "3月底前"
    assert unit_roles(plan, "2-1") == {("防火科", Role.RESPONSIBLE)}


UNREAD_ITEM = """\
某区文旅局2025年工作安排
一、文旅融合
1.打造夜间文旅消费集聚区2个。（责任单位：区文旅局、区商务局）
2.举办“四季游”系列活动。（责任单位：区文旅局）
二、其他工作
3.推进全域旅游示范区创建，做好迎检准备
"""


def test_a_numbered_item_that_is_no_requirement_is_on_the_review_sheet() -> None:
    plan = plan_of(UNREAD_ITEM)
    assert [t[:6] for t in _texts(plan)] == ["打造夜间文旅", "举办“四季游"]
    notes = [n for n in plan.notes if "推进全域旅游" in (n.source or "")]
    assert len(notes) == 1 and notes[0].kind == L.REVIEW_SKIPPED
    assert notes[0].message == L.NOTE_ITEM_NOT_READ.format(number="3.")


ARTICLES = """\
某中学教学质量提升办法
第一章　课堂教学
第一条　推行分层走班教学，高一年级全面实施。（承担科室：教导处；协作科室：各年级组）
第二条　建立听评课制度，每学期听课不少于20节。（承担科室：教科室；完成期限：2025年7月）
第二章　考试评价
第三条　完善学业质量监测，每学期开展两次质量分析。（承担科室：教导处）
本办法自印发之日起施行。
"""


def test_regulation_articles_are_items_and_chapters_their_goals() -> None:
    plan = plan_of(ARTICLES)
    assert [(g.name, [r.text[:6] for t in g.tasks for r in t.requirements]) for g in plan.goals] == [
        ("课堂教学", ["推行分层走班", "建立听评课制"]), ("考试评价", ["完善学业质量"])]
    assert unit_roles(plan, "1-1") == {("教导处", Role.RESPONSIBLE), ("各年级组", Role.ASSIST)}
    assert plan.requirement("2-1").deadline.text == "2025年7月"


NOUN_ITEMS = """\
关于审计发现问题整改情况的报告
一、财务管理方面
问题一：部分项目支出未按预算执行，存在超支现象。
整改举措：严格执行预算管理办法，超预算支出一律报党组会审定。
牵头科室：计财科（牵头）、办公室
完成期限：2025年6月30日前
问题二：固定资产账实不符。
整改举措：开展资产全面清查。
牵头科室：资产管理科
完成期限：2025年9月底前
二、项目管理方面
问题三：个别项目未按期验收。
整改举措：建立项目验收台账。
承办科室：项目科
完成期限：长期坚持
"""


def test_items_opened_by_a_numbered_noun_keep_their_measure_and_deadline() -> None:
    plan = plan_of(NOUN_ITEMS)
    texts = _texts(plan)
    assert [t[:6] for t in texts] == ["部分项目支出", "固定资产账实", "个别项目未按"]
    # The measure stays with its problem, as its remark (a 整改清单: the problem is the
    # requirement, the measure its detail); the next problem never runs into the deadline.
    assert "超预算支出一律报党组会审定" not in texts[0]
    assert plan.requirements[0].remark.startswith("整改举措：严格执行预算管理办法，超预算支出一律报党组会审定")
    assert [r.deadline.display for _, _, r in plan.iter_requirements()] == [
        "2025-06-30", "2025年9月底前", "长期坚持"]
    assert [g.name for g in plan.goals] == ["财务管理方面", "项目管理方面"]
    assert unit_roles(plan, "3-1") == {("项目科", Role.RESPONSIBLE)}


SUPERVISED = """\
区政府督查室督办通知
督办事项1：完成背街小巷改造15条。
督查部门：区政府督查室
落实单位：区住建局、区城管局
完成时限：2025年10月底前
督办事项2：推进老旧小区加装电梯。
督查部门：区政府督查室
落实单位：区住建局
完成时限：2025年12月底前
"""


def test_an_overseeing_label_beside_the_assignees_is_a_remark() -> None:
    plan = plan_of(SUPERVISED)
    assert [t[:6] for t in _texts(plan)] == ["完成背街小巷", "推进老旧小区"]
    assert unit_roles(plan, "1-1") == {("区住建局", Role.RESPONSIBLE), ("区城管局", Role.RESPONSIBLE)}
    assert unit_roles(plan, "2-1") == {("区住建局", Role.RESPONSIBLE)}
    assert "区政府督查室" in plan.requirement("1-1").remark


GOAL_UNITS = """\
某县交通运输局2025年工作要点
一、加快路网建设
（一）新改建农村公路80公里。【责任单位：县公路中心】
（二）完成危桥改造5座。【责任单位：县公路中心、各乡镇】
二、提升运输服务【牵头单位：县运管所；协作单位：县交警大队、县应急局】
（一）开通城乡公交线路3条。
（二）整治非法营运车辆。
"""


def test_units_on_a_goal_heading_apply_to_its_items_and_it_stays_the_goal() -> None:
    plan = plan_of(GOAL_UNITS)
    assert [(g.name, [r.text[:6] for t in g.tasks for r in t.requirements]) for g in plan.goals] == [
        ("加快路网建设", ["新改建农村公", "完成危桥改造"]), ("提升运输服务", ["开通城乡公交", "整治非法营运"])]
    for rid in ("3-1", "4-1"):
        assert unit_roles(plan, rid) == {("县运管所", Role.LEAD), ("县交警大队", Role.ASSIST),
                                     ("县应急局", Role.ASSIST)}
    assert not any(n for n in plan.notes if n.kind == L.REVIEW_SKIPPED)
    assert not any("〕" in a.unit or "】" in a.unit for a in plan.assignments)


ONE_LINE = ("某镇2025年人居环境整治方案 一、整治目标 村庄保洁覆盖率达到100%。 二、工作措施 （一）清理村庄垃圾。"
            "1.开展房前屋后清理，由镇环卫所负责，各村配合。2.整治河塘沟渠，由镇水利站负责。 （二）改善村容村貌。"
            "3.拆除危旧房屋，由镇规建办负责，各村配合。4.建设小微公园，由镇规建办牵头，镇财政所配合。 三、工作要求 "
            "1.各村要明确专人负责。2.镇纪委将开展督查。")


def test_items_run_together_keep_their_headings() -> None:
    plan = plan_of(ONE_LINE)
    # 二、工作措施 only wraps the list (labels.SECTION_WORDS): the （一） headings are the goals.
    got = [(g.name, r.text[:6]) for g, _, r in plan.iter_requirements()]
    assert got == [("清理村庄垃圾", "开展房前屋后"), ("清理村庄垃圾", "整治河塘沟渠"),
                   ("改善村容村貌", "拆除危旧房屋"), ("改善村容村貌", "建设小微公园")]
    assert not any("（二）" in t or "（一）" in t for t in _texts(plan))
    # The paragraphs of 工作要求 are no requirements, but none of them vanishes unseen.
    unread = [n for n in plan.notes if n.kind == L.REVIEW_SKIPPED and "各村要明确专人" in (n.source or "")]
    assert len(unread) == 1


BETWEEN = """\
某县卫健局2025年重点工作
一、公共卫生
1.完成适龄儿童免疫规划疫苗接种率95%以上。（责任单位：县疾控中心）
二、医疗服务
2.推进紧密型县域医共体建设，年内实现乡镇全覆盖
3.开展基层医疗机构服务能力提升行动，创建社区医院2家
三、中医药
4.建设中医馆3个。（责任单位：县中医院）
四、保障措施
5.加强组织领导，定期调度工作进展
"""


def test_unit_less_items_between_items_with_units_are_requirements_on_the_review_sheet() -> None:
    plan = plan_of(BETWEEN)
    texts = [t[:6] for t in _texts(plan)]
    assert texts == ["完成适龄儿童", "推进紧密型县", "开展基层医疗", "建设中医馆3"]
    missing = {n.requirement_id for n in plan.notes if n.kind == L.REVIEW_NO_UNIT}
    assert missing == {"2-1", "3-1"}
    # After the last item with units, a numbered paragraph is no requirement but is noted.
    assert any(n.kind == L.REVIEW_SKIPPED and "加强组织领导" in (n.source or "") for n in plan.notes)


PARALLEL_GROUPS = """\
某区2025年消防安全整治方案
一、总体要求
1.坚持人民至上，压实各方责任
二、主要任务
（一）排查隐患
1.全面排查高层建筑消防设施，建立隐患台账
（二）集中整治
2.整治电动自行车违规充电。（责任单位：区消防救援大队、各街道）
三、工作要求
3.各单位要按月报送工作进展
"""


def test_unit_less_items_of_a_group_beside_a_group_with_units_are_requirements() -> None:
    plan = plan_of(PARALLEL_GROUPS)
    assert [t[:6] for t in _texts(plan)] == ["全面排查高层", "整治电动自行"]
    assert {n.requirement_id for n in plan.notes if n.kind == L.REVIEW_NO_UNIT} == {"1-1"}
    # 总体要求 and 工作要求 are other parts of the document: noted, not requirements.
    unread = [n.source for n in plan.notes if n.kind == L.REVIEW_SKIPPED]
    assert any("坚持人民至上" in s for s in unread) and any("按月报送" in s for s in unread)


NUMBERED_PROBLEMS_WITH_FIELDS = """\
某市市场监管局审计整改落实情况表
（一）财务管理方面
1.部分专项资金结转结余未及时清理。
整改举措：全面清理结转资金，按规定收回统筹使用。
责任股室：财务审计股
完成期限：2025年6月底前
2.政府采购合同备案不及时。
整改举措：建立采购合同台账，逐月核对。
责任股室：办公室、财务审计股
完成期限：2025年3月底前
"""


def test_numbered_lines_with_labelled_fields_below_are_the_items_requirements() -> None:
    plan = plan_of(NUMBERED_PROBLEMS_WITH_FIELDS)
    texts = _texts(plan)
    assert [t[:8] for t in texts] == ["部分专项资金结转", "政府采购合同备案"]
    assert unit_roles(plan, "1-1") == {("财务审计股", Role.RESPONSIBLE)}
    assert {u for u, _ in unit_roles(plan, "2-1")} == {"办公室", "财务审计股"}
