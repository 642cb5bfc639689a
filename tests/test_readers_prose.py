"""Prose task lists (工作要点 / 分工方案): numbering levels, labelled unit
lines, closing parentheses, group units, deadlines, non-unit brackets."""

from __future__ import annotations

from xltools import labels as L
from xltools.importing.builder import build_plan
from xltools.model import Role
from xltools.importing.readers import read_source
from xltools.importing.readers.prose import units_parenthesis
from textplans import unit_roles


def _plan(text: str, **kw):
    events, meta = read_source(text.encode(kw.pop("encoding", "utf-8")), "p.txt", **kw)
    return build_plan(events, meta)


def test_units_parenthesis_rules() -> None:
    assert units_parenthesis("做好某事。（市发改委牵头，市财政局配合）")[1] == "市发改委牵头，市财政局配合"
    assert units_parenthesis("做好某事（市发改委牵头）。")[0] == "做好某事。"
    assert units_parenthesis("做好某事。（牵头单位：市商务局；配合单位：市财政局）")[2] == [
        ("牵头单位", "市商务局"), ("配合单位", "市财政局")]
    # A deadline inside the units parenthesis goes to 完成时限.
    found = units_parenthesis("做好某事。（市财政局牵头，6月底前完成）")
    assert found[1] == "市财政局牵头" and found[3] == "6月底前完成"
    found = units_parenthesis("做好某事。（市发改委牵头，市直有关部门配合，持续推进）")
    assert found[1] == "市发改委牵头，市直有关部门配合" and found[3] == "持续推进"
    # Brackets that are not units stay in the text.
    assert units_parenthesis("按照《解读工作细则（试行）》要求做好解读（政策文件需添加咨询方式）。") is None
    assert units_parenthesis("实现全流程（名称申报、企业登记、印章刻制、社保登记）。") is None
    assert units_parenthesis("根据规划（运政办发〔2016〕76号）精神。") is None
    # A run of brackets: one names the units, one the deadline, in either order.
    found = units_parenthesis("建成数据中台。【主办科室：信息科、财务科】【办结时间：2026年3月底】")
    assert found[0] == "建成数据中台。" and found[2] == [("主办科室", "信息科、财务科")] and found[3] == "2026年3月底"
    found = units_parenthesis("建成数据中台。〔完成时限：9月底前〕〔市数据局负责〕")
    assert found[0] == "建成数据中台。" and found[1] == "市数据局负责" and found[3] == "9月底前"
    # Two brackets of units are not a run: the earlier one stays in the text.
    assert units_parenthesis("做好某事（市财政局牵头）（市审计局配合）")[0] == "做好某事（市财政局牵头）"


WORK_POINTS = """\
某市2024年政务公开工作要点
一、加强政策解读
（一）做好重要政策解读
1.健全解读机制。严格落实解读方案与政策文件同步报审（市政府办公室牵头，各县（市、区）人民政府、市直各部门按职责分工负责）
2.丰富解读形式。运用图解、视频等方式开展解读，6月底前建立解读专栏。（市委宣传部、市政务服务局牵头，10月底前完成）
二、提升平台效能
3.规范政府网站。加强内容保障。（牵头单位：市政务服务局；配合单位：市委网信办）
"""


def test_work_points_with_trailing_parentheses() -> None:
    plan = _plan(WORK_POINTS)
    assert plan.info.title == "某市2024年政务公开工作要点" and plan.info.year == 2024
    # The 一、 level is the goal when present; titled items are tasks under it.
    assert [(g.name, [t.name for t in g.tasks]) for g in plan.goals] == [
        ("加强政策解读", ["健全解读机制", "丰富解读形式"]), ("提升平台效能", ["规范政府网站"])]
    r1 = plan.requirement("1-1")
    assert r1.text == "严格落实解读方案与政策文件同步报审"
    assert unit_roles(plan, "1-1") == {("市政府办公室", Role.LEAD), ("各县（市、区）人民政府", Role.RESPONSIBLE),
                                   ("市直各部门", Role.RESPONSIBLE)}
    r2 = plan.requirement("2-1")
    assert r2.deadline.text == "10月底前完成" and r2.deadline.date.isoformat() == "2024-10-31"
    assert unit_roles(plan, "2-1") == {("市委宣传部", Role.LEAD), ("市政务服务局", Role.LEAD)}
    assert unit_roles(plan, "3-1") == {("市政务服务局", Role.LEAD), ("市委网信办", Role.ASSIST)}
    kinds = {n.kind for n in plan.notes}
    assert L.REVIEW_TASK_NAME in kinds and L.REVIEW_UNITS in kinds


LABELLED_LINES = """\
一、稳增长
1 .地区生产总值增长6%。
牵头单位：区发改局
协同责任单位：区统计局、区财政局
2、社会消费品零售总额增长8%。
责任单位：区商务局牵头，各街道配合
"""


def test_labelled_unit_lines() -> None:
    plan = _plan(LABELLED_LINES)
    assert [g.name for g in plan.goals] == ["稳增长"]
    assert unit_roles(plan, "1-1") == {("区发改局", Role.LEAD), ("区统计局", Role.ASSIST),
                                   ("区财政局", Role.ASSIST)}
    # A lone 责任单位 line is a wording: its role words count.
    assert unit_roles(plan, "2-1") == {("区商务局", Role.LEAD), ("各街道", Role.ASSIST)}


GROUP_UNITS = """\
（一）应急体系建设
1.完善预案体系
（1）加强预案管理。
（2）推进预案精编化。
（责任单位：市应急局、各县（市、区）人民政府）
2.健全运行机制
① 建立会商制度；
② 健全值守制度。
牵头单位：市政府办公室
"""


def test_group_units_apply_to_all_sub_items() -> None:
    plan = _plan(GROUP_UNITS)
    assert [(t.number, t.name, len(t.requirements)) for t in plan.tasks] == [
        (1, "完善预案体系", 2), (2, "健全运行机制", 2)]
    assert plan.goals[0].name == "应急体系建设"
    for rid in ("1-1", "1-2"):
        assert unit_roles(plan, rid) == {("市应急局", Role.RESPONSIBLE),
                                     ("各县（市、区）人民政府", Role.RESPONSIBLE)}
    for rid in ("2-1", "2-2"):
        assert unit_roles(plan, rid) == {("市政府办公室", Role.LEAD)}
    group_notes = [n for n in plan.notes if "共同的责任单位" in n.message]
    assert {n.requirement_id for n in group_notes} == {"1-1", "1-2", "2-1", "2-2"}


def test_traditional_big5_prose_converted_and_original_kept() -> None:
    text = ("一、堅持系統集成\n"
            "1.全面實施清單管理。編制並公布行政許可事項清單。"
            "（市政府辦公室牽頭，市級各有關部門按職責分工負責）\n")
    plan = _plan(text, encoding="big5")
    assert plan.goals[0].name == "坚持系统集成"
    assert plan.tasks[0].name == "全面实施清单管理"
    assert unit_roles(plan, "1-1") == {("市政府办公室", Role.LEAD), ("市级各有关部门", Role.RESPONSIBLE)}
    trad = [n for n in plan.notes if n.kind == L.REVIEW_TRADITIONAL]
    assert any("牽頭" in n.source for n in trad)


def test_traditional_can_be_kept() -> None:
    text = "一、堅持系統集成\n1.全面實施清單管理。編制並公布清單。（市政府辦公室牽頭）\n"
    plan = _plan(text, simplified=False)
    assert plan.goals[0].name == "堅持系統集成"
    assert unit_roles(plan, "1-1") == {("市政府辦公室", Role.LEAD)}


def test_gbk_prose_with_pinyin_glosses_and_pdf_wrap_spaces() -> None:
    text = ("一、優化營商環境\n"
            "1.深化改革。推進經(jīng)濟體制改革，完 善 審 批制度。（市發改委牽(qiān)頭）\n")
    plan = _plan(text)
    assert plan.requirement("1-1").text == "推进经济体制改革，完善审批制度。"
    assert unit_roles(plan, "1-1") == {("市发改委", Role.LEAD)}
    assert any("jīng" in n.message for n in plan.notes)
    gbk = "一、加强监管\n1.规范执法。推行执法公示制度。（市司法局牵头）\n"
    plan = _plan(gbk, encoding="gb18030")
    assert unit_roles(plan, "1-1") == {("市司法局", Role.LEAD)}


def test_items_without_units_outside_the_list_are_not_requirements() -> None:
    text = ("一、总体要求\n1.指导思想。以新思想为指导。\n2.基本原则。坚持问题导向。\n"
            "二、重点任务\n（一）深化改革\n1.推进放管服改革。压减审批时限。（市政务服务局牵头）\n"
            "2.优化服务。推行一网通办。（市大数据局牵头）\n")
    plan = _plan(text)
    assert [t.name for t in plan.tasks] == ["推进放管服改革", "优化服务"]
    assert plan.goals[0].name == "深化改革"


def test_inline_labels_people_lines_and_mixed_levels() -> None:
    text = ("某区2024年工作要点\n一、优化营商环境\n"
            "1.深化改革。推行一网通办。责任单位：区政务服务局\n牵头领导：王副区长\n"
            "2.加强要素保障。盘活存量土地。牵头单位：区自然资源局；配合单位：各街道办事处\n"
            "二、保障改善民生\n（一）稳定就业。开展就业援助月活动。（区人社局牵头，区财政局配合，6月底前完成）\n")
    plan = _plan(text)
    assert [g.name for g in plan.goals] == ["优化营商环境", "保障改善民生"]
    r = plan.requirement("1-1")
    assert r.text == "推行一网通办。" and r.remark == "牵头领导：王副区长"
    assert unit_roles(plan, "1-1") == {("区政务服务局", Role.RESPONSIBLE)}
    assert not any("王副区长" in a.unit for a in plan.assignments)
    assert unit_roles(plan, "2-1") == {("区自然资源局", Role.LEAD), ("各街道办事处", Role.ASSIST)}
    assert plan.requirement("3-1").deadline.date.isoformat() == "2024-06-30"


def test_units_of_an_item_apply_to_its_sub_items() -> None:
    text = ("一、应急体系\n1.完善预案体系。（市应急局牵头，各县（市、区）人民政府负责）\n"
            "（1）加强预案管理。\n（2）推进预案精编化。\n"
            "2.健全运行机制\n（责任单位：市政府办公室）\n（1）建立会商制度。\n（2）健全值守制度。\n")
    plan = _plan(text)
    assert [(t.name, [r.text for r in t.requirements]) for t in plan.tasks] == [
        ("完善预案体系", ["加强预案管理。", "推进预案精编化。"]),
        ("健全运行机制", ["建立会商制度。", "健全值守制度。"])]
    assert unit_roles(plan, "1-2") == {("市应急局", Role.LEAD), ("各县（市、区）人民政府", Role.RESPONSIBLE)}
    assert unit_roles(plan, "2-2") == {("市政府办公室", Role.RESPONSIBLE)}
    assert sum(1 for n in plan.notes if "上级条目" in n.message) == 4


def test_deadline_labels_next_to_unit_labels() -> None:
    text = ("一、经济发展\n（一）加快项目建设\n5.推进重点项目。\n牵头单位：区发改局\n"
            "责任单位：各街道、区直有关部门\n完成时限：2023年12月底前\n"
            "6.抓好招商引资。（责任单位：区商务局；完成时限：2023年6月底）\n")
    plan = _plan(text)
    assert [(g.name, [t.name for t in g.tasks]) for g in plan.goals] == [("经济发展", ["加快项目建设"])]
    r1, r2 = plan.tasks[0].requirements
    assert r1.deadline.date.isoformat() == "2023-12-31" and r2.deadline.date.isoformat() == "2023-06-30"
    assert unit_roles(plan, r1.id) == {("区发改局", Role.LEAD), ("各街道", Role.RESPONSIBLE),
                                   ("区直有关部门", Role.RESPONSIBLE)}
    assert unit_roles(plan, r2.id) == {("区商务局", Role.RESPONSIBLE)}


def test_village_and_community_units() -> None:
    plan = _plan("一、人居环境\n1.开展村庄清洁行动。（镇农业农村办牵头，各村、各社区配合）\n")
    assert unit_roles(plan, "1-1") == {("镇农业农村办", Role.LEAD), ("各村", Role.ASSIST),
                                   ("各社区", Role.ASSIST)}


def test_half_paren_numbers_and_people_on_the_units_line() -> None:
    text = ("一、稳增长\n1）地区生产总值增长6%。\n牵头领导：张三 牵头单位：区发改局\n责任单位：各街道\n"
            "2）固定资产投资增长10%。\n牵头单位：区发改局\n")
    plan = _plan(text)
    assert [r.text for r in plan.requirements] == ["地区生产总值增长6%。", "固定资产投资增长10%。"]
    assert plan.requirement("1-1").remark == "牵头领导：张三"
    assert unit_roles(plan, "1-1") == {("区发改局", Role.LEAD), ("各街道", Role.RESPONSIBLE)}


def test_role_in_brackets_after_a_unit_name() -> None:
    plan = _plan("一、改革\n1.深化改革。推行一网通办。（市发改委（牵头）、市财政局、市审计局）\n")
    assert unit_roles(plan, "1-1") == {("市发改委", Role.LEAD), ("市财政局", Role.RESPONSIBLE),
                                   ("市审计局", Role.RESPONSIBLE)}


def test_people_inside_the_parenthesis_and_boxed_labels() -> None:
    text = ("XX市2021年政府工作报告重点工作任务分解\n一、推进产业升级\n"
            "1.实施工业强市战略。新增规上企业50户。（牵头领导：张三；牵头单位：市工信局；配合单位：市发改委）\n"
            "2.壮大数字经济。建设数据中心。【牵头单位】市大数据局【责任单位】各县区政府\n")
    plan = _plan(text)
    assert plan.info.year == 2021
    assert plan.requirement("1-1").text == "新增规上企业50户。"
    assert plan.requirement("1-1").remark == "牵头领导：张三"
    assert unit_roles(plan, "1-1") == {("市工信局", Role.LEAD), ("市发改委", Role.ASSIST)}
    assert unit_roles(plan, "2-1") == {("市大数据局", Role.LEAD), ("各县区政府", Role.RESPONSIBLE)}


def test_a_top_level_heading_that_only_wraps_the_task_list_is_not_a_goal() -> None:
    text = ("某县2022年行动计划\n一、总体要求\n以新思想为指导。\n二、重点任务和责任分工\n"
            "（一）开办企业领域。\n1. 提升登记便利度。优化升级一窗通系统。（牵头单位：县市场监管局）\n"
            "2. 提升开户效率。探索账户推送模式。（牵头单位：人民银行县支行）\n"
            "（二）工程建设领域。\n3. 压减审批时间。推行并联审批。（牵头单位：县住建局）\n"
            "三、保障措施\n加强组织领导。\n")
    plan = _plan(text)
    assert [(g.name, [t.name for t in g.tasks]) for g in plan.goals] == [
        ("开办企业领域", ["提升登记便利度", "提升开户效率"]), ("工程建设领域", ["压减审批时间"])]


def test_four_digit_item_numbers_start_items() -> None:
    from xltools.importing.builder import build_plan
    from xltools.importing.readers import read_source

    lines = ["一、推进改革"]
    for n in range(998, 1003):
        lines += [f"{n}.开展第{n}项专项整治工作，确保取得实效。", f"责任单位：市第{n % 7 + 1}局"]
    plan = build_plan(*read_source("\n".join(lines).encode("utf-8"), "t.txt"))
    assert [t.number for t in plan.tasks] == [998, 999, 1000, 1001, 1002]


# ---------------------------------------------------------------- issue 17: labels by grammar,
# units by form, structure by evidence (each mechanism on wording none of the real documents has)

def test_a_label_is_read_by_its_head_noun_and_modifiers() -> None:
    text = ("一、重点督办\n1.推进老旧小区改造。（牵头协调单位：区住建局）\n"
            "2.开展背街小巷整治。\n主要协作单位：区城管局、区交通局\n具体落实单位：各街道办事处\n"
            "3.建设口袋公园5个。\n牵头科室（部门）：园林科\n督办时限：9月底前\n")
    plan = _plan(text)
    assert unit_roles(plan, "1-1") == {("区住建局", Role.LEAD)}
    assert unit_roles(plan, "2-1") == {("区城管局", Role.ASSIST), ("区交通局", Role.ASSIST),
                                   ("各街道办事处", Role.RESPONSIBLE)}
    assert unit_roles(plan, "3-1") == {("园林科", Role.LEAD)}
    assert plan.requirement("3-1").deadline.text == "9月底前"


def test_a_person_label_never_makes_units() -> None:
    plan = _plan("一、项目建设\n1.新建污水处理厂一座。\n牵头负责领导：李明\n牵头责任单位：县水利局\n")
    assert unit_roles(plan, "1-1") == {("县水利局", Role.LEAD)}
    assert "牵头负责领导：李明" in plan.requirement("1-1").remark


def test_units_named_by_a_role_verb_in_the_text() -> None:
    text = ("1、东门菜市场周边占道经营。\n整改措施：由包保单位区商务局负责清理，区城管局配合。\n"
            "2、滨河路绿化带垃圾未清。\n整改措施：由区园林中心、区环卫所负责，3日内完成。\n")
    plan = _plan(text)
    assert unit_roles(plan, "1-1") == {("区商务局", Role.RESPONSIBLE), ("区城管局", Role.ASSIST)}
    assert unit_roles(plan, "2-1") == {("区园林中心", Role.RESPONSIBLE), ("区环卫所", Role.RESPONSIBLE)}
    assert plan.requirement("1-1").text.startswith("东门菜市场周边占道经营")
    assert any(n.kind == L.REVIEW_UNITS and "区商务局负责" in n.message for n in plan.notes)


def test_units_after_the_last_sentence_or_alone_on_a_line() -> None:
    text = ("一、优化营商环境\n1.深化“一网通办”改革，推进事项全程网办。县政务服务中心、县数据局\n"
            "2.开展涉企收费专项检查。\n县市场监管局\n3.推进审批制度改革。县住建局牵头，县自然资源局配合\n")
    plan = _plan(text)
    assert unit_roles(plan, "1-1") == {("县政务服务中心", Role.RESPONSIBLE), ("县数据局", Role.RESPONSIBLE)}
    assert unit_roles(plan, "2-1") == {("县市场监管局", Role.RESPONSIBLE)}
    assert unit_roles(plan, "3-1") == {("县住建局", Role.LEAD), ("县自然资源局", Role.ASSIST)}
    assert plan.requirement("1-1").text == "深化“一网通办”改革，推进事项全程网办。"
    assert sum(n.kind == L.REVIEW_UNITS for n in plan.notes) >= 3  # guessed: every one on 待核对


def test_units_given_once_in_a_group_heading() -> None:
    text = ("督查发现问题如下：\n北关社区（责任单位：城东街道北关社区）\n1、宣传栏破损。\n2、楼道杂物堆放。\n"
            "南街社区：（责任单位：城东街道南街社区）\n1、垃圾桶满溢。\n")
    plan = _plan(text)
    assert [g.name for g in plan.goals] == ["北关社区", "南街社区"]
    for rid in ("1-1", "2-1"):
        assert unit_roles(plan, rid) == {("城东街道北关社区", Role.RESPONSIBLE)}
    assert unit_roles(plan, "3-1") == {("城东街道南街社区", Role.RESPONSIBLE)}


def test_a_page_chrome_line_with_a_bracket_is_no_group_heading() -> None:
    text = ("市水务集团2026年重点工作分工\n发布日期：2026年1月9日　信息来源：综合部（董事会办公室）\n"
            "一、保障供水安全\n1.完成二次供水设施改造20处。（牵头部门：供水管理部；配合部门：工程部）\n"
            "二、提升服务质量\n2.推行用水报装“零跑腿”。（牵头部门：客户服务中心）\n")
    plan = _plan(text)
    assert [g.name for g in plan.goals] == ["保障供水安全", "提升服务质量"]
    assert [r.text for r in plan.requirements] == ["完成二次供水设施改造20处。", "推行用水报装“零跑腿”。"]
    assert unit_roles(plan, "2-1") == {("客户服务中心", Role.LEAD)}


def test_a_deadline_given_once_in_a_group_heading() -> None:
    text = ("一、整改清单\n北关社区（牵头单位：城东街道办事处；配合单位：北关社区；完成时限：6月底前）\n"
            "1、宣传栏破损。\n2、楼道杂物堆放。\n南街社区（责任单位：南街社区；完成时限：9月底前）\n1、垃圾桶满溢。\n")
    plan = _plan(text)
    assert [(g.name, [t.name for t in g.tasks]) for g in plan.goals] == [("整改清单", ["北关社区", "南街社区"])]
    reqs = plan.requirements
    assert [r.deadline.text for r in reqs] == ["6月底前", "6月底前", "9月底前"]
    assert unit_roles(plan, reqs[1].id) == {("城东街道办事处", Role.LEAD), ("北关社区", Role.ASSIST)}


def test_items_run_together_on_one_line() -> None:
    text = ("各有关单位：现将事项通知如下： 一、督办事项 1.清理河道垃圾。(责任单位:县水利局) "
            "2.整治农村厕所。(责任单位;县农业农村局、各乡镇) 3.修缮村级道路。(责任单位:县交通局) "
            "二、工作要求 1.请于月底前报送进展。2.报告要内容翔实。\n")
    plan = _plan(text)
    assert [r.text for r in plan.requirements] == ["清理河道垃圾。", "整治农村厕所。", "修缮村级道路。"]
    assert unit_roles(plan, "2-1") == {("县农业农村局", Role.RESPONSIBLE), ("各乡镇", Role.RESPONSIBLE)}


def test_a_units_line_wrapped_by_the_page_goes_on() -> None:
    text = ("一、加强基层治理\n1.完善街道议事协商机制，推动重大事项由街道党工委讨论决定。\n"
            "牵头单位：区委组织部\n协办单位：区委编办、区民政局、科技园区党工\n委、各街道党工委\n"
            "— 3 —\n2.推进社区减负。\n牵头单位：区民政局\n")
    plan = _plan(text)
    assert unit_roles(plan, "1-1") == {("区委组织部", Role.LEAD), ("区委编办", Role.ASSIST), ("区民政局", Role.ASSIST),
                                   ("科技园区党工委", Role.ASSIST), ("各街道党工委", Role.ASSIST)}


def test_closing_paragraph_adds_no_units_to_the_last_item() -> None:
    text = ("1.幸福里小区无健康教育宣传栏。责任单位：新华街道办。\n2.光明路沿线垃圾清理不及时。责任单位：园区管委会。\n"
            "上述责任单位要高度重视，于5月10日前整改完毕，报市督导组销号。\n市督导组\n")
    plan = _plan(text)
    assert unit_roles(plan, "2-1") == {("园区管委会", Role.RESPONSIBLE)}
    assert plan.requirement("1-1").text.startswith("幸福里小区无健康教育宣传栏；") or \
        plan.requirement("1-1").text.startswith("幸福里小区无健康教育宣传栏")


def test_three_levels_goal_task_requirement() -> None:
    """一、 is the goal, （一） the task, the numbered items its requirements —
    numbered on across the headings or not."""
    text = ("某区2024年重点工作分工方案\n一、推动经济高质量发展\n（一）扩大有效投资\n"
            "1.新开工重大项目30个。（区发改局牵头，各街道配合）\n2.完成固定资产投资100亿元。（区发改局）\n"
            "（二）优化营商环境\n3.推行“一网通办”。（区政务服务中心）\n二、保障和改善民生\n（一）办好民生实事\n"
            "4.新建幼儿园2所。（区教育局）\n")
    plan = _plan(text)
    assert [(g.name, [(t.name, [r.text for r in t.requirements]) for t in g.tasks]) for g in plan.goals] == [
        ("推动经济高质量发展", [("扩大有效投资", ["新开工重大项目30个。", "完成固定资产投资100亿元。"]),
                               ("优化营商环境", ["推行“一网通办”。"])]),
        ("保障和改善民生", [("办好民生实事", ["新建幼儿园2所。"])])]


def test_a_label_alone_on_its_line_names_the_line_below() -> None:
    text = ("2024年重点督办事项\n1.推进城区雨污分流改造。\n牵头单位：\n区住建局\n配合单位：\n区水务局、各街道\n"
            "完成时限：\n2024年10月\n2.新建社区养老服务站5个。\n牵头单位：\n区民政局\n")
    plan = _plan(text)
    assert unit_roles(plan, "1-1") == {("区住建局", Role.LEAD), ("区水务局", Role.ASSIST), ("各街道", Role.ASSIST)}
    assert plan.requirement("1-1").deadline.text == "2024年10月"
    assert unit_roles(plan, "2-1") == {("区民政局", Role.LEAD)}


def test_units_closing_an_item_in_any_bracket_or_after_wei() -> None:
    text = ("2024年工作要点\n一、深化改革\n1.推进国企改革三年行动。〔市国资委牵头，市财政局配合〕\n"
            "2.深化“放管服”改革。【责任单位：市政务服务局】\n3.优化营商环境。责任单位为市营商环境建设局，各县区政府配合。\n"
            "4.按照《条例（试行）》规范审批〔2024〕。\n")
    plan = _plan(text)
    assert unit_roles(plan, "1-1") == {("市国资委", Role.LEAD), ("市财政局", Role.ASSIST)}
    assert unit_roles(plan, "2-1") == {("市政务服务局", Role.RESPONSIBLE)}
    assert unit_roles(plan, "3-1") == {("市营商环境建设局", Role.RESPONSIBLE), ("各县区政府", Role.ASSIST)}
    assert [r.text for r in plan.requirements][:3] == ["推进国企改革三年行动。", "深化“放管服”改革。", "优化营商环境。"]


def test_records_of_labelled_lines() -> None:
    text = ("重点任务清单\n序号：1\n工作任务：建设智慧停车系统\n责任单位：市城管局\n完成时限：2024年9月\n\n"
            "序号：2\n工作任务：改造老旧供水管网20公里\n牵头单位：\n市水务集团\n配合单位：各区政府\n完成时限：2024年12月\n")
    plan = _plan(text)
    assert [r.text for r in plan.requirements] == ["建设智慧停车系统", "改造老旧供水管网20公里"]
    assert unit_roles(plan, "1-1") == {("市城管局", Role.RESPONSIBLE)}
    assert unit_roles(plan, "2-1") == {("市水务集团", Role.LEAD), ("各区政府", Role.ASSIST)}
    assert plan.requirement("2-1").deadline.text == "2024年12月"


def test_a_role_verb_sentence_names_every_role() -> None:
    plan = _plan("一、稳增长\n1.抓好项目建设，全年新开工项目50个。由市发改委牵头，市住建局、市自然资源局配合。\n")
    assert unit_roles(plan, "1-1") == {("市发改委", Role.LEAD), ("市住建局", Role.ASSIST), ("市自然资源局", Role.ASSIST)}


def test_role_clauses_without_you_name_units_a_sentence_naming_a_body_does_not() -> None:
    # …，X牵头，A、B配合，持续推进 / X负责，Y具体落实 / X负责落实: clauses that are only units and
    # their role; 县教育局召开… names a body but assigns nothing.
    text = ("一、安全生产\n1.开展燃气管道隐患排查，完成老旧管网改造30公里，县住建局牵头，县应急局、"
            "县市场监管局配合，持续推进。\n2.推进消防车通道治理。县消防救援大队负责，各镇街具体落实。\n"
            "3.县教育局召开专题会议，部署校园周边交通整治，家长知晓率达到90%。\n"
            "4.整治违规电动自行车充电，城关派出所负责落实。\n")
    plan = _plan(text)
    assert unit_roles(plan, "1-1") == {("县住建局", Role.LEAD), ("县应急局", Role.ASSIST), ("县市场监管局", Role.ASSIST)}
    assert unit_roles(plan, "2-1") == {("县消防救援大队", Role.RESPONSIBLE), ("各镇街", Role.RESPONSIBLE)}
    assert not any(unit for unit, _ in unit_roles(plan, "3-1"))
    assert unit_roles(plan, "4-1") == {("城关派出所", Role.RESPONSIBLE)}
    guessed = [n.message for n in plan.notes if n.kind == L.REVIEW_UNITS]
    assert any("县住建局牵头" in m for m in guessed) and any("城关派出所负责落实" in m for m in guessed)
    assert any(n.kind == L.REVIEW_NO_UNIT and n.requirement_id == "3-1" for n in plan.notes)


def test_units_named_as_a_units_label_in_running_text() -> None:
    # X为牵头单位，Y作为配合部门 / X负总责: the label grammar names the role in the text.
    text = ("一、城市更新\n1.推进背街小巷改造，年内完成40条，区城管局为牵头单位，各街道作为配合部门。\n"
            "2.建立改造项目联审机制，区政府负总责，区发改局、区财政局配合。\n")
    plan = _plan(text)
    assert unit_roles(plan, "1-1") == {("区城管局", Role.LEAD), ("各街道", Role.ASSIST)}
    assert unit_roles(plan, "2-1") == {("区政府", Role.RESPONSIBLE), ("区发改局", Role.ASSIST), ("区财政局", Role.ASSIST)}


def test_a_deadline_set_once_in_the_notice_goes_to_every_item_without_one() -> None:
    text = """\
关于河滨公园周边秩序问题的督办通知
各有关单位：
  经巡查，发现以下问题，请相关单位务必于9月12日前整改到位，并将结果报县督查室。
待办事项：
1.河滨公园东门占道摆摊。（责任单位：城东社区）
2.公园北侧路灯损坏，10月底前修复。（责任单位：县城管局）
3.健身步道积水。（责任单位：县住建局）
县督查室
"""
    plan = _plan(text)
    rows = list(plan.iter_requirements())
    assert [r.deadline.text for _, _, r in rows] == ["9月12日前", "10月底前", "9月12日前"]
    # The short heading before the first item names the list (the goal).
    assert {g.name for g, _, _ in rows} == {"待办事项"}
    assert any(L.NOTE_DOCUMENT_DEADLINE.split("“")[0] in n.message for n in plan.notes)


def test_two_different_deadlines_in_the_notice_set_none() -> None:
    text = """\
请于9月12日前完成整改，于9月20日前上报整改结果。
1.河滨公园东门占道摆摊。（责任单位：城东社区）
2.健身步道积水。（责任单位：县住建局）
"""
    rows = list(_plan(text).iter_requirements())
    assert [r.deadline.text for _, _, r in rows] == ["", ""]
    assert {g.name for g, _, _ in rows} != {"附件"}


def test_an_attachment_list_and_a_signature_are_no_items_and_no_units() -> None:
    text = """\
各镇（街道），县直各部门：
现将有关文件印发给你们，请抓好落实。
附件：1.全县秋冬季森林防火任务清单
2.森林防火值班安排表
3.森林防火物资储备表
某县人民政府办公室
2024年10月8日
一、加强火源管控
1.严格野外用火审批。凡进入林区作业须持证，严禁野外祭祀烧纸。
责任单位：县林业局、各镇（街道）
2.开展隐患排查整治。对林区输电线路、坟头集中区逐一排查。
责任单位：县应急管理局、县供电公司
"""
    plan = _plan(text)
    rows = list(plan.iter_requirements())
    assert [r.text[:4] for _, _, r in rows] == ["凡进入林", "对林区输"]
    assert [t.name for _, t, _ in rows] == ["严格野外用火审批", "开展隐患排查整治"]
    assert "某县人民政府办公室" not in {u.name for u in plan.units}


def test_a_short_title_alone_on_the_items_first_line_is_its_task() -> None:
    text = """\
三、加强市容管理
（一）事项类型：环境整治
清理背街小巷积存垃圾，做到日产日清。
责任单位：县城管局
（二）事项类型：交通秩序
规范城区停车秩序，重点路段施划停车泊位。
牵头单位：县公安局交警大队
责任单位：县交通运输局
"""
    rows = list(_plan(text).iter_requirements())
    assert [(g.name, t.name, r.text[:4]) for g, t, r in rows] == [
        ("加强市容管理", "环境整治", "清理背街"), ("加强市容管理", "交通秩序", "规范城区")]


def test_a_bare_year_beside_the_units_is_the_deadline() -> None:
    # （县文旅局，2026）: the units and the year the item is due, no deadline wording.
    from xltools.importing.builder import build_plan
    from xltools.importing.readers import read_source

    text = ("一、2026年为民办实事项目\n\n1.乡村文化礼堂提质工程。新建和改造提升乡村文化礼堂12家。（县文旅局，2026）\n\n"
            "2.城乡公交一体化工程。新增和优化城乡公交线路8条，更新新能源公交车30辆。（县交通运输局，2026年）\n")
    plan = build_plan(*read_source(text.encode("utf-8"), "t.txt"))
    assert [r.text for r in plan.requirements] == ["新建和改造提升乡村文化礼堂12家。", "新增和优化城乡公交线路8条，更新新能源公交车30辆。"]
    assert [r.deadline.text for r in plan.requirements] == ["2026", "2026年"]
    assert [a.unit for a in plan.assignments_for(plan.requirements[0].id)] == ["县文旅局"]


def test_a_label_right_after_a_unit_name_whose_space_was_dropped() -> None:
    # 〔承办科室：设备处、信息科　协办科室：财务处〕: cleaning drops the space between
    # Chinese characters; the unit name before the second label stays a unit.
    plan = _plan("一、重点工作\n1.完成影像系统升级。〔承办科室：设备处、信息科　协办科室：财务处〕\n"
                 "2.更新病案管理制度。（承办科室：病案室、质控办　完成时间：2025年3月底前）\n")
    assert unit_roles(plan, "1-1") == {("设备处", Role.RESPONSIBLE), ("信息科", Role.RESPONSIBLE),
                                   ("财务处", Role.ASSIST)}
    assert unit_roles(plan, "2-1") == {("病案室", Role.RESPONSIBLE), ("质控办", Role.RESPONSIBLE)}
    assert "3月底前" in plan.requirement("2-1").deadline.display or plan.requirement("2-1").deadline.date


def test_a_people_part_in_an_unlabelled_units_bracket_goes_to_the_remark() -> None:
    # （X牵头，Y配合；分管领导：…）: split at ；, the people part is a remark, never a unit;
    # a deadline part beside it is the item's deadline.
    text = ("某县2024年重点任务分工\n一、提升治理效能\n"
            "1.推进基层网格化管理全覆盖。（县委政法委牵头，各乡镇配合；分管领导：赵刚）\n"
            "2.完善应急物资储备体系。（县应急管理局；责任领导：钱明；完成时限：2024年9月底前）\n")
    plan = _plan(text)
    assert unit_roles(plan, "1-1") == {("县委政法委", Role.LEAD), ("各乡镇", Role.ASSIST)}
    assert "分管领导：赵刚" in plan.requirement("1-1").remark
    assert unit_roles(plan, "2-1") == {("县应急管理局", Role.RESPONSIBLE)}
    assert "责任领导：钱明" in plan.requirement("2-1").remark
    assert plan.requirement("2-1").deadline.date.isoformat() == "2024-09-30"
    assert not any("赵刚" in a.unit or "钱明" in a.unit for a in plan.assignments)


GROUP_UNITS_WITH_HELPERS = """\
某区水务局2026年工作要点
一、守牢防汛安全底线
（一）完善防汛指挥体系（牵头处室：防汛办；责任处室：河湖科）
1.修订区级防汛应急预案，汛前完成演练。
2.建设山洪灾害监测预警平台二期。（信息中心协助）
3.落实水库安全度汛“三个责任人”。
二、推进节水型社会建设
4.开展节水型机关创建。（节约用水办公室负责）
"""


def test_group_units_reach_items_that_name_only_helpers() -> None:
    plan = _plan(GROUP_UNITS_WITH_HELPERS)
    group = {("防汛办", Role.LEAD), ("河湖科", Role.RESPONSIBLE)}
    assert [(t.name, len(t.requirements)) for t in plan.tasks][:1] == [("完善防汛指挥体系", 3)]
    ids = [r.id for r in plan.tasks[0].requirements]
    assert unit_roles(plan, ids[0]) == group
    assert unit_roles(plan, ids[1]) == group | {("信息中心", Role.ASSIST)}
    assert unit_roles(plan, ids[2]) == group
    last = plan.tasks[-1].requirements[-1]
    assert unit_roles(plan, last.id) == {("节约用水办公室", Role.RESPONSIBLE)}


SUPERVISED_MATTERS = """\
关于市政府专题会议议定事项的督办通知
督办事项一：推进老旧管网更新
工作措施：完成城北片区供水管网改造8.5公里。
承办单位：市城投集团
办结时限：2026年10月31日
督办事项二：提升12345热线办理质效
落实要求：工单按时办结率达到98%以上。
承办单位：市政务服务中心
办结时限：每月25日前
"""


def test_a_requirement_opened_by_its_own_label_loses_the_label() -> None:
    plan = _plan(SUPERVISED_MATTERS)
    texts = [r.text for t in plan.tasks for r in t.requirements]
    assert texts == ["完成城北片区供水管网改造8.5公里。", "工单按时办结率达到98%以上。"]


def test_a_time_wording_closing_the_role_clauses_is_the_deadline() -> None:
    plan = _plan("""\
某县2026年河湖长制工作要点
一、强化河湖管护
1.开展河湖“清四乱”常态化整治，由县水利局负责，各乡镇配合，持续推进。
2.完成小型水库除险加固3座，由县水利局负责，各乡镇配合，汛前完成主体工程。
""")
    reqs = [r for t in plan.tasks for r in t.requirements]
    assert reqs[0].deadline.text == "持续推进"
    assert reqs[1].deadline.text != "汛前完成主体工程"  # a clause of work, not only a time wording
    assert any("持续推进" in n.message and n.requirement_id == reqs[0].id for n in plan.notes)
